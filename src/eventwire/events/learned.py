"""The learned classifier beside the rules: every actor pair of a sentence is scored; the model fills
the pairs the rules leave uncoded, confirms rule events (``coded_by`` "both") and, when it is sure
there is no event, suppresses a rule event.  The thresholds are calibrated probabilities
(:mod:`eventwire.events.classifier`); they were chosen on the training corpus's held-out split and
checked on the dev sets (README, "Learned classifier")."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import Any

from eventwire.events.arguments import same_actor
from eventwire.events.backoff import SOURCE_ROLES, pair_link, span_root
from eventwire.events.classifier import NONE, EventClassifier, ModelPrediction, mark
from eventwire.events.patterns import PatternDictionary
from eventwire.models import ActorMention, Event

__all__ = ["FILL_AT", "RELABEL_AT", "SUPPRESS_AT", "LearnedPairs", "MakeEvent", "Mentioned", "Relabel"]

FILL_AT = 0.45  # least calibrated probability of an event root for the model to code an uncoded pair
AGREE_AT = 0.5  # least probability of a rule event's root for the model to confirm it
SUPPRESS_AT = 0.99  # least probability of NONE for the model to drop a rule event
RELABEL_AT = 0.95  # least probability of another root for the model to recode a rule event
LINKED_ONLY = True  # fill only pairs that a dependency path through a word links (as the back-off)
#: An actor of a sentence with its tokens (for the pair features and the classifier's input).
Mentioned = tuple[ActorMention, list[Any]]
Span = tuple[int, int]
# (source, target, word, code, why, probability) -> the event(s) the coder makes of a model reading
MakeEvent = Callable[[ActorMention, ActorMention, Any, str, str], Iterator[Event]]
# (event, code, why) -> the rule event recoded by the model
Relabel = Callable[[Event, str, str], Event]


def _span(m: ActorMention) -> Span:
    return (m.start, m.end)


def _governor(tokens: Sequence[Any]) -> Any:
    """The verb a mention hangs from: the word a model event between actors that no dependency path
    through an event word links is dated, placed and given its status by."""
    tok = span_root(tokens)
    for _ in range(6):
        if tok.pos_ in {"VERB", "AUX"} or tok.head.i == tok.i:
            return tok
        tok = tok.head
    return tok


class LearnedPairs:
    """One sentence's pass of the classifier over the rules' events (see the module docstring)."""

    def __init__(self, model: EventClassifier, patterns: PatternDictionary, fill_at: float = FILL_AT) -> None:
        self.model = model
        self.patterns = patterns
        self.fill_at = fill_at
        self.linked_only = LINKED_ONLY

    def score(self, sent: Any, pairs: Sequence[tuple[ActorMention, ActorMention]]) -> list[ModelPrediction]:
        """The model's reading of ordered (source, target) pairs of the sentence."""
        base = sent.start_char
        texts = [
            mark(sent.text, (s.start - base, s.end - base), (t.start - base, t.end - base)) for s, t in pairs
        ]
        return self.model.predict(texts) if texts else []

    def apply(
        self,
        sent: Any,
        coded: list[Event],
        mentions: Sequence[Mentioned],
        make: MakeEvent,
        relabel: Relabel | None = None,
        usable: Callable[[Any], bool] | None = None,
    ) -> list[Event]:
        """The rules' events, confirmed, recoded or suppressed, plus the model's events for uncoded
        pairs.  The word on the dependency path between the two actors, else the source's verb, dates
        and places a model event; ``usable`` says which words may carry one (not a word that already
        carries a rule event, a speech verb above one, or a light verb)."""
        judged = [e for e in coded if e.target is not None and not e.cameo.startswith("01")]
        linked = {frozenset((_span(e.source), _span(e.target))) for e in judged if e.target is not None}
        candidates: list[tuple[ActorMention, ActorMention, Any]] = []
        for ms, ts in mentions:
            for mt, tt in mentions:
                if ms is mt or same_actor(ms, mt) or (ms.start < mt.end and mt.start < ms.end):
                    continue
                if frozenset((_span(ms), _span(mt))) in linked or _coordinated(ts, tt):
                    continue  # "Ethiopian troops and Eritrean soldiers clashed with ...": one side
                link = pair_link(ts, tt, self.patterns, SOURCE_ROLES)
                if link is None and self.linked_only:
                    continue
                word = link[0] if link is not None else _governor(ts)
                if usable is None or usable(word):
                    candidates.append((ms, mt, word))
        pairs = [(e.source, e.target) for e in judged if e.target is not None]
        readings = self.score(sent, [*pairs, *((s, t) for s, t, _ in candidates)])
        verdict = {id(e): r for e, r in zip(judged, readings, strict=False)}
        out: list[Event] = []
        for event in coded:
            reading = verdict.get(id(event))
            if reading is None:
                out.append(event)
                continue
            if reading.label == NONE and reading.probability >= SUPPRESS_AT:
                continue
            root = rule_root(event)
            plain = root == event.cameo[:2] and event.status == "asserted"  # not recoded by the rules
            other = reading.label not in {NONE, "01", root}
            if relabel is not None and plain and other and reading.probability >= RELABEL_AT:
                why = f"{event.pattern}+model:{reading.label}:{reading.probability:.2f}"
                out.append(relabel(event, reading.label + "0", why))
                continue
            agree = reading.of(root)
            if agree >= AGREE_AT:
                event = replace(event, coded_by="both", confidence=max(event.confidence, round(agree, 3)))
            out.append(event)
        best: dict[frozenset[Span], tuple[float, int, str]] = {}
        for n, reading in enumerate(readings[len(pairs) :]):
            s, t, _ = candidates[n]
            pair = frozenset((_span(s), _span(t)))
            if reading.label in {NONE, "01"} or reading.probability < self.fill_at:
                continue
            if pair not in best or reading.probability > best[pair][0]:
                best[pair] = (reading.probability, n, reading.label)
        for probability, n, label in sorted(best.values(), key=lambda x: x[1]):
            s, t, word = candidates[n]
            out.extend(make(s, t, word, label + "0", f"model:{label}:{probability:.2f}"))
        return out


def rule_root(event: Event) -> str:
    """The CAMEO root of the dictionary entry that coded a rule event, before the rules recoded it
    for its modality or actors ("verb:meet:040" under a "will": 036, root 04): the model reads the act,
    whatever its status."""
    parts = event.pattern.split(":")
    if len(parts) >= 3 and parts[0] in {"verb", "noun", "label"} and parts[2][:2].isdigit():
        return parts[2][:2]
    return event.cameo[:2]


def _coordinated(a: Sequence[Any], b: Sequence[Any]) -> bool:
    """Whether two mentions are conjuncts of one phrase ("Egypt and Sudan"): one side, not a pair."""
    x, y = span_root(a), span_root(b)
    if x.dep_ == "conj" and x.head.i == y.i:
        return True
    if y.dep_ == "conj" and y.head.i == x.i:
        return True
    return bool(x.dep_ == "conj" and y.dep_ == "conj" and x.head.i == y.head.i)
