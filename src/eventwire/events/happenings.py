"""One event per happening in a sentence: the sentence's events deduplicated, a covered plain statement
dropped, a back-off target shared by coordinated sources; in an article, an unspecified report of a
happening takes the code of its specific report."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from eventwire.events.arguments import same_actor
from eventwire.events.identity import event_identity, may_join
from eventwire.models import ActorMention, Event

__all__ = [
    "ONE_HAPPENING_ROOTS",
    "VISIT_KINDS",
    "actor_key",
    "deduplicate",
    "kind",
    "share_targets",
    "specific_reports",
    "trigger_tokens",
    "without_covered_statements",
]

# Visits: another happening than the talks held during them ("arrived in Islamabad for talks").
VISIT_KINDS = ("042", "043")
# Roots whose acts in one sentence by one source are one happening: a rejection, a threat, a protest, an
# assault, a fight ("threatened to withhold funds from the districts": one threat).
ONE_HAPPENING_ROOTS = frozenset({"12", "13", "14", "18", "19", "20"})


def trigger_tokens(sent: Any, events: Sequence[Event]) -> dict[int, Any]:
    """The trigger token of each event (by the start of its trigger span)."""
    starts = {e.char_span[0] for e in events}
    return {t.idx: t for t in sent if t.idx in starts}


def share_targets(events: list[Event]) -> list[Event]:
    """Coordinated sources of one trigger share the target the back-off found for one of them: "the
    United States and Britain urged others, notably Japan" is an appeal to Japan by both."""
    found = {
        (e.char_span, e.cameo): e.target
        for e in events
        if e.target is not None and e.pattern.endswith("+backoff-target")
    }
    out = []
    for e in events:
        t = found.get((e.char_span, e.cameo)) if e.target is None else None
        if t is not None and not same_actor(e.source, t):
            e = replace(e, target=t, theme=None, pattern=e.pattern + "+backoff-target")
        out.append(e)
    return out


def without_covered_statements(sent: Any, events: list[Event]) -> list[Event]:
    """A plain statement (010) whose content is itself coded is not a second event ("X said it would
    send aid to Y" is only the intent to provide aid)."""
    tokens = trigger_tokens(sent, events)
    coded = [tokens[e.char_span[0]] for e in events if not e.is_statement and e.char_span[0] in tokens]
    # a statement read by its words ("+says:055") over an asserted event of the same root in its
    # content ("Rouhani said Iran deeply regrets its mistake") is that event reported once
    asserted = {
        (tokens[e.char_span[0]].i, e.cameo[:2])
        for e in events
        if e.status == "asserted" and "+says:" not in e.pattern and e.char_span[0] in tokens
    }
    out = []
    for e in events:
        tok = tokens.get(e.char_span[0])
        if (
            e.cameo == "010"
            and tok is not None
            and any(tok.i in {c.i, *(a.i for a in c.ancestors)} for c in coded)
        ):
            continue  # the content is coded, or the back-off read the same "said" as an event
        if "+says:" in e.pattern and tok is not None and _reports(tok, asserted, e.cameo[:2], sent):
            continue
        out.append(e)
    return out


def _reports(speech: Any, asserted: set[tuple[int, str]], root: str, sent: Any) -> bool:
    """Whether an asserted event of ``root`` lies in what ``speech`` says."""
    doc = sent.doc
    return any(
        r == root and i != speech.i and speech.i in {a.i for a in doc[i].ancestors} for i, r in asserted
    )


def actor_key(m: ActorMention | None) -> tuple[object, ...]:
    """Identity of an actor for de-duplication: its code, or its span when it has no country."""
    if m is None:
        return ()
    return (m.code,) if m.country else (m.code, m.start, m.end)


def deduplicate(events: list[Event]) -> list[Event]:
    """One event per (source, target, CAMEO root, status) in a sentence, and at most one per (trigger,
    source, target); a targetless event is dropped when its source has one of the same root and status
    with a target, and a targetless plain intent (030) when its source has a targeted intent; an event
    whose target was only supplied by the given actor spans is dropped when
    the dyad already has an event."""
    dyads = {
        (actor_key(e.source), actor_key(e.target)) for e in events if not e.pattern.endswith("+given-target")
    }
    seen: set[tuple[object, ...]] = set()
    out: list[Event] = []
    # "rallied against X to protest ...", "attacked X, killing ...": the source's protest or violence
    # toward X and its targetless mention of the same root are one happening (an arrest beside a
    # dispersal is another act); so are two acts of one code ("is considering sanctions against Iran")
    aimed = {_happening(e) for e in events if e.target is not None and not _guessed(e)}
    # "promised to provide aid to Nepal": the intent to provide aid, not a plain promise (030) beside it
    intents = {(actor_key(e.source), e.status) for e in events if e.target and e.cameo.startswith("03")}
    for e in events:
        if e.target is None and _happening(e) in aimed:
            continue
        if e.target is None and e.cameo == "030" and (actor_key(e.source), e.status) in intents:
            continue
        dyad = (actor_key(e.source), actor_key(e.target))
        if e.pattern.endswith("+given-target"):
            if dyad in dyads:
                continue
            dyads.add(dyad)
        # one event per dyad, root and status; a visit and the talks during it are two happenings
        key = (*dyad, kind(e), e.status)
        per_trigger = (e.char_span[0], *dyad)  # one trigger: at most one event per pair
        if key not in seen and per_trigger not in seen:
            seen.add(key)
            seen.add(per_trigger)
            out.append(e)
    return out


def _happening(e: Event) -> tuple[object, ...]:
    """What a targetless event shares with the targeted report of the same happening: its source, its
    root for the roots of ONE_HAPPENING_ROOTS (else its code), and its status."""
    what = kind(e) if e.cameo[:2] in ONE_HAPPENING_ROOTS else e.cameo
    return (actor_key(e.source), what, e.status)


def kind(e: Event) -> str:
    """The kind of happening an event is for deduplication: its root (a visit and the talks during it
    are two happenings)."""
    return e.cameo[:3] if e.cameo.startswith(VISIT_KINDS) else e.cameo[:2]


def _guessed(e: Event) -> bool:
    """An event a classifier proposed (the back-off or the learned model), not a rule's reading."""
    return "backoff" in e.pattern or e.pattern.startswith("model:")


def specific_reports(events: list[Event], recode: Callable[[Event, str], Event]) -> list[Event]:
    """An unspecified report of an act ("after Trump spoke with Erdogan", 040) beside a specific report
    of the same dyad's act of that root in the article ("Trump had a phone conversation with Erdogan",
    041), on a date that may be the same, is a mention of that happening: it takes the specific code
    (``recode``), so that both join one event.  Only when the specific code is the one candidate."""
    specific: dict[tuple[object, ...], list[Event]] = {}
    for e in events:
        if e.status == "asserted" and e.target is not None and not _unspecified(e.cameo):
            specific.setdefault(_dyad_root(e), []).append(e)
    out = []
    for e in events:
        if e.status == "asserted" and e.target is not None and _unspecified(e.cameo):
            here = event_identity(e)
            reports = specific.get(_dyad_root(e), [])
            joinable = [s for s in reports if may_join(event_identity(replace(s, cameo=e.cameo)), here)]
            codes = {s.cameo[:3] for s in joinable}
            if len(codes) == 1:
                [code] = codes
                e = recode(e, next(s.cameo for s in reports if s.cameo[:3] == code))
        out.append(e)
    return out


def _unspecified(cameo: str) -> bool:
    """A CAMEO code that is its root's "not specified below" code (040, 190)."""
    return len(cameo) == 3 and cameo.endswith("0")


def _dyad_root(e: Event) -> tuple[object, ...]:
    return (actor_key(e.source), actor_key(e.target), e.cameo[:2])
