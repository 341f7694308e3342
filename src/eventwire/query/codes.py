"""Actor codes that filters name: which are known, and the nearest known codes to one that is not.

A filter on an unknown code ("CHA" for CHN, "USAGOB" for USAGOV) matches nothing; rather than a
silent empty result, :func:`filter_warnings` says so and offers the nearest known codes.  A code is
known when its first three letters are a country of the packaged table, an organisation or
organisation type of the agent dictionary, or a country that the store's events carry, and the rest
is sector codes (the last one may be cut short: a filter matches codes by their start, so "USAGO"
finds USAGOV), or when a stored actor's code starts with it (a user's own codes).
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
    """``code`` (validated letters) has a country part outside ``countries``, or a sector part that no
    sector code matches (a filter matches codes by their start: "USAGO" matches USAGOV)."""
    if code[:3] not in countries:
        return True
    rest = code[3:]
    whole, part = (
        [rest[i : i + 3] for i in range(0, len(rest) - len(rest) % 3, 3)],
        rest[len(rest) - len(rest) % 3 :],
    )
    if any(s not in SECTOR_CODES for s in whole):
        return True
    return bool(part) and not any(s.startswith(part) for s in SECTOR_CODES)


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
    """Events per country (source or target) in the store: from the rollups when the reader keeps
    them, else one scan."""
    table = "rollup" if reader.rollups() else "events"
    n = "sum(n)" if table == "rollup" else "count(*)"
    with reader.cursor() as cur:
        rows = cur.execute(
            "SELECT country, sum(n) FROM ("
            f"SELECT source_country AS country, {n} AS n FROM {table} GROUP BY 1 "
            f"UNION ALL SELECT target_country, {n} FROM {table} GROUP BY 1) GROUP BY 1"
        ).fetchall()
    return Counter({r[0]: int(r[1]) for r in rows if r[0]})


def _in_store(reader: StoreReader, code: str) -> bool:
    """Some stored event has an actor whose code starts with ``code`` (a user's own actor codes)."""
    with reader.cursor() as cur:
        row = cur.execute(
            "SELECT 1 FROM events WHERE (source_country = ? AND starts_with(source_code, ?)) "
            "OR (target_country = ? AND starts_with(target_code, ?)) LIMIT 1",
            [code[:3], code, code[:3], code],
        ).fetchone()
    return row is not None


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
        if reader is not None:
            if weight is None:
                weight = _store_countries(reader)
                countries = countries | frozenset(weight)
            if not unknown_code(code, countries) or (len(code) > 3 and _in_store(reader, code)):
                continue
        near = nearest_codes(code, countries, weight=weight)
        hint = f"; nearest known: {', '.join(near)}" if near else ""
        warnings.append(f"{option}: unknown actor code {code!r}, no event can match it{hint}")
    return warnings
