"""Tests of the CAMEO reference table (eventwire/data/cameo.tsv) and its loader."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import DictionaryError
from eventwire.events.cameo import (
    PLOVER_EVENTS,
    CameoTable,
    load_default_table,
    parent,
    quad_class,
    root,
)
from eventwire.models import PloverLabel

HEADER = "code\tname\tgoldstein\tplover_event\tplover_mode\n"


@pytest.fixture(scope="module")
def table() -> CameoTable:
    return load_default_table()


def test_default_table_is_cached(table: CameoTable) -> None:
    assert load_default_table() is table


def test_table_size_and_roots(table: CameoTable) -> None:
    assert 300 <= len(table) <= 320
    for r in range(1, 21):
        assert f"{r:02d}" in table
        assert f"{r:02d}0" in table


@pytest.mark.parametrize(
    ("code", "name", "goldstein"),
    [
        ("010", "Make statement, not specified below", 0.0),
        ("012", "Make pessimistic comment", -0.4),
        ("036", "Express intent to meet or negotiate", 4.0),
        ("041", "Discuss by telephone", 1.0),
        ("042", "Make a visit", 1.9),
        ("043", "Host a visit", 2.8),
        ("051", "Praise or endorse", 3.4),
        ("057", "Sign formal agreement", 8.0),
        ("106", "Demand meeting, negotiation", -5.0),
        ("111", "Criticize or denounce", -2.0),
        ("112", "Accuse, not specified below", -2.0),
        ("145", "Protest violently, riot", -7.5),
        ("163", "Impose embargo, boycott, or sanctions", -8.0),
        ("173", "Arrest, detain, or charge with legal action", -5.0),
        ("190", "Use conventional military force, not specified below", -10.0),
        ("0874", "Retreat or surrender militarily", 10.0),
        ("2042", "Detonate nuclear weapons", -10.0),
    ],
)
def test_names_and_goldstein(table: CameoTable, code: str, name: str, goldstein: float) -> None:
    entry = table.get(code)
    assert entry.code == code
    assert entry.name == name
    assert entry.goldstein == goldstein
    assert table.name(code) == name
    assert table.goldstein(code) == goldstein


@pytest.mark.parametrize(
    ("code", "event", "mode"),
    [
        ("041", "CONSULT", "phone"),
        ("042", "CONSULT", "visit"),
        ("043", "CONSULT", "visit"),
        ("036", "AGREE", ""),
        ("051", "SUPPORT", ""),
        ("057", "SUPPORT", ""),
        ("111", "ACCUSE", "disapprove"),
        ("1121", "ACCUSE", "allege"),
        ("163", "COERCE", "restrict"),
        ("173", "COERCE", "arrest"),
        ("0841", "RETREAT", "release"),
        ("190", "ASSAULT", ""),
        ("192", "COERCE", "seize"),
        ("195", "ASSAULT", "heavy-weapons"),
        ("0253", "REQUEST", "yield"),  # 02x folded into REQUEST via its parallel 10x code
        ("010", "", ""),  # root 01 has no PLOVER event type
        ("08", "CONCEDE", ""),  # roots take their x0 code's label
    ],
)
def test_plover(table: CameoTable, code: str, event: str, mode: str) -> None:
    assert table.get(code).plover == PloverLabel(event, mode)
    assert table.plover(code) == PloverLabel(event, mode)


def test_all_plover_events_known(table: CameoTable) -> None:
    assert {e.plover.event for e in table} <= PLOVER_EVENTS | {""}


@pytest.mark.parametrize(
    ("r", "quad"),
    [(f"{r:02d}", 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4) for r in range(1, 21)],
)
def test_quad_class_for_each_root(table: CameoTable, r: str, quad: int) -> None:
    assert quad_class(r) == quad
    assert table.quad_class(r) == quad
    for code in table.codes():
        if code.startswith(r):
            assert table.get(code).quad_class == quad
            assert quad_class(code) == quad


def test_quad_class_examples() -> None:
    assert quad_class("051") == 1
    assert quad_class("0871") == 2
    assert quad_class("111") == 3
    assert quad_class("190") == 4


def test_root_and_parent() -> None:
    assert root("0211") == "02"
    assert root("190") == "19"
    assert CameoTable.root("20") == "20"
    assert parent("0211") == "021"
    assert parent("02") is None
    for bad in ("21", "00", "1", "12345", "ab", ""):
        with pytest.raises(ValueError):
            root(bad)


def test_get_unknown_raises_keyerror(table: CameoTable) -> None:
    with pytest.raises(KeyError, match="999"):
        table.get("999")
    assert "999" not in table
    assert "051" in table
    assert 51 not in table


def test_every_child_has_parent(table: CameoTable) -> None:
    for code in table.codes():
        p = parent(code)
        assert p is None or p in table
    assert set(table.children("04")) == {"040", "041", "042", "043", "044", "045", "046"}


def test_header_documents_sources_and_quad_mapping() -> None:
    text = (Path(__file__).parents[1] / "src/eventwire/data/cameo.tsv").read_text(encoding="utf-8")
    header = "".join(line for line in text.splitlines(keepends=True) if line.startswith("#"))
    assert "GDELT" in header and "CC BY-SA 4.0" in header and "CAMEO2PLOVER-2021" in header
    assert "01-05 -> 1" in header and "14-20 -> 4" in header


def test_validation_reports_all_problems_at_once(tmp_path: Path) -> None:
    bad = tmp_path / "cameo.tsv"
    bad.write_text(
        "# comment\n"
        + HEADER
        + "01\tStatement\t0.0\t\t\n"
        + "010\tStatement unspec\t0.0\t\t\n"
        + "0x1\tBad shape\t0.0\t\t\n"  # bad code shape
        + "011\tToo positive\t12.5\t\t\n"  # goldstein out of range
        + "012\tWrong plover\t-0.4\tPRAISE\t\n"  # unknown PLOVER event
        + "010\tDuplicate\t0.0\t\t\n"  # duplicate code
        + "0991\tOrphan\t-2.0\tACCUSE\t\n",  # parent 099 missing
        encoding="utf-8",
    )
    with pytest.raises(DictionaryError) as info:
        CameoTable.load(bad)
    err = info.value
    assert err.path == str(bad)
    assert len(err.problems) == 5
    text = "\n".join(err.problems)
    for fragment in (
        "bad code shape",
        "outside [-10, 10]",
        "unknown PLOVER event 'PRAISE'",
        "duplicate code",
        "parent code '099'",
    ):
        assert fragment in text
    assert "E010" in str(err)


def test_load_from_path_and_parse_roundtrip(tmp_path: Path) -> None:
    good = tmp_path / "mini.tsv"
    good.write_text(
        HEADER + "04\tConsult\t1.0\tCONSULT\t\n041\tPhone\t1.0\tCONSULT\tphone\n", encoding="utf-8"
    )
    t = CameoTable.load(good)
    assert len(t) == 2
    assert t.get("041").plover.mode == "phone"
    assert t.quad_class("041") == 1


def test_missing_file_is_dictionary_error(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError):
        CameoTable.load(tmp_path / "nope.tsv")
