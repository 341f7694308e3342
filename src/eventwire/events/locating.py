"""Where an event happened, and which country an article's unnamed actors belong to.

An event's location is, in order (``Location.how``):

1. ``sentence``: the place named in the event's own clause — after a locative preposition ("met in
   Moscow", "villages in Syria's Idlib province"), or the place a visit goes to ("visited Ankara") —
   the nearest to the trigger, at its precision (city, first-level division or region, country);
2. ``dateline``: the article's wire dateline ("BEIRUT, March 3 (Reuters) -");
3. ``story``: the place the article's lede sets the story in ("A fire ... in Koszalin, North Poland"),
   when the event's actors belong to that country (or name none), or when the event is spoken (a
   statement, an appeal, a reproach: said where the story is reported);
4. ``actors``: the country the event's actors share — both sides of a domestic dyad, or the one actor
   of a domestic act ("police arrested ...").

The article's *home country* is the country its story happens in: the dateline's, else the lede's
place, else the one country that clearly dominates its actors.  A sector-only actor ("police",
"protesters", "the court") with no country of its own takes the country of the event's place, else
the home country.  Places resolve in the packaged gazetteer (:mod:`eventwire.actors.places`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, replace
from typing import Any

from eventwire.actors.dictionary import AgentTable
from eventwire.actors.mentions import ArticleActors
from eventwire.actors.places import Gazetteer, normalise_place
from eventwire.actors.words import entity_span
from eventwire.events.dates import MONTHS, WEEKDAYS
from eventwire.models import ActorCode, ActorMention, Article, Location

__all__ = [
    "LOCATIVE_PREPS",
    "ArticlePlaces",
    "Locator",
    "in_other_clause",
    "is_local",
    "local_office",
    "localise",
]

OTHER_CLAUSE_DEPS = frozenset({"relcl", "ccomp", "advcl", "acl", "parataxis", "csubj"})
LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "outside", "across", "throughout", "inside", "around", "within", "off"}
)
# Verbs of moving along a place: "marched through Paris" is there, "sent arms through Oman" is not.
MOVING_VERBS = frozenset({"march", "parade", "walk", "drive", "advance", "rally", "sweep", "roll", "rampage"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
_LEADING_THE = re.compile(r"^the\s+", re.I)
_NAME = r"[A-Z][\w'’\-]+(?:[ \t]+(?:of[ \t]+)?[A-Z][\w'’\-]+){0,3}"
_NAMED_PLACE = re.compile(rf"\b(?:in|at|near|outside)\s+(?:the\s+)?({_NAME})(?:,\s+({_NAME}))?")
# a headline's scene may also be where one goes into or withdraws from ("troop withdrawal from Syria";
# not "Refugees from Syria reach Germany")
_SCENE_PLACE = re.compile(
    rf"(?:\b(?:in|at|near|outside|into)|\b(?:withdr[ae]w\w*|pull\w*\s+out|pullout|retreat\w*)\b[^,.;:]*?\bfrom)"
    rf"\s+(?:the\s+)?({_NAME})(?:,\s+({_NAME}))?"
)
# Verbs of saying: the place of "said in a statement in Washington" is where it was said, no scene.
SAYING_VERBS = frozenset({"say", "tell", "state", "announce", "add", "report", "declare", "write", "confirm"})
#: Capitalised words of times that a place name may share ("March", "Sunday").
TIME_NAMES = frozenset(MONTHS.split("|")[:12]) | frozenset(WEEKDAYS)  # whole names: not "Mar del Plata"
# Sectors of actors that belong to a country's domestic scene (an unnamed "police" is the home
# country's); international types (IGO, NGO) and bodies keep no country.
DOMESTIC_SECTORS = frozenset(
    {
        "GOV",
        "MIL",
        "COP",
        "JUD",
        "LEG",
        "PTY",
        "OPP",
        "REB",
        "UAF",
        "SPY",
        "CVL",
        "BUS",
        "MED",
        "EDU",
        "HLH",
        "LAB",
        "REL",
        "CRM",
        "ELI",
        "AGR",
        "ENV",
        "HRI",
        "RAD",
        "REF",
    }
)
# Sectors of national actors: an unnamed "government" takes the home country only in a national story.
NATIONAL_SECTORS = frozenset({"GOV", "MIL", "SPY", "ELI", "LEG", "PTY", "OPP", "REB"})
#: Words of offices and bodies of a town or province: their holder is a local actor, the home country's
#: in any story ("the capital city's Democratic mayor", "the provincial governor", "the city council";
#: not China's State Council or a State Councilor, nor the UN Security Council, a central bank's governor,
#: a Board of Governors or a Governor-General).
LOCAL_OFFICES = re.compile(
    r"\b(?:mayors?|(?<!bank\s)(?<!of\s)governors?(?!-general)|(?<!state\s)councill?ors?|aldermen|alderman|"
    r"sheriffs?|municipal\w*|provincial|county|city\s+hall|"
    r"(?:city|town|village|district|local|regional|parish)\s+councils?)\b",
    re.I,
)
_BANK = re.compile(r"\bbank\b", re.I)
_PLACE_WORD = re.compile(r"county|provincial|municipal\w*")
#: A story is national when its home country has this share of the article's country mentions.
DOMESTIC_SHARE = 0.7
MINOR_SHARE = 0.2  # a lede place whose country has fewer of the article's actors is background
#: Words that make a national body the home country's in any story: "federal authorities", "local police".
_DOMESTIC = re.compile(r"\b(?:federal|local)\b", re.I)
#: How many sentences open an article (its lede) for the story's place.
LEDE_SENTENCES = 2
#: A country dominates an article's actors when it has this share of their country mentions ...
HOME_SHARE = 0.5
#: ... and at least this many of them.
HOME_MENTIONS = 3


@dataclass(frozen=True, slots=True)
class ArticlePlaces:
    """What an article says about where its story happens."""

    dateline: Location | None
    story: Location | None  # the lede's place
    home: str  # the story's country ("" when the article has none)
    domestic: bool = False  # the home country dominates the article's actors (a national story)
    # where fighting is: the lede's place (not a place of saying), else the headline's
    scene: Location | None = None

    def home_for(self, sector: str, local: bool = False) -> str:
        """The home country an unnamed actor of ``sector`` takes: local actors (police, courts,
        protesters, a mayor: ``local``) in any story; national ones (a government, an army) only in a
        national story."""
        if sector in NATIONAL_SECTORS and not self.domestic and not local:
            return ""
        return self.home


class Locator:
    """Finds events' locations with a gazetteer (None: no locations)."""

    def __init__(self, gazetteer: Gazetteer | None, agents: AgentTable | None = None) -> None:
        self.gazetteer = gazetteer
        self.agents = agents  # its metonyms name institutions, not places

    def _resolve(self, name: str, prefer: Collection[str], how: str) -> Location | None:
        """A place name through the gazetteer; an institution's seat that the gazetteer knows only as
        another place's alternate name is the institution's country ("outside the White House" is in
        the United States, not Casablanca, whose Arabic name means "white house"), while a town called
        so by its own name stays the town ("Duma, near Damascus", "Langley, British Columbia")."""
        assert self.gazetteer is not None
        found = self.gazetteer.resolve(name, prefer, how=how)
        named = self.agents.named_actor(name) if self.agents is not None else None
        if named is None or named[1] != "metonym" or not named[0].country:
            return found
        if _LEADING_THE.sub("", name.strip()).lower() != named[2]:
            return found  # the institution's name is only part of the place's
        if found is not None and normalise_place(found.name) == normalise_place(name):
            return found
        return self.gazetteer.country_location(named[0].country, how, name)

    # ------------------------------------------------------------------ article
    def article_places(self, article: Article, doc: Any, actors: ArticleActors) -> ArticlePlaces:
        """The dateline's place, the lede's place and the home country of an article."""
        gazetteer = self.gazetteer
        prefer = actors.countries_mentioned
        dateline = story = None
        if gazetteer is not None:
            if article.dateline:
                dateline = self._resolve(article.dateline, prefer, how="dateline")
            story = self._lede_place(doc, prefer) or self.named_place(article.title, prefer)
            if story is None:  # the lede may be left out of the parse: read its words
                lede = " ".join(s.text for n, s in zip(range(LEDE_SENTENCES), doc.sents, strict=False))
                story = self.named_place(lede, prefer)
        home = dateline.country if dateline is not None else ""
        # a home is a country: organisations ("MNC", "UNO") are no story's home
        agents = self.agents
        counts = Counter(
            {
                c: n
                for c, n in actors.country_counts.items()
                if agents is None or not agents.organisation_type(c)
            }
        )
        total = sum(counts.values())
        if not home and story is not None:
            home = story.country
            dominant = _dominant(counts)
            if (
                dominant
                and dominant != home
                and counts[dominant] / total >= DOMESTIC_SHARE
                and counts.get(home, 0) / total < MINOR_SHARE
            ):
                # "Adam Kokesh, an Iraq War veteran ... since returning home from combat in Iraq", in
                # a story whose actors are nearly all American: the lede's place is background
                home = dominant
        if not home:
            home = _dominant(counts)
        domestic = bool(home) and (not total or counts.get(home, 0) / total >= DOMESTIC_SHARE)
        scene = None
        if gazetteer is not None:
            scene = self._lede_place(doc, prefer, said=False) or self.named_place(
                article.title, prefer, _SCENE_PLACE
            )
        return ArticlePlaces(dateline, story, home, domestic, scene)

    def _lede_place(self, doc: Any, prefer: frozenset[str], said: bool = True) -> Location | None:
        """The first place the lede names after a locative preposition (``said``: also the place where
        something was said, "the Pentagon said in a statement in Washington")."""
        assert self.gazetteer is not None
        for n, sent in enumerate(doc.sents):
            if n >= LEDE_SENTENCES:
                break
            for tok in sent:
                if tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPS and tok.ent_type_ in PLACE_ENTS:
                    if not said and _said_there(tok):
                        continue
                    found = self._resolve_place(tok, prefer, "story")
                    if found is not None:
                        return found
        return None

    def named_place(
        self, text: str, prefer: frozenset[str], form: re.Pattern[str] = _NAMED_PLACE
    ) -> Location | None:
        """The first place a text names after "in", "at", "near" or "outside" ("... kills five in
        Koszalin, Poland"), by its capitalised words; the most specific that resolves."""
        if self.gazetteer is None or not text:
            return None
        for found in form.finditer(text):
            place, region = found.group(1), found.group(2)
            if place.split()[0].lower() in TIME_NAMES:
                continue  # "in March 1943", "on Sunday": a time, not the town of March
            wanted = set(prefer)
            outer = self._resolve(region, prefer, how="story") if region else None
            if outer is not None:
                wanted.add(outer.country)
            inner = None
            words = place.split()
            for n in range(len(words), 0, -1):  # "Koszalin", "Freedom Plaza", "New York City"
                inner = self._resolve(" ".join(words[:n]), frozenset(wanted), how="story")
                if inner is not None:
                    break
            if inner is not None and (outer is None or inner.country == outer.country):
                return inner
            if outer is not None:
                return outer
        return None

    # ------------------------------------------------------------------ events
    def locate(
        self,
        places: ArticlePlaces,
        actors: ArticleActors,
        tok: Any,
        source: ActorMention | None = None,
        target: ActorMention | None = None,
        spoken: bool = False,
        armed: bool = False,
    ) -> Location | None:
        """Where the event of ``tok`` happened (see the module docstring); None when unknown.
        ``spoken``: a statement, appeal or verbal reproach, made where the story is reported
        whoever makes it ("Cengiz addressed reporters in New York ... Cengiz called the admission a
        political maneuver"); ``armed``: force (roots 18-20), fought in the story's scene when its
        target is a group with no country of its own ("the US fought ISIS" under a headline on a
        "withdrawal from Syria")."""
        gazetteer = self.gazetteer
        if gazetteer is None:
            return None
        found = self.clause_place(actors, tok)
        if found is not None:
            return found
        if places.dateline is not None:
            return places.dateline
        own = _countries(source) | _countries(target)
        # (a spoken act in the very sentence that names the place is not there: the place is another
        # clause's, "Germany criticized Russia, which held a summit in Tehran")
        spoken = spoken and places.story is not None and places.story.matched not in tok.sent.text
        if places.story is not None and (not own or places.story.country in own or spoken):
            return places.story
        if places.scene is not None and armed and target is not None and self._stateless(target):
            return places.scene
        shared = _shared_country(source, target)
        if shared:
            return gazetteer.country_location(shared, how="actors")
        return None

    def _stateless(self, m: ActorMention) -> bool:
        """Whether an actor belongs to no country: an international or transnational group (IMG)."""
        codes = [c.country for c in (m.members or (m.identity,))]
        agents = self.agents
        return agents is not None and all(c and agents.organisation_type(c) == "IMG" for c in codes)

    def clause_place(self, actors: ArticleActors, tok: Any) -> Location | None:
        """The place named in the trigger's own clause, nearest to the trigger first."""
        if self.gazetteer is None:
            return None
        prefer = actors.countries_mentioned
        clause = tok
        while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
            clause = clause.head
        places: list[tuple[int, Any]] = []
        areas: set[int] = set()  # place names after an area noun, which the tagger may not call places
        for word in clause.subtree:
            if in_other_clause(word, clause, tok):
                continue
            if word.dep_ == "prep" and _locative(word):
                places.extend((abs(p.i - tok.i), p) for p in word.children if p.dep_ == "pobj")
            elif (
                word.dep_ == "dobj"
                and word.head.lemma_.lower() in {"visit", "tour"}
                and word.ent_type_ in PLACE_ENTS
            ):
                places.append((abs(word.i - tok.i), word))  # "visited Ankara"
            elif _area_of(word):
                places.append((abs(word.i - tok.i), word))  # "shelled residential areas of El Fasher"
                areas.add(word.i)
        for _, pobj in sorted(places, key=lambda p: p[0]):
            found = self._resolve_place(pobj, prefer, "sentence")
            if found is None and pobj.i in areas:
                name = " ".join(
                    t.text for t in pobj.subtree if t.dep_ in {"compound", "flat"} or t.i == pobj.i
                )
                found = self._resolve(name, prefer, how="sentence")
            if found is not None:
                return found
        return None

    def _resolve_place(self, head: Any, prefer: frozenset[str], how: str) -> Location | None:
        """A place phrase: the place entities inside it, most specific first ("Syria's Idlib
        province": the province before Syria), then the phrase's own words ("Idlib province")."""
        assert self.gazetteer is not None
        names: list[str] = []
        phrase = [t for t in head.subtree if t.i <= head.i and t.dep_ not in {"det", "case", "punct"}]
        entities: dict[tuple[int, int], str] = {}
        for t in head.subtree:
            if t.ent_type_ in PLACE_ENTS and t.ent_iob_ != "O" and _in_phrase(t, head):
                ent = entity_span(t)
                if ent is not None:
                    entities[(ent.start, ent.end)] = ent.text
        if phrase and (head.ent_type_ in PLACE_ENTS or entities):
            names.append(" ".join(t.text for t in phrase if t.dep_ != "poss"))
        # inner entities: the one nearest the head first (the head's own name before its owner's)
        for (_, _), text in sorted(entities.items(), key=lambda kv: -kv[0][0]):
            names.append(text)
        for name in dict.fromkeys(n for n in names if n):
            found = self._resolve(name, prefer, how=how)
            if found is not None:
                return found
        return None

    @staticmethod
    def place_country(actors: ArticleActors, tok: Any) -> str:
        """The country of a place the trigger's clause is located in ("rallied in Minsk")."""
        verb = tok
        while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
            verb = verb.head
        for scope in (verb.subtree, verb.sent):  # the clause first, then the whole sentence
            for t in scope:  # "in/at/outside <place>"
                if t.dep_ == "pobj" and _locative(t.head) and t.ent_type_ in PLACE_ENTS:
                    m = actors.mention(t)
                    if m is not None and m.country and not m.sector:
                        return m.country
        return ""


# Parts of a place that an act is done to: "shelled residential areas of El Fasher".
AREA_NOUNS = frozenset(
    {
        "area",
        "part",
        "outskirt",
        "outskirts",
        "district",
        "neighbourhood",
        "neighborhood",
        "suburb",
        "centre",
        "center",
    }
)


def _locative(prep: Any) -> bool:
    """Whether a preposition puts its object where the act is: "in", "at", "near" ...; "through" only
    after a verb of moving along ("marched through Paris", not "sent arms through Oman")."""
    return prep.lower_ in LOCATIVE_PREPS or (
        prep.lower_ == "through" and prep.head.lemma_.lower() in MOVING_VERBS
    )


def _area_of(word: Any) -> bool:
    """Whether a word is the place of an area acted on ("shelled residential areas of El Fasher",
    "struck the outskirts of Kharkiv"): a name after "of", on an area noun that is the object."""
    if word.dep_ != "pobj" or word.head.lower_ != "of" or word.pos_ != "PROPN":
        return False
    area = word.head.head
    return area.lemma_.lower() in AREA_NOUNS and area.dep_ in {"dobj", "nsubjpass"}


def _in_phrase(token: Any, head: Any) -> bool:
    """Whether a word belongs to the place phrase of ``head`` itself, not to a phrase or clause
    hung on it ("in an internet video broadcast to the U.S. island territory": not the U.S.;
    "in the province of Idlib": Idlib)."""
    node = token
    while node.i != head.i:
        if (node.dep_ == "prep" and node.lower_ != "of") or node.dep_ in OTHER_CLAUSE_DEPS:
            return False
        if node.head.i == node.i:
            return False
        node = node.head
    return True


def _said_there(tok: Any) -> bool:
    """Whether a place is where its clause's verb of saying was done."""
    node = tok
    for _ in range(6):
        if node.pos_ in {"VERB", "AUX"}:
            return node.lemma_.lower() in SAYING_VERBS
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _countries(m: ActorMention | None) -> set[str]:
    if m is None:
        return set()
    return {c.country for c in (m.members or (m.identity,)) if c.country}


def _shared_country(source: ActorMention | None, target: ActorMention | None) -> str:
    """The one country a domestic event's actors belong to: both sides of the same country, or the one
    actor (with a sector: "police", not "Russia") of an act with no target."""
    if source is None or source.members:
        return ""
    if len(source.country) != 3 or not source.country.isalpha():
        return ""
    if target is None:
        return source.country if source.sector in DOMESTIC_SECTORS else ""
    if target.members:
        return ""
    return source.country if target.country == source.country else ""


def _dominant(counts: Counter[str]) -> str:
    total = sum(counts.values())
    if not total:
        return ""
    country, n = counts.most_common(1)[0]
    return country if n >= HOME_MENTIONS and n / total >= HOME_SHARE else ""


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


def is_local(text: str) -> bool:
    """Whether a mention's words name a town's or province's office or body (:data:`LOCAL_OFFICES`; a
    bank's governor is none: "Bank of England Governor")."""
    return bool(LOCAL_OFFICES.search(text)) and not _BANK.search(text)


def local_office(text: str) -> frozenset[str]:
    """The office words of a local office ("mayor", "governor", "city council"; a place word alone,
    "county" or "provincial", is none), singular."""
    if _BANK.search(text):
        return frozenset()
    words = {re.sub(r"(?<=[a-z])s$", "", m.group(0).lower()) for m in LOCAL_OFFICES.finditer(text)}
    return frozenset(w for w in words if not _PLACE_WORD.fullmatch(w))


def localise(
    mention: ActorMention, country: str, how: str = "event-place", places: ArticlePlaces | None = None
) -> ActorMention:
    """A sector-only actor ("protesters", "the government", "police") takes the country of the
    event's place (``how`` "event-place") or, given ``places``, the article's home country for its
    sector ("home-country"); each side of a joint actor with no country alike ("police and
    protesters clashed in Nairobi")."""
    if mention.members:
        return _localise_members(mention, country, how, places)
    if mention.country or not mention.sector or mention.sector not in DOMESTIC_SECTORS:
        return mention
    if places is not None:
        local = is_local(mention.text) or bool(_DOMESTIC.search(mention.text))
        country = places.home_for(mention.sector, local)
    if not country:
        return mention
    return replace(mention, country=country, matched_by=mention.matched_by + "+" + how)


def _localise_members(
    mention: ActorMention, country: str, how: str, places: ArticlePlaces | None
) -> ActorMention:
    """A joint actor whose sector-only sides take the country :func:`localise` gives each."""
    if any(m.country for m in mention.members):
        return mention  # "Indian and Chinese troops", "the police and Hamas": the sides' own countries
    sides = [
        localise(ActorMention(mention.text, 0, 0, m.country, m.sector), country, how, places)
        for m in mention.members
    ]
    if not any(side.country for side in sides):
        return mention
    members = tuple(ActorCode(side.country, side.sector) for side in sides)
    return replace(mention, members=members, matched_by=mention.matched_by + "+" + how)
