"""Load on ``eventwire serve``: a bounded number of requests from several concurrent clients to a
local server on loopback; prints JSON with throughput, p50/p95/p99 latency and errors.

Usage: python benchmarks/load.py [--store DIR] [--corpus demo|wikinews] [--clients 8]
                                 [--requests 2000] [--port 0]

Without ``--store``, a new store is built first (``eventwire ingest``) from the bundled demo
articles or from ``../shared/corpora/wikinews-sample`` (``--corpus wikinews``).  The server is
the real CLI (uvicorn, one process) in a subprocess.  Each client is a thread with its own
keep-alive connection cycling through a fixed mix of API calls and HTML pages (events with
filters, search, a dyad's trend, rising actors, an actor, an article page, the home page).  A
request is an error when it does not answer 200 within 30 s.  The same run first measures
``/api/health`` alone from one client: the baseline of the server's own overhead.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parents[1]
WIKINEWS = REPO.parent / "shared" / "corpora" / "wikinews-sample"
MIX = (
    "/api/events?limit=50",
    "/api/events?dyad=CHN,RUS",
    "/api/events?actor=USA&quad=4",
    "/api/events?cameo=04&since=2020-01-01",
    "/api/events.csv?plover=CONSULT",
    "/api/search?q=minister",
    "/api/search?q=%22foreign%20minister%22%20OR%20protest",
    "/api/trends/dyad?dyad=CHN,RUS",
    "/api/trends/rising?window=30&baseline=365",
    "/api/actors/USA",
    "/search?q=election",
    "/events?actor=RUS",
    "/dyad/CHN/RUS",
    "/",
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _build_store(corpus: str) -> Path:
    root = Path(tempfile.mkdtemp(prefix="ew-load-store-"))
    if corpus == "wikinews":
        if not WIKINEWS.is_dir():
            raise SystemExit(f"{WIKINEWS} not found")
        paths = [str(WIKINEWS)]
    else:
        sys.path.insert(0, str(REPO / "src"))
        from eventwire.cli.demo import demo_files

        paths = demo_files()
    cmd = [sys.executable, "-m", "eventwire", "ingest", *paths, "--store", str(root), "--json"]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):
        raise SystemExit(f"ingest failed: {done.stderr[-2000:]}")
    return root


def _article_ids(base: str, n: int = 20) -> list[str]:
    items = httpx.get(f"{base}/api/events?limit={n}", timeout=30).json()["items"]
    return list(dict.fromkeys(e["article_id"] for e in items))


def _percentiles(values: list[float]) -> dict[str, float]:
    if not values:
        return {}
    ordered = sorted(values)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
    return {
        "p50": round(pick(0.50) * 1000, 1),
        "p95": round(pick(0.95) * 1000, 1),
        "p99": round(pick(0.99) * 1000, 1),
        "max": round(ordered[-1] * 1000, 1),
        "mean": round(statistics.fmean(ordered) * 1000, 1),
    }


def _run(base: str, urls: list[str], clients: int, requests: int) -> dict[str, Any]:
    latencies: list[float] = []
    by_url: dict[str, list[float]] = {}
    errors: list[str] = []
    lock = threading.Lock()
    counter = iter(range(requests))

    def client(k: int) -> None:
        with httpx.Client(base_url=base, timeout=30) as http:
            while True:
                with lock:
                    i = next(counter, None)
                if i is None:
                    return
                url = urls[(i + k) % len(urls)]
                started = time.perf_counter()
                detail = ""
                try:
                    status = http.get(url).status_code
                except httpx.HTTPError as exc:
                    status = -1
                    detail = type(exc).__name__
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    by_url.setdefault(url.split("?")[0], []).append(elapsed)
                    if status != 200:
                        errors.append(f"{url}: {status if status > 0 else detail}")

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - started
    return {
        "clients": clients,
        "requests": len(latencies),
        "seconds": round(seconds, 2),
        "requests_per_s": round(len(latencies) / seconds, 1),
        "latency_ms": _percentiles(latencies),
        "errors": len(errors),
        "error_examples": errors[:5],
        "by_path_p95_ms": {path: _percentiles(v)["p95"] for path, v in sorted(by_url.items())},
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--store", type=Path, help="an existing store (default: build one)")
    parser.add_argument("--corpus", choices=("demo", "wikinews"), default="demo")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    built = args.store is None
    store = _build_store(args.corpus) if built else args.store
    port = args.port or _free_port()
    base = f"http://127.0.0.1:{port}"
    cmd = [sys.executable, "-m", "eventwire", "serve", "--store", str(store), "--port", str(port)]
    log = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115 - the server's messages, closed below
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=log, text=True, env=os.environ.copy())
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                raise SystemExit(f"the server did not start: {log.read()[-2000:]}")
            time.sleep(0.2)
        urls = list(MIX) + [f"/article/{a}" for a in _article_ids(base)[:4]]
        for url in urls:  # warm-up: every page once (views, caches)
            httpx.get(f"{base}{url}", timeout=30)
        baseline = _run(base, ["/api/health"], 1, min(500, args.requests))
        loaded = _run(base, urls, args.clients, args.requests)
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()
        if built:
            shutil.rmtree(store, ignore_errors=True)
    report = {
        "cpus": os.cpu_count(),
        "corpus": "given store" if not built else args.corpus,
        "baseline_health_1_client": baseline,
        "mix": loaded,
        "p50_vs_health_p50": round(loaded["latency_ms"]["p50"] / max(0.1, baseline["latency_ms"]["p50"]), 1),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
