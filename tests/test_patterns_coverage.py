"""Coverage of frequent news constructions by the trigger dictionary (patterns.yaml).

These are constructed sentences (not taken from any evaluation corpus); each checks the CAMEO
code and the target the coder gives with the packaged dictionary.
"""

from __future__ import annotations

import pytest

from eventwire.events.patterns import PatternDictionary


@pytest.fixture(scope="module")
def pipeline():
    from eventwire.pipeline import Pipeline

    return Pipeline()


def _events(pipeline, text):
    return [
        (e.source.code, e.cameo, e.target.code if e.target else None)
        for e in pipeline.code_text(text, published="2024-05-01")
    ]


def test_dictionary_loads_without_duplicates():
    assert len(PatternDictionary.load()) > 850


@pytest.mark.parametrize(
    ("text", "code", "target"),
    [
        ("France sent artillery systems to Ukraine.", "072", "UKR"),
        ("Japan provided a $100 million grant to Vietnam.", "071", "VNM"),
        ("Egypt delivered food rations to Sudan.", "073", "SDN"),
        ("Chile extradited a drug trafficker to Peru on Monday.", "063", "PER"),
        ("Armenia handed over 12 prisoners to Azerbaijan.", "0841", "AZE"),
        ("Poland accepted a proposal from Lithuania to build a pipeline.", "030", "LTU"),
        ("Norway blamed the explosion on Russia.", "112", "RUS"),
        ("Austria passed intelligence to Germany about the plot.", "064", "DEU"),
    ],
)
def test_news_constructions(pipeline, text, code, target):
    events = _events(pipeline, text)
    assert any(c == code and t is not None and t.startswith(target) for _, c, t in events), events


def test_prisoner_exchange_is_reciprocal(pipeline):
    events = _events(pipeline, "Armenia and Azerbaijan exchanged prisoners on Sunday.")
    codes = {(s[:3], c, (t or "")[:3]) for s, c, t in events}
    assert ("ARM", "0841", "AZE") in codes and ("AZE", "0841", "ARM") in codes


# Light-verb / object-class entries from the CAMEO 1.1b3 codebook (manual examples as edited in
# the PLOVER GSR): the object names no actor, yet the event is coded (constructed sentences).
@pytest.mark.parametrize(
    ("text", "code", "target"),
    [
        ("Italy suspended aid deliveries to Somalia.", "162", "SOM"),
        ("Sweden announced the suspension of its development aid to Uganda.", "162", "UGA"),
        ("Japan reduced food supplies to North Korea.", "162", "PRK"),
        ("Egypt ended mediation efforts between Israel and Hamas.", "165", "ISR"),
        ("Kenyan police confiscated weapons from Somali militants.", "1711", "SOM"),
        ("Qatar launched a mediation effort between Sudan and Chad.", "045", "SDN"),
        ("Poland opened its borders to Ukrainian refugees.", "075", "UKR"),
        ("The IAEA dispatched inspectors to Iran.", "090", "IRN"),
        ("Pakistan rejected an offer from India for direct talks.", "120", "IND"),
        ("Israel renewed negotiations with Syria.", "046", "SYR"),
        ("Serbian forces completed their withdrawal from Kosovo.", "087", "XKX"),
        ("The Indian army opened fire on Pakistani positions.", "190", "PAK"),
        ("Iraqi Kurds sought refuge in Turkey.", "023", "TUR"),
        ("Egypt gave a warm welcome to the Sudanese president.", "043", "SDN"),
        ("Syria said it will not accept more refugees from Iraq.", "122", "IRQ"),
        ("Kenya suspended food supplies to Somalia.", "162", "SOM"),
    ],
)
def test_codebook_object_classes(pipeline, text, code, target):
    events = _events(pipeline, text)
    assert any(c == code and t is not None and t.startswith(target) for _, c, t in events), events


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The British government outlawed the extremist organization.", "1722"),
        ("Sudan lifted a state of emergency in Darfur.", "0814"),
        ("Peru declared a state of siege in the province.", "1724"),
        ("Chad shortened the curfew in the capital.", "0813"),
        ("Greek opposition leaders demanded immediate elections.", "104"),
        ("Kenyan police prevented the demonstration.", "1721"),
        ("French workers called off the strike.", "082"),
        ("Norway gave Tanzania a grant of 5 million dollars.", "071"),
        ("Russia strengthened its forces in Crimea.", "154"),
        ("Students burned an effigy of the president.", "141"),
        ("Rebels overran an army base in the north.", "192"),
    ],
)
def test_codebook_events_without_actor_target(pipeline, text, code):
    assert code in {c for _, c, _ in _events(pipeline, text)}, _events(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "Germany gave a speech on Monday.",
        "The French president stopped in Paris on his way home.",
        "Spain opened a new embassy building in Madrid.",
    ],
)
def test_generic_verbs_stay_silent(pipeline, text):
    assert not [c for _, c, _ in _events(pipeline, text) if not c.startswith("01")], _events(pipeline, text)


# Gap-list constructions: grants, returns, bans and tariffs, deadlines, legal steps, ceasefires,
# donations (constructed sentences).
@pytest.mark.parametrize(
    ("text", "code", "target"),
    [
        ("Iran granted access to UN inspectors.", "086", "UNO"),
        ("Iran granted clemency to a French tourist.", "0841", "FRA"),
        ("Japan granted a loan to Kenya.", "071", "KEN"),
        ("China returned the seized drone to the United States.", "0842", "USA"),
        ("Russia returned 20 Ukrainian children to Ukraine.", "0841", "UKR"),
        ("Saudi Arabia lifted the travel ban on Qatar.", "081", "QAT"),
        ("The European Union eased the travel ban on Belarusian officials.", "081", "BLR"),
        ("China cut tariffs on Australian barley.", "085", "AUS"),
        ("Canada lowered duties on Chinese steel.", "085", "CHN"),
        ("India hiked duties on American almonds.", "163", "USA"),
        ("China slapped anti-dumping duties on Australian barley.", "163", "AUS"),
        ("NATO gave Russia a deadline to withdraw its troops.", "139", "RUS"),
        ("Prosecutors brought charges against the Brazilian president.", "173", "BRA"),
        ("A Russian court found the American journalist guilty of espionage.", "116", None),
        ("Brazilian prosecutors opened a criminal investigation into the former president.", "091", None),
        ("Israel and Hamas agreed a truce.", "0871", "PSE"),
        ("Turkey and Russia announced a ceasefire in Syria.", "0871", "RUS"),
        ("Saudi Arabia made a donation of $50 million to Yemen.", "070", "YEM"),
        ("Indian troops clashed with Chinese soldiers.", "190", "CHN"),
        ("Iran retaliated against Israel.", "190", "ISR"),
        ("Hamas took Israeli civilians hostage.", "181", None),  # the coder leaves the target open
        ("Iran set free two British nationals.", "0841", "GBR"),
        ("Morocco normalized relations with Israel.", "054", "ISR"),
    ],
)
def test_gap_constructions(pipeline, text, code, target):
    events = _events(pipeline, text)
    if target is None:
        assert code in {c for _, c, _ in events}, events
    else:
        assert any(c == code and t is not None and t.startswith(target) for _, c, t in events), events


@pytest.mark.parametrize(
    "text",
    [
        "Poland returned to growth in the second quarter.",
        "The French president returned to Paris.",
        "The company set free shipping for all orders.",
        "The Kenyan prime minister was found dead in his car.",
        "A deadline had been set by the ministry.",
    ],
)
def test_gap_verbs_stay_silent(pipeline, text):
    assert not [c for _, c, _ in _events(pipeline, text) if not c.startswith("01")], _events(pipeline, text)


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        ("Ukraine received weapons from the United States.", ("USA", "072", "UKR")),
        ("Kenya received a loan of $500 million from the World Bank.", ("WBK", "071", "KEN")),
        ("Sudan received humanitarian aid from Egypt on Monday.", ("EGY", "073", "SDN")),
    ],
)
def test_a_gift_told_from_the_receiving_side_is_the_givers_aid(pipeline, text, dyad):  # type: ignore[no-untyped-def]
    events = pipeline.code_text(text, published="2022-06-01")
    assert dyad in {(e.source.country, e.cameo, e.target.country if e.target else "") for e in events}


def test_receiving_without_a_giver_named_is_no_aid(pipeline):  # type: ignore[no-untyped-def]
    events = pipeline.code_text("The Houthis received Iranian assistance for years.", published="2022-06-01")
    assert not [e for e in events if e.cameo[:2] in {"04", "07"}]
