"""Parsing only what can hold an event (issue 7): the memoised attribute ruler and lemmatizer
give the components' own output; sentence selection keeps every offset and every event."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from eventwire.errors import ConfigError
from eventwire.events.cues import EventCues, inflections, irregular_forms
from eventwire.nlp.fastattrs import FastAttributes
from eventwire.nlp.selective import SelectiveParser
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings

TEXTS = [
    "There is no doubt. There are reasons, and there were more.",
    "I'm gon na go, but I told you it was done. You gave it to me and we'll see.",
    "Ain't nobody got ta wait; let's go, y'all.\n\nThe ministers met in Beijing on Tuesday.",
    "Russian Foreign Minister Sergey Lavrov praised China's position; he said it was firm.",
    "Protesters burned flags outside the U.S. embassy in Baghdad after troops left.",
]
ATTRS = ("TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD")


def _arrays(doc: Any) -> list[list[int]]:
    from spacy import attrs

    return doc.to_array([getattr(attrs, a) for a in ATTRS]).tolist()  # type: ignore[no-any-return]


def test_fast_attributes_equal_the_attribute_ruler_and_lemmatizer(nlp: Any) -> None:
    fast = FastAttributes(nlp)
    assert fast.enabled and set(fast.replaced) == {"attribute_ruler", "lemmatizer"}
    for _ in range(2):  # once learning, once from the table
        for text in TEXTS:
            expected = nlp(text)
            doc = fast(nlp(text, disable=["attribute_ruler", "lemmatizer"]))
            assert _arrays(doc) == _arrays(expected), text
            assert [t.lemma_ for t in doc] == [t.lemma_ for t in expected]


def test_fast_attributes_fall_back_to_the_components_for_rules_they_cannot_tabulate(nlp: Any) -> None:
    from eventwire.nlp.fastattrs import _context_forms

    three = [{"patterns": [[{"LOWER": "a"}, {"LOWER": "b"}, {"LOWER": "c"}]], "attrs": {"LEMMA": "x"}}]
    no_form = [{"patterns": [[{"DEP": "expl"}, {"TAG": "VBZ"}]], "attrs": {"POS": "VERB"}, "index": 1}]
    assert _context_forms(three)[2] is False and _context_forms(no_form)[2] is False
    exact, regex, ok = _context_forms([{"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {}}])
    assert ok and exact == {"gon", "na"} and not regex


def test_inflections_cover_regular_and_irregular_forms(nlp: Any) -> None:
    irregular = irregular_forms(nlp)
    assert irregular is not None
    assert {"meet", "meets", "meeting", "met"} <= inflections("meet", irregular)
    assert {"accuse", "accused", "accusing", "accuses"} <= inflections("accuse", irregular)
    assert {"ally", "allies", "allied"} <= inflections("ally", irregular)
    assert {"seek", "sought"} <= inflections("seek", irregular)


@pytest.fixture(scope="module")
def cues(pipeline: Pipeline, nlp: Any) -> EventCues:
    irregular = irregular_forms(nlp)
    assert irregular is not None
    return EventCues(pipeline.resources, irregular)


@pytest.mark.parametrize(
    ("words", "actor_cues", "dictionary", "expected"),
    [
        (["china", "met", "russia"], 2, 2, True),
        (["the", "delegations", "met"], 1, 0, True),  # one actor cue is enough for a meeting
        (["the", "weather", "was", "mild"], 0, 0, False),  # no trigger
        (["smith", "said", "so"], 1, 0, True),  # a statement may stand alone ("... said it was a tragedy")
        (["the", "weather", "said", "so"], 0, 0, False),  # but needs a speaker
        (["smith", "told", "reporters"], 2, 1, True),
        (["norway", "ferried", "blankets", "to", "yemen"], 2, 2, True),  # two dictionary actors: back-off
        (["they", "made", "a", "cake"], 1, 0, False),  # "make" codes only with "visit"/"trip"/...
        (["they", "made", "a", "visit"], 1, 0, True),
    ],
)
def test_a_sentence_holds_an_event_only_with_a_trigger_its_words_and_its_actors(
    cues: EventCues, words: list[str], actor_cues: int, dictionary: int, expected: bool
) -> None:
    assert cues.holds_event(words, actor_cues, dictionary) is expected


def test_selective_parse_keeps_offsets_and_leaves_other_sentences_unparsed(pipeline: Pipeline) -> None:
    sel = pipeline.nlp
    assert isinstance(sel, SelectiveParser) and sel.cues is not None
    text = "The weather was mild and the sky was blue.  China and Russia held talks in Moscow on Monday."
    doc = sel(text)
    assert doc.text == text
    sents = list(doc.sents)
    assert len(sents) == 2
    quiet, busy = sents
    assert all(t.pos_ == "" and t.ent_type_ == "" for t in quiet)
    assert quiet.root.i == quiet.start  # one flat tree
    assert {e.text for e in doc.ents} >= {"China", "Russia", "Moscow"}
    assert all(t.head.sent.start == t.sent.start for t in doc)  # no arc leaves its sentence
    full = pipeline.language(busy.text)
    assert [(t.text, t.tag_, t.dep_, t.lemma_) for t in busy] == [
        (t.text, t.tag_, t.dep_, t.lemma_) for t in full
    ]


TEXT = (
    "MOSCOW (Reuters) - Russian Foreign Minister Sergey Lavrov praised China on Tuesday. "
    "The weather in Moscow was cold. He said Russia would send aid to Syria next week. "
    "Turkish troops attacked Kurdish fighters in northern Syria, the army said. "
    "Analysts expect prices to rise. Protesters in Minsk clashed with police on Sunday. "
    "The protesters clashed with soldiers. The militants attacked soldiers."
)


def _events(pipeline: Pipeline, text: str) -> list[tuple[Any, ...]]:
    return [
        (e.cameo, e.source.code, e.target.code if e.target else "", e.char_span, e.date)
        for e in pipeline.code_text(text, published="2020-12-23")
    ]


def test_parse_scope_events_codes_what_parse_scope_all_codes(pipeline: Pipeline) -> None:
    everything = Pipeline(dataclasses.replace(pipeline.settings, parse_scope="all"), pipeline.resources)
    expected = _events(everything, TEXT)
    assert len(expected) >= 4
    assert _events(pipeline, TEXT) == expected
    assert everything.nlp.tokens_parsed == everything.nlp.tokens_seen
    assert 0 < pipeline.nlp.tokens_parsed < pipeline.nlp.tokens_seen


def test_parse_scope_is_validated() -> None:
    assert Settings.from_env(env={"EVENTWIRE_PARSE_SCOPE": "all"}).parse_scope == "all"
    with pytest.raises(ConfigError, match="parse_scope"):
        Settings.from_env(env={}, parse_scope="some")
    with pytest.raises(ConfigError, match="workers"):
        Settings.from_env(env={}, workers=-1)
