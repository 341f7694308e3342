"""``eventwire entities NAME``: the entity table's candidates for a name, with their terms and sources."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import IO, Any

from eventwire.actors.entities import EntityTable
from eventwire.errors import InputError
from eventwire.settings import Settings, setting_help

EXIT_OK = 0
EXIT_NOT_FOUND = 1


def add_entities_command(sub: Any) -> None:
    p = sub.add_parser("entities", help="look a name up in the entity table: candidates, terms, sources")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="also say which candidate resolution picks that day")
    p.add_argument("--country", action="append", default=[], metavar="ISO3", help="an article country (ties)")
    p.add_argument("--entities", metavar="FILE", help=setting_help("entities"))
    p.add_argument("--json", action="store_true", help="print one JSON object")


def cmd_entities(args: argparse.Namespace, stdout: IO[str]) -> int:
    settings = Settings.from_env(entities=args.entities)
    table = EntityTable.load(None, settings.entity_files())
    try:
        on = dt.date.fromisoformat(args.date) if args.date else None
    except ValueError as exc:
        raise InputError(f"--date {args.date!r} is not YYYY-MM-DD") from exc
    name = args.name.strip()
    if not table.candidates(name) and name.lower().startswith("the "):
        name = name[4:]  # "the Taliban": the article is not part of the name
    for code in args.country:
        if not (len(code) == 3 and code.isalpha() and code.isupper()):
            raise InputError(f"--country {code!r}: give an ISO 3166-1 alpha-3 code in capitals (GBR, USA)")
    args.name = name
    terms = sorted(table.candidates(name), key=lambda t: (t.id, t.start or dt.date.min))
    chosen = table.lookup(args.name, on, args.country) if on is not None or args.country else None
    if args.json:
        out = {
            "name": args.name,
            "candidates": [
                {
                    "id": t.id, "name": t.name, "country": t.country, "sector": t.sector, "kind": t.kind,
                    "role": t.role, "start": t.start.isoformat() if t.start else None,
                    "end": t.end.isoformat() if t.end else None,
                }
                for t in terms
            ],
            "chosen": None if chosen is None else {
                "id": chosen.term.id, "country": chosen.country, "sector": chosen.sector,
                "matched_by": chosen.matched_by,
            },
        }  # fmt: skip
        stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        return EXIT_OK if terms else EXIT_NOT_FOUND
    if not terms:
        stdout.write(f"{args.name}: not in the entity table\n")
        return EXIT_NOT_FOUND
    for t in terms:
        span = f"{t.start or '…'} to {t.end or '…'}"
        role = f" {t.role}" if t.role else ""
        stdout.write(f"{t.id}\t{t.name}\t{t.country or '-'}{t.sector or ''}\t{t.kind}{role}\t{span}\n")
    if on is not None or args.country:
        picked = (
            chosen.matched_by
            if chosen
            else "none (unknown that day, or namesakes the countries do not settle)"
        )
        stdout.write(f"chosen: {picked}" + (f" -> {chosen.country}{chosen.sector}" if chosen else "") + "\n")
    return EXIT_OK


__all__ = ["add_entities_command", "cmd_entities"]
