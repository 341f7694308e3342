"""Places: the GeoNames gazetteer, event locations, and the wire dateline as a fallback."""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.actors.places import Gazetteer, normalise_place
from eventwire.events.coder import EventCoder
from eventwire.extract.article import extract_article
from eventwire.models import Article, RawDocument


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def test_city_has_country_first_level_division_and_coordinates(gazetteer: Gazetteer) -> None:
    minsk = gazetteer.resolve("Minsk")
    assert minsk is not None
    assert (minsk.name, minsk.country, minsk.adm1) == ("Minsk", "BLR", "BY.04")
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
    assert gazetteer.resolve("Qwertyuiopville") is None


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
