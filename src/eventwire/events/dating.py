"""Which date belongs to an event: an expression of its own clause, else the story's, else the article's.

A temporal expression (a spaCy DATE or TIME entity) dates the event whose clause it modifies: the
trigger itself, the verb a noun trigger hangs on ("held talks on Tuesday", "in a phone call on
Tuesday"), the governor of a controlled complement ("agreed on Tuesday to send aid").  It dates
nothing when it is a birth date, an age, a duration, a deadline, a validity range or the time of
another clause ("Merkel, who was born in 1954, met ...").  An event without a date of its own takes
the story's date (the last recent date of a main clause before it, "On Tuesday, X met Y. They agreed
..."; a paragraph opened by a fronted time, "For three days last week, ...", is of that time),
else the article's publication date.  A weekday named alone after a lede that set an earlier day
counts back from that day (the lede's news is the newest); a duration that names its time ("for three
days last week") is of that time.  The precision (day, month, year) is the expression's; a date that
lies more than a year before publication makes the event ``historical``; a future event resolves an
incomplete date forward ("will meet on March 11" in a 1 March story).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from eventwire.events.dates import (
    MONTHS,
    Period,
    is_bare_weekday,
    is_day_relative,
    is_historical,
    resolve_period,
)
from eventwire.events.modality import clause_head
from eventwire.events.statements import QUOTES
from eventwire.models import DateSource, Event

__all__ = [
    "EventDate",
    "TemporalExpression",
    "article_month_years",
    "clause_tokens",
    "continued_time",
    "continues",
    "event_date",
    "event_span",
    "governing_clauses",
    "month_year",
    "next_passage",
    "passage_date",
    "passage_year",
    "story_date",
    "temporal_expressions",
    "weekday_base",
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
#: Verbs that report or announce another clause's act: an act without a date of its own takes theirs.
REPORTING_VERBS = SPEECH_VERBS | frozenset(
    {"pledge", "vow", "promise", "agree", "decide", "threaten", "warn", "urge", "ask", "order", "reveal"}
)
#: Conjunctions of a clause that happens at the same time as its main clause.
SAME_TIME_MARKS = frozenset({"when", "while", "as"})
#: Dependents that hang another clause on a main verb: a sentence with one tells more than a state.
CLAUSE_DEPS = frozenset({"advcl", "xcomp", "ccomp", "conj", "parataxis", "csubj"})
#: Main verbs of a sentence that describes its subject's state (:func:`continues`).
STATE_VERBS = frozenset({"be", "have"})
#: Subjects that go on about the subject of the sentence before (:func:`continues`).
CONTINUING_PRONOUNS = frozenset({"he", "she", "it", "they"})
TEMPORAL_DEPS = frozenset({"npadvmod", "tmod", "advmod", "obl", "nmod", "compound", "poss", "amod", "appos"})
#: Statuses of events that lie ahead: an incomplete date of theirs resolves forward.
FUTURE_STATUSES = frozenset({"future", "intended", "requested", "hoped"})
#: Times of day: "before midnight", "shortly after dawn" is a time of the day named, not a deadline.
CLOCK_WORDS = frozenset({"midnight", "noon", "midday", "dawn", "dusk", "sunrise", "sunset"})
#: How far before publication a main clause's date may lie and still be the story's date.
STORY_DAYS = 31


@dataclass(frozen=True, slots=True)
class TemporalExpression:
    """A date or time expression of a sentence and the token whose clause it dates (None: nothing);
    ``excluded``: a birth date, an age, a deadline, a range or a duration, which dates no act."""

    text: str
    start: int  # token indices
    end: int
    anchor: int | None
    excluded: bool = False
    frame: int | None = None  # the verb whose phrase the anchor noun is in ("In last week's action")


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
        anchor = _anchor(ent)
        point = _point_of_duration(ent) if anchor is None else None
        if point is not None:
            out.append(point)
            continue
        out.append(
            TemporalExpression(
                ent.text, ent.start, ent.end, anchor, anchor is None and _excluded(ent), _frame(ent, anchor)
            )
        )
    return out


_PROBE = datetime(2000, 6, 15)  # any day: whether words name a time at all


def _point_of_duration(ent: Any) -> TemporalExpression | None:
    """The time a duration names besides its length ("For three days last week, the court heard
    ...": last week), as an expression of the verb the duration modifies; None for a bare length."""
    node = ent.root
    prep = node.head
    if node.dep_ != "pobj" or prep.lower_ != "for" or prep.head.pos_ not in {"VERB", "AUX"}:
        return None
    for child in node.children:
        if child.dep_ != "npadvmod" or not (ent.start <= child.i < ent.end):
            continue
        words = list(child.subtree)
        text = " ".join(t.text for t in words)
        if resolve_period(text, _PROBE) is None:
            continue
        anchor = _reattach(prep.head, ent).i
        return TemporalExpression(text, words[0].i, words[-1].i + 1, anchor)
    return None


#: Prepositions of a phrase that sets the scene of its clause ("In last week's action, a judge
#: sentenced ..."; "At Tuesday's summit, the leaders agreed ...").
FRAME_PREPS = frozenset({"in", "at", "during"})


def _frame(ent: Any, anchor: int | None) -> int | None:
    """The verb a possessive date's noun sets the scene of ("In last week's action, another judge
    sentenced": sentenced), or None."""
    if anchor is None or ent.root.dep_ != "poss":
        return None
    noun = ent.doc[anchor]
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in FRAME_PREPS or prep.head.pos_ not in {"VERB", "AUX"}:
        return None
    verb: int = prep.head.i
    return verb


def _excluded(ent: Any) -> bool:
    """Whether an expression is a kind that dates no act (see :func:`_anchor`), as opposed to one
    that only modifies no verb ("Friday night was the fourth night of protests")."""
    if ent.root.dep_ in TEMPORAL_DEPS or ent.root.dep_ == "pobj":
        return True  # _anchor refused a modifier: a deadline, a range, a birth, an age
    return any(t.lower_ in {"old", "aged"} for t in ent)


def _anchor(ent: Any) -> int | None:
    """The token an expression modifies, or None when it is no time of an act."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.lower_ in {"aged", "age", "born"}:
        return None
    if any(t.lower_ in {"old", "aged"} for t in ent):
        return None
    node = ent.root
    if (
        node.dep_ == "prep"
        and node.lower_ in {"before", "after"}
        and any(t.lower_ in CLOCK_WORDS for t in ent)
    ):
        clock: int = _reattach(node.head, ent).i  # "shortly before midnight Wednesday night": that day
        return clock
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
    quoted = any(t.text in QUOTES for t in ent.doc[governor.i + 1 : ent.start])
    if governor.i < ent.start and subjects and ent.end <= min(subjects) and not quoted:
        return governor  # (but 'wrote, "Last year August 8 was ...': the quotation's own time)
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
    if (
        node.dep_ == "acl"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
        and node.head.dep_ == "dobj"
        and node.head.head.pos_ in {"VERB", "AUX"}
    ):
        # "expressed their willingness on Friday to help", "announced plans to visit": the intent's
        # verb dates the act intended
        out.add(node.head.i)
        node = node.head.head
        out.add(node.i)
    if node.dep_ == "conj" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in node.children):
        out.add(node.head.i)
    for _ in range(3):
        # "violence broke out on Saturday when thousands rallied"; "rallied on Saturday to protest the
        # results": a clause of the same time, or the purpose of an act, is dated with its governor
        same_time = any(c.dep_ in {"mark", "advmod"} and c.lower_ in SAME_TIME_MARKS for c in node.children)
        purpose = any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
        if node.dep_ != "advcl" or not (same_time or purpose) or node.head.i == node.i:
            break
        node = node.head
        out.add(node.i)
    return out


def governing_clauses(trigger: Any) -> list[set[int]]:
    """The clauses that report or announce the trigger's clause, nearest first ("X said on Friday
    that Y ...", "X announced on Wednesday that her government will withdraw ...")."""
    node = clause_head(trigger, frozenset({"VERB", "AUX"}))
    out: list[set[int]] = []
    for _ in range(4):
        if node.dep_ not in {"ccomp", "xcomp", "parataxis", "conj"} or node.head.i == node.i:
            break
        node = node.head
        if node.lemma_.lower() in REPORTING_VERBS:
            out.append(clause_tokens(node))
    return out


def event_date(
    trigger: Any,
    obj: Any | None,
    expressions: Sequence[TemporalExpression],
    story: EventDate | None,
    base: datetime | None,
    future: bool = False,
    year_hint: int | None = None,
    news_day: datetime | None = None,
) -> EventDate | None:
    """The date of the event whose trigger is ``trigger`` (see the module docstring);
    ``year_hint``: the past year a historical passage is in ("In 1944, ... In late February, ..."),
    for expressions that give no year; ``news_day``: the story's day the lede set before publication,
    which a weekday named alone later on precedes (:func:`weekday_base`)."""
    clause = clause_tokens(trigger, obj)
    own = sorted(
        (e for e in expressions if (e.anchor is not None and e.anchor in clause) or e.frame in clause),
        key=lambda e: (e.anchor != trigger.i, abs(e.start - trigger.i)),
    )
    for expression in own:
        relative_to: datetime | None
        if news_day is not None and not future and _bare_weekday(expression, trigger.doc, base):
            relative_to = news_day
        else:
            relative_to = _year_base(expression.text, base, year_hint)
        period = resolve_period(expression.text, relative_to, future)
        if period is not None:
            return EventDate(period, "text", expression.text)
    for clause in governing_clauses(trigger):  # "announced on Wednesday that it will withdraw ..."
        for expression in expressions:
            if expression.anchor is not None and expression.anchor in clause:
                period = resolve_period(expression.text, base)
                if period is not None:
                    return EventDate(period, "context", expression.text)
    if story is not None:
        return EventDate(story.period, "context", story.text)
    if base is not None:
        return EventDate(Period(base.date(), "day"), "article")
    return None


def _year_base(text: str, base: datetime | None, year_hint: int | None) -> datetime | None:
    """The date to resolve a yearless month expression against ("in late February" in a 1944
    passage): the end of the passage's year; weekdays and "yesterday" stay the article's."""
    if year_hint is None or base is None or re.search(r"\b(1[89]|20)\d{2}\b", text):
        return base
    if not re.search(r"\b(?:" + MONTHS + r")\b", text, re.I) or is_day_relative(text):
        return base
    return datetime(year_hint, 12, 31)


_YEAR_WORD = re.compile(r"\b((?:1[89]|20)\d{2})\b")


_PART = r"(?:(early|mid|late|end of|beginning of|start of)[\s-]+)?"
_MONTH_AND_YEAR = re.compile(
    r"\b" + _PART + r"(" + MONTHS + r")\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?((?:1[89]|20)\d{2})\b", re.I
)
_PART_AND_MONTH = re.compile(r"\b" + _PART + r"(" + MONTHS + r")\b", re.I)


def _month_key(part: str | None, month: str) -> str:
    return f"{(part or '').lower()} {month.lower()[:3]}".strip()


def article_month_years(text: str, base: datetime | None) -> dict[str, int]:
    """The past year the article gives a month in, for the months it dates in one such year only,
    keyed by the month with its part ("late February" beside "late February 1944" later on: "late
    feb" -> 1944; "February 2022" says nothing of "late February"). Read from the text: sentences
    left out of the parse count too."""
    if base is None:
        return {}
    years: dict[str, set[int]] = {}
    for found in _MONTH_AND_YEAR.finditer(text):
        year = int(found.group(3))
        if year < base.year - 1:
            years.setdefault(_month_key(found.group(1), found.group(2)), set()).add(year)
    return {m: next(iter(ys)) for m, ys in years.items() if len(ys) == 1}


def month_year(expressions: Sequence[TemporalExpression], month_years: dict[str, int]) -> int | None:
    """The year of a sentence's yearless month ("in late February") that the article gives the same
    month, said the same way, elsewhere (:func:`article_month_years`)."""
    for expression in expressions:
        found = _PART_AND_MONTH.search(expression.text)
        if found and not _YEAR_WORD.search(expression.text) and not expression.excluded:
            year = month_years.get(_month_key(found.group(1), found.group(2)))
            if year is not None:
                return year
    return None


def passage_year(
    expressions: Sequence[TemporalExpression], base: datetime | None, hint: int | None
) -> int | None:
    """The year a sentence puts the narrative in for the next ones: an explicit past year (more than
    a year before publication) sets it, an explicit recent one clears it."""
    if base is None:
        return None
    for expression in expressions:
        found = re.search(r"\b((?:19|20)\d{2})\b", expression.text)
        if found and not expression.excluded and expression.anchor is not None:
            year = int(found.group(1))
            return year if year < base.year - 1 else None
    return hint


def passage_date(
    expressions: Sequence[TemporalExpression], base: datetime | None, sent: Any, opens: bool = False
) -> EventDate | None:
    """The date a sentence sets for the rest of its paragraph when it opens a passage with a fronted
    time: a passage of the past ("In September 2013, ... The officials claimed ...": the claim is of
    September 2013), an explicit year more than a year before publication, anywhere in a paragraph;
    or, in the paragraph's first sentence, any earlier time of the news ("For three days last week,
    the court heard arguments ... Major argued ...": the argument is of last week). A time at the end
    of a clause dates that clause alone ("Holder was held in contempt in 2012")."""
    year = passage_year(expressions, base, None)
    if year is None and not opens:
        return None
    root = sent.root
    if year is None and _ahead(root):
        return None  # "On Monday, the leaders will meet ...": what lies ahead dates nothing after it
    subjects = [c.i for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}]
    for expression in expressions:
        # a time of the main verb before its subject: "In September 2013, traffic ground to a halt"
        fronted = expression.anchor == root.i and (not subjects or expression.end <= min(subjects))
        if not fronted or expression.excluded:
            continue
        if year is not None:
            if str(year) in expression.text:
                period = resolve_period(expression.text, base)
                if period is not None and period.day.year == year:
                    return EventDate(period, "context", expression.text)
            continue
        if re.match(r"(?:in\s+)?this\s+(?:year|month|week)\b", expression.text.strip(), re.I):
            continue  # "This year, police have arrested hundreds": the present, no passage
        period = resolve_period(expression.text, base)
        if period is not None and base is not None and period.day <= base.date():
            return EventDate(period, "context", expression.text)
    return None


def next_passage(
    expressions: Sequence[TemporalExpression],
    base: datetime | None,
    sent: Any,
    passage: EventDate | None,
    opens: bool = False,
) -> EventDate | None:
    """The passage in force after a sentence: the one it opens (:func:`passage_date`; ``opens``: the
    sentence opens its paragraph), else none when it comes back to the present news, else the one
    before."""
    opened = passage_date(expressions, base, sent, opens)
    if opened is not None:
        return opened
    return None if _now(expressions, base) else passage


def continued_time(
    expressions: Sequence[TemporalExpression], base: datetime | None, sent: Any
) -> EventDate | None:
    """The past time of a sentence's main clause (more than a year before publication), which the
    next sentence keeps when it describes the same subject's state then (:func:`continues`):
    "The submarine Grayback encountered a bomber while returning from patrol in late February 1944.
    The Grayback was short on torpedoes from its recent attack": the attack is of February 1944."""
    root = sent.root
    for expression in expressions:
        if expression.excluded or expression.anchor is None:
            continue
        if expression.anchor != root.i and root.i not in clause_tokens(sent.doc[expression.anchor]):
            continue
        period = resolve_period(expression.text, base)
        if period is not None and base is not None and is_historical(period, base):
            return EventDate(period, "context", expression.text)
    return None


def continues(before: Any, sent: Any, expressions: Sequence[TemporalExpression]) -> bool:
    """Whether a sentence with no time of its own and no other clause describes, in the past tense, the
    state then of the subject of the sentence before it ("The Grayback was short on torpedoes"): the
    same head word (or the name in apposition to it), or a pronoun.  A new act ("Ukraine broke off
    relations with Russia in 2014. Ukraine accused Russia ...") may be the news, and is not carried
    back."""
    root = sent.root
    if root.tag_ != "VBD" or root.lemma_ not in STATE_VERBS or any(not e.excluded for e in expressions):
        return False
    if any(c.dep_ in CLAUSE_DEPS for c in root.children):
        return False  # "He was defiant, accusing the US", "It was not clear whether ...": other acts
    earlier, later = _main_subject(before.root), _main_subject(root)
    if earlier is None or later is None:
        return False
    if later.lower_ in CONTINUING_PRONOUNS:
        return True
    names = {earlier.lower_} | {c.lower_ for c in earlier.children if c.dep_ == "appos"}
    return later.pos_ in {"NOUN", "PROPN"} and later.lower_ in names  # "the submarine Grayback"


def _main_subject(root: Any) -> Any | None:
    return next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


def _now(expressions: Sequence[TemporalExpression], base: datetime | None) -> bool:
    """Whether a sentence comes back to the present news: a date of its own within a year of
    publication ("On Tuesday, ...", "in 2020")."""
    for expression in expressions:
        if expression.excluded or expression.anchor is None:
            continue
        period = resolve_period(expression.text, base)
        if period is not None and base is not None and not is_historical(period, base):
            return True
    return False


def _ahead(root: Any) -> bool:
    """Whether a main clause lies ahead ("the leaders will meet"): its date sets no story or passage."""
    return any(c.dep_ == "aux" and c.lower_ in {"will", "shall", "'ll"} for c in root.children)


def _bare_weekday(expression: TemporalExpression, doc: Any, base: datetime | None) -> bool:
    """A weekday named alone inside its clause: not "this Thursday" or "last Friday" (a week the reader
    counts from publication), not the day of publication itself, and not fronted ("On Thursday,
    protesters attacked ...": the story moving on)."""
    before = doc[expression.start - 1].lower_ if expression.start > 0 else ""
    if not is_bare_weekday(expression.text) or before in {"this", "last", "next", "past", "coming"}:
        return False
    if base is not None and base.strftime("%A").lower() in expression.text.lower():
        return False
    sent = doc[expression.start].sent
    opening = [t for t in sent if not (t.is_punct or t.is_space)][:2]
    return not any(t.i >= expression.start for t in opening)


def weekday_base(story: EventDate | None, base: datetime | None) -> datetime | None:
    """The day a weekday named alone after the lede is counted back from: the story's day when the
    lede set one before publication ("On Wednesday, Turkey ended the search [a Saturday story] ...
    The earthquake occurred on Friday": the Friday before that Wednesday, as the news told first is
    the newest), else None (the article's date)."""
    if story is None or base is None or story.source != "text" or story.period.precision != "day":
        return None
    if story.period.day >= base.date():
        return None
    return datetime.combine(story.period.day, datetime.min.time())


def story_date(
    sent: Any, expressions: Sequence[TemporalExpression], base: datetime | None, lede: bool = False
) -> EventDate | None:
    """The date a sentence sets for the story: a day-precise date of its main clause (in the lede,
    of any clause: "Estimates indicate one million people marched on Saturday"), not in the future
    and not more than a month before publication (a background date sets nothing)."""
    root = sent.root
    if _ahead(root):
        return None
    clause = clause_tokens(root)
    for expression in expressions:
        if expression.excluded:
            continue
        if not lede and (expression.anchor is None or expression.anchor not in clause):
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


def event_span(event: Event) -> tuple[date, date] | None:
    """The first and last day an event's date at its precision covers, or None when undated."""
    if event.date is None:
        return None
    first = date.fromisoformat(event.date)
    if event.date_precision == "year":
        return first, date(first.year, 12, 31)
    if event.date_precision == "month":
        following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return first, following - timedelta(days=1)
    return first, first


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
