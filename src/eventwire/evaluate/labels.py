"""CAMEO codes -> the label sets of the evaluation corpora (``data/label_sets.tsv``).

:meth:`LabelSets.load` reads and validates the file, reporting every problem at once in
one :class:`~eventwire.errors.DictionaryError`.  Lookups use the longest matching prefix.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from eventwire.errors import DictionaryError

__all__ = ["NONE", "PLOVER05_LABELS", "PLV_LABELS", "LabelSets", "load_label_sets"]

#: The prediction when no event was found.
NONE = "NONE"

PLV_LABELS = frozenset(
    [
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "YIELD",
        "AID",
        "COOPERATE",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    ]
)
PLOVER05_LABELS = frozenset(
    [
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "COOPERATE",
        "AID",
        "CONCEDE",
        "RETREAT",
        "INVESTIGATE",
        "DEMAND",
        "DISAPPROVE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "MOBILIZE",
        "SANCTION",
        "COERCE",
        "ASSAULT",
        "FIGHT",
    ]
)
_PREFIX_HEADER = ("cameo_prefix", "plv", "plover05")
_PENTA_HEADER = ("plv_label", "penta")
_ROOTS = tuple(f"{r:02d}" for r in range(1, 21))


@dataclass(frozen=True, slots=True)
class LabelSets:
    """Prefix table (prefix -> (plv, plover05)) and the PLV label -> penta map."""

    prefixes: Mapping[str, tuple[str, str]]
    penta: Mapping[str, int]

    @classmethod
    def load(cls, path: str | Path | None = None) -> LabelSets:
        if path is None:
            ref = resources.files("eventwire") / "data" / "label_sets.tsv"
            return cls.parse(ref.read_text(encoding="utf-8"), "label_sets.tsv")
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise DictionaryError(str(path), [f"cannot read file: {exc}"]) from exc
        return cls.parse(text, str(path))

    @classmethod
    def parse(cls, text: str, where: str = "<string>") -> LabelSets:
        problems: list[str] = []
        prefixes: dict[str, tuple[str, str]] = {}
        penta: dict[str, int] = {}
        header: tuple[str, ...] | None = None
        for lineno, line in enumerate(text.splitlines(), 1):
            if line.startswith("#"):
                continue
            if not line.strip():
                header = None
                continue
            cells = tuple(c.strip() for c in line.split("\t"))
            if header is None:
                header = cells
                if cells not in (_PREFIX_HEADER, _PENTA_HEADER):
                    problems.append(f"line {lineno}: unknown table header {line!r}")
                continue
            if header == _PREFIX_HEADER:
                _prefix_row(cells, lineno, prefixes, problems)
            elif header == _PENTA_HEADER:
                _penta_row(cells, lineno, penta, problems)
        problems.extend(_completeness(prefixes, penta))
        if problems:
            raise DictionaryError(where, problems)
        return cls(MappingProxyType(prefixes), MappingProxyType(penta))

    def _lookup(self, code: str) -> tuple[str, str]:
        for n in range(len(code), 1, -1):
            hit = self.prefixes.get(code[:n])
            if hit is not None:
                return hit
        return ("", "")

    def plv(self, code: str) -> str:
        """PLV root label of a CAMEO code ("" = no event, e.g. 01x statements)."""
        return self._lookup(code)[0]

    def plover05(self, code: str) -> str:
        """PLOVER v0.5 label of a CAMEO code ("" = no event)."""
        return self._lookup(code)[1]

    def penta_of(self, plv_label: str) -> int:
        """Quad class (1-4) of a PLV label; 0 for "" / NONE."""
        return self.penta.get(plv_label, 0)


def _prefix_row(
    cells: tuple[str, ...], lineno: int, out: dict[str, tuple[str, str]], problems: list[str]
) -> None:
    if len(cells) != 3:
        problems.append(f"line {lineno}: expected 3 columns, got {len(cells)}")
        return
    prefix, plv, p05 = cells
    if not (prefix.isdigit() and 2 <= len(prefix) <= 4 and prefix[:2] in _ROOTS):
        problems.append(f"line {lineno}: bad CAMEO prefix {prefix!r}")
    if plv and plv not in PLV_LABELS:
        problems.append(f"line {lineno}: unknown plv label {plv!r}")
    if p05 and p05 not in PLOVER05_LABELS:
        problems.append(f"line {lineno}: unknown plover05 label {p05!r}")
    if prefix in out:
        problems.append(f"line {lineno}: duplicate prefix {prefix!r}")
    out[prefix] = (plv, p05)


def _penta_row(cells: tuple[str, ...], lineno: int, out: dict[str, int], problems: list[str]) -> None:
    if len(cells) != 2:
        problems.append(f"line {lineno}: expected 2 columns, got {len(cells)}")
        return
    label, value = cells
    if label not in PLV_LABELS:
        problems.append(f"line {lineno}: unknown plv label {label!r}")
    if value not in ("1", "2", "3", "4"):
        problems.append(f"line {lineno}: penta must be 1-4, got {value!r}")
        return
    out[label] = int(value)


def _completeness(prefixes: Mapping[str, tuple[str, str]], penta: Mapping[str, int]) -> list[str]:
    problems = [f"missing CAMEO root {r}" for r in _ROOTS if r not in prefixes]
    problems += [f"missing penta for plv label {lab}" for lab in sorted(PLV_LABELS - set(penta))]
    return problems


@lru_cache(maxsize=1)
def load_label_sets() -> LabelSets:
    """The packaged label sets (cached)."""
    return LabelSets.load()
