"""Importer for PETRARCH/TABARI actor dictionaries (``Phoenix.Countries.actors.txt`` and the like).

Format (petrarch2 ``docs/source/dictionaries.rst``, "Actor Dictionary"): records of

    PRIMARY_PHRASE_  [optional default CODE]   # comment (or ; comment)
    +SYNONYM_PHRASE_
    <TAB>[CODE restriction]

where a phrase is words joined by blanks or underscores, and a restriction is ``<date`` (before),
``>date`` (after), ``date-date`` (between, inclusive) or nothing (the default); dates are
``YYYYMMDD`` or ``YYMMDD`` (two-digit years below 30 are 20xx, as the Phoenix files use them:
``[AFGELI 730717-070723]``).  Codes are CAMEO actor codes: a country or an organisation type
(``RUSGOV``, ``USAELI``, ``IGOUNO``, ``NGOHRIAMN``, ``IMGMUSALQ``); the importer keeps the country
(or, for a body eventwire knows, its organisation code: ``IGOUNO`` -> ``UNO``, else the type) and the
first sector code in the rest.

Lines the importer cannot read are reported with their line numbers (``ActorDictionary.problems``,
or a :class:`~eventwire.errors.DictionaryError` with ``strict=True``); the rest is kept.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from eventwire.actors.dictionary import INTERNATIONAL_CODES, SECTOR_CODES, AgentTable
from eventwire.errors import DictionaryError
from eventwire.models import ActorCode

__all__ = ["ActorDictionary", "DatedCode", "parse_date", "split_code"]

_CODE = re.compile(r"\[\s*([A-Z0-9]{3,})\s*([^\]]*)\]")
_COMMENT = re.compile(r"[#;].*$")  # phrases never contain "#" or ";"
_WORD_SPLIT = re.compile(r"[\s_]+")


def parse_date(text: str) -> dt.date:
    """``YYYYMMDD`` or ``YYMMDD`` (00-29 -> 20xx, 30-99 -> 19xx)."""
    text = text.strip()
    if len(text) == 6:
        yy = int(text[:2])
        text = f"{2000 + yy if yy < 30 else 1900 + yy}{text[2:]}"
    if len(text) != 8 or not text.isdigit():
        raise ValueError(f"bad date {text!r}")
    return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))


@dataclass(frozen=True, slots=True)
class DatedCode:
    code: str
    start: dt.date | None = None  # inclusive
    end: dt.date | None = None  # inclusive

    def applies(self, on: dt.date) -> bool:
        return (self.start is None or on >= self.start) and (self.end is None or on <= self.end)


@dataclass(frozen=True, slots=True)
class _Record:
    line: int
    default: str
    dated: tuple[DatedCode, ...]

    def code_on(self, on: dt.date | None) -> str:
        if on is not None:
            for d in self.dated:
                if (d.start is not None or d.end is not None) and d.applies(on):
                    return d.code
        undated = [d.code for d in self.dated if d.start is None and d.end is None]
        if undated:
            return undated[0]
        if self.default:
            return self.default
        if on is None and self.dated:  # no date to choose by: the latest window
            return max(self.dated, key=lambda d: d.end or dt.date.max).code
        return ""


def phrase_key(text: str) -> tuple[str, ...]:
    words = _WORD_SPLIT.split(text.replace("-", " ").strip(" _").lower())
    return tuple(w.strip(".,'’\"") for w in words if w.strip(".,'’\""))


class ActorDictionary:
    """Phrases of one or more PETRARCH actor files, with their dated codes."""

    def __init__(self, source: str = "<memory>") -> None:
        self.source = source
        self._records: dict[tuple[str, ...], _Record] = {}
        self.problems: list[str] = []

    def __len__(self) -> int:
        return len(self._records)

    def vocabulary(self) -> frozenset[str]:
        """Every lower-case word of every phrase."""
        return frozenset(w.lower() for words in self._records for w in words)

    @classmethod
    def load(cls, paths: Sequence[str | Path], strict: bool = False) -> ActorDictionary:
        out = cls(", ".join(str(p) for p in paths))
        for path in paths:
            try:
                text = Path(path).read_text(encoding="utf-8", errors="replace")
            except OSError as exc:
                raise DictionaryError(str(path), [f"cannot read: {exc}"]) from exc
            out.add_text(text, str(path))
        if strict and out.problems:
            raise DictionaryError(out.source, out.problems)
        return out

    @classmethod
    def parse(cls, text: str, source: str = "<string>", strict: bool = False) -> ActorDictionary:
        out = cls(source)
        out.add_text(text, source)
        if strict and out.problems:
            raise DictionaryError(source, out.problems)
        return out

    def add_text(self, text: str, source: str) -> None:
        phrases: list[tuple[str, ...]] = []
        default = ""
        dated: list[DatedCode] = []
        start_line = 0

        def flush() -> None:
            if phrases and (default or dated):
                record = _Record(start_line, default, tuple(dated))
                for key in phrases:
                    self._records.setdefault(key, record)  # the first file / entry wins

        for n, raw in enumerate(text.splitlines(), start=1):
            if not raw.strip() or raw.lstrip().startswith(("#", ";")):
                continue
            if raw.startswith(("\t", " ")) and raw.strip().startswith("["):
                for code, cond in _CODE.findall(raw):
                    try:
                        dated.append(_restriction(code, cond))
                    except ValueError as exc:
                        self.problems.append(f"{source}:{n}: {exc}")
                continue
            line = _COMMENT.sub("", raw).rstrip()
            if not line.strip():
                continue
            synonym = line.startswith("+")
            body = line[1:] if synonym else line
            codes = _CODE.findall(body)
            phrase = _CODE.sub("", body).strip()
            key = phrase_key(phrase)
            if not key:
                self.problems.append(f"{source}:{n}: no phrase in {raw.strip()!r}")
                continue
            if not synonym:
                flush()
                phrases, default, dated, start_line = [], "", [], n
            phrases.append(key)
            for code, cond in codes:
                try:
                    restriction = _restriction(code, cond)
                except ValueError as exc:
                    self.problems.append(f"{source}:{n}: {exc}")
                    continue
                if restriction.start is None and restriction.end is None and not default:
                    default = restriction.code
                else:
                    dated.append(restriction)
        flush()

    def code_of(self, phrase: str, on: dt.date | None = None) -> str:
        """The raw CAMEO code of a phrase as of ``on`` ("" when unknown or not coded then)."""
        record = self._records.get(phrase_key(phrase))
        return record.code_on(on) if record is not None else ""

    def lookup(
        self, phrase: str, on: dt.date | None = None, agents: AgentTable | None = None
    ) -> ActorCode | None:
        """The actor a phrase names as of ``on``, in eventwire's two slots, or None."""
        code = self.code_of(phrase, on)
        return split_code(code, agents) if code else None

    def phrases(self) -> Iterable[tuple[str, ...]]:
        return self._records.keys()


def _restriction(code: str, cond: str) -> DatedCode:
    cond = cond.strip()
    if not cond:
        return DatedCode(code)
    if cond.startswith("<"):
        return DatedCode(code, None, parse_date(cond[1:]))
    if cond.startswith(">"):
        return DatedCode(code, parse_date(cond[1:]), None)
    if "-" in cond:
        a, b = cond.split("-", 1)
        return DatedCode(code, parse_date(a), parse_date(b))
    raise ValueError(f"bad date restriction {cond!r} for {code}")


def split_code(code: str, agents: AgentTable | None = None) -> ActorCode:
    """A CAMEO actor code in eventwire's slots: ``RUSGOV`` -> RUS/GOV, ``IGOUNO`` -> UNO (a body
    eventwire knows) or IGO, ``NGOHRIAMN`` -> AMN/HRI, ``USAELI`` -> USA/ELI."""
    head, rest = code[:3], code[3:]
    chunks = [rest[i : i + 3] for i in range(0, len(rest), 3)]
    sector = next((c for c in chunks if c in SECTOR_CODES and c not in INTERNATIONAL_CODES), "")
    if head in INTERNATIONAL_CODES:
        known = agents.organisations if agents is not None else {}
        org = next((c for c in reversed(chunks) if c in known), "")
        return ActorCode(org or head, sector)
    return ActorCode(head, sector)
