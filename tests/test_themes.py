"""Theme and tone lexicons (data/themes.yaml, data/tone.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import DictionaryError
from eventwire.extract.themes import ThemeLexicon, ToneLexicon, article_themes_and_tone


def test_themes_from_text_and_title() -> None:
    themes, _tone = article_themes_and_tone(
        "Vaccine shipments reach Malawi",
        "The outbreak has infected thousands. Health workers began vaccinations on Monday.",
    )
    assert themes[0] == "health_epidemic"
    assert "elections" not in themes
    one_mention, _ = article_themes_and_tone("Markets", "The election is next year.")
    assert "elections" not in one_mention  # one hit in the text is not enough, min_hits is 2


def test_tone_sign_and_negation() -> None:
    lex = ToneLexicon.load()
    assert lex.tone("Leaders praised the successful peace agreement and welcomed cooperation.") > 5
    assert lex.tone("Bombs killed dozens and wounded many in a violent attack.") < -5
    assert lex.tone("The talks did not fail.") > lex.tone("The talks failed.")
    assert lex.tone("") == 0.0


def test_stemmed_terms_match_whole_words_only() -> None:
    themes, _ = article_themes_and_tone("", "The warden and the wardrobe. Warden, wardrobe.")
    assert "armed_conflict" not in themes  # "war" must not match inside "warden"


def test_bad_lexicons_report_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "themes.yaml"
    path.write_text(
        "version: 1\nmin_hits: 0\nthemes:\n"
        "  Bad-Name: {terms: [x]}\n  ok: {terms: []}\n  up: {terms: [Upper]}\n",
        encoding="utf-8",
    )
    with pytest.raises(DictionaryError) as info:
        ThemeLexicon.load(path)
    assert len(info.value.problems) == 4
    tone = tmp_path / "tone.yaml"
    tone.write_text("version: 1\npositive: []\nnegative: [fine]\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="positive"):
        ToneLexicon.load(tone)
