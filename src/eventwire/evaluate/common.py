"""Shared pieces of the evaluators: the result record, pipeline construction, batched coding."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.errors import ConfigError
from eventwire.evaluate.metrics import ClassMetrics, SpanScore
from eventwire.events.cameo import CameoTable
from eventwire.events.patterns import Pattern, PatternDictionary
from eventwire.extract.dates import blank_wire_dateline
from eventwire.models import ActorMention, Event
from eventwire.pipeline import Pipeline, text_article
from eventwire.resources import Resources
from eventwire.settings import Settings

__all__ = [
    "BATCH_SIZE",
    "EvalResult",
    "build_pipeline",
    "code_all",
    "mention_overlaps",
    "outcome_counts",
    "overlaps",
    "parse_all",
]

BATCH_SIZE = 64
CharSpan = tuple[int, int]


@dataclass(slots=True)
class EvalResult:
    """What one evaluation measured.  ``items`` holds one dict per gold item (sentence, gold,
    predicted, ...) for error analysis; it is not part of :meth:`to_dict`."""

    format: str
    metrics: ClassMetrics
    counts: dict[str, int] = field(default_factory=dict)
    scores: dict[str, float] = field(default_factory=dict)
    spans: dict[str, SpanScore] = field(default_factory=dict)
    items: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0
    meta: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"format": self.format, **self.meta, **self.metrics.to_dict()}
        out.update(self.scores)
        out["counts"] = dict(self.counts)
        if self.spans:
            out["spans"] = {k: v.to_dict() for k, v in self.spans.items()}
        out["seconds"] = round(self.seconds, 2)
        return out


def overlaps(a: CharSpan | None, b: CharSpan | None) -> bool:
    """True when two char spans share at least one character."""
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def outcome_counts(gold: Sequence[str], predicted: Sequence[str], none: str) -> dict[str, int]:
    """PETRARCH-style counts: ``correct``, ``uncoded`` (``none`` predicted for a real event) and
    ``wrong_label`` (the rest)."""
    pairs = list(zip(gold, predicted, strict=True))
    correct = sum(g == p for g, p in pairs)
    uncoded = sum(p == none and g != none for g, p in pairs)
    return {"correct": correct, "uncoded": uncoded, "wrong_label": len(pairs) - correct - uncoded}


def mention_overlaps(mention: ActorMention | None, span: CharSpan | None) -> bool:
    """True when a mention, or the mention it refers back to ("he", "its"), overlaps ``span``."""
    if mention is None:
        return False
    spans = [(mention.start, mention.end), *([mention.antecedent] if mention.antecedent else [])]
    return any(overlaps(own, span) for own in spans)


def _imported(paths: Sequence[str | Path], cameo: CameoTable) -> list[Pattern]:
    if not paths:
        return []
    try:
        from eventwire.events.petrarch import load_petrarch_verbs  # lazy: optional importer
    except ImportError as exc:
        raise ConfigError(f"--petrarch-verbs needs eventwire.events.petrarch: {exc}") from exc
    out: list[Pattern] = []
    for path in paths:
        out.extend(load_petrarch_verbs(path, cameo))
    return out


def build_resources(
    patterns: Sequence[str | Path] = (),
    petrarch_verbs: Sequence[str | Path] = (),
    include_default: bool = True,
    backoff: str = "packaged",
    actor_files: Sequence[str | Path] = (),
    classifier: str = "off",
) -> Resources:
    """Resources with the packaged dictionaries, user pattern files and imported PETRARCH verbs.
    Precedence (later wins on the same trigger and constraints): packaged, imported, user files."""
    if not include_default and not patterns and not petrarch_verbs:
        raise ConfigError("--no-default-patterns needs --patterns or --petrarch-verbs")
    cameo = CameoTable.load()
    imported = _imported(petrarch_verbs, cameo)
    if imported:
        base = list(PatternDictionary.load(None, cameo)) if include_default else []
        user = list(PatternDictionary.load(list(patterns), cameo)) if patterns else []
        dictionary = PatternDictionary.from_patterns([*base, *imported, *user], cameo)
    elif patterns:
        dictionary = PatternDictionary.load(list(patterns), cameo, include_default=include_default)
    else:
        dictionary = PatternDictionary.load(None, cameo)
    return Resources.load(
        backoff=backoff, actor_files=actor_files, patterns=dictionary, classifier=classifier
    )


def build_pipeline(
    model: str | None = None,
    patterns: Sequence[str | Path] = (),
    petrarch_verbs: Sequence[str | Path] = (),
    include_default: bool = True,
    backoff: str | None = None,
    min_confidence: float | None = None,
    classifier: str | None = None,
) -> Pipeline:
    settings = Settings.from_env(
        model=model, backoff=backoff, min_confidence=min_confidence, classifier=classifier
    )
    if not patterns and not petrarch_verbs and include_default:
        return Pipeline(settings)
    resources = build_resources(
        patterns,
        petrarch_verbs,
        include_default,
        settings.backoff,
        settings.actor_files(),
        settings.classifier,
    )
    return Pipeline(settings, resources)


def parse_all(pipeline: Pipeline, texts: Sequence[str]) -> dict[str, Any]:
    """Parse each distinct text once (``nlp.pipe``, a leading wire dateline blanked as
    :func:`~eventwire.pipeline.text_article` does); text -> Doc."""
    unique = list(dict.fromkeys(texts))
    parsed = (blank_wire_dateline(t)[0] for t in unique)
    return dict(zip(unique, pipeline.nlp.pipe(parsed, batch_size=BATCH_SIZE), strict=True))


def code_all(
    pipeline: Pipeline,
    texts: Sequence[str],
    given: Sequence[Sequence[CharSpan]] | None = None,
) -> list[list[Event]]:
    """Events of each text (one parse per distinct text), with optional given actor spans."""
    docs = parse_all(pipeline, texts)
    out: list[list[Event]] = []
    for i, text in enumerate(texts):
        article, _ = text_article(text, f"eval-{i}", "<eval>")
        spans = given[i] if given is not None else ()
        out.append(pipeline.coder.code(article, docs[text], spans))
    return out
