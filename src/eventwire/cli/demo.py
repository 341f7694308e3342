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
        return "\n".join(lines)


def run_demo(pipeline: Pipeline, output: Path) -> tuple[DemoSummary, list[DocumentError]]:
    summary = DemoSummary(output=str(output))
    failures: list[DocumentError] = []
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("w", encoding="utf-8") as out:
        for item in pipeline.run(demo_files()):
            if isinstance(item, DocumentError):
                failures.append(item)
                continue
            summary.add(item)
            for e in item.events:
                out.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")
    return summary, failures
