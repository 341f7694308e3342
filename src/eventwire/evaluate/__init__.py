"""Evaluation of the coder against gold data: PLV, PLOVER GSR, CAMEO quad-class, CAMEO spans, articles,
actor mentions.

    from eventwire.evaluate import build_pipeline, evaluate_file
    result = evaluate_file("plv", "PLV_train.tsv", build_pipeline(), spans="gold", limit=200)
    result.to_dict()     # n, accuracy, macro_f1, per_label, confusion, counts, format-specific scores
    result.items         # one dict per gold item (sentence, gold, predicted, ...) for error analysis

The metric definitions are in the docstrings of :mod:`.plv`, :mod:`.gsr`, :mod:`.cameo_class`,
:mod:`.ner` and :mod:`.metrics`; label mappings in ``data/label_sets.tsv`` (:mod:`.labels`).
"""

from __future__ import annotations

from pathlib import Path

from eventwire.errors import InputError
from eventwire.evaluate.actors import evaluate_actors, load_actor_gold, load_articles
from eventwire.evaluate.article_gold import known_codes, load_article_gold
from eventwire.evaluate.articles import evaluate_articles
from eventwire.evaluate.cameo_class import evaluate_cameo_class
from eventwire.evaluate.common import EvalResult, build_pipeline, build_resources
from eventwire.evaluate.datasets import (
    FORMATS,
    load_cameo_class,
    load_cameo_ner,
    load_plover_gsr,
    load_plv,
)
from eventwire.evaluate.gsr import evaluate_plover_gsr
from eventwire.evaluate.labels import LabelSets, load_label_sets
from eventwire.evaluate.ner import evaluate_cameo_ner
from eventwire.evaluate.plv import SpanMode, evaluate_plv
from eventwire.evaluate.report import render
from eventwire.pipeline import Pipeline

__all__ = [
    "FORMATS",
    "EvalResult",
    "LabelSets",
    "SpanMode",
    "build_pipeline",
    "build_resources",
    "evaluate_file",
    "load_label_sets",
    "render",
]


def evaluate_file(
    fmt: str,
    path: str | Path,
    pipeline: Pipeline,
    spans: SpanMode = "gold",
    limit: int | None = None,
    articles: str | Path | None = None,
) -> EvalResult:
    """Load gold data of format ``fmt`` from ``path`` (first ``limit`` items) and evaluate; ``articles``:
    for ``actors``, the folder of the mentions' articles (resolve each inside its article)."""
    end = limit if limit is not None and limit >= 0 else None
    if fmt == "plv":
        return evaluate_plv(pipeline, load_plv(path)[:end], spans)
    if fmt == "plover-gsr":
        return evaluate_plover_gsr(pipeline, load_plover_gsr(path)[:end])
    if fmt == "cameo-class":
        return evaluate_cameo_class(pipeline, load_cameo_class(path)[:end])
    if fmt == "cameo-ner":
        return evaluate_cameo_ner(pipeline, load_cameo_ner(path)[:end])
    if fmt == "articles":
        return evaluate_articles(pipeline, load_article_gold(path, known_codes())[:end])
    if fmt == "actors":
        found = load_articles(articles) if articles is not None else None
        return evaluate_actors(pipeline, load_actor_gold(path)[:end], found)
    raise InputError(f"unknown evaluation format {fmt!r} (one of {', '.join(FORMATS)})")
