"""Status: hypothetical, hedged, habitual, planned and denied acts are not asserted."""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.models import Event


def _events(pipeline: Any, text: str, published: str = "2020-12-23") -> list[Event]:
    return pipeline.code_text(text, published=published)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("There are no plans for Biden to meet Putin.", "negated"),
        ("Officials said Iran may have attacked the Saudi tanker.", "hedged"),
        ("Houthi rebels allegedly attacked a Saudi oil tanker in the Red Sea.", "hedged"),
        ("Police regularly arrest protesters in Minsk.", "habitual"),
        ("Avenatti is to be sentenced in June by a federal judge.", "future"),
        ("Prime Minister Theresa May is to step down on Friday.", "future"),  # "is" parsed as the head
    ],
)
def test_not_asserted(pipeline: Any, text: str, status: str) -> None:
    events = [e for e in _events(pipeline, text) if not e.cameo.startswith("01")]
    assert events and {e.status for e in events} == {status}, [(e.cameo, e.status) for e in events]


def test_no_plans_to_meet_is_not_a_refusal(pipeline: Any) -> None:
    assert not [
        e
        for e in _events(pipeline, "There are no plans for Biden to meet Putin.")
        if e.cameo.startswith("12")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Turkey announced it will not accept further refugees from Syria.",
        "President Reagan declared that he will not go to Moscow to meet Gorbachev.",
        "Serbia refused to sign the agreement with Kosovo.",
        "Iran said it could not accept the European proposal.",
    ],
)
def test_announced_or_refused_acts_are_rejections(pipeline: Any, text: str) -> None:
    assert [
        e
        for e in _events(pipeline, text, "1987-03-01")
        if e.cameo.startswith("12") and e.status == "asserted"
    ]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The foreign minister said Syria must stop backing the militias.", "requested"),
        ("Poland did not refuse to sign the agreement with Ukraine.", "negated"),
        ("Analysts said Ankara may refuse to endorse Sweden's accession.", "conditional"),
    ],
)
def test_a_refusal_that_did_not_happen_is_not_asserted(pipeline: Any, text: str, status: str) -> None:
    rejections = [e for e in _events(pipeline, text) if e.cameo.startswith("12")]
    assert not [e for e in rejections if e.status == "asserted"], [(e.cameo, e.status) for e in rejections]
    assert status in {e.status for e in _events(pipeline, text)}


def test_failing_to_agree_is_no_rejection(pipeline: Any) -> None:
    text = "The US government is shut down because President Trump and Congress could not agree on a budget."
    events = _events(pipeline, text, "2019-01-10")
    assert events and not [e for e in events if e.cameo.startswith("12")]


def test_a_reported_would_is_a_future_intent(pipeline: Any) -> None:
    events = _events(
        pipeline, "Houthi leaders said on Monday they would meet the U.N. envoy Martin Griffiths in Muscat."
    )
    assert [e for e in events if e.cameo.startswith("03") and e.status == "asserted"]


def test_an_attempt_is_the_act(pipeline: Any) -> None:
    events = _events(pipeline, "Militants said they attempted to assassinate Prime Minister Iyad Allawi.")
    assert [e for e in events if e.cameo.startswith("18")]


def test_a_stance_declared_in_a_statement_is_asserted(pipeline: Any) -> None:
    said = pipeline.code_text(
        "A spokesman said Canada supports the UN's peace effort.", published="2020-03-10"
    )
    assert [e for e in said if e.cameo == "051" and e.status == "asserted"]
    standing = pipeline.code_text("Canada strongly supports the UN's peace effort.", published="2020-03-10")
    assert [e for e in standing if e.cameo == "051" and e.status == "habitual"]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The administration is due to impose tariffs on Japanese products on Friday.", "future"),
        ("A Senate delegation was scheduled to meet Kuwait's emir on Sunday.", "future"),
        ("Analysts said an Iranian blockade of the Strait of Hormuz was unlikely.", "hedged"),
        ("Iran is likely to attack Saudi oil facilities, analysts said.", "hedged"),
        ("In a message, the attacker wrote: attack the tourists in London.", "requested"),
    ],
)
def test_scheduled_likely_and_imperative_acts_are_not_asserted(pipeline: Any, text: str, status: str) -> None:
    events = [e for e in pipeline.code_text(text, published="2020-03-10") if not e.cameo.startswith("01")]
    assert events and all(e.status != "asserted" or "+intent" in e.pattern for e in events)
    assert status in {e.status for e in events} or all("+intent" in e.pattern for e in events)


def test_a_verb_coordinated_with_a_future_one_is_future(pipeline: Any) -> None:
    events = pipeline.code_text(
        "The government will meet and discuss the plan with the EU.", published="2020-03-10"
    )
    assert events and all(e.cameo.startswith("03") for e in events)  # CAMEO: an announced meeting is 036


def test_a_stated_readiness_to_act_is_an_expression_of_intent(pipeline: Any) -> None:
    [e] = pipeline.code_text("China expressed its readiness to provide aid to Nepal.", published="2015-05-01")
    assert (e.cameo, e.status, e.target.country if e.target else None) == ("033", "asserted", "NPL")
    events = pipeline.code_text(
        "Russia rejected an offer to mediate between Armenia and Azerbaijan.", published="2020-10-01"
    )
    assert not [e for e in events if e.cameo.startswith(("03", "04")) and e.status == "asserted"]


def test_what_an_actor_must_or_should_do_is_a_demand_or_an_appeal_not_an_act(pipeline: Any) -> None:
    events = pipeline.code_text("President Trump said Iran must release the sailors.", published="2019-07-28")
    demand = [e for e in events if e.status == "asserted"]
    assert [(e.cameo, e.source.code, e.target.country if e.target else None) for e in demand] == [
        ("100", "USAGOV", "IRN")
    ]
    assert {e.status for e in events if e.cameo.startswith("08")} == {"requested"}
    events = pipeline.code_text("Britain said Iran should release the tanker.", published="2019-07-28")
    assert [(e.cameo, e.target.country if e.target else None) for e in events if e.status == "asserted"] == [
        ("020", "IRN")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Reagan said he had barred covert operations against Nicaragua.",
        "President Donald Trump has yet to concede the election to Joe Biden.",
        "Japanese Prime Minister Yasuhiro Nakasone ruled out a naval patrol in the Gulf.",
    ],
)
def test_a_barred_awaited_or_ruled_out_act_is_not_asserted(pipeline: Any, text: str) -> None:
    events = _events(pipeline, text, "2020-11-17")
    assert not [e for e in events if e.cameo[:2] in {"08", "15", "19"} and e.status == "asserted"]


def test_a_timetabled_meeting_is_future_not_an_intent(pipeline: Any) -> None:
    for text in (
        "Secretary of State George Shultz was scheduled to meet Soviet Foreign Minister Eduard Shevardnadze.",
        "Secretary of State George Shultz will meet Soviet Foreign Minister Eduard Shevardnadze later today.",
    ):
        [e] = _events(pipeline, text, "1987-03-10")
        assert (e.cameo, e.status) == ("040", "future")


def test_no_longer_stops_cooperation_and_negates_conflict(pipeline: Any) -> None:
    [e] = _events(pipeline, "Turkey no longer supports the Syrian rebels.", "2020-07-10")
    assert (e.cameo, e.status) == ("160", "asserted")
    [e] = _events(pipeline, "Russia will no longer cooperate with NATO.", "2020-07-10")
    assert (e.cameo, e.status, e.target.code if e.target else None) == ("161", "asserted", "NAT")
    [e] = _events(pipeline, "Iran will no longer attack ships in the Gulf.", "2020-07-10")
    assert e.status == "negated"


def test_a_planned_cancelled_or_possible_noun_event_is_not_asserted(pipeline: Any) -> None:
    def statuses(text: str) -> set[str]:
        events = pipeline.code_text(text, published="2019-09-30")
        return {"intent" if e.cameo[:2] == "03" else e.status for e in events}

    assert statuses("Trump's cancelled visit to Denmark angered Danes.") == {"negated"}
    assert statuses("Trump's planned trip to Warsaw was discussed.") == {"intent"}  # 036, an intent to visit
    assert statuses("Trump's upcoming visit to India was discussed on Monday.") == {"future"}
    assert statuses("Trump's visit to India was a success.") == {"asserted"}


def test_a_negation_holds_over_or(pipeline: Any) -> None:
    events = _events(pipeline, "The president did not concede or admit defeat in the election.")
    assert events and all(e.status == "negated" for e in events)
    # "and" joins a second act of its own
    events = _events(pipeline, "Protesters did not disperse and attacked the police.")
    assert [e for e in events if e.cameo.startswith("14") and e.status == "asserted"]
    events = _events(
        pipeline,
        "The president did not concede or admit defeat in his statement, however, and vowed to keep "
        "fighting in court.",
    )
    assert [e.status for e in events if e.cameo.startswith("03")] == ["asserted"]


def test_an_act_supposed_in_an_if_clause_is_no_threat(pipeline: Any) -> None:
    events = _events(pipeline, "If Israel attacks Iran, the whole region will burn, the minister said.")
    assert not [e for e in events if e.status == "asserted" and e.cameo[:2] in {"13", "19"}]
    # the speaker's own conditional act is its threat
    events = _events(
        pipeline, "Iran said it would attack ships if the United States escorted Kuwaiti tankers."
    )
    assert [e for e in events if e.status == "asserted" and e.cameo.startswith("13")]


def test_what_another_says_may_happen_is_no_threat(pipeline: Any) -> None:
    text = "Trump warned that Biden could destroy the economy with his tax increases."
    events = _events(pipeline, text, "2020-10-10")
    assert [e.status for e in events if e.source.text == "Biden"] == ["conditional"]
    events = _events(pipeline, "Analysts warned that Russia could invade Ukraine.", "2020-10-10")
    assert [(e.cameo[:2], e.status) for e in events if e.source.country == "RUS"] == [("19", "conditional")]


def test_a_reported_intent_is_a_claim_not_a_threat(pipeline: Any) -> None:
    text = (
        "The Iranian spokesman said the reports that Iran intended to attack ships were misleading "
        "propaganda."
    )
    events = _events(pipeline, text, "1987-03-10")
    assert not [e for e in events if e.cameo[:2] in {"13", "19"} and e.status == "asserted"]
    assert [e for e in events if e.cameo.startswith("016")]


def test_an_announced_resignation_is_the_resignation(pipeline: Any) -> None:
    [step] = pipeline.code_text(
        "Prime Minister Shinzo Abe announced he would step down.", published="2020-08-28"
    )
    assert (step.cameo, step.status) == ("0831", "asserted")
    # a resignation promised under a condition or threatened is not one
    for text in (
        "The minister said he would resign if the bill failed.",
        "The president threatened to resign.",
    ):
        assert not any(e.cameo == "0831" for e in pipeline.code_text(text, published="2020-08-28"))


def test_an_intended_act_keeps_its_kind_in_the_intent_code(pipeline: Any) -> None:
    events = pipeline.code_text(
        "The US announced that it would withdraw its troops from Syria.", published="2019-10-07"
    )
    assert [(e.cameo, e.target and e.target.country) for e in events] == [("0356", "SYR")]
    [drill] = pipeline.code_text(
        "Japan will hold joint military exercises with India.", published="2019-10-07"
    )
    assert drill.cameo == "0312"


def test_the_act_one_is_accused_or_blamed_for_is_the_accuseds_and_alleged(pipeline: Any) -> None:
    events = pipeline.code_text(
        "Armenia accused Azerbaijan of shelling civilian areas.", published="2020-10-05"
    )
    shelling = next(e for e in events if e.cameo.startswith("19"))
    assert (shelling.source.country, shelling.status) == ("AZE", "hedged")
    events = pipeline.code_text(
        "Iran blamed Israel for killing its nuclear scientist.", published="2020-11-28"
    )
    killing = next(e for e in events if e.trigger == "killing")
    assert (killing.source.country, killing.status) == ("ISR", "hedged")


def test_a_resignation_expected_to_be_announced_is_not_announced(pipeline: Any) -> None:
    events = pipeline.code_text("Abe is expected to announce he will step down.", published="2020-08-27")
    assert events and all(e.status != "asserted" for e in events)


def test_two_intents_of_one_source_are_both_kept(pipeline: Any) -> None:
    events = pipeline.code_text(
        "Iran said it would release all prisoners and send aid to Lebanon.", published="2020-08-27"
    )
    assert {e.cameo[:3] for e in events} == {"035", "033"}


def test_a_possible_act_nobody_announced_is_no_threat(pipeline: Any) -> None:
    events = _events(pipeline, "In those years the army would shell villages near the border.")
    assert events and not [e for e in events if e.cameo.startswith("13")]
    assert {e.status for e in events} == {"conditional"}
    # reported by someone else, also through a coordinated speech verb: not the actor's own threat
    events = _events(pipeline, "Macron praised the deal and warned that Russia could invade Moldova.")
    assert not [e for e in events if e.source.country == "RUS" and e.cameo.startswith("13")]
    # the actor's own word stays a threat
    events = _events(pipeline, "Tehran warned that Iran might strike American bases in Iraq.")
    assert [e for e in events if e.source.country == "IRN" and e.cameo.startswith("13")]


@pytest.mark.parametrize(
    ("text", "wanter", "asked", "code"),
    [
        ("Beijing said it wants Washington to lift the tariffs on Chinese steel.", "CHN", "USA", "0254"),
        ("Seoul would like Pyongyang to return to talks, the envoy said.", "KOR", "PRK", "02"),
        ("The opposition said it wanted the prime minister to resign.", "", "", "02"),
    ],
)
def test_wanting_another_to_act_is_an_appeal_and_the_act_only_requested(
    pipeline: Any, text: str, wanter: str, asked: str, code: str
) -> None:
    events = _events(pipeline, text)
    appeal = next(e for e in events if e.trigger in {"wants", "wanted", "like"})
    assert appeal.status == "asserted" and appeal.cameo.startswith(code)
    assert appeal.source.country == wanter and appeal.target is not None and appeal.target.country == asked
    # the act wanted is the other's, and it did not happen
    assert all(e.status != "asserted" for e in events if e is not appeal)
    assert not [e for e in events if e.cameo.startswith("03")]


def test_a_standing_wish_in_the_present_is_no_act_of_the_day(pipeline: Any) -> None:
    text = "The civil war has gone on for seventeen years; the Taliban wants foreign troops to withdraw."
    events = _events(pipeline, text)
    assert events and all(e.status != "asserted" for e in events)


def test_wanting_to_act_oneself_stays_an_intent(pipeline: Any) -> None:
    events = _events(pipeline, "Beijing wants to lift the tariffs on American soybeans.")
    assert [e.cameo[:2] for e in events] == ["03"] and events[0].source.country == "CHN"


def test_an_act_of_another_in_a_purpose_clause_is_no_intent_of_its_doer(pipeline: Any) -> None:
    events = _events(pipeline, "The United States offered drones to help Taiwan defend its coast.")
    assert events and not [e for e in events if e.source.country == "TWN" and e.status == "asserted"]


@pytest.mark.parametrize(
    "text",
    [
        # a participle describing a noun says what the noun is doing, whatever the sentence's tense
        "The draft accord will be handed to the Iranian team negotiating on enrichment in Vienna.",
        # what cannot be done is not done
        "The senator read a letter from the trade envoy, who said the tariff would be impossible to defend.",
        # hopeful is hoping
        "The envoy said he remains hopeful that Serbia and Kosovo will reach a deal on licence plates.",
        # an opinion on a case is no policy weighed
        "A spokesman said Ankara considered the matter closed.",
    ],
)
def test_acts_described_hoped_or_impossible_are_not_asserted_intents(pipeline: Any, text: str) -> None:
    events = _events(pipeline, text)
    assert not [e for e in events if e.status == "asserted" and e.cameo.startswith(("03", "014"))], events


def test_a_tendency_to_act_is_habitual(pipeline: Any) -> None:
    text = "Analysts said Beijing's tendency to impose export controls worries Tokyo."
    events = [e for e in _events(pipeline, text) if e.cameo.startswith("17")]
    assert events and all(e.status == "habitual" and e.source.country == "CHN" for e in events)


def test_insisting_on_a_fact_is_no_demand(pipeline: Any) -> None:
    text = "A senior Indian official insisted that the country was honouring its border accord."
    assert not [e for e in _events(pipeline, text) if e.cameo.startswith("10")]
    [demand] = [
        e
        for e in _events(pipeline, "Trump insisted that Congress fund the border wall.")
        if e.cameo.startswith("10")
    ]
    assert demand.target is not None and demand.target.sector == "LEG"


def test_what_one_needs_to_do_is_not_done(pipeline: Any) -> None:
    events = _events(pipeline, "Argentina needs to request a waiver of the loan conditions.")
    assert events and all(e.status != "asserted" for e in events)


@pytest.mark.parametrize(
    ("text", "code", "status"),
    [
        # one's own act one would like to do is an intent, as "wants to" is
        ("Putin said he would like to meet Trump in Moscow.", "036", "asserted"),
        # a measure's participle shares the sentence's future ("will announce a package providing aid")
        (
            "Biden will announce a package providing $2 billion in military aid to Ukraine next week.",
            "071",
            "future",
        ),
        # "it was impossible to" negates the act
        ("Ukraine said it was impossible to negotiate with Putin.", "046", "negated"),
    ],
)
def test_own_wishes_measures_and_impossibilities_keep_their_status(
    pipeline: Any, text: str, code: str, status: str
) -> None:
    events = [e for e in pipeline.code_text(text, published="2024-05-04") if e.cameo == code]
    assert events and events[0].status == status


@pytest.mark.parametrize(
    "text",
    [
        "Putin wants Ukraine to lose the war, a Western official said.",
        "Beijing wants the talks to succeed, the spokesman said.",
        "The ministry said it wants the defendant to be extradited to Spain.",
    ],
)
def test_wanting_an_outcome_is_no_appeal(pipeline: Any, text: str) -> None:
    assert not [e for e in pipeline.code_text(text, published="2024-05-04") if e.cameo.startswith("02")]


def test_insisting_on_what_must_be_done_is_a_demand(pipeline: Any) -> None:
    for text in [
        "The president insisted that he resign.",
        "Kyiv insisted that all Russian troops leave its territory.",
    ]:
        assert [e for e in pipeline.code_text(text, published="2024-05-04") if e.cameo.startswith("10")], text
    text = "The minister insisted that the army had not targeted civilians."
    assert not [e for e in pipeline.code_text(text, published="2024-05-04") if e.cameo.startswith("10")]
