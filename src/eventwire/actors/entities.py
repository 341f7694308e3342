"""The entity table: named parties, groups, agencies, institutions and people, dated, with sources.

The packaged table (``eventwire/data/entities.tsv.gz``) is built by ``tools/build_entities.py`` from
pinned open sources; its header comments name them with their licences, and ``docs/entities.md`` is its
data card.  Users can add or override rows with their own file in the same format
(``--entities FILE`` / ``EVENTWIRE_ENTITIES``).

Format: UTF-8, tab-separated (gzip allowed); lines starting with ``#`` are comments; the first other line
is the header ``id name aliases country sector kind role start end``; one row per entity and term:

- ``id``: ``<source>:<reference>`` (``partyfacts:1408``, ``curated:jalisco-new-generation-cartel``); rows
  sharing an id are terms of one entity.  A user row whose id is in the packaged table replaces all of
  that entity's packaged rows.
- ``name``, ``aliases`` (``|``-separated): whole names, matched on token boundaries after
  :func:`~eventwire.actors.officeholders.normalise_name` ("Kim Jong Un" is never "UN").
- ``country``: ISO 3166-1 alpha-3, or an international code (``IGO``, ``NGO``, ``IMG``, ``MNC``) or one of
  the organisation codes of ``agents.yaml`` (``UNO``, ``NAT``); may be empty.
- ``sector``: a CAMEO sector code (``GOV``, ``PTY``, ``REB`` ...) or empty.
- ``kind``: ``person``, ``party``, ``armed_group``, ``criminal_group``, ``agency``, ``military``,
  ``media``, ``institution``, ``university``, ``igo``, ``ngo``, ``company``.
- ``role``: for people, the office of the term (``head_of_state``, ``head_of_government``, ``minister``,
  ``official``, ``leader``); empty otherwise.
- ``start``, ``end``: ISO dates (``YYYY-MM-DD``) of the term, ``start <= day < end``; empty is open.

:meth:`EntityTable.lookup` returns the entity a whole name denotes on a day, choosing among namesakes
by the article's countries; a bare surname resolves only to a sitting head of state or government of a
country the article names, the only one of that name on that day.
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from eventwire.actors.dictionary import INTERNATIONAL_CODES, SECTOR_CODES, AgentTable, CountryTable
from eventwire.actors.officeholders import normalise_name
from eventwire.errors import DictionaryError, InputError

ENTITIES_FILE = "entities.tsv.gz"
COLUMNS = ("id", "name", "aliases", "country", "sector", "kind", "role", "start", "end")
KINDS = frozenset(
    {"person", "party", "armed_group", "criminal_group", "agency", "military", "media", "institution",
     "university", "igo", "ngo", "company"}
)  # fmt: skip
ROLES = frozenset({"", "head_of_state", "head_of_government", "minister", "official", "leader"})
SURNAME_ROLES = frozenset({"head_of_state", "head_of_government"})
EXTRA_COUNTRIES = frozenset({"MNC"})
FORMER_SECTOR = "ELI"

_ID = re.compile(r"[a-z][a-z0-9_-]*:\S+")
_COUNTRY = re.compile(r"[A-Z]{3}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ABBREVIATION = re.compile(r"[A-Z][A-Z0-9&.-]{1,5}")
CONFIDENT = frozenset({"user", "curated"})
# the packaged sources in the order they win a tie (the user's file first)
SOURCE_ORDER = ("user", "curated", "officeholders", "wl2021", "epol", "partyfacts", "unis", "phoenix")
# Generic party names that the curated table gives one country's party but many countries use.
SHARED_PARTY_NAMES = frozenset(
    {"democrats", "republicans", "liberals", "conservatives", "socialists", "greens", "social democrats"}
)


@dataclass(frozen=True, slots=True)
class EntityTerm:
    """One row: one entity over one term."""

    id: str
    name: str
    aliases: tuple[str, ...]
    country: str
    sector: str
    kind: str
    role: str
    start: dt.date | None
    end: dt.date | None

    @property
    def source(self) -> str:
        return self.id.split(":", 1)[0]

    def contains(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class EntityMatch:
    """What :meth:`EntityTable.lookup` found: the term, and how (``kb:<id>`` plus notes)."""

    term: EntityTerm
    country: str
    sector: str
    matched_by: str


def _date(value: str, where: str, problems: list[str]) -> dt.date | None:
    if not value:
        return None
    if _DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    problems.append(f"{where}: {value!r} is not a date (YYYY-MM-DD)")
    return None


def parse_rows(text: str, source: str, known_codes: Collection[str] = ()) -> list[EntityTerm]:
    """The rows of an entity file; every problem is reported at once, with its line number."""
    problems: list[str] = []
    rows: list[EntityTerm] = []
    header: list[str] | None = None
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.rstrip("\r\n").split("\t")
        if header is None:
            header = fields
            if tuple(header) != COLUMNS:
                problems.append(f"line {n}: the header must be {' '.join(COLUMNS)!r}")
                break
            continue
        where = f"line {n}"
        if len(fields) != len(COLUMNS):
            problems.append(f"{where}: {len(fields)} fields, expected {len(COLUMNS)}")
            continue
        ident, name, aliases, country, sector, kind, role, start, end = (f.strip() for f in fields)
        bad = len(problems)
        if not _ID.fullmatch(ident):
            problems.append(f"{where}: id {ident!r} must be <source>:<reference>")
        if not normalise_name(name):
            problems.append(f"{where}: the name is empty")
        if country and not (
            _COUNTRY.fullmatch(country)
            and (not known_codes or country in known_codes or country in INTERNATIONAL_CODES)
        ):
            problems.append(f"{where}: unknown country code {country!r}")
        if sector and sector not in SECTOR_CODES:
            problems.append(f"{where}: unknown sector code {sector!r}")
        if kind not in KINDS:
            problems.append(f"{where}: kind {kind!r} must be one of {', '.join(sorted(KINDS))}")
        if role not in ROLES:
            problems.append(f"{where}: role {role!r} must be one of {', '.join(sorted(ROLES - {''}))}")
        first, last = _date(start, where, problems), _date(end, where, problems)
        if first is not None and last is not None and last < first:
            problems.append(f"{where}: end {end} is before start {start}")
        if len(problems) > bad:
            continue
        names = tuple(a.strip() for a in aliases.split("|") if a.strip())
        rows.append(EntityTerm(ident, name, names, country, sector, kind, role, first, last))
    if header is None and not problems:
        problems.append("no header line")
    if problems:
        raise DictionaryError(source, problems)
    return rows


def _read(path: Path) -> str:
    """A table's text (gzip allowed); a file that cannot be read is the user's error, with its name."""
    try:
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        return data.decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise InputError(f"{path}: cannot read the entity table: {reason}") from exc


class EntityTable:
    """Entity terms indexed by normalised whole name; see the module docstring."""

    def __init__(self, terms: Iterable[EntityTerm], source: str = "<memory>") -> None:
        self.source = source
        self.terms: tuple[EntityTerm, ...] = tuple(terms)
        #: the newest date each source knows of: past it, a sitting holder may be stale
        self.newest_by_source: dict[str, dt.date] = {}
        for t in self.terms:
            for d in (t.start, t.end):
                if d is not None and d > self.newest_by_source.get(t.source, dt.date.min):
                    self.newest_by_source[t.source] = d
        names: dict[str, list[EntityTerm]] = {}
        surnames: dict[str, list[EntityTerm]] = {}
        for term in self.terms:
            keys = {normalise_name(s) for s in (term.name, *term.aliases)}
            for key in keys - {""}:
                names.setdefault(key, []).append(term)
            if term.kind == "person" and term.role in SURNAME_ROLES:
                last = normalise_name(term.name).rsplit(" ", 1)[-1]
                if len(last) > 2 and last not in keys:
                    surnames.setdefault(last, []).append(term)
        self._names = {k: tuple(v) for k, v in names.items()}
        self._kinds = {t.id: t.kind for t in self.terms}
        codes: dict[str, set[tuple[str, str]]] = {}
        for t in self.terms:
            codes.setdefault(t.id, set()).add((t.country, t.sector))
        self._changing = frozenset(i for i, c in codes.items() if len(c) > 1)
        self._surnames = {k: tuple(v) for k, v in surnames.items()}

    @classmethod
    def load(cls, path: str | Path | None = None, extra: Sequence[str | Path] = ()) -> EntityTable:
        """The packaged table (``path=None``) or a file, then the user's files over it."""
        if path is None and not extra:
            return default_table()
        base = default_table() if path is None else cls.parse(_read(Path(path)), str(path))
        if not extra:
            return base
        user: list[EntityTerm] = []
        for p in extra:
            user += cls.parse(_read(Path(p)), str(p)).terms
        replaced = {t.id for t in user}
        return cls([*user, *(t for t in base.terms if t.id not in replaced)], base.source)

    @classmethod
    def parse(cls, text: str, source: str = "<string>") -> EntityTable:
        known = set(CountryTable.load().countries) | set(AgentTable.load().organisations) | EXTRA_COUNTRIES
        return cls(parse_rows(text, source, known), source)

    def __len__(self) -> int:
        return len(self.terms)

    def kind_of(self, matched_by: str) -> str:
        """The kind of the entity a ``matched_by`` (``kb:<id>+notes``) or an id names ("" if unknown)."""
        ident = matched_by.removeprefix("kb:").split("+", 1)[0]
        return self._kinds.get(ident, "")

    def changes(self, ident: str) -> bool:
        """Whether an entity's code changes over its terms (the Taliban: rebels, then government)."""
        return ident in self._changing

    def candidates(self, name: str) -> tuple[EntityTerm, ...]:
        """Every term whose name or alias is ``name`` (normalised)."""
        return self._names.get(normalise_name(name), ())

    def lookup(
        self, name: str, on: dt.date | None = None, countries: Collection[str] = ()
    ) -> EntityMatch | None:
        """The entity the whole name denotes on day ``on``; ``countries`` (the article's) break ties
        between namesakes.  None when the name is unknown or stays ambiguous."""
        key = normalise_name(name)
        terms = self._names.get(key, ())
        if _ABBREVIATION.fullmatch(name.strip()):
            # "SDF", "JHU": an abbreviation names a listed party or body only where the article is
            # about its country, unless the team's curated table lists it
            terms = tuple(t for t in terms if t.source in CONFIDENT or t.country in countries)
        # a party of the source lists ("The Democrats", "Liberal Party": names shared across 216
        # countries) only where the article is about its country; so is a curated party's generic short
        # name ("Democrats", "Republicans"), which other countries' parties share (not "Likud")
        shared = key in SHARED_PARTY_NAMES
        terms = tuple(
            t
            for t in terms
            if t.kind != "party" or (t.source in CONFIDENT and not shared) or t.country in countries
        )
        found = self._choose(terms, on, countries, person_only=False)
        if found is None and " " not in key and on is not None:  # "sitting" needs a day
            # a leader of a country the article is about: a bare "Cruz" in a US story is not Cuba's
            # prime minister Manuel Marrero Cruz
            local = tuple(t for t in self._surnames.get(key, ()) if t.country in countries)
            found = self._choose(local, on, countries, person_only=True)
        return found

    def _choose(
        self, terms: Sequence[EntityTerm], on: dt.date | None, countries: Collection[str], person_only: bool
    ) -> EntityMatch | None:
        if not terms:
            return None
        note = ""
        if on is not None:
            current = [t for t in terms if t.contains(on)]
            if person_only or current:
                terms = current
            else:  # nobody of that name that day: a former office-holder (a body that ended is gone)
                ended = [t for t in terms if t.end is not None and t.end <= on and t.kind == "person"]
                terms = [max(ended, key=lambda t: t.end or dt.date.min)] if ended else []
                note = "+former" if terms else ""
        if countries:
            # the article's countries first: namesakes ("Labour Party") and one person's terms in
            # several countries (Macron, President of France and Co-Prince of Andorra)
            terms = [t for t in terms if t.country in countries] or list(terms)
        by_entity: dict[str, EntityTerm] = {}
        for term in terms:  # the latest term of each entity
            prev = by_entity.get(term.id)
            if prev is None or (term.start or dt.date.min) > (prev.start or dt.date.min):
                by_entity[term.id] = term
        chosen = list(by_entity.values())
        if len(chosen) > 1:  # the team's curated entries are the prominent namesakes
            confident = [t for t in chosen if t.source in CONFIDENT]
            chosen = confident or chosen
        codes = {(t.country, t.sector) for t in chosen}
        if len(codes) > 1 and (person_only or len({c for c, _ in codes}) > 1):
            return None  # namesakes in several countries, or several people of one surname
        if not chosen:
            return None
        term = min(chosen, key=lambda t: _rank(t.source))
        newest = self.newest_by_source.get(term.source)
        if on is not None and term.kind == "person" and newest is not None and on > newest:
            note += f"+beyond-coverage:{newest.isoformat()}"  # a sitting holder may have changed since
        sector = term.sector
        if note.startswith("+former") and term.kind == "person":
            sector = FORMER_SECTOR
        return EntityMatch(term, term.country, sector, f"kb:{term.id}{note}")


def _rank(source: str) -> int:
    return SOURCE_ORDER.index(source) if source in SOURCE_ORDER else len(SOURCE_ORDER)


@functools.lru_cache(maxsize=1)
def default_table() -> EntityTable:
    """The packaged table, parsed once per process."""
    with resources.as_file(resources.files("eventwire.data") / ENTITIES_FILE) as path:
        return EntityTable.parse(_read(path), f"eventwire/data/{ENTITIES_FILE}")


__all__ = [
    "COLUMNS",
    "ENTITIES_FILE",
    "EntityMatch",
    "EntityTable",
    "EntityTerm",
    "default_table",
    "parse_rows",
]
