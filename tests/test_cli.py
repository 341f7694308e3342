"""The command line, run in-process: formats, errors naming the document, exit codes."""

from __future__ import annotations

import io
import json
from pathlib import Path

from eventwire.cli.main import EXIT_DOC_FAILED, EXIT_OK, EXIT_USAGE, main
from eventwire.cli.output import TSV_COLUMNS


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _corpus(tmp_path: Path) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "a.txt").write_text(
        "Ghana and Togo sign border pact\nPublished: 2021-05-04 10:00\n\n"
        "On Monday, Ghanaian President Nana Akufo-Addo praised Togo for its help.\n",
        encoding="utf-8",
    )
    lines = [
        json.dumps({"id": "j1", "text": "Chile condemned Peru on Friday.", "date": "2021-05-07"}),
        "{not json",
        json.dumps({"id": "j3", "text": "Sweden sent humanitarian aid to Ukraine.", "date": "2022-03-01"}),
    ]
    (tmp_path / "b.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def test_code_jsonl_goes_on_past_a_bad_record(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    code, out, err = run("code", str(corpus))
    assert code == EXIT_DOC_FAILED
    assert f"{corpus / 'b.jsonl'}:2" in err
    events = [json.loads(line) for line in out.splitlines()]
    pairs = {(e["source"]["country"], e["cameo"][:2], e["target"]["country"]) for e in events if e["target"]}
    assert ("GHA", "05", "TGO") in pairs
    assert ("CHL", "11", "PER") in pairs
    assert ("SWE", "07", "UKR") in pairs
    ghana = next(e for e in events if e["source"]["country"] == "GHA")
    assert ghana["date"] == "2021-05-03" and ghana["date_source"] == "text"


def test_code_tsv_to_file(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "in")
    target = tmp_path / "events.tsv"
    code, out, _ = run("code", str(corpus / "a.txt"), "--format", "tsv", "-o", str(target))
    assert code == EXIT_OK
    assert out == ""
    rows = target.read_text(encoding="utf-8").splitlines()
    assert rows[0].split("\t") == list(TSV_COLUMNS)
    assert len(rows) >= 2
    assert all(len(r.split("\t")) == len(TSV_COLUMNS) for r in rows)


def test_read_reports_missing_path_with_usage_exit(tmp_path: Path) -> None:
    code, out, err = run("read", str(tmp_path / "nope.txt"))
    assert code == EXIT_USAGE
    assert "nope.txt" in err and out == ""


def test_unknown_model_is_a_clear_config_error(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    code, _, err = run("code", str(corpus / "a.txt"), "--model", "no_such_pipeline_xyz")
    assert code == EXIT_USAGE
    assert "no_such_pipeline_xyz" in err and "E001" in err


def test_bad_user_pattern_file_reports_every_problem(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "in")
    bad = tmp_path / "mine.yaml"
    bad.write_text(
        "version: 1\npatterns:\n"
        "  - {lemma: snub, pos: VERB, code: '999'}\n"
        "  - {lemma: '', pos: VERB, code: '111'}\n"
        "  - {lemma: shun, pos: ADJ, code: '111'}\n",
        encoding="utf-8",
    )
    code, _, err = run("code", str(corpus / "a.txt"), "--patterns", str(bad))
    assert code == EXIT_USAGE
    assert "999" in err and "ADJ" in err and err.count("  - ") >= 3


def test_user_pattern_file_adds_a_trigger(tmp_path: Path) -> None:
    src = tmp_path / "s.txt"
    src.write_text("Norway snubbed Denmark on Tuesday.\n", encoding="utf-8")
    mine = tmp_path / "mine.yaml"
    mine.write_text("version: 1\npatterns:\n  - {lemma: snub, pos: VERB, code: '111'}\n", encoding="utf-8")
    code, out, _ = run("code", str(src), "--patterns", str(mine))
    assert code == EXIT_OK
    events = [json.loads(line) for line in out.splitlines()]
    assert any(e["cameo"] == "111" and e["pattern"].startswith("verb:snub") for e in events)


def test_settings_lists_every_setting() -> None:
    code, out, _ = run("settings")
    assert code == EXIT_OK
    for name in ("model", "batch_size", "EVENTWIRE_MODEL"):
        assert name in out


def test_backoff_model_file_and_off_switch(tmp_path: Path) -> None:
    src = tmp_path / "s.txt"
    src.write_text("Norway ferried blankets to Yemen on Tuesday.\n", encoding="utf-8")
    model = tmp_path / "m.json"
    model.write_text(
        json.dumps(
            {
                "version": 1,
                "classes": ["NONE", "07"],
                "bias": {"NONE": 0.0},
                "weights": {"ev=ferry": {"07": 5.0}},
            }
        ),
        encoding="utf-8",
    )
    code, out, _ = run("code", str(src), "--backoff", str(model), "--classifier", "off")
    assert code == EXIT_OK
    events = [json.loads(line) for line in out.splitlines()]
    assert [(e["source"]["country"], e["cameo"], e["target"]["country"]) for e in events] == [
        ("NOR", "070", "YEM")
    ]
    assert events[0]["pattern"].startswith("backoff:07:")
    _, out, _ = run("code", str(src), "--backoff", "off", "--classifier", "off")
    assert out == ""
    _, out, _ = run(
        "code", str(src), "--backoff", str(model), "--min-confidence", "0.999", "--classifier", "off"
    )
    assert out == ""
    _, out, _ = run("code", str(src), "--backoff", "off")  # the learned classifier reads the pair
    assert [json.loads(line)["coded_by"] for line in out.splitlines()] == ["model"]


def test_broken_backoff_model_is_a_usage_error(tmp_path: Path) -> None:
    src = tmp_path / "s.txt"
    src.write_text("Norway praised Denmark.\n", encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    code, _, err = run("code", str(src), "--backoff", str(bad))
    assert code == EXIT_USAGE
    assert "bad.json" in err and "back-off model" in err


def _actor(*argv: str) -> dict[str, object]:
    code, out, _ = run("actor", *argv, "--json")
    assert code == EXIT_OK
    return json.loads(out)  # type: ignore[no-any-return]


def test_actor_resolves_titles_places_groups_bodies_and_people() -> None:
    wang = _actor("Chinese State Councilor and Foreign Minister Wang Yi", "--date", "2020-12-22")
    assert (wang["country"], wang["sector"], wang["code"]) == ("CHN", "GOV", "CHNGOV")
    assert wang["matched_by"]
    assert (_actor("riot police in Minsk")["code"]) == "BLRCOP"
    assert (_actor("Houthi rebels")["code"]) == "YEMREB"
    un = _actor("the UN Security Council")
    assert (un["country"], un["type"]) == ("UNO", "IGO")
    assert _actor("an American destroyer")["code"] == "USAMIL"
    assert _actor("Lavrov", "--date", "2020-12-22")["code"] == "RUSGOV"
    assert _actor("Trump", "--date", "2023-01-01")["code"] == "USAELI"
    nobody = _actor("the weather")
    assert (nobody["country"], nobody["sector"], nobody["code"]) == ("", "", "")


def test_actor_jsonl_goes_on_past_bad_lines_and_keeps_lines_aligned(tmp_path: Path) -> None:
    src = tmp_path / "actors.jsonl"
    lines = [
        json.dumps({"text": "Lavrov", "date": "2020-12-22"}),
        json.dumps({"text": "Lavrov", "date": "22/12/2020"}),
        "{broken",
        json.dumps({"text": "Lavrov", "context": "Putin spoke in Moscow."}),
        "",
        json.dumps({"text": "the minister", "context": "Japan's defence minister spoke; the minister left."}),
    ]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run("actor", "--jsonl", str(src))
    assert code == EXIT_DOC_FAILED
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["line"] for r in rows] == [1, 2, 3, 4, 5, 6]  # one output line per input line
    assert [r.get("code") for r in rows] == ["RUSGOV", None, None, None, None, "JPNGOV"]
    assert "YYYY-MM-DD" in rows[1]["error"]["message"] and rows[1]["error"]["code"] == "E020"
    assert "does not occur" in rows[3]["error"]["message"]
    assert f"{src}:2" in err and f"{src}:3" in err


def test_actor_needs_text_or_jsonl_and_text_in_context() -> None:
    assert run("actor")[0] == EXIT_USAGE
    code, _, err = run("actor", "Lavrov", "--context", "Putin spoke.")
    assert code == EXIT_USAGE and "does not occur" in err


def test_unwritable_output_and_unreadable_actor_file_are_usage_errors(tmp_path: Path) -> None:
    src = tmp_path / "s.txt"
    src.write_text("Norway praised Denmark.\n", encoding="utf-8")
    code, _, err = run("code", str(src), "-o", str(tmp_path / "no" / "such" / "dir.jsonl"))
    assert code == EXIT_USAGE and "cannot write" in err
    code, _, err = run("actor", "--jsonl", str(tmp_path / "missing.jsonl"))
    assert code == EXIT_USAGE and "cannot read" in err
    binary = tmp_path / "b.jsonl"
    binary.write_bytes(b"\xff\xfe\x00\x81junk")
    code, _, err = run("actor", "--jsonl", str(binary))
    assert code == EXIT_USAGE and "not UTF-8" in err
    code, _, err = run("code", str(src), "--min-confidence", "1.5")
    assert code == EXIT_USAGE and "min_confidence" in err


def test_skipped_actor_dictionary_lines_are_reported(tmp_path: Path) -> None:
    mine = tmp_path / "mine.actors.txt"
    mine.write_text("RUFUS_FIREFLY_\n\t[FRDGOV >2004ab09]\nGROUCHO_\t[FRDGOV]\n", encoding="utf-8")
    code, out, err = run("actor", "Groucho", "--actors", str(mine), "--json")
    assert code == EXIT_OK
    assert json.loads(out)["code"] == "FRDGOV"
    assert "warning: skipped" in err and "mine.actors.txt:2" in err


def test_actor_context_match_ignores_case() -> None:
    code, out, _ = run(
        "actor", "the minister", "--context", "Japan's defence minister spoke. The minister left."
    )
    assert code == EXIT_OK and "JPN" in out


def test_unknown_model_is_a_usage_error_even_without_text(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    code, _, err = run("code", str(empty), "--model", "no_such_pipeline_xyz")
    assert code == EXIT_USAGE and "E001" in err
