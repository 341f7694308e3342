"""Quality gate: evaluation figures must not fall below the floors in ``quality_floors.json``.

Our own gold sets (``tests/gold/eventwire-gold.tsv``, PLV format, and the article gold standard
``tests/gold/articles/wikinews-gold.jsonl``) are always evaluated.  The dev
sets are read from ``<repo>/../shared/corpora`` and skipped when that folder is absent.  Each
dev set is evaluated whole (about 50 s for all of them after the model has loaded).  Floors may
only be raised; see the comment in the JSON file.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import pytest

from eventwire.evaluate import EvalResult, build_pipeline, evaluate_file
from eventwire.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FLOORS: dict[str, Any] = json.loads((Path(__file__).parent / "quality_floors.json").read_text("utf-8"))
OWN_SETS = ["eventwire-gold", "article-gold", "actor-dev"]  # shipped with the tests: always evaluated
DEV_SETS = [name for name in FLOORS if not name.startswith("_") and name not in OWN_SETS]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return build_pipeline()


def _check(name: str, result: EvalResult) -> None:
    spec = FLOORS[name]
    measured = result.to_dict()
    del result  # keep the failure report short
    failures: list[str] = []
    for key, floor in spec["floors"].items():
        if floor is None:
            warnings.warn(f"{name}: {key} not pinned yet, measured {measured[key]:.4f}", stacklevel=2)
        elif measured[key] < floor - 1e-9:
            failures.append(f"{key} = {measured[key]:.4f} < floor {floor}")
    for key, ceiling in spec["ceilings"].items():
        if ceiling is None:
            warnings.warn(f"{name}: {key} not pinned yet, measured {measured[key]:.4f}", stacklevel=2)
        elif measured[key] > ceiling + 1e-9:
            failures.append(f"{key} = {measured[key]:.4f} > ceiling {ceiling}")
    assert not failures, f"{name}: " + "; ".join(failures)


@pytest.mark.parametrize("name", OWN_SETS)
def test_own_gold_set(pipeline: Pipeline, name: str) -> None:
    spec = FLOORS[name]
    path = REPO / spec["path"]
    assert path.is_file(), f"missing our gold set {path}"
    _check(name, evaluate_file(spec["format"], path, pipeline, spans=spec.get("spans", "gold")))


@pytest.mark.parametrize("name", DEV_SETS)
def test_dev_set(pipeline: Pipeline, name: str) -> None:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} not present")
    spec = FLOORS[name]
    path = SHARED / spec["path"]
    if not path.is_file():
        pytest.skip(f"{path} not present")
    _check(name, evaluate_file(spec["format"], path, pipeline, spans=spec.get("spans", "gold")))
