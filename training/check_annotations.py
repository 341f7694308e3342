"""Check an annotation file against its candidates file, or a written file, with line numbers.

python training/check_annotations.py training/annotations/pairs-3.jsonl
python training/check_annotations.py training/written/w1.jsonl
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CAMEO = HERE.parent / "src" / "eventwire" / "data" / "cameo.tsv"
STATUSES = {
    "asserted", "negated", "denied", "future", "intended", "hoped", "requested", "conditional", "hedged",
    "habitual",
}  # fmt: skip


def codes() -> set[str]:
    rows = [
        line for line in CAMEO.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")
    ]
    return {line.split("\t")[0] for line in rows[1:]}


def _json_lines(path: Path, problems: list[str]) -> Iterator[tuple[int, dict[str, Any]]]:
    """Each non-blank line of a JSONL file as (line number, object); a line that is not JSON is a
    problem."""
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield n, json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"line {n}: not JSON: {exc}")


def check_written(path: Path) -> list[str]:
    known = codes()
    problems: list[str] = []
    n_events = 0
    n = 0
    for n, item in _json_lines(path, problems):
        sentence = item.get("sentence", "")
        ids = set()
        for actor in item.get("actors", []):
            if not actor.get("text") or actor["text"] not in sentence:
                problems.append(f"line {n}: actor {actor!r} is not a substring of the sentence")
            ids.add(actor.get("id"))
        for ev in item.get("events", []):
            n_events += 1
            problems.extend(_event_problems(n, ev, ids, known))
    problems.append(f"{n} lines, {n_events} events")
    return problems


def _event_problems(n: int, ev: dict[str, object], ids: set[object], known: set[str]) -> list[str]:
    out = []
    if ev.get("source") not in ids:
        out.append(f"line {n}: source {ev.get('source')!r} is not an actor id")
    if ev.get("target") is not None and ev.get("target") not in ids:
        out.append(f"line {n}: target {ev.get('target')!r} is not an actor id")
    if ev.get("target") == ev.get("source"):
        out.append(f"line {n}: source and target are the same actor")
    if str(ev.get("code")) not in known or len(str(ev.get("code"))) < 3:
        out.append(f"line {n}: code {ev.get('code')!r} is not a 3- or 4-digit CAMEO code")
    if ev.get("status") not in STATUSES:
        out.append(f"line {n}: status {ev.get('status')!r} unknown")
    return out


def check(path: Path) -> list[str]:
    if path.parent.name == "written":
        return check_written(path)
    cands = {}
    for line in (HERE / "candidates" / path.name).read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        cands[row["sid"]] = row
    known = codes()
    problems: list[str] = []
    seen: set[str] = set()
    for n, ann in _json_lines(path, problems):
        sid = ann.get("sid")
        if sid not in cands:
            problems.append(f"line {n}: unknown sid {sid!r}")
            continue
        if sid in seen:
            problems.append(f"line {n}: {sid} annotated twice")
        seen.add(sid)
        sentence = cands[sid]["sentence"]
        ids = {a["id"] for a in cands[sid]["actors"]}
        for extra in ann.get("add", []):
            if extra.get("text", "") not in sentence or not extra.get("text"):
                problems.append(f"line {n}: added actor {extra!r} is not a substring of the sentence")
            ids.add(extra.get("id"))
        for ev in ann.get("events", []):
            problems.extend(_event_problems(n, ev, ids, known))
    missing = len(set(cands) - seen)
    problems.append(f"{len(seen)} of {len(cands)} sentences annotated; {missing} to go")
    return problems


if __name__ == "__main__":
    for problem in check(Path(sys.argv[1])):
        sys.stdout.write(problem + "\n")
