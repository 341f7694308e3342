"""Throughput of the coder against the bare spaCy pass, on the same inputs, in one run.

Usage: python benchmarks/throughput.py [--corpora ../shared/corpora] [--reuters 2000] [--model NAME]
                                       [--sets wikinews,reuters] [--measures a,b,...]

Sets: the Wikinews sample (``wikinews-sample``, 2019-2020 articles) and the first N bodies of
Reuters-21578 (``reuters21578/sgm``).  Each set is written once as a JSONL file; every measure
then runs in a fresh subprocess (so peak memory is its own) over that file:

- ``bare_full``: ``nlp.pipe`` with every component of the pipeline over the article texts;
- ``bare_used``: ``nlp.pipe`` with the components the coder runs (tok2vec, tagger, parser, NER;
  the attribute ruler and lemmatizer are replaced by the memoised table) over the full texts;
- ``selective``: the coder's parse only (``Pipeline.nlp``: those components on the sentences
  that can hold an event, plus the table);
- ``bare_full_x2`` / ``bare_parse_x2``: two processes at once, each over every other article, with
  every component / with tok2vec, tagger and parser only: what this machine's two cores give the
  bare pipeline (wall time of the slower half; the hardware ceiling the coder is measured against);
- ``code``: ``eventwire code`` in one process (read, extract, parse, code; model load excluded);
- ``ingest_1``: ``eventwire ingest`` in one process into a new store, timed end to end (start-up,
  model load and store writes included), and ``ingest_workers_1`` / ``ingest_workers_2``: the same
  on a local Dask cluster of 1 / 2 workers.

For each: seconds, articles/s, words/s, peak RSS (MB; for Dask, of each worker), events where
coded; then the ratios to ``bare_full`` and ``ingest_workers_2 / ingest_workers_1``.  Prints JSON.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

DEFAULT_CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"
MEASURES = (
    "bare_full",
    "bare_full_x2",
    "bare_parse_x2",
    "bare_used",
    "selective",
    "code",
    "ingest_1",
    "ingest_workers_1",
    "ingest_workers_2",
)


def wikinews(corpora: Path, limit: int) -> list[dict[str, str]]:
    csv.field_size_limit(sys.maxsize)
    out = []
    for path in sorted((corpora / "wikinews-sample").glob("*.csv")):
        with path.open(encoding="utf-8") as fh:
            for i, row in enumerate(csv.DictReader(fh)):
                out.append(
                    {
                        "id": f"{path.stem}-{i}",
                        "title": row["title"],
                        "text": row["text"],
                        "date": row["date"],
                    }
                    | {"url": row["url"]}
                )
    return out[:limit] if limit else out


def reuters(corpora: Path, limit: int) -> list[dict[str, str]]:
    from eventwire.evaluate.reuters import reuters_stories

    out: list[dict[str, str]] = []
    for story in reuters_stories(corpora / "reuters21578" / "sgm"):
        out.append({k: str(v) for k, v in story.items() if k != "places"})
        if len(out) >= limit:
            break
    return out


def _peak_mb(who: int = resource.RUSAGE_SELF) -> int:
    return round(resource.getrusage(who).ru_maxrss / 1024)


def run_measure(name: str, jsonl: Path, model: str | None, half: int = -1) -> dict[str, Any]:
    """One measure, in this (fresh) process (``half`` 0/1: every other article only)."""
    from eventwire.models import Article
    from eventwire.nlp.fastattrs import FastAttributes
    from eventwire.pipeline import CodedArticle, Pipeline
    from eventwire.settings import Settings

    records = [json.loads(line) for line in jsonl.read_text("utf-8").splitlines()]
    texts = [r["text"] for r in records]
    if half >= 0:
        texts = texts[half::2]
    if name.startswith("ingest"):
        store = Path(tempfile.mkdtemp(prefix="ew-bench-store-"))
        cmd = [sys.executable, "-m", "eventwire", "ingest", str(jsonl), "--store", str(store), "--json"]
        if model:
            cmd += ["--model", model]
        if name.startswith("ingest_workers_"):
            cmd += ["--workers", name.rsplit("_", 1)[1]]
        t0 = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - t0
        shutil.rmtree(store, ignore_errors=True)
        if done.returncode not in (0, 1):  # 1: some documents failed (reported in the summary)
            return {"error": done.stderr[-2000:]}
        summary = json.loads(done.stdout)
        rss = summary.get("worker_peak_rss_mb") or []
        return {
            "seconds": seconds,
            "stored": summary["stored"],
            "events": summary["events"],
            "main_peak_rss_mb": _peak_mb(resource.RUSAGE_CHILDREN),
            "worker_peak_rss_mb": rss if name.startswith("ingest_workers_") else [],
            "timeline": summary.get("timeline", {}),
        }
    settings = Settings.from_env(model=model)
    pipeline = Pipeline(settings)
    language = pipeline.language
    used = FastAttributes(language)
    disable = list(used.replaced)
    events: int | None = None
    list(language.pipe(["Warm up the pipeline. China met Russia."]))
    t0 = time.perf_counter()
    if name == "bare_full":
        for _ in language.pipe(texts, batch_size=settings.batch_size):
            pass
    elif name == "bare_parse":
        parse_only = [n for n in language.pipe_names if n not in {"tok2vec", "tagger", "parser"}]
        for _ in language.pipe(texts, batch_size=settings.batch_size, disable=parse_only):
            pass
    elif name == "bare_used":
        for doc in language.pipe(texts, batch_size=settings.batch_size, disable=disable):
            used(doc)
    elif name == "selective":
        for _ in pipeline.nlp.pipe(texts, batch_size=settings.batch_size):
            pass
    elif name == "code":
        articles = [
            Article(r["id"], r["title"], r["text"], r["id"], r.get("date") or None, url=r.get("url"))
            for r in records
        ]
        events = 0
        for item in pipeline.code_articles(articles):
            if isinstance(item, CodedArticle):
                events += len(item.events)
    else:
        raise SystemExit(f"unknown measure {name}")
    out: dict[str, Any] = {"seconds": time.perf_counter() - t0, "peak_rss_mb": _peak_mb()}
    if events is not None:
        out["events"] = events
    if name == "selective":
        out["tokens_parsed_share"] = round(pipeline.nlp.tokens_parsed / max(1, pipeline.nlp.tokens_seen), 3)
    return out


def _measure(name: str, jsonl: Path, model: str | None) -> dict[str, Any]:
    """Run measure ``name`` in a fresh subprocess (``*_x2``: two at once, on alternate halves)."""
    halves = (0, 1) if name.endswith("_x2") else (-1,)
    procs = []
    for half in halves:
        cmd = [sys.executable, __file__, "--run", name.removesuffix("_x2"), "--jsonl", str(jsonl)]
        cmd += ["--model", model] if model else []
        cmd += ["--half", str(half)] if half >= 0 else []
        procs.append(subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    runs: list[dict[str, Any]] = []
    for proc in procs:
        out, err = proc.communicate()
        try:
            runs.append(json.loads(out.strip().splitlines()[-1]))
        except (IndexError, json.JSONDecodeError):
            return {"error": err[-2000:]}
    if len(runs) == 1:
        return runs[0]
    return {
        "seconds": max(r["seconds"] for r in runs),
        "halves_seconds": [round(r["seconds"], 2) for r in runs],
        "peak_rss_mb": max(r["peak_rss_mb"] for r in runs),
    }


def bench_set(records: list[dict[str, str]], measures: list[str], model: str | None) -> dict[str, Any]:
    words = sum(len(r["text"].split()) for r in records)
    result: dict[str, Any] = {"articles": len(records), "words": words, "measures": {}}
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "articles.jsonl"
        jsonl.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
        for name in measures:
            got = _measure(name, jsonl, model)
            if "seconds" in got:
                got["articles_per_s"] = round(len(records) / got["seconds"], 2)
                got["words_per_s"] = round(words / got["seconds"])
                got["seconds"] = round(got["seconds"], 2)
            result["measures"][name] = got
    m = result["measures"]
    base = m.get("bare_full", {}).get("seconds")
    if base:
        result["speed_vs_bare_full"] = {
            k: round(base / v["seconds"], 2) for k, v in m.items() if k != "bare_full" and "seconds" in v
        }
    w1, w2 = m.get("ingest_workers_1", {}).get("seconds"), m.get("ingest_workers_2", {}).get("seconds")
    if w1 and w2:
        result["workers_2_vs_1"] = round(w1 / w2, 2)
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--reuters", type=int, default=2000, help="Reuters-21578 bodies to use")
    parser.add_argument("--wikinews", type=int, default=0, help="Wikinews articles to use (0 = all)")
    parser.add_argument("--model", default=None)
    parser.add_argument("--sets", default="wikinews,reuters")
    parser.add_argument("--measures", default=",".join(MEASURES))
    parser.add_argument("--run", help=argparse.SUPPRESS)
    parser.add_argument("--jsonl", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--half", type=int, default=-1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        print(json.dumps(run_measure(args.run, args.jsonl, args.model, args.half)))
        return
    if not args.corpora.exists():
        print(json.dumps({"error": f"corpora not found: {args.corpora}"}))
        return
    loaders = {
        "wikinews": lambda: wikinews(args.corpora, args.wikinews),
        "reuters": lambda: reuters(args.corpora, args.reuters),
    }
    measures = [m for m in args.measures.split(",") if m]
    report: dict[str, Any] = {"cpus": os.cpu_count(), "model": args.model or "default"}
    for name in [s for s in args.sets.split(",") if s]:
        report[name] = bench_set(loaders[name](), measures, args.model)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
