"""Dated office holders: resolve a bare person name ("Lavrov", "Putin") to an actor code.

The data lives in ``eventwire/data/office_holders.tsv`` (see its header for the format and
sources); users can pass their own files too. Each row is one term of one office of one person:
``name``, ``aliases``, ``country``, ``sector``, ``role``, ``start``, ``end`` and ``note``. Rows
that share ``name`` belong to the same person. A term covers the dates ``start <= d < end``
(empty ``end``: still in office).

:meth:`OfficeHolderTable.lookup` matches a name case-insensitively against the full names and
aliases, after normalising whitespace, hyphens, dots, diacritics and a trailing possessive
("Ban Ki-moon's" == "ban ki moon"):

* with a date, the person whose term contains the date wins (if one person holds several offices
  that day: head of state before head of government before other roles, then the latest start);
* if nobody matching holds office that day but exactly one matching person held it earlier, that
  person is returned with ``former=True`` and sector ``ELI`` (CAMEO: former leaders are elites);
* without a date, only an unambiguous match (one person) is returned, with their latest term.

Anything else (unknown name, several people, date before every term) returns ``None``.

Validation reports every problem at once as :class:`eventwire.errors.DictionaryError`.
The packaged table is cached (:func:`default_table`); :func:`clear_cache` empties the cache.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from eventwire.actors.dictionary import SECTOR_CODES
from eventwire.errors import DictionaryError
from eventwire.models import ActorMention

OFFICE_HOLDERS_FILE = "office_holders.tsv"
COLUMNS = ("name", "aliases", "country", "sector", "role", "start", "end", "note")
REQUIRED_COLUMNS = COLUMNS[:7]
FORMER_SECTOR = "ELI"

_COUNTRY = re.compile(r"[A-Z]{3}")
_ROLE = re.compile(r"[a-z][a-z0-9_]*")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SPACE = re.compile(r"\s+")
_HYPHENS = re.compile(r"[-‐‑‒–—_]+")
_POSSESSIVE = re.compile(r"(?:'s|')$", re.IGNORECASE)
_FOLD = str.maketrans({"đ": "d", "ı": "i", "ø": "o", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe"})
_ROLE_RANK = {"head_of_state": 0, "head_of_government": 1}


def normalise_name(text: str) -> str:
    """The matching key of a name: case-folded, diacritics removed, hyphens and dots as spaces,
    whitespace collapsed, a trailing possessive ('s / ’s / s') removed."""
    text = text.replace("’", "'").replace("‘", "'").replace("`", "'").strip()
    text = _POSSESSIVE.sub("", _SPACE.sub(" ", text))
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).translate(_FOLD)
    text = _HYPHENS.sub(" ", text.replace(".", " "))
    return _SPACE.sub(" ", text).strip()


@dataclass(frozen=True, slots=True)
class OfficeTerm:
    """One row of the table: one term of one office held by one person."""

    name: str
    aliases: tuple[str, ...]
    country: str
    sector: str
    role: str
    start: dt.date
    end: dt.date | None
    note: str = ""
    source: str = "<memory>"
    line: int = 0

    def contains(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)

    def ended_before(self, day: dt.date) -> bool:
        return self.end is not None and self.end <= day

    def match_keys(self) -> frozenset[str]:
        """Normalised name and aliases of this row."""
        return frozenset(k for k in (normalise_name(s) for s in (self.name, *self.aliases)) if k)


@dataclass(frozen=True, slots=True)
class OfficeMatch:
    """Result of :meth:`OfficeHolderTable.lookup`."""

    name: str
    country: str
    sector: str
    role: str
    matched: str
    former: bool = False


def _overlap(a: OfficeTerm, b: OfficeTerm) -> bool:
    a_end = a.end or dt.date.max
    b_end = b.end or dt.date.max
    return a.start < b_end and b.start < a_end


def _parse_date(value: str) -> dt.date | None:
    if not _DATE.fullmatch(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


class OfficeHolderTable:
    """Office-holder terms indexed by normalised name/alias; see the module docstring."""

    def __init__(self, terms: Iterable[OfficeTerm], source: str = "<memory>") -> None:
        self.source = source
        self._terms: tuple[OfficeTerm, ...] = tuple(terms)
        index: dict[str, list[OfficeTerm]] = {}
        for term in self._terms:
            for key in term.match_keys():
                index.setdefault(key, []).append(term)
        self._index: dict[str, tuple[OfficeTerm, ...]] = {k: tuple(v) for k, v in index.items()}
        dates = [d for t in self._terms for d in (t.start, t.end) if d is not None]
        #: the newest start or end in the table: past it, a sitting holder may have changed
        self.newest: dt.date | None = max(dates) if dates else None

    # ------------------------------------------------------------------ loading

    @classmethod
    def load(
        cls,
        paths: str | Path | Sequence[str | Path] | None = None,
        *,
        include_default: bool = False,
    ) -> OfficeHolderTable:
        """Load the packaged table (``paths=None``) or the given file(s), merged in order.

        With ``include_default=True`` the packaged table is loaded first and the user files are
        added to it (the combined rows are validated together). Every problem in every file is
        reported in one :class:`DictionaryError`.
        """
        sources: list[tuple[str, str]] = []
        if paths is None or include_default:
            ref = resources.files("eventwire").joinpath("data", OFFICE_HOLDERS_FILE)
            sources.append((ref.read_text(encoding="utf-8"), f"eventwire/data/{OFFICE_HOLDERS_FILE}"))
        if paths is not None:
            items = [paths] if isinstance(paths, str | Path) else list(paths)
            for item in items:
                p = Path(item)
                try:
                    sources.append((p.read_text(encoding="utf-8"), str(p)))
                except (OSError, UnicodeDecodeError) as exc:
                    raise DictionaryError(str(p), [f"cannot read file: {exc}"]) from exc
        terms: list[OfficeTerm] = []
        problems: list[str] = []
        for text, label in sources:
            terms.extend(_parse(text, label, problems))
        label = " + ".join(label for _, label in sources) or "<empty>"
        problems.extend(_validate(terms))
        if problems:
            raise DictionaryError(label, problems)
        return cls(terms, source=label)

    @classmethod
    def parse(cls, text: str, source: str = "<string>") -> OfficeHolderTable:
        """Build a table from TSV text (same format and validation as :meth:`load`)."""
        problems: list[str] = []
        terms = _parse(text, source, problems)
        problems.extend(_validate(terms))
        if problems:
            raise DictionaryError(source, problems)
        return cls(terms, source=source)

    # ------------------------------------------------------------------ queries

    @property
    def terms(self) -> tuple[OfficeTerm, ...]:
        return self._terms

    def vocabulary(self) -> frozenset[str]:
        """Every lower-case word of every name and alias."""
        return frozenset(w for key in self._index for w in key.lower().split())

    def __len__(self) -> int:
        return len(self._terms)

    def people(self) -> frozenset[str]:
        return frozenset(t.name for t in self._terms)

    def terms_of(self, name: str) -> tuple[OfficeTerm, ...]:
        """All terms whose name or alias matches ``name`` (any date)."""
        return self._index.get(normalise_name(name), ())

    def lookup(self, name: str, on: dt.date | None = None) -> OfficeMatch | None:
        """Resolve ``name`` (optionally as of ``on``); see the module docstring for the rules."""
        key = normalise_name(name)
        candidates = self._index.get(key, ())
        if not candidates:
            return None
        if isinstance(on, dt.datetime):
            on = on.date()
        if on is None:
            if len({t.name for t in candidates}) != 1:
                return None
            return _match(_best(candidates, latest=True), key)
        current = [t for t in candidates if t.contains(on)]
        if current:
            if len({t.name for t in current}) != 1:  # impossible after validation, but be safe
                return None
            return _match(_best(current), key)
        past = [t for t in candidates if t.ended_before(on)]
        if len({t.name for t in past}) != 1:
            return None
        last = max(past, key=lambda t: (t.end or dt.date.max, -_ROLE_RANK.get(t.role, 2)))
        return _match(last, key, former=True)

    def matched_by(self, match: OfficeMatch, on: dt.date | None) -> str:
        """``office-holder:<name>:<role>``, with ``+beyond-coverage:<newest>`` for a sitting holder found
        on a day past the table's newest date (the office may have changed hands since)."""
        how = f"office-holder:{match.name}:{match.role}"
        if on is None or self.newest is None or on <= self.newest or match.former:
            return how
        return f"{how}+beyond-coverage:{self.newest.isoformat()}"

    def as_of(self, mention: ActorMention, first: dt.date, last: dt.date) -> ActorMention:
        """A mention this table resolved at the article's date, re-resolved for an act the text dates
        between ``first`` and ``last`` ("President Jimmy Carter mediated ... in 1978": in office then,
        so GOV, not the former president he is at publication); unchanged when the table gives the
        same code, settles nothing, or gives the first and last day different codes."""
        if not mention.matched_by.startswith("office-holder:") or "+" in mention.matched_by:
            return mention
        name = mention.matched_by.split(":")[1]
        match, other = self.lookup(name, first), self.lookup(name, last)
        if match is None or other is None or (match.country, match.sector) != (other.country, other.sector):
            return mention  # the office changed hands within the date's span ("in 2021"): unsettled
        on = first
        if (match.country, match.sector) == (mention.country, mention.sector):
            return mention
        how = self.matched_by(match, on) + f"+as-of:{on.isoformat()}"
        return replace(mention, country=match.country, sector=match.sector, matched_by=how)

    def country_of(self, name: str) -> str:
        """The country every office-holder called ``name`` served ("Bush", "Clinton": USA), or ""
        when there is none or they differ — a country without a dated identity."""
        countries = {t.country for t in self._index.get(normalise_name(name), ())}
        return countries.pop() if len(countries) == 1 else ""


def _best(terms: Sequence[OfficeTerm], latest: bool = False) -> OfficeTerm:
    if latest:
        return max(
            terms, key=lambda t: (t.end is None, t.end or t.start, -_ROLE_RANK.get(t.role, 2), t.start)
        )
    return min(terms, key=lambda t: (_ROLE_RANK.get(t.role, 2), -t.start.toordinal()))


def _match(term: OfficeTerm, key: str, former: bool = False) -> OfficeMatch:
    """Build the result; ``matched`` is the table's own spelling (name or alias) that matched."""
    matched = next((s for s in (term.name, *term.aliases) if normalise_name(s) == key), term.name)
    return OfficeMatch(
        name=term.name,
        country=term.country,
        sector=FORMER_SECTOR if former else term.sector,
        role=term.role,
        matched=matched,
        former=former,
    )


def _validate(terms: Sequence[OfficeTerm]) -> list[str]:
    """Problems across rows: duplicate rows and aliases shared by people with overlapping terms."""
    problems: list[str] = []
    seen: dict[tuple[str, str, str, dt.date, dt.date | None], OfficeTerm] = {}
    index: dict[str, list[OfficeTerm]] = {}
    for term in terms:
        key = (normalise_name(term.name), term.country, term.role, term.start, term.end)
        first = seen.setdefault(key, term)
        if first is not term:
            problems.append(
                f"{term.source}:{term.line}: duplicate row for {term.name!r} ({term.role}, "
                f"{term.country}, from {term.start}), first at {first.source}:{first.line}"
            )
            continue
        for alias in term.match_keys():
            index.setdefault(alias, []).append(term)
    problems.extend(_alias_conflicts(index))
    return problems


def _alias_conflicts(index: dict[str, list[OfficeTerm]]) -> list[str]:
    problems: list[str] = []
    reported: set[tuple[str, str, str]] = set()
    for key, terms in sorted(index.items()):
        for i, a in enumerate(terms):
            for b in terms[i + 1 :]:
                if a.name == b.name or not _overlap(a, b):
                    continue
                pair = tuple(sorted((a.name, b.name)))
                if (key, pair[0], pair[1]) in reported:
                    continue
                reported.add((key, pair[0], pair[1]))
                problems.append(
                    f"{b.source}:{b.line}: alias {key!r} is shared by {a.name!r} ({a.start}..{a.end or ''}, "
                    f"line {a.line}) and {b.name!r} ({b.start}..{b.end or ''}) with overlapping terms"
                )
    return problems


def _parse(text: str, source: str, problems: list[str]) -> list[OfficeTerm]:
    """Parse TSV text into terms, appending every problem found to ``problems``."""
    lines = [
        (n, line)
        for n, line in enumerate(text.splitlines(), 1)
        if line.strip() and not line.lstrip().startswith("#")
    ]
    if not lines:
        problems.append(f"{source}: no header line")
        return []
    header_no, header_line = lines[0]
    header = [h.strip() for h in header_line.split("\t")]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        problems.append(f"{source}:{header_no}: header lacks column(s) {', '.join(missing)}")
        return []
    terms: list[OfficeTerm] = []
    for line_no, line in lines[1:]:
        cells = line.split("\t")
        where = f"{source}:{line_no}"
        row = {h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header)}
        if len(cells) > len(header):
            problems.append(f"{where}: {len(cells)} fields, header has {len(header)}")
            continue
        term = _check_row(row, where, problems, source, line_no)
        if term is not None:
            terms.append(term)
    return terms


def _check_row(
    row: dict[str, str], where: str, problems: list[str], source: str, line_no: int
) -> OfficeTerm | None:
    before = len(problems)
    name = row["name"]
    if not normalise_name(name):
        problems.append(f"{where}: empty name")
    aliases = tuple(a.strip() for a in row["aliases"].split("|") if a.strip())
    country, sector, role = row["country"], row["sector"], row["role"]
    if not _COUNTRY.fullmatch(country):
        problems.append(f"{where}: bad country code {country!r} (want three capital letters, e.g. RUS, UNO)")
    if sector not in SECTOR_CODES:
        problems.append(f"{where}: unknown sector code {sector!r}")
    if not _ROLE.fullmatch(role):
        problems.append(f"{where}: bad role {role!r} (want lower-case words joined by '_')")
    start = _parse_date(row["start"])
    if start is None:
        problems.append(f"{where}: bad start date {row['start']!r} (want YYYY-MM-DD)")
    end: dt.date | None = None
    if row["end"]:
        end = _parse_date(row["end"])
        if end is None:
            problems.append(f"{where}: bad end date {row['end']!r} (want YYYY-MM-DD or empty)")
    if start is not None and end is not None and end <= start:
        problems.append(f"{where}: end {end} is not after start {start}")
    if len(problems) > before or start is None:
        return None
    return OfficeTerm(
        name=name,
        aliases=aliases,
        country=country,
        sector=sector,
        role=role,
        start=start,
        end=end,
        note=row.get("note", ""),
        source=source,
        line=line_no,
    )


@functools.lru_cache(maxsize=1)
def default_table() -> OfficeHolderTable:
    """The packaged table, loaded once."""
    return OfficeHolderTable.load()


def clear_cache() -> None:
    default_table.cache_clear()


def lookup(name: str, on: dt.date | None = None) -> OfficeMatch | None:
    """:meth:`OfficeHolderTable.lookup` on the packaged table."""
    return default_table().lookup(name, on)


__all__ = [
    "OfficeHolderTable",
    "OfficeMatch",
    "OfficeTerm",
    "clear_cache",
    "default_table",
    "lookup",
    "normalise_name",
]
