"""Throughput of `eventwire code` beside the bare spaCy pass over the same texts, in one run.

Usage: python benchmarks/bench_code.py [--corpus ../shared/corpora/wikinews-sample] [--model NAME]
Prints one JSON object: articles, seconds and articles/s for the bare spaCy pass (nlp.pipe over the
texts) and for the full `eventwire code` path (JSONL read + extraction + spaCy pass + actors + events +
dates), their ratio, and events coded.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
import time
from pathlib import Path

from eventwire.models import Article
from eventwire.nlp.pipeline import load_pipeline
from eventwire.pipeline import CodedArticle, Pipeline
from eventwire.settings import Settings

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "wikinews-sample"


def load_articles(folder: Path) -> list[Article]:
    csv.field_size_limit(sys.maxsize)
    articles = []
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8") as fh:
            for i, row in enumerate(csv.DictReader(fh)):
                articles.append(
                    Article(
                        id=f"{path.stem}-{i}",
                        title=row["title"],
                        text=row["text"],
                        source=row["url"],
                        published=row["date"],
                        url=row["url"],
                    )
                )
    return articles


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    if not args.corpus.exists():
        print(json.dumps({"error": f"corpus not found: {args.corpus}"}))
        return
    articles = load_articles(args.corpus)
    settings = Settings.from_env(model=args.model)
    nlp = load_pipeline(settings.model)
    pipeline = Pipeline(settings)
    nlp.pipe(["warm up"])  # load lazily-initialised parts outside the timings
    list(pipeline.code_articles(articles[:2]))

    t0 = time.perf_counter()
    for _ in nlp.pipe((a.text for a in articles), batch_size=settings.batch_size):
        pass
    bare = time.perf_counter() - t0

    # The full `eventwire code` path: the corpus as the JSONL bulk format, read, extracted, parsed, coded.
    with tempfile.TemporaryDirectory() as tmp:
        bulk = Path(tmp) / "wikinews.jsonl"
        with bulk.open("w", encoding="utf-8") as fh:
            for a in articles:
                record = {"id": a.id, "title": a.title, "text": a.text, "date": a.published, "url": a.url}
                fh.write(json.dumps(record) + "\n")
        t0 = time.perf_counter()
        events = coded = 0
        for item in pipeline.run([str(bulk)]):
            if isinstance(item, CodedArticle):
                coded += 1
                events += len(item.events)
        full = time.perf_counter() - t0

    chars = sum(len(a.text) for a in articles)
    print(
        json.dumps(
            {
                "benchmark": "code-throughput",
                "corpus": str(args.corpus),
                "model": settings.model,
                "articles": len(articles),
                "chars": chars,
                "bare_spacy": {"seconds": round(bare, 2), "articles_per_s": round(len(articles) / bare, 1)},
                "eventwire_code": {
                    "seconds": round(full, 2),
                    "articles_per_s": round(coded / full, 1),
                    "articles": coded,
                    "events": events,
                },
                "ratio_full_to_bare_time": round(full / bare, 3),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
