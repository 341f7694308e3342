"""Which language an article is written in (``extract`` stage).

English news is recognised at once by its function words; anything else goes to py3langid
(langid.py's naive Bayes model over byte n-grams, 97 languages, shipped inside the package: nothing
is fetched).  A language counts only when the model is confident (:data:`CONFIDENT`), or when most
letters are not in the Latin script (then the script settles that the text is not English and the
model names the language).  Latin-script text goes to the model only with 60 letters or more and
almost no English function words: short or tabular texts ("Shr 1.20 dlrs vs 1.10 dlrs", lists of
names) are undetermined ("und") and are coded, not refused.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

__all__ = ["CONFIDENT", "UNDETERMINED", "detect_language", "language_name"]

CONFIDENT = 0.95  # normalised probability from which a detected language is believed
UNDETERMINED = "und"  # ISO 639-2 for "undetermined"
NOT_A_LANGUAGE = frozenset({"zxx", "und", "mis", "mul"})  # ISO 639-2 special codes
SAMPLE_CHARS = 3000
MIN_LETTERS = 40  # fewer letters than this: no decision
MIN_LATIN_LETTERS = 60  # Latin-script text is judged only from this many letters on
_FOREIGN_SHARE = 0.05  # ... and only when English function words are rarer than this
_WORD = re.compile(r"[^\W\d_]+")
# The commonest English function words: they make up about a quarter of running English text.
_ENGLISH_WORDS = (
    "the of and to in is that for was on with as said by it at from are have has were be will "
    "this an which not but its their they he she his her would been after"
)
_ENGLISH = frozenset(_ENGLISH_WORDS.split(" "))
_ENGLISH_SHARE = 0.15

_NAMES = {
    "ar": "Arabic", "bg": "Bulgarian", "ca": "Catalan", "cs": "Czech", "da": "Danish", "de": "German",
    "el": "Greek", "en": "English", "es": "Spanish", "et": "Estonian", "fa": "Persian", "fi": "Finnish",
    "fr": "French", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian",
    "it": "Italian", "ja": "Japanese", "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "ms": "Malay",
    "nl": "Dutch", "no": "Norwegian", "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian",
    "sk": "Slovak", "sl": "Slovenian", "sr": "Serbian", "sv": "Swedish", "sw": "Swahili", "th": "Thai",
    "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese", "zh": "Chinese",
}  # fmt: skip


def language_name(code: str) -> str:
    """An English name for ``code`` ("de" -> "German"), or the code itself."""
    return _NAMES.get(code, code)


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """``(code, probability)`` of the language of ``text`` (its first 3,000 characters):
    ISO 639-1 as py3langid gives it, or ``("und", 0.0)`` when there is too little text."""
    sample = text[:SAMPLE_CHARS]
    words = _WORD.findall(sample.lower())
    english_words = sum(w in _ENGLISH for w in words)
    if words and english_words >= max(5.0, _ENGLISH_SHARE * len(words)):
        return "en", 1.0
    letters = [c for c in sample if c.isalpha()]
    if len(letters) < MIN_LETTERS:
        return UNDETERMINED, 0.0
    latin = sum(c < "\u0250" for c in letters) / len(letters) >= 0.5
    english = english_words / max(1, len(words))
    if latin and (len(letters) < MIN_LATIN_LETTERS or english >= _FOREIGN_SHARE):
        return UNDETERMINED, 0.0  # tables, name lists, short notes: no evidence against English
    code, probability = _identifier().classify(sample)
    if code in NOT_A_LANGUAGE:  # "zxx": no linguistic content (numbers, tables)
        return UNDETERMINED, 0.0
    if not latin and code != "en":  # the script alone says it is not English; the model says which
        probability = max(probability, CONFIDENT)
    return str(code), float(probability)
