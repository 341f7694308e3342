"""Actor dictionaries: the country table and the agent (sector) table, with a string-level resolver.

Both tables are *data* files shipped in ``eventwire/data`` and validated when loaded; every bad entry
of a file is reported at once in one :class:`~eventwire.errors.DictionaryError`.

``countries.tsv``
    One row per ISO 3166-1 country or territory: ``iso3``, ``name``, ``aliases``, ``demonyms``,
    ``capitals`` and optionally ``places`` (regions and large cities; the last four ``|``-separated).
    See the file header for the format and sources.
    :class:`CountryTable` answers :meth:`CountryTable.lookup` (a whole phrase: "the U.S.'s",
    "Russian-backed", "Beijing") and :meth:`CountryTable.find_all` (every country string in a text,
    with char offsets; "China-Russia" gives two). Acronym entries (only capitals, digits and dots:
    "US", "U.S.", "PRC") match case-sensitively, so "US" is a country and "us" is not; other entries
    match case-insensitively, but in :meth:`~CountryTable.find_all` a capitalised entry must start
    with a capital letter in the text ("chad" is not Chad).

``agents.yaml``
    A mapping with four keys::

        sectors:   {SECTOR: [lowercase phrase, ...]}   # "foreign minister" -> GOV
        modifiers: [{word: former, sector: ELI}, ...]   # change the sector of an agent phrase
        metonyms:  {phrase: CODE}                      # "kremlin" -> RUSGOV
        groups:    {phrase: CODE}                      # "houthi" -> YEMREB

    where SECTOR is a CAMEO sector code (:data:`SECTOR_CODES`) and CODE is a three-letter country
    code optionally followed by a sector code. :meth:`AgentTable.sector_of` takes the longest phrase
    over the words of a noun phrase (ties: the right-most, i.e. the head noun), handles simple plurals
    (-s, -es, -ies, -men) and applies the first modifier present ("opposition lawmakers" -> OPP,
    "former president" -> ELI).

:func:`resolve_phrase` combines both: "Chinese State Councilor Wang Yi" -> ``(ActorCode("CHN", "GOV"),
"demonym:Chinese+agent:state councilor")``. A named international body takes its own code as the
country ("the U.N." -> ``UNO``, "Amnesty International" -> ``AMN`` + ``HRI``; the agent table's
``organisations`` give each its type, :meth:`AgentTable.organisation_type`), an unnamed one the
type itself, as in CAMEO ("aid groups" -> ``NGO``, "al-Qaeda" -> ``IMG`` + ``REB``); see
:data:`INTERNATIONAL_CODES`.

Loaders are cached per path (``functools.lru_cache``); :func:`clear_caches` empties the caches.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal, get_args

from eventwire.datafiles import parse_yaml, read_data_file
from eventwire.errors import DictionaryError
from eventwire.models import ActorCode

CountryKind = Literal["name", "alias", "demonym", "capital", "place"]
NamedKind = Literal["metonym", "group"]

#: Sector codes accepted in ``agents.yaml``: CAMEO codebook v1.1b3 ch. 3 (primary role, secondary role,
#: organisation type and the generic religion code); PLOVER keeps the same three-letter sectors.
SECTOR_CODES: frozenset[str] = frozenset(
    {
        # primary roles
        "COP", "GOV", "INS", "JUD", "MIL", "OPP", "PTY", "REB", "SEP", "SPY", "UAF",
        # secondary roles
        "AGR", "BUS", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED",
        "MOD", "RAD", "REF",
        # organisation types and religion
        "IGO", "IMG", "MNC", "NGM", "NGO", "REL",
    }
)  # fmt: skip

COUNTRY_COLUMNS = ("iso3", "name", "aliases", "demonyms", "capitals")
#: Optional sixth column: regions, provinces and large cities ("Bavaria", "Uttar Pradesh", "Mosul").
PLACES_COLUMN = "places"
COUNTRIES_FILE = "countries.tsv"
AGENTS_FILE = "agents.yaml"
NONMATCH_MARK = "!nonmatch"

_ISO3 = re.compile(r"[A-Z]{3}")
_CODE = re.compile(r"(?P<country>[A-Z]{3})(?P<sector>[A-Z]{3})?")
_ACRONYM = re.compile(r"[A-Z0-9.]*[A-Z][A-Z0-9.]*")
_WORD = re.compile(r"[^\W_]+")
_SPACE = re.compile(r"\s+")
_EDGE_PUNCT = ' \t\r\n,;:!?"“”()[]{}«»'
_KIND_ORDER: tuple[CountryKind, ...] = get_args(CountryKind)


@dataclass(frozen=True, slots=True)
class CountryMatch:
    """A country string found by :class:`CountryTable`; ``matched`` is the string as written in the table."""

    iso3: str
    kind: CountryKind
    matched: str


@dataclass(frozen=True, slots=True)
class Country:
    """One row of ``countries.tsv``."""

    iso3: str
    name: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    places: tuple[str, ...] = ()

    def entries(self) -> Iterator[tuple[CountryKind, str]]:
        yield "name", self.name
        for kind, values in (
            ("alias", self.aliases),
            ("demonym", self.demonyms),
            ("capital", self.capitals),
            ("place", self.places),
        ):
            for value in values:
                yield kind, value  # type: ignore[misc]


# --------------------------------------------------------------------------- helpers


def _normalise(text: str) -> str:
    return _SPACE.sub(" ", text.replace("’", "'").replace("‘", "'")).strip()


def _is_acronym(entry: str) -> bool:
    return _ACRONYM.fullmatch(entry) is not None


def _ci_key(entry: str) -> str:
    return _normalise(entry).casefold()


def _words(text: str) -> list[str]:
    """Lowercase word tokens; hyphens, apostrophes and other punctuation separate words."""
    return _WORD.findall(text.casefold())


def singulars(word: str) -> list[str]:
    """Candidate singular forms of a word, most literal first (the word itself included)."""
    forms = [word]
    if word.endswith("men") and len(word) > 3:
        forms.append(word[:-3] + "man")
    if word.endswith("ies") and len(word) > 4:
        forms.append(word[:-3] + "y")
    if word.endswith("es") and len(word) > 3:
        forms.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss") and len(word) > 2:
        forms.append(word[:-1])
    return forms


def _entry_pattern(entry: str) -> str:
    out: list[str] = []
    for ch in _normalise(entry):
        if ch == "'":
            out.append("['’‘]")
        elif ch == " ":
            out.append(r"\s+")
        else:
            out.append(re.escape(ch))
    if entry.endswith("."):
        out[-1] = out[-1] + "?"  # "U.S." also matches "U.S" (the final dot may be a sentence end)
    return "".join(out)


def _alternation(entries: Iterable[str], flags: int) -> re.Pattern[str] | None:
    ordered = sorted(set(entries), key=lambda e: (-len(e), e))
    if not ordered:
        return None
    body = "|".join(_entry_pattern(e) for e in ordered)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", flags)


def _cache_key(path: str | Path | None) -> str:
    return "" if path is None else str(Path(path).resolve())


# --------------------------------------------------------------------------- countries


class CountryTable:
    """Countries with their names, aliases, demonyms and capitals; see the module docstring."""

    def __init__(
        self, countries: Sequence[Country], nonmatches: Sequence[str] = (), source: str = "<memory>"
    ):
        self.source = source
        problems: list[str] = []
        by_iso: dict[str, Country] = {}
        exact: dict[str, tuple[str, CountryMatch]] = {}  # acronym entry -> match
        folded: dict[str, CountryMatch] = {}  # casefolded entry -> match
        owners: dict[str, str] = {}  # key -> "ISO (kind)" for messages
        for country in countries:
            if country.iso3 in by_iso:
                problems.append(f"{country.iso3}: duplicate iso3")
                continue
            by_iso[country.iso3] = country
            for kind, value in country.entries():
                match = CountryMatch(country.iso3, kind, value)
                key = ("=" + value) if _is_acronym(value) else _ci_key(value)
                if key in owners:
                    problems.append(f"{country.iso3}: {kind} {value!r} is already claimed by {owners[key]}")
                    continue
                owners[key] = f"{country.iso3} ({kind})"
                if _is_acronym(value):
                    exact[value] = (value, match)
                else:
                    folded[key] = match
        blocked: set[str] = set()
        for phrase in nonmatches:
            key = ("=" + phrase) if _is_acronym(phrase) else _ci_key(phrase)
            if key in owners:
                problems.append(f"{NONMATCH_MARK}: {phrase!r} is also an entry of {owners[key]}")
            elif key in blocked:
                problems.append(f"{NONMATCH_MARK}: {phrase!r} is listed twice")
            blocked.add(key)
        if problems:
            raise DictionaryError(source, problems)
        self._by_iso: Mapping[str, Country] = MappingProxyType(by_iso)
        self._exact: Mapping[str, CountryMatch] = MappingProxyType({k: m for k, (_, m) in exact.items()})
        self._folded: Mapping[str, CountryMatch] = MappingProxyType(folded)
        self._blocked = frozenset(blocked)
        self._nonmatches = tuple(nonmatches)
        self._cs_regex = _alternation([e for e in exact] + [p for p in nonmatches if _is_acronym(p)], 0)
        self._ci_regex = _alternation(
            [m.matched for m in folded.values()] + [p for p in nonmatches if not _is_acronym(p)],
            re.IGNORECASE,
        )

    # -- construction

    @classmethod
    def load(cls, path: str | Path | None = None) -> CountryTable:
        """Load and validate a country table (default: the packaged ``countries.tsv``); cached per path."""
        return _load_countries(_cache_key(path))

    @classmethod
    def parse(cls, text: str, source: str = "<string>") -> CountryTable:
        """Parse the TSV text of a country table, reporting every bad row in one DictionaryError."""
        problems: list[str] = []
        countries: list[Country] = []
        nonmatches: list[str] = []
        header_seen = False
        columns: tuple[str, ...] = COUNTRY_COLUMNS
        first_line: dict[str, int] = {}
        reader = csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)
        for lineno, fields in enumerate(reader, start=1):
            if not fields or (len(fields) == 1 and not fields[0].strip()) or fields[0].startswith("#"):
                continue
            where = f"line {lineno}"
            if fields[0] == NONMATCH_MARK:
                if len(fields) != 2:
                    problems.append(
                        f"{where}: {NONMATCH_MARK} needs exactly one field of |-separated phrases"
                    )
                    continue
                items, bad = _split_items(fields[1])
                problems.extend(f"{where}: {NONMATCH_MARK} {b}" for b in bad)
                nonmatches.extend(items)
                continue
            if not header_seen:
                header_seen = True
                header = tuple(f.strip() for f in fields)
                if header == (*COUNTRY_COLUMNS, PLACES_COLUMN):
                    columns = header
                elif header != COUNTRY_COLUMNS:
                    problems.append(
                        f"{where}: header must be {' '.join(COUNTRY_COLUMNS)!r}, optionally followed by "
                        f"{PLACES_COLUMN!r} (tab-separated)"
                    )
                continue
            if len(fields) != len(columns):
                problems.append(f"{where}: expected {len(columns)} tab-separated fields, got {len(fields)}")
                continue
            iso3, name, aliases, demonyms, capitals = fields[:5]
            places = fields[5] if len(fields) > 5 else ""
            row_problems: list[str] = []
            if not _ISO3.fullmatch(iso3):
                row_problems.append(f"iso3 {iso3!r} is not three capital letters")
            elif iso3 in first_line:
                row_problems.append(f"duplicate iso3 {iso3} (first on line {first_line[iso3]})")
            if not name.strip():
                row_problems.append("empty name")
            elif name != name.strip() or "|" in name:
                row_problems.append(f"name {name!r} has surrounding spaces or a '|'")
            lists: dict[str, list[str]] = {}
            for column, value in (
                ("aliases", aliases),
                ("demonyms", demonyms),
                ("capitals", capitals),
                ("places", places),
            ):
                items, bad = _split_items(value)
                row_problems.extend(f"{column}: {b}" for b in bad)
                lists[column] = items
            seen: set[str] = set()
            for item in [name, *lists["aliases"], *lists["demonyms"], *lists["capitals"], *lists["places"]]:
                key = ("=" + item) if _is_acronym(item) else _ci_key(item)
                if key in seen:
                    row_problems.append(f"{item!r} is listed twice in the row")
                seen.add(key)
            if row_problems:
                problems.extend(f"{where} ({iso3 or '?'}): {p}" for p in row_problems)
                continue
            first_line[iso3] = lineno
            countries.append(
                Country(
                    iso3,
                    name,
                    tuple(lists["aliases"]),
                    tuple(lists["demonyms"]),
                    tuple(lists["capitals"]),
                    tuple(lists["places"]),
                )
            )
        if not header_seen:
            problems.append("no header line and no rows")
        try:  # cross-row checks (a string claimed by two countries) run even if some rows were bad
            table = cls(countries, nonmatches, source)
        except DictionaryError as exc:
            problems.extend(exc.problems)
        else:
            if not problems:
                return table
        raise DictionaryError(source, problems)

    # -- queries

    @property
    def countries(self) -> Mapping[str, Country]:
        """iso3 -> :class:`Country`, in file order."""
        return self._by_iso

    def __len__(self) -> int:
        return len(self._by_iso)

    def vocabulary(self) -> frozenset[str]:
        """Every lower-case word of every name, alias, demonym, capital and place."""
        return frozenset(
            w for c in self._by_iso.values() for _, text in c.entries() for w in text.lower().split()
        )

    def __contains__(self, iso3: object) -> bool:
        return iso3 in self._by_iso

    def get(self, iso3: str) -> Country | None:
        return self._by_iso.get(iso3)

    def name_of(self, iso3: str) -> str:
        country = self._by_iso.get(iso3)
        return country.name if country is not None else iso3

    def lookup(self, phrase: str) -> CountryMatch | None:
        """The country a whole phrase names, or None.

        Normalises surrounding punctuation, a leading "the", a possessive ("China's", "the U.S.'s",
        "Americans'"), a missing or extra final dot ("U.S"), and hyphenated compounds: "Russian-backed"
        and "pro-Russian" give RUS; "China-Russia" gives its first country (use :meth:`find_all` for all).
        """
        text = _normalise(phrase).strip(_EDGE_PUNCT)
        if not text:
            return None
        found = self._lookup_exact(text)
        if found is not None or self._is_blocked(text):
            return found
        if "-" in text:
            for part in text.split("-"):
                found = self._lookup_exact(part.strip())
                if found is not None:
                    return found
        return None

    def find_all(self, text: str) -> list[tuple[int, int, CountryMatch]]:
        """Every country string in ``text`` as (start, end, match), non-overlapping, longest first.

        Matches respect token boundaries (a hyphen is a boundary: "China-Russia", "U.S.-backed");
        "!nonmatch" phrases ("Latin American") are skipped.
        """
        candidates: list[tuple[int, int, CountryMatch | None]] = []
        if self._cs_regex is not None:
            for m in self._cs_regex.finditer(text):
                candidates.append((m.start(), m.end(), self._match_span(m.group(), exact=True)))
        if self._ci_regex is not None:
            for m in self._ci_regex.finditer(text):
                span = m.group()
                hit = self._match_span(span, exact=False)
                if hit is not None and hit.matched[:1].isupper() and not span[:1].isupper():
                    continue  # "chad", "turkey": a capitalised name written in lowercase
                if hit is None and not self._is_blocked(span):
                    continue
                candidates.append((m.start(), m.end(), hit))
        candidates.sort(key=lambda c: (c[0], c[0] - c[1]))
        out: list[tuple[int, int, CountryMatch]] = []
        last_end = -1
        for start, end, hit in candidates:
            if start < last_end:
                continue
            last_end = end
            if hit is not None:
                out.append((start, end, hit))
        return out

    # -- internals

    def _is_blocked(self, text: str) -> bool:
        return ("=" + text) in self._blocked or _ci_key(text) in self._blocked

    def _match_span(self, span: str, exact: bool) -> CountryMatch | None:
        span = _normalise(span)
        variants = [span, span + "."] if not span.endswith(".") else [span, span[:-1]]
        for v in variants:
            hit = self._exact.get(v) if exact else self._folded.get(v.casefold())
            if hit is not None:
                return hit
        return None

    def _lookup_exact(self, text: str) -> CountryMatch | None:
        forms = [text]
        for suffix, cut in (("'s", 2), ("s'", 1), ("'", 1)):
            if text.endswith(suffix) and len(text) > cut + 1:
                forms.append(text[:-cut])
                break
        for form in list(forms):
            if form[:4].lower() == "the ":
                forms.append(form[4:].strip())
        for form in forms:
            if self._is_blocked(form):
                return None
            for variant in (form, form[:-1] if form.endswith(".") else form + "."):
                hit = self._exact.get(variant) or self._folded.get(_ci_key(variant))
                if hit is not None:
                    return hit
        return None


def _split_items(value: str) -> tuple[list[str], list[str]]:
    """Split a |-separated field; returns (items, problems)."""
    if value == "":
        return [], []
    items: list[str] = []
    problems: list[str] = []
    for item in value.split("|"):
        if not item.strip():
            problems.append(f"empty entry in {value!r}")
        elif item != item.strip() or "  " in item:
            problems.append(f"entry {item!r} has stray spaces")
        else:
            items.append(item)
    return items, problems


@functools.lru_cache(maxsize=16)
def _load_countries(key: str) -> CountryTable:
    text, label = read_data_file(key or None, COUNTRIES_FILE)
    return CountryTable.parse(text, label)


# --------------------------------------------------------------------------- agents


@dataclass(frozen=True, slots=True)
class Modifier:
    word: str
    sector: str


@dataclass(frozen=True, slots=True)
class _AgentHit:
    sector: str
    phrase: str
    length: int
    start: int
    modified: bool = False


class AgentTable:
    """Sector nouns/titles, sector-changing modifiers and named institutions; see the module docstring."""

    def __init__(
        self,
        sectors: Mapping[str, Sequence[str]],
        modifiers: Sequence[Modifier] = (),
        metonyms: Mapping[str, str] = MappingProxyType({}),
        groups: Mapping[str, str] = MappingProxyType({}),
        source: str = "<memory>",
        organisations: Mapping[str, str] = MappingProxyType({}),
    ) -> None:
        self.source = source
        problems: list[str] = []
        orgs: dict[str, str] = {}
        for org, kind in organisations.items():
            where = f"organisations.{org}"
            if not isinstance(org, str) or not re.fullmatch(r"[A-Z]{3}", org):
                problems.append(f"{where}: an organisation code is three capital letters")
            elif org in SECTOR_CODES or org in INTERNATIONAL_CODES:
                problems.append(f"{where}: {org!r} is already a sector or organisation-type code")
            elif kind not in INTERNATIONAL_CODES:
                problems.append(f"{where}: type {kind!r} must be one of {sorted(INTERNATIONAL_CODES)}")
            else:
                orgs[org] = kind
        phrases: dict[tuple[str, ...], tuple[str, str]] = {}
        for sector, items in sectors.items():
            if sector not in SECTOR_CODES:
                problems.append(f"sectors: unknown sector code {sector!r}")
                continue
            for i, phrase in enumerate(items):
                where = f"sectors.{sector}[{i}]"
                words = _check_phrase(phrase, where, problems)
                if words is None:
                    continue
                if words in phrases:
                    other_sector, other = phrases[words]
                    problems.append(
                        f"{where}: {phrase!r} is already listed under {other_sector} as {other!r}"
                    )
                    continue
                phrases[words] = (sector, phrase)
        mods: list[Modifier] = []
        for i, mod in enumerate(modifiers):
            where = f"modifiers[{i}]"
            if not isinstance(mod.word, str) or len(_words(mod.word)) != 1 or mod.word != mod.word.casefold():
                problems.append(f"{where}: word {mod.word!r} must be one lowercase word")
            elif mod.sector not in SECTOR_CODES:
                problems.append(f"{where}: unknown sector code {mod.sector!r}")
            elif any(m.word == mod.word for m in mods):
                problems.append(f"{where}: modifier {mod.word!r} is listed twice")
            else:
                mods.append(mod)
        named: dict[tuple[str, ...], tuple[ActorCode, NamedKind, str]] = {}
        for kind, table in (("metonym", metonyms), ("group", groups)):
            section = "metonyms" if kind == "metonym" else "groups"
            for phrase, code in table.items():
                where = f"{section}.{phrase}"
                words = _check_phrase(phrase, where, problems)
                actor = _check_code(code, where, problems)
                if words is None or actor is None:
                    continue
                if words in named:
                    problems.append(
                        f"{where}: {phrase!r} is already listed as {named[words][1]} {named[words][2]!r}"
                    )
                    continue
                if words in phrases:
                    problems.append(f"{where}: {phrase!r} is also a sector phrase of {phrases[words][0]}")
                    continue
                named[words] = (actor, kind, phrase)  # type: ignore[assignment]
        if problems:
            raise DictionaryError(source, problems)
        self._phrases: Mapping[tuple[str, ...], tuple[str, str]] = MappingProxyType(phrases)
        self._modifiers: tuple[Modifier, ...] = tuple(mods)
        self._named: Mapping[tuple[str, ...], tuple[ActorCode, NamedKind, str]] = MappingProxyType(named)
        self._organisations: Mapping[str, str] = MappingProxyType(orgs)
        self._max_len = max((len(k) for k in [*phrases, *named]), default=1)

    # -- construction

    @classmethod
    def load(cls, path: str | Path | None = None) -> AgentTable:
        """Load and validate an agent table (default: the packaged ``agents.yaml``); cached per path."""
        return _load_agents(_cache_key(path))

    @classmethod
    def parse(cls, text: str, source: str = "<string>") -> AgentTable:
        """Parse the YAML text of an agent table, reporting every bad entry in one DictionaryError."""
        data: Any = parse_yaml(text, source)
        if not isinstance(data, dict):
            raise DictionaryError(
                source, ["top level must be a mapping with keys sectors, modifiers, metonyms, groups"]
            )
        problems: list[str] = []
        expected = ("sectors", "modifiers", "metonyms", "groups")
        for key in data:
            if key not in (*expected, "organisations"):
                problems.append(
                    f"unknown top-level key {key!r} (expected {', '.join(expected)}, organisations)"
                )
        for key in expected:
            if key not in data:
                problems.append(f"missing top-level key {key!r}")

        sectors: dict[str, list[str]] = {}
        raw_sectors = data.get("sectors") or {}
        if not isinstance(raw_sectors, dict):
            problems.append("sectors: must be a mapping of sector code to a list of phrases")
            raw_sectors = {}
        for sector, items in raw_sectors.items():
            if items is None:
                items = []
            if not isinstance(items, list):
                problems.append(f"sectors.{sector}: must be a list of phrases")
                continue
            sectors[str(sector)] = items

        modifiers: list[Modifier] = []
        raw_mods = data.get("modifiers") or []
        if not isinstance(raw_mods, list):
            problems.append("modifiers: must be a list of {word: ..., sector: ...}")
            raw_mods = []
        for i, item in enumerate(raw_mods):
            if not isinstance(item, dict) or set(item) != {"word", "sector"}:
                problems.append(f"modifiers[{i}]: must be a mapping with exactly the keys word and sector")
                continue
            modifiers.append(Modifier(item["word"], item["sector"]))

        named: dict[str, dict[str, str]] = {}
        for section in ("metonyms", "groups"):
            raw = data.get(section) or {}
            if not isinstance(raw, dict):
                problems.append(f"{section}: must be a mapping of phrase to actor code")
                raw = {}
            named[section] = {str(k) if not isinstance(k, str) else k: v for k, v in raw.items()}
        raw_orgs = data.get("organisations") or {}
        if not isinstance(raw_orgs, dict):
            problems.append("organisations: must be a mapping of organisation code to IGO, NGO or IMG")
            raw_orgs = {}
        try:
            table = cls(sectors, modifiers, named["metonyms"], named["groups"], source, raw_orgs)
        except DictionaryError as exc:
            problems.extend(exc.problems)
        else:
            if not problems:
                return table
        raise DictionaryError(source, problems)

    # -- queries

    def organisation_type(self, code: str) -> str:
        """IGO/NGO/IMG for a named organisation's code ("UNO" -> "IGO") or a bare type code
        ("IGO" -> "IGO"); "" for a country."""
        return code if code in INTERNATIONAL_CODES else self._organisations.get(code, "")

    @property
    def organisations(self) -> Mapping[str, str]:
        return self._organisations

    @property
    def modifiers(self) -> tuple[Modifier, ...]:
        return self._modifiers

    def vocabulary(self) -> frozenset[str]:
        """Every lower-case word of every sector phrase and named institution."""
        return frozenset(w for words in (*self._phrases, *self._named) for w in words)

    @functools.cached_property
    def head_words(self) -> frozenset[str]:
        """The last word of every sector phrase and named institution (the English head noun), with
        its plural: "police", "minister", "ministers", "kremlin"."""
        heads = {words[-1] for words in (*self._phrases, *self._named)}
        return frozenset(heads | {h + "s" for h in heads} | {h + "es" for h in heads})

    @functools.cached_property
    def acronyms(self) -> frozenset[str]:
        """Named institutions of one short word ("un", "eu", "fbi"): they match only a word written in
        capitals, so "Kim Jong Un" is not the UN."""
        return frozenset(words[0] for words in self._named if len(words) == 1 and len(words[0]) <= 3)

    def phrases(self) -> dict[str, str]:
        """Every sector phrase as written in the file -> its sector."""
        return {phrase: sector for sector, phrase in self._phrases.values()}

    def sector_of(self, phrase: str) -> tuple[str, str] | None:
        """(sector, matched phrase) for a noun phrase, or None.

        The longest sector phrase over the words wins (ties: the right-most); the first modifier word
        present then changes the sector, and the matched phrase is prefixed with it:
        "opposition lawmakers" -> ("OPP", "opposition lawmaker"), "Foreign Minister" -> ("GOV",
        "foreign minister"), "former president" -> ("ELI", "former president").
        """
        hit = self._agent([_words(phrase)])
        return None if hit is None else (hit.sector, hit.phrase)

    def named_actor(self, phrase: str) -> tuple[ActorCode, NamedKind, str] | None:
        """A metonym or named group in the phrase ("the Kremlin", "Houthi rebels"): (code, kind, phrase)."""
        found = self._named_hit([_words(phrase)])
        return None if found is None else found[0]

    # -- internals

    def _lookup(self, table: Mapping[tuple[str, ...], Any], gram: Sequence[str]) -> Any:
        *head, last = gram
        for form in singulars(last):
            value = table.get((*head, form))
            if value is not None:
                return value
        return None

    def _scan(
        self, table: Mapping[tuple[str, ...], Any], segments: Sequence[Sequence[str]]
    ) -> tuple[Any, int, int] | None:
        """Best (value, length, position) over word segments: longest, then right-most."""
        best: tuple[Any, int, int] | None = None
        offset = 0
        for words in segments:
            for i in range(len(words)):
                for n in range(min(self._max_len, len(words) - i), 0, -1):
                    value = self._lookup(table, words[i : i + n])
                    if value is not None:
                        if best is None or (n, offset + i) >= (best[1], best[2]):
                            best = (value, n, offset + i)
                        break
            offset += len(words) + 1
        return best

    def _agent(self, segments: Sequence[Sequence[str]]) -> _AgentHit | None:
        found = None
        for conjunct in _conjuncts(segments):  # "State Councilor and Foreign Minister": the first title
            found = self._scan(self._phrases, conjunct)
            if found is not None:
                found = self._body_before(conjunct, found)
                break
        present = {form for words in segments for w in words for form in singulars(w)}
        sector, phrase, length, start = ("", "", 0, 0)
        if found is not None:
            (sector, phrase), length, start = found
        own = _words(phrase) if len(_words(phrase)) > 1 else []  # "intelligence committee" is LEG
        for mod in self._modifiers:
            if mod.word in present and found is not None and mod.word not in own:
                matched = phrase if mod.word in _words(phrase) else f"{mod.word} {phrase}"
                return _AgentHit(mod.sector, matched, length, start, modified=mod.sector != sector)
        if found is None:
            return None
        return _AgentHit(sector, phrase, length, start)

    def _body_before(
        self, segments: Sequence[Sequence[str]], found: tuple[Any, int, int]
    ) -> tuple[Any, int, int]:
        """A role any body has, right after a word of another sector, is of that body: "military
        spokesman" MIL, "Assembly president" LEG, "company president" BUS (not the government's)."""
        (_, phrase), _, start = found
        if phrase not in BODY_ROLES:
            return found
        offset = 0
        for words in segments:
            for i in range(len(words)):
                for n in range(min(self._max_len, len(words) - i), 0, -1):
                    value = self._lookup(self._phrases, words[i : i + n])
                    if value is not None and offset + i + n == start and value[1] not in BODY_ROLES:
                        if value[0] in {"CVL", "LAB"} or value[1] in NOT_BODIES:
                            # "public official" (an adjective), "Labour leader" (a party), "deputy
                            # spokesman", "Congress leader" (India's party)
                            return found
                        return value, n, offset + i
            offset += len(words) + 1
        return found

    def _named_hit(
        self, segments: Sequence[Sequence[str]]
    ) -> tuple[tuple[ActorCode, NamedKind, str], int, int] | None:
        """Best named actor over word segments: ((code, kind, phrase), length, word position)."""
        found = self._scan(self._named, segments)
        if found is None:
            return None
        value, length, start = found
        return value, length, start


def _conjuncts(segments: Sequence[Sequence[str]]) -> list[list[list[str]]]:
    """Split word segments at "and"/"&" into conjuncts, each a list of segments."""
    groups: list[list[list[str]]] = [[]]
    for words in segments:
        current: list[str] = []
        for word in words:
            if word == "and":
                groups[-1].append(current)
                groups.append([])
                current = []
            else:
                current.append(word)
        groups[-1].append(current)
    return groups


def _check_phrase(phrase: object, where: str, problems: list[str]) -> tuple[str, ...] | None:
    if not isinstance(phrase, str) or not phrase.strip():
        problems.append(f"{where}: empty or non-text phrase {phrase!r}")
        return None
    if phrase != phrase.casefold() or phrase != phrase.strip():
        problems.append(f"{where}: phrase {phrase!r} must be lowercase without surrounding spaces")
        return None
    words = tuple(_words(phrase))
    if not words:
        problems.append(f"{where}: phrase {phrase!r} has no words")
        return None
    return words


def _check_code(code: object, where: str, problems: list[str]) -> ActorCode | None:
    m = _CODE.fullmatch(code) if isinstance(code, str) else None
    if m is None:
        problems.append(
            f"{where}: code {code!r} must be a 3-letter country code plus an optional sector code"
        )
        return None
    sector = m.group("sector") or ""
    if sector and sector not in SECTOR_CODES:
        problems.append(f"{where}: unknown sector code {sector!r} in {code!r}")
        return None
    return ActorCode(m.group("country"), sector)


@functools.lru_cache(maxsize=16)
def _load_agents(key: str) -> AgentTable:
    text, label = read_data_file(key or None, AGENTS_FILE)
    return AgentTable.parse(text, label)


def clear_caches() -> None:
    """Forget every loaded table (e.g. after editing a data file in a long-running process)."""
    _load_countries.cache_clear()
    _load_agents.cache_clear()


# --------------------------------------------------------------------------- resolver


#: CAMEO organisation types that take the *country* slot of a code (codebook v1.1b3 ch. 3: "IGOUNO",
#: "NGOHRIAMN", "IMGMUSALQ"): an actor coded with one of them has no nationality of its own.
INTERNATIONAL_CODES: frozenset[str] = frozenset({"IGO", "NGO", "IMG"})

# A country string that states an allegiance or a stance, not the actor's nationality:
# "pro-Russian separatists", "anti-American protesters", "Iranian-backed militia", "U.S.-funded".
_STANCE_BEFORE = re.compile(r"(?<![^\W_])(?:pro|anti)\s*-?\s*$", re.IGNORECASE)
_STANCE_AFTER = re.compile(
    r"\s*-\s*(?:backed|sponsored|supported|funded|financed|armed|allied|aligned|leaning|friendly|"
    r"installed|inspired|trained|brokered|born)(?!\w)",
    re.IGNORECASE,
)
# "London-based Amnesty International": a seat, not a nationality, next to an international body.
_SEAT_AFTER = re.compile(r"\s*-\s*based(?!\w)", re.IGNORECASE)
# "ethnic Albanians in south Serbia": an ethnic group, not a nationality (CAMEO codes the state the
# group lives in, with the ethnicity as a tag: "SRBCVLalb", "MKDREBalb").
_ETHNIC_BEFORE = re.compile(r"(?<![^\W_])ethnic\s*-?\s*$", re.IGNORECASE)
# Words that make an international body a descriptor of the country after it: "NATO-member Norway",
# "EU member state Poland", "OPEC member Nigeria", "fellow NATO ally Turkey".
_DESCRIPTORS = frozenset(
    {"member", "members", "state", "states", "ally", "allies", "partner", "partners", "country",
     "countries", "nation", "nations", "signatory", "founding", "founder"}
)  # fmt: skip

_Role = Literal["", "stance", "seat", "ethnic"]


def _hit_role(text: str, start: int, end: int) -> _Role:
    if _STANCE_BEFORE.search(text, 0, start) or _STANCE_AFTER.match(text, end):
        return "stance"
    if _ETHNIC_BEFORE.search(text, 0, start):
        return "ethnic"
    if _SEAT_AFTER.match(text, end):
        return "seat"
    return ""


#: Words before a role that do not name the body it belongs to.
NOT_BODIES = frozenset({"deputy", "congress", "vice president"})
#: Titles every kind of body has; after a word of another sector they are of that body (AgentTable).
BODY_ROLES = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "president", "chairman", "chairwoman", "leader", "official"}
)


@functools.lru_cache(maxsize=1 << 16)
def resolve_phrase(text: str, countries: CountryTable, agents: AgentTable) -> tuple[ActorCode, str] | None:
    """Resolve a plain phrase to an actor code and a description of what decided it, or None.

    The country comes from a named institution or group ("the Kremlin" -> RUS) or else from the first
    country string ("Chinese", "Minsk", "the U.S."); the sector from the named institution, else from
    the agent table applied to the words outside the country strings (so "People's Republic of China"
    is not CVL). A modifier ("former", "opposition") overrides a named institution's sector too.

    Conventions (CAMEO codebook v1.1b3 ch. 3):

    - international bodies take the country slot: "the U.N." -> ``IGO``, "Amnesty International" ->
      ``NGO`` + ``HRI``, "aid groups" -> ``NGO``; a national one keeps its country ("Iraqi aid group" ->
      ``IRQ`` + ``NGO``);
    - a country named before an international body, or after it behind a descriptor, is the actor's
      country: "Chinese UN ambassador" -> CHN GOV, "NATO-member Norway" -> NOR; "the U.N. Iraq envoy"
      stays IGO;
    - stance and seat words do not give a nationality: "pro-Russian", "anti-American", "Iranian-backed",
      "London-based" (the last only next to an international body);
    - "ethnic Albanians" names no country (the caller may take it from the place), sector CVL unless a
      sector word says otherwise ("ethnic Albanian guerrillas" -> REB).

    >>> resolve_phrase("Chinese State Councilor and Foreign Minister Wang Yi", c, a)  # doctest: +SKIP
    (ActorCode(country='CHN', sector='GOV'), 'demonym:Chinese+agent:state councilor')

    Memoised: the same phrase recurs within and across articles, and the tables never change.
    """
    hits = countries.find_all(text)
    tokens = [(m.group().casefold(), m.start(), m.end()) for m in _WORD.finditer(text)]
    acronyms = agents.acronyms
    named = agents._named_hit(
        [["" if w in acronyms and not text[s:e].isupper() else w for w, s, e in tokens]]
    )
    named_span = (0, 0)
    if named is not None:
        _, length, first = named
        named_span = (tokens[first][1], tokens[first + length - 1][2])
    # country strings inside a named actor ("Organization of American States") are part of the name
    hits = [h for h in hits if not (h[0] < named_span[1] and named_span[0] < h[1])]
    # the agent table sees the words outside country strings and outside the named actor (so "the
    # Africa Union" is not LAB, "People's Republic of China" is not CVL)
    cuts = sorted([(start, end) for start, end, _ in hits] + ([named_span] if named is not None else []))
    segments: list[list[str]] = []
    pos = 0
    for start, end in cuts:
        segments.append(_words(text[pos:start]))
        pos = end
    segments.append(_words(text[pos:]))
    roles = [_hit_role(text, start, end) for start, end, _ in hits]
    plain = [h for h, role in zip(hits, roles, strict=True) if role == ""]

    country = ""
    sector = ""
    parts: list[str] = []
    if named is not None:
        (code, kind, phrase), _, _ = named
        if agents.organisation_type(code.country):
            described = [
                h
                for h, role in zip(hits, roles, strict=True)
                if role == ""
                and (
                    h[1] <= named_span[0]
                    or (h[0] >= named_span[1] and _DESCRIPTORS & set(_words(text[named_span[1] : h[0]])))
                )
            ]
            if described:
                start, _, match = described[0]
                # "Nigerian peacekeepers" keep MIL; "OPEC member Nigeria" is not BUS
                country, sector = match.iso3, code.sector if start < named_span[0] else ""
                parts.append(f"{match.kind}:{match.matched}")
        if not country:
            country, sector = code.country, code.sector
        parts.append(f"{kind}:{phrase}")
    elif plain:  # a country string beats a place inside it ("Bavarian police in Germany")
        match = min(plain, key=lambda h: h[2].kind == "place")[2]
        country = match.iso3
        parts.append(f"{match.kind}:{match.matched}")
    agent = agents._agent(segments)
    if agent is not None and (not sector or agent.modified):
        sector = agent.sector
        parts.append(f"agent:{agent.phrase}")
    if not country and sector in INTERNATIONAL_CODES:  # "aid groups" -> NGO, "peacekeepers" -> IGO
        country, sector = sector, ""
    if not sector and not country and "ethnic" in roles:
        sector = "CVL"
        parts.append("ethnic")
    if not country and not sector:
        return None
    return ActorCode(country, sector), "+".join(parts)


__all__ = [
    "AGENTS_FILE",
    "COUNTRIES_FILE",
    "INTERNATIONAL_CODES",
    "PLACES_COLUMN",
    "SECTOR_CODES",
    "AgentTable",
    "Country",
    "CountryKind",
    "CountryMatch",
    "CountryTable",
    "Modifier",
    "NamedKind",
    "clear_caches",
    "resolve_phrase",
    "singulars",
]
