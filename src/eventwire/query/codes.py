"""Actor codes that filters name: which are known, and the nearest known codes to one that is not.

A filter on an unknown code ("CHA" for CHN, "USAGOB" for USAGOV) matches nothing; rather than a
silent empty result, :func:`filter_warnings` says so and offers the nearest known codes.  A code is
known when its first three letters are a country of the packaged table, an organisation or
organisation type of the agent dictionary, or a country that the store's events carry, and each
further three letters are a sector code.
"""

from __future__ import annotations

import difflib
import functools
from collections import Counter
from collections.abc import Collection, Mapping

from eventwire.actors.dictionary import INTERNATIONAL_CODES, SECTOR_CODES, AgentTable, CountryTable
from eventwire.query.events import EventFilter
from eventwire.store.store import StoreReader

__all__ = ["filter_warnings", "known_countries", "nearest_codes", "unknown_code"]


@functools.cache
def known_countries() -> frozenset[str]:
    """The country-slot codes the packaged tables know: ISO countries, organisations, their types."""
    countries = set(CountryTable.load().countries)
    return frozenset(countries | set(AgentTable.load().organisations) | INTERNATIONAL_CODES)


def unknown_code(code: str, countries: Collection[str]) -> bool:
    """``code`` (validated letters) has a country part outside ``countries`` or a sector part that is
    not a sector code."""
    sectors = [code[i : i + 3] for i in range(3, len(code), 3)]
    return code[:3] not in countries or any(s not in SECTOR_CODES for s in sectors)


def _closest(
    word: str, options: Collection[str], n: int, weight: Mapping[str, int] | None = None
) -> list[str]:
    """The ``n`` options nearest ``word`` in spelling: difflib's ratio, ties to the longer shared start
    ("CHA" is nearer CHN than THA), then to the heavier ``weight`` (events in the store), then
    alphabetical; none below half alike."""
    weight = weight or {}

    def score(option: str) -> float:
        shared = next(
            (i for i, (a, b) in enumerate(zip(word, option, strict=False)) if a != b),
            min(len(word), len(option)),
        )
        return difflib.SequenceMatcher(None, word, option).ratio() + 0.1 * shared

    ranked = sorted(options, key=lambda o: (-score(o), -weight.get(o, 0), o))
    return [o for o in ranked if score(o) >= 0.5][:n]


def nearest_codes(
    code: str, countries: Collection[str], n: int = 3, weight: Mapping[str, int] | None = None
) -> list[str]:
    """The known codes closest in spelling to ``code``: a country (or organisation) for its first three
    letters, the country with the closest sectors for a longer code; ``weight`` (events per country)
    breaks ties."""
    head, rest = code[:3], code[3:]
    heads = [head] if head in countries else _closest(head, countries, n, weight)
    if not rest:
        return heads[:n]
    tails = [rest[i : i + 3] for i in range(0, len(rest), 3)]
    options = [[t] if t in SECTOR_CODES else _closest(t, SECTOR_CODES, 2) or [t] for t in tails]
    out: list[str] = []
    for h in heads:
        if len(rest) % 3:  # a stray letter or two: perhaps the country alone
            out.append(h)
        out.append(h + "".join(o[0] for o in options))
        for i, choices in enumerate(options):  # the second-best sector at each place
            for alt in choices[1:]:
                out.append(h + "".join(alt if j == i else o[0] for j, o in enumerate(options)))
    return list(dict.fromkeys(c for c in out if c != code))[:n]


def _store_countries(reader: StoreReader) -> Counter[str]:
    """Events per country (source or target) in the store."""
    with reader.cursor() as cur:
        rows = cur.execute(
            "SELECT country, sum(n) FROM ("
            "SELECT source_country AS country, count(*) AS n FROM events GROUP BY 1 "
            "UNION ALL SELECT target_country, count(*) FROM events GROUP BY 1) GROUP BY 1"
        ).fetchall()
    return Counter({r[0]: int(r[1]) for r in rows if r[0]})


def filter_warnings(reader: StoreReader | None, f: EventFilter) -> list[str]:
    """One warning per unknown actor code in ``f`` (``--actor``, ``--dyad``), naming the nearest known
    codes; the store's own countries are consulted only when the packaged tables do not know a code."""
    named = [("--actor", f.actor)] if f.actor else []
    named += [("--dyad", c) for c in f.dyad or ()]
    warnings: list[str] = []
    countries: frozenset[str] = known_countries()
    weight: Counter[str] | None = None
    for option, code in named:
        if code is None or not unknown_code(code, countries):
            continue
        if reader is not None and weight is None:
            weight = _store_countries(reader)
            countries = countries | frozenset(weight)
            if not unknown_code(code, countries):
                continue
        near = nearest_codes(code, countries, weight=weight)
        hint = f"; nearest known: {', '.join(near)}" if near else ""
        warnings.append(f"{option}: unknown actor code {code!r}, no event can match it{hint}")
    return warnings
