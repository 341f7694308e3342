"""Where an event happened: the place named in the event's own clause, else the article's dateline.

Places are resolved in the packaged gazetteer (:mod:`eventwire.actors.places`).  A sector-only actor
("riot police", "protesters") takes the country of the place its event happened in.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from eventwire.actors.mentions import ArticleActors
from eventwire.actors.places import Gazetteer
from eventwire.models import ActorMention, Article, Location

OTHER_CLAUSE_DEPS = frozenset({"relcl", "ccomp", "advcl", "acl", "parataxis", "csubj"})
LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "across", "throughout", "inside"})


class Locator:
    """Finds an event's location with a gazetteer (None: no locations)."""

    def __init__(self, gazetteer: Gazetteer | None) -> None:
        self.gazetteer = gazetteer

    def locate(self, article: Article, actors: ArticleActors, tok: Any) -> Location | None:
        """Where the event happened: a place after a locative preposition in the trigger's clause
        (the nearest to the trigger), else the article's dateline; None when neither resolves."""
        gazetteer = self.gazetteer
        if gazetteer is None:
            return None
        prefer = actors.countries_mentioned
        clause = tok
        while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
            clause = clause.head
        places: list[tuple[int, Any]] = []
        for prep in clause.subtree:
            if prep.dep_ != "prep" or prep.lower_ not in LOCATIVE_PREPS or in_other_clause(prep, clause, tok):
                continue
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.ent_type_ in {"GPE", "LOC", "FAC"}:
                    places.append((abs(pobj.i - tok.i), pobj))
        for _, pobj in sorted(places, key=lambda p: p[0]):
            name = " ".join(
                t.text for t in pobj.subtree if t.ent_type_ == pobj.ent_type_ and t.ent_iob_ != "O"
            )
            found = gazetteer.resolve(name or pobj.text, prefer, how="sentence")
            if found is not None:
                return found
        if article.dateline:
            return gazetteer.resolve(article.dateline, prefer, how="dateline")
        return None

    @staticmethod
    def place_country(actors: ArticleActors, tok: Any) -> str:
        """The country of a place the trigger's clause is located in ("rallied in Minsk")."""
        verb = tok
        while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
            verb = verb.head
        for scope in (verb.subtree, verb.sent):  # the clause first, then the whole sentence
            for t in scope:  # "in/at/outside <place>"
                if (
                    t.dep_ == "pobj"
                    and t.head.lower_ in LOCATIVE_PREPS
                    and t.ent_type_ in {"GPE", "LOC", "FAC"}
                ):
                    m = actors.mention(t)
                    if m is not None and m.country and not m.sector:
                        return m.country
        return ""


def in_other_clause(token: Any, clause: Any, trigger: Any) -> bool:
    """Whether ``token`` lies in a clause embedded under ``clause`` other than the trigger's own
    ("Germany criticized Russia, which held a summit in Tehran": Tehran is not where it criticized)."""
    node = token
    while node.i != clause.i and node.head.i != node.i:
        if (
            node.dep_ in OTHER_CLAUSE_DEPS
            and node.i != trigger.i
            and trigger.i not in {t.i for t in node.subtree}
        ):
            return True
        node = node.head
    return False


def localise(mention: ActorMention, country: str) -> ActorMention:
    """A sector-only actor ("protesters", "the government") takes the country of the event's place."""
    if mention.members or mention.country or not mention.sector:
        return mention
    return replace(mention, country=country, matched_by=mention.matched_by + "+event-place")


__all__ = ["LOCATIVE_PREPS", "Locator", "in_other_clause", "localise"]
