from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    from eventwire.pipeline import Pipeline
    from eventwire.settings import Settings

    return Pipeline(Settings.from_env(env={}))


@pytest.fixture(scope="session")
def nlp(pipeline):  # type: ignore[no-untyped-def]
    return pipeline.language


@pytest.fixture()
def shared() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared is absent")
    return SHARED
