"""Word senses: nouns that are never actors, and uses of trigger words that are not political events.

The lists live in ``data/word_senses.yaml`` (format and sources in its header), loaded and validated once
(:class:`~eventwire.errors.DictionaryError` lists every bad entry).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.actors.dictionary import SECTOR_CODES, singulars
from eventwire.datafiles import parse_yaml, read_data_file
from eventwire.errors import DictionaryError

__all__ = ["SENSES_FILE", "WordSenses"]

SENSES_FILE = "word_senses.yaml"
_KEYS = (
    "things",
    "animate",
    "abstract_suffixes",
    "non_political",
    "no_target_roots",
    "political_sectors",
    "civil_roots",
)


def _plain(word: str) -> str:
    return word.lower().strip()


@dataclass(frozen=True, slots=True)
class WordSenses:
    things: frozenset[str]
    animate: frozenset[str]
    abstract_suffixes: tuple[str, ...]
    non_political: Mapping[str, frozenset[str]]
    no_target_roots: frozenset[str]
    political_sectors: frozenset[str]
    civil_roots: frozenset[str]

    @classmethod
    def load(cls, path: str | Path | None = None) -> WordSenses:
        """The packaged lists (cached), or a file of the same format."""
        if path is None:
            return _packaged()
        return cls.parse(*read_data_file(path, SENSES_FILE))

    @classmethod
    def parse(cls, text: str, source: str = "<string>") -> WordSenses:
        doc = parse_yaml(text, source)
        problems: list[str] = []
        if not isinstance(doc, dict):
            raise DictionaryError(
                source, ["the document must be a mapping with the keys " + ", ".join(_KEYS)]
            )
        for key in _KEYS:
            if key not in doc:
                problems.append(f"missing key {key!r}")
        lists = {k: _words(doc.get(k), k, problems) for k in _KEYS if k != "non_political"}
        senses: dict[str, frozenset[str]] = {}
        raw = doc.get("non_political")
        if not isinstance(raw, dict):
            problems.append("non_political: must be a mapping {lemma: [word, ...]}")
        else:
            for lemma, words in raw.items():
                senses[_plain(str(lemma))] = frozenset(_words(words, f"non_political.{lemma}", problems))
        for root in (*lists["no_target_roots"], *lists["civil_roots"]):
            if not (len(root) == 2 and root.isdigit() and 1 <= int(root) <= 20):
                problems.append(f"{root!r} is not a CAMEO root (01-20)")
        for sector in lists["political_sectors"]:
            if sector.upper() not in SECTOR_CODES:
                problems.append(f"political_sectors: unknown sector {sector!r}")
        overlap = set(lists["things"]) & set(lists["animate"])
        if overlap:
            problems.append(f"words both things and animate: {', '.join(sorted(overlap))}")
        if problems:
            raise DictionaryError(source, problems)
        return cls(
            things=frozenset(lists["things"]),
            animate=frozenset(lists["animate"]),
            abstract_suffixes=tuple(lists["abstract_suffixes"]),
            non_political=senses,
            no_target_roots=frozenset(lists["no_target_roots"]),
            political_sectors=frozenset(s.upper() for s in lists["political_sectors"]),
            civil_roots=frozenset(lists["civil_roots"]),
        )

    def is_thing(self, lemma: str, word: str, agent_heads: Iterable[str] | frozenset[str] = ()) -> bool:
        """Whether a head noun names a thing, never an actor: listed as one, or abstract by its ending
        ("-tion", "-ment"...) and neither an agent word nor listed as animate."""
        heads = agent_heads if isinstance(agent_heads, frozenset) else frozenset(agent_heads)
        if _plain(lemma) in heads or _plain(word) in heads:
            return False
        if self.listed_thing(lemma, word):
            return True
        lemma, word = _plain(lemma), _plain(word)
        if lemma in self.animate or word in self.animate:
            return False
        return len(lemma) > 5 and lemma.endswith(self.abstract_suffixes)

    def listed_thing(self, lemma: str, word: str) -> bool:
        """Whether a head noun is one of the listed things (documents, taxes, objects ...), not only
        abstract by its ending; the lemmatizer misses some plurals ("taxes" -> "taxis")."""
        lemma, word = _plain(lemma), _plain(word)
        if lemma in self.animate or word in self.animate:
            return False
        return lemma in self.things or any(w in self.things for w in singulars(word))

    def not_political(self, trigger: str, core: Iterable[str], around: Iterable[str] = ()) -> str | None:
        """The word that shows a trigger used in a non-political sense, or None: ``core`` are its
        object and subject (checked against the trigger's own list and "*"), ``around`` the objects of
        its prepositions (the trigger's own list only: "in a bid to" is no sale)."""
        own = self.non_political.get(_plain(trigger), frozenset())
        common = self.non_political.get("*", frozenset())
        for w in core:
            if _plain(w) in own or _plain(w) in common:
                return _plain(w)
        for w in around:
            if _plain(w) in own:
                return _plain(w)
        return None

    def political_actor(self, country: str, sector: str, country_is_state: bool) -> bool:
        """Whether an actor is political by itself: a political sector, or a state or body named
        without a sector ("Russia", "the UN")."""
        return sector in self.political_sectors or (bool(country) and not sector and country_is_state)


def _words(value: Any, key: str, problems: list[str]) -> list[str]:
    if not isinstance(value, list):
        problems.append(f"{key}: must be a list")
        return []
    out = []
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            problems.append(f"{key}[{i}]: must be a non-empty string")
            continue
        out.append(
            item.strip() if key in {"no_target_roots", "civil_roots", "political_sectors"} else _plain(item)
        )
    return out


@functools.lru_cache(maxsize=1)
def _packaged() -> WordSenses:
    return WordSenses.parse(*read_data_file(None, SENSES_FILE))
