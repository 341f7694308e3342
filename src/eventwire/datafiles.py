"""Reading the dictionaries and tables: a packaged data file or the user's own, and YAML with coded errors."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from eventwire.errors import DictionaryError

__all__ = ["parse_yaml", "read_data_file"]


def read_data_file(path: str | Path | None, default_name: str) -> tuple[str, str]:
    """(text, label) of ``path``, or of the packaged data file ``default_name`` when ``path`` is None."""
    if path is None:
        ref = resources.files("eventwire").joinpath("data", default_name)
        return ref.read_text(encoding="utf-8"), f"eventwire/data/{default_name}"
    p = Path(path)
    try:
        return p.read_text(encoding="utf-8"), str(p)
    except (OSError, UnicodeDecodeError) as exc:
        raise DictionaryError(str(p), [f"cannot read file: {exc}"]) from exc


def parse_yaml(text: str, source: str) -> Any:
    """The YAML document of a data file; invalid YAML is a DictionaryError naming the file."""
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise DictionaryError(source, [f"not valid YAML: {exc}"]) from exc
