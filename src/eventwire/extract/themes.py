"""Article themes and tone from two documented lexicons (``data/themes.yaml``, ``data/tone.yaml``).

* :meth:`ThemeLexicon.themes` — the themes whose terms occur at least ``min_hits`` times in the
  article's text, or at least once in its title, sorted by hits.
* :func:`ToneLexicon.tone` — ``100 * (positive - negative) / words`` over title and text (GDELT-like
  document tone); a term within two words after a negator (not, no, never, without) counts for the
  other side.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from eventwire.errors import DictionaryError

__all__ = ["ThemeLexicon", "ToneLexicon", "article_themes_and_tone", "default_lexicons"]

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_WORD = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")
NEGATORS = frozenset({"not", "no", "never", "without", "nor"})


def _read(path: str | Path | None, name: str) -> tuple[str, Any]:
    if path is None:
        ref = resources.files("eventwire") / "data" / name
        return f"<packaged {name}>", yaml.safe_load(ref.read_text(encoding="utf-8"))
    try:
        return str(path), yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DictionaryError(str(path), [f"cannot read: {exc}"]) from exc


def _term_pattern(terms: list[str]) -> re.Pattern[str]:
    parts = []
    for t in sorted(terms, key=len, reverse=True):
        stem = t.endswith("*")
        body = re.escape(t.rstrip("*")).replace(r"\ ", r"\s+")
        parts.append(body + (r"[\w'’-]*" if stem else "") + r"\b")
    return re.compile(r"\b(?:" + "|".join(parts) + ")", re.IGNORECASE)


def _terms(value: Any, where: str, problems: list[str]) -> list[str]:
    if not isinstance(value, list) or not value:
        problems.append(f"{where}: must be a non-empty list of terms")
        return []
    out = []
    for i, t in enumerate(value):
        if not isinstance(t, str) or not t.strip() or t != t.lower():
            problems.append(f"{where}[{i}]: {t!r} must be a non-empty lowercase string")
        else:
            out.append(t.strip())
    return out


@dataclass(frozen=True)
class ThemeLexicon:
    patterns: dict[str, re.Pattern[str]]
    descriptions: dict[str, str]
    min_hits: int = 2

    @classmethod
    def load(cls, path: str | Path | None = None) -> ThemeLexicon:
        source, data = _read(path, "themes.yaml")
        problems: list[str] = []
        if not isinstance(data, dict) or data.get("version") != 1:
            raise DictionaryError(source, ["the document must be a mapping with version: 1"])
        min_hits = data.get("min_hits", 2)
        if not isinstance(min_hits, int) or min_hits < 1:
            problems.append(f"min_hits: {min_hits!r} must be a positive integer")
            min_hits = 2
        themes = data.get("themes")
        if not isinstance(themes, dict) or not themes:
            raise DictionaryError(source, ["themes: must be a non-empty mapping", *problems])
        patterns: dict[str, re.Pattern[str]] = {}
        descriptions: dict[str, str] = {}
        for name, spec in themes.items():
            if not isinstance(name, str) or not _NAME.match(name):
                problems.append(f"themes.{name}: a theme name is lowercase letters, digits and _")
                continue
            if not isinstance(spec, dict):
                problems.append(f"themes.{name}: must be a mapping with description and terms")
                continue
            terms = _terms(spec.get("terms"), f"themes.{name}.terms", problems)
            descriptions[name] = str(spec.get("description", ""))
            if terms:
                patterns[name] = _term_pattern(terms)
        if problems:
            raise DictionaryError(source, problems)
        return cls(patterns, descriptions, min_hits)

    def themes(self, title: str, text: str) -> list[str]:
        hits: Counter[str] = Counter()
        for name, pattern in self.patterns.items():
            in_text = len(pattern.findall(text))
            in_title = len(pattern.findall(title)) if title else 0
            if in_text >= self.min_hits or in_title:
                hits[name] = in_text + 2 * in_title
        return [name for name, _ in sorted(hits.items(), key=lambda kv: (-kv[1], kv[0]))]


@dataclass(frozen=True)
class ToneLexicon:
    positive: re.Pattern[str]
    negative: re.Pattern[str]

    @classmethod
    def load(cls, path: str | Path | None = None) -> ToneLexicon:
        source, data = _read(path, "tone.yaml")
        if not isinstance(data, dict) or data.get("version") != 1:
            raise DictionaryError(source, ["the document must be a mapping with version: 1"])
        problems: list[str] = []
        pos = _terms(data.get("positive"), "positive", problems)
        neg = _terms(data.get("negative"), "negative", problems)
        if problems:
            raise DictionaryError(source, problems)
        return cls(_full(pos), _full(neg))

    def tone(self, text: str) -> float:
        words = _WORD.findall(text.lower())
        if not words:
            return 0.0
        score = 0
        for i, w in enumerate(words):
            sign = 1 if self.positive.fullmatch(w) else -1 if self.negative.fullmatch(w) else 0
            if sign and any(p in NEGATORS for p in words[max(0, i - 2) : i]):
                sign = -sign
            score += sign
        return round(100.0 * score / len(words), 3)


def _full(terms: list[str]) -> re.Pattern[str]:
    parts = [re.escape(t.rstrip("*")) + (r"[\w'’-]*" if t.endswith("*") else "") for t in terms]
    return re.compile("(?:" + "|".join(sorted(parts, key=len, reverse=True)) + ")")


@cache
def default_lexicons() -> tuple[ThemeLexicon, ToneLexicon]:
    return ThemeLexicon.load(), ToneLexicon.load()


def article_themes_and_tone(title: str, text: str) -> tuple[list[str], float]:
    themes, tone = default_lexicons()
    return themes.themes(title, text), tone.tone(f"{title}\n{text}")
