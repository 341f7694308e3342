"""Build the packaged entity table (``src/eventwire/data/entities.tsv.gz``) and its data card.

Reads pinned open sources from local git mirrors (``fetch`` them first; ``--mirror`` is the folder that
holds ``<owner>+<name>/repo``), maps their codes to eventwire's (country ISO3 or organisation code, CAMEO
sector, kind, role), normalises names and aliases, merges duplicates and writes a table that re-running
reproduces byte for byte, with ``docs/entities.md`` (counts per source, sector and country; newest dates;
licences).  The format is documented in ``eventwire/actors/entities.py``.

    .venv/bin/python tools/build_entities.py [--mirror /work/.mirror]

Sources (commit and path pinned below; licences re-checked in each repository's licence file):

- openeventdata/petrarch2 @ 676801cd, Phoenix.{Countries,International,MilNonState}.actors.txt: MIT.
- hdigital/partyfactsdata @ 764de897, import/elecglob/partyfacts-core-parties.csv: MIT.
- every-politician-scrapers/world-leaders-2021 @ be7039c9, data/wikidata.csv (Wikidata query output,
  CC0 upstream; the repository has no licence file, so every row records its source).
- every-politician-scrapers/<country cabinet> @ the commits of ``tools/entities/everypolitician.tsv``,
  html/holders21.csv (Wikidata query output, CC0 upstream; no licence file).
- Hipo/university-domains-list @ bb07faf0, world_universities_and_domains.json: MIT.
- tools/entities/curated*.tsv: written by the eventwire team from public facts (each row cites one), MIT:
  groups, agencies, militaries, media, parties and leaders (curated.tsv); companies and news outlets
  (curated-business-media.tsv); government agencies, regulators, police and emergency services, courts,
  legislatures and international bodies (curated-agencies.tsv); prominent people with their dated roles
  (curated-people.tsv: heads of international bodies, ministers, legislative leaders, commanders,
  spokespeople, opposition and armed-group leaders, business people).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gzip
import io
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from eventwire.actors.dictionary import AgentTable, CountryTable  # noqa: E402
from eventwire.actors.entities import COLUMNS, KINDS, EntityTable, parse_rows  # noqa: E402
from eventwire.actors.officeholders import normalise_name  # noqa: E402
from eventwire.actors.petrarch import ActorDictionary, split_code  # noqa: E402

OUT = ROOT / "src" / "eventwire" / "data" / "entities.tsv.gz"
CARD = ROOT / "docs" / "entities.md"
HERE = ROOT / "tools" / "entities"

PETRARCH = ("openeventdata/petrarch2", "676801cd9cb2924bbbad09f86d15c9323e7097bf", "MIT")
PHOENIX_FILES = {
    "petrarch2/data/dictionaries/Phoenix.Countries.actors.txt": "person",
    "petrarch2/data/dictionaries/Phoenix.International.actors.txt": "",
    "petrarch2/data/dictionaries/Phoenix.MilNonState.actors.txt": "armed_group",
}
PARTYFACTS = ("hdigital/partyfactsdata", "764de8978f84ba41a1c88752d6a00b9a4d05f599", "MIT")
PARTYFACTS_FILE = "import/elecglob/partyfacts-core-parties.csv"
LEADERS = (
    "every-politician-scrapers/world-leaders-2021",
    "be7039cf5952d8121c4f1e24eea64cc5dd465633",
    "CC0 (Wikidata), no licence file",
)
LEADERS_FILE = "data/wikidata.csv"
UNIS = ("Hipo/university-domains-list", "bb07faf064e1c68be9b26fb71de31f01e361f974", "MIT")
UNIS_FILE = "world_universities_and_domains.json"

# the office itself, named first ("President of Albania", "Prime Minister"), not an aide's title that
# mentions it ("Counselor to the President", "Deputy Prime Minister")
_HEADS_OF_STATE = re.compile(r"(president|king|queen|emir|sultan|monarch|supreme leader|governor-general)\b", re.I)
_HEADS_OF_GOVT = re.compile(r"(prime minister|premier|chancellor|head of government|taoiseach)\b", re.I)
_MINISTERS = re.compile(r"\b(minister|secretary|attorney general)\b", re.I)
_ABROAD = re.compile(r"\b(ambassador|envoy|consul|representative to|permanent representative)\b", re.I)
_OF_COUNTRY = re.compile(r"(.+? (?:Party|Front|Congress|Movement|League|Union|Alliance)) of (?:the )?(.+)")
_SHORT_OK = re.compile(r"[A-Z][A-Za-z0-9-]{2,}")  # an abbreviation of three or more characters


class Sources:
    """Files of pinned commits, read from the local git mirrors."""

    def __init__(self, mirror: Path) -> None:
        self.mirror = mirror

    def read(self, repo: str, commit: str, path: str) -> str:
        git_dir = self.mirror / repo.replace("/", "+") / "repo"
        if (git_dir / ".git").is_dir():
            git_dir = git_dir / ".git"
        try:
            out = subprocess.run(
                ["git", f"--git-dir={git_dir}", "show", f"{commit}:{path}"], capture_output=True, check=True
            )
        except (subprocess.CalledProcessError, FileNotFoundError) as exc:
            raise SystemExit(f"cannot read {repo}@{commit}:{path} under {self.mirror} (fetch it first): {exc}") from exc
        return out.stdout.decode("utf-8", errors="replace")


def _title(phrase: str) -> str:
    words = phrase.replace("_", " ").split()
    return " ".join(w if any(c.isdigit() for c in w) or (len(w) <= 3 and w.isupper()) else w.title() for w in words)


def _row(ident: str, name: str, aliases: list[str], country: str, sector: str, kind: str, role: str = "",
         start: dt.date | None = None, end: dt.date | None = None) -> dict[str, str]:  # fmt: skip
    keys = {normalise_name(name)}
    clean: list[str] = []
    for alias in aliases:
        key = normalise_name(alias)
        if key and key not in keys:
            keys.add(key)
            clean.append(alias.replace("\t", " ").replace("|", "/").strip())
    return {
        "id": ident, "name": name.replace("\t", " ").strip(), "aliases": "|".join(clean),
        "country": country, "sector": sector, "kind": kind, "role": role,
        "start": start.isoformat() if start else "", "end": end.isoformat() if end else "",
    }  # fmt: skip


def phoenix(src: Sources, agents: AgentTable) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for path, default_kind in PHOENIX_FILES.items():
        dictionary = ActorDictionary.parse(src.read(PETRARCH[0], PETRARCH[1], path), path)
        groups: dict[int, list[tuple[str, ...]]] = {}
        records = {}
        for key, record in dictionary._records.items():  # phrases sharing a record are one entity
            groups.setdefault(id(record), []).append(key)
            records[id(record)] = record
        for rid, keys in groups.items():
            record = records[rid]
            name, *aliases = (_title(" ".join(k)) for k in keys)
            terms = [(d.code, d.start, d.end + dt.timedelta(days=1) if d.end else None) for d in record.dated]
            if record.default and not any(end is None for _, _, end in terms):
                after = max((end for _, _, end in terms if end), default=None)
                terms.append((record.default, after, None))
            for code, start, end in terms:
                actor = split_code(code, agents)
                if not actor.sector and default_kind == "person":
                    continue  # a bare country code: a country, city or region name, not an entity
                kind = default_kind or _kind_of(code)
                sector = actor.sector or ("BUS" if kind == "company" else "")
                ident = f"phoenix:{path.rsplit('.', 3)[-3]}-{record.line}"
                rows.append(_row(ident, name, aliases, actor.country, sector, kind, "", start, end))
    return rows


def _kind_of(code: str) -> str:
    head = code[:3]
    return {"IGO": "igo", "NGO": "ngo", "IMG": "armed_group", "MNC": "company"}.get(head, "institution")


def partyfacts(src: Sources) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    text = src.read(PARTYFACTS[0], PARTYFACTS[1], PARTYFACTS_FILE)
    for rec in csv.DictReader(io.StringIO(text)):
        english = (rec.get("name_english") or "").split(" / ")
        name = english[0].strip() or rec["name"].strip()
        aliases = [*english[1:], rec["name"]]
        short = (rec.get("name_short") or "").strip()
        if _SHORT_OK.fullmatch(short):
            aliases.append(short)
        start = dt.date(int(rec["year_first"]), 1, 1) if (rec.get("year_first") or "").isdigit() else None
        last = rec.get("year_last") or ""
        end = dt.date(int(last) + 1, 1, 1) if last.isdigit() else None
        rows.append(_row(f"partyfacts:{rec['partyfacts_id']}", name, aliases, rec["country"], "PTY", "party",
                         "", start, end))  # fmt: skip
    return rows


_NOT_THE_STATE = re.compile(
    r"\b(senate|assembly|parliament|congress|court|bank|exchequer|council|commission|university|party|"
    r"chamber|house|committee|federation|association|region|province|state of)\b",
    re.I,
)


def _role(position: str) -> str:
    if _NOT_THE_STATE.search(position):  # "President of the Senate", "Chancellor of the Exchequer"
        return "minister" if _MINISTERS.search(position) else "official"
    if _HEADS_OF_GOVT.match(position.strip()):
        return "head_of_government"
    if _HEADS_OF_STATE.match(position.strip()):
        return "head_of_state"
    if _MINISTERS.search(position):
        return "minister"
    return "official"


def _sector(position: str, agents: AgentTable) -> str:
    found = agents.sector_of(position)
    return found[0] if found is not None and found[0] not in {"ELI", "CVL"} else "GOV"


def leaders(src: Sources, countries: CountryTable, agents: AgentTable) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    text = src.read(LEADERS[0], LEADERS[1], LEADERS_FILE)
    for rec in csv.DictReader(io.StringIO(text)):
        match = countries.lookup(rec["country"])
        if match is None or not rec["officeholderLabel"].strip():
            continue
        start = dt.date(int(rec["start_year"]), 1, 1) if rec["start_year"].isdigit() else None
        end = dt.date(int(rec["end_year"]), 12, 31) if rec["end_year"].isdigit() else None
        position = rec["positionLabel"]
        rows.append(_row(f"wl2021:{rec['officeholder']}", rec["officeholderLabel"], [], match.iso3,
                         _sector(position, agents), "person", _role(position), start, end))  # fmt: skip
    return rows


def everypolitician(src: Sources, agents: AgentTable) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    manifest = HERE / "everypolitician.tsv"
    if not manifest.exists():
        return rows
    for rec in csv.DictReader(io.StringIO(manifest.read_text(encoding="utf-8")), delimiter="\t"):
        text = src.read(rec["repo"], rec["commit"], rec["path"])
        for line in csv.DictReader(io.StringIO(text)):
            person = (line.get("person") or line.get("itemLabel") or "").strip()
            qid = (line.get("personID") or line.get("item") or "").strip().rsplit("/", 1)[-1]
            position = (line.get("positionLabel") or line.get("position") or "").strip()
            if not person or not qid.startswith("Q") or not position or _ABROAD.search(position):
                continue
            start = _iso(line.get("start") or line.get("startDate") or "")
            end = _iso(line.get("end") or line.get("endDate") or "")
            rows.append(_row(f"epol:{qid}", person, [], rec["iso3"], _sector(position, agents), "person",
                             _role(position), start, end))  # fmt: skip
    return rows


def _iso(value: str) -> dt.date | None:
    value = value.strip()[:10]
    for fmt, size in (("%Y-%m-%d", 10), ("%Y-%m", 7), ("%Y", 4)):
        try:
            return dt.datetime.strptime(value[:size], fmt).date() if len(value) >= size else None
        except ValueError:
            continue
    return None


def universities(src: Sources, countries: CountryTable) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for rec in json.loads(src.read(UNIS[0], UNIS[1], UNIS_FILE)):
        match = countries.lookup(rec.get("country", "")) if rec.get("country") else None
        name = (rec.get("name") or "").strip()
        if match is None or not name or (name, match.iso3) in seen:
            continue
        seen.add((name, match.iso3))
        slug = re.sub(r"[^a-z0-9]+", "-", normalise_name(name)).strip("-")
        rows.append(_row(f"unis:{match.iso3.lower()}-{slug}", name, [], match.iso3, "EDU", "university"))
    return rows


def curated() -> list[dict[str, str]]:
    """The team's tables: ``tools/entities/curated*.tsv``."""
    rows: list[dict[str, str]] = []
    records = [
        rec
        for path in sorted(HERE.glob("curated*.tsv"))
        for rec in csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")), delimiter="\t")
    ]
    for rec in records:
        slug = re.sub(r"[^a-z0-9]+", "-", normalise_name(rec["name"])).strip("-")
        kind = rec["kind"].strip()
        rows.append(_row(f"curated:{slug}", rec["name"], (rec.get("aliases") or "").split("|"),
                         rec["country"].strip(), rec["sector"].strip(), kind if kind in KINDS else "institution",
                         "leader" if kind == "person" else "", _iso(rec.get("start") or ""),
                         _iso(rec.get("end") or "")))  # fmt: skip
    return rows


def add_short_party_names(rows: list[dict[str, str]], countries: CountryTable) -> None:
    """"Liberal Party of Canada" is also "Liberal Party" (namesakes are told apart by the article's
    countries): a party's name without its own country after "of"."""
    for row in rows:
        if row["kind"] != "party":
            continue
        names = [row["name"], *(a for a in row["aliases"].split("|") if a)]
        extra = []
        for name in names:
            m = _OF_COUNTRY.fullmatch(name)
            found = countries.lookup(m.group(2)) if m else None
            if m and found is not None and found.iso3 == row["country"]:
                extra.append(m.group(1))
        if extra:
            keys = {normalise_name(n) for n in names}
            new = [e for e in dict.fromkeys(extra) if normalise_name(e) not in keys]
            row["aliases"] = "|".join(a for a in (row["aliases"], *new) if a)


def merge(rows: list[dict[str, str]], known: set[str]) -> tuple[list[dict[str, str]], Counter[str]]:
    """Drop rows whose codes eventwire does not know, and exact duplicates; sort."""
    dropped: Counter[str] = Counter()
    out: dict[tuple[str, ...], dict[str, str]] = {}
    for row in rows:
        source = row["id"].split(":", 1)[0]
        if row["country"] and row["country"] not in known:
            dropped[f"{source}: unknown country {row['country']}"] += 1
            continue
        if row["start"] and row["end"] and row["end"] < row["start"]:
            dropped[f"{source}: end before start"] += 1
            continue
        key = tuple(row[c] for c in COLUMNS)
        out.setdefault(key, row)
    ordered = sorted(out.values(), key=lambda r: (r["id"], r["start"], r["end"], r["country"], r["sector"]))
    return ordered, dropped


def write_table(rows: list[dict[str, str]], newest: str) -> bytes:
    lines = [
        "# eventwire entity table (built by tools/build_entities.py; do not edit: edit the sources or",
        "# pass your own file with --entities). Format: eventwire/actors/entities.py. Data card: docs/entities.md.",
        f"# Sources: {PETRARCH[0]}@{PETRARCH[1][:8]} (MIT); {PARTYFACTS[0]}@{PARTYFACTS[1][:8]} (MIT);",
        f"#   {LEADERS[0]}@{LEADERS[1][:8]} and every-politician-scrapers cabinets (Wikidata, CC0);",
        f"#   {UNIS[0]}@{UNIS[1]} (MIT); tools/entities/curated*.tsv (eventwire team, MIT).",
        f"# newest: {newest}",
        "\t".join(COLUMNS),
        *("\t".join(r[c] for c in COLUMNS) for r in rows),
    ]
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(("\n".join(lines) + "\n").encode("utf-8"))
    return buf.getvalue()


def card(rows: list[dict[str, str]], dropped: Counter[str], size: int) -> str:
    by_source = Counter(r["id"].split(":", 1)[0] for r in rows)
    entities = Counter(r["id"].split(":", 1)[0] for r in {r["id"]: r for r in rows}.values())
    newest: dict[str, str] = {}
    for r in rows:
        s = r["id"].split(":", 1)[0]
        newest[s] = max(newest.get(s, ""), r["start"], r["end"])
    sectors = Counter(r["sector"] or "-" for r in rows)
    kinds = Counter(r["kind"] for r in rows)
    countries = Counter(r["country"] or "-" for r in rows)
    out = [
        "# The entity table: data card",
        "",
        "Built by `python tools/build_entities.py` (sources fetched first; see the script's docstring) into",
        f"`src/eventwire/data/entities.tsv.gz` ({size / 1e6:.1f} MB compressed). Re-running it gives the same bytes.",
        "",
        "| source | pinned at | licence | rows | entities | newest date |",
        "|---|---|---|---|---|---|",
    ]
    pins = {
        "phoenix": (f"{PETRARCH[0]} @ {PETRARCH[1][:8]}", PETRARCH[2]),
        "partyfacts": (f"{PARTYFACTS[0]} @ {PARTYFACTS[1][:8]}", PARTYFACTS[2]),
        "wl2021": (f"{LEADERS[0]} @ {LEADERS[1][:8]}", LEADERS[2]),
        "epol": ("every-politician-scrapers cabinets (tools/entities/everypolitician.tsv)", LEADERS[2]),
        "unis": (f"{UNIS[0]} @ {UNIS[1][:8]}", UNIS[2]),
        "curated": ("tools/entities/curated*.tsv", "MIT (eventwire team; each row cites a public source)"),
    }
    for source in sorted(by_source, key=lambda s: -by_source[s]):
        where, licence = pins.get(source, (source, "?"))
        out.append(f"| {source} | {where} | {licence} | {by_source[source]:,} | {entities[source]:,} | "
                   f"{newest.get(source) or '-'} |")  # fmt: skip
    out += ["", "Rows per kind: " + ", ".join(f"{k} {n:,}" for k, n in kinds.most_common()), ""]
    out += ["Rows per sector: " + ", ".join(f"{k} {n:,}" for k, n in sectors.most_common()), ""]
    out += ["Top 30 countries: " + ", ".join(f"{k} {n:,}" for k, n in countries.most_common(30)), ""]
    if dropped:
        out += ["Rows left out (codes eventwire does not know): "
                + ", ".join(f"{k} ({n})" for k, n in dropped.most_common(20)), ""]  # fmt: skip
    out += [
        "Attribution: Phoenix dictionaries (c) Open Event Data Alliance, MIT; Party Facts (c) Party Facts",
        "authors, MIT; university list (c) Hipo, MIT; office-holders from Wikidata (CC0) via the",
        "EveryPolitician scrapers. Coverage is densest to about 2011 for Phoenix, to 2021-2022 for the",
        "EveryPolitician tables and to the party list's last update for parties; `actor --date` past a",
        "source's newest date says so in `matched_by` (`+beyond-coverage:<date>`).",
        "",
    ]
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirror", type=Path, default=Path("/work/.mirror"))
    args = parser.parse_args()
    src = Sources(args.mirror)
    countries, agents = CountryTable.load(), AgentTable.load()
    known = set(countries.countries) | set(agents.organisations) | {"IGO", "NGO", "IMG", "MNC"}
    rows = [*curated(), *leaders(src, countries, agents), *everypolitician(src, agents), *partyfacts(src),
            *universities(src, countries), *phoenix(src, agents)]  # fmt: skip
    add_short_party_names(rows, countries)
    rows, dropped = merge(rows, known)
    dated = [d for r in rows if not r["id"].startswith(("phoenix:", "unis:")) for d in (r["start"], r["end"]) if d]
    newest = max(d for d in dated if d <= dt.date.today().isoformat())
    data = write_table(rows, newest)
    parse_rows(gzip.decompress(data).decode("utf-8"), str(OUT), known)  # validate what we ship
    OUT.write_bytes(data)
    CARD.write_text(card(rows, dropped, len(data)), encoding="utf-8")
    table = EntityTable.parse(gzip.decompress(data).decode("utf-8"), str(OUT))
    sys.stderr.write(f"{len(table):,} rows, {len(data) / 1e6:.2f} MB -> {OUT}\n")


if __name__ == "__main__":
    main()
