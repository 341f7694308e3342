"""``eventwire demo``: code the bundled real news and summarise what came out."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire.errors import DocumentError
from eventwire.models import Event
from eventwire.pipeline import CodedArticle, Pipeline

QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


DEMO_SUFFIXES = (".txt", ".jsonl")


def demo_files() -> list[str]:
    """The bundled demo articles (the seed page dump and a Wikinews JSONL, see ATTRIBUTION.md)."""
    folder = Path(str(resources.files("eventwire") / "data" / "demo"))
    return sorted(str(p) for p in folder.iterdir() if p.suffix in DEMO_SUFFIXES)


@dataclass
class DemoSummary:
    articles: int = 0
    events: int = 0
    asserted: int = 0
    by_quad: Counter[int] = field(default_factory=Counter)
    dyads: Counter[str] = field(default_factory=Counter)
    seed_events: list[Event] = field(default_factory=list)
    output: str = ""
    store: dict[str, Any] = field(default_factory=dict)

    def add(self, coded: CodedArticle) -> None:
        self.articles += 1
        for e in coded.events:
            self.events += 1
            self.asserted += e.status == "asserted"
            self.by_quad[e.quad_class] += 1
            if e.target is not None and e.source.country and e.target.country:
                self.dyads[f"{e.source.country}-{e.target.country}"] += 1
        if "china-russia" in coded.article.source:
            self.seed_events = coded.events

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "events": self.events,
            "asserted": self.asserted,
            "by_quad_class": {str(q): self.by_quad.get(q, 0) for q in QUAD_NAMES},
            "top_dyads": self.dyads.most_common(10),
            "output": self.output,
            "store": self.store,
        }

    def render(self) -> str:
        lines = [
            f"eventwire demo: {self.articles} articles, {self.events} events "
            f"({self.asserted} asserted) -> {self.output}",
            "events by quad class:",
        ]
        lines += [f"  {q} {name:<22} {self.by_quad.get(q, 0)}" for q, name in QUAD_NAMES.items()]
        lines.append("top dyads (source-target countries):")
        lines += [f"  {dyad:<10} {n}" for dyad, n in self.dyads.most_common(10)]
        if self.seed_events:
            lines.append("founding example (CGTN, 2020-12-23):")
            for e in self.seed_events:
                target = e.target.code if e.target else "-"
                lines.append(
                    f"  {e.date} {e.source.code:<7} {e.cameo:<4} {target:<7} {e.plover.event:<9} "
                    f"{e.status:<9} {e.cameo_name} [{e.trigger}]"
                )
        if self.store:
            lines += _render_store(self.store)
        return "\n".join(lines)


def run_demo(
    pipeline: Pipeline, output: Path, store_dir: str | None = None
) -> tuple[DemoSummary, list[DocumentError]]:
    """Code the bundled articles, write their events to ``output`` (JSONL) and, with ``store_dir``,
    store them there (idempotent: a second demo adds nothing) and add the store's first trends."""
    summary = DemoSummary(output=str(output))
    failures: list[DocumentError] = []
    results: list[CodedArticle | DocumentError] = []
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("w", encoding="utf-8") as out:
        for item in pipeline.run(demo_files()):
            results.append(item)
            if isinstance(item, DocumentError):
                failures.append(item)
                continue
            summary.add(item)
            for e in item.events:
                out.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")
    if store_dir is not None:
        summary.store = _store_and_trend(results, store_dir)
    return summary, failures


def _store_and_trend(results: list[CodedArticle | DocumentError], store_dir: str) -> dict[str, Any]:
    from eventwire.query.events import EventFilter, count_events
    from eventwire.query.trends import dyad_trend, rising
    from eventwire.store.ingest import ingest_coded
    from eventwire.store.store import StoreReader

    ingested = ingest_coded(results, store_dir)
    with StoreReader(store_dir) as reader:
        with reader.cursor() as cur:
            row = cur.execute("SELECT count(*) FROM articles").fetchone()
        return {
            "ingest": {k: v for k, v in ingested.to_dict().items() if k != "failures"},
            "articles": int(row[0]) if row else 0,
            "events": count_events(reader, EventFilter()),
            "dyad": "CHN,RUS",
            "dyad_trend": dyad_trend(reader, EventFilter.parse(dyad="CHN,RUS"), "month"),
            "rising": rising(reader, window=30, baseline=365, top=5),
        }


def _render_store(store: dict[str, Any]) -> list[str]:
    ing = store["ingest"]
    lines = [
        f"store {ing['store']}: this run read {ing['read']}, stored {ing['stored']}, duplicates "
        f"{ing['duplicates']}, failed {ing['failed']}; the store holds {store['articles']} articles, "
        f"{store['events']} events",
        f"trend {store['dyad']} (events per month, quad 1/2/3/4, mean Goldstein):",
    ]
    for r in store["dyad_trend"]:
        q = r["by_quad"]
        lines.append(
            f"  {r['period'][:7]}  {r['events']:>3}  {q['1']}/{q['2']}/{q['3']}/{q['4']}  "
            f"{r['mean_goldstein']:+.2f}"
        )
    rise = store["rising"]
    if rise["window"]:
        lines.append(f"rising {rise['window']['from']}..{rise['window']['to']} against the year before:")
        for kind in ("actors", "dyads", "themes", "terms"):
            items = ", ".join(f"{d['key']} x{d['lift']:g}" for d in rise[kind])
            lines.append(f"  {kind:<7} {items or '-'}")
    lines.append("explore: eventwire events --dyad CHN,RUS; eventwire search Lavrov; eventwire serve")
    return lines
