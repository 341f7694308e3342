"""eventwire.evaluate: metrics, label sets, gold loaders and the ``evaluate`` command."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from eventwire.cli.main import main
from eventwire.errors import DictionaryError, InputError
from eventwire.evaluate.datasets import (
    find_span,
    load_cameo_class,
    load_cameo_ner,
    load_plover_gsr,
    load_plv,
)
from eventwire.evaluate.labels import LabelSets, load_label_sets
from eventwire.evaluate.metrics import classification, span_scores
from eventwire.evaluate.reuters import reuters_stories

PLV_HEADER = "\tsentence_id\tsentence\tmarked_sentence\tsource\ttarget\tgold_penta\tgold_root\troot_L1\n"
PLV_ROWS = [
    ("1", "Germany condemned Russia's annexation of Crimea.", "Germany", "Russia", "3", "ACCUSE"),
    ("2", "Japan sent humanitarian aid to the Philippines.", "Japan", "the Philippines", "2", "AID"),
    ("3", "China praised Pakistan for its efforts.", "China", "Pakistan", "1", "SUPPORT"),
    ("4", "France expelled two Iranian diplomats.", "France", "two Iranian diplomats", "4", "SANCTION"),
]


def _write_plv(path: Path) -> Path:
    lines = [PLV_HEADER]
    for i, (sid, sentence, src, tgt, penta, root) in enumerate(PLV_ROWS):
        lines.append(f"{i}\t{sid}\t{sentence}\tmarked\t{src}\t{tgt}\t{penta}\t{root}\tPEER\n")
    path.write_text("".join(lines), encoding="utf-8")
    return path


# -- metrics ---------------------------------------------------------------------------
def test_classification_accuracy_macro_f1_and_confusion() -> None:
    gold = ["A", "A", "B", "B"]
    pred = ["A", "NONE", "B", "A"]
    m = classification(gold, pred)
    assert m.n == 4
    assert m.accuracy == pytest.approx(0.5)
    # A: P 1/2, R 1/2 -> F1 .5; B: P 1, R 1/2 -> F1 2/3
    assert m.per_label["A"].f1 == pytest.approx(0.5)
    assert m.per_label["B"].precision == pytest.approx(1.0)
    assert m.per_label["B"].recall == pytest.approx(0.5)
    assert m.macro_f1 == pytest.approx((0.5 + 2 / 3) / 2)
    assert "NONE" not in m.per_label
    assert m.confusion == {"A": {"A": 1, "NONE": 1}, "B": {"B": 1, "A": 1}}


def test_macro_f1_only_over_gold_labels() -> None:
    m = classification(["A", "A"], ["A", "C"])
    assert m.per_label["C"].f1 == 0.0
    assert m.macro_f1 == pytest.approx(m.per_label["A"].f1)


def test_classification_rejects_length_mismatch() -> None:
    with pytest.raises(ValueError):
        classification(["A"], [])


def test_span_scores_exact() -> None:
    gold = [{("S", 0, 1), ("T", 2, 4)}]
    pred = [{("S", 0, 1), ("T", 2, 3)}]
    scores = span_scores(gold, pred)
    assert scores["S"].f1 == 1.0
    assert scores["T"].f1 == 0.0
    assert scores["ALL"].f1 == pytest.approx(0.5)


# -- label sets --------------------------------------------------------------------------
def test_packaged_label_sets() -> None:
    labels = load_label_sets()
    assert labels.plv("010") == ""
    assert labels.plv("0211") == "REQUEST" and labels.plover05("0211") == "DEMAND"
    assert labels.plv("081") == "YIELD" and labels.plover05("081") == "CONCEDE"
    assert labels.plover05("085") == "RETREAT"
    assert labels.plv("163") == "COERCE" and labels.plv("160") == "SANCTION"
    assert labels.plv("193") == "ASSAULT" and labels.plover05("193") == "FIGHT"
    assert labels.plover05("112") == "DISAPPROVE" and labels.plover05("091") == "INVESTIGATE"
    assert labels.penta_of("REQUEST") == 3 and labels.penta_of("YIELD") == 2
    assert labels.penta_of("NONE") == 0


def test_label_sets_report_every_problem() -> None:
    text = (
        "cameo_prefix\tplv\tplover05\n01\t\t\n02\tASK\tDEMAND\n99\tAGREE\tAGREE\n"
        "\nplv_label\tpenta\nAGREE\t7\n"
    )
    with pytest.raises(DictionaryError) as info:
        LabelSets.parse(text)
    problems = "\n".join(info.value.problems)
    assert "ASK" in problems and "'99'" in problems and "penta must be 1-4" in problems
    assert "missing CAMEO root 03" in problems


# -- loaders -------------------------------------------------------------------------------
def test_load_plv_locates_spans(tmp_path: Path) -> None:
    rows = load_plv(_write_plv(tmp_path / "plv.tsv"))
    assert len(rows) == 4
    first = rows[0]
    assert first.gold_root == "ACCUSE" and first.gold_penta == 3 and first.sentence_id == "1"
    assert first.source_span == (0, 7) and first.target_span == (18, 24)
    assert find_span("The Kremlin said", "the kremlin") == (0, 11)
    assert find_span("abc", "xyz") is None


def test_load_plv_rejects_other_tsv(tmp_path: Path) -> None:
    path = tmp_path / "x.tsv"
    path.write_text("a\tb\n1\t2\n", encoding="utf-8")
    with pytest.raises(InputError):
        load_plv(path)


def test_load_plover_gsr_skips_document(tmp_path: Path) -> None:
    data = [
        {"id": "DOC", "event": "DOCUMENT", "eventText": "docs"},
        {
            "id": "R1",
            "event": "AGREE",
            "eventText": "agreed",
            "text": "Hungary agreed to help Romania.",
            "source": [{"actorText": "Hungary", "code": "HUN", "sector": "GOV"}],
            "target": [{"actorText": "Romania", "code": "ROU"}],
        },
    ]
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    records = load_plover_gsr(path)
    assert len(records) == 1
    assert records[0].event == "AGREE" and records[0].sources[0].code == "HUN"
    assert records[0].targets[0].sector == ""


def test_load_cameo_class(tmp_path: Path) -> None:
    path = tmp_path / "c.tsv"
    path.write_text("Iraq attacked Kuwait.\t4\nObama spoke.\t0\n", encoding="utf-8")
    items = load_cameo_class(path)
    assert [(i.sentence, i.label) for i in items] == [("Iraq attacked Kuwait.", 4), ("Obama spoke.", 0)]
    path.write_text("no label here\n", encoding="utf-8")
    with pytest.raises(InputError):
        load_cameo_class(path)


def test_load_cameo_ner(tmp_path: Path) -> None:
    path = tmp_path / "n.txt"
    path.write_text(
        "The B-S\nSwiss I-S\ncourt I-S\nrejected O\nCroatia B-T\n. O\n\nA B-R\nB O\n",
        encoding="utf-8",
    )
    sentences = load_cameo_ner(path)
    assert len(sentences) == 2
    s = sentences[0]
    assert s.text == "The Swiss court rejected Croatia ."
    assert s.offsets[4] == (25, 32)
    assert s.spans() == {("S", 0, 3), ("T", 4, 5)}
    assert sentences[1].spans() == {("R", 0, 1)}


# -- end to end -------------------------------------------------------------------------------
def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_evaluate_plv_cli_json(tmp_path: Path) -> None:
    path = _write_plv(tmp_path / "plv.tsv")
    code, out, err = _run("evaluate", "plv", str(path), "--json")
    assert code == 0, err
    result = json.loads(out)
    for key in (
        "n",
        "accuracy",
        "macro_f1",
        "per_label",
        "confusion",
        "counts",
        "quad_accuracy",
        "extra_rate",
    ):
        assert key in result
    assert result["n"] == 4
    assert result["confusion"]["ACCUSE"] == {"ACCUSE": 1}
    assert result["accuracy"] >= 0.5
    counts = result["counts"]
    assert counts["correct"] + counts["uncoded"] + counts["wrong_label"] == 4


def test_evaluate_plv_cli_report_and_limit(tmp_path: Path) -> None:
    path = _write_plv(tmp_path / "plv.tsv")
    code, out, _ = _run("evaluate", "plv", str(path), "--limit", "2", "--spans", "predicted")
    assert code == 0
    assert out.startswith("plv (spans: predicted): n=2")
    assert "confusion" in out and "macro-F1" in out


def test_evaluate_missing_file_is_usage_error(tmp_path: Path) -> None:
    code, _, err = _run("evaluate", "plv", str(tmp_path / "nope.tsv"))
    assert code == 2 and "no such gold file" in err


def test_evaluate_no_default_patterns_needs_patterns(tmp_path: Path) -> None:
    path = _write_plv(tmp_path / "plv.tsv")
    code, _, err = _run("evaluate", "plv", str(path), "--no-default-patterns")
    assert code == 2 and "--no-default-patterns" in err


def test_evaluate_user_patterns_only(tmp_path: Path) -> None:
    path = _write_plv(tmp_path / "plv.tsv")
    patterns = tmp_path / "p.yaml"
    patterns.write_text(
        "version: 1\npatterns:\n  - {lemma: condemn, pos: VERB, code: '111'}\n", encoding="utf-8"
    )
    code, out, err = _run(
        "evaluate",
        "plv",
        str(path),
        "--json",
        "--no-default-patterns",
        "--patterns",
        str(patterns),
        "--classifier",
        "off",
    )
    assert code == 0, err
    result = json.loads(out)
    assert result["confusion"]["ACCUSE"] == {"ACCUSE": 1}
    assert result["confusion"]["AID"] == {"NONE": 1}


def test_cameo_class_main_event_is_the_one_nearest_the_root(pipeline) -> None:  # type: ignore[no-untyped-def]
    from eventwire.evaluate.cameo_class import evaluate_cameo_class
    from eventwire.evaluate.datasets import ClassItem

    items = [
        ClassItem("Israeli jets bombed Hamas positions in Gaza on Monday.", 4),
        ClassItem("The German government declined to comment on reports that Russia attacked Ukraine.", 0),
        ClassItem("Kenya urged Uganda to withdraw its troops from the border.", 0),
        ClassItem("Japan is considering sending aid to the Philippines.", 0),
    ]
    result = evaluate_cameo_class(pipeline, items)
    assert [item["predicted"] for item in result.items] == ["4", "0", "0", "0"]


def test_reuters_stories_are_read_from_the_sgml_files(tmp_path: Path) -> None:
    sgm = (
        '<REUTERS NEWID="1"><DATE>26-FEB-1987 15:01:01.79</DATE><PLACES><D>usa</D><D>japan</D></PLACES>'
        "<TEXT><TITLE>U.S. URGES JAPAN</TITLE><BODY>Washington urged Tokyo &amp; others to act.\x03</BODY>"
        '</TEXT></REUTERS>\n<REUTERS NEWID="2"><DATE>27-FEB-1987</DATE><TEXT><TITLE>NO BODY</TITLE></TEXT>'
        "</REUTERS>"
    )
    (tmp_path / "reut2-000.sgm.gz").write_bytes(gzip.compress(sgm.encode("latin-1")))
    [story] = list(reuters_stories(tmp_path))
    assert story == {
        "id": "reut2-000-0",
        "title": "U.S. URGES JAPAN",
        "text": "Washington urged Tokyo & others to act.",
        "date": "1987-02-26",
        "places": ["usa", "japan"],
    }
