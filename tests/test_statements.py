"""Public statements (CAMEO root 01) and denials: coded by what they say, with a setting to turn them off."""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.errors import DictionaryError
from eventwire.events.statements import StatementLexicon
from eventwire.models import Event
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings


def _events(pipeline: Any, text: str, published: str = "2020-12-23") -> list[Event]:
    return pipeline.code_text(text, published=published)


def test_a_denial_is_asserted_and_the_denied_act_is_not(pipeline: Any) -> None:
    events = _events(pipeline, "The Kremlin denied that Russia was planning to invade Ukraine.")
    denial = [e for e in events if e.cameo == "016"]
    assert denial and denial[0].source.code == "RUSGOV" and denial[0].status == "asserted"
    invasion = [e for e in events if e.target is not None and e.target.country == "UKR"]
    assert invasion and all(e.status == "denied" for e in invasion)
    assert denial[0].plover.event == ""  # statements have no PLOVER event type


def test_criticism_in_a_labelling_statement(pipeline: Any) -> None:
    text = 'Thousands marched in London. Tom Watson called Prime Minister Theresa May\'s Brexit deal "lousy".'
    [e] = [e for e in _events(pipeline, text, "2019-03-24") if e.cameo.startswith("11")]
    assert e.source.country == "GBR" and e.target is not None and e.target.code == "GBRGOV"
    assert "label:call" in e.pattern and not [x for x in _events(pipeline, text) if x.cameo == "041"]


def test_criticism_said_of_an_actor(pipeline: Any) -> None:
    text = "Senator Ted Cruz said members of Congress have abused their power."
    events = _events(pipeline, text, "2019-01-06")
    criticism = [e for e in events if e.cameo == "111"]
    assert criticism and criticism[0].target is not None and criticism[0].target.sector == "LEG"


def test_condolences_are_empathetic_comments(pipeline: Any) -> None:
    text = (
        'Indian Prime Minister Narendra Modi wrote, "My thoughts are with those who lost their loved ones."'
    )
    [e] = _events(pipeline, text, "2020-08-08")
    assert (e.cameo, e.source.code) == ("018", "INDGOV")


def test_an_attribution_or_a_word_to_the_press_is_no_event(pipeline: Any) -> None:
    assert not _events(pipeline, "Police said three people died in the fire.")
    for e in _events(pipeline, "Putin told reporters that Russia would respond to the sanctions."):
        assert e.target is None or e.target.sector != "MED"
    for e in _events(pipeline, "A spokesman told Agence France-Presse the victim was in intensive care."):
        assert e.target is None or e.target.sector != "MED"


def test_a_statement_about_an_actor_is_addressed_to_it(pipeline: Any) -> None:
    [e] = [e for e in _events(pipeline, "Trump said Biden was weak on China.") if e.cameo.startswith("01")]
    assert e.target is not None and e.target.country == "USA" and e.source.code == "USAGOV"


def test_the_statements_setting_turns_them_off() -> None:
    off = Pipeline(Settings.from_env(env={}, statements="off"))
    text = "The Kremlin denied that Russia was planning to invade Ukraine. Trump said Biden was weak."
    assert not [e for e in off.code_text(text, published="2020-12-23") if e.cameo.startswith("01")]
    with pytest.raises(Exception, match="statements must be 'on' or 'off'"):
        Settings.from_env(env={"EVENTWIRE_STATEMENTS": "maybe"})


def test_the_lexicon_counts_negated_words_for_the_other_side() -> None:
    lexicon = StatementLexicon.load()
    assert lexicon.tally(["this", "is", "a", "disgrace"]).code(True) == "111"
    words = ["this", "is", "not", "a", "disgrace", "but", "a", "wise", "decision"]
    assert lexicon.tally(words).code(True) == "051"
    assert lexicon.tally(["our", "thoughts", "are", "with", "the", "families"]).code(False) == "018"
    assert lexicon.tally(["we", "are", "optimistic", "about", "the", "talks"]).code(False) == "013"
    assert lexicon.tally(["the", "weather", "is", "mild"]).code(False) == "010"
    with pytest.raises(DictionaryError) as err:
        StatementLexicon.parse("version: 1\nempathy: [Sorry]\n")
    assert "must be a lowercase word" in str(err.value) and "criticism" in str(err.value)


def test_a_statement_of_what_will_happen_unless_the_addressee_acts_is_a_threat(pipeline: Any) -> None:
    text = (
        "Yeutter told Argentina's agriculture secretary that Washington would consider further action "
        "unless Argentina eliminated the taxes."
    )
    events = _events(pipeline, text, published="1987-03-10")
    [threat] = [e for e in events if e.cameo.startswith("13")]
    assert threat.source.code == "USAGOV" and threat.target is not None and threat.target.country == "ARG"


def test_a_statement_that_calls_a_charge_baseless_is_a_denial_of_its_author(pipeline: Any) -> None:
    [e] = _events(pipeline, "Kuwait called Iran's charges baseless.", "1987-10-20")
    assert (e.cameo, e.source.code) == ("016", "KWT") and e.target is not None and e.target.country == "IRN"
    [e] = _events(pipeline, "A Foreign Ministry spokesman in Moscow said the reports were untrue.")
    assert e.cameo == "016" and e.source.country == "RUS"
    assert not _events(pipeline, "Kuwait said the claims were not unfounded.")  # a negated denial is none


def test_a_labelled_person_is_the_target(pipeline: Any) -> None:
    text = "During the debate, Joe Biden called President Donald Trump a clown."
    [e] = _events(pipeline, text, "2020-09-30")
    assert e.cameo == "111" and e.target is not None and e.target.code == "USAGOV"


def test_the_speakers_own_pronoun_is_no_target(pipeline: Any) -> None:
    text = "Philippine Defence Secretary Delfin Lorenzana said he had ordered a heightened alert."
    assert all(e.target is None for e in _events(pipeline, text, "2019-01-28") if e.cameo.startswith("01"))


def test_agreeing_with_someones_remarks_is_accord_with_them(pipeline: Any) -> None:
    [e] = _events(pipeline, "Chinese Foreign Minister Wang Yi agreed with Lavrov's remarks.")
    assert (
        (e.cameo, e.source.code) == ("019", "CHNGOV") and e.target is not None and e.target.code == "RUSGOV"
    )
    [deal] = _events(pipeline, "Taiwan agreed with the United States to open talks on tariffs.")
    assert deal.cameo.startswith("03")  # agreeing with an actor to act is no accord of views
    # agreeing with a view, said or in a clause, is accord; agreeing that they will act, or on a deal, is not
    text = "Putin and Erdogan agreed that the situation in Idlib was serious."
    assert {e.cameo for e in _events(pipeline, text, "2020-03-05")} == {"019"}
    text = "Governor Andrew Cuomo agreed, saying only the federal government could fund the tests."
    assert [e.cameo for e in _events(pipeline, text, "2020-03-05")] == ["019"]
    text = "Erdogan agreed, saying Turkey would send troops next week."
    assert [e.cameo for e in _events(pipeline, text, "2020-03-05")] == ["030"]
    text = "Putin and Erdogan agreed that their countries would cooperate on Syria."
    assert {e.cameo for e in _events(pipeline, text, "2020-03-05")} == {"030"}
    text = "Putin and Erdogan agreed on a ceasefire in Idlib."
    assert not [e for e in _events(pipeline, text, "2020-03-05") if e.cameo == "019"]


def test_a_statement_that_an_actor_was_behind_an_attack_accuses_it(pipeline: Any) -> None:
    text = "Saudi officials said Iran was behind the attack on the oil facilities."
    [e] = _events(pipeline, text, "2019-09-16")
    assert (e.cameo, e.source.code, e.target.country if e.target else None) == ("112", "SAUGOV", "IRN")
    [e] = _events(pipeline, "The Taliban said they were not responsible for the bombing.", "2019-09-16")
    assert e.cameo == "016"  # a negated accusation is a denial


def test_an_empathetic_comment_goes_to_the_bereaved(pipeline: Any) -> None:
    text = (
        'Connecticut Governor Ned Lamont said at a press conference, "My heart really goes out to the '
        'families and we are going to help them."'
    )
    [e] = _events(pipeline, text, "2019-10-03")
    assert e.cameo == "018" and e.target is not None and e.target.sector == "CVL"
    assert e.target.text == "families"


def test_a_capitalised_chamber_is_a_legislature(pipeline: Any) -> None:
    text = "Kerri Kupec, spokeswoman for the Department of Justice, sharply criticized the House's decision."
    [e] = _events(pipeline, text, "2019-07-18")
    assert e.cameo == "111" and e.target is not None and e.target.sector == "LEG"
    assert not [
        e
        for e in _events(pipeline, "Rebels attacked the house of a local official.")
        if e.target and e.target.sector == "LEG"
    ]


def test_a_leader_telling_parliament_addresses_the_own_countrys_legislature(pipeline: Any) -> None:
    text = "Prime Minister Margaret Thatcher told Parliament that Britain regarded this as a test case."
    [e] = _events(pipeline, text, "1987-03-10")
    assert (e.cameo, e.source.code, e.target.code if e.target else None) == ("010", "GBRGOV", "GBRLEG")


def test_propaganda_is_denied_and_aggressive_intervention_is_no_criticism(pipeline: Any) -> None:
    lexicon = StatementLexicon.load()
    words = ["the", "reports", "were", "misleading", "propaganda"]
    assert lexicon.tally(words).code(False) == "016"
    assert (
        lexicon.tally(
            ["the", "six", "nations", "intervened", "aggressively", "in", "currency", "markets"]
        ).code(True)
        == "010"
    )


def test_an_apology_is_coded_once_without_a_target(pipeline: Any) -> None:
    text = "Iranian President Hassan Rouhani said Iran deeply regrets its disastrous mistake."
    events = _events(pipeline, text, "2020-01-11")
    assert [(e.cameo, e.source.country) for e in events] == [("055", "IRN")]
    assert StatementLexicon.load().tally(["we", "apologise", "to", "the", "families"]).code(False) == "055"


def test_a_he_in_a_quotation_is_not_the_speaker(pipeline: Any) -> None:
    text = (
        "Former Indian President Pranab Mukherjee died on Monday. Home Minister Amit Shah said, "
        '"He was an excellent statesman."'
    )
    [e] = [e for e in _events(pipeline, text, "2020-09-01") if e.cameo == "051"]
    assert e.source.code == "INDGOV" and e.target is not None and e.target.country == "IND"
    assert e.target.text == "He"


def test_a_reported_count_is_an_attribution_in_a_story_with_a_home_country(pipeline: Any) -> None:
    # the arrested people take the story's country, which must not make them the statement's target
    text = (
        "Protests continued in Belgrade, Serbia. Police director Vladimir Rebic said at least 71 people "
        "were arrested Friday night. The European Union and Russia urged calm."
    )
    assert not [e for e in _events(pipeline, text, "2020-07-11") if e.cameo.startswith("01")]


def test_a_written_or_tweeted_statement_is_coded_by_what_it_says(pipeline: Any) -> None:
    text = (
        'Former US Ambassador to the United Nations Nikki Haley wrote on Twitter, "Leaving them to die is a '
        'big mistake."'
    )
    [e] = _events(pipeline, text, "2019-10-08")
    assert e.cameo == "111" and e.target is None  # Twitter is where it was said, not to whom
    text = 'Chinese President Xi Jinping wrote, "We mourn the passing away of Shinzo Abe."'
    [e] = _events(pipeline, text, "2022-07-09")
    assert e.cameo == "018" and e.target is not None and e.target.country == "JPN"


def test_condolences_over_a_death_go_to_the_deceased(pipeline: Any) -> None:
    text = (
        "Chinese President Xi Jinping expressed deep condolences over the death of former Japanese prime "
        "minister Shinzo Abe."
    )
    [e] = _events(pipeline, text, "2022-07-09")
    assert e.cameo == "018" and e.target is not None and e.target.code == "JPNELI"


def test_a_candidates_campaign_is_a_party_actor(pipeline: Any) -> None:
    text = "The Biden campaign criticized Trump's refusal to debate virtually."
    [e] = _events(pipeline, text, "2020-10-10")
    assert (e.source.code, e.cameo) == ("USAPTY", "111")
    assert e.target is not None and e.target.code == "USAGOV"


def test_denying_someone_a_victory_is_no_denial(pipeline: Any) -> None:
    text = 'Philippine Defence Secretary Delfin Lorenzana vowed to "deny terrorism any victory".'
    events = _events(pipeline, text, "2019-01-28")
    assert events and not [e for e in events if e.cameo.startswith("016")]


def test_reporters_are_asked_nothing(pipeline: Any) -> None:
    text = (
        "But Japanese Prime Minister Yasuhiro Nakasone told reporters Japan should not cut its lines of "
        "communication with Iran and Iraq."
    )
    for e in _events(pipeline, text, "1987-04-01"):
        assert e.target is None or e.target.sector != "MED", (e.cameo, e.target)


def test_a_quotation_that_runs_over_sentences_is_what_was_said(pipeline: Any) -> None:
    text = (
        'Senator Lindsey Graham wrote on Twitter, "We must stand with our partners. The Kurds fought '
        'bravely beside us. Abandoning them now is a disgrace." He later deleted the post.'
    )
    said = [e for e in _events(pipeline, text) if e.trigger == "wrote"]
    assert [(e.source.sector, e.cameo) for e in said] == [("LEG", "111")]


def test_a_quotation_closed_in_its_sentence_takes_nothing_after_it(pipeline: Any) -> None:
    text = (
        'Senator Lindsey Graham wrote on Twitter, "We must stand with our partners." Abandoning them '
        "now is a disgrace, some commentators argue."
    )
    assert not [e for e in _events(pipeline, text) if e.trigger == "wrote"]


def test_a_quotation_belongs_to_the_verb_it_follows(pipeline: Any) -> None:
    text = (
        'Writing for the Court, Justice Sonia Sotomayor declared in the opinion, "The statute was '
        'never meant for this. Its reach is a disgrace to the law." The ruling was unanimous.'
    )
    said = [e for e in _events(pipeline, text, "2021-06-01") if ":010" in e.pattern]
    assert [(e.trigger, e.cameo) for e in said] == [("declared", "111")]


def test_a_claim_that_a_body_sent_someone_accuses_the_sender(pipeline: Any) -> None:
    text = "Opposition leaders in Belarus have claimed the attackers were sent by the government."
    claims = [e for e in _events(pipeline, text, "2020-08-20") if e.trigger == "claimed"]
    assert [(e.source.sector, e.cameo, e.target and e.target.sector) for e in claims] == [
        ("OPP", "112", "GOV")
    ]


@pytest.mark.parametrize(
    ("text", "accuser"),
    [
        ("Kuwait rejected Iran's charges that the seized boats were spy boats.", "IRN"),
        ("Russia denied Ukraine's claims that its forces shelled the hospital.", "UKR"),
        ("The ministry dismissed Amnesty International's allegations of torture.", None),
        ("Tokyo rejected the allegations by Beijing that it had violated the agreement.", "CHN"),
    ],
)
def test_rejecting_an_accusation_denies_it_to_the_accuser(
    pipeline: Any, text: str, accuser: str | None
) -> None:
    denials = [e for e in _events(pipeline, text, "2020-03-20") if e.cameo == "016"]
    assert denials, [(e.cameo, e.trigger) for e in _events(pipeline, text, "2020-03-20")]
    if accuser is not None:
        assert denials[0].target is not None and denials[0].target.country == accuser


def test_a_court_finding_against_a_party_is_a_finding_of_guilt_or_liability(pipeline: Any) -> None:
    text = (
        "British Prime Minister Boris Johnson suspended Parliament. The UK Supreme Court ruled that the "
        "Prime Minister's advice to the Queen was unlawful."
    )
    [e] = [e for e in _events(pipeline, text, "2019-09-24") if e.cameo == "116"]
    assert e.source.code == "GBRJUD" and e.target is not None and e.target.code == "GBRGOV"
    assert "+ruling" in e.pattern
    # the act's "by" agent, not its possessor, is the one found against
    text = (
        "Kenya's High Court ruled that the governor's dismissal by President William Ruto was "
        "unconstitutional."
    )
    [e] = [e for e in _events(pipeline, text, "2024-03-01") if e.cameo == "116"]
    assert e.target is not None and e.target.code == "KENGOV" and "Ruto" in e.target.text


def test_a_finding_for_a_party_or_by_anybody_but_a_court_is_no_ruling(pipeline: Any) -> None:
    assert not _events(pipeline, "The court ruled that the election was valid.", "2024-03-01")
    events = _events(pipeline, "Researchers found that the government lied about the figures.", "2024-03-01")
    assert not [e for e in events if e.cameo == "116" or e.pattern.startswith("finding:")]
    # a finding verb with its own pattern keeps it: "declared that China must ..." is a demand
    text = "The Bush administration declared Tuesday that China must drop barriers to U.S. exports."
    [e] = _events(pipeline, text, "2005-03-01")
    assert e.cameo == "100" and e.target is not None and e.target.code == "CHN"


def test_a_label_parsed_as_a_second_object_is_a_labelling_statement(pipeline: Any) -> None:
    text = (
        'Iraqi Prime Minister Adil Abdul-Mahdi condemned the US, calling the strike "an aggression on Iraq".'
    )
    events = _events(pipeline, text, "2020-01-05")
    assert not [e for e in events if e.cameo.startswith("04")]  # no phone call
    text = "Iraqi Prime Minister Adil Abdul-Mahdi spoke out against the US strike on Sunday."
    [e] = _events(pipeline, text, "2020-01-05")
    assert (e.cameo, e.target and e.target.country) == ("111", "USA")


def test_a_question_is_no_appeal_and_refusing_to_answer_declines_comment(pipeline: Any) -> None:
    for text in (
        "Trump asked why Biden did not implement the policies during his time as vice president.",
        "Reporters asked Merkel whether Germany would send troops.",
    ):
        assert not [e for e in _events(pipeline, text, "2020-10-23") if e.cameo.startswith("02")], text
    [e] = _events(pipeline, "Merkel asked Putin to release the jailed activists.", "2020-10-23")[:1]
    assert (e.cameo, e.target and e.target.code) == ("020", "RUSGOV")
    [e] = _events(
        pipeline, "The Kremlin declined to say whether Putin would attend the summit.", "2020-10-23"
    )
    assert (e.cameo, e.source.code) == ("011", "RUSGOV")


def test_a_plain_remark_on_a_private_person_is_no_event(pipeline: Any) -> None:
    text = (
        "The oceanographer John Smith died on Friday in California. Laboratory director Mary Jones said "
        '"Smith has been a giant of geophysics."'
    )
    assert not [e for e in _events(pipeline, text, "2019-02-10") if e.cameo.startswith("01")]


def test_reporting_a_breach_is_no_criticism(pipeline: Any) -> None:
    events = _events(pipeline, "Officials said Russian hackers breached the Treasury network.", "2020-03-05")
    assert not [e for e in events if e.cameo.startswith("11")]


def test_a_person_named_earlier_without_a_role_makes_no_plain_statement(pipeline: Any) -> None:
    # Wikinews, 2020-11-17 (CC BY 2.5): a lawyer's comment on a company's decision, the lawyer named
    # earlier with no political role, is no political statement
    text = (
        "On November 16, code-sharing and hosting service GitHub re-enabled the public access to "
        "youtube-dl repository. This move comes after Mitchell Stoltz, a Senior Staff Attorney of the "
        "Electronic Frontier Foundation (EFF), sent a letter to GitHub on the behalf of youtube-dl's "
        "maintainers.\n\nHours after GitHub restored the public access to the repository, Stoltz tweeted "
        '"I think of youtube-dl as a successor to the videocassette recorder. GitHub did the right thing '
        'here."'
    )
    events = pipeline.code_text(text, published="2020-11-17")
    assert not [e for e in events if e.cameo.startswith("01")]


def test_a_pronoun_keeps_the_name_it_stands_for(pipeline: Any) -> None:
    text = (
        "Former US presidential candidate Elizabeth Warren announced yesterday she was endorsing Joe Biden "
        "for this year's presidential election."
    )
    [endorsement] = [e for e in pipeline.code_text(text, published="2020-04-16") if e.cameo == "051"]
    assert endorsement.source.matched_by == "coref:pronoun+name:Warren"
    assert endorsement.target is not None and endorsement.target.text == "Joe Biden"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ('Biden called Trump a "climate arsonist" in a speech in Delaware.', "111"),
        ("Trump called Biden a criminal at a rally in Ohio.", "111"),
        ('Merkel described Macron as "a true friend and a brilliant leader".', "051"),
    ],
)
def test_a_label_for_a_person_praises_or_criticises_them(pipeline: Any, text: str, code: str) -> None:
    assert code in {e.cameo for e in _events(pipeline, text, "2020-09-20")}


def test_praise_between_people_without_a_political_role_is_no_event(pipeline: Any) -> None:
    # Wikinews, 2020-04-14 (CC BY 2.5): a scientist's tribute to a mathematician
    text = (
        "English mathematician John Horton Conway died on Saturday at his New Jersey home, reportedly due "
        "to COVID-19 complications. Princeton University neuroscience professor Sam Wang stated that Conway "
        "developed a fever on Wednesday before his death on Saturday.\n\nConway's death was mourned by "
        'various members of the academic community. Sam Wang called Conway "[a]n incomparable '
        'mathematician, a pleasant neighbor, and an excellent coffee acquaintance."'
    )
    assert not [e for e in _events(pipeline, text, "2020-04-14") if e.cameo[:2] in {"01", "05", "11"}]


def test_the_one_mourned_is_the_target_of_the_symbolic_act(pipeline: Any) -> None:
    # a statement's topic is no target, but a symbolic act is done for someone: the one mourned
    text = "The Kremlin held a ceremony to mourn Mikhail Gorbachev's death."
    events = _events(pipeline, text, "2022-09-01")
    assert [(e.source.code, e.target and e.target.code) for e in events if e.cameo == "017"] == [
        ("RUSGOV", "RUSELI")
    ]


def test_saying_a_claim_lacks_evidence_denies_it_to_its_claimant(pipeline: Any) -> None:
    [denial] = _events(
        pipeline,
        "State election officials have stated there is no evidence to support the President's claims"
        " of fraud.",
    )
    assert denial.cameo == "016" and denial.target is not None and denial.target.sector == "GOV"
    assert denial.target.text.endswith("President")
    # no evidence of a happening is no denial of anyone's claim
    assert not _events(pipeline, "Police said there was no evidence of foul play.")


def test_a_denial_of_charges_a_country_made_targets_that_country(pipeline: Any) -> None:
    [denial] = _events(pipeline, "Kuwait rejected Iranian charges that the boats were spy boats.")
    assert denial.cameo == "016" and denial.target is not None and denial.target.country == "IRN"


def test_grief_at_a_death_is_an_empathetic_comment_on_the_dead(pipeline: Any) -> None:
    [grief] = _events(
        pipeline,
        "The chief minister of Goa said he was pained by the death of former minister Francis D'Souza.",
    )
    assert grief.cameo == "018" and grief.target is not None and "D'Souza" in grief.target.text


def test_a_hard_time_for_the_families_is_sympathy_with_the_families(pipeline: Any) -> None:
    [sympathy] = _events(
        pipeline, "The governor said this was a difficult time for the families of the miners."
    )
    assert sympathy.cameo == "018" and sympathy.target is not None and sympathy.target.sector == "CVL"


def test_no_evidence_for_a_thing_denies_no_one(pipeline: Any) -> None:
    assert not _events(
        pipeline,
        "The World Health Organization said there was no evidence to support the use of hydroxychloroquine.",
    )
    [denial] = _events(pipeline, "Trump rejected the Russia collusion allegations as a hoax.")
    assert denial.cameo == "016" and denial.target is None  # Russia is the topic, not the accuser


def test_condolences_offered_to_someone_are_an_empathetic_comment_to_them(pipeline: Any) -> None:
    [event] = _events(pipeline, "Japan's prime minister offered condolences to the people of Morocco.")
    assert event.cameo == "018" and event.target is not None and event.target.country == "MAR"


def test_a_label_of_war_crime_or_terror_is_criticism_and_the_thing_labelled_no_act_of_the_speaker(
    pipeline: Any,
) -> None:
    [label] = _events(pipeline, "Warsaw described the shelling as a war crime.")
    assert (label.cameo, label.source.code, label.target) == ("111", "POLGOV", None)
    [label] = [
        e
        for e in _events(pipeline, "Lula called the Israeli blockade of Gaza a genocide.")
        if e.source.country == "BRA"
    ]
    assert label.cameo == "111" and label.target is not None and label.target.country == "ISR"
    # a call labelled is still a call
    met = _events(pipeline, "Macron characterised his meeting with Modi as productive.")
    assert ("040", "FRA", "IND") in {
        (e.cameo, e.source.country, e.target.country if e.target else "") for e in met
    }


def test_what_is_said_of_someone_is_said_about_them(pipeline: Any) -> None:
    [event] = _events(
        pipeline, '"This is a shameful provocation," the Polish president said of the Belarusian move.'
    )
    assert event.cameo == "111" and event.target is not None and event.target.country == "BLR"
    # a plain remark about someone is no judgement of them
    assert not _events(pipeline, 'The senator said of Obama, "He spoke at the school in 1998."')


def test_an_act_labelled_that_names_its_doer_stays_its_doers(pipeline: Any) -> None:
    events = _events(pipeline, "Kyiv described Russia's strike on the maternity hospital as a war crime.")
    assert ("111", "UKR") in {(e.cameo, e.source.country) for e in events}
    assert ("19", "RUS") in {(e.cameo[:2], e.source.country) for e in events}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The IMF warned that Argentina's debt could spiral out of control.", "012"),
        ("The mayor of Lagos warned residents to stay indoors.", "020"),
        ("The WHO warned of a cholera outbreak in Haiti.", "012"),
        # the speaker's own act, a condition or consequences stay a threat
        ("Moscow warned that Russia would respond to any NATO deployment in Finland.", "13"),
        ("Beijing warned Manila of serious consequences over the shoal.", "13"),
        ("Tehran warned that Iran would close the strait if its oil exports were blocked.", "13"),
    ],
)
def test_a_warning_of_a_danger_is_pessimism_and_of_ones_own_act_a_threat(
    pipeline: Any, text: str, code: str
) -> None:
    warned = [e for e in _events(pipeline, text, "2022-05-10") if e.trigger.lower().startswith("warn")]
    assert warned and warned[0].cameo.startswith(code), [(e.cameo, e.pattern) for e in warned]


@pytest.mark.parametrize(
    ("text", "code", "target"),
    [
        (
            "The foreign minister said he expects no political turmoil between Austria and Hungary.",
            "013",
            None,
        ),
        ("The finance minister said the crisis would cause unrest in the provinces.", "012", None),
        (
            "The Iranian spokesman said Saddam Hussein was the main cause of tension in the Gulf.",
            "112",
            "IRQ",
        ),
    ],
)
def test_turmoil_and_the_cause_of_tension_are_read_in_a_statement(
    pipeline: Any, text: str, code: str, target: str | None
) -> None:
    [said] = [e for e in _events(pipeline, text, "2020-06-10") if e.cameo.startswith("01") or e.cameo == code]
    assert (said.cameo, said.target.country if said.target else None) == (code, target)


def test_a_name_read_as_a_label_is_the_one_called(pipeline: Any) -> None:
    [call] = _events(pipeline, "Scholz called Macron, his closest ally, on Wednesday.", "2023-03-01")
    assert (call.cameo, call.target.country if call.target else None) == ("041", "FRA")
    [label] = _events(pipeline, "Zelensky called Putin a war criminal.", "2023-03-01")
    assert (label.cameo, label.target.country if label.target else None) == ("111", "RUS")


@pytest.mark.parametrize(
    "text",
    [
        "Pyongyang warned that South Korea would pay dearly for the exercises.",
        "Ankara warned of fresh sanctions against the rebels' backers.",
        "Kyiv warned Minsk to stay out of the war or face consequences.",
        "The militants warned that they would target foreign troops.",
        "Hamas warned that Israeli soldiers would be targeted.",
    ],
)
def test_a_warning_of_a_price_a_penalty_or_an_ultimatum_stays_a_threat(pipeline: Any, text: str) -> None:
    warned = [e for e in _events(pipeline, text, "2022-05-10") if e.trigger.lower().startswith("warn")]
    assert warned and warned[0].cameo.startswith("13"), [(e.cameo, e.pattern) for e in warned]


def test_a_label_after_the_name_with_the_is_still_a_label(pipeline: Any) -> None:
    events = _events(pipeline, "Protesters called Lukashenko the last dictator of Europe.", "2021-03-01")
    assert [e.cameo for e in events] == ["111"]


def test_a_labelled_things_author_is_the_target_when_the_parser_takes_the_thing_for_the_label(
    pipeline: Any,
) -> None:
    for text, target in [
        ("The senator called Trump's decision a grave mistake.", "USA"),
        ("Kyiv called Moscow's proposal a cynical trap.", "RUS"),
    ]:
        events = [e for e in pipeline.code_text(text, published="2026-05-04") if e.cameo.startswith("11")]
        assert events and events[0].target is not None and events[0].target.country == target, text


def test_sorrow_spoken_of_victims_is_sympathy_with_them(pipeline: Any) -> None:
    text = 'The Polish president said the victims were "joyful girls" and called it an "appalling tragedy".'
    events = [e for e in _events(pipeline, text, "2019-01-05") if e.target is not None]
    assert events and events[0].cameo == "018" and events[0].target.sector == "CVL"
    # a harsh judgement of others is no sympathy
    [e] = _events(pipeline, "The president said the protesters were dangerous criminals.", "2019-01-05")
    assert e.cameo.startswith("11")


def test_a_neutral_remark_about_a_named_country_is_news_not_a_statement_to_it(pipeline: Any) -> None:
    text = "Egypt, Vietnam and Kenya were the largest importers this quarter, the ministry said."
    assert not _events(pipeline, text, "2021-03-20")
    # a judgement of a named actor stays one
    events = _events(
        pipeline, "The minister said Brazil was a dangerous and unreliable partner.", "2021-03-20"
    )
    assert events and events[0].cameo.startswith("11") and events[0].target is not None
