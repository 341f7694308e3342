"""Coding throughput on the evaluation sets beside the bare spaCy pass, in one run.

Usage: python benchmarks/bench_eval.py [--corpora ../shared/corpora] [--model NAME] [--limit N]
Prints one JSON object: per set, sentences, seconds and sentences/s of the bare spaCy pass
(``nlp.pipe`` over the sentences) and of parsing + coding (``nlp.pipe`` then ``coder.code`` per
sentence, no given spans), and their ratio (coding rate / spaCy rate).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from eventwire.evaluate.common import BATCH_SIZE, build_pipeline, code_all
from eventwire.evaluate.datasets import load_cameo_class, load_cameo_ner, load_plover_gsr, load_plv
from eventwire.pipeline import Pipeline

DEFAULT_CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"

SETS: dict[str, tuple[str, Callable[[Path], list[str]]]] = {
    "plv": ("plv-train/PLV_train.tsv", lambda p: [r.sentence for r in load_plv(p)]),
    "plover-gsr": ("plover-gsr/PLOVER_GSR_CAMEO.json", lambda p: [r.text for r in load_plover_gsr(p)]),
    "cameo-class": (
        "cameo-pentaclass/cameo_class/train.tsv",
        lambda p: [i.sentence for i in load_cameo_class(p)],
    ),
    "cameo-ner": ("cameo-pentaclass/cameo_ner/train.txt", lambda p: [s.text for s in load_cameo_ner(p)]),
}


def _rate(n: int, seconds: float) -> float:
    return round(n / seconds, 1) if seconds > 0 else 0.0


def bench_set(pipeline: Pipeline, texts: list[str]) -> dict[str, Any]:
    started = time.perf_counter()
    for _ in pipeline.nlp.pipe(texts, batch_size=BATCH_SIZE):
        pass
    spacy_s = time.perf_counter() - started
    started = time.perf_counter()
    events = code_all(pipeline, texts)
    code_s = time.perf_counter() - started
    spacy_rate, code_rate = _rate(len(texts), spacy_s), _rate(len(texts), code_s)
    return {
        "sentences": len(texts),
        "events": sum(len(e) for e in events),
        "spacy_seconds": round(spacy_s, 2),
        "spacy_sentences_per_s": spacy_rate,
        "coding_seconds": round(code_s, 2),
        "coding_sentences_per_s": code_rate,
        "ratio": round(code_rate / spacy_rate, 3) if spacy_rate else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--model")
    parser.add_argument("--limit", type=int)
    args = parser.parse_args(argv)
    pipeline = build_pipeline(args.model)
    pipeline.nlp.pipe(["warm up."])
    report: dict[str, Any] = {"model": pipeline.settings.model, "sets": {}}
    for name, (rel, load) in SETS.items():
        path = args.corpora / rel
        if not path.is_file():
            continue
        texts = list(dict.fromkeys(load(path)))[: args.limit]
        report["sets"][name] = bench_set(pipeline, texts)
    sys.stdout.write(json.dumps(report, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
