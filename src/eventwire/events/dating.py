"""An event's date: from a temporal expression of its sentence, else the story's date, else the article's."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from eventwire.events.dates import is_day_precise, resolve_expression
from eventwire.models import DateSource, Event


def sentence_date(ents: Sequence[Any], base: Any) -> tuple[date, str] | None:
    for ent in ents:
        if ent.label_ in {"DATE", "TIME"} and is_day_precise(ent.text):
            resolved = resolve_expression(ent.text, base)
            if resolved is not None:
                return resolved, ent.text
    return None


def dated(event: Event, own: tuple[date, str] | None, context: tuple[date, str] | None, base: Any) -> Event:
    source: DateSource
    if own is not None:
        (day, text), source = own, "text"
    elif context is not None:
        (day, text), source = context, "context"
    elif base is not None:
        day, text, source = base.date(), "", "article"
    else:
        return event
    return replace(event, date=day.isoformat(), date_source=source, date_text=text)


__all__ = ["dated", "sentence_date"]
