"""Write the sentences of the Wikinews sample that the team annotates for the classifier corpus.

Reads the Wikinews 2019-2020 sample (``../shared/corpora/wikinews-sample``, CC BY 2.5), leaves out
the articles of the article gold standard (``tests/gold/articles/wikinews-gold.jsonl``), parses
each article with the project's pipeline and writes every event-bearing sentence (one the selective
parser parses and that holds at least one actor mention) with its actor mentions as numbered
spans, so that an annotator can label every ordered pair.  The coder's own events are **not**
written: annotators label from the sentence and ``training/README.md`` alone.

    .venv/bin/python training/build_candidates.py [--parts 8]   # -> training/candidates/{pairs,single}-*.jsonl
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "wikinews-sample"
GOLD = ROOT / "tests" / "gold" / "articles" / "wikinews-gold.jsonl"


def _key(url: str) -> str:
    return url.replace("//wiki/", "/wiki/").rstrip("/")


def articles() -> list[dict[str, str]]:
    gold_urls = {
        _key(json.loads(line)["url"]) for line in GOLD.read_text(encoding="utf-8").splitlines() if line
    }
    rows: list[dict[str, str]] = []
    csv.field_size_limit(sys.maxsize)
    for name in ("wikinews_2019.csv", "wikinews_2020.csv"):
        with (CORPUS / name).open(encoding="utf-8", newline="") as fh:
            rows.extend(r for r in csv.DictReader(fh) if _key(r["url"]) not in gold_urls)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parts", type=int, default=8)
    parser.add_argument("--out", default=str(HERE / "candidates"))
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from eventwire.models import Article
    from eventwire.pipeline import Pipeline

    pipeline = Pipeline()
    rows = articles()
    items = [
        Article(source=r["url"], text=r["text"], title=r["title"], published=r["date"], id=f"wn{i:03d}")
        for i, r in enumerate(rows)
    ]
    out: list[dict[str, object]] = []
    for coded in pipeline.code_articles(items):
        if not hasattr(coded, "mentions"):
            continue
        art = coded.article
        for n, (start, end) in enumerate(coded.sentences):
            spans = sorted(
                {(m.start, m.end) for m in coded.mentions if start <= m.start and m.end <= end},
            )
            kept: list[tuple[int, int]] = []
            for s, e in spans:  # drop a span nested in a kept one
                if kept and s < kept[-1][1]:
                    if e - s > kept[-1][1] - kept[-1][0]:
                        kept[-1] = (s, e)
                    continue
                kept.append((s, e))
            if not kept:
                continue
            text = art.text[start:end]
            actors = [
                {"id": f"A{k}", "text": art.text[s:e], "start": s - start, "end": e - start}
                for k, (s, e) in enumerate(kept)
            ]
            out.append(
                {
                    "sid": f"{art.id}-s{n:03d}",
                    "url": art.source,
                    "date": art.published,
                    "sentence": text,
                    "actors": actors,
                }
            )
    dest = Path(args.out)
    dest.mkdir(parents=True, exist_ok=True)
    for old in dest.glob("*.jsonl"):
        old.unlink()
    several = [r for r in out if len(r["actors"]) >= 2]  # type: ignore[arg-type]
    single = [r for r in out if len(r["actors"]) == 1]  # type: ignore[arg-type]
    for prefix, rows_ in (("pairs", several), ("single", single)):
        size = -(-len(rows_) // args.parts)
        for p in range(args.parts):
            with (dest / f"{prefix}-{p + 1}.jsonl").open("w", encoding="utf-8") as fh:
                for row in rows_[p * size : (p + 1) * size]:
                    fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    pairs = sum(len(r["actors"]) ** 2 for r in out)  # type: ignore[arg-type]
    sys.stderr.write(json.dumps({"articles": len(items), "sentences": len(out), "pair_rows": pairs}) + "\n")


if __name__ == "__main__":
    main()
