"""Feeds, article URLs and WARC archives, served from a local HTTP server on loopback.

The pages are constructed news articles written for these tests.
"""

from __future__ import annotations

import hashlib
import io
import threading
import time
from collections.abc import Iterator
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from eventwire.ingest.web import USER_AGENT, Fetcher, feed_items
from eventwire.store import StoreReader
from eventwire.store.ingest import ingest, watch

ARTICLES = {
    "/news/a1.html": (
        "Kenya and Ethiopia sign border security pact",
        "Kenya and Ethiopia signed a border security agreement in Nairobi on Monday, officials said. "
        "The Kenyan president praised Ethiopia for its cooperation against cattle raiders. "
        "Ethiopian officials said both countries would set up joint patrols along the frontier.",
    ),
    "/news/a2.html": (
        "Chile recalls ambassador from Venezuela",
        "Chile recalled its ambassador from Venezuela on Tuesday after Caracas expelled two Chilean "
        "diplomats. The Chilean foreign ministry condemned the expulsions and demanded an explanation "
        "from the Venezuelan government, which accused the diplomats of interfering in its affairs.",
    ),
    "/news/a3.html": (
        "Japan pledges aid to the Philippines after typhoon",
        "Japan pledged $10 million in emergency aid to the Philippines on Wednesday after a typhoon "
        "killed dozens of people. Japanese officials said relief supplies would be flown to Manila. "
        "The Philippine government thanked Japan for its quick support.",
    ),
    "/private/secret.html": ("Private", "Norway criticized Sweden over fishing quotas. " * 3),
}


def _page(title: str, body: str) -> bytes:
    paras = "".join(f"<p>{s.strip()}.</p>" for s in body.split(". ") if s.strip())
    return (
        f"<!doctype html><html><head><title>{title}</title>"
        f'<meta property="article:published_time" content="2024-03-04T10:00:00Z"></head>'
        f"<body><nav>Home | World | Sport</nav><article><h1>{title}</h1>{paras}</article>"
        f"<footer>(c) Example News</footer></body></html>"
    ).encode()


def _feed(paths: list[str], base: str) -> bytes:
    items = "".join(
        f"<item><title>{ARTICLES[p][0]}</title><link>{base}{p}</link>"
        f"<pubDate>{formatdate(1709546400)}</pubDate></item>"
        for p in paths
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Example</title>'
        f"<link>{base}/</link><description>x</description>{items}</channel></rss>"
    ).encode()


class Site:
    def __init__(self) -> None:
        self.pages: dict[str, tuple[int, str, bytes]] = {}
        self.log: list[tuple[str, str, int]] = []  # path, user agent, status sent
        self.delay: dict[str, float] = {}


@pytest.fixture()
def site() -> Iterator[tuple[Site, str]]:
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            time.sleep(state.delay.get(self.path, 0.0))
            status, ctype, body = state.pages.get(self.path, (404, "text/plain", b"not found"))
            etag = '"' + hashlib.sha1(body).hexdigest()[:12] + '"'
            if status == 200 and self.headers.get("If-None-Match") == etag:
                status, body = 304, b""
            state.log.append((self.path, self.headers.get("User-Agent", ""), status))
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    state.pages["/robots.txt"] = (200, "text/plain", b"User-agent: *\nDisallow: /private/\n")
    for path, (title, body) in ARTICLES.items():
        state.pages[path] = (200, "text/html; charset=utf-8", _page(title, body))
    state.pages["/feed.xml"] = (200, "application/rss+xml", _feed(["/news/a1.html", "/news/a2.html"], base))
    yield state, base
    server.shutdown()
    server.server_close()


def _fetcher(tmp_path: Path, **kw: float) -> Fetcher:
    return Fetcher(cache_dir=tmp_path / "cache", min_interval=0.0, **kw)


def _requests(state: Site, path: str) -> list[int]:
    return [status for p, _, status in state.log if p == path]


def test_feed_then_second_poll_adds_only_new_items(site, tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    state, base = site
    store = tmp_path / "store"
    with _fetcher(tmp_path) as fetcher:
        first = ingest([], store, pipeline, feeds=[f"{base}/feed.xml"], fetcher=fetcher)
        assert (first.stored, first.failed) == (2, 0) and first.events > 0
        again = ingest([], store, pipeline, feeds=[f"{base}/feed.xml"], fetcher=fetcher)
        assert (again.stored, again.duplicates) == (0, 2)
        assert _requests(state, "/feed.xml") == [200, 304]  # revalidated from the cache
        paths = ["/news/a1.html", "/news/a2.html", "/news/a3.html"]
        state.pages["/feed.xml"] = (200, "application/rss+xml", _feed(paths, base))
        third = ingest([], store, pipeline, feeds=[f"{base}/feed.xml"], fetcher=fetcher)
    assert (third.stored, third.duplicates) == (1, 2)
    assert _requests(state, "/news/a1.html") == [200]  # a stored item is never fetched again
    assert {ua for _, ua, _ in state.log} == {USER_AGENT}
    with StoreReader(store) as r:
        rows = r.catalog.execute("SELECT url, title, published FROM articles ORDER BY url").fetchall()
    assert next(tuple(x) for x in rows) == (
        f"{base}/news/a1.html",
        ARTICLES["/news/a1.html"][0],
        "2024-03-04T10:00",
    )
    assert len(rows) == 3


def test_robots_txt_is_obeyed_and_urls_are_ingested(site, tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    state, base = site
    with _fetcher(tmp_path) as fetcher:
        summary = ingest(
            [f"{base}/news/a3.html", f"{base}/private/secret.html", f"{base}/missing.html"],
            tmp_path / "store",
            pipeline,
            fetcher=fetcher,
        )
    assert (summary.stored, summary.failed) == (1, 2)
    reasons = {f["source"].rsplit("/", 1)[-1]: f["reason"] for f in summary.failures}
    assert reasons == {"secret.html": "disallowed by robots.txt", "missing.html": "HTTP 404"}
    assert not _requests(state, "/private/secret.html")
    assert _requests(state, "/robots.txt") == [200]  # once per host


def test_timeouts_are_document_errors(site, tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    state, base = site
    state.delay["/news/a2.html"] = 1.5
    with _fetcher(tmp_path, timeout=0.3) as fetcher:
        summary = ingest(
            [f"{base}/news/a2.html", f"{base}/news/a1.html"], tmp_path / "s", pipeline, fetcher=fetcher
        )
    assert summary.stored == 1 and summary.failures[0]["reason"].startswith("timed out")


def test_not_a_feed(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    state, base = site
    state.pages["/bad.xml"] = (200, "text/html", b"<html><body><p>hello</p></body></html>")
    with _fetcher(tmp_path) as fetcher:
        assert feed_items(fetcher, f"{base}/bad.xml") == []


def test_watch_polls_and_stops(site, tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    _state, base = site
    seen: list[tuple[int, int]] = []
    waits: list[float] = []
    with _fetcher(tmp_path) as fetcher:
        done = watch(
            [f"{base}/feed.xml"],
            tmp_path / "store",
            pipeline,
            every=900,
            polls=2,
            on_poll=lambda n, s: seen.append((n, s.stored)),
            sleep=waits.append,
            fetcher=fetcher,
        )
    assert done == 2 and seen == [(1, 2), (2, 0)]
    assert len(waits) == 1 and 800 < waits[0] <= 900


def test_warc_responses_are_ingested(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for path, ctype, body in [
        ("/news/a1.html", "text/html; charset=utf-8", _page(*ARTICLES["/news/a1.html"])),
        ("/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
        ("/news/a2.html", "text/html", _page(*ARTICLES["/news/a2.html"])),
    ]:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"https://example.org{path}", "response", payload=io.BytesIO(body), http_headers=headers
        )
        writer.write_record(record)
    data = buf.getvalue()
    (tmp_path / "crawl.warc.gz").write_bytes(data)
    summary = ingest([str(tmp_path / "crawl.warc.gz")], tmp_path / "store", pipeline)
    assert (summary.stored, summary.failed) == (2, 0)
    with StoreReader(tmp_path / "store") as r:
        urls = sorted(x[0] for x in r.catalog.execute("SELECT url FROM articles"))
    assert urls == ["https://example.org/news/a1.html", "https://example.org/news/a2.html"]
    (tmp_path / "cut" / "x").mkdir(parents=True)
    (tmp_path / "cut" / "x" / "crawl.warc").write_bytes(__import__("gzip").decompress(data)[: len(data) // 2])
    cut = ingest([str(tmp_path / "cut")], tmp_path / "store2", pipeline)
    assert cut.failed >= 1 and any("WARC" in f["reason"] for f in cut.failures)


def test_plain_text_pages_keep_their_url(site, tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    state, base = site
    state.pages["/wire.txt"] = (
        200,
        "text/plain",
        b"Peru and Chile signed a fisheries accord on Friday.\n" * 3,
    )
    state.pages["/late.html"] = (404, "text/plain", b"not yet")
    with _fetcher(tmp_path) as fetcher:
        first = ingest([f"{base}/wire.txt", f"{base}/late.html"], tmp_path / "s", pipeline, fetcher=fetcher)
        assert (first.stored, first.failed) == (1, 1)
        state.pages["/late.html"] = (200, "text/html", _page(*ARTICLES["/news/a3.html"]))
        again = ingest([f"{base}/wire.txt", f"{base}/late.html"], tmp_path / "s", pipeline, fetcher=fetcher)
    assert (again.stored, again.duplicates) == (1, 1)
    assert _requests(state, "/wire.txt") == [200]  # stored under its URL: not fetched again
    with StoreReader(tmp_path / "s") as r:
        assert r.catalog.execute("SELECT count(*) FROM failures").fetchone()[0] == 0  # the 404 was fixed
        urls = {x[0] for x in r.catalog.execute("SELECT url FROM articles")}
    assert f"{base}/wire.txt" in urls


def test_watch_skips_a_poll_while_another_ingest_writes(site, tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    from eventwire.store import Store

    _, base = site
    seen: list[str] = []
    with Store(tmp_path / "store"), _fetcher(tmp_path) as fetcher:
        watch([f"{base}/feed.xml"], tmp_path / "store", pipeline, every=1, polls=1,
              on_poll=lambda n, s: seen.append(s.busy), fetcher=fetcher)  # fmt: skip
    assert seen and "another ingest" in seen[0]


def test_bad_warc_files(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for path in ("/news/a1.html", "/news/a2.html", "/news/a3.html"):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        body = io.BytesIO(_page(*ARTICLES[path]))
        writer.write_record(writer.create_warc_record(f"https://example.org{path}", "response", payload=body,
                                                      http_headers=headers))  # fmt: skip
    data = buf.getvalue()
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "cut.warc.gz").write_bytes(data[: int(len(data) * 0.8)])
    (folder / "junk.warc").write_bytes(b"this is not an archive\n" * 10)
    summary = ingest([str(folder)], tmp_path / "store", pipeline)
    assert summary.stored == 2  # the complete records before the cut
    reasons = sorted(f["reason"] for f in summary.failures)
    assert (
        len(reasons) == 2
        and any("not a WARC" in r for r in reasons)
        and any("truncated" in r for r in reasons)
    )


def test_cli_ingest_needs_something(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from eventwire.cli.main import main

    assert main(["ingest", "--store", str(tmp_path)]) == 2
    assert "give PATHs" in capsys.readouterr().err
    assert main(["watch", "http://127.0.0.1:9/feed", "--every", "soon", "--store", str(tmp_path)]) == 2


def test_fetcher_rate_limits_per_host(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _state, base = site
    waits: list[float] = []
    with Fetcher(cache_dir=None, min_interval=5.0, sleep=waits.append) as f:
        f.get(f"{base}/news/a1.html")
        f.get(f"{base}/news/a2.html")
    assert waits and all(0 < w <= 5.0 for w in waits)
