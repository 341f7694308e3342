"""Evaluation on the PLOVER gold-standard records (one event per record).

Each record's ``text`` is coded without given spans.  The predicted event is chosen without
looking at the gold label: among events with a PLOVER v0.5 label (label_sets.tsv ``plover05``;
01x statements have none), the first whose trigger shares a word with ``eventText``, else the
first whose source mention overlaps a gold source ``actorText``, else the first ``asserted``
event; no event = ``NONE``.

- ``accuracy``/``per_label``/``macro_f1``/``confusion``: plover05 label vs gold ``event``.
- ``source_country_accuracy``: the chosen event's source country equals the first gold source's
  ``code`` (its first three letters; a named organisation's code, UNO or NAT, counts as its type, IGO,
  since the records code bodies by type only); ``source_sector_accuracy``: same for ``sector``
  (its first code: the records add ethnic or religious codes, "CVLALB" is CVL).  NONE counts
  as wrong for both (denominator n).
- ``counts``: ``correct``, ``uncoded`` (NONE), ``wrong_label``, ``extra`` (labelled events beyond
  the chosen one).
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from typing import Any

from eventwire.evaluate.common import EvalResult, code_all, mention_overlaps, outcome_counts
from eventwire.evaluate.datasets import GsrRecord, find_span
from eventwire.evaluate.labels import NONE, LabelSets, load_label_sets
from eventwire.evaluate.metrics import classification
from eventwire.models import Event
from eventwire.pipeline import Pipeline

__all__ = ["choose_event", "evaluate_plover_gsr"]

_WORD = re.compile(r"[A-Za-z]{3,}")


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def choose_event(record: GsrRecord, events: Sequence[Event], labels: LabelSets) -> Event | None:
    """The event compared with the gold record (see module docstring)."""
    labelled = [e for e in events if labels.plover05(e.cameo)]
    gold_words = _words(record.event_text)
    by_trigger = [e for e in labelled if _words(e.trigger) & gold_words]
    if by_trigger:
        return by_trigger[0]
    gold_sources = [find_span(record.text, a.text) for a in record.sources]
    by_source = [e for e in labelled if any(mention_overlaps(e.source, s) for s in gold_sources)]
    if by_source:
        return by_source[0]
    asserted = [e for e in labelled if e.status == "asserted"]
    return asserted[0] if asserted else None


#: Country codes of older CAMEO releases that the gold records still use, and their ISO 3166 codes.
OLD_CAMEO_COUNTRIES = {"ITL": "ITA", "JAP": "JPN", "VTN": "VNM"}


def _gold_actor(record: GsrRecord) -> tuple[str, str]:
    if not record.sources:
        return "", ""
    first = record.sources[0]
    country = first.code[:3].upper()
    # the sector's first code: "CVLALB" (civilians, ethnic Albanians) is CVL, "REBKUR" REB
    return OLD_CAMEO_COUNTRIES.get(country, country), first.sector.upper()[:3]


def evaluate_plover_gsr(
    pipeline: Pipeline, records: Sequence[GsrRecord], labels: LabelSets | None = None
) -> EvalResult:
    labels = labels or load_label_sets()
    started = time.perf_counter()
    events = code_all(pipeline, [r.text for r in records])
    predicted: list[str] = []
    items: list[dict[str, Any]] = []
    country_ok = sector_ok = extra = 0
    for record, evs in zip(records, events, strict=True):
        chosen = choose_event(record, evs, labels)
        label = labels.plover05(chosen.cameo) if chosen else NONE
        predicted.append(label)
        country, sector = _gold_actor(record)
        if chosen is not None:
            ours = chosen.source.country
            # the gold records code named bodies by type only ("IGO"): compare UNO, NAT... as their type
            country_ok += (pipeline.resources.agents.organisation_type(ours) or ours) == country
            sector_ok += chosen.source.sector == sector
            extra += sum(1 for e in evs if labels.plover05(e.cameo)) - 1
        items.append(_item(record, label, chosen))
    gold = [r.event for r in records]
    metrics = classification(gold, predicted)
    n = len(records)
    return EvalResult(
        format="plover-gsr",
        metrics=metrics,
        counts={**outcome_counts(gold, predicted, NONE), "extra": extra},
        scores={
            "source_country_accuracy": country_ok / n if n else 0.0,
            "source_sector_accuracy": sector_ok / n if n else 0.0,
        },
        items=items,
        seconds=time.perf_counter() - started,
    )


def _item(record: GsrRecord, label: str, chosen: Event | None) -> dict[str, Any]:
    return {
        "sentence": record.text,
        "gold": record.event,
        "predicted": label,
        "event_text": record.event_text,
        "cameo": chosen.cameo if chosen else "",
        "trigger": chosen.trigger if chosen else "",
        "gold_source": record.sources[0].code if record.sources else "",
        "source": chosen.source.code if chosen else "",
    }
