"""The coder on short news sentences written for these tests (not the seed)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pytest

from eventwire.models import Event

ARTICLE_DATE = "2021-03-10"  # a Wednesday


def code(pipeline, text: str, published: str = ARTICLE_DATE) -> list[Event]:  # type: ignore[no-untyped-def]
    return pipeline.code_text(text, published=published)


def dyads(events: Iterable[Event]) -> set[tuple[str, str, str]]:
    return {(e.source.country, e.cameo[:2], e.target.country if e.target else "") for e in events}


def find(events: list[Event], src: str, root: str, tgt: str) -> Event:
    for e in events:
        if (
            e.source.country == src
            and e.cameo.startswith(root)
            and (e.target.country if e.target else "") == tgt
        ):
            return e
    raise AssertionError(
        f"no {src} {root} {tgt} event in {[(e.source.code, e.cameo, e.target) for e in events]}"
    )


def test_protest_against_government(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(
        pipeline,
        "Thousands of protesters rallied in Minsk on Sunday against President Alexander "
        "Lukashenko's government.",
    )
    e = find(events, "BLR", "14", "BLR")
    assert e.plover.event == "PROTEST"
    assert e.quad_class == 4  # GDELT: roots 14-20 are material conflict
    assert e.date == "2021-03-07"
    assert e.date_source == "text"


def test_military_attack(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "Russian troops attacked Ukrainian soldiers near Kharkiv on Monday.")
    e = find(events, "RUS", "1", "UKR")
    assert e.source.sector == "MIL"
    assert e.quad_class == 4
    assert e.goldstein < 0
    assert e.date == "2021-03-08"


def test_sanctions(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "The United States imposed new sanctions on Iran on Tuesday.")
    e = find(events, "USA", "16", "IRN")
    assert e.plover.event in {"COERCE", "SANCTION"}
    assert e.quad_class == 4


def test_visit(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "French President Emmanuel Macron visited Germany on Thursday.")
    e = find(events, "FRA", "04", "DEU")
    assert e.source.sector == "GOV"
    assert e.plover.event == "CONSULT"
    assert e.plover.mode == "visit"


def test_aid(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "Japan sent humanitarian aid to the Philippines after the typhoon.")
    e = find(events, "JPN", "07", "PHL")
    assert e.plover.event == "AID"
    assert e.quad_class == 2


def test_threat(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "North Korea threatened South Korea with military action.")
    e = find(events, "PRK", "13", "KOR")
    assert e.plover.event == "THREATEN"


def test_criticism(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "The Indian foreign ministry condemned Pakistan for the border incident.")
    e = find(events, "IND", "11", "PAK")
    assert e.source.sector == "GOV"
    assert e.status == "asserted"


def test_negated_event_is_marked(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "Brazil did not condemn Venezuela.")
    e = find(events, "BRA", "11", "VEN")
    assert e.status == "negated"


def test_future_cooperation_is_an_expression_of_intent(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "The German defence minister will visit Lithuania.")
    e = find(events, "DEU", "036", "LTU")  # CAMEO: announcing a visit is "express intent to meet"
    assert e.status == "asserted" and e.pattern.endswith("+intent")
    assert not [x for x in events if x.cameo.startswith("04")]


def test_scheduled_future_act_keeps_its_date_and_status(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = pipeline.code_text("Trump will meet Kim Jong Un in Hanoi on March 11.", published="2019-03-01")
    meeting = [e for e in events if e.cameo.startswith("04") and e.source.country == "USA"]
    assert meeting and all(e.status == "future" for e in meeting)
    assert {(e.date, e.date_precision) for e in meeting} == {("2019-03-11", "day")}
    assert not [e for e in events if e.status == "asserted" and e.cameo.startswith("04")]


def test_future_conflict_is_marked_not_done(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "Russia will attack Ukraine if the talks fail.")
    assert all(e.status != "asserted" for e in events if e.cameo.startswith(("18", "19", "20")))


def test_refused_cooperation_is_a_rejection(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "Turkey refused to meet Greek officials in Ankara.")
    e = find(events, "TUR", "12", "GRC")
    assert e.status == "asserted"
    assert not [x for x in events if x.cameo.startswith("04") and x.status == "asserted"]


def test_act_that_did_not_happen_is_negated_not_a_rejection(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "Serbia did not sign the agreement with Kosovo.")
    assert not [e for e in events if e.status == "asserted"]
    assert [e for e in events if e.cameo.startswith("05") and e.status == "negated"]
    refused = code(pipeline, "Serbia refused to sign the agreement with Kosovo.")
    e = find(refused, "SRB", "12", "XKX")
    assert e.status == "asserted" and e.pattern.endswith("+refused")


def test_threatened_attack_is_not_an_attack(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "Iran threatened to attack Israeli ships in the Gulf.")
    assert find(events, "IRN", "13", "ISR").status == "asserted"
    assert all(e.status != "asserted" for e in events if e.cameo.startswith(("18", "19", "20")))


def test_hoped_event_is_marked(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "Egypt hopes that Israel will sign a ceasefire agreement with Hamas.")
    assert all(e.status != "asserted" for e in events if e.source.country == "ISR")


def test_reciprocal_agreement_between_joint_actors(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "Kenya and Ethiopia agreed to strengthen cooperation on border security.")
    assert ("KEN", "03", "ETH") in dyads(events)
    assert ("ETH", "03", "KEN") in dyads(events)


@pytest.mark.parametrize(
    "text",
    [
        "China, Iran and Russia have pledged funds for the reconstruction of Syria's cities.",
        "Germany and France praised the peace deal.",
        "Norway and Sweden pledged humanitarian aid.",
    ],
)
def test_a_joint_act_on_a_third_party_is_not_between_the_joint_actors(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, text)
    subjects = {"CHN", "IRN", "RUS", "DEU", "FRA", "NOR", "SWE"}
    within = [e for e in events if e.source.country in subjects and e.target and e.target.country in subjects]
    assert not within


def test_pronoun_and_surname_resolve_to_earlier_actor(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Turkish Foreign Minister Mevlut Cavusoglu met Greek officials in Athens on Monday. "
        "He later criticized Cyprus. Cavusoglu also praised Azerbaijan."
    )
    events = code(pipeline, text)
    assert find(events, "TUR", "11", "CYP").source.matched_by.startswith("coref")
    assert find(events, "TUR", "05", "AZE").source.sector == "GOV"


def test_no_event_without_actor(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "The weather was cold and the trains ran late on Tuesday.")
    assert events == []


def test_non_actor_object_is_not_a_conflict(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "Doctors in Peru are fighting the virus with new vaccines.")
    assert all(e.quad_class != 4 for e in events)


def test_date_falls_back_to_article_date(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "Canada criticized China over its treatment of detained citizens.")
    e = find(events, "CAN", "11", "CHN")
    assert e.date == ARTICLE_DATE
    assert e.date_source == "article"


@pytest.mark.parametrize("published", [None, "2021-03-10T08:30"])
def test_event_record_shape(pipeline, published) -> None:  # type: ignore[no-untyped-def]
    text = "Australia condemned the attack on Israeli diplomats."
    events = code(pipeline, "Spain praised Portugal on Friday. " + text, published=published)
    e = find(events, "ESP", "05", "PRT")
    d = e.to_dict()
    for key in (
        "event_id",
        "article_id",
        "date",
        "date_source",
        "source",
        "target",
        "cameo",
        "cameo_name",
        "goldstein",
        "quad_class",
        "plover",
        "status",
        "sentence",
        "trigger",
        "char_span",
    ):
        assert key in d
    assert set(d["source"]) >= {"code", "country", "sector", "text"}
    start, end = d["char_span"]
    assert "Spain praised Portugal on Friday. "[start:end] == d["trigger"] == "praised"
    if published is None:
        assert d["date"] is None and d["date_source"] == "none"


def test_coordinated_demonyms_give_a_joint_actor(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "Indian and Japanese warships held joint exercises in the Bay of Bengal.")
    assert ("IND", "06", "JPN") in dyads(events)
    assert ("JPN", "06", "IND") in dyads(events)
    assert all(e.source.sector == "MIL" for e in events)


def test_object_of_a_light_verb_is_the_target(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "Poland expelled three Russian diplomats on Monday.")
    e = find(events, "POL", "16", "RUS")
    assert e.target is not None and e.target.sector == "GOV"


def test_target_of_the_complement(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "Azerbaijan threatened to retaliate against Armenia.")
    e = find(events, "AZE", "13", "ARM")
    assert e.plover.event == "THREATEN"


def test_domestic_protest_without_a_named_target(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "Hundreds of students protested in Santiago against tuition fees.")
    e = find(events, "CHL", "14", "")
    assert e.source.sector == "EDU"
    assert "event-place" in e.source.matched_by


def test_passive_voice_source_is_the_agent(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "Syrian rebels were attacked by Russian jets near Idlib.")
    e = find(events, "RUS", "19", "SYR")
    assert e.target is not None and e.target.sector == "REB"


def test_apposition_gives_a_name_its_title(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Chilean President Gabriel Boric met his Argentine counterpart, Alberto Fernandez, on Monday. "
        "Fernandez later praised Chile."
    )
    events = code(pipeline, text)
    assert find(events, "CHL", "04", "ARG").target.sector == "GOV"  # type: ignore[union-attr]
    assert find(events, "ARG", "05", "CHL").source.sector == "GOV"


def test_both_refers_to_the_two_actors_just_named(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Peru's foreign minister met his Bolivian counterpart in Lima, and both criticized Chile."
    events = code(pipeline, text)
    assert ("PER", "11", "CHL") in dyads(events)
    assert ("BOL", "11", "CHL") in dyads(events)


def test_subject_of_a_by_clause(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Estonia expelled a Russian diplomat, and Moscow responded by expelling an Estonian envoy."
    events = code(pipeline, text)
    assert ("RUS", "16", "EST") in dyads(events)


def test_deployed_forces_are_not_the_target(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "Morocco deployed troops along its border with Algeria.")
    e = find(events, "MAR", "15", "DZA")
    assert e.plover.event == "MOBILIZE"


def test_suspended_cooperation_is_reduced_relations(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "Sweden curtailed its development aid to Tanzania on Monday.")
    e = find(events, "SWE", "16", "TZA")
    assert e.plover.event == "SANCTION" and e.pattern.endswith("+stopped")


def test_place_through_a_participle(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "Ethnic Albanian guerrillas operating in Macedonia attacked police on Sunday.")
    e = find(events, "MKD", "19", "MKD")
    assert e.source.sector == "REB" and e.target is not None and e.target.sector == "COP"


def test_named_person_from_the_office_holder_table(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "Lavrov criticised Lithuania on Monday.", published="2020-12-23")
    e = find(events, "RUS", "11", "LTU")
    assert e.source.sector == "GOV" and e.source.matched_by.startswith("office-holder")


def test_known_actor_spans_are_never_merged(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The Iraqi parliament rejected the Kirkuk council decision."
    a, b = text.index("The Iraqi parliament"), text.index("the Kirkuk council")
    events = pipeline.code_text(text, given_spans=[(a, a + 20), (b, b + 27)])
    assert [(e.source.text, e.cameo[:2], e.target.text if e.target else "") for e in events] == [
        ("The Iraqi parliament", "12", "the Kirkuk council decision")
    ]


def test_conditional_conflict_is_a_threat(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "Ghana will expel the Nigerian envoy unless Abuja apologizes.")
    e = find(events, "GHA", "13", "NGA")
    assert e.status == "asserted" and e.pattern.endswith("+threat")


def test_a_statement_that_another_actor_must_act_is_a_demand(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "Russia said on Tuesday that Sudan must return a captured helicopter.")
    demands = [
        (e.source.country, e.target.country if e.target else "") for e in events if e.cameo[:2] == "10"
    ]
    assert ("RUS", "SDN") in demands
    assert any(e.pattern == "verb:say:100[modal=must]" for e in events)
    assert not [e for e in code(pipeline, "Kenya said it must act.") if e.cameo[:2] == "10"]
    assert not [
        e for e in code(pipeline, "Russia said that Sudan will return a helicopter.") if e.cameo[:2] == "10"
    ]


def test_a_capital_named_as_an_actor_is_its_government(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "Washington criticized Moscow on Monday.")
    assert [(e.source.code, e.target.code if e.target else "") for e in events if e.cameo[:2] == "11"] == [
        ("USAGOV", "RUSGOV")
    ]
    shelling = [
        e for e in code(pipeline, "Russian forces shelled Kharkiv on Monday.") if e.target is not None
    ]
    assert (
        shelling and shelling[0].target is not None and shelling[0].target.code == "UKR"
    )  # a place attacked


@pytest.mark.parametrize(
    "text",
    [
        "Japanese Prime Minister Shinzo Abe tendered his resignation on Friday.",
        "Puerto Rico Governor Ricardo Rosselló announced his resignation on Wednesday.",
    ],
)
def test_an_announced_resignation_is_the_resignation(pipeline: Any, text: str) -> None:
    events = pipeline.code_text(text, published="2019-07-28")
    assert [(e.cameo, e.status, e.source.sector) for e in events] == [("0831", "asserted", "GOV")]


def test_a_states_protest_is_an_official_complaint_and_a_crowds_a_demonstration(pipeline: Any) -> None:
    [e] = pipeline.code_text("China protested against the U.S. arms sale to Taiwan.", published="2021-03-15")
    assert e.cameo == "114" and e.source.code == "CHN"
    text = "Thousands of people protested in Minsk against President Alexander Lukashenko."
    [e] = pipeline.code_text(text, published="2020-08-16")
    assert e.cameo == "141" and e.source.sector == "CVL"


def test_two_diplomats_of_one_country_are_not_the_storys_two_sides(pipeline: Any) -> None:
    text = "Russia and the United States are at odds. The United States expelled two Russian diplomats."
    [e] = [e for e in pipeline.code_text(text, published="2021-03-15") if e.cameo.startswith("16")]
    assert (e.source.country, e.target.code if e.target else None) == ("USA", "RUSGOV")


def test_a_politicians_attack_for_a_reason_is_verbal(pipeline: Any) -> None:
    text = "In the debate, Joe Biden attacked President Donald Trump over his taxes."
    [e] = pipeline.code_text(text, published="2020-10-23")
    assert (e.cameo, e.target.code if e.target else None) == ("111", "USAGOV")
    [e] = pipeline.code_text("Gunmen attacked a police station for the second time.", published="2020-10-23")
    assert e.cameo.startswith("18")


def test_capturing_a_place_is_occupying_territory(pipeline: Any) -> None:
    [e] = pipeline.code_text("Chadian troops captured an airstrip in northern Chad.", published="1987-03-25")
    assert (e.cameo, e.source.code) == ("192", "TCDMIL")


def test_a_things_owner_acts_only_through_what_it_says_decides_or_fires(pipeline: Any) -> None:
    assert not pipeline.code_text(
        "Higher Argentine export taxes encourage exports of soybean products.", published="1987-03-25"
    )
    events = pipeline.code_text(
        "Russia regrets the U.S. decision to expel Russian diplomats.", published="2020-01-13"
    )
    expel = [e for e in events if e.cameo.startswith("16")]
    assert expel and expel[0].source.country == "USA"


def test_a_threat_and_its_content_are_one_threat(pipeline: Any) -> None:
    text = (
        "President Donald Trump threatened to withhold federal funds from school districts that do not "
        "reopen."
    )
    events = pipeline.code_text(text, published="2020-07-10")
    assert [e.cameo[:2] for e in events] == ["13"] and events[0].target is not None


def test_an_anti_prefix_names_what_a_protest_is_against(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "Thousands of people joined anti-government protests in Belgrade on Tuesday.")
    e = find(events, "SRB", "14", "SRB")
    assert e.target is not None and e.target.sector == "GOV" and e.source.sector == "CVL"
    events = code(pipeline, "Thousands of anti-government protesters rallied in Belgrade on Tuesday.")
    assert find(events, "SRB", "14", "SRB").target.sector == "GOV"  # type: ignore[union-attr]
    # a cause is no actor: "anti-war" names nobody
    events = code(pipeline, "Anti-war protesters rallied in London on Saturday.")
    assert find(events, "GBR", "14", "").target is None


def test_a_name_the_tagger_took_for_a_common_noun_is_still_the_person(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the tagger reads the sentence-initial "Trump" as the noun "trump"; the article uses it as a name
    text = "President Donald Trump spoke in Ohio on Friday. Trump thanked his supporters."
    events = [e for e in code(pipeline, text, "2020-07-10") if e.cameo.startswith("05")]
    assert [(e.source.code, e.target and e.target.code) for e in events] == [("USAGOV", "USACVL")]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # the country or the kind of an institution in its "of" phrase
        ("The Ministry of Foreign Affairs of China condemned Japan.", "CHNGOV"),
        ("The Parliament of Iraq voted to expel United States troops.", "IRQLEG"),
        ("The American Chamber of Commerce criticized the new tariffs imposed by China.", "USABUS"),
        # an "of" phrase that names neither leaves the head's code
        ("The Ministry of Defence condemned the attack on Syria.", "GOV"),
    ],
)
def test_an_institution_named_with_of(pipeline, text: str, source: str) -> None:  # type: ignore[no-untyped-def]
    assert source in {e.source.code for e in code(pipeline, text)}


def test_a_business_association_is_a_business_actor(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "The Federation of Industries urged the government to cut taxes.")
    assert [(e.source.sector, e.cameo[:2]) for e in events] == [("BUS", "02")]


def test_a_civilian_plane_is_no_military_target(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "Iran's military shot down a Ukrainian passenger jet near Tehran.")
    assert {(e.target.country, e.target.sector) for e in events if e.target} == {("UKR", "BUS")}
    events = code(pipeline, "Iran shot down a Ukrainian airliner near Tehran.")
    assert {(e.target.country, e.target.sector) for e in events if e.target} == {("UKR", "")}


def test_an_office_named_as_a_role_is_no_actor(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "In Washington, the US Green Party nominated Howie Hawkins for president.")
    assert not [e for e in events if e.target and e.target.text.lower() == "president"]
    # people after "for" are people
    events = code(pipeline, "Japan provided emergency aid for refugees.")
    assert [e for e in events if e.target and e.target.sector == "REF"]
    # "the president" after "for" is a person
    events = code(pipeline, "The protesters called for the president to resign.")
    assert [e for e in events if e.cameo.startswith("02") and e.target and e.target.sector == "GOV"]


def test_a_leader_the_tagger_reads_as_a_common_noun(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "Trump met Putin in Helsinki on Monday.", "2019-07-17")
    assert ("USAGOV", "040", "RUSGOV") in {
        (e.source.code, e.cameo, e.target and e.target.code) for e in events
    }


def test_a_presidential_candidate_is_a_party_actor(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(
        pipeline, "Independent presidential candidate Brock Pierce criticized the Democratic Party."
    )
    assert [e.source.sector for e in events] == ["PTY"]


def test_the_chief_executive_of_hong_kong_heads_its_government(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "On Wednesday, Carrie Lam, the chief executive of Hong Kong, criticized the violent protesters."
    events = code(pipeline, text, "2019-09-05")
    assert [(e.source.code, e.cameo[:2]) for e in events] == [("HKGGOV", "11")]


def test_officials_of_coordinated_countries_stay_two(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "The leaders of France and Germany condemned the attack on the embassy.")
    assert {e.source.code for e in events if e.cameo.startswith("11")} == {"FRAGOV", "DEUGOV"}


def test_a_sitting_president_running_again_stays_the_president(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "Republican presidential candidate Donald Trump criticized China.", "2020-10-01")
    assert [e.source.code for e in events] == ["USAGOV"]


@pytest.mark.parametrize(
    "text",
    [
        "Germany and France pledged support.",
        "Qatar and Egypt offered to mediate.",
        "Norway and Chile vowed to help.",
    ],
)
def test_a_joint_pledge_or_offer_is_not_mutual(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [e for e in code(pipeline, text) if e.target is not None]


def test_a_joint_pledge_to_mend_their_own_relations_is_mutual(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(
        pipeline, "Eritrea and Djibouti pledged to restore diplomatic relations after talks in Doha."
    )
    assert {("ERI", "DJI"), ("DJI", "ERI")} <= {
        (e.source.country, e.target.country) for e in events if e.target and e.cameo.startswith("03")
    }


def test_the_end_of_talks_as_a_time_stops_nothing(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "Iran and the EU agreed to meet again at the end of talks with Russia.")
    assert not [e for e in events if e.cameo.startswith("16")]


def test_a_military_cargo_plane_is_military(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "Ukraine shot down a Russian military cargo plane.")
    assert [e.target.code for e in events if e.target] == ["RUSMIL"]


def test_a_promise_to_act_is_one_intent_not_a_plain_promise_beside_it(pipeline: Any) -> None:
    events = code(pipeline, "Japan promised to provide aid to Nepal.")
    assert [(e.cameo, e.source.code, e.target and e.target.code) for e in events] == [("033", "JPN", "NPL")]


def test_other_countries_are_not_the_coordinated_subject(pipeline: Any) -> None:
    events = code(pipeline, "The US and Britain urged other countries to adopt the rules.")
    assert {e.source.country for e in events} == {"USA", "GBR"}
    assert all(e.target is None for e in events)  # not the US urging Britain
    pair = code(pipeline, "China and Russia pledged to support each other.")
    assert {(e.source.country, e.target and e.target.country) for e in pair} == {
        ("CHN", "RUS"),
        ("RUS", "CHN"),
    }
