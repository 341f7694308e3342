"""Parsing in several processes gives the same events as one process (issue 7's fast path)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from eventwire.cli.demo import demo_files
from eventwire.errors import DocumentError
from eventwire.pipeline import CodedArticle, Pipeline


def _run(pipeline: Pipeline, paths: list[str]) -> list[tuple[str, list[dict[str, object]]] | str]:
    out: list[tuple[str, list[dict[str, object]]] | str] = []
    for item in pipeline.run(paths):
        if isinstance(item, DocumentError):
            out.append(item.code + " " + item.document)
        else:
            assert isinstance(item, CodedArticle)
            out.append((item.article.id, [e.to_dict() for e in item.events]))
    return out


def test_two_processes_code_like_one(pipeline, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "empty.txt").write_text("  \n")
    paths = [*demo_files(), str(tmp_path / "empty.txt")]
    two = Pipeline(dataclasses.replace(pipeline.settings, processes=2), pipeline.resources)
    one = _run(pipeline, paths)
    assert _run(two, paths) == one
    assert len(one) == 16 and sum(isinstance(x, str) for x in one) == 1  # the empty file, reported
