"""Turn a :class:`RawDocument` into a clean :class:`Article`.

Three routes, chosen by ``doc.kind``:

* ``text`` — a plain-text page dump: headline line, header datelines
  ("Updated 19:47, 23-Dec-2020", "Published: ...", "Friday, January 4, 2019"),
  wire datelines ("BEIJING, Dec 22 (Reuters) - "), and page furniture
  ("Search Trends", "Share", "Related stories", cookie notices...) are handled
  by small rules; the body keeps its paragraph breaks (``\\n\\n``).
* ``html`` — trafilatura for title and body, htmldate for the date (no network).
* ``jsonl`` — title/date/url from the record, body cleaned like a text dump.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from eventwire.errors import EmptyDocumentError
from eventwire.extract.dates import (
    WEEKDAY_DATE,
    WIRE_DATELINE,
    PageDate,
    dateline_date,
    normalise_date,
    parse_date_text,
    wire_date,
    wire_dateline,
)
from eventwire.extract.language import CONFIDENT, UNDETERMINED, detect_language
from eventwire.ingest.sources import looks_like_html
from eventwire.models import Article, RawDocument

HEADER_SCAN_LINES = 6  # datelines are looked for in this many non-empty lines after the title
MAX_TITLE_CHARS = 200
MAX_TITLE_WORDS = 30

# A standalone line from which the rest of the page is navigation ("Search Trends" always;
# the others only when everything after them is a list of short lines).
_CUT_ALWAYS = re.compile(r"^search trends:?$", re.I)
_CUT_IF_LIST = re.compile(
    r"^(?:related(?: stories| articles| news| content| posts| coverage)?|read more|read next"
    r"|more from\b.{0,50}|more stories|recommended(?: for you)?|you may also like|you might also like"
    r"|most read|most popular"
    r"|trending(?: now)?|latest news|top stories)\s*:?$",
    re.I,
)
MAX_LIST_LINE_CHARS = 160
# Standalone furniture lines, removed wherever they are.
_FURNITURE_LINES = (
    re.compile(
        r"^(?:share(?: this(?: article| story| page)?)?|share on \w+|advertisements?|sponsored)\s*:?$", re.I
    ),
    re.compile(r"^(?:accept|allow|reject)(?: all)? cookies\.?$", re.I),
    re.compile(r"^(?:cookie|privacy)(?: policy| settings| preferences| notice)\s*:?$", re.I),
    re.compile(r"^(?:we|this (?:web)?site|our (?:web)?site) uses? cookies\b.{0,400}$", re.I),
    re.compile(
        r"^by (?:continuing to )?(?:using|browsing) (?:this|our) (?:web)?site.{0,300}cookies.{0,200}$", re.I
    ),
    re.compile(r"^(?:copyright\s*)?(?:©|\(c\)).{0,200}$", re.I),
    re.compile(r"^copyright\b.{0,200}\b(?:19|20)\d{2}\b.{0,200}$", re.I),
    re.compile(r"^follow us on\b.{0,150}$", re.I),
)


@dataclass
class _Page:
    """Intermediate state of a text page while rules are applied."""

    title: str = ""
    paragraphs: list[str] = field(default_factory=list)
    dates: list[PageDate] = field(default_factory=list)
    place: str = ""  # the place of a wire dateline ("NAIROBI")


def extract_article(doc: RawDocument) -> Article:
    """Extract headline, body text, date and language from one document.

    Raises :class:`EmptyDocumentError` when no article text remains.
    """
    if doc.kind == "html":
        return _extract_html(doc)
    if doc.kind in ("jsonl", "record"):
        return _extract_record(doc)
    return _extract_text(doc)


# --------------------------------------------------------------------------- text


def _extract_text(doc: RawDocument) -> Article:
    from_name = _filename_date(doc.source)
    page = parse_text_page(doc.content, find_title=True, year_hints=[from_name] if from_name else [])
    text = _require_text(page, doc.source)
    best = _latest(page.dates) or from_name
    published, rule = (best.iso, best.rule) if best else (None, None)
    if published is None and doc.meta.get("date"):  # a fetched or archived text page: its date
        published = normalise_date(doc.meta["date"])
        rule = "source-date" if published else None
    return _build(
        doc, page.title or doc.meta.get("title", ""), text, published, rule,
        url=doc.meta.get("url") or None, dateline=page.place,
    )  # fmt: skip


def parse_text_page(
    content: str, *, find_title: bool, known_title: str = "", year_hints: list[PageDate] | None = None
) -> _Page:
    """Apply the title, dateline and furniture rules to a plain-text page.

    ``year_hints`` are dates from outside the text (file name, record) used only to
    give a year to a wire dateline ("BEIJING, Dec 22 (Reuters) -") when the page has none.
    """
    lines = _normalise_lines(content)
    page = _Page()
    if find_title or known_title:
        lines = _take_title(lines, page, known_title)
    lines = _take_header_datelines(lines, page)
    lines = _remove_furniture(lines)
    page.paragraphs = _paragraphs(lines)
    _take_body_datelines(page, year_hints or [])
    return page


def _normalise_lines(content: str) -> list[str]:
    text = content.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ").replace("\ufeff", "")
    return [line.strip() for line in text.split("\n")]


def looks_like_headline(line: str) -> bool:
    """A first line that is a headline: short, no final period, not a dateline."""
    if not line or len(line) > MAX_TITLE_CHARS or len(line.split()) > MAX_TITLE_WORDS:
        return False
    if line.endswith(".") and not line.endswith("..."):
        return False
    if dateline_date(line) is not None or WEEKDAY_DATE.match(line) or WIRE_DATELINE.match(line):
        return False
    return not _is_furniture(line)


def _take_title(lines: list[str], page: _Page, known_title: str) -> list[str]:
    """Move the headline line (the first non-empty line) out of the body."""
    first = next((i for i, line in enumerate(lines) if line), None)
    if first is None:
        return lines
    candidate = lines[first]
    rest_has_text = any(lines[first + 1 :])
    if known_title:
        page.title = known_title
        same = " ".join(candidate.split()).casefold() == " ".join(known_title.split()).casefold()
        return lines[first + 1 :] if same else lines
    if rest_has_text and looks_like_headline(candidate):
        page.title = candidate
        return lines[first + 1 :]
    return lines


def _take_header_datelines(lines: list[str], page: _Page) -> list[str]:
    """Remove whole-line datelines among the first non-empty lines, keeping their dates."""
    kept: list[str] = []
    seen = 0
    for line in lines:
        if line and seen < HEADER_SCAN_LINES:
            seen += 1
            found = dateline_date(line)
            if found is not None:
                page.dates.append(found)
                continue
        kept.append(line)
    return kept


def _take_body_datelines(page: _Page, year_hints: list[PageDate]) -> None:
    """Strip a weekday date or a wire dateline from the start of the first paragraph."""
    if not page.paragraphs:
        return
    first = page.paragraphs[0]
    weekday = WEEKDAY_DATE.match(first)
    if weekday is not None:
        found = parse_date_text(weekday.group("rest"), "weekday-prefix", fuzzy=False)
        if found is not None:
            page.dates.append(found)
            first = first[weekday.end() :].lstrip()
    first = _strip_wire_dateline(first, page, year_hints)
    if first:
        page.paragraphs[0] = first
    else:
        page.paragraphs.pop(0)


def _strip_wire_dateline(paragraph: str, page: _Page, year_hints: list[PageDate]) -> str:
    match = wire_dateline(paragraph)
    if match is None:
        return paragraph
    if match.group("month"):
        found = wire_date(
            match.group("month"), match.group("day"), page.dates or year_hints, match.group("year")
        )
        if found is not None:
            page.dates.append(found)
    page.place = match.group("place").strip()
    return paragraph[match.end() :]


def _is_furniture(line: str) -> bool:
    return any(pattern.match(line) for pattern in _FURNITURE_LINES)


def _remove_furniture(lines: list[str]) -> list[str]:
    """Drop furniture lines and a trailing navigation block."""
    kept = [line for line in lines if not (line and _is_furniture(line))]
    cut = _tail_cut(kept)
    return kept[:cut]


def _tail_cut(lines: list[str]) -> int:
    """Index from which the rest of the page is navigation, or ``len(lines)``."""
    seen_body = False
    for index, line in enumerate(lines):
        if not line:
            continue
        if seen_body and _CUT_ALWAYS.match(line):
            return index
        if seen_body and _CUT_IF_LIST.match(line) and _only_short_lines(lines[index + 1 :]):
            return index
        seen_body = True
    return len(lines)


def _only_short_lines(lines: list[str]) -> bool:
    return all(len(line) <= MAX_LIST_LINE_CHARS for line in lines)


def _paragraphs(lines: list[str]) -> list[str]:
    """Group lines into paragraphs separated by blank lines."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in [*lines, ""]:
        if line:
            current.append(line)
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    return paragraphs


def _require_text(page: _Page, source: str) -> str:
    text = "\n\n".join(page.paragraphs).strip()
    if not text:
        raise EmptyDocumentError(source, "no article text could be extracted")
    return text


def _latest(dates: list[PageDate]) -> PageDate | None:
    """The most recent explicit page timestamp (on the same day, one with a time wins)."""
    return max(dates, key=PageDate.sort_key) if dates else None


_FILENAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})-(\d{2})-(\d{2})(?!\d)")


def _filename_date(source: str) -> PageDate | None:
    """Last resort: a YYYY-MM-DD date in the file name."""
    name = source.replace("\\", "/").rsplit("/", 1)[-1]
    match = _FILENAME_DATE.search(name)
    if match is None:
        return None
    found = parse_date_text(match.group(0), "filename", fuzzy=False)
    return found


# --------------------------------------------------------------------------- jsonl


def _extract_record(doc: RawDocument) -> Article:
    title = doc.meta.get("title", "").strip()
    given = parse_date_text(doc.meta.get("date", ""), "jsonl")
    hints = [given] if given is not None else []
    page = parse_text_page(doc.content, find_title=False, known_title=title, year_hints=hints)
    text = _require_text(page, doc.source)
    published, rule = _record_date(doc.meta.get("date", ""), page.dates)
    url = doc.meta.get("url") or None
    return _build(
        doc,
        title,
        text,
        published,
        rule,
        url=url,
        given_id=doc.meta.get("id"),
        source=url,
        dateline=page.place,
    )


def _record_date(given: str, found: list[PageDate]) -> tuple[str | None, str | None]:
    """The record's own date when valid, else a dateline found in its text."""
    normalised = normalise_date(given) if given else None
    if normalised is not None:
        return normalised, "jsonl"
    best = _latest(found)
    return (best.iso, best.rule) if best is not None else (None, None)


# --------------------------------------------------------------------------- html


def _extract_html(doc: RawDocument) -> Article:
    import trafilatura

    extracted = trafilatura.bare_extraction(
        doc.content, with_metadata=True, include_comments=False, include_tables=False, include_images=False
    )
    title = " ".join((_attr(extracted, "title") or doc.meta.get("title", "")).split())
    body = _attr(extracted, "text")
    if not body.strip() and not looks_like_html(doc.content):  # a fragment: "<p>...</p>", no page
        body = _fragment_text(doc.content)
    page = parse_text_page(body.replace("\n", "\n\n"), find_title=False, known_title=title)
    text = _require_text(page, doc.source)
    published, rule = _html_date(doc.content, _attr(extracted, "date"), page.dates)
    if published is None and doc.meta.get("date"):  # a fetched page: the feed's or archive's date
        published = normalise_date(doc.meta["date"])
        rule = "source-date" if published else None
    url = doc.meta.get("url") or _attr(extracted, "url") or None  # the URL it was fetched from first
    return _build(doc, title, text, published, rule, url=url, dateline=page.place)


def _fragment_text(content: str) -> str:
    """The text of an HTML fragment (no page around it, which trafilatura needs), one line per
    text node, scripts and styles dropped."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.fragment_fromstring(content, create_parent="div")
    except (ParserError, ValueError):
        return ""
    for junk in root.xpath("//script|//style|//noscript"):
        junk.drop_tree()
    return "\n".join(t.strip() for t in root.itertext() if t.strip())


def _attr(extracted: object, name: str) -> str:
    if extracted is None:
        return ""
    value = extracted.get(name) if isinstance(extracted, dict) else getattr(extracted, name, None)
    return value if isinstance(value, str) else ""


def _html_date(html: str, trafilatura_date: str, found: list[PageDate]) -> tuple[str | None, str | None]:
    """htmldate first (with time of day when the page gives one), then trafilatura, then datelines.

    htmldate is asked for the original publication date: on trafilatura's benchmark pages it
    matches the gold date more often than the most recent ("updated") date does.
    """
    from htmldate import find_date

    try:
        stamp = find_date(html, outputformat="%Y-%m-%dT%H:%M", extensive_search=True, original_date=True)
    except (ValueError, TypeError):
        stamp = None
    if isinstance(stamp, str) and stamp:
        # htmldate renders a date without time as midnight: keep the day only then.
        return (stamp[:10], "htmldate") if stamp.endswith("T00:00") else (stamp, "htmldate")
    normalised = normalise_date(trafilatura_date) if trafilatura_date else None
    if normalised is not None:
        return normalised, "trafilatura"
    best = _latest(found)
    return (best.iso, best.rule) if best is not None else (None, None)


# --------------------------------------------------------------------------- common


def article_id(text: str) -> str:
    """Stable id: first 16 hex digits of sha1 of the whitespace-collapsed, lowercased text."""
    normalised = " ".join(text.split()).lower()
    return hashlib.sha1(normalised.encode("utf-8")).hexdigest()[:16]


def guess_language(text: str) -> str:
    """The language of ``text`` when it is told with confidence, else "und" (undetermined; see
    :mod:`eventwire.extract.language`)."""
    code, probability = detect_language(text)
    return code if probability >= CONFIDENT else UNDETERMINED


def _build(
    doc: RawDocument,
    title: str,
    text: str,
    published: str | None,
    date_source: str | None,
    *,
    url: str | None = None,
    given_id: str | None = None,
    source: str | None = None,
    dateline: str = "",
) -> Article:
    return Article(
        id=given_id or article_id(text),
        title=title,
        text=text,
        source=source or doc.source,
        published=published,
        language=guess_language(f"{title}\n{text}"),
        url=url,
        date_source=date_source,
        dateline=dateline or None,
    )


__all__ = ["article_id", "extract_article", "guess_language", "looks_like_headline", "parse_text_page"]
