"""Locations: the clause's place, the dateline, the lede's place, the actors' shared country; home country."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from eventwire.models import Event
from eventwire.pipeline import text_article


def _events(pipeline: Any, text: str, published: str = "2019-03-06") -> list[Event]:
    return pipeline.code_text(text, published=published)


def test_the_clause_place_beats_the_dateline(pipeline: Any) -> None:
    text = "BEIRUT, March 5 (Reuters) - Syrian government jets bombed villages in Syria's Idlib province."
    [e] = [e for e in _events(pipeline, text) if e.cameo.startswith("19")]
    assert e.location is not None
    assert (e.location.country, e.location.precision, e.location.how) == ("SYR", "adm1", "sentence")
    assert e.to_dict()["location"]["precision"] == "adm1"


def test_the_dateline_when_the_clause_names_no_place(pipeline: Any) -> None:
    text = "NAIROBI, March 5 (Reuters) - Kenyan police arrested twenty opposition supporters."
    [e] = _events(pipeline, text)
    assert e.location is not None and (e.location.name, e.location.how) == ("Nairobi", "dateline")


def test_the_lede_place_and_home_country(pipeline: Any) -> None:
    text = (
        "A fire killed five girls at an escape room in Koszalin, Poland. "
        "Police arrested the owner of the escape room on Sunday."
    )
    [e] = _events(pipeline, text, "2019-01-05")
    assert e.source.code == "POLCOP" and "home-country" in e.source.matched_by
    assert e.location is not None and (e.location.name, e.location.how) == ("Koszalin", "story")


def test_a_month_or_weekday_in_the_lede_is_no_place(pipeline: Any) -> None:
    text = "The ferry sank near the coast in March 1998. The United States condemned Iraq on Sunday."
    [e] = _events(pipeline, text)
    assert e.location is None or e.location.name != "March"


def test_force_against_a_group_without_a_country_is_where_the_story_is(pipeline: Any) -> None:
    text = "Clashes broke out in Raqqa, Syria on Monday. American jets struck ISIS fighters."
    fights = [e for e in _events(pipeline, text) if e.cameo[:2] == "19" and e.source.country == "USA"]
    assert fights and all(e.location is not None and e.location.country == "SYR" for e in fights)


def test_a_headline_withdrawal_is_a_scene_and_a_place_of_saying_is_not(pipeline: Any) -> None:
    def located(title: str, text: str) -> set[str | None]:
        article, parsed = text_article(text, "t", "<text>", "2019-10-08")
        events = pipeline.coder.code(replace(article, title=title), pipeline.nlp(parsed), ())
        return {e.location and e.location.country for e in events if e.cameo[:2] in {"18", "19"}}

    kills = "Turkish soldiers killed 15 ISIS fighters, officials said."
    assert located("Turkish troops pull out from Syria", kills) == {"SYR"}
    assert located("Refugees from Syria reach Germany", kills) == {None}  # where they came from
    pentagon = "Iraqi jets bombed ISIS positions, the Pentagon said in a statement in Washington."
    assert located("", pentagon) == {None}


def test_a_domestic_act_is_located_in_its_country(pipeline: Any) -> None:
    [e] = _events(pipeline, "Kenyan police arrested opposition leader Raila Odinga.")
    assert e.location is not None and (e.location.country, e.location.precision, e.location.how) == (
        "KEN",
        "country",
        "actors",
    )


def test_an_international_call_has_no_place(pipeline: Any) -> None:
    events = _events(pipeline, "Chinese Foreign Minister Wang Yi held a phone call with Sergey Lavrov.")
    assert events and all(e.location is None for e in events)


def test_a_place_inside_a_phrase_hung_on_the_place_is_not_where(pipeline: Any) -> None:
    text = (
        "Ricardo Rosselló, Puerto Rico's governor, announced his resignation in an internet video "
        "broadcast to the U.S. island territory."
    )
    [e] = _events(pipeline, text, "2019-07-28")
    assert e.location is None or e.location.country == "PRI"


def test_a_statement_is_made_where_the_story_is_and_an_attack_is_not(pipeline: Any) -> None:
    text = (
        "On Monday, Ukrainian Foreign Minister Dmytro Kuleba addressed reporters in Geneva. Kuleba "
        "accused Russia of war crimes. Russian forces attacked Ukrainian troops."
    )
    events = {e.cameo[:2]: e for e in pipeline.code_text(text, published="2022-03-08")}
    accusation, attack = events["11"], events["19"]
    assert accusation.location is not None and accusation.location.name == "Geneva"
    assert attack.location is None


def test_an_institution_named_like_a_place_is_its_country(pipeline: Any) -> None:
    # "White House" is also an alternate name of Casablanca; as a place it is the seat's country
    [e] = _events(pipeline, "Anti-war protesters rallied outside the White House on Saturday.", "2020-06-20")
    assert e.location is not None and (e.location.country, e.location.precision) == ("USA", "country")
    assert e.source.country == "USA"


def test_a_background_place_in_the_lede_is_no_home_when_another_country_fills_the_story(
    pipeline: Any,
) -> None:
    text = (
        "Jane Doe, a veteran who served in Iraq, is running for the US Senate. Doe criticized US President "
        "Donald Trump on Monday. The US Congress passed a bill. US Senator Mitch McConnell praised the US "
        "Senate. US President Donald Trump thanked the US Congress. The US Senate met on Tuesday. Doe "
        "supported the campaign of John Smith."
    )
    events = _events(pipeline, text, "2019-09-07")
    # two private people of the story's country are two actors, and the story's country is not Iraq's
    assert ("USA", "051", "USA") in {(e.source.code, e.cameo, e.target and e.target.code) for e in events}
    assert not [e for e in events if e.source.country == "IRQ"]


def test_a_town_called_by_its_own_name_stays_the_town(pipeline: Any) -> None:
    # "Duma" is also Russia's parliament and "Langley" the CIA: as places they are the towns
    [e] = _events(pipeline, "Syrian government forces attacked rebels in Duma, near Damascus.", "2018-04-08")
    assert e.location is not None and e.location.country == "SYR"
    [e] = _events(pipeline, "Police arrested two protesters in Langley, British Columbia.", "2020-06-20")
    assert e.location is not None and e.location.country == "CAN" and e.source.country == "CAN"


def test_the_place_of_an_area_acted_on_locates_the_act(pipeline: Any) -> None:
    [event] = pipeline.code_text(
        "Russian drones hit residential areas of Zaporizhzhia on Sunday, the governor said.",
        published="2024-05-06",
    )
    assert event.location is not None and event.location.name.startswith("Zaporizh")  # GeoNames: Zaporizhzhya
    [event] = pipeline.code_text("Syrian troops shelled the outskirts of Idlib.", published="2020-02-06")
    assert event.location is not None and event.location.country == "SYR"
