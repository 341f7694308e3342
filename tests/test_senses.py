"""Only political events: trigger words in their political sense, with a political actor on one side."""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.actors.senses import WordSenses
from eventwire.errors import DictionaryError


@pytest.mark.parametrize(
    "text",
    [
        "Interbank rates offered by Japanese banks rose sharply.",  # finance
        "Japanese banks offered higher rates to depositors.",
        "The striker attacked the goal in the second half.",  # sport
        "Kenya's Brigid Kosgei won the Chicago Marathon on Sunday.",
        "Tourists captured pictures and video of the incident.",  # culture, leisure
        "Firefighters fought the blaze for hours.",
        "The storm killed 20 people in the Bahamas.",  # nature
        "Though nominated for an Oscar, Day considered her best film performance to be Calamity Jane.",
        "Kokesh hails from Arizona.",
        "Kosgei was the Chicago Marathon defending champion.",
        "Cruz said members of Congress have abused their power.",  # no assault in "abused their power"
        "Adam Kokesh, an American activist, previously hosted a show on RT.",  # hosting a programme
        "The Ukrainian driver struck a group of motorcycles on U.S. Route 2.",  # a crash: "a group of"
        "The Iranian government received dozens of patients from Iraq.",  # through "dozens of"
        "The government of Samoa executed a planned shutdown of public services.",  # business senses
        "Last year, Japan racked up a 51.5 billion dlr surplus with the United States.",
        "In 2016, Iranian Grand Master Ehsan Ghaem-Maghami refused to play against an Israeli player.",
        "Philippine police spokesman Casicas also asked people to pray for the repose of his soul.",
        "Saudi Arabia's government has quelled fears that LPG supplies from the Gulf could be disrupted.",
        "The Indian charity fights against violence and exploitation of sex workers.",
        "Norwegian foreign minister Ine Eriksen Soreide spoke to BBC News on Sunday.",  # an interview
        "China bought two million tonnes of Australian barley in March.",  # trade is no aid
        "Brazil sold 300,000 tonnes of sugar to Russia last month.",
        "The White House released a transcript of the call with the Ukrainian president.",  # a document
    ],
)
def test_non_political_senses_give_no_event(pipeline: Any, text: str) -> None:
    events = [e for e in pipeline.code_text(text, published="2019-10-14") if not e.cameo.startswith("01")]
    assert not events, [(e.source.text, e.cameo, e.trigger) for e in events]


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("Police opened fire on protesters in Minsk.", "17"),  # 175: violent repression
        ("Japan sent humanitarian aid to the Philippines.", "07"),
        ("Russia offered to mediate between Armenia and Azerbaijan.", "03"),
    ],
)
def test_political_senses_are_kept(pipeline: Any, text: str, root: str) -> None:
    assert [e for e in pipeline.code_text(text, published="2020-10-01") if e.cameo.startswith(root)]


def test_the_word_lists_are_validated() -> None:
    senses = WordSenses.load()
    assert senses.is_thing("agreement", "agreement") and not senses.is_thing("suspect", "suspect")
    assert senses.is_thing("treatment", "treatment") and not senses.is_thing(
        "administration", "administration"
    )
    assert senses.not_political("offer", ["rate"]) == "rate"
    assert senses.not_political("hail", [], ["from", "Arizona"]) == "from"
    with pytest.raises(DictionaryError) as err:
        WordSenses.parse("things: [a]\nanimate: [a]\nno_target_roots: ['99']\n")
    text = str(err.value)
    assert "missing key 'abstract_suffixes'" in text and "'99' is not a CAMEO root" in text


@pytest.mark.parametrize(
    "text",
    [
        "Argentina said it could not meet the demands of its creditor banks this year.",
        "Mary Trump released a book about her uncle on Tuesday.",
        "The United States has retreated from its goal of ousting Assad.",
        "Japan must meet its commitments under the Louvre Accord, Baker said.",
        "Police have not yet released the cause of the fire in the coastal town.",
        "Officials released the names of the two soldiers killed in the blast.",
        "The Houthis received Iranian assistance for years, the report said.",
    ],
)
def test_idiomatic_uses_are_no_events(pipeline: Any, text: str) -> None:
    events = pipeline.code_text(text, published="2020-03-10")
    assert not [e for e in events if e.cameo[:2] in {"03", "04", "08"}]


def test_seizing_an_opportunity_is_no_seizure(pipeline: Any) -> None:
    text = "Turkey should seize the opportunity to mend ties with Egypt, the minister said."
    events = pipeline.code_text(text, published="2020-03-10")
    assert not [e for e in events if e.cameo[:2] == "17"]
    events = pipeline.code_text("Turkish police seized the newspaper's offices.", published="2020-03-10")
    assert [e for e in events if e.cameo[:2] == "17"]


def test_only_martial_or_emergency_law_is_a_state_of_emergency(pipeline: Any) -> None:
    martial = "The junta declared martial law across the country."
    assert [e.cameo for e in pipeline.code_text(martial, published="2021-02-02")] == ["1724"]
    ordinary = "The government imposed a new law requiring masks on buses."
    assert not [e for e in pipeline.code_text(ordinary, published="2021-02-02") if e.cameo == "1724"]


def test_verbal_attacks_and_charges_are_accusations(pipeline: Any) -> None:
    attack = pipeline.code_text(
        "Erdogan attacked Trump's decision to recognise the Golan Heights.", published="2020-03-10"
    )
    assert [e for e in attack if e.cameo == "111" and e.target is not None and e.target.country == "USA"]
    assert not [e for e in attack if e.cameo.startswith("19")]
    charge = pipeline.code_text(
        "US officials charged that Japan's public sector was closed to American supercomputers.",
        published="1987-03-10",
    )
    assert [e for e in charge if e.cameo == "112"] and not [e for e in charge if e.cameo == "173"]
    force = pipeline.code_text("The army attacked rebel positions near Idlib.", published="2020-03-10")
    assert [e for e in force if e.cameo.startswith("19")]
    # a president attacking a rival "for" something attacks with words; a state attacking a state does not
    words = pipeline.code_text("Trump attacked Biden for accumulating wealth.", published="2020-10-23")
    assert [e.cameo for e in words] == ["111"]
    # "on his taxes" (the lemmatizer reads "taxes" as "taxis") is what the attack is about
    words = pipeline.code_text(
        "President Trump spoke on Monday. Democrats continued to attack Trump on his taxes.",
        published="2020-10-01",
    )
    assert [(e.cameo, e.source.code, e.target and e.target.code) for e in words] == [
        ("111", "USAPTY", "USAGOV")
    ]
    war = pipeline.code_text("Russia attacked Ukraine over its NATO ambitions.", published="2022-03-01")
    assert [e for e in war if e.cameo.startswith("19")]
    issue = pipeline.code_text("Biden attacked Trump on paying fewer taxes.", published="2020-10-23")
    assert [e.cameo for e in issue] == ["111"]  # "on" a matter, not "on the highway"
    road = pipeline.code_text("Gunmen attacked the convoy on the highway to Kabul.", published="2020-10-23")
    assert not [e for e in road if e.cameo.startswith("11")]


@pytest.mark.parametrize(
    "text",
    [
        "A U.S. official, who asked not to be named, said the talks were useful.",
        "Brazil's central bank governor Francisco Gros said when asked that the talks were useful.",
        "Court Commissioner Loren Keating said he considered Rittenhouse a flight risk.",
        "Thai law forbids the export of rice to Japan.",
        "An IT worker went on a stabbing spree in Tokyo.",
        "British Trade Secretary Michael Howard said Britain would seek new powers to fight fraud.",
    ],
)
def test_non_political_uses_of_ask_consider_fight_go_and_laws_as_subjects(pipeline: Any, text: str) -> None:
    events = pipeline.code_text(text, published="1987-03-10")
    assert not [e for e in events if e.cameo[:2] in {"01", "02", "14", "17", "19"} and e.cameo != "010"]


def test_going_on_strike_is_a_strike(pipeline: Any) -> None:
    [e] = pipeline.code_text(
        "Thousands of Chilean teachers went on strike on Monday.", published="1987-03-10"
    )
    assert (e.cameo, e.source.code, e.date) == ("143", "CHLEDU", "1987-03-09")


def test_a_named_storm_kills_no_one_politically(pipeline: Any) -> None:
    text = "Typhoon Haiyan killed more than 6,000 people in the Philippines in 2013."
    assert not pipeline.code_text(text, published="2019-11-08")


def test_receiving_a_nomination_is_no_visit(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Carroll received the Solidarity Party's presidential nomination in September."
    assert not [e for e in pipeline.code_text(text, published="2020-01-10") if e.cameo.startswith("04")]


def test_a_platform_something_is_said_on_is_no_target(pipeline) -> None:  # type: ignore[no-untyped-def]
    praise = pipeline.code_text("President Trump hailed the jobs report on Twitter.", published="2020-06-05")
    assert all(e.target is None or "Twitter" not in e.target.text for e in praise)
    blame = pipeline.code_text(
        "President Trump criticized Twitter for labelling his posts.", published="2020-06-05"
    )
    assert [(e.cameo, e.target.text if e.target else "") for e in blame] == [("111", "Twitter")]


def test_denying_funding_is_a_rejection_not_a_denial(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = pipeline.code_text(
        "Congress has repeatedly denied funding for the border wall.", published="2019-02-15"
    )
    assert [e.cameo for e in events] == ["120"]


def test_released_messages_taken_up_by_them_are_no_release(pipeline: Any) -> None:
    text = (
        "The Puerto Rico Center for Investigative Journalism obtained the messages between the governor and "
        "his aides and released them on Saturday."
    )
    assert not [e for e in pipeline.code_text(text, published="2019-07-28") if e.cameo.startswith("08")]
    text = "Police arrested the protesters and released them on Monday."
    assert [e for e in pipeline.code_text(text, published="2019-07-28") if e.cameo.startswith("08")]


def test_a_person_without_a_role_speaks_politically_only_of_a_political_actor(pipeline: Any) -> None:
    text = (
        "Scientists from the University of Hawaii in Honolulu studied the Pacific Ocean. Co-lead author Sam "
        'Wilson said "the expedition provided a unique opportunity."'
    )
    assert not [e for e in pipeline.code_text(text, published="2019-07-28") if e.cameo.startswith("01")]


def test_a_weather_warning_is_no_threat(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The National Hurricane Center warned of flash floods and a storm surge on the islands."
    assert not [e for e in pipeline.code_text(text, published="2019-09-01") if e.cameo.startswith("13")]
    text = "Iran warned the United States of a crushing response."
    assert [e for e in pipeline.code_text(text, published="2019-09-01") if e.cameo.startswith("13")]


def test_battling_an_illness_or_calling_the_police_is_no_political_event(pipeline: Any) -> None:
    for text in [
        "He joined the ranch program for children, having battled and overcome leukemia.",
        "The senator battled cancer for years.",
        "A mother called the police after her daughter found a bag of drugs in a playground.",
    ]:
        assert not pipeline.code_text(text, published="2019-07-28"), text
    [clash] = pipeline.code_text("Police battled protesters in Nairobi.", published="2019-07-28")
    assert clash.source.sector == "COP"


def test_securities_offered_in_a_market_are_no_offer_of_cooperation(pipeline: Any) -> None:
    text = "The city of Osaka is offering in the Samurai bond market 50 billion yen of guaranteed notes."
    assert not pipeline.code_text(text, published="2021-03-20")


def test_an_appeal_to_the_police_stays_an_appeal(pipeline: Any) -> None:
    text = "Amnesty International called on Kenyan police to stop using live ammunition."
    [e] = pipeline.code_text(text, published="2024-05-04")
    assert e.cameo.startswith("02") and e.target is not None and e.target.code == "KENCOP"
