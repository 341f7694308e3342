"""Resolve one actor phrase the way the coder would (``eventwire actor``).

The phrase is parsed on its own, or inside a context sentence that contains it, and resolved by
:class:`~eventwire.actors.mentions.ArticleActors` as of a date: country or organisation code,
sector, CAMEO-style code, and the rule or entry that decided it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from eventwire.actors.mentions import ArticleActors
from eventwire.errors import InputError
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


def _head(tokens: list[Any]) -> Any:
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    return heads[0] if heads else tokens[-1]


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
    )
    mention = actors.mention(_head(tokens)) if tokens else None
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
