"""The PETRARCH/TABARI actor dictionary importer: format, date windows, code slots, use by the coder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.actors.dictionary import AgentTable
from eventwire.actors.petrarch import ActorDictionary, parse_date, split_code
from eventwire.errors import DictionaryError
from eventwire.models import ActorCode
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings

SAMPLE = """# a hand-written sample in the documented format
FREEDONIA_  [FRD]
+FREEDONIAN_
RUFUS_FIREFLY_  # leader
+PRESIDENT_FIREFLY
\t[FRDELI 19200101-19330101]
\t[FRDGOV >19330102]
AMBASSADOR_TRENTINO_ [SYLGOV]; default code
\t[SYLELI <19300101]
UNITED_NATIONS_\t[IGOUNO]# NGO_Actors
HUMAN_RIGHTS_FIRST_\t[NGOHRIHRF]
BROKEN_DATE_
\t[FRDGOV 1933-13-45]
"""


def test_parse_date_accepts_both_widths() -> None:
    assert parse_date("20040309") == dt.date(2004, 3, 9)
    assert parse_date("070723") == dt.date(2007, 7, 23)
    assert parse_date("450703") == dt.date(1945, 7, 3)
    with pytest.raises(ValueError):
        parse_date("2004017")


def test_date_windows_choose_the_code() -> None:
    d = ActorDictionary.parse(SAMPLE)
    assert d.code_of("Rufus Firefly", dt.date(1925, 5, 1)) == "FRDELI"
    assert d.code_of("President Firefly", dt.date(1940, 1, 1)) == "FRDGOV"
    assert d.code_of("rufus_firefly", dt.date(1900, 1, 1)) == ""  # no window and no default: null code
    assert d.code_of("Ambassador Trentino", dt.date(1920, 1, 1)) == "SYLELI"
    assert d.code_of("Ambassador Trentino", dt.date(1950, 1, 1)) == "SYLGOV"  # the default
    assert d.code_of("Freedonian") == "FRD"
    assert d.code_of("Marx") == ""


def test_bad_lines_are_reported_with_line_numbers_and_the_rest_kept() -> None:
    d = ActorDictionary.parse(SAMPLE, source="sample.txt")
    assert len(d.problems) == 1 and d.problems[0].startswith("sample.txt:13:")
    assert d.code_of("Freedonia") == "FRD"
    with pytest.raises(DictionaryError):
        ActorDictionary.parse(SAMPLE, strict=True)


def test_codes_go_to_eventwire_slots() -> None:
    agents = AgentTable.load()
    assert split_code("RUSGOV", agents) == ActorCode("RUS", "GOV")
    assert split_code("IGOUNO", agents) == ActorCode("UNO", "")
    assert split_code("IGOWSTNAT", agents) == ActorCode("NAT", "")
    assert split_code("NGOHRIAMN", agents) == ActorCode("AMN", "HRI")
    assert split_code("NGOHRIHRF", agents) == ActorCode("NGO", "HRI")  # a body eventwire does not know
    assert split_code("AFG", agents) == ActorCode("AFG", "")


def test_coder_uses_imported_names_the_packaged_tables_lack(tmp_path: Path) -> None:
    path = tmp_path / "mine.actors.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    plain = Pipeline(Settings.from_env(env={}))
    mine = Pipeline(Settings.from_env(env={}, actors=str(path)))
    text = "Rufus Firefly praised Kenya."
    assert not [e for e in plain.code_text(text, published="1940-01-01") if e.source.country == "FRD"]
    events = mine.code_text(text, published="1940-01-01")
    assert [(e.source.code, e.source.matched_by) for e in events] == [("FRDGOV", "imported:Rufus Firefly")]


def test_phoenix_actor_files_load_and_resolve_with_date_windows(shared: Path) -> None:
    folder = shared / "corpora" / "petrarch2-dictionaries"
    files = [folder / f"Phoenix.{n}.actors.txt" for n in ("Countries", "International", "MilNonState")]
    d = ActorDictionary.load(files)
    assert len(d) > 30_000
    assert len(d.problems) < 20  # a handful of mistyped dates in the upstream files, each reported
    agents = AgentTable.load()
    assert d.lookup("Sergey Lavrov", dt.date(2020, 1, 1), agents) == ActorCode("RUS", "GOV")
    assert d.code_of("Lavrov", dt.date(2000, 1, 1)) == "RUSGOV"  # ambassador to the UN then
    assert d.lookup("United Nations", None, agents) == ActorCode("UNO", "")
    assert d.lookup("Amnesty International", None, agents) == ActorCode("AMN", "HRI")
    assert d.code_of("Sergey Naryshkin", dt.date(2006, 1, 1)) == "RUSGOV"
    assert d.code_of("Sergey Naryshkin", dt.date(2010, 1, 1)) == ""  # after his window
    assert d.code_of("Wang Yi", dt.date(2020, 12, 22)) == ""  # the stale-dictionary problem itself
