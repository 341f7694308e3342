"""Evaluation of source/target spans on CoNLL data (tags S source, T target, R reciprocal).

The sentence is the tokens joined by single spaces.  Every event's source mention becomes an S
span and its target mention a T span (token spans: the tokens that overlap the mention's
characters); a token span that is both a source and a target (joint or reciprocal events) is R.
Statements (01x) count too, since the data marks their actors.

- ``spans``: exact-match P/R/F1 per type and over all (``ALL``).
- ``lenient``: a predicted span matches an unmatched gold span of the same type that shares at
  least one token with it (head overlap); P/R/F1 per type and ``ALL``.
- ``accuracy`` is the exact ALL F1, ``macro_f1`` the mean exact F1 over S, T, R present in gold,
  ``per_label`` the exact per-type scores as precision/recall/f1/support; ``confusion`` is empty.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from eventwire.evaluate.common import EvalResult, code_all
from eventwire.evaluate.datasets import NerSentence
from eventwire.evaluate.metrics import ClassMetrics, LabelScore, SpanScore, prf, span_scores
from eventwire.models import Event
from eventwire.pipeline import Pipeline

__all__ = ["evaluate_cameo_ner", "predicted_spans"]

Span = tuple[str, int, int]


def _tokens(sentence: NerSentence, start: int, end: int) -> tuple[int, int] | None:
    hit = [i for i, (a, b) in enumerate(sentence.offsets) if a < end and start < b]
    return (hit[0], hit[-1] + 1) if hit else None


def predicted_spans(sentence: NerSentence, events: Sequence[Event]) -> set[Span]:
    sources: set[tuple[int, int]] = set()
    targets: set[tuple[int, int]] = set()
    for e in events:
        s = _tokens(sentence, e.source.start, e.source.end)
        if s is not None:
            sources.add(s)
        if e.target is not None:
            t = _tokens(sentence, e.target.start, e.target.end)
            if t is not None:
                targets.add(t)
    both = sources & targets
    out: set[Span] = {("R", a, b) for a, b in both}
    out |= {("S", a, b) for a, b in sources - both}
    out |= {("T", a, b) for a, b in targets - both}
    return out


def _lenient(gold: Sequence[set[Span]], pred: Sequence[set[Span]]) -> dict[str, SpanScore]:
    tp: dict[str, int] = {}
    n_pred: dict[str, int] = {}
    n_gold: dict[str, int] = {}
    for g, p in zip(gold, pred, strict=True):
        unmatched = set(g)
        for kind, a, b in sorted(p):
            n_pred[kind] = n_pred.get(kind, 0) + 1
            hit = next((x for x in sorted(unmatched) if x[0] == kind and x[1] < b and a < x[2]), None)
            if hit is not None:
                unmatched.discard(hit)
                tp[kind] = tp.get(kind, 0) + 1
        for kind, *_ in g:
            n_gold[kind] = n_gold.get(kind, 0) + 1
    kinds = sorted(set(n_gold) | set(n_pred))
    out = {k: SpanScore(tp.get(k, 0), n_pred.get(k, 0), n_gold.get(k, 0)) for k in kinds}
    out["ALL"] = SpanScore(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return out


def _metrics(exact: dict[str, SpanScore], n: int) -> ClassMetrics:
    per_label: dict[str, LabelScore] = {}
    for kind, s in exact.items():
        if kind == "ALL":
            continue
        p, r, f = prf(s.tp, s.n_pred, s.n_gold)
        per_label[kind] = LabelScore(p, r, f, s.n_gold)
    present = [v.f1 for v in per_label.values() if v.support]
    macro = sum(present) / len(present) if present else 0.0
    return ClassMetrics(n, exact["ALL"].f1, macro, per_label, {})


def evaluate_cameo_ner(pipeline: Pipeline, sentences: Sequence[NerSentence]) -> EvalResult:
    started = time.perf_counter()
    events = code_all(pipeline, [s.text for s in sentences])
    gold = [s.spans() for s in sentences]
    pred = [predicted_spans(s, evs) for s, evs in zip(sentences, events, strict=True)]
    exact = span_scores(gold, pred)
    lenient = _lenient(gold, pred)
    items = [
        {"sentence": s.text, "gold": sorted(g), "predicted": sorted(p)}
        for s, g, p in zip(sentences, gold, pred, strict=True)
    ]
    return EvalResult(
        format="cameo-ner",
        metrics=_metrics(exact, len(sentences)),
        counts={"gold_spans": exact["ALL"].n_gold, "predicted_spans": exact["ALL"].n_pred},
        scores={f"lenient_f1_{k}" if k != "ALL" else "lenient_f1": v.f1 for k, v in lenient.items()},
        spans=exact,
        items=items,
        seconds=time.perf_counter() - started,
    )
