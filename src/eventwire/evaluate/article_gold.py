"""The article gold standard's file format: whole articles with every political event, loaded and validated.

The format and the annotation rules are in ``docs/annotation.md`` (section 7).  One JSON object per line,
one article per line; every problem is reported with its line number (and the event's index), all at once
(:class:`~eventwire.errors.InputError`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.errors import InputError
from eventwire.models import DATE_PRECISIONS, EVENT_STATUSES, PLACE_PRECISIONS

__all__ = [
    "GOLD_STATUSES",
    "GoldActor",
    "GoldArticle",
    "GoldEvent",
    "GoldLocation",
    "known_codes",
    "load_article_gold",
    "parse_article_gold",
]

GOLD_STATUSES = EVENT_STATUSES
PRECISIONS = DATE_PRECISIONS
_DATE_FORMS = {
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "year": re.compile(r"^\d{4}$"),
}
_CODE = re.compile(r"^(?:[A-Z]{3})?$")
_CAMEO = re.compile(r"^\d{3,4}$")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class GoldActor:
    text: str
    country: str
    sector: str

    @property
    def code(self) -> str:
        return self.country + self.sector


@dataclass(frozen=True, slots=True)
class GoldLocation:
    name: str
    country: str
    precision: str


@dataclass(frozen=True, slots=True)
class GoldEvent:
    sentence: str
    trigger: str
    source: GoldActor
    target: GoldActor | None
    cameo: str
    status: str
    date: str | None
    date_precision: str | None
    historical: bool
    location: GoldLocation | None
    note: str = ""
    line: int = 0
    index: int = 0

    @property
    def root(self) -> str:
        return self.cameo[:2]


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    title: str
    date: str | None
    text: str
    url: str | None
    events: tuple[GoldEvent, ...]
    annotator: str = ""
    line: int = 0

    def record(self) -> dict[str, Any]:
        """The article as a JSONL input record of ``eventwire code`` (``id``, ``title``, ``date``,
        ``url``, ``text``)."""
        return {"id": self.id, "title": self.title, "date": self.date, "url": self.url, "text": self.text}


def squash(text: str) -> str:
    """Whitespace runs as one space: quotes are compared with it."""
    return _SPACES.sub(" ", text).strip()


def known_codes() -> frozenset[str]:
    """The country and international-body codes of the packaged tables, and the bare types IGO, NGO and
    IMG (an unnamed body; a transnational militant group such as al-Qaeda)."""
    from eventwire.actors.dictionary import AgentTable, CountryTable

    bodies = frozenset(AgentTable.load().organisations)
    return frozenset(CountryTable.load().countries) | bodies | {"IGO", "NGO", "IMG"}


def load_article_gold(path: str | Path, known_codes: Iterable[str] = ()) -> list[GoldArticle]:
    """Read and validate a gold file; ``known_codes``: the country/body codes accepted (all when empty)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{p}: cannot read the article gold file: {exc}") from exc
    return parse_article_gold(text, str(p), known_codes)


def parse_article_gold(
    text: str, source: str = "<string>", known_codes: Iterable[str] = ()
) -> list[GoldArticle]:
    known = frozenset(known_codes)
    problems: list[str] = []
    articles: list[GoldArticle] = []
    ids: set[str] = set()
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{where}: not JSON ({exc.msg})")
            continue
        article = _article(obj, where, n, known, problems)
        if article is None:
            continue
        if article.id in ids:
            problems.append(f"{where}: duplicate article id {article.id!r}")
        ids.add(article.id)
        articles.append(article)
    if problems:
        shown = problems[:50]
        more = f"\n... and {len(problems) - 50} more" if len(problems) > 50 else ""
        raise InputError(
            f"{source}: {len(problems)} problem(s) in the article gold file:\n" + "\n".join(shown) + more
        )
    return articles


def _string(
    obj: dict[str, Any], key: str, where: str, problems: list[str], required: bool = True
) -> str | None:
    value = obj.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or (required and not value.strip()):
        problems.append(f"{where}: {key!r} must be a non-empty string")
        return None
    return value


def _article(obj: Any, where: str, n: int, known: frozenset[str], problems: list[str]) -> GoldArticle | None:
    if not isinstance(obj, dict):
        problems.append(f"{where}: an article must be a JSON object")
        return None
    before = len(problems)
    art_id = _string(obj, "id", where, problems)
    text = _string(obj, "text", where, problems)
    title = obj.get("title") or ""
    date = obj.get("date")
    if date is not None and (not isinstance(date, str) or not _DATE_FORMS["day"].match(date[:10])):
        problems.append(f"{where}: 'date' must be YYYY-MM-DD or null")
    raw_events = obj.get("events")
    if not isinstance(raw_events, list):
        problems.append(f"{where}: 'events' must be a list (empty when the article has no event)")
        return None
    if len(problems) > before or art_id is None or text is None:
        return None
    flat = squash(text)
    events = []
    for i, raw in enumerate(raw_events):
        event = _event(raw, f"{where}: event {i}", flat, known, problems, n, i)
        if event is not None:
            events.append(event)
    return GoldArticle(
        id=art_id,
        title=str(title),
        date=date[:10] if isinstance(date, str) else None,
        text=text,
        url=obj.get("url") if isinstance(obj.get("url"), str) else None,
        events=tuple(events),
        annotator=str(obj.get("annotator") or ""),
        line=n,
    )


def _actor(
    raw: Any, key: str, where: str, sentence: str, known: frozenset[str], problems: list[str]
) -> GoldActor | None:
    if not isinstance(raw, dict):
        problems.append(f"{where}: {key!r} must be an object {{text, country, sector}}")
        return None
    text, country, sector = raw.get("text"), raw.get("country", ""), raw.get("sector", "")
    ok = True
    if not isinstance(text, str) or not text.strip():
        problems.append(f"{where}: {key}.text must be a non-empty string")
        ok = False
    elif squash(text) not in sentence:
        problems.append(f"{where}: {key}.text {text!r} is not in the sentence")
        ok = False
    if not isinstance(country, str) or not _CODE.match(country):
        problems.append(f'{where}: {key}.country must be three capital letters or "" (got {country!r})')
        ok = False
    elif known and country and country not in known:
        problems.append(f"{where}: {key}.country {country!r} is not a known country or body code")
        ok = False
    if not isinstance(sector, str) or not _CODE.match(sector):
        problems.append(f'{where}: {key}.sector must be three capital letters or "" (got {sector!r})')
        ok = False
    if not ok:
        return None
    assert isinstance(text, str) and isinstance(country, str) and isinstance(sector, str)
    return GoldActor(text, country, sector)


def _event(
    raw: Any, where: str, flat_text: str, known: frozenset[str], problems: list[str], line: int, index: int
) -> GoldEvent | None:
    if not isinstance(raw, dict):
        problems.append(f"{where}: an event must be a JSON object")
        return None
    before = len(problems)
    sentence = _string(raw, "sentence", where, problems)
    trigger = _string(raw, "trigger", where, problems)
    flat_sentence = squash(sentence) if sentence else ""
    if sentence and flat_sentence not in flat_text:
        problems.append(f"{where}: the sentence is not in the article text: {sentence[:80]!r}")
    if trigger and flat_sentence and squash(trigger) not in flat_sentence:
        problems.append(f"{where}: the trigger {trigger!r} is not in the sentence")
    source = _actor(raw.get("source"), "source", where, flat_sentence, known, problems)
    target = None
    if raw.get("target") is not None:
        target = _actor(raw.get("target"), "target", where, flat_sentence, known, problems)
    cameo = raw.get("cameo")
    if not isinstance(cameo, str) or not _CAMEO.match(cameo):
        problems.append(f"{where}: 'cameo' must be a CAMEO code of 3 or 4 digits as a string (got {cameo!r})")
    status = raw.get("status")
    if status not in GOLD_STATUSES:
        problems.append(
            f"{where}: 'status' must be one of {', '.join(sorted(GOLD_STATUSES))} (got {status!r})"
        )
    date, precision = raw.get("date"), raw.get("date_precision")
    if date is None:
        if precision is not None:
            problems.append(f"{where}: 'date_precision' must be null when 'date' is null")
    elif precision not in PRECISIONS:
        problems.append(f"{where}: 'date_precision' must be day, month or year (got {precision!r})")
    elif not isinstance(date, str) or not _DATE_FORMS[precision].match(date):
        problems.append(f"{where}: 'date' {date!r} does not have the form of its precision {precision}")
    historical = raw.get("historical", False)
    if not isinstance(historical, bool):
        problems.append(f"{where}: 'historical' must be true or false")
    location = _location(raw.get("location"), where, known, problems)
    if len(problems) > before or source is None or sentence is None or trigger is None:
        return None
    assert isinstance(cameo, str) and isinstance(status, str)
    return GoldEvent(
        sentence=sentence,
        trigger=trigger,
        source=source,
        target=target,
        cameo=cameo,
        status=status,
        date=date,
        date_precision=precision,
        historical=bool(historical),
        location=location,
        note=str(raw.get("note") or ""),
        line=line,
        index=index,
    )


def _location(raw: Any, where: str, known: frozenset[str], problems: list[str]) -> GoldLocation | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        problems.append(f"{where}: 'location' must be null or an object {{name, country, precision}}")
        return None
    name, country, precision = raw.get("name"), raw.get("country"), raw.get("precision")
    ok = True
    if not isinstance(name, str) or not name.strip():
        problems.append(f"{where}: location.name must be a non-empty string")
        ok = False
    if not isinstance(country, str) or not re.match(r"^[A-Z]{3}$", country):
        problems.append(f"{where}: location.country must be an ISO alpha-3 code (got {country!r})")
        ok = False
    elif known and country not in known:
        problems.append(f"{where}: location.country {country!r} is not a known country code")
        ok = False
    if precision not in PLACE_PRECISIONS:
        problems.append(f"{where}: location.precision must be city, adm1 or country (got {precision!r})")
        ok = False
    if not ok:
        return None
    assert isinstance(name, str) and isinstance(country, str) and isinstance(precision, str)
    return GoldLocation(name, country, precision)
