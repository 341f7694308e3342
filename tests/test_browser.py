"""Browser tests: real headless Chromium (Debian's ``chromium``, driven by Playwright with
``executable_path`` — no browser download) against ``eventwire serve`` on loopback, over a store of the
demo articles.  Screenshots of every page go to ``test-artifacts/screenshots/`` (or
``$EVENTWIRE_SCREENSHOTS``).  ``.ci/run`` installs chromium.  Without it these tests fail with the
one-line instruction (``make test`` stops before them with the same line); they are skipped only when
asked, with ``EVENTWIRE_SKIP_BROWSER=1``, never silently.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.cli.demo import demo_files
from eventwire.store.ingest import ingest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
INSTALL = (
    "the browser tests need Debian's chromium: sudo apt-get install chromium "
    "(or EVENTWIRE_SKIP_BROWSER=1 to leave them out)"
)


@pytest.fixture(scope="module", autouse=True)
def chromium() -> str:
    """The browser, or a failure saying how to install it (a skip only when asked for)."""
    if CHROMIUM is None:
        if os.environ.get("EVENTWIRE_SKIP_BROWSER"):
            pytest.skip("EVENTWIRE_SKIP_BROWSER is set: browser tests left out")
        pytest.fail(INSTALL, pytrace=False)
    return CHROMIUM


SHOTS = Path(
    os.environ.get(
        "EVENTWIRE_SCREENSHOTS", Path(__file__).resolve().parents[1] / "test-artifacts" / "screenshots"
    )
)


@pytest.fixture(scope="module")
def server(tmp_path_factory, pipeline) -> Iterator[str]:  # type: ignore[no-untyped-def]
    import uvicorn

    from eventwire.serve.app import create_app

    root = tmp_path_factory.mktemp("browser-store")
    ingest(demo_files(), root, pipeline)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(root), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def page(server, chromium):  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        context = browser.new_context(viewport={"width": 1280, "height": 1000})
        pg = context.new_page()
        errors: list[str] = []
        pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        pg.errors = errors  # type: ignore[attr-defined]
        yield pg
        browser.close()


def _shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_search_then_article_then_dyad(page, server) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/")
    assert page.locator("h1").inner_text() == "Search Trends"
    assert page.locator("table.events tbody tr").count() >= 10
    _shot(page, "home")

    page.fill("input[name=q]", "Lavrov")
    page.click("form.searchbox button")
    page.wait_for_url("**/search?q=Lavrov")
    hits = page.locator("#hits a.hit")
    assert hits.count() >= 1 and "China, Russia" in hits.first.inner_text()
    assert page.locator("#hits mark").first.inner_text() == "Lavrov"
    _shot(page, "search")

    hits.first.click()
    page.wait_for_url("**/article/*")
    actors = page.locator("#article-text mark.actor").all_inner_texts()
    for name in ("China", "Russia", "U.S."):
        assert name in actors
    assert any("Wang Yi" in a for a in actors) and any("Lavrov" in a for a in actors)
    assert page.locator("#article-text mark.trigger").count() >= 5
    assert "Discuss by telephone" in page.locator("table.events").inner_text()
    _shot(page, "article")

    page.locator("a.dyad-link", has_text="CHN–RUS").first.click()
    page.wait_for_url("**/dyad/CHN/RUS")
    chart = page.locator("#dyad-chart svg")
    assert chart.is_visible() and chart.locator("rect.bar").count() >= 1
    assert chart.locator("path.goldstein").count() == 1
    box = chart.bounding_box()
    assert box is not None and box["width"] > 400 and box["height"] > 200
    _shot(page, "dyad")


def test_actor_and_events_pages(page, server) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/actor/CHN")
    assert page.locator("#actor-network svg").is_visible()
    partners = page.locator("#partners tbody tr").all_inner_texts()
    assert any(row.startswith("RUS") for row in partners)
    _shot(page, "actor")

    page.goto(server + "/events")
    page.fill("#filters input[name=dyad]", "CHN,RUS")
    page.select_option("#filters select[name=quad]", "1")
    page.click("#filters button")
    page.wait_for_url("**/events?*dyad=CHN%2CRUS*")
    rows = page.locator("table.events tbody tr")
    assert rows.count() >= 5
    assert page.locator("#dl-csv").get_attribute("href").startswith("/api/events.csv?")
    _shot(page, "events")
    assert not page.errors  # type: ignore[attr-defined]


def test_the_dyad_timeline_has_a_continuous_axis(page, server) -> None:  # type: ignore[no-untyped-def]
    """Every month between a dyad's first and last events has its slot, a quiet one too; the Goldstein
    line breaks over quiet months; the legend and the month labels do not overlap."""
    import json
    from urllib.request import urlopen

    with urlopen(server + "/api/trends/dyad?dyad=USA,IRN") as resp:
        items = json.load(resp)["items"]
    quiet = [i["period"][:7] for i in items if i["events"] == 0]
    assert quiet, "the demo's USA-IRN events should span months without events"
    page.goto(server + "/dyad/USA/IRN")
    chart = page.locator("#dyad-chart svg")
    assert chart.get_attribute("data-periods") == str(len(items))
    assert chart.locator("rect.slot").count() == len(items)
    labels = chart.locator("text.period").all_text_contents()
    assert labels[0] == items[0]["period"][:7] and set(labels) <= {i["period"][:7] for i in items}
    runs = sum(1 for i, it in enumerate(items) if it["events"] and (i == 0 or not items[i - 1]["events"]))
    assert (chart.locator("path.goldstein").get_attribute("d") or "").count("M") == runs
    legend = [b for b in (t.bounding_box() for t in chart.locator("text.legend").all()) if b]
    marks = [b for b in (t.bounding_box() for t in chart.locator("text.period").all()) if b]
    assert legend and marks
    assert max(b["y"] + b["height"] for b in legend) < min(b["y"] for b in marks)  # apart
    _shot(page, "dyad-continuous-axis")
    assert not page.errors  # type: ignore[attr-defined]
