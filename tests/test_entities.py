"""The entity table (issue 17): format validation, dated lookup, namesakes, and its use in resolution."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from eventwire.actors.entities import COLUMNS, EntityTable, default_table, parse_rows
from eventwire.actors.lookup import resolve_actor
from eventwire.cli.main import main
from eventwire.errors import DictionaryError

HEADER = "\t".join(COLUMNS)


def _table(*rows: str) -> EntityTable:
    return EntityTable.parse("# test\n" + HEADER + "\n" + "\n".join(rows) + "\n", "<test>")


def test_rows_are_validated_with_line_numbers() -> None:
    text = "\n".join(
        [
            HEADER,
            "curated:a\tA Group\t\tMEX\tCRM\tcriminal_group\t\t2001-01-01\t",
            "nosource\tB\t\tMEX\tCRM\tcriminal_group\t\t\t",
            "curated:c\tC\t\tMEX\tXXX\tcriminal_group\t\t\t",
            "curated:d\tD\t\tMEX\tCRM\tgang\t\t\t",
            "curated:e\tE\t\tMEX\tCRM\tcriminal_group\t\t2020-13-01\t",
            "curated:f\tF\t\tMEX\tCRM\tcriminal_group\t\t2020-01-01\t2019-01-01",
            "curated:g\tG\tMEX\tCRM",
        ]
    )
    with pytest.raises(DictionaryError) as info:
        parse_rows(text, "user.tsv")
    problems = info.value.problems
    assert [p.split(":")[0] for p in problems] == [f"line {n}" for n in (3, 4, 5, 6, 7, 8)]
    assert "user.tsv" in str(info.value) and "must be <source>:<reference>" in problems[0]


def test_dated_terms_namesakes_and_former_people() -> None:
    table = _table(
        "curated:x\tMaria Perez\tPerez\tVEN\tGOV\tperson\thead_of_state\t2010-01-01\t2015-01-01",
        "curated:x\tMaria Perez\tPerez\tVEN\tOPP\tperson\tleader\t2015-01-01\t",
        "partyfacts:1\tLabour Party\t\tGBR\tPTY\tparty\t\t1900-01-01\t",
        "partyfacts:2\tLabour Party\t\tNZL\tPTY\tparty\t\t1916-01-01\t",
    )
    assert table.lookup("Maria Perez", dt.date(2012, 5, 1)).sector == "GOV"  # type: ignore[union-attr]
    assert table.lookup("Maria Perez", dt.date(2020, 5, 1)).sector == "OPP"  # type: ignore[union-attr]
    assert table.lookup("Maria Perez", dt.date(2000, 1, 1)) is None  # before any term
    assert table.lookup("Labour Party", dt.date(2020, 1, 1)) is None  # namesakes, no article country
    found = table.lookup("the Labour Party".removeprefix("the "), dt.date(2020, 1, 1), {"NZL"})
    assert found is not None and found.country == "NZL" and found.matched_by == "kb:partyfacts:2"


def test_bare_surname_only_for_a_sitting_unique_leader() -> None:
    table = _table(
        "epol:Q1\tAna Ruiz\t\tPER\tGOV\tperson\thead_of_state\t2018-01-01\t2021-01-01",
        "epol:Q2\tLuis Ruiz\t\tBOL\tGOV\tperson\tminister\t2018-01-01\t",
    )
    assert table.lookup("Ruiz", dt.date(2019, 1, 1), {"PER"}).country == "PER"  # type: ignore[union-attr]
    assert table.lookup("Ruiz", dt.date(2019, 1, 1), {"USA"}) is None  # not a country the article names
    assert table.lookup("Ruiz", dt.date(2022, 1, 1), {"PER"}) is None  # no sitting leader of that name
    assert table.lookup("Ruiz") is None  # no date: no bare surname


def test_abbreviations_need_the_articles_country_unless_curated() -> None:
    table = _table(
        "partyfacts:3\tSocial Democratic Front\tSDF\tCMR\tPTY\tparty\t\t1990-01-01\t",
        "partyfacts:4\tJapan Hope United\tJHU\tLKA\tPTY\tparty\t\t2004-01-01\t",
        "curated:sdf\tSyrian Democratic Forces\tSDF\tSYR\tREB\tarmed_group\t\t2015-10-10\t",
    )
    assert table.lookup("JHU", dt.date(2020, 1, 1)) is None
    assert table.lookup("JHU", dt.date(2020, 1, 1), {"LKA"}).country == "LKA"  # type: ignore[union-attr]
    assert table.lookup("SDF", dt.date(2020, 1, 1)).country == "SYR"  # type: ignore[union-attr]
    assert table.lookup("SDF", dt.date(2020, 1, 1), {"CMR"}).country == "CMR"  # type: ignore[union-attr]


def test_a_user_file_overrides_and_extends_the_packaged_table(tmp_path: Path) -> None:
    user = tmp_path / "mine.tsv"
    user.write_text(
        HEADER
        + "\ncurated:syrian-democratic-forces\tSyrian Democratic Forces\tSDF\tSYR\tSEP\tarmed_group\t\t\t\n"
        "user:acme\tAcme Liberation Front\tALF\tZZZ\tREB\tarmed_group\t\t\t\n",
        encoding="utf-8",
    )
    with pytest.raises(DictionaryError, match="unknown country code 'ZZZ'"):
        EntityTable.load(None, [user])
    user.write_text(user.read_text(encoding="utf-8").replace("ZZZ", "MLI"), encoding="utf-8")
    table = EntityTable.load(None, [user])
    assert table.lookup("SDF", dt.date(2020, 1, 1)).sector == "SEP"  # type: ignore[union-attr]
    assert table.lookup("Acme Liberation Front").country == "MLI"  # type: ignore[union-attr]
    replaced = sum(t.id == "curated:syrian-democratic-forces" for t in default_table().terms)
    assert replaced >= 1 and len(table) == len(default_table()) - replaced + 2


def test_packaged_table_is_compact_dated_and_sourced() -> None:
    path = Path(__file__).resolve().parent.parent / "src" / "eventwire" / "data" / "entities.tsv.gz"
    assert path.stat().st_size < 10_000_000
    header = gzip.decompress(path.read_bytes()).decode("utf-8")[:2000]
    assert "partyfacts" in header and "petrarch2" in header and "# newest:" in header
    sources = {t.source for t in default_table().terms}
    assert {"phoenix", "partyfacts", "epol", "wl2021", "unis", "curated"} <= sources


@pytest.mark.parametrize(
    ("text", "date", "context", "code"),
    [
        ("Kim Jong Un", "2023-06-01", None, "PRKGOV"),  # never the UN ("Un")
        ("Zelensky", "2023-06-01", None, "UKRGOV"),
        ("Modi", "2023-06-01", None, "INDGOV"),
        ("Lula", "2023-06-01", None, "BRAGOV"),
        ("Gustavo Petro", "2023-06-01", None, "COLGOV"),
        ("Sheikh Hasina", "2020-06-01", None, "BGDGOV"),
        ("Fatah", "2023-06-01", None, "PSEPTY"),
        ("the Jalisco New Generation Cartel", "2023-06-01", None, "MEXCRM"),
        ("MI6", "2023-06-01", None, "GBRSPY"),
        ("Stanford University", "2023-06-01", None, "USAEDU"),
        ("Hayat Tahrir al-Sham", "2020-06-01", "Hayat Tahrir al-Sham fighters shelled the town.", "SYRREB"),
        ("USAID", "2019-06-01", "USAID sent food aid to the region.", "USADEV"),
        # a group the agent table codes once for all time follows the dated rows of the team's table
        ("the Taliban", "2019-06-01", "The Taliban attacked a checkpoint in Kunduz.", "AFGREB"),
        ("the Taliban", "2023-06-01", "The Taliban banned women from universities.", "AFGGOV"),
    ],
)
def test_named_actors_that_need_world_knowledge(pipeline, text, date, context, code) -> None:  # type: ignore[no-untyped-def]
    answer = resolve_actor(pipeline.language, pipeline.resources, text, dt.date.fromisoformat(date), context)
    assert answer.code == code, answer


def test_a_party_abbreviation_takes_the_articles_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    sentence = "In India, the BJP accused the opposition of lying about the farm laws."
    answer = resolve_actor(pipeline.language, pipeline.resources, "BJP", dt.date(2021, 3, 1), sentence)
    assert answer.code == "INDPTY" and answer.matched_by.startswith("kb:")


def test_a_word_inside_a_longer_name_is_no_entity_of_its_own(pipeline) -> None:  # type: ignore[no-untyped-def]
    answer = resolve_actor(pipeline.language, pipeline.resources, "Lee Jae-myung", dt.date(2023, 6, 1))
    assert answer.country == "KOR", answer


def test_past_the_tables_coverage_the_match_says_so(pipeline) -> None:  # type: ignore[no-untyped-def]
    newest = pipeline.resources.people.newest
    later = newest + dt.timedelta(days=400)
    answer = resolve_actor(pipeline.language, pipeline.resources, "Zelensky", later)
    assert answer.country == "UKR" and f"+beyond-coverage:{newest.isoformat()}" in answer.matched_by
    within = resolve_actor(pipeline.language, pipeline.resources, "Zelensky", dt.date(2023, 1, 1))
    assert "beyond-coverage" not in within.matched_by


def test_entities_command_lists_candidates_and_the_choice(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["entities", "SDF", "--date", "2020-01-01", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {c["country"] for c in out["candidates"]} >= {"SYR", "CMR"}
    assert out["chosen"]["country"] == "SYR" and out["chosen"]["matched_by"].startswith("kb:curated:")
    assert main(["entities", "No Such Entity Anywhere"]) == 1


def test_evaluate_actors_scores_country_and_sector(tmp_path: Path) -> None:
    gold = tmp_path / "actors.jsonl"
    lines = [
        {
            "text": "Modi",
            "context": "Modi met the press.",
            "date": "2023-03-01",
            "country": "IND",
            "sector": "GOV",
        },
        {"text": "Kyiv", "context": "Rain fell in Kyiv.", "date": "2023-03-01", "skip": "a place"},
        {
            "text": "BJP",
            "context": "The BJP won in India.",
            "date": "2023-03-01",
            "country": "IND",
            "sector": "GOV",
        },
    ]
    gold.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.json"
    with out.open("w", encoding="utf-8") as stream:
        assert main(["evaluate", "actors", str(gold), "--json"], stdout=stream) == 0
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["counts"]["mentions"] == 2  # the skipped line is not an actor
    assert result["country_accuracy"] == 1.0 and result["sector_accuracy"] == 0.5


def test_a_company_from_the_table_is_never_he_or_she(pipeline) -> None:  # type: ignore[no-untyped-def]
    # Wikinews (CC BY 2.5), 2020: "Twitter" is tagged as a person by the parser, the table says company
    text = (
        "President Trump lashed out at the capital city's Democratic mayor Muriel Bowser on Twitter, "
        'accusing her of "not doing her job".'
    )
    events = pipeline.code_text(text)
    assert events and not [e for e in events if e.target is not None and e.target.country == "MNC"]


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("Assemblywoman Maria Lopez", "LEG"),
        ("a city councillor", "LEG"),
        ("a Kenyan research institute", "EDU"),
    ],
)
def test_local_legislators_and_academies_have_a_sector(pipeline, text, sector) -> None:  # type: ignore[no-untyped-def]
    assert resolve_actor(pipeline.language, pipeline.resources, text).sector == sector


def test_an_apposition_with_a_place_gives_the_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    sentence = "On Thursday, Sergei Sobyanin, the mayor of Moscow, extended the city lockdown to May 1."
    answer = resolve_actor(
        pipeline.language, pipeline.resources, "Sergei Sobyanin", dt.date(2020, 4, 2), sentence
    )
    assert answer.code == "RUSGOV"


def test_evaluate_actors_inside_their_articles(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    text = (
        "Thursday, April 2, 2020\n\nMOSCOW - The mayor of Moscow extended the lockdown on Thursday. "
        "Police arrested 20 people who had gathered in a square."
    )
    (folder / "a.csv").write_text(
        'url,date,title,text\nhttps://example.org/a,2020-04-02,Lockdown,"' + text + '"\n', encoding="utf-8"
    )
    gold = tmp_path / "gold.jsonl"
    line = {
        "text": "Police", "context": "Police arrested 20 people who had gathered in a square.",
        "date": "2020-04-02", "url": "https://example.org/a", "country": "RUS", "sector": "COP",
    }  # fmt: skip
    gold.write_text(json.dumps(line) + "\n", encoding="utf-8")
    out = tmp_path / "out.json"
    with out.open("w", encoding="utf-8") as stream:
        code = main(["evaluate", "actors", str(gold), "--articles", str(folder), "--json"], stdout=stream)
    result = json.loads(out.read_text(encoding="utf-8"))
    assert code == 0 and result["country_accuracy"] == 1.0 and result["sector_accuracy"] == 1.0
    with out.open("w", encoding="utf-8") as stream:  # the sentence alone names no country
        main(["evaluate", "actors", str(gold), "--json"], stdout=stream)
    assert json.loads(out.read_text(encoding="utf-8"))["country_accuracy"] == 0.0


def test_only_the_office_itself_makes_a_head_of_state_for_bare_surnames() -> None:
    # "Counselor to the President" is an aide, not a head of state whose surname alone would resolve
    assert any(t.name == "Kellyanne Conway" and t.role == "official" for t in default_table().terms)
    leaders = [t for t in default_table().terms if t.role in {"head_of_state", "head_of_government"}]
    assert leaders and not [
        t for t in leaders if t.source == "epol" and t.country == "USA" and t.name == "Kellyanne Conway"
    ]


def test_a_listed_party_needs_its_country_in_the_article(pipeline) -> None:  # type: ignore[no-untyped-def]
    table = _table("partyfacts:7\tThe Democrats\t\tGAB\tPTY\tparty\t\t1990-01-01\t")
    assert table.lookup("The Democrats", dt.date(2024, 7, 5)) is None
    assert table.lookup("The Democrats", dt.date(2024, 7, 5), {"USA"}) is None
    assert table.lookup("The Democrats", dt.date(2024, 7, 5), {"GAB"}).country == "GAB"  # type: ignore[union-attr]


def test_one_persons_terms_in_two_countries_follow_the_article() -> None:
    table = _table(
        "wl2021:Q1\tJean Dupont\t\tFRA\tGOV\tperson\thead_of_state\t2017-01-01\t",
        "wl2021:Q1\tJean Dupont\t\tAND\tGOV\tperson\thead_of_state\t2017-05-14\t",
    )
    assert table.lookup("Jean Dupont", dt.date(2020, 1, 1), {"FRA"}).country == "FRA"  # type: ignore[union-attr]


def test_entity_command_errors_are_clear(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["entities", "SDF", "--entities", str(tmp_path / "missing.tsv")]) == 2
    assert "missing.tsv: cannot read the entity table" in capsys.readouterr().err
    assert main(["entities", "Labour Party", "--country", "uk"]) == 2
    assert "ISO 3166-1 alpha-3" in capsys.readouterr().err
    assert main(["entities", "the Taliban", "--date", "2023-03-01", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["chosen"]["country"] == "AFG"


def test_a_title_in_the_phrase_gives_the_sector_over_a_namesake(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "President Trump sued Manhattan District Attorney Cyrus R. Vance, Jr. to block the release of his "
        "taxes."
    )
    [e] = pipeline.code_text(text, published="2019-09-20")
    assert e.cameo == "115" and e.target is not None and e.target.code == "USAJUD"  # not the late Cyrus Vance


def test_two_parties_of_one_country_are_two_actors(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "Democrats" is the US party in an American story (namesakes elsewhere need their own country)
    text = (
        "The United States House of Representatives voted on Wednesday. Republicans criticized the Democrats."
    )
    [e] = pipeline.code_text(text, published="2019-12-19")
    assert (e.cameo, e.source.code, e.target and e.target.code) == ("111", "USAPTY", "USAPTY")
    assert e.target.matched_by.startswith("kb:curated:democratic-party")  # type: ignore[union-attr]
    sentence = "The Democrats won the election in Greenland."  # not the American party
    answer = resolve_actor(
        pipeline.language, pipeline.resources, "The Democrats", dt.date(2021, 3, 1), sentence
    )
    assert not answer.code.startswith("USA")


def test_a_one_word_party_name_of_one_country_needs_no_country_in_the_article(pipeline) -> None:  # type: ignore[no-untyped-def]
    [e] = pipeline.code_text("Likud criticized the court on Monday.", published="2023-03-01")
    assert e.source.code == "ISRPTY"
