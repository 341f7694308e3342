"""The README documents every setting of the settings table (one declarative table feeds the docs)."""

from __future__ import annotations

from pathlib import Path

from eventwire.settings import SETTINGS

README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_setting_is_a_row_of_the_readme_settings_table() -> None:
    rows = {
        line.split("|")[1].strip(): line
        for line in README.read_text("utf-8").splitlines()
        if line.startswith("| ") and line.count("|") >= 5
    }
    missing = [s.name for s in SETTINGS if s.name not in rows or f"`{s.env}`" not in rows[s.name]]
    assert not missing, f"README settings table lacks: {missing}"
