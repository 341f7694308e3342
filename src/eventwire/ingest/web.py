"""Fetching over HTTP, only when the user asks: article URLs and RSS/Atom feeds.

Polite by construction (:class:`Fetcher`):

* a clear ``User-Agent`` (:data:`USER_AGENT`), a timeout on every request, redirects followed;
* ``robots.txt`` of each host read once and obeyed (a disallowed URL is a document error, nothing is
  fetched); a host whose robots.txt cannot be fetched (404, 5xx) is treated as allowing everything,
  as the robots exclusion standard says for 4xx;
* at most one request per ``min_interval`` seconds to the same host;
* an on-disk cache (``cache_dir``): responses are kept with their ``ETag``/``Last-Modified`` and
  revalidated with a conditional request, so a second poll of an unchanged feed costs a 304.

Every failure is a :class:`~eventwire.errors.DocumentError` naming the URL and the reason; the
batch goes on.
"""

from __future__ import annotations

import hashlib
import json
import time
import urllib.robotparser
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from eventwire import __version__
from eventwire.errors import DocumentError, FetchError, TooLargeError
from eventwire.ingest.decoding import decode_bytes
from eventwire.models import DocumentKind, RawDocument

__all__ = ["USER_AGENT", "FeedItem", "Fetcher", "feed_items", "fetch_pages", "is_url"]

USER_AGENT = f"eventwire/{__version__} (political event coder; obeys robots.txt)"
MAX_BYTES = 20_000_000  # a page larger than this is refused


def is_url(text: str) -> bool:
    return urlsplit(text).scheme in {"http", "https"} and bool(urlsplit(text).netloc)


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # the final URL after redirects
    status: int
    content: bytes
    content_type: str
    from_cache: bool = False


@dataclass(frozen=True, slots=True)
class FeedItem:
    link: str
    title: str
    published: str  # as the feed gives it ("" when absent)
    summary: str


class Fetcher:
    """A polite HTTP client (see the module docstring).  Close it, or use it as a context manager."""

    def __init__(
        self,
        cache_dir: str | Path | None = None,
        timeout: float = 20.0,
        user_agent: str = USER_AGENT,
        min_interval: float = 1.0,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        max_bytes: int = MAX_BYTES,
    ) -> None:
        self.max_bytes = max_bytes  # a larger body is refused (E034) without reading the rest
        self.client = httpx.Client(
            headers={"User-Agent": user_agent},
            timeout=timeout,
            follow_redirects=True,
            transport=transport,
        )
        self.user_agent = user_agent
        self.cache_dir = Path(cache_dir) if cache_dir else None
        self.min_interval = min_interval
        self._sleep = sleep
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self.requests = 0  # requests actually sent (for tests and summaries)

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    # ------------------------------------------------------------------ politeness
    def _wait_turn(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            delay = self.min_interval - (time.monotonic() - last)
            if delay > 0:
                self._sleep(delay)
        self._last[host] = time.monotonic()

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            parser: urllib.robotparser.RobotFileParser | None = urllib.robotparser.RobotFileParser()
            try:
                self._wait_turn(parts.netloc)
                self.requests += 1
                resp = self.client.get(urljoin(origin, "/robots.txt"))
                if resp.status_code >= 400:
                    parser = None  # no robots.txt: everything allowed
                else:
                    assert parser is not None
                    parser.parse(resp.text.splitlines())
            except httpx.HTTPError:
                parser = None
            self._robots[origin] = parser
        robots = self._robots[origin]
        return robots is None or robots.can_fetch(self.user_agent, url)

    # ------------------------------------------------------------------ cache
    def _cache_paths(self, url: str) -> tuple[Path, Path] | None:
        if self.cache_dir is None:
            return None
        key = hashlib.sha1(url.encode("utf-8")).hexdigest()
        return self.cache_dir / f"{key}.json", self.cache_dir / f"{key}.body"

    def get(self, url: str) -> Fetched:
        """GET ``url`` (robots.txt, rate limit, cache); raises :class:`DocumentError`."""
        if not is_url(url):
            raise FetchError(url, "not an http(s) URL")
        if not self.allowed(url):
            raise FetchError(url, "disallowed by robots.txt")
        paths = self._cache_paths(url)
        meta: dict[str, Any] = {}
        headers: dict[str, str] = {}
        if paths is not None and paths[0].exists() and paths[1].exists():
            meta = json.loads(paths[0].read_text(encoding="utf-8"))
            if meta.get("etag"):
                headers["If-None-Match"] = meta["etag"]
            if meta.get("last_modified"):
                headers["If-Modified-Since"] = meta["last_modified"]
        self._wait_turn(urlsplit(url).netloc)
        self.requests += 1
        try:
            with self.client.stream("GET", url, headers=headers) as resp:
                body = bytearray()
                for chunk in resp.iter_bytes():  # decoded (gzip/br) bytes, counted as they come
                    body += chunk
                    if len(body) > self.max_bytes:
                        raise TooLargeError(url, f"page larger than {self.max_bytes:,} bytes")
        except httpx.TimeoutException as exc:
            raise FetchError(url, f"timed out ({type(exc).__name__})") from exc
        except httpx.HTTPError as exc:
            raise FetchError(url, f"cannot fetch: {type(exc).__name__}: {exc}") from exc
        if resp.status_code == 304 and paths is not None and meta:
            return Fetched(meta["url"], 200, paths[1].read_bytes(), meta.get("content_type", ""), True)
        if resp.status_code >= 400:
            raise FetchError(url, f"HTTP {resp.status_code}")
        content_type = resp.headers.get("content-type", "")
        if paths is not None:
            paths[0].parent.mkdir(parents=True, exist_ok=True)
            paths[1].write_bytes(bytes(body))
            paths[0].write_text(
                json.dumps(
                    {
                        "url": str(resp.url),
                        "etag": resp.headers.get("etag"),
                        "last_modified": resp.headers.get("last-modified"),
                        "content_type": content_type,
                    }
                ),
                encoding="utf-8",
            )
        return Fetched(str(resp.url), resp.status_code, bytes(body), content_type)


def feed_items(fetcher: Fetcher, feed_url: str) -> list[FeedItem]:
    """The items of an RSS or Atom feed; raises :class:`DocumentError` when it is not one."""
    import feedparser

    got = fetcher.get(feed_url)
    parsed = feedparser.parse(got.content)
    if parsed.get("bozo") and not parsed.get("entries"):
        reason = parsed.get("bozo_exception")
        raise FetchError(feed_url, f"not an RSS/Atom feed: {reason}")
    items: list[FeedItem] = []
    for entry in parsed.get("entries", []):
        link = entry.get("link") or ""
        if not link:
            continue
        items.append(
            FeedItem(
                urljoin(got.url, link),
                str(entry.get("title", "")),
                str(entry.get("published") or entry.get("updated") or ""),
                str(entry.get("summary", "")),
            )
        )
    return items


def fetch_pages(
    fetcher: Fetcher, urls: Iterable[str | FeedItem], known: Callable[[str], bool] | None = None
) -> Iterator[RawDocument | DocumentError]:
    """One document per URL (HTML, or plain text); URLs that ``known`` says are stored are skipped
    without a request."""
    for item in urls:
        url = item.link if isinstance(item, FeedItem) else item
        if known is not None and known(url):
            continue
        try:
            got = fetcher.get(url)
            text = decode_bytes(got.content, url)
        except DocumentError as exc:
            yield exc
            continue
        meta = {"url": got.url}
        if isinstance(item, FeedItem):
            meta.update({k: v for k, v in (("title", item.title), ("date", item.published)) if v})
        kind: DocumentKind = "text" if got.content_type.startswith("text/plain") else "html"
        yield RawDocument(source=url, kind=kind, content=text, meta=meta)
