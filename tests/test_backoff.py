"""The learned back-off: pair features, the model file format, and its use by the coder."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from eventwire.errors import DictionaryError
from eventwire.events.backoff import NONE, BackoffModel, pair_features, pair_link
from eventwire.events.coder import EventCoder
from eventwire.models import Article

REPO = Path(__file__).resolve().parents[1]


def _span(doc: Any, phrase: str) -> list[Any]:
    start = doc.text.index(phrase)
    end = start + len(phrase)
    return [t for t in doc if t.idx < end and t.idx + len(t.text) > start]


def _features(nlp: Any, text: str, source: str, target: str) -> list[str]:
    doc = nlp(text)
    feats = pair_features(_span(doc, source), _span(doc, target))
    assert feats is not None
    return feats


def test_features_name_the_linking_verb_its_object_and_the_target_preposition(nlp: Any) -> None:
    feats = _features(nlp, "China sent a team of doctors to Italy on Monday.", "China", "Italy")
    assert "ev=send" in feats
    assert "obj=team" in feats
    assert "trole=prep:to" in feats
    assert "srole=nsubj" in feats


def test_features_see_negation_and_the_governing_verb(nlp: Any) -> None:
    feats = _features(nlp, "Bangladesh refused to accept the refugees from Myanmar.", "Bangladesh", "Myanmar")
    assert any(f.startswith("gov=refuse") or f == "ev=refuse" for f in feats)
    feats = _features(nlp, "Egypt did not condemn Israel.", "Egypt", "Israel")
    assert "neg" in feats and "neg+ev=condemn" in feats


def test_reversed_pair_has_other_roles(nlp: Any) -> None:
    doc = nlp("Kenya praised Ethiopia.")
    forward = pair_features(_span(doc, "Kenya"), _span(doc, "Ethiopia"))
    backward = pair_features(_span(doc, "Ethiopia"), _span(doc, "Kenya"))
    assert forward is not None and backward is not None
    assert "srole=nsubj" in forward and "srole=dobj" in backward


def test_actors_in_different_sentences_are_not_linked(nlp: Any) -> None:
    doc = nlp("Kenya spoke. Ethiopia listened.")
    assert pair_link(_span(doc, "Kenya"), _span(doc, "Ethiopia")) is None


def _tiny_model(weight: float = 4.0) -> BackoffModel:
    return BackoffModel.from_dict(
        {
            "version": 1,
            "classes": [NONE, "07", "18"],
            "bias": {NONE: 0.5, "07": 0.0, "18": 0.0},
            "weights": {"ev=ferry": {"07": weight}, "obj=blanket": {"07": 1.0}, "ev=shell": {"18": weight}},
        }
    )


def test_prediction_gives_the_features_that_decided() -> None:
    pred = _tiny_model().predict(["ev=ferry", "obj=blanket", "w=port"])
    assert pred.label == "07"
    assert pred.reasons == ("ev=ferry", "obj=blanket")
    assert 0.9 < pred.probability < 1.0
    assert _tiny_model().predict(["w=port"]).label == NONE


def test_model_file_problems_are_all_reported() -> None:
    with pytest.raises(DictionaryError) as err:
        BackoffModel.from_dict({"version": 1, "classes": ["07"], "bias": {}, "weights": {"x": {"99": 1.0}}})
    text = str(err.value)
    assert "'classes' must be a list that includes" in text and "weights['x']" in text
    with pytest.raises(DictionaryError):
        BackoffModel.from_dict({"version": 7})


def test_model_round_trips_through_json(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    path.write_text(json.dumps(_tiny_model().to_dict()))
    again = BackoffModel.load(path)
    assert again.predict(["ev=shell"]).label == "18"


def test_packaged_model_loads_and_covers_the_cameo_roots() -> None:
    model = BackoffModel.load()
    assert NONE in model.classes
    assert {"02", "04", "07", "08", "11", "12", "17", "18", "19"} <= set(model.classes)


def _code(pipeline: Any, text: str, model: BackoffModel | None, min_confidence: float = 0.5) -> list[Any]:
    # the back-off alone: with the learned classifier on, it replaces the back-off's pair events
    coder = EventCoder(
        replace(pipeline.resources, backoff=model, classifier=None), min_confidence=min_confidence
    )
    article = Article(id="t", title="", text=text, source="<test>")
    return coder.code(article, pipeline.nlp(text))


def test_coder_uses_the_backoff_only_where_no_pattern_links_the_pair(pipeline: Any) -> None:
    text = "Norway ferried blankets to Yemen."
    events = [e for e in _code(pipeline, text, _tiny_model()) if e.pattern.startswith("backoff:")]
    assert [(e.source.country, e.target.country if e.target else "", e.cameo) for e in events] == [
        ("NOR", "YEM", "070")
    ]
    assert events[0].pattern.startswith("backoff:07:") and "ev=ferry" in events[0].pattern
    assert events[0].trigger == "ferried"
    assert not [e for e in _code(pipeline, text, None) if e.pattern.startswith("backoff:")]
    assert not [e for e in _code(pipeline, text, _tiny_model(), 0.999) if e.pattern.startswith("backoff:")]


def test_coder_backoff_does_not_add_to_a_pattern_event(pipeline: Any) -> None:
    always = BackoffModel.from_dict(
        {"version": 1, "classes": [NONE, "18"], "bias": {NONE: 0.0, "18": 5.0}, "weights": {}}
    )
    events = _code(pipeline, "Russia condemned Ukraine.", always)
    assert [e.cameo[:2] for e in events] == ["11"]


def test_training_examples_are_well_formed() -> None:
    """Every line of training/examples: a known CAMEO code (or 000) and actors found in the sentence."""
    import csv

    from eventwire.events.cameo import CameoTable

    cameo = CameoTable.load()
    problems: list[str] = []
    files = sorted((REPO / "training" / "examples").glob("*.tsv"))
    assert len(files) >= 6
    total = 0
    for path in files:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
            assert reader.fieldnames == ["code", "source", "target", "sentence"], path.name
            for n, row in enumerate(reader, start=2):
                total += 1
                where = f"{path.name}:{n}"
                if row["code"] != "000" and row["code"] not in cameo:
                    problems.append(f"{where}: unknown code {row['code']!r}")
                for side in ("source", "target"):
                    if row[side] and row[side] not in row["sentence"]:
                        problems.append(f"{where}: {side} {row[side]!r} not in the sentence")
    assert not problems, problems[:10]
    assert total > 2000
