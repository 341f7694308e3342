"""A named actor takes its country and sector from the words around it: the title in front of the name,
the body it heads or belongs to, the organisation before its title, the place it is "of", "from",
"based" in or spread "across"."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from eventwire.actors.lookup import resolve_actor


@pytest.mark.parametrize(
    ("text", "context", "country", "sector"),
    [
        # a title whose "for" phrase the parser split from the name it stands before
        (
            "Brian Hook",
            'At a press conference in Riyadh, US Special Representative for Iran Brian Hook said, "This is '
            'a political decision."',
            "USA",
            "GOV",
        ),
        # the head of a body is of that body
        (
            "Thomas Haldenwang",
            "The head of Germany's domestic intelligence agency, Thomas Haldenwang, warned of a rise in "
            "far-right violence.",
            "DEU",
            "SPY",
        ),
        (
            "the head of the International Atomic Energy Agency",
            "The head of the International Atomic Energy Agency said inspectors had been denied access.",
            "UNO",
            "",
        ),
        # a head's title of a body that is no state takes the body's sector, not the government's
        (
            "Lee Bollinger",
            "Lee Bollinger, president of Columbia University, said the protest camp must end.",
            "USA",
            "EDU",
        ),
        ("Mary Barra", "Mary Barra, the chair of the company, said sales fell.", "", "BUS"),
        (
            "the head of the Chinese Academy of Sciences",
            "The head of the Chinese Academy of Sciences said the findings were sound.",
            "CHN",
            "EDU",
        ),
        # an organisation before the person's title
        ("Jose Castaneda", "Google spokesman Jose Castaneda said it would comply.", "MNC", "BUS"),
        ("Bill Nelson", "NASA Administrator Bill Nelson said the launch would slip to 2025.", "USA", "GOV"),
        # a person "of" or "from" a country
        ("Sergei Petrov", "Sergei Petrov, from Russia, was detained at the border.", "RUS", ""),
        ("Karsten Warholm", "Gold went to Karsten Warholm of Norway in 47.42 seconds.", "NOR", ""),
        # "based" in a place, on the name or on the noun it stands beside
        (
            "Salling Group",
            "UK-based retailer Tesco and Denmark-based retailer Salling Group agreed a deal.",
            "DNK",
            "BUS",
        ),
        ("Wallenius", "Oslo-based shipping firm Wallenius said it would reroute its vessels.", "NOR", "BUS"),
        # sector actors spread across a country
        ("Students across Iran", "Students across Iran staged sit-ins on Sunday.", "IRN", "EDU"),
        # a name the entity tagger kept whole where the parser split it
        (
            "National Union for the Total Independence of Angola",
            "The government yielded to demands from National Union for the Total Independence of Angola "
            "(UNITA) to free the prisoners.",
            "AGO",
            "REB",
        ),
    ],
)
def test_an_actors_code_from_the_words_around_it(pipeline, text, context, country, sector) -> None:  # type: ignore[no-untyped-def]
    answer = resolve_actor(pipeline.language, pipeline.resources, text, dt.date(2021, 6, 1), context)
    assert (answer.country, answer.sector) == (country, sector), answer.matched_by


@pytest.mark.parametrize(
    ("text", "context", "sector"),
    [
        ("Janet Smith", "Janet Smith, the general manager of the hotel, said guests had been moved.", "BUS"),
        ("the fire brigade", "The fire brigade said 70 firefighters were at the scene.", "GOV"),
        ("Mitch McConnell", "Senate Majority Leader Mitch McConnell blocked the bill on Tuesday.", "LEG"),
        ("Cairo's security chief", "Cairo's security chief warned that rallies would be broken up.", "COP"),
        ("the diocese", "The diocese protested against the mining project.", "REL"),
    ],
)
def test_titles_that_name_no_soldier_or_minister(pipeline, text, context, sector) -> None:  # type: ignore[no-untyped-def]
    # "general manager" is no general, a fire brigade no brigade, a majority leader a legislator
    answer = resolve_actor(pipeline.language, pipeline.resources, text, dt.date(2020, 5, 1), context)
    assert answer.sector == sector, answer.matched_by


def test_a_title_of_a_country_keeps_its_own_sector(pipeline) -> None:  # type: ignore[no-untyped-def]
    context = "The president of France said the bill was flawed."
    answer = resolve_actor(pipeline.language, pipeline.resources, "The president of France", None, context)
    assert (answer.country, answer.sector) == ("FRA", "GOV")


def test_federal_and_local_bodies_are_the_storys_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    # a story of two countries: "federal authorities" are still the story's own, not Mexico's nor nobody's
    text = (
        "EL PASO, Texas (Reuters) - A gunman killed 20 people at a Walmart in El Paso on Saturday. Mexico's "
        "foreign minister said six Mexicans were among the dead. US Attorney John Bash said federal "
        "authorities were investigating the shooting as domestic terrorism."
    )
    events = pipeline.code_text(text, published="2019-08-05")
    assert [e.source.code for e in events if e.cameo.startswith("09")] == ["USAGOV"]


def test_an_abbreviation_the_article_spells_out_is_that_name(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "EFF" is also South Africa's Economic Freedom Fighters in the entity table; here it is the
    # Electronic Frontier Foundation, which the table does not know
    context = (
        "Mitchell Stoltz, a staff attorney of the Electronic Frontier Foundation (EFF), sent a letter to "
        "GitHub. EFF's attorney Stoltz said the code was fair use."
    )
    answer = resolve_actor(pipeline.language, pipeline.resources, "EFF", dt.date(2020, 11, 17), context)
    assert answer.country != "ZAF"
    alone = resolve_actor(pipeline.language, pipeline.resources, "EFF", dt.date(2020, 11, 17))
    assert alone.country == "ZAF"  # without the article's definition the table's namesake stands


@pytest.mark.parametrize(
    ("context", "country", "sector"),
    [
        # a relative clause's title, a former one in the past
        ("Mark Porter, who is Britain's ambassador to Turkey, criticised the decision.", "GBR", "GOV"),
        (
            "Mark Porter, who was Trump's envoy to the coalition until December, criticised the decision.",
            "USA",
            "ELI",
        ),
        # an occupation gives its sector and no country
        ("Mark Porter, who is a nurse, criticised the decision.", "", "HLH"),
    ],
)
def test_a_title_in_a_relative_clause(pipeline, context, country, sector) -> None:  # type: ignore[no-untyped-def]
    on = dt.date(2019, 10, 7)
    answer = resolve_actor(pipeline.language, pipeline.resources, "Mark Porter", on, context)
    assert (answer.country, answer.sector) == (country, sector), answer.matched_by


@pytest.mark.parametrize(
    ("text", "context", "wrong"),
    [
        # a country, a capital or a demonym inside a person's name is a name
        ("Mark Jordan", "Mark Jordan said on Tuesday that the talks had failed.", "JOR"),
        ("Helen Turk", "Helen Turk said on Tuesday that the talks had failed.", "TUR"),
        # the end of a hyphenated name is no organisation of its own ("CBN", Nigeria's central bank)
        ("Carlo Katigbak", "ABS-CBN CEO Carlo Katigbak said refunds were offered.", "NGA"),
        # a surname after another given name is not the office-holder of that surname
        ("Maria Albanese", "Maria Albanese said on Tuesday that the talks had failed.", "AUS"),
        # nor is a name of several words the person first met with its first word as a surname
        (
            "Abbas Khalil",
            "Palestinian President Mahmoud Abbas met the envoy. Abbas Khalil, a businessman, said the talks "
            "had failed.",
            "PSE",
        ),
    ],
)
def test_a_name_is_not_the_country_or_holder_it_shares_a_word_with(pipeline, text, context, wrong) -> None:  # type: ignore[no-untyped-def]
    answer = resolve_actor(pipeline.language, pipeline.resources, text, dt.date(2024, 6, 1), context)
    assert answer.country != wrong, answer.matched_by


def test_a_title_before_a_surname_is_no_given_name(pipeline) -> None:  # type: ignore[no-untyped-def]
    context = "Prime Minister Albanese said on Tuesday that the talks had failed."
    answer = resolve_actor(
        pipeline.language, pipeline.resources, "Prime Minister Albanese", dt.date(2024, 6, 1), context
    )
    assert (answer.country, answer.sector) == ("AUS", "GOV")


def test_georgia_is_the_us_state_in_a_story_of_us_places(pipeline) -> None:  # type: ignore[no-untyped-def]
    us = "Biden won Arizona and Georgia, and Trump's campaign sued Georgia over the count."
    answer = resolve_actor(pipeline.language, pipeline.resources, "Georgia", dt.date(2020, 11, 10), us)
    assert answer.country == "USA"
    country = "Russian troops attacked Georgia in 2008. The United States pledged aid to Georgia."
    answer = resolve_actor(pipeline.language, pipeline.resources, "Georgia", dt.date(2020, 11, 10), country)
    assert answer.country == "GEO"


@pytest.mark.parametrize("context", ["Talks resumed in Geneva (UN", "Talks (UN)", "Talks ("])
def test_a_bracket_at_the_end_of_a_text_is_no_abbreviation(pipeline, context) -> None:  # type: ignore[no-untyped-def]
    # an abbreviation is read only inside "(" ... ")"; a text cut after "(" must not fail
    answer = resolve_actor(pipeline.language, pipeline.resources, "Talks", None, context)
    assert answer.text == "Talks"


@pytest.mark.parametrize(
    ("text", "context", "wrong"),
    [
        # Washington, the capital of every foreign-affairs story, does not make Georgia the US state
        (
            "Georgia",
            "Washington urged Georgia to withdraw the bill, which critics say mirrors a Russian law.",
            "USA",
        ),
        # the tables know the person: "Berlin-based" says where he lives, not whose he is
        ("Alexei Navalny", "Berlin-based opposition leader Alexei Navalny said the vote was rigged.", "DEU"),
    ],
)
def test_weak_clues_do_not_override_stronger_ones(pipeline, text, context, wrong) -> None:  # type: ignore[no-untyped-def]
    answer = resolve_actor(pipeline.language, pipeline.resources, text, dt.date(2021, 6, 1), context)
    assert answer.country and answer.country != wrong, answer.matched_by


@pytest.mark.parametrize(
    ("text", "context", "sector"),
    [
        # a past "was" in narration keeps the title; only one that ended is former (ELI)
        ("Ahmed Ali", "Ahmed Ali, who was a police officer, was shot dead on Monday.", "COP"),
        # "deputy" and a party named Labour or Congress are no bodies of the role after them
        ("Keir Starmer", "Labour leader Keir Starmer said the bill was flawed.", "GOV"),
        ("the deputy spokesman", "The deputy spokesman said the talks would resume.", "GOV"),
        # a central bank is the state's
        ("the central bank president", "The central bank president said rates would rise.", "GOV"),
    ],
)
def test_roles_keep_their_own_sector(pipeline, text, context, sector) -> None:  # type: ignore[no-untyped-def]
    answer = resolve_actor(pipeline.language, pipeline.resources, text, dt.date(2024, 9, 1), context)
    assert answer.sector == sector, answer.matched_by


def test_congress_is_the_legislature_of_the_storys_country_that_has_one(pipeline: Any) -> None:
    events = pipeline.code_text(
        "Manila protested to Beijing on Monday. Congress condemned China's incursions.",
        published="2021-04-06",
    )
    assert ("PHLLEG", "111") in {(e.source.code, e.cameo) for e in events}
    # no country of the story calls its legislature so: India's Congress party is no legislature of theirs
    events = pipeline.code_text("Congress criticised Modi over the farm laws.", published="2021-04-06")
    assert all(e.source.country != "USA" for e in events)


def test_a_title_of_another_kind_of_office_beats_a_term_the_table_knows_ended(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the entity table knows Brudzinski's years in the Sejm (ended January 2018); the text titles him
    # interior minister, a government office, a year later
    [e] = pipeline.code_text(
        "Interior Minister Joachim Brudziński criticised Germany.", published="2019-01-05"
    )
    assert e.source.code == "POLGOV"
    [e] = pipeline.code_text("Joachim Brudziński criticised Germany.", published="2019-01-05")
    assert e.source.code == "POLELI"  # untitled, the table's ended term makes him a former lawmaker
    # the same kind of office ended stays ended: a former prime minister titled so after his term
    [e] = pipeline.code_text("Prime Minister Oleksiy Honcharuk criticised Germany.", published="2021-01-05")
    assert e.source.code == "UKRELI"


def test_a_former_candidacy_does_not_undo_the_office_a_person_holds(pipeline: Any) -> None:
    text = "Former US presidential candidate Elizabeth Warren endorsed Joe Biden on Thursday."
    [e] = [e for e in pipeline.code_text(text, published="2020-03-05") if e.cameo.startswith("05")]
    # a senator, not an elite; and two named people of one country are two actors
    assert (e.source.country, e.source.sector) == ("USA", "LEG")
    assert e.target is not None and e.target.text == "Joe Biden"
    # two former officials of one country named in full are two actors
    both = "Former presidential candidate Pete Buttigieg praised Joe Biden on Monday."
    [e] = [e for e in pipeline.code_text(both, published="2020-03-05") if e.cameo.startswith("05")]
    assert e.target is not None and e.target.text == "Joe Biden"
