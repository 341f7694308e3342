"""The CAMEO event reference table: names, Goldstein scores, quad classes and PLOVER labels.

The table lives in ``eventwire/data/cameo.tsv`` (see its header for sources and licences).
:meth:`CameoTable.load` reads and validates it, reporting every bad row at once in one
:class:`~eventwire.errors.DictionaryError`; :func:`load_default_table` caches the packaged
table.

The quad class is not stored: it is derived from the root (first two digits) by GDELT's
mapping, :data:`QUAD_CLASS_BY_ROOT` / :func:`quad_class`::

    roots 01-05 -> 1 verbal cooperation     roots 06-08 -> 2 material cooperation
    roots 09-13 -> 3 verbal conflict        roots 14-20 -> 4 material conflict
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from eventwire.errors import DictionaryError
from eventwire.models import CameoEntry, PloverLabel

__all__ = [
    "COLUMNS",
    "PLOVER_EVENTS",
    "QUAD_CLASS_BY_ROOT",
    "QUAD_CLASS_NAMES",
    "CameoTable",
    "load_default_table",
    "parent",
    "plover_context",
    "quad_class",
    "root",
]

COLUMNS = ("code", "name", "goldstein", "plover_event", "plover_mode")

#: GDELT's quad classes: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
#: 4 material conflict, keyed by CAMEO root.
QUAD_CLASS_BY_ROOT: Mapping[str, int] = MappingProxyType(
    {f"{r:02d}": 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4 for r in range(1, 21)}
)

QUAD_CLASS_NAMES: Mapping[int, str] = MappingProxyType(
    {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
)

#: PLOVER event types of the CAMEO2PLOVER-2021 table (PLOVER draft 0.8); "" means "none".
PLOVER_EVENTS = frozenset(
    {
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    }
)

_HEADER = "\t".join(COLUMNS)
_CODE_RE = re.compile(r"^(0[1-9]|1\d|20)\d{0,2}$")


def root(code: str) -> str:
    """The 2-digit CAMEO root of ``code`` ("0211" -> "02"); ValueError if malformed."""
    if not isinstance(code, str) or not _CODE_RE.match(code):
        raise ValueError(f"not a CAMEO code: {code!r} (expected 2-4 digits with root 01-20)")
    return code[:2]


def parent(code: str) -> str | None:
    """The parent code ("0211" -> "021", "021" -> "02", "02" -> None)."""
    root(code)
    return code[:-1] if len(code) > 2 else None


def quad_class(code: str) -> int:
    """GDELT quad class (1-4) of a CAMEO code, derived from its root."""
    return QUAD_CLASS_BY_ROOT[root(code)]


@dataclass(frozen=True, slots=True)
class CameoTable:
    """An immutable, validated CAMEO table. Use :meth:`load` to build one."""

    path: str
    entries: Mapping[str, CameoEntry]

    # -- construction -------------------------------------------------------------------
    @classmethod
    def load(cls, path: str | Path | None = None) -> CameoTable:
        """Read and validate a CAMEO table (default: the packaged ``cameo.tsv``).

        Raises :class:`DictionaryError` listing every problem found (bad code shape,
        goldstein outside [-10, 10], unknown PLOVER event, duplicate code, orphan child).
        """
        if path is None:
            ref = resources.files("eventwire") / "data" / "cameo.tsv"
            text = ref.read_text(encoding="utf-8")
            where = str(ref)
        else:
            where = str(path)
            try:
                text = Path(path).read_text(encoding="utf-8")
            except OSError as exc:
                raise DictionaryError(where, [f"cannot read file: {exc}"]) from exc
        return cls.parse(text, where)

    @classmethod
    def parse(cls, text: str, where: str = "<string>") -> CameoTable:
        """Build a table from TSV text (same format and validation as :meth:`load`)."""
        problems: list[str] = []
        entries: dict[str, CameoEntry] = {}
        header_seen = False
        for lineno, raw in enumerate(text.splitlines(), start=1):
            line = raw.rstrip("\r\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if not header_seen:
                header_seen = True
                if tuple(f.strip() for f in fields) != COLUMNS:
                    problems.append(f"line {lineno}: header must be {_HEADER!r}, got {line!r}")
                    break
                continue
            if len(fields) != len(COLUMNS):
                problems.append(
                    f"line {lineno}: expected {len(COLUMNS)} tab-separated fields, got {len(fields)}"
                )
                continue
            code, name, gold_s, p_event, p_mode = (f.strip() for f in fields)
            row_problems: list[str] = []
            if not _CODE_RE.match(code):
                row_problems.append(f"bad code shape {code!r} (2-4 digits, root 01-20)")
            if not name:
                row_problems.append("empty name")
            goldstein = math.nan
            try:
                goldstein = float(gold_s)
            except ValueError:
                row_problems.append(f"goldstein {gold_s!r} is not a number")
            else:
                if not -10.0 <= goldstein <= 10.0:
                    row_problems.append(f"goldstein {goldstein} outside [-10, 10]")
            if p_event and p_event not in PLOVER_EVENTS:
                row_problems.append(f"unknown PLOVER event {p_event!r}")
            if p_mode and not p_event:
                row_problems.append(f"PLOVER mode {p_mode!r} given without an event")
            if code in entries:
                row_problems.append("duplicate code")
            if row_problems:
                problems.extend(f"line {lineno}: code {code!r}: {p}" for p in row_problems)
                continue
            entries[code] = CameoEntry(
                code=code,
                name=name,
                goldstein=goldstein,
                quad_class=quad_class(code),
                plover=PloverLabel(p_event, p_mode),
            )
        if not header_seen:
            problems.append("no header line (and no rows)")
        for code in entries:
            par = parent(code)
            if par is not None and par not in entries:
                problems.append(f"code {code!r}: parent code {par!r} is missing")
        if problems:
            raise DictionaryError(where, problems)
        return cls(where, MappingProxyType(entries))

    # -- lookups ------------------------------------------------------------------------
    def get(self, code: str) -> CameoEntry:
        """The entry for ``code``; ``KeyError`` naming the code if it is not in the table."""
        try:
            return self.entries[code]
        except KeyError:
            raise KeyError(f"unknown CAMEO code {code!r} (not in {self.path})") from None

    def __getitem__(self, code: str) -> CameoEntry:
        return self.get(code)

    def __contains__(self, code: object) -> bool:
        return code in self.entries

    def __iter__(self) -> Iterator[CameoEntry]:
        return iter(self.entries.values())

    def __len__(self) -> int:
        return len(self.entries)

    def codes(self) -> list[str]:
        return list(self.entries)

    def name(self, code: str) -> str:
        return self.get(code).name

    def goldstein(self, code: str) -> float:
        return self.get(code).goldstein

    def plover(self, code: str) -> PloverLabel:
        return self.get(code).plover

    def quad_class(self, code: str) -> int:
        """Quad class of a code in this table (KeyError if unknown)."""
        return self.get(code).quad_class

    @staticmethod
    def root(code: str) -> str:
        return root(code)

    def children(self, code: str) -> list[str]:
        """Direct subcodes of ``code`` present in the table."""
        return [c for c in self.entries if len(c) == len(code) + 1 and c.startswith(code)]


@lru_cache(maxsize=1)
def load_default_table() -> CameoTable:
    """The packaged CAMEO table, loaded and validated once per process."""
    return CameoTable.load()


# ------------------------------------------------------------------ PLOVER contexts
CONTEXTS_FILE = "plover_contexts.tsv"


@lru_cache(maxsize=1)
def plover_contexts() -> Mapping[str, tuple[str, ...]]:
    """CAMEO code -> its PLOVER contexts, from ``data/plover_contexts.tsv`` (see its header)."""
    text = resources.files("eventwire").joinpath("data", CONTEXTS_FILE).read_text(encoding="utf-8")
    table: dict[str, tuple[str, ...]] = {}
    problems: list[str] = []
    header_seen = False
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = line == "code\tcontexts"
            if not header_seen:
                problems.append(f"line {n}: the header must be 'code<TAB>contexts'")
            continue
        fields = line.split("\t")
        if len(fields) != 2 or not _CODE_RE.match(fields[0]):
            problems.append(f"line {n}: expected a CAMEO code and its contexts")
            continue
        table[fields[0]] = tuple(c for c in fields[1].split(";") if c)
    if problems:
        raise DictionaryError(f"eventwire/data/{CONTEXTS_FILE}", problems)
    return MappingProxyType(table)


def plover_context(code: str) -> tuple[str, ...]:
    """The PLOVER contexts of a CAMEO code, inherited from its parent (4 -> 3 digits) when unlisted."""
    table = plover_contexts()
    return table.get(code) or (table.get(code[:3], ()) if len(code) == 4 else ())
