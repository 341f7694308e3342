"""Store commands: ``ingest``, ``search``, ``events``, ``trends``, ``export``, ``failures``."""

from __future__ import annotations

import argparse
import contextlib
import json
from typing import IO, Any

from eventwire.errors import QueryError
from eventwire.settings import SETTINGS, Settings, setting_help

__all__ = ["STORE_COMMANDS", "add_store_commands", "run_store_command"]

STORE_COMMANDS = frozenset({"ingest", "watch", "search", "events", "trends", "export", "failures", "serve"})


def _store_help() -> str:
    s = next(s for s in SETTINGS if s.name == "store")
    return f"{s.help} [env {s.env}]"


def _add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--actor", help="source or target code prefix (CHN, CHNGOV, UNO)")
    p.add_argument("--dyad", metavar="A,B", help="events between two actors, either direction (CHN,RUS)")
    p.add_argument("--cameo", metavar="PREFIX", help="CAMEO code prefix (04, 0422)")
    p.add_argument("--plover", metavar="EVENT", help="PLOVER event type (CONSULT, ASSAULT, ...)")
    p.add_argument("--quad", type=int, choices=(1, 2, 3, 4), help="quad class")
    p.add_argument(
        "--status",
        help="asserted, intended, hoped, future, conditional, negated, requested, denied, hedged, "
        "habitual, or all "
        "(events: all by default; export: asserted by default)",
    )
    p.add_argument("--since", metavar="YYYY-MM-DD")
    p.add_argument("--until", metavar="YYYY-MM-DD")
    p.add_argument(
        "--min-confidence", type=float, metavar="P", help="only events coded with confidence >= P (0-1)"
    )
    p.add_argument(
        "--coded-by",
        choices=("rule", "model", "both"),
        help="only events coded by the rules, the model, or both",
    )


def _add_historical(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--include-historical",
        action="store_true",
        help="also events the text places more than a year before publication (left out by default)",
    )


def add_store_commands(sub: Any, add_model_options: Any) -> None:
    ing = sub.add_parser("ingest", help="read, code and store articles (idempotent; batches committed)")
    ing.add_argument(
        "paths",
        nargs="*",
        metavar="PATH|URL",
        help="files, directories (.txt .html .jsonl .csv .tsv .warc, .gz), or article URLs (fetched)",
    )
    ing.add_argument("--feed", action="append", default=[], metavar="URL", help="RSS/Atom feed (repeatable)")
    ing.add_argument("--timeout", type=float, default=20.0, help="seconds per HTTP request")
    ing.add_argument("--store", help=_store_help())
    ing.add_argument("--json", action="store_true", help="print the summary as JSON")
    ing.add_argument("--workers", type=int, metavar="N", help=setting_help("workers"))
    ing.add_argument("--scheduler", metavar="tcp://HOST:PORT", help=setting_help("scheduler"))
    ing.add_argument("--partition-size", type=int, metavar="N", help=setting_help("partition_size"))
    add_model_options(ing)

    wa = sub.add_parser("watch", help="poll RSS/Atom feeds and ingest new items, continuously")
    wa.add_argument("feeds", nargs="+", metavar="FEED")
    wa.add_argument("--every", default="15m", help="poll interval: 90s, 15m, 1h")
    wa.add_argument("--polls", type=int, help="stop after this many polls (default: until interrupted)")
    wa.add_argument("--timeout", type=float, default=20.0, help="seconds per HTTP request")
    wa.add_argument("--store", help=_store_help())
    add_model_options(wa)

    se = sub.add_parser("search", help="ranked full-text search over stored articles")
    se.add_argument("query", help='words, "exact phrases", OR, NOT, prefix*')
    se.add_argument("--store", help=_store_help())
    se.add_argument("--since", metavar="YYYY-MM-DD")
    se.add_argument("--until", metavar="YYYY-MM-DD")
    se.add_argument("--country", metavar="ISO3", help="articles with an actor of this country")
    se.add_argument("--limit", type=int, default=10)
    se.add_argument("--json", action="store_true")

    ev = sub.add_parser(
        "events", help="stored events matching filters, newest first, with their mention counts"
    )
    ev.add_argument("--store", help=_store_help())
    _add_filters(ev)
    _add_historical(ev)
    ev.add_argument("--limit", type=int, default=20)
    ev.add_argument("--json", action="store_true", help="one JSON object per event")

    tr = sub.add_parser(
        "trends", help="a dyad's or an actor's events per period (zero-filled), or what is rising"
    )
    tr.add_argument("--store", help=_store_help())
    tr.add_argument("--dyad", metavar="A,B", help="events between two actors (either direction)")
    tr.add_argument("--actor", metavar="CODE", help="events of one actor (source or target)")
    tr.add_argument("--by", choices=("day", "week", "month"), default="month")
    tr.add_argument(
        "--rising", action="store_true", help="actors, dyads, CAMEO roots, themes and terms rising"
    )
    tr.add_argument("--window", default="7d", help="recent window for --rising (e.g. 7d)")
    tr.add_argument("--baseline", default="28d", help="baseline before the window (e.g. 28d)")
    tr.add_argument(
        "--since", metavar="YYYY-MM-DD", help="first day of the series (with --rising: of the window)"
    )
    tr.add_argument(
        "--until", metavar="YYYY-MM-DD", help="last day of the series (with --rising: of the window)"
    )
    tr.add_argument("--json", action="store_true")
    _add_historical(tr)

    ex = sub.add_parser("export", help="export events: gdelt, gdelt-mentions, plover, parquet, csv")
    ex.add_argument("--store", help=_store_help())
    ex.add_argument(
        "--format",
        required=True,
        choices=("gdelt", "gdelt-mentions", "plover", "parquet", "csv"),
        help="gdelt: GDELT 2.0 Events (one line per event); gdelt-mentions: its Mentions table",
    )
    ex.add_argument("-o", "--output", required=True, metavar="PATH")
    _add_filters(ex)

    sv = sub.add_parser("serve", help="read-only web UI and JSON API over the store")
    sv.add_argument("--store", help=_store_help())
    sv.add_argument("--host", default="127.0.0.1", help="address to listen on (default: loopback only)")
    sv.add_argument("--port", type=int, default=8000)
    sv.add_argument("--query-timeout", type=float, metavar="SECONDS", help=setting_help("query_timeout"))

    fa = sub.add_parser("failures", help="documents that failed in ingests, with their reasons")
    fa.add_argument("--store", help=_store_help())
    fa.add_argument(
        "--json", action="store_true", help="one JSON object per failure (source, code, reason, at)"
    )


def _clip(text: str | None, width: int) -> str:
    text = " ".join((text or "").split()) or "-"
    return text if len(text) <= width else text[: width - 1] + "…"


def _event_table(rows: list[dict[str, Any]], stdout: IO[str]) -> None:
    """``eventwire events`` as text: a header, then one line per event with the codes beside the actor
    texts as written and the sentence around its trigger (marked [like this])."""
    from eventwire.query.events import snippet

    if not rows:
        stdout.write("no events match\n")
        return
    stdout.write(
        f"{'date':<10}  {'source':<9} {'as written':<22} {'CAMEO':<5} {'target':<9} {'as written':<22} "
        f"{'PLOVER':<11} {'Gold.':>5} {'mentions':<8}  sentence\n"
    )
    for e in rows:
        day = e["day"].isoformat() if e["day"] else "undated"
        before, trigger, after = snippet(e, 120)
        text = f"{before}[{trigger}]{after}" if trigger else before
        seen = f"x{e['num_mentions']}/{e['num_articles']}a"
        goldstein = f"{e['goldstein']:+.1f}" if e["goldstein"] is not None else "-"
        stdout.write(
            f"{day:<10}  {e['source_code'] or '-':<9} {_clip(e['source_text'], 22):<22} {e['cameo']:<5} "
            f"{e['target_code'] or '-':<9} {_clip(e['target_text'], 22):<22} {e['plover_event'] or '-':<11} "
            f"{goldstein:>5} {seen:<8}  {text}\n"
        )


def run_store_command(args: argparse.Namespace, stdout: IO[str], stderr: IO[str], settings: Settings) -> int:
    from eventwire.query.codes import filter_warnings
    from eventwire.query.events import EventFilter, event_rows
    from eventwire.store.store import StoreReader

    root = settings.store_path()
    if args.command == "ingest":
        return _ingest(args, stdout, stderr, settings, root)
    if args.command == "watch":
        return _watch(args, stdout, settings, root)
    if args.command == "serve":
        return _serve(args, stderr, root)
    with StoreReader(root) as reader:
        if args.command == "search":
            return _search(args, stdout, reader)
        if args.command == "failures":
            rows = reader.catalog.execute("SELECT source, code, reason, at FROM failures ORDER BY at, source")
            shown = 0
            for r in rows:
                rec = dict(r)
                shown += 1
                stdout.write(
                    json.dumps(rec) + "\n"
                    if args.json
                    else f"{rec['code']}  {rec['source']}: {rec['reason']}\n"
                )
            if not shown and not args.json:
                stdout.write("no failures recorded in this store\n")
            return 0
        if args.command == "trends":
            return _trends(args, stdout, stderr, reader)
        status = args.status
        export_ = args.command == "export"
        if export_ and status is None:
            status = "asserted"  # exported events are events that happened (GDELT, PLOVER)
        flt = EventFilter.parse(
            args.actor, args.dyad, args.cameo, args.plover, args.quad,
            None if status == "all" else status, args.since, args.until,
            include_historical=export_ or args.include_historical,  # exports hold every event
            min_confidence=args.min_confidence, coded_by=args.coded_by,
        )  # fmt: skip
        for warning in filter_warnings(reader, flt):
            stderr.write(f"eventwire: warning: {warning}\n")
        if export_:
            from eventwire.query.export import export

            n = export(reader, args.format, args.output, flt)
            unit = "mentions" if args.format == "gdelt-mentions" else "events"
            stderr.write(f"eventwire: wrote {n} {unit} to {args.output} ({args.format})\n")
            return 0
        found = event_rows(reader, flt, limit=args.limit)
        if args.json:
            for e in found:
                stdout.write(json.dumps(e, default=str, ensure_ascii=False) + "\n")
        else:
            _event_table(found, stdout)
    return 0


def _ingest(args: argparse.Namespace, stdout: IO[str], stderr: IO[str], settings: Settings, root: str) -> int:
    from eventwire.cli.output import Progress
    from eventwire.ingest.web import Fetcher
    from eventwire.pipeline import Pipeline
    from eventwire.store.ingest import ingest

    if not args.paths and not args.feed:
        raise QueryError("ingest: give PATHs, URLs or --feed URL")
    pipeline = Pipeline(settings)
    pipeline.check_model()  # an unknown model is a usage error before the store is touched
    progress = Progress(stderr, enabled=stderr.isatty())
    fetcher = Fetcher(cache_dir=f"{root}/http-cache", timeout=args.timeout)
    try:
        summary = ingest(args.paths, root, pipeline, progress, feeds=args.feed, fetcher=fetcher)
    finally:
        fetcher.close()
        progress.close()
    for f in summary.failures:
        stderr.write(f"eventwire: error: [{f['code']}] {f['source']}: {f['reason']}\n")
    if args.json:
        stdout.write(json.dumps(summary.to_dict()) + "\n")
    else:
        stdout.write(
            f"store {summary.store}: read {summary.read}, stored {summary.stored}, "
            f"duplicates {summary.duplicates}, failed {summary.failed}, events {summary.events} "
            f"({summary.segments} segments, {summary.seconds:.1f} s)\n"
        )
    return 1 if summary.failed else 0


def _serve(args: argparse.Namespace, stderr: IO[str], root: str) -> int:
    import uvicorn

    from eventwire.serve.app import create_app

    if args.host not in {"127.0.0.1", "localhost", "::1"}:
        stderr.write(f"eventwire: warning: listening on {args.host}, not only on this machine\n")
    stderr.write(f"eventwire: serving {root} on http://{args.host}:{args.port}/ (read-only)\n")
    timeout = Settings.from_env(query_timeout=args.query_timeout).query_timeout
    uvicorn.run(create_app(root, timeout), host=args.host, port=args.port, log_level="warning")
    return 0


def _interval(value: str) -> float:
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    text = value.strip().lower()
    unit = units.get(text[-1:])
    number = text[:-1] if unit else text
    try:
        seconds = float(number) * (unit or 1)
    except ValueError as exc:
        raise QueryError(f"--every: {value!r} is not an interval (90s, 15m, 1h)") from exc
    if seconds < 1:
        raise QueryError(f"--every: {value!r} is shorter than a second")
    return seconds


def _watch(args: argparse.Namespace, stdout: IO[str], settings: Settings, root: str) -> int:
    from eventwire.ingest.web import Fetcher
    from eventwire.pipeline import Pipeline
    from eventwire.store.ingest import IngestSummary, watch

    every = _interval(args.every)
    pipeline = Pipeline(settings)
    pipeline.check_model()

    def report(n: int, s: IngestSummary) -> None:
        if s.busy:
            stdout.write(f"poll {n}: skipped, {s.busy}\n")
        else:
            stdout.write(
                f"poll {n}: read {s.read}, stored {s.stored}, duplicates {s.duplicates}, "
                f"failed {s.failed}, events {s.events}\n"
            )
            for f in s.failures:
                stdout.write(f"  [{f['code']}] {f['source']}: {f['reason']}\n")
        stdout.flush()

    if args.polls is not None and args.polls < 1:
        raise QueryError(f"--polls must be at least 1, not {args.polls}")

    fetcher = Fetcher(cache_dir=f"{root}/http-cache", timeout=args.timeout)
    with fetcher, contextlib.suppress(KeyboardInterrupt):
        watch(args.feeds, root, pipeline, every, args.polls, report, fetcher=fetcher)
    return 0


def _search(args: argparse.Namespace, stdout: IO[str], reader: Any) -> int:
    from eventwire.query.events import parse_day
    from eventwire.query.search import MARK_END, MARK_START, search

    hits = search(
        reader,
        args.query,
        parse_day(args.since, "--since"),
        parse_day(args.until, "--until"),
        args.country,
        args.limit,
    )
    for h in hits:
        if args.json:
            stdout.write(json.dumps(h.to_dict(), ensure_ascii=False) + "\n")
        else:
            snippet = h.snippet.replace(MARK_START, "[").replace(MARK_END, "]").replace("\n", " ")
            stdout.write(f"{h.score:6.2f}  {h.published or '':<10}  {h.title}\n        {snippet}\n")
    return 0


def _trends(args: argparse.Namespace, stdout: IO[str], stderr: IO[str], reader: Any) -> int:
    from eventwire.query.codes import filter_warnings
    from eventwire.query.events import EventFilter, parse_day
    from eventwire.query.trends import parse_days, rising, trend

    flt = EventFilter.parse(
        actor=args.actor,
        dyad=args.dyad,
        since=args.since,
        until=args.until,
        include_historical=args.include_historical,
    )
    for warning in filter_warnings(reader, flt):
        stderr.write(f"eventwire: warning: {warning}\n")
    if args.rising:
        if args.actor:
            raise QueryError("trends --rising takes --dyad, --since and --until, not --actor")
        out = rising(
            reader,
            parse_days(args.window, "--window"),
            parse_days(args.baseline, "--baseline"),
            parse_day(args.until, "--until"),
            include_historical=args.include_historical,
            since=flt.since,
            dyad=flt.dyad,
        )
        if args.json:
            stdout.write(json.dumps(out) + "\n")
            return 0
        win = out["window"]
        of = f" ({out['dyad']})" if "dyad" in out else ""
        if win:
            base = out["baseline"]
            stdout.write(f"rising{of} {win['from']}..{win['to']} vs {base['from']}..{base['to']}\n")
        else:
            stdout.write("no data\n")
        for kind in ("actors", "dyads", "codes", "themes", "terms"):
            items = ", ".join(f"{d['key']} x{d['lift']} ({d['recent']})" for d in out[kind][:8])
            stdout.write(f"  {kind:<7} {items or '-'}\n")
        return 0
    if args.actor and args.dyad:
        raise QueryError("trends: give --dyad A,B or --actor CODE, not both")
    rows = trend(reader, flt, args.by)
    if args.json:
        stdout.write(json.dumps(rows) + "\n")
        return 0
    series = f"dyad {','.join(flt.dyad)}" if flt.dyad else f"actor {flt.actor}"
    if not rows:
        stdout.write(f"{series}: no events\n")
        return 0
    stdout.write(f"{series} by {args.by}, {rows[0]['period']}..{rows[-1]['period']}\n")
    stdout.write(f"{args.by:<10}  {'events':>6}  {'q1':>4} {'q2':>4} {'q3':>4} {'q4':>4}  goldstein\n")
    for r in rows:
        q = r["by_quad"]
        mean = f"{r['mean_goldstein']:+.2f}" if r["mean_goldstein"] is not None else "-"
        quads = " ".join(f"{q[k]:>4}" for k in "1234")
        stdout.write(f"{r['period']:<10}  {r['events']:>6}  {quads}  {mean:>9}\n")
    return 0
