"""Event dates by syntax: the event's own clause, else the story's, else the article's; precision,
history."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from eventwire.events.dates import is_duration, resolve_period
from eventwire.models import Event

BASE = datetime(2019, 3, 1)  # a Friday


def _events(pipeline: Any, text: str, published: str) -> list[Event]:
    return pipeline.code_text(text, published=published)


def _one(events: list[Event], root: str) -> Event:
    found = [e for e in events if e.cameo.startswith(root)]
    assert found, [(e.cameo, e.trigger) for e in events]
    return found[0]


@pytest.mark.parametrize(
    ("expression", "future", "text", "precision"),
    [
        ("March 11", False, "2018-03-11", "day"),  # news reports the past
        ("March 11", True, "2019-03-11", "day"),  # "will meet on March 11"
        ("in May", False, "2018-05", "month"),
        ("in May", True, "2019-05", "month"),
        ("May 2017", False, "2017-05", "month"),
        ("in 1995", False, "1995", "year"),
        ("last year", False, "2018", "year"),
        ("next month", False, "2019-04", "month"),
        ("three years ago", False, "2016", "year"),
        ("late March 2018", False, "2018-03", "month"),
        ("17 July 1954", True, "1954-07-17", "day"),  # a full date stays itself
        ("last week", False, "2019-02", "month"),  # 18-24 February: one month
        ("last week's", False, "2019-02", "month"),
        ("next week", True, "2019-03", "month"),
    ],
)
def test_periods_at_their_precision(expression: str, future: bool, text: str, precision: str) -> None:
    period = resolve_period(expression, BASE, future)
    assert period is not None and (period.text, period.precision) == (text, precision)


@pytest.mark.parametrize(
    "expression",
    ["three years", "the past two weeks", "May 2019 to December 31, 2021", "the 1990s", "this week", "82"],
)
def test_durations_ranges_and_vague_periods_date_nothing(expression: str) -> None:
    assert resolve_period(expression, BASE) is None


def test_this_week_runs_over_two_months() -> None:
    # BASE's week runs from Monday 25 February to Sunday 3 March: no month is known
    assert resolve_period("this week", BASE) is None
    assert resolve_period("last week", datetime(2021, 4, 7)) is None  # 29 March to 4 April


def test_a_scene_setting_phrase_dates_its_clause(pipeline: Any) -> None:
    text = "In last week's action, another federal judge sentenced Manafort to a 47 month prison term."
    sentence = _one(_events(pipeline, text, "2019-03-14"), "17")
    assert (sentence.date, sentence.date_precision, sentence.date_source) == ("2019-03-01", "month", "text")


def test_an_intent_is_dated_by_the_clause_that_expresses_it(pipeline: Any) -> None:
    text = (
        "The leaders of Chile and Peru spoke by telephone on Friday night, and publicly expressed "
        "their willingness to help each other."
    )
    intent = _one(_events(pipeline, text, "2020-11-11"), "03")  # a Wednesday
    assert (intent.date, intent.date_precision, intent.date_source) == ("2020-11-06", "day", "text")


def test_a_date_inside_a_quotation_does_not_date_the_statement(pipeline: Any) -> None:
    text = (
        'Indian opposition leader Rahul Gandhi wrote, "Last year August 8 was one of the happiest days '
        'for our party, and I warmly thank everyone for their kind support."'
    )
    wrote = [e for e in _events(pipeline, text, "2020-09-03") if e.trigger == "wrote"]
    assert [(e.date, e.date_precision) for e in wrote] == [("2020-09-03", "day")]


def test_a_fronted_past_time_dates_the_rest_of_its_paragraph(pipeline: Any) -> None:
    text = (
        "In March 2014, Russian troops seized the Crimean peninsula. Ukraine accused Russia of "
        "aggression.\n\nUkraine accused Russia of new violations in the Donbas."
    )
    accusations = [e for e in _events(pipeline, text, "2020-06-10") if e.cameo.startswith("112")]
    assert [(e.date, e.date_precision, e.historical) for e in accusations] == [
        ("2014-03-01", "month", True),
        ("2020-06-10", "day", False),
    ]


def test_a_past_time_at_the_end_of_a_clause_dates_that_clause_alone(pipeline: Any) -> None:
    text = "Ukraine broke off relations with Russia in 2014. Ukraine accused Russia of aggression."
    accusation = _one(_events(pipeline, text, "2020-06-10"), "112")
    assert (accusation.date, accusation.historical) == ("2020-06-10", False)


def test_a_past_time_carries_to_the_state_of_its_subject_in_the_next_sentence(pipeline: Any) -> None:
    text = (
        "The Iraqi army crossed the border in August 1990. The army was short of fuel after its attack "
        "on Kuwaiti forces. The United States condemned Iraq."
    )
    events = _events(pipeline, text, "2020-06-10")
    assert (_one(events, "19").date, _one(events, "19").historical) == ("1990-08-01", True)
    assert _one(events, "111").date == "2020-06-10"  # another subject: the news day
    dated = (
        "The Iraqi army crossed the border in August 1990. On Monday the army was short of fuel after "
        "its attack on Kuwaiti forces."
    )
    assert _one(_events(pipeline, dated, "2020-06-10"), "19").date == "2020-06-08"  # a time of its own
    acts = "Maduro took office in 2013. He was defiant, accusing the United States of plotting a coup."
    assert _one(_events(pipeline, acts, "2020-06-10"), "112").date == "2020-06-10"  # an act beside it


def test_a_past_time_of_a_subject_frames_nothing(pipeline: Any) -> None:
    text = "Obama in 2013 accused Russia of aggression. China accused Japan of provocations."
    accusation = [e for e in _events(pipeline, text, "2020-06-10") if e.source.country == "CHN"]
    assert accusation and accusation[0].date == "2020-06-10"


def test_duration_words() -> None:
    assert is_duration("for three years") and is_duration("a 10-day visit")
    assert not is_duration("three years ago")


def test_a_birth_date_never_dates_a_meeting(pipeline: Any) -> None:
    text = "Angela Merkel, who was born on 17 July 1954, met Vladimir Putin in Moscow on Tuesday."
    meeting = _one(_events(pipeline, text, "2020-12-23"), "04")
    assert (meeting.date, meeting.date_precision, meeting.date_source) == ("2020-12-22", "day", "text")
    alone = _one(
        _events(pipeline, "Angela Merkel, born on 2 March 1960, met Vladimir Putin.", "2020-12-23"), "04"
    )
    assert alone.date == "2020-12-23" and alone.date_source == "article" and not alone.historical


def test_the_end_of_a_validity_range_never_dates_a_signing(pipeline: Any) -> None:
    text = "Russia and China signed an agreement that runs from May 2019 to December 31, 2021."
    signing = _one(_events(pipeline, text, "2020-12-23"), "05")
    assert signing.date == "2020-12-23" and signing.date_source == "article"


def test_a_deadline_never_dates_a_demand(pipeline: Any) -> None:
    text = "Britain demanded on Monday that Iran free the sailors by March 31."
    demand = _one(_events(pipeline, text, "2019-03-06"), "10")
    assert demand.date == "2019-03-04"


def test_a_past_year_clause_is_a_historical_year(pipeline: Any) -> None:
    bombing = _one(
        _events(pipeline, "In 1995, NATO aircraft bombed Bosnian Serb positions.", "2016-05-04"), "19"
    )
    assert (bombing.date, bombing.date_precision, bombing.historical) == ("1995-01-01", "year", True)
    assert bombing.to_dict()["date_precision"] == "year" and bombing.to_dict()["historical"] is True


def test_a_month_clause_has_month_precision(pipeline: Any) -> None:
    text = "In May, the Syrian army attacked rebel positions in Idlib."
    attack = _one(_events(pipeline, text, "2019-09-10"), "19")
    assert (attack.date, attack.date_precision, attack.historical) == ("2019-05-01", "month", False)


def test_a_date_of_another_clause_does_not_date_the_event(pipeline: Any) -> None:
    events = _events(
        pipeline, "Germany criticized Russia, which held talks with Iran on Monday.", "2020-12-23"
    )
    criticism = _one(events, "11")
    talks = _one(events, "04")
    assert criticism.date == "2020-12-23" and criticism.date_source == "article"
    assert talks.date == "2020-12-21" and talks.date_source == "text"


def test_the_story_date_carries_to_later_sentences(pipeline: Any) -> None:
    text = "On Tuesday, China and Russia held talks in Beijing. The two sides agreed to expand cooperation."
    agreement = _one(_events(pipeline, text, "2019-09-12"), "03")
    assert (agreement.date, agreement.date_source, agreement.date_text) == (
        "2019-09-10",
        "context",
        "Tuesday",
    )


def test_only_the_lede_sets_the_story_date(pipeline: Any) -> None:
    # a dated sentence deep in the story dates its own event, not the undated ones after it
    text = (
        "The United States House of Representatives voted to hold two Cabinet officers in contempt of "
        "Congress. The vote was 230 to 198. The dispute is over the census. On July 2, Trump said he would "
        "drop his bid to add the question. Kerri Kupec, a Justice Department spokeswoman, sharply "
        "criticized the House's decision."
    )
    criticism = _one(_events(pipeline, text, "2019-07-20"), "11")
    assert (criticism.date, criticism.date_source) == ("2019-07-20", "article")


def test_a_clause_at_the_same_time_takes_the_main_clause_date(pipeline: Any) -> None:
    text = (
        "Violence broke out on Saturday when thousands of protesters rallied against the government "
        "in Belgrade."
    )
    rally = _one(_events(pipeline, text, "2020-07-14"), "14")
    assert rally.date == "2020-07-11"


def test_a_reported_intent_takes_the_date_of_its_announcement(pipeline: Any) -> None:
    text = "On Wednesday, the Kenyan government announced that it will send troops to Somalia."
    intent = [e for e in _events(pipeline, text, "2019-09-06") if e.target is not None]
    assert intent and intent[0].date == "2019-09-04" and intent[0].status == "asserted"


def test_a_passage_year_dates_a_later_month(pipeline: Any) -> None:
    text = (
        "In 1944, the submarine USS Grayback sailed from Pearl Harbor for its tenth patrol. "
        "In late February, American submarines attacked Japanese cargo ships near Okinawa."
    )
    attack = _one(_events(pipeline, text, "2019-11-13"), "19")
    assert (attack.date, attack.date_precision, attack.historical) == ("1944-02-01", "month", True)


def test_a_time_of_day_before_midnight_dates_the_day_named(pipeline: Any) -> None:
    text = (
        "Ricardo Rosselló, Puerto Rico's governor, announced his resignation shortly before midnight "
        "Wednesday night in an internet video broadcast."
    )
    [e] = _events(pipeline, text, "2019-07-28")
    assert (e.cameo, e.date, e.date_precision) == ("0831", "2019-07-24", "day")


def test_a_purpose_and_a_when_clause_share_their_governors_date(pipeline: Any) -> None:
    text = (
        "Violence broke out on Saturday when several thousand people rallied at Freedom Plaza in "
        "Washington to protest the results of the election."
    )
    events = _events(pipeline, text, "2020-11-17")
    assert events and {e.date for e in events} == {"2020-11-14"}


def test_a_yearless_month_takes_the_year_the_article_gives_it_elsewhere(pipeline: Any) -> None:
    text = (
        "Divers found the wreck of a submarine near Okinawa. Japanese bombers attacked American ships "
        "in late March, records show. The ships sank in late March 1945 during the battle."
    )
    attack = _one(_events(pipeline, text, "2019-11-13"), "19")
    assert (attack.date, attack.date_precision, attack.historical) == ("1945-03-01", "month", True)
    # a month the article gives in two past years keeps the nearest past one
    text = (
        "Japanese bombers attacked American ships in late March. The war began in March 1941 and "
        "ended in March 1945."
    )
    attack = _one(_events(pipeline, text, "2019-11-13"), "19")
    assert attack.date == "2019-03-01"


def test_a_duration_with_a_time_dates_its_clause_by_the_time(pipeline: Any) -> None:
    text = "For two days last week, Iranian and Saudi diplomats held talks in Baghdad."
    talks = _one(_events(pipeline, text, "2021-04-28"), "04")
    assert (talks.date, talks.date_precision, talks.date_text) == ("2021-04-01", "month", "last week")
    # a bare length dates nothing: the talks keep the article's date
    text = "For two days, Iranian and Saudi diplomats held talks in Baghdad."
    talks = _one(_events(pipeline, text, "2021-04-28"), "04")
    assert (talks.date, talks.date_source) == ("2021-04-28", "article")


def test_a_paragraph_opened_by_a_recent_time_is_of_that_time(pipeline: Any) -> None:
    text = (
        "On Monday, the court ruled on the appeal.\n\n"
        'For three days last week, the judges heard both sides." Earlier, the opposition leader '
        "accused the prime minister of lying to parliament.\n\n"
        "The opposition leader accused the prime minister of contempt."
    )
    accusations = [e for e in _events(pipeline, text, "2019-09-24") if e.cameo.startswith("112")]
    assert [(e.date, e.date_precision) for e in accusations] == [
        ("2019-09-01", "month"),  # the paragraph's "last week"
        ("2019-09-23", "day"),  # the next paragraph is back to the story's Monday
    ]


def test_a_weekday_after_a_lede_of_an_earlier_day_precedes_that_day(pipeline: Any) -> None:
    # published on a Saturday: the lede's Wednesday is the newest news, the Friday told later the
    # Friday before it, not the day before publication
    text = (
        "On Wednesday, the government announced the end of the search for survivors of the earthquake."
        "\n\nThe earthquake struck on Friday. The presidents of Turkey and Greece spoke by telephone on "
        "Friday night."
    )
    call = _one(_events(pipeline, text, "2020-11-07"), "04")
    assert (call.date, call.date_precision) == ("2020-10-30", "day")
    # a lede of the day of publication leaves weekdays counted from publication
    text = (
        "On Saturday, the government announced the end of the search for survivors of the earthquake."
        "\n\n"
        "The presidents of Turkey and Greece spoke by telephone on Friday night."
    )
    call = _one(_events(pipeline, text, "2020-11-07"), "04")
    assert call.date == "2020-11-06"


@pytest.mark.parametrize(
    ("text", "published", "date"),
    [
        # a fronted weekday moves the story on; the day of publication is that day
        (
            "Police arrested 40 protesters in Minsk on Monday.\n\nOn Tuesday, protesters attacked a police "
            "station in Gomel.",
            "2020-11-10",
            "2020-11-10",
        ),
        (
            "On Monday, police arrested 40 protesters in Minsk. On Thursday, protesters attacked a police "
            "station in Gomel.",
            "2020-11-06",
            "2020-11-05",
        ),
    ],
)
def test_a_weekday_that_moves_the_story_on_counts_from_publication(
    pipeline: Any, text: str, published: str, date: str
) -> None:
    attack = _one(_events(pipeline, text, published), "14")
    assert attack.date == date


def test_a_paragraph_opened_by_the_future_or_the_present_sets_no_time(pipeline: Any) -> None:
    text = (
        "Police arrested 40 protesters in Minsk on Wednesday.\n\nOn Monday, the leaders will meet in "
        "Brussels. Protesters attacked the embassy."
    )
    attack = _one(_events(pipeline, text, "2020-11-05"), "14")
    assert attack.date == "2020-11-04"
    text = (
        "Police arrested 40 protesters in Minsk on Wednesday.\n\nThis year, police have arrested hundreds "
        "of protesters. The unions condemned the arrests."
    )
    condemnation = _one(_events(pipeline, text, "2020-11-05"), "11")
    assert (condemnation.date, condemnation.date_precision) == ("2020-11-04", "day")
