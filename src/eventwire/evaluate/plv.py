"""Evaluation on PLV-format gold (one row per source/target pair of a sentence).

Definitions (each gold row is one item; ``n`` = rows):

- An event *links* a row when its source mention overlaps the row's gold source span and its
  target mention overlaps the gold target span — or, for an event whose act has no actor target,
  its theme (the thing or place acted on) overlaps it; a gold string that cannot be found in the
  sentence matches any mention.  Events whose CAMEO code has no PLV label (01x statements)
  are ignored everywhere.
- ``--spans gold`` (default): the sentence is coded with the row's gold source and target spans
  given as actors.  ``--spans predicted``: coded without them.  In both modes the prediction for a
  row is the label of a linking event whose label equals the gold label if there is one (so
  "correct iff some linking event has the gold label"), else of the first linking ``asserted``
  event, else of the first linking event of any status; ``NONE`` when no event links the row.
- ``accuracy`` = correct / n; ``per_label``, ``macro_f1`` (over gold labels present) and
  ``confusion`` (gold x predicted, incl. NONE) from the predictions; NONE is always wrong.
- ``quad_accuracy``: penta of the predicted label (label_sets.tsv) equals ``gold_penta``.
- ``counts``: ``correct``, ``uncoded`` (no event links the row), ``wrong_label`` (linked, wrong
  label), ``extra`` = distinct events in a sentence whose source overlaps one gold actor span and
  target another of the same sentence (rows share a sentence through ``sentence_id``) and that
  match no gold row of that sentence (linking + same label); ``extra_rate`` = extra / n.  Only
  ``asserted`` events can be extra (the others are flagged as not done), and the reverse
  direction of a joint actor's reciprocal event ("X and Y agreed") matches a gold row written
  in one direction.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any, Literal

from eventwire.evaluate.common import EvalResult, code_all, mention_overlaps, outcome_counts, overlaps
from eventwire.evaluate.datasets import PlvRow
from eventwire.evaluate.labels import NONE, LabelSets, load_label_sets
from eventwire.evaluate.metrics import classification
from eventwire.models import Event
from eventwire.pipeline import Pipeline

__all__ = ["SpanMode", "evaluate_plv", "predict_row"]

SpanMode = Literal["gold", "predicted"]
CharSpan = tuple[int, int]


def _mention_span(event: Event, side: str) -> CharSpan | None:
    m = event.source if side == "source" else event.target
    return (m.start, m.end) if m is not None else None


def _links(event: Event, source: CharSpan | None, target: CharSpan | None) -> bool:
    src_ok = source is None or mention_overlaps(event.source, source)
    tgt_ok = target is None or mention_overlaps(event.target, target) or _theme_overlaps(event, target)
    return src_ok and tgt_ok


def _theme_overlaps(event: Event, target: CharSpan) -> bool:
    """An event whose act has no actor target links a row whose gold target is the thing or place it
    acts on (PLV's targets include them: "rejected a Senegalese peace plan")."""
    theme = event.theme
    return event.target is None and theme is not None and overlaps((theme.start, theme.end), target)


def predict_row(row: PlvRow, events: Sequence[Event], labels: LabelSets) -> tuple[str, Event | None]:
    """The predicted PLV label of one row and the event it came from (see module docstring)."""
    linked = [e for e in events if labels.plv(e.cameo) and _links(e, row.source_span, row.target_span)]
    if not linked:
        return NONE, None
    exact = [e for e in linked if labels.plv(e.cameo) == row.gold_root]
    asserted = [e for e in linked if e.status == "asserted"]
    chosen = (exact or asserted or linked)[0]
    return labels.plv(chosen.cameo), chosen


def _event_key(e: Event, labels: LabelSets) -> tuple[Any, ...]:
    return (_mention_span(e, "source"), _mention_span(e, "target"), labels.plv(e.cameo), e.char_span)


def _extra(rows: Sequence[PlvRow], events: Sequence[Sequence[Event]], labels: LabelSets) -> int:
    by_sentence: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        by_sentence.setdefault(row.sentence_id, []).append(i)
    extra = 0
    for idx in by_sentence.values():
        group = [rows[i] for i in idx]
        actors = [s for r in group for s in (r.source_span, r.target_span) if s is not None]
        seen: dict[tuple[Any, ...], Event] = {}
        for i in idx:
            for e in events[i]:
                if labels.plv(e.cameo):
                    seen.setdefault(_event_key(e, labels), e)
        for e in seen.values():
            extra += _is_extra(e, group, actors, labels)
    return extra


def _is_extra(e: Event, group: Sequence[PlvRow], actors: Sequence[CharSpan], labels: LabelSets) -> int:
    if e.status != "asserted":
        return 0  # flagged as not done (hoped, requested, negated...): not a coded event
    src, tgt = _mention_span(e, "source"), _mention_span(e, "target")
    pairs = any(overlaps(src, a) and overlaps(tgt, b) for a in actors for b in actors if a != b)
    if not pairs:
        return 0
    label = labels.plv(e.cameo)
    matched = any(label == r.gold_root and _links(e, r.source_span, r.target_span) for r in group)
    if not matched and _reciprocal(e):  # "X and Y agreed": gold writes one direction of the pair
        matched = any(label == r.gold_root and _links(e, r.target_span, r.source_span) for r in group)
    return 0 if matched else 1


def _reciprocal(e: Event) -> bool:
    """Whether the event is one direction of a joint actor's reciprocal event."""
    return any(tag in e.source.matched_by for tag in ("joint", "coordinated", "coref:both"))


def evaluate_plv(
    pipeline: Pipeline,
    rows: Sequence[PlvRow],
    spans: SpanMode = "gold",
    labels: LabelSets | None = None,
) -> EvalResult:
    labels = labels or load_label_sets()
    started = time.perf_counter()
    given = (
        [[s for s in (r.source_span, r.target_span) if s is not None] for r in rows]
        if spans == "gold"
        else None
    )
    events = code_all(pipeline, [r.sentence for r in rows], given)
    predicted: list[str] = []
    items: list[dict[str, Any]] = []
    for row, evs in zip(rows, events, strict=True):
        label, chosen = predict_row(row, evs, labels)
        predicted.append(label)
        items.append(_item(row, label, chosen, evs))
    gold = [r.gold_root for r in rows]
    metrics = classification(gold, predicted)
    n = len(rows)
    extra = _extra(rows, events, labels)
    quad = sum(labels.penta_of(p) == r.gold_penta for p, r in zip(predicted, rows, strict=True))
    return EvalResult(
        format="plv",
        metrics=metrics,
        counts={**outcome_counts(gold, predicted, NONE), "extra": extra},
        scores={
            "quad_accuracy": quad / n if n else 0.0,
            "extra_rate": extra / n if n else 0.0,
        },
        meta={"spans": spans},
        items=items,
        seconds=time.perf_counter() - started,
    )


def _item(row: PlvRow, label: str, chosen: Event | None, events: Sequence[Event]) -> dict[str, Any]:
    return {
        "sentence": row.sentence,
        "source": row.source,
        "target": row.target,
        "gold": row.gold_root,
        "predicted": label,
        "cameo": chosen.cameo if chosen else "",
        "trigger": chosen.trigger if chosen else "",
        "events": [
            f"{e.source.text}|{e.cameo}|{e.target.text if e.target else ''}|{e.trigger}|{e.status}"
            for e in events
        ],
    }
