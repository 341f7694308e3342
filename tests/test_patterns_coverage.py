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
