"""Actor resolution scored against hand-coded actor mentions: the team's dev set or the PLOVER GSR.

Two gold formats are read (``eventwire evaluate actors FILE``):

- the team's JSON lines (``tests/gold/actors-dev.jsonl``, see ``tests/gold/README.md``): ``text``,
  ``context`` (a sentence containing it), ``date``, ``country``, ``sector``; lines with ``skip`` (not an
  actor) are left out;
- the PLOVER GSR JSON: every source and target ``actorText`` found in its record's ``text``, with the
  record's codes (old CAMEO country codes mapped to ISO; sector ``***`` is unknown; ``JRN`` is MED,
  ``CIV`` CVL, ``MOS`` REL), resolved without a date, as the records are undated.

Each mention is resolved the way ``eventwire actor TEXT --context SENTENCE --date DATE`` does, or, with
``articles`` (``--articles DIR``: the Wikinews sample's CSV files), inside its whole article as the coder
codes it: the actor of a coded event whose span covers the mention (a sector-only actor then has the
country of the event's place or story), else the article's resolved mention there.  Scores:
``country_accuracy`` over mentions with a gold country (a named international body counts as its type:
UNO is IGO), ``sector_accuracy`` over mentions with a gold sector, ``coverage`` (any code given), and
``both_accuracy`` over mentions with both.  ``metrics`` is the per-country classification.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.actors.lookup import ActorAnswer, resolve_actor
from eventwire.errors import InputError
from eventwire.evaluate.common import EvalResult
from eventwire.evaluate.gsr import OLD_CAMEO_COUNTRIES
from eventwire.evaluate.metrics import classification
from eventwire.models import ActorMention, Article
from eventwire.pipeline import Pipeline

GSR_SECTORS = {"JRN": "MED", "CIV": "CVL", "MOS": "REL", "***": ""}


@dataclass(frozen=True, slots=True)
class GoldMention:
    text: str
    context: str
    date: dt.date | None
    country: str
    sector: str
    where: str
    url: str = ""


def load_actor_gold(path: str | Path) -> list[GoldMention]:
    """The mentions of a dev-set JSONL file or of the PLOVER GSR JSON (told apart by content)."""
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read: {exc}") from exc
    return _gsr(raw, str(path)) if raw.lstrip().startswith("[") else _dev(raw, str(path))


def _dev(raw: str, path: str) -> list[GoldMention]:
    out: list[GoldMention] = []
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            if rec.get("skip"):
                continue
            date = dt.date.fromisoformat(rec["date"]) if rec.get("date") else None
            out.append(
                GoldMention(
                    rec["text"],
                    rec["context"],
                    date,
                    rec["country"],
                    rec["sector"],
                    f"{path}:{n}",
                    rec.get("url", ""),
                )
            )
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise InputError(f"{path}:{n}: not a gold actor line ({exc})") from exc
    return out


def _gsr(raw: str, path: str) -> list[GoldMention]:
    try:
        records = json.loads(raw)
    except ValueError as exc:
        raise InputError(f"{path}: not JSON: {exc}") from exc
    out: list[GoldMention] = []
    for rec in records:
        text = rec.get("text", "") if isinstance(rec, dict) else ""
        for role in ("source", "target"):
            actors = rec.get(role) if text else None
            for actor in actors if isinstance(actors, list) else []:
                mention = str(actor.get("actorText", "")).strip() if isinstance(actor, dict) else ""
                if not mention or mention not in text:
                    continue
                country = str(actor.get("code") or "")[:3].upper()
                sector = str(actor.get("sector") or "")[:3].upper()
                out.append(
                    GoldMention(
                        mention,
                        text,
                        None,
                        OLD_CAMEO_COUNTRIES.get(country, country),
                        GSR_SECTORS.get(sector, sector),
                        f"{path}:{rec.get('id', '')}:{role}",
                    )
                )
    return out


def load_articles(folder: str | Path) -> dict[str, tuple[str, str]]:
    """url -> (text, date) of the CSV files (``url,date,title,text``) in ``folder``."""
    csv.field_size_limit(1 << 30)
    out: dict[str, tuple[str, str]] = {}
    for path in sorted(Path(folder).glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                out[row["url"]] = (row["text"], row["date"])
    if not out:
        raise InputError(f"{folder}: no CSV articles (url,date,title,text)")
    return out


class _InArticles:
    """Each article coded once; the code the coder gives the actor at a character span."""

    def __init__(self, pipeline: Pipeline, articles: dict[str, tuple[str, str]]) -> None:
        self.pipeline = pipeline
        self.articles = articles
        self._coded: dict[str, list[ActorMention]] = {}

    def answer(self, g: GoldMention) -> ActorAnswer | None:
        found = self.articles.get(g.url)
        if found is None:
            return None
        text, date = found
        where = text.find(g.context.strip())
        start = text.find(g.text, max(where, 0))
        if where < 0 or start < 0:
            return None
        if g.url not in self._coded:
            article = Article(id=g.url, title="", text=text, source=g.url, published=date, url=g.url)
            doc = self.pipeline.language(text)
            events, mentions = self.pipeline.coder.code_with_actors(article, doc)
            sides = [m for e in events for m in (e.source, e.target) if m is not None]
            self._coded[g.url] = [*sides, *mentions]  # event actors first: they carry the place's country
        end = start + len(g.text)
        covering = [m for m in self._coded[g.url] if m.start < end and start < m.end and not m.members]
        if not covering:
            return ActorAnswer(g.text, "", "", "", "")
        best = min(covering, key=lambda m: abs((m.end - m.start) - (end - start)))
        return ActorAnswer(g.text, best.country, best.sector, "", best.matched_by)


def evaluate_actors(
    pipeline: Pipeline, gold: list[GoldMention], articles: dict[str, tuple[str, str]] | None = None
) -> EvalResult:
    started = time.perf_counter()
    agents = pipeline.resources.agents
    in_articles = _InArticles(pipeline, articles) if articles else None
    items: list[dict[str, Any]] = []
    gold_countries: list[str] = []
    predicted_countries: list[str] = []
    country_ok = country_n = sector_ok = sector_n = both_ok = both_n = covered = 0
    for g in gold:
        answer = in_articles.answer(g) if in_articles is not None else None
        if answer is None:
            answer = resolve_actor(pipeline.language, pipeline.resources, g.text, g.date, g.context)
        country = agents.organisation_type(answer.country) or answer.country
        covered += bool(answer.country or answer.sector)
        if g.country:
            country_n += 1
            country_ok += country == g.country
            gold_countries.append(g.country)
            predicted_countries.append(country or "NONE")
        if g.sector:
            sector_n += 1
            sector_ok += answer.sector == g.sector
        if g.country and g.sector:
            both_n += 1
            both_ok += country == g.country and answer.sector == g.sector
        items.append({
            "text": g.text, "where": g.where, "gold": f"{g.country}/{g.sector}",
            "predicted": f"{country}/{answer.sector}", "matched_by": answer.matched_by,
        })  # fmt: skip
    return EvalResult(
        format="actors",
        metrics=classification(gold_countries, predicted_countries),
        counts={
            "mentions": len(gold),
            "with_country": country_n,
            "with_sector": sector_n,
            "covered": covered,
        },
        scores={
            "country_accuracy": country_ok / country_n if country_n else 0.0,
            "sector_accuracy": sector_ok / sector_n if sector_n else 0.0,
            "both_accuracy": both_ok / both_n if both_n else 0.0,
            "coverage": covered / len(gold) if gold else 0.0,
        },
        items=items,
        seconds=time.perf_counter() - started,
    )


__all__ = ["GoldMention", "evaluate_actors", "load_actor_gold", "load_articles"]
