"""Scoring the coder on whole articles against the article gold standard (docs/annotation.md §8).

Definitions (per article; figures are summed over the file):

- Coded mentions are merged into events as the store merges them (:mod:`eventwire.events.identity`:
  same source, target, CAMEO code to three digits, date at its precision, location country).
- An *asserted* coded event **matches** an *asserted* gold event of the same article with the same
  source country, target country (or both none) and CAMEO root; for the symmetric roots 04, 05 and 06
  the direction does not matter.  Matching is one to one, greedy, the pairs that agree on most other
  fields (full actor codes, CAMEO code, date, location, sentence) first.
- ``precision`` = matched coded / asserted coded events; ``recall`` = matched gold / asserted gold
  events; ``f1``.  ``code_*``: the same with full actor codes (country and sector) in the key.
- ``date_accuracy``: on matched events whose gold date is not null, the coded date equals the gold date
  at the same precision.  ``location_accuracy``: on matched events the gold locates, the coded
  location's country is the gold's.
- ``duplicate_rate``: gold events matched and also hit by a further, unmatched coded event with the
  same dyad and root (the coder reported one happening twice), over matched gold events.
- ``status_recall``: of the gold events that are *not* asserted, the share the coder also coded with
  a non-asserted status (same dyad and root); ``false_assertions``: such gold events the coder
  reported as asserted.
- ``*_no_statements``: the same precision, recall and F1 with CAMEO root 01 left out on both sides.
- The per-label table gives precision, recall and F1 per CAMEO root; ``accuracy`` there is matched /
  (gold + unmatched coded events).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from eventwire.errors import DocumentError
from eventwire.evaluate.article_gold import GoldArticle, GoldEvent, squash
from eventwire.evaluate.common import EvalResult
from eventwire.evaluate.metrics import classification
from eventwire.events.identity import event_identity
from eventwire.extract.article import extract_article
from eventwire.models import Article, Event, RawDocument
from eventwire.pipeline import CodedArticle, Pipeline

__all__ = ["SYMMETRIC_ROOTS", "article_of", "evaluate_articles", "match_events"]

SYMMETRIC_ROOTS = frozenset({"04", "05", "06"})


@dataclass(frozen=True, slots=True)
class _Side:
    """One event on either side of the comparison, reduced to what is compared."""

    source: tuple[str, str]  # (country, sector)
    target: tuple[str, str] | None
    cameo: str
    status: str
    date: str | None  # at its precision
    precision: str | None
    location: str | None  # country
    sentence: str
    label: str  # human-readable, for the error listing

    @property
    def root(self) -> str:
        return self.cameo[:2]

    def key(self, full: bool) -> tuple[str, ...]:
        src = "".join(self.source) if full else self.source[0]
        tgt = ("".join(self.target) if full else self.target[0]) if self.target is not None else "-"
        if self.root in SYMMETRIC_ROOTS and tgt != "-":
            src, tgt = sorted((src, tgt))
        return (src, tgt, self.root)


def _gold_side(e: GoldEvent) -> _Side:
    tgt = (e.target.country, e.target.sector) if e.target is not None else None
    label = (
        f"{e.source.country}{e.source.sector}:{e.source.text} {e.cameo} "
        f"{(e.target.country + e.target.sector + ':' + e.target.text) if e.target else '-'} [{e.trigger}]"
    )
    return _Side(
        (e.source.country, e.source.sector),
        tgt,
        e.cameo,
        e.status,
        e.date,
        e.date_precision,
        e.location.country if e.location is not None else None,
        squash(e.sentence),
        label,
    )


def _coded_side(e: Event) -> _Side:
    t = e.target
    period = event_identity(e).period or None
    label = (
        f"{e.source.code}:{e.source.text} {e.cameo} {(t.code + ':' + t.text) if t else '-'} "
        f"[{e.trigger}] {e.status} {e.pattern}"
    )
    return _Side(
        (e.source.country, e.source.sector),
        (t.country, t.sector) if t is not None else None,
        e.cameo,
        e.status,
        period,
        e.date_precision if e.date else None,
        e.location.country if e.location is not None else None,
        squash(e.sentence_text),
        label,
    )


def merge_mentions(events: Iterable[Event]) -> list[Event]:
    """One event per identity (the first mention stands for it), in text order."""
    seen: dict[tuple[str, str], Event] = {}
    for e in events:
        ident = event_identity(e)
        seen.setdefault((ident.key, e.status), e)
    return list(seen.values())


def _agreement(g: _Side, c: _Side) -> int:
    score = 0
    score += 4 * (g.key(True) == c.key(True))
    score += 2 * (g.cameo[:3] == c.cameo[:3])
    score += 2 * (g.date == c.date and g.precision == c.precision)
    score += 1 * (g.location == c.location)
    score += 3 * (c.sentence in g.sentence or g.sentence in c.sentence)
    return score


def match_events(gold: Sequence[_Side], coded: Sequence[_Side], full: bool = False) -> list[tuple[int, int]]:
    """One-to-one matches (gold index, coded index) on the (dyad, root) key, best agreement first."""
    pairs = []
    for gi, g in enumerate(gold):
        for ci, c in enumerate(coded):
            if g.key(full) == c.key(full):
                pairs.append((-_agreement(g, c), gi, ci))
    pairs.sort()
    used_g: set[int] = set()
    used_c: set[int] = set()
    out = []
    for _, gi, ci in pairs:
        if gi in used_g or ci in used_c:
            continue
        used_g.add(gi)
        used_c.add(ci)
        out.append((gi, ci))
    return out


def article_of(gold: GoldArticle) -> Article:
    """The article as ``eventwire code`` reads the gold file's record (a JSONL record)."""
    record = {k: str(v) for k, v in gold.record().items() if v is not None and k != "text"}
    return extract_article(
        RawDocument(source=f"gold:{gold.id}", kind="jsonl", content=gold.text, meta=record)
    )


@dataclass(slots=True)
class _Tally:
    gold: int = 0
    coded: int = 0
    matched: int = 0

    def scores(self, prefix: str) -> dict[str, float]:
        p = self.matched / self.coded if self.coded else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {f"{prefix}precision": p, f"{prefix}recall": r, f"{prefix}f1": f}


def evaluate_articles(pipeline: Pipeline, gold: Sequence[GoldArticle]) -> EvalResult:
    """Code every article of ``gold`` and score it (see the module docstring)."""
    started = time.perf_counter()
    articles = [article_of(g) for g in gold]
    coded_all: dict[str, list[Event]] = {}
    for item in pipeline.code_articles(articles):
        if isinstance(item, DocumentError):
            continue
        assert isinstance(item, CodedArticle)
        coded_all[item.article.id] = item.events
    root_tally, code_tally, plain_tally = _Tally(), _Tally(), _Tally()
    counts: Counter[str] = Counter()
    items: list[dict[str, Any]] = []
    gold_roots: list[str] = []  # per event of either side: its root, or NONE where the other side has none
    coded_roots: list[str] = []
    for g_article, article in zip(gold, articles, strict=True):
        mentions = coded_all.get(article.id, [])
        merged = [_coded_side(e) for e in merge_mentions(mentions)]
        gold_sides = [_gold_side(e) for e in g_article.events]
        g_asserted = [s for s in gold_sides if s.status == "asserted"]
        c_asserted = [s for s in merged if s.status == "asserted"]
        matches = match_events(g_asserted, c_asserted)
        root_tally.gold += len(g_asserted)
        root_tally.coded += len(c_asserted)
        root_tally.matched += len(matches)
        code_tally.gold += len(g_asserted)
        code_tally.coded += len(c_asserted)
        code_tally.matched += len(match_events(g_asserted, c_asserted, full=True))
        plain_g = [s for s in g_asserted if s.root != "01"]
        plain_c = [s for s in c_asserted if s.root != "01"]
        plain_tally.gold += len(plain_g)
        plain_tally.coded += len(plain_c)
        plain_tally.matched += len(match_events(plain_g, plain_c))
        _attributes(counts, g_asserted, c_asserted, matches)
        _statuses(counts, gold_sides, merged)
        _labels(gold_roots, coded_roots, g_asserted, c_asserted, matches)
        items.append(_item(g_article, g_asserted, c_asserted, matches))
    scores = {
        **root_tally.scores(""),
        **code_tally.scores("code_"),
        **{k + "_no_statements": v for k, v in plain_tally.scores("").items()},
        "date_accuracy": counts["date_right"] / counts["dated"] if counts["dated"] else 0.0,
        "location_accuracy": counts["place_right"] / counts["located"] if counts["located"] else 0.0,
        "duplicate_rate": counts["duplicates"] / root_tally.matched if root_tally.matched else 0.0,
        "status_recall": counts["status_right"] / counts["not_asserted"] if counts["not_asserted"] else 0.0,
    }
    return EvalResult(
        format="articles",
        metrics=classification(gold_roots, coded_roots),
        counts={
            "articles": len(gold),
            "gold_events": root_tally.gold,
            "coded_events": root_tally.coded,
            "matched": root_tally.matched,
            "coded_mentions": sum(len(v) for v in coded_all.values()),
            **{k: counts[k] for k in ("dated", "date_right", "located", "place_right", "duplicates")},
            **{k: counts[k] for k in ("not_asserted", "status_right", "false_assertions")},
        },
        scores=scores,
        items=items,
        seconds=time.perf_counter() - started,
    )


def _labels(
    gold_roots: list[str],
    coded_roots: list[str],
    gold: Sequence[_Side],
    coded: Sequence[_Side],
    matches: Sequence[tuple[int, int]],
) -> None:
    """Per-root precision and recall through the classification metrics: a matched pair is (root,
    root), a missed gold event (root, NONE), an unmatched coded event (NONE, root)."""
    mg = {gi for gi, _ in matches}
    mc = {ci for _, ci in matches}
    for gi, g in enumerate(gold):
        gold_roots.append(g.root)
        coded_roots.append(g.root if gi in mg else "NONE")
    for ci, c in enumerate(coded):
        if ci not in mc:
            gold_roots.append("NONE")
            coded_roots.append(c.root)


def _attributes(
    counts: Counter[str], gold: Sequence[_Side], coded: Sequence[_Side], matches: Sequence[tuple[int, int]]
) -> None:
    matched_coded = {ci for _, ci in matches}
    for gi, ci in matches:
        g, c = gold[gi], coded[ci]
        if g.date is not None:
            counts["dated"] += 1
            counts["date_right"] += g.date == c.date and g.precision == c.precision
        if g.location is not None:
            counts["located"] += 1
            counts["place_right"] += g.location == c.location
    spare: Counter[tuple[str, ...]] = Counter(
        c.key(False) for ci, c in enumerate(coded) if ci not in matched_coded
    )
    matched_keys: Counter[tuple[str, ...]] = Counter(gold[gi].key(False) for gi, _ in matches)
    counts["duplicates"] += sum(min(n, spare[k]) for k, n in matched_keys.items())


def _statuses(counts: Counter[str], gold: Sequence[_Side], coded: Sequence[_Side]) -> None:
    for g in gold:
        if g.status == "asserted":
            continue
        counts["not_asserted"] += 1
        same = [c for c in coded if c.key(False) == g.key(False)]
        if any(c.status != "asserted" for c in same):
            counts["status_right"] += 1
        elif same:
            counts["false_assertions"] += 1


def _item(
    article: GoldArticle, gold: Sequence[_Side], coded: Sequence[_Side], matches: Sequence[tuple[int, int]]
) -> dict[str, Any]:
    mg = {gi for gi, _ in matches}
    mc = {ci for _, ci in matches}
    return {
        "article": article.id,
        "title": article.title,
        "matched": [f"{gold[gi].label} == {coded[ci].label}" for gi, ci in matches],
        "missed": [g.label + " | " + g.sentence[:160] for gi, g in enumerate(gold) if gi not in mg],
        "extra": [c.label + " | " + c.sentence[:160] for ci, c in enumerate(coded) if ci not in mc],
    }
