"""Places: the GeoNames gazetteer, event locations, and the wire dateline as a fallback."""

from __future__ import annotations

import time
from importlib import resources
from typing import Any

import pytest

from eventwire.actors.places import DivisionIndex, Gazetteer, normalise_place, parse_admin1, parse_regions
from eventwire.errors import DictionaryError
from eventwire.events.coder import EventCoder
from eventwire.extract.article import extract_article
from eventwire.models import Article, Location, RawDocument


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def test_city_has_country_first_level_division_and_coordinates(gazetteer: Gazetteer) -> None:
    minsk = gazetteer.resolve("Minsk")
    assert minsk is not None
    assert (minsk.name, minsk.country, minsk.adm1, minsk.precision) == ("Minsk", "BLR", "BY.04", "city")
    assert minsk.lat is not None and minsk.lon is not None
    assert 53 < minsk.lat < 55 and 27 < minsk.lon < 28


def test_other_spellings_and_case(gazetteer: Gazetteer) -> None:
    kiev, kyiv = gazetteer.resolve("Kiev"), gazetteer.resolve("KYIV")
    assert kiev is not None and kyiv is not None and kiev.name == kyiv.name and kiev.country == "UKR"
    assert normalise_place("the  São-Paulo.") == "sao paulo"


def test_ambiguous_name_goes_to_a_country_of_the_article(gazetteer: Gazetteer) -> None:
    default = gazetteer.resolve("Tripoli")
    in_lebanon = gazetteer.resolve("Tripoli", prefer={"LBN"})
    assert default is not None and default.country == "LBY"  # the most populous
    assert in_lebanon is not None and in_lebanon.country == "LBN"


def test_country_name_is_a_country_level_location(gazetteer: Gazetteer) -> None:
    syria = gazetteer.resolve("Syria")
    assert syria is not None and syria.country == "SYR" and syria.lat is None and syria.adm1 == ""
    assert syria.precision == "country"
    assert gazetteer.resolve("Qwertyuiopville") is None


def _at(loc: Location | None) -> tuple[str, str, str, str]:
    assert loc is not None
    return loc.name, loc.country, loc.adm1, loc.precision


@pytest.mark.parametrize(
    "name", ["Idlib province", "Idlib Governorate", "the province of Idlib", "idlib PROVINCE"]
)
def test_a_division_word_chooses_the_first_level_division(gazetteer: Gazetteer, name: str) -> None:
    idlib = gazetteer.resolve(name)
    assert _at(idlib) == ("Idlib", "SYR", "SY.12", "adm1")
    assert idlib is not None and idlib.matched == name
    assert idlib.lat is not None and idlib.lon is not None
    assert 35.0 < idlib.lat < 36.5 and 36.0 < idlib.lon < 37.2  # in Idlib governorate


@pytest.mark.parametrize(
    ("name", "adm1"),
    [
        ("Idlib", "SY.12"),
        ("Kabul", "AF.13"),
        ("Baghdad", "IQ.07"),
        ("Mexico City", "MX.09"),
        ("Gao", "ML.09"),
    ],
)
def test_a_bare_name_of_a_large_city_or_a_divisions_seat_is_the_city(
    gazetteer: Gazetteer, name: str, adm1: str
) -> None:
    found = gazetteer.resolve(name)
    assert found is not None and (found.adm1, found.precision) == (adm1, "city")
    division = gazetteer.resolve(f"{name} province")
    assert division is not None and (division.adm1, division.precision) == (adm1, "adm1")


def test_a_bare_division_name_without_such_a_city_is_the_division(gazetteer: Gazetteer) -> None:
    assert _at(gazetteer.resolve("Tigray")) == ("Tigray", "ETH", "ET.53", "adm1")
    assert _at(gazetteer.resolve("the Tigray region")) == ("Tigray", "ETH", "ET.53", "adm1")
    assert _at(gazetteer.resolve("California")) == ("California", "USA", "US.CA", "adm1")
    assert _at(gazetteer.resolve("Xinjiang")) == ("Xinjiang", "CHN", "CN.13", "adm1")
    assert _at(gazetteer.resolve("Catalonia")) == ("Catalonia", "ESP", "ES.56", "adm1")
    # a same-named small town elsewhere, or a city whose *alternate* name it is, does not win
    assert _at(gazetteer.resolve("Florida")) == ("Florida", "USA", "US.FL", "adm1")
    assert _at(gazetteer.resolve("Montana")) == ("Montana", "USA", "US.MT", "adm1")


def test_the_gaza_strip_and_the_west_bank(gazetteer: Gazetteer) -> None:
    assert _at(gazetteer.resolve("the Gaza Strip")) == ("Gaza Strip", "PSE", "PS.GZ", "adm1")
    assert _at(gazetteer.resolve("Gaza")) == ("Gaza Strip", "PSE", "PS.GZ", "adm1")
    assert _at(gazetteer.resolve("Gaza City")) == ("Gaza", "PSE", "PS.GZ", "city")
    assert _at(gazetteer.resolve("West Bank")) == ("West Bank", "PSE", "PS.WE", "adm1")
    assert _at(gazetteer.resolve("Judea and Samaria")) == ("West Bank", "PSE", "PS.WE", "adm1")


def test_listed_regions(gazetteer: Gazetteer) -> None:
    for name in ("Donbas", "Donbass", "the Donbas region"):
        donbas = gazetteer.resolve(name)
        assert _at(donbas) == ("Donbas", "UKR", "", "adm1")
        assert donbas is not None and donbas.lat is not None and 47 < donbas.lat < 50
    assert _at(gazetteer.resolve("Crimea")) == ("Crimea", "UKR", "UA.11", "adm1")
    assert _at(gazetteer.resolve("the Crimean Peninsula")) == ("Crimea", "UKR", "UA.11", "adm1")
    assert _at(gazetteer.resolve("Golan Heights")) == ("Golan Heights", "SYR", "", "adm1")
    assert _at(gazetteer.resolve("Nagorno-Karabakh")) == ("Nagorno-Karabakh", "AZE", "", "adm1")
    assert _at(gazetteer.resolve("South Ossetia")) == ("South Ossetia", "GEO", "", "adm1")
    assert _at(gazetteer.resolve("Abkhazia")) == ("Abkhazia", "GEO", "GE.02", "adm1")
    assert _at(gazetteer.resolve("Pridnestrovie")) == ("Transnistria", "MDA", "MD.58", "adm1")
    assert _at(gazetteer.resolve("Iraqi Kurdistan")) == ("Kurdistan Region", "IRQ", "", "adm1")
    assert _at(gazetteer.resolve("Darfur")) == ("Darfur", "SDN", "", "adm1")
    assert _at(gazetteer.resolve("Sinai")) == ("Sinai", "EGY", "", "adm1")
    assert _at(gazetteer.resolve("Mindanao")) == ("Mindanao", "PHL", "", "adm1")
    assert _at(gazetteer.resolve("Scotland")) == ("Scotland", "GBR", "GB.SCT", "adm1")
    assert _at(gazetteer.resolve("Tibet Autonomous Region")) == ("Tibet", "CHN", "CN.14", "adm1")


def test_kashmir(gazetteer: Gazetteer) -> None:
    kashmir = gazetteer.resolve("Kashmir")
    assert _at(kashmir) == ("Kashmir", "IND", "IN.12", "adm1")  # the Kashmir Valley; see regions.tsv
    assert kashmir is not None and kashmir.lat is not None and 33.5 < kashmir.lat < 34.5
    assert _at(gazetteer.resolve("Kashmir", prefer={"IND", "PAK"})) == ("Kashmir", "IND", "IN.12", "adm1")
    assert _at(gazetteer.resolve("Kashmir", prefer={"PAK"})) == ("Azad Kashmir", "PAK", "PK.06", "adm1")
    assert _at(gazetteer.resolve("Jammu and Kashmir")) == ("Jammu and Kashmir", "IND", "IN.12", "adm1")
    for name in ("Azad Kashmir", "Pakistan-administered Kashmir"):
        assert _at(gazetteer.resolve(name)) == ("Azad Kashmir", "PAK", "PK.06", "adm1")


def test_a_country_name_beats_a_division_unless_the_article_prefers_the_division(
    gazetteer: Gazetteer,
) -> None:
    assert _at(gazetteer.resolve("Georgia")) == ("Georgia", "GEO", "", "country")
    assert _at(gazetteer.resolve("Georgia", prefer={"USA"})) == ("Georgia", "USA", "US.GA", "adm1")
    assert _at(gazetteer.resolve("Georgia", prefer={"USA", "GEO"})) == ("Georgia", "GEO", "", "country")
    assert _at(gazetteer.resolve("the state of Georgia")) == ("Georgia", "USA", "US.GA", "adm1")
    assert _at(gazetteer.resolve("Mexico")) == ("Mexico", "MEX", "", "country")


def test_an_ambiguous_division_name_follows_prefer_else_the_most_populous(gazetteer: Gazetteer) -> None:
    assert _at(gazetteer.resolve("Punjab", prefer={"PAK"})) == ("Punjab", "PAK", "PK.04", "adm1")
    assert _at(gazetteer.resolve("Punjab", prefer={"IND"})) == ("Punjab", "IND", "IN.23", "adm1")
    assert _at(gazetteer.resolve("Punjab")) == ("Punjab", "PAK", "PK.04", "adm1")


def test_a_division_word_means_the_oblast_not_the_same_named_federal_city(gazetteer: Gazetteer) -> None:
    assert _at(gazetteer.resolve("Moscow")) == ("Moscow", "RUS", "RU.48", "city")
    assert _at(gazetteer.resolve("the Moscow region")) == ("Moscow Oblast", "RUS", "RU.47", "adm1")
    assert _at(gazetteer.resolve("Kyiv Oblast")) == ("Kyiv Oblast", "UKR", "UA.13", "adm1")
    assert _at(gazetteer.resolve("Washington State")) == ("Washington", "USA", "US.WA", "adm1")
    assert _at(gazetteer.resolve("Washington")) == ("Washington", "USA", "US.DC", "city")
    assert gazetteer.resolve("Islamic State") is None


def test_multi_country_regions_resolve_only_within_the_articles_countries(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("the Sahel") is None  # not Burkina Faso's Sahel Region
    assert gazetteer.resolve("the Sahel region") is None
    assert gazetteer.resolve("the Gulf") is None
    assert _at(gazetteer.resolve("Sahel", prefer={"BFA"})) == ("Sahel", "BFA", "BF.12", "adm1")
    north = gazetteer.resolve("North")  # a bare compass word is not a division
    assert north is None or north.precision != "adm1"
    assert _at(gazetteer.resolve("the North region", prefer={"CMR"})) == ("North", "CMR", "CM.13", "adm1")


def test_country_location(gazetteer: Gazetteer) -> None:
    syria = gazetteer.country_location("SYR", how="actors")
    assert syria is not None
    assert (syria.name, syria.country, syria.adm1, syria.precision, syria.how) == (
        "Syria",
        "SYR",
        "",
        "country",
        "actors",
    )
    assert syria.lat is None and gazetteer.country_location("QQQ") is None


ADMIN1_HEADER = "code\tcountry\tname\taliases\tlat\tlon\tpopulation\tgeonameid\n"
REGIONS_HEADER = "name\taliases\tcountry\tadm1\tlat\tlon\tnote\n"


def test_admin1_loader_reports_a_malformed_row_with_its_line_number() -> None:
    good = "SY.12\tSYR\tIdlib\t\t35.9\t36.6\t435557\t169387\n"
    assert parse_admin1("# comment\n" + ADMIN1_HEADER + good)[0].code == "SY.12"
    bad = (
        "# comment\n"
        + ADMIN1_HEADER
        + good
        + "SY.13\tSYR\tDamascus\t\t95.0\t36.3\t1\t167541\n"  # line 4: latitude out of range
        + "SY 14\tSY\tTartus\t\t\t\tmany\t163342\n"  # line 5: bad code, country, population
        + "SY.12\tSYR\tIdlib\t\t\t\t0\t169387\n"  # line 6: duplicate
        + "SY.15\tSYR\tToo few\n"  # line 7
    )
    with pytest.raises(DictionaryError) as caught:
        parse_admin1(bad, "admin1-test.tsv")
    problems = caught.value.problems
    assert caught.value.path == "admin1-test.tsv"
    assert any(p.startswith("line 4 (SY.13): lat/lon") for p in problems)
    assert any(p.startswith("line 5 (SY 14): code") for p in problems)
    assert any(p.startswith("line 5 (SY 14): country") for p in problems)
    assert any(p.startswith("line 5 (SY 14): population") for p in problems)
    assert any(p.startswith("line 6 (SY.12): duplicate code SY.12 (first on line 3)") for p in problems)
    assert any(p.startswith("line 7: expected 8") for p in problems)
    with pytest.raises(DictionaryError, match="line 1: header"):
        parse_admin1("code\tname\n")


def test_regions_loader_reports_a_malformed_row_with_its_line_number() -> None:
    admin1 = {d.code: d for d in parse_admin1(ADMIN1_HEADER + "SY.12\tSYR\tIdlib\t\t35.9\t36.6\t9\t1\n")}
    ok = REGIONS_HEADER + "Idlib pocket\t\tSYR\tSY.12\t35.9\t36.6\tthe last rebel-held area\n"
    regions, multi = parse_regions("!multi-country\tSahel|the Levant\n" + ok, admin1=admin1)
    assert regions[0].code == "SY.12" and regions[0].population == 9 and multi == {"sahel", "levant"}
    bad = (
        ok
        + "Nowhere\t\tSYR\tSY.99\t1\t2\tx\n"  # line 3: unknown division
        + "Elsewhere\t\tIRQ\tSY.12\t1\t2\tx\n"  # line 4: division of another country
        + "Pointless\t\tSYR\t\t\t\tx\n"  # line 5: a region needs a point
        + "Twice\tIdlib Pocket\tSYR\t\t1\t2\tx\n"  # line 6: a name already used on line 2
        + "Unsourced\t\tSYR\t\t1\t2\t\n"  # line 7: no note
        + "!multi-country\n"  # line 8
    )
    with pytest.raises(DictionaryError) as caught:
        parse_regions(bad, "regions-test.tsv", admin1)
    problems = caught.value.problems
    assert any(p.startswith("line 3 (Nowhere): adm1 SY.99 is not in the admin1 table") for p in problems)
    assert any(p.startswith("line 4 (Elsewhere): adm1 SY.12 is in SYR, not IRQ") for p in problems)
    assert any(p.startswith("line 5 (Pointless): lat/lon") for p in problems)
    assert any(p.startswith("line 6 (Twice): 'Idlib Pocket' is already a name on line 2") for p in problems)
    assert any(p.startswith("line 7 (Unsourced): empty note") for p in problems)
    assert any(p.startswith("line 8: !multi-country") for p in problems)


def test_packaged_division_tables_are_valid_and_cite_their_sources(gazetteer: Gazetteer) -> None:
    data = resources.files("eventwire").joinpath("data")
    admin1_text = data.joinpath("admin1.tsv").read_text(encoding="utf-8")
    regions_text = data.joinpath("regions.tsv").read_text(encoding="utf-8")
    for needle in (
        "CC BY 4.0",
        "geonames.org",
        "Stellarium/stellarium-data",
        "f4d30baa3bead7cfd61ea5fef8e91bb5e3d930c4",
    ):
        assert needle in admin1_text
    assert "recognised parent" in regions_text
    admin1 = parse_admin1(admin1_text)
    regions, multi = parse_regions(regions_text, admin1={d.code: d for d in admin1})
    assert len(admin1) > 3800 and len(regions) >= 15 and "sahel" in multi
    countries = gazetteer.countries
    assert {d.country for d in [*admin1, *regions]} <= set(countries.countries)
    located = [d for d in admin1 if d.lat is not None]
    assert len(located) > 2500


def test_the_division_index_loads_fast() -> None:
    data = resources.files("eventwire").joinpath("data")
    admin1_text = data.joinpath("admin1.tsv").read_text(encoding="utf-8")
    regions_text = data.joinpath("regions.tsv").read_text(encoding="utf-8")
    start = time.perf_counter()
    index = DivisionIndex.parse(admin1_text, regions_text)
    elapsed = time.perf_counter() - start
    assert index.get("idlib") and elapsed < 1.0, f"division index took {elapsed:.2f} s"


def test_event_is_located_at_the_place_its_sentence_names(pipeline: Any) -> None:
    events = pipeline.code_text("Protesters in Minsk clashed with riot police.")
    assert events
    for e in events:
        assert e.location is not None
        assert (e.location.name, e.location.country, e.location.how) == ("Minsk", "BLR", "sentence")
        assert e.location.lat is not None
    assert events[0].to_dict()["location"]["country"] == "BLR"


def test_place_in_another_clause_is_not_the_event_location(pipeline: Any) -> None:
    events = pipeline.code_text("Germany criticized Russia, which held a summit in Tehran last year.")
    criticism = [e for e in events if e.cameo.startswith("11")]
    assert criticism and criticism[0].location is None


def test_dateline_is_the_fallback_location(pipeline: Any) -> None:
    raw = RawDocument(
        source="wire.txt",
        kind="text",
        content="Kenya and Uganda agree\n\nNAIROBI, March 3 (Reuters) - Kenya praised Uganda on Tuesday.\n",
    )
    article = extract_article(raw)
    assert article.dateline == "NAIROBI"
    coder = EventCoder(pipeline.resources)
    events = coder.code(article, pipeline.nlp(article.text))
    assert events
    assert all(e.location is not None and e.location.country == "KEN" for e in events)
    assert events[0].location is not None and events[0].location.how == "dateline"


def test_no_gazetteer_no_location(pipeline: Any) -> None:
    from dataclasses import replace

    coder = EventCoder(replace(pipeline.resources, places=None))
    text = "Protesters in Minsk clashed with riot police."
    article = Article(id="t", title="", text=text, source="<t>")
    assert all(e.location is None for e in coder.code(article, pipeline.nlp(text)))
