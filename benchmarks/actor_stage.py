"""The actor stage's share of coding time, with and without the entity table, in one run.

Usage: python benchmarks/actor_stage.py [--corpus ../shared/corpora/wikinews-sample] [--repeat 3]
Prints one JSON object (``make bench-actors`` writes it to ``benchmarks/actor_stage.json``). The articles
are parsed once; then, for each configuration, every article is coded (``EventCoder.code``) and, apart,
its actors are resolved (``ArticleActors`` over the parsed article: every noun phrase, as the coder's
first pass does).  ``actor_share`` = actor seconds / coding seconds; ``share_ratio`` = the share with the
table over the share without it (issue 17: at most 1.2).  Best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import replace
from pathlib import Path

from bench_code import DEFAULT_CORPUS, load_articles

from eventwire.actors.mentions import ArticleActors
from eventwire.events.coder import EventCoder
from eventwire.events.dates import parse_article_date
from eventwire.pipeline import Pipeline
from eventwire.resources import Resources
from eventwire.settings import Settings


def _actors(resources: Resources, docs: list, articles: list) -> float:  # type: ignore[type-arg]
    started = time.perf_counter()
    for article, doc in zip(articles, docs, strict=True):
        base = parse_article_date(article.published)
        ArticleActors(
            doc, resources.countries, resources.agents, (), resources.people, base.date() if base else None,
            resources.imported_actors, resources.senses, resources.entities,
        )  # fmt: skip
    return time.perf_counter() - started


def _coding(coder: EventCoder, docs: list, articles: list) -> tuple[float, int]:  # type: ignore[type-arg]
    started = time.perf_counter()
    n = sum(len(coder.code(article, doc)) for article, doc in zip(articles, docs, strict=True))
    return time.perf_counter() - started, n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    articles = load_articles(args.corpus)
    pipeline = Pipeline(Settings.from_env(classifier="off"))  # the actor stage, not the model's
    docs = list(pipeline.nlp.pipe([a.text for a in articles], batch_size=16))
    out: dict[str, object] = {"articles": len(articles), "repeat": args.repeat}
    for name, resources in (
        ("without_table", replace(pipeline.resources, entities=None)),
        ("with_table", pipeline.resources),
    ):
        coder = EventCoder(resources)
        actor_s = min(_actors(resources, docs, articles) for _ in range(args.repeat))
        runs = [_coding(coder, docs, articles) for _ in range(args.repeat)]
        coding_s = min(r[0] for r in runs)
        out[name] = {
            "actor_seconds": round(actor_s, 3),
            "coding_seconds": round(coding_s, 3),
            "actor_share": round(actor_s / coding_s, 4),
            "events": runs[0][1],
        }
    with_t, without_t = out["with_table"], out["without_table"]
    out["share_ratio"] = round(with_t["actor_share"] / without_t["actor_share"], 3)  # type: ignore[index]
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
