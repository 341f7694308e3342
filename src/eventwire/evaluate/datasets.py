"""Gold-data loaders for the four evaluation formats, into typed records.

- ``plv``: TSV with header; columns ``sentence, source, target, gold_root, gold_penta`` are used
  (``sentence_id`` groups rows of one sentence; others are ignored).  Source and target strings
  are located in the sentence (``str.find``, then case-insensitive); a string that cannot be
  found leaves its span ``None``.
- ``plover-gsr``: a JSON array of PLOVER gold-standard records; the ``DOCUMENT`` record is skipped.
- ``cameo-class``: ``sentence<TAB>label`` lines (0 statement / no event, 1-4 quad class).
- ``cameo-ner``: CoNLL ``token label`` lines, blank line between sentences, B-/I- tags of type
  S (source), T (target), R (reciprocal: both).  The sentence text is the tokens joined by single
  spaces; each token keeps its character offsets.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.errors import InputError

__all__ = [
    "FORMATS",
    "ClassItem",
    "GsrActor",
    "GsrRecord",
    "NerSentence",
    "PlvRow",
    "find_span",
    "load_cameo_class",
    "load_cameo_ner",
    "load_plover_gsr",
    "load_plv",
]

FORMATS = ("plv", "plover-gsr", "cameo-class", "cameo-ner", "articles", "actors")
CharSpan = tuple[int, int]


@dataclass(frozen=True, slots=True)
class PlvRow:
    uid: str
    sentence_id: str
    sentence: str
    source: str
    target: str
    gold_root: str
    gold_penta: int
    source_span: CharSpan | None
    target_span: CharSpan | None


@dataclass(frozen=True, slots=True)
class GsrActor:
    text: str
    code: str
    sector: str


@dataclass(frozen=True, slots=True)
class GsrRecord:
    id: str
    text: str
    event: str
    event_text: str
    sources: tuple[GsrActor, ...]
    targets: tuple[GsrActor, ...]


@dataclass(frozen=True, slots=True)
class ClassItem:
    sentence: str
    label: int


@dataclass(frozen=True, slots=True)
class NerSentence:
    tokens: tuple[str, ...]
    tags: tuple[str, ...]
    offsets: tuple[CharSpan, ...]  # char span of each token in ``text``

    @property
    def text(self) -> str:
        return " ".join(self.tokens)

    def spans(self) -> set[tuple[str, int, int]]:
        """Gold spans as (type, first token, last token + 1)."""
        return bio_spans(self.tags)


def bio_spans(tags: tuple[str, ...] | list[str]) -> set[tuple[str, int, int]]:
    out: set[tuple[str, int, int]] = set()
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        continues = tag.startswith("I-") and tag[2:] == kind and start >= 0
        if continues:
            continue
        if start >= 0:
            out.add((kind, start, i))
            start, kind = -1, ""
        if tag.startswith(("B-", "I-")):
            start, kind = i, tag[2:]
    return out


def find_span(haystack: str, needle: str) -> CharSpan | None:
    """Char span of ``needle`` in ``haystack`` (exact, then case-insensitive), or None."""
    if not needle:
        return None
    at = haystack.find(needle)
    if at < 0:
        at = haystack.lower().find(needle.lower())
    return (at, at + len(needle)) if at >= 0 else None


def _read(path: str | Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot read gold file: {exc}") from exc


def load_plv(path: str | Path) -> list[PlvRow]:
    text = _read(path)
    reader = csv.DictReader(text.splitlines(), delimiter="\t")
    need = {"sentence", "source", "target", "gold_root", "gold_penta"}
    missing = need - set(reader.fieldnames or ())
    if missing:
        raise InputError(f"{path}: not a PLV file, missing columns {sorted(missing)}")
    rows: list[PlvRow] = []
    for i, rec in enumerate(reader):
        sentence = rec["sentence"] or ""
        try:
            penta = int(rec["gold_penta"])
        except (TypeError, ValueError) as exc:
            raise InputError(f"{path}: row {i + 2}: bad gold_penta {rec['gold_penta']!r}") from exc
        rows.append(
            PlvRow(
                uid=rec.get("") or rec.get("uid") or str(i),
                sentence_id=rec.get("sentence_id") or f"s{i}",
                sentence=sentence,
                source=rec["source"] or "",
                target=rec["target"] or "",
                gold_root=(rec["gold_root"] or "").strip().upper(),
                gold_penta=penta,
                source_span=find_span(sentence, rec["source"] or ""),
                target_span=find_span(sentence, rec["target"] or ""),
            )
        )
    return rows


def _actors(value: Any) -> tuple[GsrActor, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(
        GsrActor(str(a.get("actorText", "")), str(a.get("code", "")), str(a.get("sector", "")))
        for a in value
        if isinstance(a, dict)
    )


def load_plover_gsr(path: str | Path) -> list[GsrRecord]:
    try:
        data = json.loads(_read(path))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not valid JSON: {exc}") from exc
    if not isinstance(data, list):
        raise InputError(f"{path}: expected a JSON array of records")
    out: list[GsrRecord] = []
    for rec in data:
        if not isinstance(rec, dict) or rec.get("event") == "DOCUMENT" or "text" not in rec:
            continue
        out.append(
            GsrRecord(
                id=str(rec.get("id", len(out))),
                text=str(rec["text"]),
                event=str(rec.get("event", "")),
                event_text=str(rec.get("eventText", "")),
                sources=_actors(rec.get("source")),
                targets=_actors(rec.get("target")),
            )
        )
    return out


def load_cameo_class(path: str | Path) -> list[ClassItem]:
    out: list[ClassItem] = []
    for lineno, line in enumerate(_read(path).splitlines(), 1):
        if not line.strip():
            continue
        sentence, sep, label = line.rpartition("\t")
        if not sep or label.strip() not in ("0", "1", "2", "3", "4"):
            raise InputError(f"{path}:{lineno}: expected 'sentence<TAB>label' with label 0-4")
        out.append(ClassItem(sentence.strip(), int(label)))
    return out


def _sentence(tokens: list[str], tags: list[str]) -> NerSentence:
    offsets: list[CharSpan] = []
    at = 0
    for tok in tokens:
        offsets.append((at, at + len(tok)))
        at += len(tok) + 1
    return NerSentence(tuple(tokens), tuple(tags), tuple(offsets))


def load_cameo_ner(path: str | Path) -> list[NerSentence]:
    out: list[NerSentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    for lineno, line in enumerate(_read(path).splitlines(), 1):
        if not line.strip():
            if tokens:
                out.append(_sentence(tokens, tags))
            tokens, tags = [], []
            continue
        tok, sep, tag = line.rstrip().rpartition(" ")
        if not sep or not tok:
            raise InputError(f"{path}:{lineno}: expected 'token label'")
        tokens.append(tok)
        tags.append(tag)
    if tokens:
        out.append(_sentence(tokens, tags))
    return out
