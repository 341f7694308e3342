"""Resolve one actor phrase the way the coder would (``eventwire actor``).

The phrase is parsed on its own, or inside a context sentence that contains it, and resolved by
:class:`~eventwire.actors.mentions.ArticleActors` as of a date: country or organisation code,
sector, CAMEO-style code, and the rule or entry that decided it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from eventwire.actors.dictionary import resolve_phrase
from eventwire.actors.mentions import ArticleActors
from eventwire.errors import InputError
from eventwire.models import ActorMention
from eventwire.resources import Resources

__all__ = ["ActorAnswer", "resolve_actor"]


@dataclass(frozen=True, slots=True)
class ActorAnswer:
    text: str
    country: str  # ISO 3166 alpha-3, an organisation code (UNO, NAT, ...), IGO/NGO/IMG, or ""
    sector: str
    type: str  # IGO/NGO/IMG for an international body, "" for a country
    matched_by: str
    members: tuple[str, ...] = ()  # codes of a joint actor ("China and Russia")

    @property
    def code(self) -> str:
        return f"{self.country}{self.sector}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "country": self.country,
            "sector": self.sector,
            "code": self.code,
            "type": self.type,
            "matched_by": self.matched_by,
            "members": list(self.members),
        }


def _heads(tokens: list[Any]) -> list[Any]:
    """Candidate heads of the phrase: the first word whose syntactic head lies outside the phrase, then
    the right-most such noun ("forces" of "British forces" in "US and British forces", where the
    conjunct "British" hangs on "US")."""
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i] or [tokens[-1]]
    nominal = [t for t in heads if t.pos_ in {"NOUN", "PROPN", "PRON"}]
    return list(dict.fromkeys([heads[0], *nominal[-1:]]))


def _fullness(mention: ActorMention | None) -> int:
    return 0 if mention is None else 2 * bool(mention.country or mention.members) + bool(mention.sector)


def _modified(head: Any) -> Any | None:
    """The noun a modifier phrase belongs to ("Hungarian" in "Hungarian and Romanian officials")."""
    token = head
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ in {"amod", "compound"} and token.pos_ in {"ADJ", "PROPN"} and token.head.pos_ == "NOUN":
        return token.head
    return None


def _is_name(phrase: str) -> bool:
    words = phrase.split()
    return bool(words) and all(w[:1].isupper() for w in words if w.isalpha() and len(w) > 3)


def _by_name(
    resources: Resources, phrase: str, start: int, on: dt.date | None, name: str
) -> ActorMention | None:
    """A name (``name``, the phrase or what it abbreviates) looked up directly: the office-holders,
    then the entity table."""
    end = start + len(phrase)
    held = resources.people.lookup(name, on)
    if held is not None:
        how = resources.people.matched_by(held, on)
        return ActorMention(phrase, start, end, held.country, held.sector, how)
    found = resources.entities.lookup(name, on) if resources.entities is not None else None
    if found is not None:
        return ActorMention(phrase, start, end, found.country, found.sector, found.matched_by)
    return None


def resolve_actor(
    nlp: Any,
    resources: Resources,
    text: str,
    on: dt.date | None = None,
    context: str | None = None,
) -> ActorAnswer:
    """Resolve ``text`` (inside ``context`` when given) as of ``on``."""
    phrase = text.strip()
    if not phrase:
        raise InputError("actor: empty text")
    sentence = context if context else phrase
    start = sentence.find(phrase)
    if start < 0:
        lower = sentence.lower().find(phrase.lower())
        if lower < 0:
            raise InputError(f"actor: {phrase!r} does not occur in the context sentence")
        phrase, start = sentence[lower : lower + len(phrase)], lower
    doc = nlp(sentence)
    end = start + len(phrase)
    tokens = [t for t in doc if t.idx < end and t.idx + len(t.text) > start]
    actors = ArticleActors(
        doc,
        resources.countries,
        resources.agents,
        (),
        resources.people,
        on,
        resources.imported_actors,
        resources.senses,
        resources.entities,
    )
    found = [(actors.mention(h), h) for h in _heads(tokens)] if tokens else [(None, None)]
    mention, head = max(found, key=lambda f: _fullness(f[0]))  # the first of equals
    outer = _modified(head) if head is not None and (mention is None or not mention.sector) else None
    whole = actors.mention(outer) if outer is not None else mention
    wider = whole is not None and (whole.start < start or whole.end > end)
    if whole is not None and wider and (whole.members or (whole is not mention and whole.sector)):
        # the phrase names one member of a wider actor: "Hungarian" in "Hungarian and Romanian
        # officials", "British forces" in "US and British forces"
        own = resolve_phrase(phrase, resources.countries, resources.agents)
        country = own[0].country if own is not None and own[0].country else whole.country
        members = [m for m in whole.members if m.country == country]
        if members or (country and country == whole.country):
            sector = members[0].sector if members else whole.sector
            mention = ActorMention(phrase, start, end, country, sector, f"member-of:{whole.text}")
    if (mention is None or not (mention.country or mention.sector)) and _is_name(phrase):
        # a bare name the parser did not take for one; an abbreviation the sentence spells out is
        # looked up by its full name ("the Electronic Frontier Foundation (EFF)")
        mention = _by_name(resources, phrase, start, on, actors.spelt_out(phrase) or phrase)
    if mention is None:
        return ActorAnswer(phrase, "", "", "", "")
    org_type = resources.agents.organisation_type(mention.country)
    return ActorAnswer(
        phrase,
        mention.country,
        mention.sector,
        org_type,
        mention.matched_by,
        tuple(m.code for m in mention.members),
    )
