"""``eventwire serve``: a read-only web UI and JSON API over an event store (FastAPI).

* JSON API under ``/api`` (schema at ``/api/openapi.json``): articles, search, events (the CLI's filters,
  paginated, with their ids and mention counts), one event with its mentions, dyad and rising trends,
  actors.  Historical events (placed by the text more than a year before publication) are left out of
  listings and trends unless ``historical=1`` (or ``include_historical=1``).  Every error has one shape,
  ``{"ok": false, "status": N, "error": "message"}``; bad parameters are 4xx, never a 500, and no
  stack trace reaches a client.
* HTML pages: home ("Search Trends" and the latest events), search results, an article with its
  actors and triggers highlighted, an event with its mentions, a dyad's timeline, an actor's partners
  and network, the events table with filters and CSV/JSON download.  Charts are SVG drawn on the server.
* Read-only: GET only; queries are parameterised; page sizes are bounded.  Untrusted text (article
  bodies, titles, actor phrases) is escaped by Jinja2's autoescaping.  Security headers on every
  response (Content-Security-Policy without inline scripts, nosniff, frame denial, no referrer).
* New segments written by a running ingest appear on the next request (the views are refreshed when
  the catalog shows a new segment).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import sqlite3
import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

import duckdb
from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from jinja2 import Environment, FunctionLoader, select_autoescape
from markupsafe import Markup, escape
from starlette.exceptions import HTTPException as StarletteHTTPException

from eventwire import __version__
from eventwire.errors import EventwireError, QueryError, StoreError
from eventwire.query.actors import actor_partners
from eventwire.query.codes import filter_warnings
from eventwire.query.events import (
    MAX_LIMIT,
    EventFilter,
    count_events,
    event_detail,
    event_rows,
    parse_day,
    snippet,
)
from eventwire.query.search import MARK_END, MARK_START, search
from eventwire.query.trends import PERIODS, dyad_trend, parse_days, rising, trend
from eventwire.serve.charts import network_svg, timeline_svg
from eventwire.store.store import StoreReader, query_deadline, timeout_error

__all__ = ["API_LIMIT", "SECURITY_HEADERS", "create_app"]

log = logging.getLogger("eventwire.serve")
API_LIMIT = 500  # largest page of the API and the UI
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; "
    "script-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def _template(name: str) -> str | None:
    ref = resources.files("eventwire.serve") / "templates" / name
    return ref.read_text(encoding="utf-8") if ref.is_file() else None


class _Store:
    """The app's reader, opened on first use (the store may not exist yet when the server starts)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._reader: StoreReader | None = None
        self._lock = threading.Lock()

    def get(self) -> StoreReader:
        with self._lock:
            if self._reader is None:
                self._reader = StoreReader(self.root, rollups=True)  # long-lived: keeps rollups
            reader = self._reader
        reader.refresh()
        return reader

    def close(self) -> None:
        if self._reader is not None:
            self._reader.close()


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"ok": False, "status": status, "error": message}, status_code=status)


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api")


def _limit(value: int) -> int:
    if not 1 <= value <= API_LIMIT:
        raise QueryError(f"limit must be between 1 and {API_LIMIT}, not {value}")
    return value


def _jsonable(row: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in row.items():
        out[k] = v.isoformat() if isinstance(v, dt.date | dt.datetime) else v
    return out


def _highlight(text: str, mentions: list[dict[str, Any]], events: list[dict[str, Any]]) -> Markup:
    """The article text, escaped, with actor mentions and event triggers wrapped in <mark>."""
    spans: list[tuple[int, int, str, str]] = []
    for m in mentions:
        spans.append((int(m["start"]), int(m["end"]), "actor", str(m["code"] or "")))
    for e in events:
        if e.get("char_start") is not None:
            label = f"{e['cameo']} {e['cameo_name']}"
            spans.append((int(e["char_start"]), int(e["char_end"]), "trigger", label))
    spans.sort(key=lambda s: (s[0], -s[1]))
    out: list[str] = []
    pos = 0
    for start, end, kind, label in spans:
        if start < pos or end > len(text) or start >= end:
            continue  # nested or out of range: the outer mark is kept
        out.append(str(escape(text[pos:start])))
        out.append(f'<mark class="{kind}" title="{escape(label)}">{escape(text[start:end])}</mark>')
        pos = end
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def wants_historical(historical: bool = False, include_historical: bool = False) -> bool:
    """``historical=1`` or ``include_historical=1`` keeps historical events in (a FastAPI dependency)."""
    return historical or include_historical


Historical = Annotated[bool, Depends(wants_historical)]


def event_filter(
    actor: str | None = None,
    dyad: str | None = None,
    cameo: str | None = None,
    plover: str | None = None,
    quad: str | None = None,
    status: str | None = None,
    since: str | None = None,
    until: str | None = None,
    old: Historical = False,
    min_confidence: str | None = None,
    coded_by: str | None = None,
) -> EventFilter:
    """The events filters as query parameters (a FastAPI dependency); bad values are a 400.
    ``historical=1`` (or ``include_historical=1``) keeps historical events in."""
    return EventFilter.parse(
        actor,
        dyad,
        cameo,
        plover,
        quad or None,
        status,
        since,
        until,
        include_historical=old,
        min_confidence=min_confidence,
        coded_by=coded_by,
    )


Filters = Annotated[EventFilter, Depends(event_filter)]


def create_app(store_dir: str | Path, query_timeout: float | None = 10.0) -> FastAPI:
    """The web app over the store at ``store_dir`` (opened read-only on first request); a request's
    queries stop after ``query_timeout`` seconds (503, error E043)."""
    store = _Store(Path(store_dir))
    env = Environment(loader=FunctionLoader(_template), autoescape=select_autoescape(["html"]))
    env.globals["snippet"] = snippet  # the sentence around an event's trigger, for the events tables

    def warm() -> None:
        try:
            store.get().rollups()
        except (EventwireError, OSError, duckdb.Error, sqlite3.Error) as exc:  # no store yet
            log.info("rollups not built at start (built on first use): %s", exc)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        """At start, build the rollups in the background, so that the first actor page need not."""
        threading.Thread(target=warm, name="eventwire-rollups", daemon=True).start()
        yield

    app = FastAPI(
        lifespan=lifespan,
        title="eventwire",
        version=__version__,
        description="Read-only API over an eventwire event store.",
        docs_url=None,  # Swagger UI loads its scripts from a CDN, which the CSP (rightly) blocks
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.store = store

    def page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
        footer: dict[str, Any] = {"n_articles": "?", "n_events": "?", "n_mentions": "?"}
        try:
            reader = store.get()
            row = reader.catalog.execute(  # the segments table is small: no scan of the articles
                "SELECT COALESCE(SUM(n_articles), 0), COALESCE(SUM(n_events), 0), "
                "COALESCE(SUM(n_mentions), 0) FROM segments"
            ).fetchone()
            footer = {"n_articles": row[0], "n_events": row[1], "n_mentions": row[2]} if row else footer
        except (EventwireError, sqlite3.Error):  # no store yet, or past the deadline: no counts
            pass
        html = env.get_template(name).render(version=__version__, store=str(store.root), **footer, **context)
        return HTMLResponse(html, status_code=status)

    # ------------------------------------------------------------------ errors and headers
    @app.middleware("http")
    async def headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        if request.method not in {"GET", "HEAD"}:
            response: Response = _error(405, "read-only: only GET is allowed")
        else:
            try:
                with query_deadline(query_timeout):
                    response = await call_next(request)
            except Exception:  # never a stack trace to the client
                log.exception("unhandled error on %s", request.url.path)
                response = _error(500, "internal error")
        for k, v in SECURITY_HEADERS.items():
            response.headers[k] = v
        return response

    def _respond(request: Request, status: int, message: str) -> Response:
        if _wants_html(request):
            return page("error.html", status=status, status_code=status, error=message, q="")  # HTML pages
        return _error(status, message)

    @app.exception_handler(QueryError)
    async def query_error(request: Request, exc: QueryError) -> Response:
        return _respond(request, 400, str(exc))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        return _respond(request, 503, str(exc))

    @app.exception_handler(sqlite3.OperationalError)
    async def catalog_error(request: Request, exc: sqlite3.OperationalError) -> Response:
        if "interrupted" in str(exc):  # stopped by the deadline (progress handler)
            return _respond(request, 503, str(timeout_error(query_timeout)))
        log.error("catalog error on %s: %s", request.url.path, exc)
        return _respond(request, 500, "internal error")

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg', '')}" for e in exc.errors()
        )
        return _respond(request, 400, f"[E042] invalid parameters: {problems}")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _respond(request, exc.status_code, str(exc.detail))

    # ------------------------------------------------------------------ API

    @app.get("/api/health")
    def health() -> dict[str, Any]:
        reader = store.get()
        return {"ok": True, "segments": len(reader.segments()), "version": __version__}

    @app.get("/api/events")
    def api_events(
        f: Filters,
        limit: int = Query(50),
        offset: int = Query(0, ge=0, le=1_000_000),
    ) -> dict[str, Any]:
        """Events matching the filters, newest first; ``warnings`` names an unknown actor code in a
        filter with the nearest known codes (no event can match it)."""
        reader = store.get()
        rows = event_rows(reader, f, limit=_limit(limit), offset=offset)
        total = count_events(reader, f)
        nxt = offset + len(rows) if offset + len(rows) < total else None
        return {"ok": True, "total": total, "limit": limit, "offset": offset, "next_offset": nxt,
                "warnings": filter_warnings(reader, f), "items": [_jsonable(r) for r in rows]}  # fmt: skip

    @app.get("/api/events.csv")
    def api_events_csv(f: Filters, limit: int = Query(API_LIMIT)) -> Response:
        rows = event_rows(store.get(), f, limit=_limit(limit))
        buf = io.StringIO()
        if rows:
            writer = csv.DictWriter(buf, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(_jsonable(r) for r in rows)
        return PlainTextResponse(
            buf.getvalue(),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="events.csv"'},
        )

    @app.get("/api/events/{event_id}")
    def api_event(event_id: str) -> dict[str, Any]:
        """One event (its first mention's columns and its counts) with its ``mentions``: article
        (id, title, URL, publisher, publication date), sentence, character offsets, trigger,
        confidence and the date as reported."""
        data = _event(event_id)
        return {
            "ok": True,
            "event": _jsonable(data["event"]),
            "mentions": [_jsonable(m) for m in data["mentions"]],
        }

    def _event(event_id: str) -> dict[str, Any]:
        found = event_detail(store.get(), event_id)
        if found is None:
            raise StarletteHTTPException(404, f"no event {event_id!r}")
        return found

    @app.get("/api/articles/{article_id}")
    def api_article(article_id: str) -> dict[str, Any]:
        return {"ok": True, **_article(article_id)}

    def _article(article_id: str) -> dict[str, Any]:
        reader = store.get()
        row = reader.catalog.execute(
            "SELECT article_id, url, title, text, published, day, source_name, cluster_id FROM articles "
            "WHERE article_id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            raise StarletteHTTPException(404, f"no article {article_id!r}")
        article = dict(row)
        with reader.cursor() as cur:
            cur.execute("SELECT start, \"end\", text, code, country, sector, matched_by FROM mentions "
                        "WHERE article_id = ? ORDER BY start", [article_id])  # fmt: skip
            names = [d[0] for d in cur.description or []]
            mentions = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
            meta = cur.execute(
                "SELECT themes, tone FROM articles WHERE article_id = ?", [article_id]
            ).fetchone()
        mine = EventFilter(article_id=article_id, mentions=True, include_historical=True)  # all it reports
        events = event_rows(reader, mine, limit=MAX_LIMIT)
        events.sort(key=lambda e: (e["char_start"] or 0, e["event_id"]))
        article["themes"], article["tone"] = (list(meta[0] or []), meta[1]) if meta else ([], None)
        return {"article": article, "mentions": mentions, "events": [_jsonable(e) for e in events]}

    @app.get("/api/search")
    def api_search(
        q: str,
        since: str | None = None,
        until: str | None = None,
        country: str | None = None,
        limit: int = Query(20),
        offset: int = Query(0, ge=0, le=100_000),
    ) -> dict[str, Any]:
        hits = search(store.get(), q, parse_day(since, "since"), parse_day(until, "until"), country,
                      _limit(limit), offset)  # fmt: skip
        return {"ok": True, "limit": limit, "offset": offset, "items": [h.to_dict() for h in hits]}

    @app.get("/api/trends/dyad")
    def api_dyad(
        dyad: str,
        by: str = "month",
        since: str | None = None,
        until: str | None = None,
        old: Historical = False,
    ) -> dict[str, Any]:
        """Events between two actors per period: every period from ``since`` (else the first with
        events) to ``until`` (else the last), zero-filled."""
        f = EventFilter.parse(dyad=dyad, since=since, until=until, include_historical=old)
        reader = store.get()
        assert f.dyad is not None
        return {"ok": True, "dyad": ",".join(f.dyad), "by": by, "warnings": filter_warnings(reader, f),
                "items": dyad_trend(reader, f, by)}  # fmt: skip

    @app.get("/api/trends/actor")
    def api_actor_trend(
        actor: str,
        by: str = "month",
        since: str | None = None,
        until: str | None = None,
        old: Historical = False,
    ) -> dict[str, Any]:
        """One actor's events (source or target) per period, zero-filled like the dyad's."""
        f = EventFilter.parse(actor=actor, since=since, until=until, include_historical=old)
        reader = store.get()
        return {"ok": True, "actor": f.actor, "by": by, "warnings": filter_warnings(reader, f),
                "items": trend(reader, f, by)}  # fmt: skip

    @app.get("/api/trends/rising")
    def api_rising(
        window: str = "7d",
        baseline: str = "28d",
        since: str | None = None,
        until: str | None = None,
        dyad: str | None = None,
        old: Historical = False,
    ) -> dict[str, Any]:
        """What rose over the window (``7d`` or ``7``; ``since``..``until`` when given) against the
        ``baseline`` days before it, optionally within one ``dyad``: the CLI's ``trends --rising``."""
        f = EventFilter.parse(dyad=dyad, since=since, until=until, include_historical=old)
        days, base = parse_days(window, "window"), parse_days(baseline, "baseline")
        if days > 3660 or base > 3660:
            raise QueryError("window and baseline must be at most 3660 days")
        reader = store.get()
        found = rising(reader, days, base, f.until, include_historical=old, since=f.since, dyad=f.dyad)
        return {"ok": True, "warnings": filter_warnings(reader, f), **found}

    @app.get("/api/actors/{code}")
    def api_actor(
        code: str,
        since: str | None = None,
        until: str | None = None,
        old: Historical = False,
    ) -> dict[str, Any]:
        f = EventFilter.parse(actor=code, since=since, until=until, include_historical=old)
        return {"ok": True, "actor": f.actor, "partners": actor_partners(store.get(), f)}

    # ------------------------------------------------------------------ pages
    @app.get("/static/style.css")
    def style() -> Response:
        css = _template("style.css") or ""
        return Response(css, media_type="text/css", headers={"Cache-Control": "max-age=3600"})

    @app.get("/", response_class=HTMLResponse)
    def home() -> HTMLResponse:
        reader = store.get()
        return page(
            "home.html", q="", rising=rising(reader, 7, 28), events=event_rows(reader, EventFilter(), 20)
        )

    @app.get("/search", response_class=HTMLResponse)
    def search_page(q: str = "", limit: int = Query(20)) -> HTMLResponse:
        hits: list[dict[str, Any]] = []
        error = ""
        if q.strip():
            try:
                for h in search(store.get(), q, limit=_limit(limit)):
                    d = h.to_dict()
                    snippet = (
                        str(escape(h.snippet)).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
                    )
                    d["snippet_html"] = Markup(snippet)
                    hits.append(d)
            except QueryError as exc:
                error = str(exc)
        return page("search.html", q=q, hits=hits, error=error)

    @app.get("/article/{article_id}", response_class=HTMLResponse)
    def article_page(article_id: str) -> HTMLResponse:
        data = _article(article_id)
        art = data["article"]
        body = _highlight(art["text"], data["mentions"], data["events"])
        return page("article.html", q="", article=art, body_html=body, events=data["events"],
                    themes=art["themes"], tone=art["tone"])  # fmt: skip

    @app.get("/event/{event_id}", response_class=HTMLResponse)
    def event_page(event_id: str) -> HTMLResponse:
        data = _event(event_id)
        return page("event.html", q="", event=data["event"], mentions=data["mentions"])

    @app.get("/dyad/{a}/{b}", response_class=HTMLResponse)
    def dyad_page(
        a: str, b: str, by: str = "month", since: str | None = None, until: str | None = None
    ) -> HTMLResponse:
        if by not in PERIODS:
            raise QueryError(f"by must be one of {', '.join(PERIODS)}")
        f = EventFilter.parse(dyad=f"{a},{b}", since=since, until=until)
        reader = store.get()
        rows = dyad_trend(reader, f, by)
        chart = Markup(timeline_svg(rows, by))
        assert f.dyad is not None
        return page("dyad.html", q="", a=f.dyad[0], b=f.dyad[1], by=by, chart=chart, periods=len(rows),
                    warnings=filter_warnings(reader, f), total=count_events(reader, f),
                    events=event_rows(reader, f, 50))  # fmt: skip

    @app.get("/actor/{code}", response_class=HTMLResponse)
    def actor_page(code: str, by: str = "month") -> HTMLResponse:
        f = EventFilter.parse(actor=code)  # a bad ``by`` is trend()'s QueryError (400)
        reader = store.get()
        partners = actor_partners(reader, f)
        assert f.actor is not None
        network = Markup(network_svg(f.actor, partners))
        chart = Markup(timeline_svg(trend(reader, f, by), by))
        return page("actor.html", q="", code=f.actor, partners=partners, network=network, chart=chart,
                    by=by, warnings=filter_warnings(reader, f), events=event_rows(reader, f, 30))  # fmt: skip

    @app.get("/events", response_class=HTMLResponse)
    def events_page(
        actor: str | None = None,
        dyad: str | None = None,
        cameo: str | None = None,
        plover: str | None = None,
        quad: str | None = None,
        since: str | None = None,
        until: str | None = None,
        historical: bool = False,
        offset: int = Query(0, ge=0, le=1_000_000),
    ) -> HTMLResponse:
        given = {"actor": actor, "dyad": dyad, "cameo": cameo, "plover": plover, "quad": quad,
                 "since": since, "until": until, "historical": "1" if historical else None}  # fmt: skip
        query = urlencode({k: v for k, v in given.items() if v})
        try:
            f = event_filter(actor, dyad, cameo, plover, quad, None, since, until, historical)
        except QueryError as exc:
            return page("events.html", q="", f=given, events=[], total=0, error=str(exc), query=query,
                        next_offset=None, warnings=[], status=400)  # fmt: skip
        reader = store.get()
        rows = event_rows(reader, f, limit=50, offset=offset)
        total = count_events(reader, f)
        nxt = offset + len(rows) if offset + len(rows) < total else None
        return page("events.html", q="", f=given, events=rows, total=total, error="", query=query,
                    next_offset=nxt, warnings=filter_warnings(reader, f))  # fmt: skip

    return app
