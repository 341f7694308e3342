"""The web UI and JSON API, in process (FastAPI's TestClient) over a store of the demo articles."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eventwire.cli.demo import demo_files
from eventwire.models import Article
from eventwire.serve.app import API_LIMIT, SECURITY_HEADERS, create_app
from eventwire.store import Store, StoreReader
from eventwire.store.ingest import ingest

API_ENDPOINTS = [
    "/api/events?dyad=CHN,RUS",
    "/api/events.csv?dyad=CHN,RUS",
    "/api/search?q=Lavrov",
    "/api/trends/dyad?dyad=CHN,RUS",
    "/api/trends/rising?window=30&baseline=365",
    "/api/actors/CHN",
    "/api/health",
]
BAD = [
    "/api/events?dyad=CHN",
    "/api/events?quad=7",
    "/api/events?since=2020-02-31",
    "/api/events?limit=0",
    f"/api/events?limit={API_LIMIT + 1}",
    "/api/events?offset=-5",
    "/api/events?actor=CHN%27%3B%20DROP%20TABLE%20events%3B--",
    "/api/events.csv?cameo=x1",
    "/api/search?q=OR",
    "/api/search",
    "/api/search?q=x&country=China",
    "/api/trends/dyad?dyad=CHN,RUS&by=year",
    "/api/trends/dyad",
    "/api/trends/rising?window=0",
    "/api/actors/C",
    "/api/articles/nope",
    "/api/events/nope",
    "/api/events?historical=perhaps",
    "/api/nope",
]


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory, pipeline) -> Path:  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("served")
    ingest(demo_files(), root, pipeline)
    return root


@pytest.fixture(scope="module")
def client(store_dir) -> TestClient:  # type: ignore[no-untyped-def]
    return TestClient(create_app(store_dir))


def _seed_id(store_dir: Path) -> str:
    with StoreReader(store_dir) as r:
        row = r.catalog.execute(
            "SELECT article_id FROM articles WHERE title LIKE 'China, Russia%'"
        ).fetchone()
    return str(row[0])


@pytest.mark.parametrize("url", API_ENDPOINTS)
def test_api_endpoints_answer(client, url) -> None:  # type: ignore[no-untyped-def]
    r = client.get(url)
    assert r.status_code == 200, r.text
    for name, value in SECURITY_HEADERS.items():
        assert r.headers[name] == value
    if "json" in r.headers["content-type"]:
        assert r.json()["ok"] is True


@pytest.mark.parametrize("url", BAD)
def test_bad_requests_have_one_error_shape(client, url) -> None:  # type: ignore[no-untyped-def]
    r = client.get(url)
    assert 400 <= r.status_code < 500, (url, r.status_code, r.text)
    body = r.json()
    assert set(body) == {"ok", "status", "error"} and body["ok"] is False and body["status"] == r.status_code
    assert body["error"] and "Traceback" not in body["error"]


def test_events_api_paginates(client) -> None:  # type: ignore[no-untyped-def]
    first = client.get("/api/events?limit=5").json()
    assert first["total"] > 5 and len(first["items"]) == 5 and first["next_offset"] == 5
    second = client.get("/api/events?limit=5&offset=5").json()
    assert {e["event_id"] for e in first["items"]}.isdisjoint(e["event_id"] for e in second["items"])
    dyad = client.get("/api/events?dyad=CHN,RUS&cameo=041").json()["items"]
    assert dyad and {(e["source_country"], e["target_country"]) for e in dyad} <= {
        ("CHN", "RUS"),
        ("RUS", "CHN"),
    }


def test_only_get(client) -> None:  # type: ignore[no-untyped-def]
    for method in ("post", "put", "delete"):
        r = getattr(client, method)("/api/events")
        assert r.status_code == 405 and r.json()["error"].startswith("read-only")


def test_openapi_is_published(client) -> None:  # type: ignore[no-untyped-def]
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {
        "/api/events",
        "/api/events/{event_id}",
        "/api/search",
        "/api/trends/dyad",
        "/api/actors/{code}",
    } <= set(paths)


def test_seed_article_page_highlights_actors_and_triggers(client, store_dir) -> None:  # type: ignore[no-untyped-def]
    r = client.get(f"/article/{_seed_id(store_dir)}")
    assert r.status_code == 200
    actors = set(re.findall(r'<mark class="actor"[^>]*>([^<]*)</mark>', r.text))
    for name in ("China", "Russia", "U.S."):
        assert name in actors
    assert any("Wang Yi" in a for a in actors) and any("Lavrov" in a for a in actors)
    triggers = re.findall(r'<mark class="trigger" title="([^"]*)">', r.text)
    assert any(t.startswith("041") for t in triggers)
    assert "Discuss by telephone" in r.text  # the events table


def test_dyad_page_draws_its_chart(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/dyad/CHN/RUS")
    assert r.status_code == 200
    svg = r.text[r.text.index("<svg") : r.text.index("</svg>")]
    assert svg.count('class="bar q1"') >= 1 and 'class="goldstein"' in svg and "2020-12" in svg
    assert client.get("/dyad/CHN/RUS?by=decade").status_code == 400


def test_pages_answer(client) -> None:  # type: ignore[no-untyped-def]
    home = client.get("/")
    assert home.status_code == 200 and "Search Trends" in home.text and "/dyad/" in home.text
    search = client.get("/search?q=%22Wang+Yi%22")
    assert search.status_code == 200 and "<mark>Wang" in search.text
    actor = client.get("/actor/CHN")
    assert (
        actor.status_code == 200 and 'class="chart network"' in actor.text and "/dyad/CHN/RUS" in actor.text
    )
    events = client.get("/events?dyad=CHN,RUS")
    assert events.status_code == 200 and "/api/events.csv?dyad=CHN%2CRUS" in events.text
    assert client.get("/events?quad=9").status_code == 400
    assert client.get("/article/nope").status_code == 404


def test_untrusted_text_is_escaped(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    evil = '<script>alert("x")</script>'
    text = f"Kenya accused Uganda of an attack near the border on Monday. {evil} Officials said. " * 2
    art = Article("x", f"Border {evil}", text, "x", "2024-05-06", url="https://example.org/x")
    events = pipeline.code_text(text, published="2024-05-06", article_id="x")
    with Store(tmp_path) as store:
        (stored,) = store.add_batch([(art, events, [], [])])
    client = TestClient(create_app(tmp_path))
    for url in (f"/article/{stored.article_id}", "/search?q=Kenya+alert", "/"):
        r = client.get(url)
        assert r.status_code == 200 and "<script>" not in r.text, url
        assert url == "/" or "&lt;script&gt;" in r.text, url


def test_new_data_appears_without_restart(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    client = TestClient(create_app(tmp_path))
    assert client.get("/api/events").status_code == 503  # no store yet: a clear error, not a crash
    ingest(demo_files()[:1], tmp_path, pipeline)
    before = client.get("/api/events").json()["total"]
    assert before > 0
    text = "Japan and India signed a defence cooperation agreement in Tokyo on Tuesday."
    art = Article("n", "Japan India pact", text, "x", "2024-05-07")
    with Store(tmp_path) as store:
        store.add_batch([(art, pipeline.code_text(text, published="2024-05-07", article_id="n"), [], [])])
    assert client.get("/api/events").json()["total"] > before


def test_cli_serve_listens_on_loopback(store_dir) -> None:  # type: ignore[no-untyped-def]
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cmd = [sys.executable, "-m", "eventwire", "serve", "--store", str(store_dir), "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
        assert r.status_code == 200 and r.json()["ok"] is True
        assert httpx.get(f"http://127.0.0.1:{port}/dyad/CHN/RUS", timeout=5).status_code == 200
    finally:
        proc.terminate()
        proc.wait(timeout=10)


# ----------------------------------------------------------------------------- hardening

INJECTIONS = [
    "' OR '1'='1",
    "CHN'; DROP TABLE events; --",
    '"; DELETE FROM articles; --',
    "x') UNION SELECT * FROM failures --",
    "%' OR 1=1 --",
    "*",
    "NEAR(a b",
    "\\x00",
    "CHN,RUS' OR 1=1 --",
]
INJECTABLE = [
    "/api/events?actor={}",
    "/api/events?dyad={}",
    "/api/events?cameo={}",
    "/api/events?plover={}",
    "/api/events?status={}",
    "/api/events?since={}",
    "/api/events.csv?actor={}",
    "/api/search?q={}",
    "/api/trends/dyad?dyad={}",
    "/api/actors/{}",
    "/api/articles/{}",
    "/api/events/{}",
    "/event/{}",
    "/search?q={}",
    "/events?actor={}",
]


def _fingerprint(store_dir: Path) -> tuple[int, ...]:
    with StoreReader(store_dir) as r:
        cat = r.catalog
        counts = [cat.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "failures")]
        with r.cursor() as cur:
            counts += [cur.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("events", "mentions")]
    return tuple(counts)


def test_injection_is_inert(client, store_dir) -> None:  # type: ignore[no-untyped-def]
    from urllib.parse import quote

    before = _fingerprint(store_dir)
    assert before[0] > 0 and before[2] > 0
    for template in INJECTABLE:
        for payload in INJECTIONS:
            url = template.format(quote(payload, safe=""))
            r = client.get(url)
            assert r.status_code in {200, 400, 404}, (url, r.status_code, r.text[:300])
            assert "Traceback" not in r.text and "sqlite3" not in r.text and "duckdb" not in r.text.lower()
            if r.status_code == 200 and url.startswith("/api/events?"):
                assert r.json()["total"] == 0, url  # a payload is a value that matches nothing
    assert _fingerprint(store_dir) == before


def test_queries_stop_at_the_time_limit(store_dir, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import eventwire.store.store as store_module

    # the demo store's queries are too small to reach the deadline check: look at every step
    monkeypatch.setattr(store_module, "_CHECK_EVERY", 1)
    strict = TestClient(create_app(store_dir, query_timeout=1e-9))
    r = strict.get("/api/search?q=Lavrov")
    assert r.status_code == 503, r.text
    body = r.json()
    assert body["ok"] is False and "time limit" in body["error"] and "[E043]" in body["error"]
    assert strict.get("/search?q=Lavrov").status_code == 503  # the HTML page too, as an error page


def test_a_long_duckdb_query_is_interrupted(store_dir) -> None:  # type: ignore[no-untyped-def]
    import time

    from eventwire.errors import QueryTimeoutError
    from eventwire.store.store import query_deadline

    with StoreReader(store_dir) as r, query_deadline(0.2):
        started = time.monotonic()
        with pytest.raises(QueryTimeoutError), r.cursor() as cur:
            cur.execute("SELECT count(*) FROM range(10000000000) a WHERE a.range % 7 = 3").fetchone()
        assert time.monotonic() - started < 10


def test_a_search_stopped_at_the_deadline_is_a_timeout_not_a_bad_query(store_dir, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import eventwire.store.store as store_module
    from eventwire.errors import QueryTimeoutError
    from eventwire.query.search import search
    from eventwire.store.store import query_deadline

    monkeypatch.setattr(store_module, "_CHECK_EVERY", 1)
    with StoreReader(store_dir) as r:  # opened (and its catalog connection made) before the deadline
        assert search(r, "Lavrov")
        with query_deadline(1e-9), pytest.raises(QueryTimeoutError):
            search(r, "Lavrov")
        assert search(r, "Lavrov")  # and the next query, without a deadline, answers


def test_an_internal_error_shows_no_stack_trace(store_dir, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import eventwire.serve.app as app_module

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret internals /etc/passwd")

    monkeypatch.setattr(app_module, "event_rows", broken)
    r = TestClient(create_app(store_dir), raise_server_exceptions=False).get("/api/events")
    assert r.status_code == 500 and r.json() == {"ok": False, "status": 500, "error": "internal error"}
    assert "secret" not in r.text and r.headers["X-Content-Type-Options"] == "nosniff"


def test_serve_answers_while_an_ingest_writes(tmp_path: Path) -> None:
    """A real ingest process writes small segments into the store the app is serving: every
    request answers, the counts only grow, and the final count appears without a restart."""
    import os
    import subprocess
    import sys
    import time

    root = tmp_path / "live"
    env = {**os.environ, "EVENTWIRE_STORE_BATCH": "1"}
    cmd = [sys.executable, "-m", "eventwire", "ingest", *demo_files(), "--store", str(root), "--json"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    client = TestClient(create_app(root))
    seen: list[int] = []
    statuses: set[int] = set()
    try:
        while proc.poll() is None:
            r = client.get("/api/events?limit=1")
            statuses.add(r.status_code)
            if r.status_code == 200:
                seen.append(r.json()["total"])
                assert client.get("/api/search?q=Russia").status_code == 200
                assert client.get("/").status_code == 200
            time.sleep(0.05)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert statuses <= {200, 503}  # 503 only before the store exists
    assert seen == sorted(seen) and len(set(seen)) >= 2, seen  # it grew while being read
    final = client.get("/api/events?limit=1").json()["total"]
    assert final >= seen[-1] and final > 0
    with StoreReader(root) as r, r.cursor() as cur:
        events = "SELECT count(*) FROM events WHERE first_mention AND NOT historical"  # not the mentions
        assert cur.execute(events).fetchone()[0] == final
