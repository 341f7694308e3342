"""Public statements (CAMEO root 01): what a plain "X said ..." says, by the words of its content.

The lexicon is ``data/statements.yaml`` (format and sources in its header).  :func:`classify` reads the
content a speech verb governs — its complement clause, its object, a quotation, or the rest of a
sentence whose speaker comes after the quote — and gives the CAMEO code: an empathetic comment (018),
an apology (055), a denial (016: "said the charges were baseless"), an accusation of the actor the
statement is about (112: "said the group was behind the attack"), criticism (111) or praise of the
actor the statement is about (051), a pessimistic (012) or optimistic (013) comment, else a plain
statement (010).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from eventwire.datafiles import parse_yaml, read_data_file
from eventwire.errors import DictionaryError

__all__ = ["QUOTES", "STATEMENTS_FILE", "StatementLexicon", "Tally", "content_tokens", "quote_continuation"]

STATEMENTS_FILE = "statements.yaml"
KINDS = ("empathy", "apology", "denial", "accusation", "criticism", "praise", "pessimism", "optimism")
NEGATORS = frozenset({"not", "no", "never", "n't", "without", "nothing"})
_WORD = re.compile(r"[a-z0-9'’]+")


@dataclass(frozen=True, slots=True)
class Tally:
    """Hits of each kind in a statement's content."""

    empathy: int = 0
    apology: int = 0
    denial: int = 0
    accusation: int = 0
    criticism: int = 0
    praise: int = 0
    pessimism: int = 0
    optimism: int = 0

    def code(self, has_target: bool) -> str:
        """The CAMEO code these hits give (see the module docstring)."""
        if self.empathy:
            return "018"
        if self.apology:
            return "055"  # "Iran deeply regrets its disastrous mistake": an apology
        if self.denial and self.denial >= self.criticism:
            return "016"  # "called the charges baseless", "said the reports were untrue"
        if self.accusation and has_target:
            return "112"  # "said the Abu Sayyaf Group are the suspected perpetrators"
        if self.criticism > self.praise:
            return "111"  # "condemned the attack", "described the attacks as a dastardly act"
        if self.praise > self.criticism:
            return "051" if has_target else "013"
        if self.pessimism > self.optimism:
            return "012"
        if self.optimism > self.pessimism:
            return "013"
        return "010"


class StatementLexicon:
    """The words of each kind, compiled."""

    def __init__(self, terms: dict[str, list[str]]) -> None:
        self.single: dict[str, list[re.Pattern[str]]] = {}
        self.phrases: dict[str, list[tuple[str, ...]]] = {}
        for kind in KINDS:
            words = [t for t in terms.get(kind, []) if " " not in t]
            self.single[kind] = [_term(t) for t in words]
            self.phrases[kind] = [tuple(t.split()) for t in terms.get(kind, []) if " " in t]

    @classmethod
    def load(cls) -> StatementLexicon:
        """The packaged lexicon (cached)."""
        return _packaged()

    @classmethod
    def parse(cls, text: str, source: str = "<string>") -> StatementLexicon:
        doc = parse_yaml(text, source)
        if not isinstance(doc, dict) or doc.get("version") != 1:
            raise DictionaryError(source, ["the document must be a mapping with version: 1"])
        problems: list[str] = []
        terms: dict[str, list[str]] = {}
        for kind in KINDS:
            value = doc.get(kind)
            if not isinstance(value, list) or not value:
                problems.append(f"{kind}: must be a non-empty list of words or phrases")
                continue
            for i, item in enumerate(value):
                if not isinstance(item, str) or not item.strip() or item != item.lower():
                    problems.append(f"{kind}[{i}]: {item!r} must be a lowercase word or phrase")
            terms[kind] = [str(t).strip() for t in value if isinstance(t, str)]
        if problems:
            raise DictionaryError(source, problems)
        return cls(terms)

    def tally(self, words: Iterable[str]) -> Tally:
        """Hits of each kind over a sequence of lowercase words."""
        seq = [w for w in words if w]
        counts = dict.fromkeys(KINDS, 0)
        for i, word in enumerate(seq):
            negated = any(p in NEGATORS for p in seq[max(0, i - 2) : i])
            for kind in KINDS:
                if any(p.fullmatch(word) for p in self.single[kind]) or any(
                    tuple(seq[i : i + len(ph)]) == ph for ph in self.phrases[kind]
                ):
                    if negated and kind in {"denial", "apology"}:
                        continue  # "not unfounded" denies nothing
                    if negated and kind == "accusation":
                        kind = "denial"  # "said it was not responsible for the attack"
                    counts[_flip(kind) if negated else kind] += 1
        return Tally(**counts)


def _flip(kind: str) -> str:
    return {
        "criticism": "praise",
        "praise": "criticism",
        "pessimism": "optimism",
        "optimism": "pessimism",
    }.get(kind, kind)


def _term(term: str) -> re.Pattern[str]:
    return re.compile(re.escape(term.rstrip("*")) + (r"[\w'’-]*" if term.endswith("*") else ""))


def content_tokens(speech: Any) -> list[Any]:
    """What a speech verb says: its complement clauses and object ("said the victims were joyful
    girls", "called the deal 'lousy'"), else, when the speaker follows a quotation ("'...,' she
    said"), the rest of its sentence before the verb."""
    picked: list[Any] = []
    for c in speech.children:
        if c.dep_ in {"ccomp", "parataxis", "xcomp", "dobj", "oprd", "attr", "advcl"} or (
            c.dep_ == "prep" and c.lower_ == "as"
        ):
            picked.extend(c.subtree)
    if not picked:
        sent = speech.sent
        picked = [t for t in sent if t.i < speech.i and not _speaker_part(t, speech)]
    picked.extend(quote_continuation(speech))
    return sorted(picked, key=lambda t: t.i)


#: Quotation marks that open or close a quotation (straight quotes are both).
QUOTES = frozenset({'"', "“", "”", "«", "»"})
#: How many sentences a quotation opened by a speech verb may run on for.
QUOTE_SENTENCES = 4


def quote_continuation(speech: Any) -> list[Any]:
    """The sentences a quotation opened after a speech verb runs on into (Haley wrote on Twitter,
    "We must always have the backs of our allies. [...] Leaving them to die is a big mistake.")."""
    sent = speech.sent
    after = [t for t in sent if t.i > speech.i and t.text in QUOTES]
    if len(after) % 2 == 0:
        return []  # no quotation after the verb, or one that closes in its sentence
    if any(t.pos_ == "VERB" for t in speech.doc[speech.i + 1 : after[0].i]):
        return []  # "Writing for the Court, Kagan declared, '...'": the quotation is the other verb's
    doc = speech.doc
    out: list[Any] = []
    i = sent.end
    for _ in range(QUOTE_SENTENCES):
        if i >= len(doc):
            break
        following = doc[i].sent
        quotes = [t for t in following if t.text in QUOTES]
        closing = quotes[0] if quotes else None
        out.extend(t for t in following if closing is None or t.i < closing.i)
        if closing is not None:
            break
        i = following.end
    return out


def _speaker_part(token: Any, speech: Any) -> bool:
    node = token
    while node.head.i != node.i:
        if node.head.i == speech.i and node.dep_ in {"nsubj", "nsubjpass"}:
            return True
        node = node.head
    return False


def words_of(tokens: Iterable[Any]) -> list[str]:
    return [w for t in tokens for w in _WORD.findall(t.lower_)]


@functools.lru_cache(maxsize=1)
def _packaged() -> StatementLexicon:
    return StatementLexicon.parse(*read_data_file(None, STATEMENTS_FILE))
