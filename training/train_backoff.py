"""Train the back-off classifier (src/eventwire/data/backoff.json) from training/examples/*.tsv.

Usage:  python training/train_backoff.py [--out PATH] [--folds 5] [--model NAME]

Only the project's own example sentences are read (see training/README.md); no dev or
evaluation set is used.  Training is deterministic (full-batch gradient descent, no sampling),
so the same examples, model and spaCy pipeline give the same weights.  Prints one JSON object
with the example counts and the cross-validated accuracy on the examples.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from eventwire.events.backoff import NONE, BackoffModel, pair_features
from eventwire.nlp.pipeline import load_pipeline
from eventwire.resources import Resources
from eventwire.settings import Settings

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE.parent / "src" / "eventwire" / "data" / "backoff.json"
# Roots whose reversed pair is the same kind of event (X met Y = Y met X): no negative example.
SYMMETRIC_ROOTS = frozenset({"04", "06"})
MIN_COUNT = 2
L2 = 3e-4
STEPS = 400
RATE = 0.05


def _span(doc: Any, text: str, phrase: str) -> list[Any] | None:
    if not phrase:
        return None
    start = text.find(phrase)
    if start < 0:
        return None
    end = start + len(phrase)
    toks = [t for t in doc if t.idx < end and t.idx + len(t.text) > start]
    return toks or None


def read_examples(folder: Path) -> list[tuple[str, str, str, str]]:
    rows: list[tuple[str, str, str, str]] = []
    for path in sorted(folder.glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for rec in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                code = (rec.get("code") or "").strip()
                if code and rec.get("sentence"):
                    rows.append(
                        (code, rec["source"].strip(), (rec.get("target") or "").strip(), rec["sentence"])
                    )
    return rows


def label_of(code: str) -> str:
    return NONE if code == "000" else code[:2]


def featurise(rows: list[tuple[str, str, str, str]], model: str) -> list[tuple[list[str], str, int]]:
    """(features, label, example index) for each usable example and its reversed pair."""
    nlp = load_pipeline(model)
    patterns = Resources.load().patterns
    texts = [r[3] for r in rows]
    out: list[tuple[list[str], str, int]] = []
    for n, (doc, (code, source, target, text)) in enumerate(
        zip(nlp.pipe(texts, batch_size=64), rows, strict=True)
    ):
        s, t = _span(doc, text, source), _span(doc, text, target)
        if s is None or t is None:
            continue
        label = label_of(code)
        forward = pair_features(s, t, patterns)
        if forward is None:
            continue
        out.append((forward, label, n))
        if label not in SYMMETRIC_ROOTS:
            backward = pair_features(t, s, patterns)
            if backward is not None:
                out.append((backward, NONE, n))
    return out


def fit(
    data: list[tuple[list[str], str, int]], classes: list[str]
) -> tuple[dict[str, int], np.ndarray, np.ndarray]:
    counts = Counter(f for feats, _, _ in data for f in set(feats))
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= MIN_COUNT))}
    cls = {c: i for i, c in enumerate(classes)}
    idx: list[int] = []
    owner: list[int] = []
    for n, (feats, _, _) in enumerate(data):
        for f in feats:
            if f in vocab:
                idx.append(vocab[f])
                owner.append(n)
    flat = np.asarray(idx, dtype=np.int64)
    rows = np.asarray(owner, dtype=np.int64)
    y = np.zeros((len(data), len(classes)))
    y[np.arange(len(data)), [cls[label] for _, label, _ in data]] = 1.0
    w = np.zeros((len(vocab), len(classes)))
    b = np.zeros(len(classes))
    m_w, v_w = np.zeros_like(w), np.zeros_like(w)
    m_b, v_b = np.zeros_like(b), np.zeros_like(b)
    for step in range(1, STEPS + 1):
        scores = np.zeros((len(data), len(classes)))
        np.add.at(scores, rows, w[flat])
        scores += b
        scores -= scores.max(axis=1, keepdims=True)
        p = np.exp(scores)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - y) / len(data)
        g_w = np.zeros_like(w)
        np.add.at(g_w, flat, g[rows])
        g_w += L2 * w
        g_b = g.sum(axis=0)
        for param, grad, m, v in ((w, g_w, m_w, v_w), (b, g_b, m_b, v_b)):
            m *= 0.9
            m += 0.1 * grad
            v *= 0.999
            v += 0.001 * grad * grad
            param -= RATE * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return vocab, w, b


def to_model(vocab: dict[str, int], w: np.ndarray, b: np.ndarray, classes: list[str]) -> BackoffModel:
    weights: dict[str, dict[str, float]] = {}
    for f, i in vocab.items():
        row = {c: round(float(w[i, k]), 3) for k, c in enumerate(classes) if abs(w[i, k]) >= 0.01}
        if row:
            weights[f] = row
    bias = {c: round(float(b[k]), 3) for k, c in enumerate(classes)}
    return BackoffModel(classes, weights, bias)


def cross_validate(
    data: list[tuple[list[str], str, int]], classes: list[str], folds: int
) -> dict[str, float]:
    """Accuracy on held-out folds, split by example (a sentence and its reverse stay together)."""
    correct = total = 0
    pos_correct = pos_total = 0
    for k in range(folds):
        train = [d for d in data if d[2] % folds != k]
        test = [d for d in data if d[2] % folds == k]
        model = to_model(*fit(train, classes), classes)
        for feats, label, _ in test:
            pred = model.predict(feats).label
            correct += pred == label
            total += 1
            if label != NONE:
                pos_correct += pred == label
                pos_total += 1
    return {"accuracy": correct / max(total, 1), "event_accuracy": pos_correct / max(pos_total, 1)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=Path, default=HERE / "examples")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--model", default=Settings.from_env().model)
    args = ap.parse_args(argv)
    rows = read_examples(args.examples)
    data = featurise(rows, args.model)
    classes = sorted({label for _, label, _ in data} | {NONE})
    report: dict[str, Any] = {
        "examples": len(rows),
        "pairs": len(data),
        "labels": dict(sorted(Counter(label for _, label, _ in data).items())),
    }
    if args.folds > 1:
        report["cross_validation"] = cross_validate(data, classes, args.folds)
    model = to_model(*fit(data, classes), classes)
    args.out.write_text(json.dumps(model.to_dict(), sort_keys=True, separators=(",", ":")) + "\n", "utf-8")
    report["features"] = len(model.weights)
    report["out"] = str(args.out)
    sys.stdout.write(json.dumps(report, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
