"""The article gold standard: its format, its validator, and the scores of `eventwire evaluate articles`."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from eventwire.cli.main import main
from eventwire.errors import InputError
from eventwire.evaluate.article_gold import known_codes, load_article_gold, parse_article_gold
from eventwire.evaluate.articles import evaluate_articles

GOLD = Path(__file__).resolve().parent / "gold" / "articles" / "wikinews-gold.jsonl"

TEXT = (
    "On Tuesday, Chinese Foreign Minister Wang Yi held a phone call with Russian Foreign Minister Sergey "
    "Lavrov. The Kremlin denied that Russia was planning to invade Ukraine. A storm killed five people."
)


def _event(**over: Any) -> dict[str, Any]:
    event = {
        "sentence": (
            "On Tuesday, Chinese Foreign Minister Wang Yi held a phone call with Russian Foreign "
            "Minister Sergey Lavrov."
        ),
        "trigger": "phone call",
        "source": {"text": "Chinese Foreign Minister Wang Yi", "country": "CHN", "sector": "GOV"},
        "target": {"text": "Russian Foreign Minister Sergey Lavrov", "country": "RUS", "sector": "GOV"},
        "cameo": "041",
        "status": "asserted",
        "date": "2020-12-22",
        "date_precision": "day",
        "historical": False,
        "location": None,
    }
    event.update(over)
    return event


def _record(events: list[dict[str, Any]], id_: str = "t-1") -> str:
    return json.dumps({"id": id_, "title": "t", "date": "2020-12-23", "text": TEXT, "events": events})


def test_the_packaged_gold_file_is_valid() -> None:
    gold = load_article_gold(GOLD, known_codes())
    assert len(gold) == 60 and sum(len(a.events) for a in gold) >= 200
    assert sum(1 for a in gold if not a.events) >= 10  # articles with no political event count too
    out = io.StringIO()
    assert main(["evaluate", "articles", str(GOLD), "--check"], stdout=out, stderr=io.StringIO()) == 0
    assert "60 articles" in out.getvalue() and "no problems" in out.getvalue()


def test_every_problem_is_reported_with_its_line() -> None:
    bad = "\n".join(
        [
            _record([_event(cameo="41", date="2020-12", date_precision="day")]),
            "{not json",
            _record([_event(source={"text": "Xi Jinping", "country": "ZZZ", "sector": "GOV"})], "t-2"),
        ]
    )
    with pytest.raises(InputError) as err:
        parse_article_gold(bad, "gold.jsonl", known_codes())
    text = str(err.value)
    assert "gold.jsonl:1: event 0: 'cameo' must be a CAMEO code" in text
    assert "gold.jsonl:1: event 0: 'date' '2020-12' does not have the form of its precision day" in text
    assert "gold.jsonl:2: not JSON" in text
    assert "gold.jsonl:3: event 0: source.text 'Xi Jinping' is not in the sentence" in text
    assert "'ZZZ' is not a known country" in text


def test_scores_of_a_small_gold_file(pipeline: Any) -> None:
    denial = {
        "sentence": "The Kremlin denied that Russia was planning to invade Ukraine.",
        "trigger": "denied",
        "source": {"text": "The Kremlin", "country": "RUS", "sector": "GOV"},
        "target": None,
        "cameo": "016",
        "status": "asserted",
        "date": "2020-12-22",
        "date_precision": "day",
        "historical": False,
        "location": None,
    }
    invasion = dict(
        denial,
        trigger="invade",
        source={"text": "Russia", "country": "RUS", "sector": ""},
        target={"text": "Ukraine", "country": "UKR", "sector": ""},
        cameo="138",
        status="denied",
    )
    missed = _event(cameo="051", trigger="phone call")  # a gold event the coder cannot find
    gold = parse_article_gold(_record([_event(), denial, invasion, missed]), "g", known_codes())
    result = evaluate_articles(pipeline, gold)
    counts, scores = result.counts, result.scores
    assert counts["gold_events"] == 3  # asserted ones
    assert counts["matched"] == 2  # the call and the denial
    assert scores["recall"] == pytest.approx(2 / 3)
    assert scores["precision"] == pytest.approx(2 / counts["coded_events"])
    assert counts["not_asserted"] == 1 and counts["status_right"] == 1  # the invasion is denied
    assert counts["dated"] == 2 and scores["date_accuracy"] == 1.0
    assert result.items[0]["missed"] and "051" in result.items[0]["missed"][0]


def test_cli_json(tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl"
    path.write_text(_record([_event()]) + "\n", encoding="utf-8")
    out = io.StringIO()
    assert main(["evaluate", "articles", str(path), "--json"], stdout=out, stderr=io.StringIO()) == 0
    report = json.loads(out.getvalue())
    for key in ("precision", "recall", "f1", "date_accuracy", "location_accuracy", "duplicate_rate"):
        assert key in report
    assert report["counts"]["gold_events"] == 1 and report["counts"]["matched"] == 1
