"""The event classifiers compared in one run on the dev sets (issue 16), as JSON.

Runs in the training venv (``make train`` makes it: scikit-learn and torch for the two baselines
that need them; the product itself only needs onnxruntime).  Five configurations, each scored on
PLV train with gold spans (macro-F1, quad accuracy, extra rate), the PLOVER GSR (event accuracy)
and ConfliBERT cameo_class train (accuracy) — all evaluation sets, never trained on:

- ``rules``: the pattern coder alone (no back-off, no classifier);
- ``rules+backoff``: the rules with the logistic back-off over dependency features;
- ``rules+tfidf``: the rules with a TF-IDF + logistic-regression pair classifier trained on the
  team's corpus (``training/corpus``), used like the shipped model;
- ``rules+minilm-frozen``: the rules with frozen MiniLM mean-pooled embeddings + logistic regression;
- ``rules+minilm-finetuned``: the rules with the shipped fine-tuned model (ONNX, int8).

Each learned configuration also reports its own speed (marked pairs per second, 1 thread).

    .venv-train/bin/python benchmarks/classifier.py [--corpora ../shared/corpora] [--only NAME,...]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "training"))

from train_classifier import LABELS, label_of, load_rows  # noqa: E402

from eventwire.evaluate import evaluate_file  # noqa: E402
from eventwire.evaluate.common import build_pipeline  # noqa: E402
from eventwire.events.classifier import EventClassifier, ModelPrediction, mark  # noqa: E402
from eventwire.events.learned import LearnedPairs  # noqa: E402
from eventwire.pipeline import Pipeline  # noqa: E402

DEFAULT_CORPORA = ROOT.parent / "shared" / "corpora"
SETS = (
    ("plv", "plv", "plv-train/PLV_train.tsv"),
    ("plover-gsr", "plover-gsr", "plover-gsr/PLOVER_GSR_CAMEO.json"),
    ("cameo-class", "cameo-class", "cameo-pentaclass/cameo_class/train.tsv"),
)


def corpus() -> tuple[list[str], np.ndarray]:
    """Every corpus row (targetless ones too) as the model's marked input, with its label."""
    rows = load_rows()
    texts = [
        mark(r["sentence"], tuple(r["source"]), tuple(r["target"]) if r["target"] else None) for r in rows
    ]
    return texts, np.array([label_of(r["code"]) for r in rows])


class SklearnPairs:
    """A scikit-learn pipeline behind the shipped model's ``predict`` interface."""

    def __init__(self, featurise: Any, model: Any) -> None:
        self.featurise = featurise
        self.model = model

    def predict(self, texts: Sequence[str]) -> list[ModelPrediction]:
        if not texts:
            return []
        probs = self.model.predict_proba(self.featurise(list(texts)))
        classes = [LABELS[int(c)] for c in self.model.classes_]
        out = []
        for row in probs:
            best = int(row.argmax())
            out.append(
                ModelPrediction(
                    classes[best], float(row[best]), dict(zip(classes, map(float, row), strict=True))
                )
            )
        return out


def tfidf_model() -> SklearnPairs:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts, y = corpus()
    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, token_pattern=r"[^\s]+")
    clf = LogisticRegression(max_iter=2000, C=4.0)
    clf.fit(vec.fit_transform(texts), y)
    return SklearnPairs(vec.transform, clf)


def frozen_minilm_model() -> SklearnPairs:
    import torch
    from sklearn.linear_model import LogisticRegression
    from train_classifier import base_model_dir
    from transformers import AutoModel, AutoTokenizer

    base = base_model_dir()
    tok = AutoTokenizer.from_pretrained(str(base))
    enc_model = AutoModel.from_pretrained(str(base)).eval()

    def embed(batch_texts: list[str]) -> np.ndarray:
        out = []
        with torch.no_grad():
            for k in range(0, len(batch_texts), 64):
                enc = tok(
                    batch_texts[k : k + 64],
                    padding=True,
                    truncation=True,
                    max_length=128,
                    return_tensors="pt",
                )
                hidden = enc_model(**enc).last_hidden_state
                mask = enc["attention_mask"].unsqueeze(-1).float()
                out.append(((hidden * mask).sum(1) / mask.sum(1)).numpy())
        return np.concatenate(out)

    texts, y = corpus()
    clf = LogisticRegression(max_iter=3000, C=2.0)
    clf.fit(embed(texts), y)
    return SklearnPairs(embed, clf)


def configure(name: str) -> Pipeline:
    backoff = "packaged" if name == "rules+backoff" else "off"
    classifier = "packaged" if name == "rules+minilm-finetuned" else "off"
    pipeline = build_pipeline(backoff=backoff, classifier=classifier)
    if name in {"rules+tfidf", "rules+minilm-frozen"}:
        model = tfidf_model() if name == "rules+tfidf" else frozen_minilm_model()
        pipeline.coder.learned = LearnedPairs(model, pipeline.resources.patterns)  # type: ignore[arg-type]
    return pipeline


def speed(pipeline: Pipeline) -> float | None:
    learned = pipeline.coder.learned
    if learned is None:
        return None
    sample = [
        mark(
            "The foreign ministers of Egypt and Sudan met in Cairo on Sunday to discuss the dam.",
            (4, 21),
            (40, 45),
        )
    ] * 256
    started = time.perf_counter()
    learned.model.predict(sample)
    return round(len(sample) / (time.perf_counter() - started), 1)


def run(name: str, corpora: Path) -> dict[str, Any]:
    pipeline = configure(name)
    out: dict[str, Any] = {"pairs_per_second": speed(pipeline)}
    for key, fmt, rel in SETS:
        started = time.perf_counter()
        r = evaluate_file(fmt, str(corpora / rel), pipeline, spans="gold").to_dict()
        keep = ("accuracy", "macro_f1", "quad_accuracy", "extra_rate")
        out[key] = {k: round(float(r[k]), 4) for k in keep if k in r}
        out[key]["seconds"] = round(time.perf_counter() - started, 1)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", default=str(DEFAULT_CORPORA))
    parser.add_argument("--only", default="")
    args = parser.parse_args()
    names = ["rules", "rules+backoff", "rules+tfidf", "rules+minilm-frozen", "rules+minilm-finetuned"]
    if args.only:
        names = [n for n in names if n in args.only.split(",")]
    if not EventClassifier.available():
        names = [n for n in names if n != "rules+minilm-finetuned"]
    results = {name: run(name, Path(args.corpora)) for name in names}
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
