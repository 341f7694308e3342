"""Compile the classifier's training corpus: one row per ordered actor pair of every sentence.

Inputs (all written or annotated by the team; see README.md):

- ``candidates/*.jsonl`` + ``annotations/*.jsonl`` (same file name): Wikinews sentences (CC BY 2.5)
  with their actor spans and the team's events;
- ``written/*.jsonl``: sentences written by the team in the styles of real news, each
  ``{"sentence", "actors": [{"id", "text"}], "events": [...]}`` (MIT);
- ``examples/*.tsv``: the back-off examples (MIT), one pair each, plus the reversed pair as a negative
  unless the root is symmetric (04 consult, 06 material cooperation).

Every ordered pair (source, target) and every (source, no target) of a sentence's actors is a row;
pairs with no annotated event are negatives (code ``000``).  Output: ``corpus/wikinews.jsonl`` and
``corpus/written.jsonl``, sorted and deduplicated, and counts as JSON on standard error.

    python training/compile_corpus.py
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
NONE = "000"
# Sentences left out because they share an 8-word run with an evaluation set (tools/overlap_check.py,
# 2026-12-06): named entities and a stock phrase, not copies, but the corpus must share nothing.
HYGIENE_EXCLUDED = frozenset(
    {
        "wn102-s008",  # the full name of a federal court in New York
        "wn064-s009",  # the Mexican president's full name and title
        "examples/C:53",  # the full name of the UN human rights office
        "examples/E:294",  # a stock phrase on the besieged Eastern Ghouta enclave
    }
)
SYMMETRIC = {"04", "06"}
Span = tuple[int, int]


def _find(sentence: str, text: str) -> Span | None:
    at = sentence.find(text)
    return (at, at + len(text)) if at >= 0 and text else None


def _pick(codes: list[dict[str, Any]]) -> dict[str, Any]:
    """One label per pair: an act beats the statement that reports it."""
    acts = [e for e in codes if not str(e["code"]).startswith("01")]
    return (acts or codes)[0]


def expand(sentence: str, spans: dict[str, Span], events: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Every ordered pair and every lone source of one sentence, labelled by its events."""
    by_pair: dict[tuple[str, str | None], list[dict[str, Any]]] = {}
    for ev in events:
        if ev["source"] in spans and (ev.get("target") is None or ev["target"] in spans):
            by_pair.setdefault((ev["source"], ev.get("target")), []).append(ev)
    ids = sorted(spans, key=lambda k: spans[k])
    group = _aliases(sentence, spans, ids)
    labelled = {(group[s], group[t] if t is not None else None) for s, t in by_pair}
    for s in ids:
        for t in [None, *ids]:
            if t == s or (t is not None and (_overlap(spans[s], spans[t]) or group[s] == group[t])):
                continue
            found = by_pair.get((s, t))
            if not found and (group[s], group[t] if t is not None else None) in labelled:
                continue  # another mention of the same actor ("Leader", "Chuck Schumer") carries the event
            ev = _pick(found) if found else {"code": NONE, "status": "asserted"}
            yield {
                "sentence": sentence,
                "source": list(spans[s]),
                "target": list(spans[t]) if t is not None else None,
                "code": str(ev["code"]),
                "status": ev.get("status", "asserted"),
            }


def _aliases(sentence: str, spans: dict[str, Span], ids: list[str]) -> dict[str, int]:
    """Adjacent mentions (only blanks or a comma between them) are taken as one actor."""
    group: dict[str, int] = {}
    for n, k in enumerate(ids):
        prev = ids[n - 1] if n else None
        gap = sentence[spans[prev][1] : spans[k][0]] if prev is not None else "x"
        group[k] = group[prev] if prev is not None and gap.strip(" ,") == "" and gap else n
    return group


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def wikinews() -> Iterator[dict[str, Any]]:
    for ann_path in sorted((HERE / "annotations").glob("*.jsonl")):
        cands = {}
        for line in (HERE / "candidates" / ann_path.name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            cands[row["sid"]] = row
        for line in ann_path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            ann = json.loads(line)
            cand = cands.get(ann.get("sid"))
            if cand is None:
                continue
            sentence = cand["sentence"].strip()
            lead = len(cand["sentence"]) - len(cand["sentence"].lstrip())
            spans = {a["id"]: (a["start"] - lead, a["end"] - lead) for a in cand["actors"]}
            for extra in ann.get("add", []):
                found = _find(sentence, extra.get("text", ""))
                if found is not None and not any(_overlap(found, s) for s in spans.values()):
                    spans[extra["id"]] = found
            for row in expand(sentence, spans, ann.get("events", [])):
                yield {
                    **row,
                    "origin": "wikinews",
                    "licence": "CC BY 2.5",
                    "url": cand["url"],
                    "sid": cand["sid"],
                }


def written() -> Iterator[dict[str, Any]]:
    for path in sorted((HERE / "written").glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            item = json.loads(line)
            sentence = item["sentence"].strip()
            spans: dict[str, Span] = {}
            for actor in item.get("actors", []):
                found = _find(sentence, actor.get("text", ""))
                if found is not None and not any(_overlap(found, s) for s in spans.values()):
                    spans[actor["id"]] = found
            for row in expand(sentence, spans, item.get("events", [])):
                yield {**row, "origin": "written", "licence": "MIT", "sid": f"{path.stem}:{n}"}
    for path in sorted((HERE / "examples").glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for n, rec in enumerate(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE), 2):
                sentence = rec["sentence"].strip()
                source = _find(sentence, rec["source"])
                target = _find(sentence, rec["target"]) if rec["target"] else None
                if source is None or (rec["target"] and target is None):
                    continue
                sid = f"examples/{path.stem}:{n}"
                base = {
                    "sentence": sentence,
                    "status": "asserted",
                    "origin": "written",
                    "licence": "MIT",
                    "sid": sid,
                }
                yield {
                    **base,
                    "source": list(source),
                    "target": list(target) if target else None,
                    "code": rec["code"],
                }
                if target is not None and not _overlap(source, target):
                    back = rec["code"] if rec["code"][:2] in SYMMETRIC else NONE
                    yield {**base, "source": list(target), "target": list(source), "code": back}


def _write(rows: Iterator[dict[str, Any]], path: Path) -> list[dict[str, Any]]:
    unique: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in rows:
        if row["sid"] in HYGIENE_EXCLUDED:
            continue
        key = (row["sentence"], tuple(row["source"]), tuple(row["target"] or ()))
        unique.setdefault(key, row)
    ordered = sorted(unique.values(), key=lambda r: (r["sid"], r["source"], r["target"] or []))
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for row in ordered:
            fh.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    return ordered


def summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Counts for the README and the data card."""
    codes = Counter(r["code"] for r in rows if r["code"] != NONE)
    return {
        "rows": len(rows),
        "sentences": len({r["sid"] for r in rows}),
        "event_rows": sum(codes.values()),
        "negative_share": round(1 - sum(codes.values()) / len(rows), 3) if rows else 0.0,
        "distinct_codes": len(codes),
        "roots": len({c[:2] for c in codes}),
    }


def main() -> None:
    wiki = _write(wikinews(), HERE / "corpus" / "wikinews.jsonl")
    own = _write(written(), HERE / "corpus" / "written.jsonl")
    report = {"wikinews": summary(wiki), "written": summary(own), "all": summary(wiki + own)}
    sys.stderr.write(json.dumps(report) + "\n")


if __name__ == "__main__":
    main()
