"""Evaluation on ``sentence<TAB>label`` quad-class data (0 statement / no event, 1-4 quad class).

Prediction: the quad of the *main* event — the event whose trigger is closest to the syntactic root
of its sentence (fewest head hops; ties: the highest |Goldstein|, then text order), a bare "said"
(010) not competing — and 0 when there is none, when it is only claimed or denied (status hedged or
denied), or when it is a comment (011-019) or an appeal (02x; in
this data appeals are label 0: of 30 sentences whose main event we code 02x, 26 are gold 0, 2 are 1,
2 are 3).
The class is the Phoenix/ICEWS QuadClass of the event's CAMEO root (``PHOENIX_QUAD``: 16 "reduce
relations" is verbal conflict, as in this data); ``accuracy_gdelt_quad`` reports the same choice
scored with GDELT's root-based quad class for comparison.
The coder runs with ``unresolved_actors=True``: the label is the sentence's event type whoever
its actors are, so an event between actors that no dictionary resolves still counts.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from eventwire.evaluate.common import EvalResult, outcome_counts, parse_all
from eventwire.evaluate.datasets import ClassItem
from eventwire.evaluate.labels import LabelSets, load_label_sets
from eventwire.evaluate.metrics import classification
from eventwire.events.coder import EventCoder
from eventwire.models import Event
from eventwire.pipeline import Pipeline, text_article

__all__ = ["PHOENIX_QUAD", "STATEMENT_ROOTS", "evaluate_cameo_class", "main_event"]

#: CAMEO roots this data labels 0 (statement / no event).
STATEMENT_ROOTS = frozenset({"01", "02"})

#: The Phoenix/ICEWS QuadClass of a CAMEO root, which this data follows: 0 neutral (01-02),
#: 1 verbal cooperation (03-05), 2 material cooperation (06-08), 3 verbal conflict (09-13 and 16,
#: reduce relations), 4 material conflict (14-15, 17-20).  GDELT's root ranges differ for 16.
PHOENIX_QUAD: dict[str, int] = {
    **dict.fromkeys(("01", "02"), 0),
    **dict.fromkeys(("03", "04", "05"), 1),
    **dict.fromkeys(("06", "07", "08"), 2),
    **dict.fromkeys(("09", "10", "11", "12", "13", "16"), 3),
    **dict.fromkeys(("14", "15", "17", "18", "19", "20"), 4),
}


def _depth(doc: Any, span: tuple[int, int]) -> int:
    piece = doc.char_span(span[0], span[1], alignment_mode="expand")
    if piece is None or len(piece) == 0:
        return 99
    tok = piece.root
    hops = 0
    while tok.head.i != tok.i and hops < 99:
        tok, hops = tok.head, hops + 1
    return hops


def main_event(doc: Any, events: Sequence[Event], labels: LabelSets) -> Event | None:
    """The event nearest to the sentence root (ties: highest |goldstein|), or None when that is a
    specific comment or an appeal (011-019, 02x: "declined to comment", "claimed responsibility for
    the bombing that killed ...", "urged X to press Y") or a claimed or denied act ("X claimed that
    they had attacked ..."); a bare "said" (010) does not compete."""
    competing = [
        (i, e)
        for i, e in enumerate(events)
        if (labels.plv(e.cameo) or e.cameo[:2] in STATEMENT_ROOTS) and e.cameo != "010"
    ]
    if not competing:
        return None
    best = min(competing, key=lambda ie: (_depth(doc, ie[1].char_span), -abs(ie[1].goldstein), ie[0]))
    if best[1].status in {"hedged", "denied"}:
        return None  # "X claimed that they had attacked ...": a claim, labelled 0 in this data
    return None if best[1].cameo[:2] in STATEMENT_ROOTS else best[1]


def evaluate_cameo_class(
    pipeline: Pipeline, items: Sequence[ClassItem], labels: LabelSets | None = None
) -> EvalResult:
    labels = labels or load_label_sets()
    started = time.perf_counter()
    docs = parse_all(pipeline, [it.sentence for it in items])
    # The label is the sentence's event type whoever the actors are: unresolved actors count.
    coder = EventCoder(
        pipeline.resources, unresolved_actors=True, min_confidence=pipeline.settings.min_confidence
    )
    coder.learned = pipeline.coder.learned  # the run's classifier, whichever it is
    predicted: list[str] = []
    gdelt: list[str] = []
    rows: list[dict[str, Any]] = []
    for i, item in enumerate(items):
        doc = docs[item.sentence]
        article, _ = text_article(item.sentence, f"eval-{i}", "<eval>")
        events = coder.code(article, doc)
        chosen = main_event(doc, events, labels)
        predicted.append(str(PHOENIX_QUAD[chosen.cameo[:2]]) if chosen else "0")
        gdelt.append(str(chosen.quad_class) if chosen else "0")
        rows.append(_item(item, predicted[-1], chosen))
    gold = [str(it.label) for it in items]
    metrics = classification(gold, predicted, none="0")
    n = len(items)
    gdelt_ok = sum(g == p for g, p in zip(gold, gdelt, strict=True))
    return EvalResult(
        format="cameo-class",
        metrics=metrics,
        counts=outcome_counts(gold, predicted, "0"),
        scores={"accuracy_gdelt_quad": gdelt_ok / n if n else 0.0},
        items=rows,
        seconds=time.perf_counter() - started,
    )


def _item(item: ClassItem, predicted: str, chosen: Event | None) -> dict[str, Any]:
    return {
        "sentence": item.sentence,
        "gold": str(item.label),
        "predicted": predicted,
        "cameo": chosen.cameo if chosen else "",
        "trigger": chosen.trigger if chosen else "",
    }
