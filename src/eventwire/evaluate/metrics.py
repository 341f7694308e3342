"""Classification and span metrics, computed from plain label lists.

- ``accuracy``: share of items whose prediction equals the gold label.
- ``per_label``: for every label that occurs in gold or predictions, precision, recall, F1 and
  support (gold count).  ``NONE`` (no event found) is a wrong prediction for every gold label;
  it gets no row of its own unless it is also a gold label.
- ``macro_f1``: mean F1 over the labels present in gold.
- ``confusion``: ``{gold: {predicted: count}}``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = ["ClassMetrics", "LabelScore", "SpanScore", "classification", "prf", "span_scores"]


@dataclass(frozen=True, slots=True)
class LabelScore:
    precision: float
    recall: float
    f1: float
    support: int

    def to_dict(self) -> dict[str, float | int]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1, "support": self.support}


@dataclass(frozen=True, slots=True)
class ClassMetrics:
    n: int
    accuracy: float
    macro_f1: float
    per_label: dict[str, LabelScore] = field(default_factory=dict)
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "accuracy": self.accuracy,
            "macro_f1": self.macro_f1,
            "per_label": {k: v.to_dict() for k, v in self.per_label.items()},
            "confusion": self.confusion,
        }


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0.0 when undefined)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _ignored(label: str, gold_labels: set[str], none: str) -> bool:
    return label == none and label not in gold_labels


def classification(gold: Sequence[str], predicted: Sequence[str], none: str = "NONE") -> ClassMetrics:
    """Accuracy, per-label P/R/F1, macro-F1 over gold labels and the confusion matrix."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predictions")
    n = len(gold)
    tp: Counter[str] = Counter(g for g, p in zip(gold, predicted, strict=True) if g == p)
    n_gold, n_pred = Counter(gold), Counter(predicted)
    gold_set = set(n_gold)
    per_label: dict[str, LabelScore] = {}
    for label in sorted(gold_set | set(n_pred)):
        if _ignored(label, gold_set, none):
            continue
        p, r, f = prf(tp[label], n_pred[label], n_gold[label])
        per_label[label] = LabelScore(p, r, f, n_gold[label])
    macro = sum(per_label[g].f1 for g in gold_set) / len(gold_set) if gold_set else 0.0
    confusion: dict[str, dict[str, int]] = {}
    for g, guess in zip(gold, predicted, strict=True):
        row = confusion.setdefault(g, {})
        row[guess] = row.get(guess, 0) + 1
    accuracy = sum(tp.values()) / n if n else 0.0
    return ClassMetrics(n, accuracy, macro, per_label, dict(sorted(confusion.items())))


@dataclass(frozen=True, slots=True)
class SpanScore:
    tp: int
    n_pred: int
    n_gold: int

    def to_dict(self) -> dict[str, float | int]:
        p, r, f = prf(self.tp, self.n_pred, self.n_gold)
        return {"precision": p, "recall": r, "f1": f, "tp": self.tp, "pred": self.n_pred, "gold": self.n_gold}

    @property
    def f1(self) -> float:
        return prf(self.tp, self.n_pred, self.n_gold)[2]


Span = tuple[str, int, int]  # (type, first token, last token + 1)


def span_scores(gold: Iterable[set[Span]], predicted: Iterable[set[Span]]) -> dict[str, SpanScore]:
    """Exact-match span P/R/F1 per type and over all types (key ``"ALL"``), sentence by sentence."""
    tp: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    for g, p in zip(gold, predicted, strict=True):
        for t, *_ in g:
            n_gold[t] += 1
        for t, *_ in p:
            n_pred[t] += 1
        for t, *_ in g & p:
            tp[t] += 1
    out = {t: SpanScore(tp[t], n_pred[t], n_gold[t]) for t in sorted(set(n_gold) | set(n_pred))}
    out["ALL"] = SpanScore(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return out
