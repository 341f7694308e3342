"""Which date belongs to an event: an expression of its own clause, else the story's, else the article's.

A temporal expression (a spaCy DATE or TIME entity) dates the event whose clause it modifies: the
trigger itself, the verb a noun trigger hangs on ("held talks on Tuesday", "in a phone call on
Tuesday"), the governor of a controlled complement ("agreed on Tuesday to send aid").  It dates
nothing when it is a birth date, an age, a duration, a deadline, a validity range or the time of
another clause ("Merkel, who was born in 1954, met ...").  An event without a date of its own takes
the story's date (the last recent date of a main clause before it, "On Tuesday, X met Y. They agreed
..."), else the article's publication date.  The precision (day, month, year) is the expression's; a
date that lies more than a year before publication makes the event ``historical``; a future event
resolves an incomplete date forward ("will meet on March 11" in a 1 March story).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from eventwire.events.dates import Period, is_historical, resolve_period
from eventwire.models import DateSource, Event

__all__ = [
    "EventDate",
    "TemporalExpression",
    "clause_tokens",
    "event_date",
    "story_date",
    "temporal_expressions",
    "with_date",
]

#: Prepositions whose object is not the time of the act: deadlines ("by March 31"), ranges ("from
#: May to December"), durations ("for three years"), other events' times ("after Tuesday's talks").
EXCLUDING_PREPS = frozenset(
    {
        "by",
        "until",
        "till",
        "through",
        "throughout",
        "since",
        "for",
        "from",
        "to",
        "within",
        "over",
        "between",
        "before",
        "after",
        "ahead",
        "around",
        "past",
        "following",
        "into",
        "beyond",
        "than",
    }
)
#: Words whose dates are not the time of an act: births, ages, deadlines, validity, end of life.
NOT_EVENT_DATE_HEADS = frozenset(
    {
        "bear",
        "born",
        "birth",
        "birthday",
        "age",
        "aged",
        "old",
        "deadline",
        "expire",
        "expiry",
        "expiration",
        "due",
        "valid",
        "validity",
        "life",
        "retirement",
        "anniversary",
        "term",
        "schedule",
    }
)
SPEECH_VERBS = frozenset(
    {"say", "tell", "announce", "state", "declare", "add", "report", "claim", "confirm", "write", "note"}
)
TEMPORAL_DEPS = frozenset({"npadvmod", "tmod", "advmod", "obl", "nmod", "compound", "poss", "amod", "appos"})
#: Statuses of events that lie ahead: an incomplete date of theirs resolves forward.
FUTURE_STATUSES = frozenset({"future", "intended", "requested", "hoped"})
#: How far before publication a main clause's date may lie and still be the story's date.
STORY_DAYS = 31


@dataclass(frozen=True, slots=True)
class TemporalExpression:
    """A date or time expression of a sentence and the token whose clause it dates (None: nothing)."""

    text: str
    start: int  # token indices
    end: int
    anchor: int | None


@dataclass(frozen=True, slots=True)
class EventDate:
    """An event's date, where it came from and the words that gave it."""

    period: Period
    source: DateSource
    text: str = ""


def temporal_expressions(sent: Any, ents: Sequence[Any]) -> list[TemporalExpression]:
    """The DATE/TIME entities of a sentence with the token each one dates."""
    out = []
    for ent in ents:
        if ent.label_ not in {"DATE", "TIME"} or ent.start < sent.start or ent.end > sent.end:
            continue
        out.append(TemporalExpression(ent.text, ent.start, ent.end, _anchor(ent)))
    return out


def _anchor(ent: Any) -> int | None:
    """The token an expression modifies, or None when it is no time of an act."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.lower_ in {"aged", "age", "born"}:
        return None
    if any(t.lower_ in {"old", "aged"} for t in ent):
        return None
    node = ent.root
    if node.dep_ == "pobj":
        prep = node.head
        if prep.lower_ in EXCLUDING_PREPS or prep.dep_ == "pobj" or prep.head.pos_ == "ADP":
            return None
        if prep.lower_ == "of" and prep.head.pos_ in {"NOUN", "PROPN"}:  # "the end of March"
            return None
        anchor = prep.head
    elif node.dep_ in TEMPORAL_DEPS:
        anchor = node.head
    else:
        return None  # a subject, object or predicate ("the deadline is March 31")
    if anchor.i == node.i or anchor.lemma_.lower() in NOT_EVENT_DATE_HEADS:
        return None
    if anchor.lower_ in NOT_EVENT_DATE_HEADS:
        return None
    index: int = _reattach(anchor, ent).i
    return index


def _reattach(anchor: Any, ent: Any) -> Any:
    """ "X said on Friday he will meet Y": the parser often hangs "on Friday" on "meet"; an
    expression between a speech verb and the subject of its complement clause is the speech's."""
    governor = anchor.head
    if anchor.dep_ not in {"ccomp", "parataxis"} or governor.lemma_.lower() not in SPEECH_VERBS:
        return anchor
    subjects = [c.i for c in anchor.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if governor.i < ent.start and subjects and ent.end <= min(subjects):
        return governor
    return anchor


def clause_tokens(trigger: Any, obj: Any | None = None) -> set[int]:
    """The tokens whose temporal modifiers date the event of ``trigger``: the trigger, its object
    (a light verb's "talks"), the verb a noun trigger hangs on, the governor of a controlled
    complement, and the first conjunct of a coordinated verb without a subject of its own."""
    out = {trigger.i}
    if obj is not None:
        out.add(obj.i)
    node = trigger
    hops = 0
    while node.pos_ not in {"VERB", "AUX"} and node.head.i != node.i and hops < 4:
        if node.dep_ not in {"dobj", "pobj", "prep", "nsubj", "nsubjpass", "attr", "compound", "appos"}:
            break
        node = node.head
        out.add(node.i)
        hops += 1
    while node.dep_ == "xcomp" and node.head.i != node.i:
        node = node.head
        out.add(node.i)
    if node.dep_ == "conj" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in node.children):
        out.add(node.head.i)
    return out


def event_date(
    trigger: Any,
    obj: Any | None,
    expressions: Sequence[TemporalExpression],
    story: EventDate | None,
    base: datetime | None,
    future: bool = False,
) -> EventDate | None:
    """The date of the event whose trigger is ``trigger`` (see the module docstring)."""
    clause = clause_tokens(trigger, obj)
    own = sorted(
        (e for e in expressions if e.anchor is not None and e.anchor in clause),
        key=lambda e: (e.anchor != trigger.i, abs(e.start - trigger.i)),
    )
    for expression in own:
        period = resolve_period(expression.text, base, future)
        if period is not None:
            return EventDate(period, "text", expression.text)
    if story is not None:
        return EventDate(story.period, "context", story.text)
    if base is not None:
        return EventDate(Period(base.date(), "day"), "article")
    return None


def story_date(
    sent: Any, expressions: Sequence[TemporalExpression], base: datetime | None
) -> EventDate | None:
    """The date a sentence sets for the story: a day-precise date of its main clause, not in the
    future and not more than a month before publication (a background date sets nothing)."""
    root = sent.root
    if any(c.dep_ == "aux" and c.lower_ in {"will", "shall", "'ll"} for c in root.children):
        return None
    clause = clause_tokens(root)
    for expression in expressions:
        if expression.anchor is None or expression.anchor not in clause:
            continue
        period = resolve_period(expression.text, base)
        if period is None or period.precision != "day":
            continue
        if base is not None and not (
            base.date() - timedelta(days=STORY_DAYS) <= period.day <= base.date() + timedelta(days=1)
        ):
            continue
        return EventDate(period, "text", expression.text)
    return None


def with_date(event: Event, found: EventDate | None, base: datetime | None) -> Event:
    """``event`` with its date, precision, source, words and historical flag."""
    if found is None:
        return event
    return replace(
        event,
        date=found.period.day.isoformat(),
        date_precision=found.period.precision,
        date_source=found.source,
        date_text=found.text,
        historical=is_historical(found.period, base),
    )
