"""The pipeline's ``attribute_ruler`` and ``lemmatizer``, memoised per token form.

In the English pipelines these two rule-based steps set a token's coarse POS, morphology and
lemma from its form, fine tag and dependency label (plus, for a few patterns, one neighbour:
"there *is*", "gon na").  Run as spaCy components they walk a Matcher and Python code over
every token and cost as much as the statistical parser; here each distinct token context is
computed once by the real components (on a small document of the unseen tokens with their
neighbours) and then read from a table, so the output is the components' own, token for token.

When a pipeline's rules fall outside what the table can reproduce (a pattern longer than two
tokens, or one whose receiving token has no fixed form), the real components run instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

FAST_ATTRS_VERSION = "1"
REPLACED = ("attribute_ruler", "lemmatizer")
MAX_ENTRIES = 1_000_000


class FastAttributes:
    """Applies ``attribute_ruler`` + ``lemmatizer`` of ``nlp`` to parsed docs through a table."""

    name = "eventwire.fast_attrs"
    version = FAST_ATTRS_VERSION

    def __init__(self, nlp: Any) -> None:
        from spacy.attrs import DEP, HEAD, LEMMA, LOWER, MORPH, ORTH, POS, TAG

        self._nlp = nlp
        self._steps = [(n, p) for n, p in nlp.pipeline if n in REPLACED]
        self._in_attrs = [ORTH, TAG, DEP, LOWER]
        self._out_attrs = [TAG, POS, MORPH, LEMMA, DEP]
        self._mini_attrs = [TAG, DEP, HEAD]
        self._table: dict[tuple[int, ...], tuple[int, ...]] = {}
        ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
        self._exact, self._regex, self.enabled = _context_forms(ruler.patterns if ruler else [])
        self._context: dict[int, bool] = {}
        if not self._steps:
            self.enabled = True  # nothing to replace

    @property
    def replaced(self) -> tuple[str, ...]:
        """The pipeline components this step stands in for."""
        return tuple(n for n, _ in self._steps)

    def __call__(self, doc: Any) -> Any:
        if not self._steps or len(doc) == 0:
            return doc
        if not self.enabled:
            for _, proc in self._steps:
                doc = proc(doc)
            return doc
        rows = doc.to_array(self._in_attrs).tolist()
        keys = [self._key(rows, i) for i in range(len(rows))]
        table = self._table
        if len(table) + len(rows) > MAX_ENTRIES:
            table.clear()  # bounded memory; every key of this doc is then learnt anew
        missing = [i for i, k in enumerate(keys) if k not in table]
        if missing:
            self._learn(doc, rows, keys, missing)
        import numpy

        out: Any = numpy.array([table[k] for k in keys], dtype="uint64")
        doc.from_array(self._out_attrs, out)
        return doc

    def pipe(self, docs: Iterable[Any]) -> Iterable[Any]:
        for doc in docs:
            yield self(doc)

    # ------------------------------------------------------------------ internals
    def _is_context(self, lower: int) -> bool:
        found = self._context.get(lower)
        if found is None:
            text = self._nlp.vocab.strings[lower]
            found = text in self._exact or any(r.search(text) for r in self._regex)
            self._context[lower] = found
        return found

    def _key(self, rows: list[list[int]], i: int) -> tuple[int, ...]:
        own = rows[i]
        if not self._is_context(own[3]):
            return (own[0], own[1], own[2])
        prev = rows[i - 1][:3] if i > 0 else [0, 0, 0]
        nxt = rows[i + 1][:3] if i + 1 < len(rows) else [0, 0, 0]
        return (own[0], own[1], own[2], *prev, *nxt)

    def _learn(
        self, doc: Any, rows: list[list[int]], keys: list[tuple[int, ...]], missing: list[int]
    ) -> None:
        """Run the real components on a small doc of the unseen tokens (with their neighbours
        when a pattern reads them) and store each unseen token's output."""
        from spacy.tokens import Doc

        seen: set[tuple[int, ...]] = set()
        words: list[str] = []
        spaces: list[bool] = []
        values: list[list[int]] = []
        centres: list[tuple[int, tuple[int, ...]]] = []
        for i in missing:
            if keys[i] in seen:
                continue
            seen.add(keys[i])
            window = range(max(0, i - 1), min(len(rows), i + 2)) if len(keys[i]) > 3 else range(i, i + 1)
            for j in window:
                if j == i:
                    centres.append((len(words), keys[i]))
                words.append(doc[j].text)
                spaces.append(bool(doc[j].whitespace_))
                values.append([rows[j][1], rows[j][2], 0])
        import numpy

        mini = Doc(doc.vocab, words=words, spaces=spaces)
        array: Any = numpy.array(values, dtype="uint64")
        mini.from_array(self._mini_attrs, array)
        for _, proc in self._steps:
            mini = proc(mini)
        out = mini.to_array(self._out_attrs).tolist()
        for pos, key in centres:
            self._table[key] = tuple(out[pos])


def _context_forms(patterns: list[dict[str, Any]]) -> tuple[set[str], list[re.Pattern[str]], bool]:
    """The lower-case forms (exact and regex) whose attributes may depend on a neighbour, and
    whether the table can reproduce the rules (patterns of at most two tokens whose receiving
    token has a fixed form)."""
    exact: set[str] = set()
    regex: list[re.Pattern[str]] = []
    for entry in patterns:
        index = entry.get("index", 0)
        for token_specs in entry["patterns"]:
            if len(token_specs) == 1:
                continue
            if len(token_specs) > 2:
                return set(), [], False
            receiving = token_specs[index]
            if not any(k in receiving for k in ("LOWER", "ORTH")):
                return set(), [], False
            for spec in token_specs:
                for key in ("LOWER", "ORTH"):
                    value = spec.get(key)
                    if isinstance(value, str):
                        exact.add(value.lower())
                    elif isinstance(value, dict):
                        for op, arg in value.items():
                            if op == "IN":
                                exact.update(str(a).lower() for a in arg)
                            elif op == "REGEX":
                                regex.append(re.compile(str(arg)))
                            else:
                                return set(), [], False
    return exact, regex, True
