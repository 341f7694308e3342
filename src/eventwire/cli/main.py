"""The ``eventwire`` command line.

Exit codes: 0 success; 1 some documents failed (each reported on stderr, the
batch went on); 2 usage, configuration or input error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import IO, Any

from eventwire import __version__
from eventwire.batch.runners import code_stream
from eventwire.cli.demo import run_demo
from eventwire.cli.entities_cmd import add_entities_command, cmd_entities
from eventwire.cli.output import Progress, write_events
from eventwire.cli.store_cmds import STORE_COMMANDS, add_store_commands, run_store_command
from eventwire.errors import DocumentError, EventwireError, InputError
from eventwire.evaluate.datasets import FORMATS
from eventwire.pipeline import CodedArticle, Pipeline, read_articles
from eventwire.settings import PARSE_SCOPES, Settings, describe, setting_help

EXIT_OK, EXIT_DOC_FAILED, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="eventwire", description="Political event data from news articles.")
    parser.add_argument("--version", action="version", version=f"eventwire {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    read = sub.add_parser("read", help="print one JSON object per article (id, title, published, text, ...)")
    read.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="files, directories, .txt, .html, .jsonl, .csv, .tsv, .warc, .gz",
    )
    _add_input_limits(read)

    code = sub.add_parser("code", help="code events: one JSON object (or TSV row) per event")
    code.add_argument("paths", nargs="+", metavar="PATH")
    code.add_argument("--format", choices=("jsonl", "tsv"), default="jsonl")
    code.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    _add_model_options(code)

    demo = sub.add_parser("demo", help="code the bundled real news and print a summary")
    demo.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        default=".eventwire/demo-events.jsonl",
        help="where to write the demo's events (JSONL)",
    )
    demo.add_argument("--json", action="store_true", help="print the summary as JSON")
    demo.add_argument("--store", help=setting_help("store"))
    demo.add_argument("--no-store", action="store_true", help="do not store the events")
    _add_model_options(demo)

    sub.add_parser("settings", help="list the settings, their environment variables and defaults")
    _add_evaluate(sub)
    _add_actor(sub)
    add_entities_command(sub)
    add_store_commands(sub, _add_model_options)
    return parser


def _add_evaluate(sub: Any) -> None:
    ev = sub.add_parser(
        "evaluate",
        help="score the coder against gold data (plv, plover-gsr, cameo-class, cameo-ner, articles, actors)",
    )
    ev.add_argument("format", choices=FORMATS, metavar="FORMAT")
    ev.add_argument("path", metavar="PATH", help="the gold file")
    ev.add_argument("--json", action="store_true", help="print one JSON object instead of the report")
    ev.add_argument(
        "--spans", choices=("gold", "predicted"), default="gold", help="plv: give the gold actor spans or not"
    )
    ev.add_argument("--patterns", action="append", default=[], metavar="FILE", help="extra pattern file")
    ev.add_argument(
        "--petrarch-verbs",
        action="append",
        default=[],
        metavar="FILE",
        help="import a PETRARCH verb dictionary",
    )
    ev.add_argument("--no-default-patterns", action="store_true", help="use only the given/imported patterns")
    ev.add_argument("--limit", type=int, metavar="N", help="evaluate the first N items")
    ev.add_argument(
        "--check", action="store_true", help="articles: only validate the gold file (docs/annotation.md)"
    )
    ev.add_argument(
        "--articles",
        metavar="DIR",
        help="actors: resolve each mention inside its article (a folder of url,date,title,text CSV files)",
    )
    ev.add_argument("--model", help=setting_help("model"))
    _add_backoff_options(ev)


def _add_actor(sub: Any) -> None:
    act = sub.add_parser("actor", help="resolve an actor phrase: country or organisation code, sector, rule")
    act.add_argument("text", nargs="?", metavar="TEXT", help="the actor phrase")
    act.add_argument("--date", metavar="YYYY-MM-DD", help="resolve office-holders as of this date")
    act.add_argument("--context", metavar="SENTENCE", help="a sentence that contains TEXT")
    act.add_argument("--jsonl", metavar="FILE", help='lines {"text", "date"?, "context"?}; "-" = stdin')
    act.add_argument("--json", action="store_true", help="print JSON (always, with --jsonl)")
    act.add_argument("--model", help=setting_help("model"))
    act.add_argument("--actors", help=setting_help("actors"))
    act.add_argument("--entities", metavar="FILE", help=setting_help("entities"))


def _add_input_limits(p: argparse.ArgumentParser) -> None:
    p.add_argument("--max-document-bytes", type=int, metavar="N", help=setting_help("max_document_bytes"))
    p.add_argument("--languages", metavar="CODES", help=setting_help("languages"))


def _add_model_options(p: argparse.ArgumentParser) -> None:
    _add_input_limits(p)
    p.add_argument("--max-sentence-tokens", type=int, metavar="N", help=setting_help("max_sentence_tokens"))
    p.add_argument("--model", help=setting_help("model"))
    p.add_argument("--batch-size", type=int, help=setting_help("batch_size"))
    p.add_argument("--processes", type=int, help=setting_help("processes"))
    p.add_argument("--parse-scope", choices=PARSE_SCOPES, help=setting_help("parse_scope"))
    p.add_argument("--patterns", help=setting_help("patterns"))
    p.add_argument("--actors", help=setting_help("actors"))
    p.add_argument("--entities", metavar="FILE", help=setting_help("entities"))
    _add_backoff_options(p)


def _add_backoff_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--backoff", metavar="packaged|off|FILE", help=setting_help("backoff"))
    p.add_argument("--classifier", metavar="packaged|off|DIR", help=setting_help("classifier"))
    p.add_argument("--min-confidence", type=float, metavar="P", help=setting_help("min_confidence"))


def _settings(args: argparse.Namespace) -> Settings:
    return Settings.from_env(
        model=args.model,
        batch_size=args.batch_size,
        processes=args.processes,
        parse_scope=args.parse_scope,
        workers=getattr(args, "workers", None),
        scheduler=getattr(args, "scheduler", None),
        partition_size=getattr(args, "partition_size", None),
        max_document_bytes=args.max_document_bytes,
        max_sentence_tokens=args.max_sentence_tokens,
        languages=args.languages,
        patterns=args.patterns,
        actors=args.actors,
        entities=args.entities,
        backoff=args.backoff,
        classifier=args.classifier,
        min_confidence=args.min_confidence,
    )


def _report(err: DocumentError, stderr: IO[str]) -> None:
    stderr.write(f"eventwire: error: {err}\n")


def cmd_read(args: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    failed = 0
    limits = Settings.from_env(max_document_bytes=args.max_document_bytes, languages=args.languages).limits()
    for item in read_articles(args.paths, limits):
        if isinstance(item, DocumentError):
            failed += 1
            _report(item, stderr)
            continue
        stdout.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
    return EXIT_DOC_FAILED if failed else EXIT_OK


def cmd_code(args: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    pipeline = Pipeline(_settings(args))
    pipeline.check_model()  # an unknown model is a usage error even with no text
    progress = Progress(stderr, enabled=stderr.isatty())
    _warn_imported(pipeline, stderr)
    try:
        out: IO[str] = open(args.output, "w", encoding="utf-8") if args.output else stdout  # noqa: SIM115
    except OSError as exc:
        raise InputError(f"{args.output}: cannot write: {exc.strerror}") from exc
    failed = 0
    try:
        first = True
        for item in code_stream(read_articles(args.paths, pipeline.settings.limits()), pipeline, progress):
            if isinstance(item, DocumentError):
                failed += 1
                _report(item, stderr)
                continue
            write_events(item.events, out, args.format, header=first)
            first = False
    finally:
        progress.close()
        if out is not stdout:
            out.close()
    return EXIT_DOC_FAILED if failed else EXIT_OK


def cmd_demo(args: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    pipeline = Pipeline(_settings(args))
    store = None if args.no_store else (args.store or pipeline.settings.store_path())
    summary, failures = run_demo(pipeline, Path(args.output), store)
    for err in failures:
        _report(err, stderr)
    if args.json:
        stdout.write(json.dumps(summary.to_dict(), indent=2) + "\n")
    else:
        stdout.write(summary.render() + "\n")
    return EXIT_DOC_FAILED if failures else EXIT_OK


def cmd_evaluate(args: argparse.Namespace, stdout: IO[str]) -> int:
    from eventwire.evaluate import build_pipeline, evaluate_file, render

    if not Path(args.path).is_file():
        raise InputError(f"{args.path}: no such gold file")
    if args.format == "articles" and args.check:
        from eventwire.evaluate.article_gold import known_codes, load_article_gold

        gold = load_article_gold(args.path, known_codes())
        n_events = sum(len(a.events) for a in gold)
        stdout.write(f"{args.path}: {len(gold)} articles, {n_events} events, no problems\n")
        return EXIT_OK
    pipeline = build_pipeline(
        args.model,
        args.patterns,
        args.petrarch_verbs,
        not args.no_default_patterns,
        backoff=args.backoff,
        min_confidence=args.min_confidence,
        classifier=args.classifier,
    )
    result = evaluate_file(
        args.format, args.path, pipeline, spans=args.spans, limit=args.limit, articles=args.articles
    )
    stdout.write((json.dumps(result.to_dict()) if args.json else render(result)) + "\n")
    return EXIT_OK


def _date(value: Any, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise InputError(f"{where}: date {value!r} is not YYYY-MM-DD") from exc


def cmd_actor(args: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    from eventwire.actors.lookup import resolve_actor

    if (args.text is None) == (args.jsonl is None):
        raise InputError("actor: give TEXT or --jsonl FILE (one of them)")
    pipeline = Pipeline(Settings.from_env(model=args.model, actors=args.actors, entities=args.entities))
    _warn_imported(pipeline, stderr)
    if args.text is not None:
        answer = resolve_actor(
            pipeline.language, pipeline.resources, args.text, _date(args.date, "--date"), args.context
        )
        if args.json:
            stdout.write(json.dumps(answer.to_dict(), ensure_ascii=False) + "\n")
        else:
            kind = f" ({answer.type})" if answer.type else ""
            stdout.write(f"{answer.code or '-'}{kind}\tcountry={answer.country or '-'} ")
            stdout.write(f"sector={answer.sector or '-'}\t{answer.matched_by}\n")
        return EXIT_OK
    failed = 0
    try:
        stream: IO[str] = sys.stdin if args.jsonl == "-" else open(args.jsonl, encoding="utf-8")  # noqa: SIM115
    except OSError as exc:
        raise InputError(f"{args.jsonl}: cannot read: {exc.strerror}") from exc
    try:
        for n, line in enumerate(_lines(stream, args.jsonl), start=1):
            # one output line per input line, in order: an answer, or an error object naming the line
            where = f"{args.jsonl}:{n}"
            try:
                if not line.strip():
                    raise InputError("empty line")
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"not JSON ({exc.msg} at character {exc.pos + 1})") from exc
                if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
                    raise InputError('expected an object with a "text" string')
                answer = resolve_actor(
                    pipeline.language,
                    pipeline.resources,
                    rec["text"],
                    _date(rec.get("date"), "date"),
                    rec.get("context"),
                )
            except (ValueError, InputError) as exc:
                failed += 1
                stderr.write(f"eventwire: error: {where}: {exc}\n")
                error = {"line": n, "error": {"code": getattr(exc, "code", "E000"), "message": str(exc)}}
                stdout.write(json.dumps(error, ensure_ascii=False) + "\n")
                continue
            stdout.write(json.dumps({"line": n, **answer.to_dict()}, ensure_ascii=False) + "\n")
    finally:
        if stream is not sys.stdin:
            stream.close()
    return EXIT_DOC_FAILED if failed else EXIT_OK


def _lines(stream: IO[str], name: str) -> Iterator[str]:
    try:
        yield from stream
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc


def _warn_imported(pipeline: Pipeline, stderr: IO[str]) -> None:
    """Report the lines of the user's actor dictionaries that the importer skipped."""
    imported = pipeline.resources.imported_actors
    for problem in imported.problems if imported is not None else ():
        stderr.write(f"eventwire: warning: skipped {problem}\n")


def cmd_settings(stdout: IO[str]) -> int:
    for row in describe():
        stdout.write(f"{row['name']:<16} {row['env']:<26} default={row['default']!r}\n    {row['help']}\n")
    return EXIT_OK


def main(
    argv: Sequence[str] | None = None, stdout: IO[str] | None = None, stderr: IO[str] | None = None
) -> int:
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    args = build_parser().parse_args(argv)
    try:
        if args.command == "read":
            return cmd_read(args, stdout, stderr)
        if args.command == "code":
            return cmd_code(args, stdout, stderr)
        if args.command == "demo":
            return cmd_demo(args, stdout, stderr)
        if args.command == "evaluate":
            return cmd_evaluate(args, stdout)
        if args.command == "actor":
            return cmd_actor(args, stdout, stderr)
        if args.command == "entities":
            return cmd_entities(args, stdout)
        if args.command in STORE_COMMANDS:
            if args.command in {"ingest", "watch"}:
                settings = replace(_settings(args), store=args.store or Settings.from_env().store)
            else:
                settings = Settings.from_env(store=args.store)
            return run_store_command(args, stdout, stderr, settings)
        return cmd_settings(stdout)
    except EventwireError as exc:
        stderr.write(f"eventwire: error: {exc}\n")
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK


def entry() -> None:
    sys.exit(main())


__all__ = ["CodedArticle", "build_parser", "main"]
