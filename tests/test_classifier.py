"""The learned event classifier: its input format, the shipped model's integrity and readings of
real-style sentences, and how it combines with the rules (fill, confirm, suppress, ``coded_by``)."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from eventwire.errors import DictionaryError
from eventwire.events.classifier import NONE, EventClassifier, ModelPrediction, mark
from eventwire.events.learned import LearnedPairs
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings

# ----------------------------------------------------------------------------- input format


def test_mark_wraps_source_and_target_in_either_order() -> None:
    s = "Kenyan police arrested three opposition lawmakers in Nairobi on Monday."
    src, tgt = (0, 13), (29, 49)
    assert mark(s, src, tgt) == (
        "[S] Kenyan police [/S] arrested three [T] opposition lawmakers [/T] in Nairobi on Monday."
    )
    assert mark(s, tgt, src).startswith("[T] Kenyan police [/T] arrested three [S] opposition")
    alone = "[S] Kenyan police [/S] arrested three opposition lawmakers in Nairobi on Monday."
    assert mark(s, src, None) == alone


def test_mark_keeps_a_window_around_the_pair_in_a_long_sentence() -> None:
    filler = "and the talks went on for hours " * 40
    s = filler + "Chile recalled its ambassador from Peru " + filler
    at = s.index("Chile")
    text = mark(s, (at, at + 5), (s.index("Peru"), s.index("Peru") + 4))
    assert "[S] Chile [/S]" in text and "[T] Peru [/T]" in text
    assert len(text) < len(s) / 2


# ----------------------------------------------------------------------------- the shipped model


@pytest.fixture(scope="module")
def model() -> EventClassifier:
    if not EventClassifier.available():
        pytest.skip("no packaged classifier")
    return EventClassifier.load()


def test_loading_checks_the_sha256_of_every_file(tmp_path: Path, model: EventClassifier) -> None:
    copy = tmp_path / "classifier"
    shutil.copytree(model.directory, copy)
    with (copy / "tokenizer.json").open("a", encoding="utf-8") as fh:
        fh.write(" ")
    with pytest.raises(DictionaryError) as err:
        EventClassifier.load(copy)
    assert "tokenizer.json" in str(err.value) and "sha256" in str(err.value)
    card = json.loads((copy / "classifier.json").read_text(encoding="utf-8"))
    del card["files"]["model.onnx"]
    (copy / "classifier.json").write_text(json.dumps(card), encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"model\.onnx"):
        EventClassifier.load(copy)


def test_the_card_records_labels_calibration_and_provenance(model: EventClassifier) -> None:
    card = model.card
    assert card["labels"][0] == NONE and len(card["labels"]) == 21
    assert 0.2 < card["temperature"] < 5
    assert card["base_model"]["sha256"] == "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
    assert "Apache-2.0" in card["base_model"]["licence"]
    assert (model.directory / "NOTICE").is_file()


def _reading(model: EventClassifier, sentence: str, source: str, target: str | None) -> ModelPrediction:
    s = sentence.index(source)
    t = sentence.index(target) if target else None
    span_t = (t, t + len(target)) if target and t is not None else None
    return model.predict([mark(sentence, (s, s + len(source)), span_t)])[0]


PLAIN = [
    (
        "Police in Lagos arrested dozens of opposition supporters on Saturday.",
        "Police",
        "opposition supporters",
        "17",
    ),
    (
        "Turkish warplanes bombed Kurdish militant positions in northern Iraq overnight.",
        "Turkish warplanes",
        "Kurdish militant positions",
        "19",
    ),
    (
        "The Vietnamese foreign minister held talks with his Indonesian counterpart in Hanoi.",
        "The Vietnamese foreign minister",
        "his Indonesian counterpart",
        "04",
    ),
    (
        "Thousands of farmers marched on parliament in New Delhi to protest against the new laws.",
        "Thousands of farmers",
        "parliament",
        "14",
    ),
]


@pytest.mark.parametrize(("sentence", "source", "target", "root"), PLAIN)
def test_the_model_reads_plain_news_events(
    model: EventClassifier, sentence: str, source: str, target: str, root: str
) -> None:
    reading = _reading(model, sentence, source, target)
    assert reading.label == root, reading.probabilities
    assert abs(sum(reading.probabilities.values()) - 1) < 1e-4


def test_a_reversed_pair_is_no_event(model: EventClassifier) -> None:
    sentence = "Police in Lagos arrested dozens of opposition supporters on Saturday."
    assert _reading(model, sentence, "opposition supporters", "Police").label == NONE


# ----------------------------------------------------------------------------- combined with the rules


class _Fixed:
    """A stand-in model that reads every pair the same way."""

    def __init__(self, label: str, probability: float) -> None:
        rest = (1 - probability) / 20
        labels = [NONE] + [f"{i:02d}" for i in range(1, 21)]
        self.table = {k: (probability if k == label else rest) for k in labels}
        self.label, self.probability = label, probability

    def predict(self, texts: list[str]) -> list[ModelPrediction]:
        return [ModelPrediction(self.label, self.probability, self.table) for _ in texts]


MET = "Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergei Lavrov in Moscow."


def _with_model(pipeline: Pipeline, model: object) -> Pipeline:
    fresh = Pipeline(replace(pipeline.settings, classifier="off"), pipeline.resources)
    fresh.coder.learned = LearnedPairs(model, pipeline.resources.patterns)  # type: ignore[arg-type]
    return fresh


def test_classifier_off_codes_by_rules_alone(pipeline: Pipeline) -> None:
    off = Pipeline(Settings.from_env(env={"EVENTWIRE_CLASSIFIER": "off"}), pipeline.resources)
    assert off.coder.learned is None
    events = off.code_text(MET)
    assert events and {e.coded_by for e in events} == {"rule"}


def test_a_sure_no_event_reading_suppresses_a_rule_event(pipeline: Pipeline) -> None:
    text = MET
    rules = _with_model(pipeline, _Fixed("05", 0.9)).code_text(text)
    assert any(e.cameo.startswith("04") and e.target is not None for e in rules)
    quiet = _with_model(pipeline, _Fixed(NONE, 0.99)).code_text(text)
    assert not any(e.cameo.startswith("04") and e.target is not None for e in quiet)


def test_an_agreeing_reading_marks_the_event_both(pipeline: Pipeline) -> None:
    text = MET
    events = _with_model(pipeline, _Fixed("04", 0.93)).code_text(text)
    met = [e for e in events if e.cameo.startswith("04") and e.target is not None]
    assert met and all(e.coded_by == "both" and e.confidence >= 0.93 for e in met)


def test_the_model_fills_a_pair_the_rules_leave_uncoded(pipeline: Pipeline) -> None:
    text = "Norway ferried blankets to Yemen on Tuesday."
    assert not _with_model(pipeline, _Fixed(NONE, 0.6)).code_text(text)
    filled = _with_model(pipeline, _Fixed("07", 0.8)).code_text(text)
    assert [(e.source.country, e.cameo, e.target.country if e.target else "") for e in filled] == [
        ("NOR", "070", "YEM")
    ]
    assert filled[0].coded_by == "model" and filled[0].confidence == pytest.approx(0.8)
    assert filled[0].pattern == "model:07:0.80" and filled[0].trigger == "ferried"


def test_one_side_of_a_coordination_is_never_the_other_sides_target(pipeline: Pipeline) -> None:
    text = "Ethiopian troops and Eritrean soldiers clashed with Tigrayan fighters near Humera on Sunday."
    events = _with_model(pipeline, _Fixed("19", 0.9)).code_text(text)
    assert events and all(e.target is not None and "Tigrayan" in e.target.text for e in events)


def test_only_a_very_sure_other_reading_recodes_a_rule_event(pipeline: Pipeline) -> None:
    unsure = _with_model(pipeline, _Fixed("19", 0.9)).code_text(MET)
    assert any(e.cameo.startswith("04") and e.coded_by == "rule" for e in unsure)
    sure = _with_model(pipeline, _Fixed("19", 0.99)).code_text(MET)
    recoded = [e for e in sure if e.target is not None and e.cameo == "190"]
    assert recoded and all(e.coded_by == "model" and "+model:19:0.99" in e.pattern for e in recoded)


def test_the_model_fills_nothing_through_a_verb_of_wanting_or_trying(pipeline: Pipeline) -> None:
    text = "The civil war goes on; the Taliban wants foreign forces to leave Afghanistan."
    events = _with_model(pipeline, _Fixed("09", 0.9)).code_text(text)
    assert not [e for e in events if e.coded_by == "model" and e.trigger.lower() in {"sought", "wants"}]
