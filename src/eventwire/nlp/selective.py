"""Parse only what can hold an event.

Each text is tokenised and split into sentences by punctuation and line breaks; the sentences
that :class:`~eventwire.events.cues.EventCues` says can hold an event are joined, in runs of
consecutive sentences, into one smaller document that goes through the statistical
components (tok2vec, tagger, parser, NER; the rule-based attribute ruler and lemmatizer
through :class:`~eventwire.nlp.fastattrs.FastAttributes`).  The annotations are then copied
back onto the full document, so token indices and character offsets are those of the text.
Sentences left out keep their words but no tags, entities or dependency arcs (each is one
flat tree), so the coder passes over them.

The parser is told where each run starts, so no arc or entity crosses from one run into the
next; should one ever do so it is cut there.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from eventwire.events.cues import EventCues
from eventwire.nlp.fastattrs import REPLACED, FastAttributes

SELECTIVE_VERSION = "1"
SENTENCE_END = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
CLOSERS = frozenset({'"', "'", "''", "”", "’", ")", "]", "»"})


@dataclass(slots=True)
class _Plan:
    """One text's tokens, its sentences and which of them are parsed."""

    doc: Any
    sentences: list[tuple[int, int]]
    chosen: list[bool]
    positions: list[int]  # full-doc index of each token of the parsed document


class SelectiveParser:
    """A callable like a spaCy ``Language`` (``nlp(text)``, ``nlp.pipe``) that parses only the
    sentences that can hold an event; everything else about the pipeline is unchanged."""

    name = "eventwire.selective"
    version = SELECTIVE_VERSION

    def __init__(
        self,
        nlp: Any,
        cues: EventCues | None,
        fast_attrs: bool = True,
        needs_entities: Callable[[Any], bool] | None = None,
        max_sentence_tokens: int = 250,
    ) -> None:
        """``cues``: None parses every sentence (and only the fast attributes apply).
        ``max_sentence_tokens``: a longer sentence (a table, a list, a dump without punctuation)
        is never parsed; it stays a flat tree and nothing is coded in it.
        ``needs_entities``: given a parsed sentence (before NER), whether its events may need
        entity labels; when set (and NER has its own embedding layer), NER runs only on those
        sentences and on those with two words of the actor dictionaries."""
        from spacy import attrs

        self.nlp = nlp
        self.cues = cues
        self.max_sentence_tokens = max_sentence_tokens
        self.vocab = nlp.vocab
        self._fast = FastAttributes(nlp) if fast_attrs else None
        self._disable = [n for n in REPLACED if n in nlp.pipe_names] if self._fast else []
        self._needs_entities = needs_entities if cues is not None and _standalone(nlp, "ner") else None
        if self._needs_entities is not None:
            self._disable.append("ner")
            self._ner = nlp.get_pipe("ner")
        self._lex_attrs = [attrs.LOWER, attrs.IS_ALPHA, attrs.IS_TITLE, attrs.IS_UPPER, attrs.IS_STOP]
        self._copy_attrs = [
            attrs.TAG,
            attrs.POS,
            attrs.MORPH,
            attrs.LEMMA,
            attrs.DEP,
            attrs.HEAD,
            attrs.ENT_IOB,
            attrs.ENT_TYPE,
        ]
        strings = nlp.vocab.strings
        self._root = strings.add("ROOT")
        self._dep = strings.add("dep")
        self._ends = {strings.add(w) for w in SENTENCE_END}
        self._closers = {strings.add(w) for w in CLOSERS}
        if cues is not None:
            self._actor_words = {strings.add(w) for w in cues.actor_words}
            self._pronouns = {strings.add(w) for w in cues.pronouns}
        self.texts_seen = 0
        self.tokens_seen = 0
        self.tokens_parsed = 0
        self.tokens_recognised = 0
        self.sentences_too_long = 0

    @property
    def pipe_names(self) -> list[str]:
        return list(self.nlp.pipe_names)

    def __call__(self, text: str) -> Any:
        return next(iter(self.pipe([text])))

    def pipe(
        self, texts: Iterable[Any], as_tuples: bool = False, batch_size: int = 32, **_: Any
    ) -> Iterator[Any]:
        """Docs for ``texts`` (or ``(doc, context)`` pairs for ``(text, context)`` tuples)."""
        pairs: Iterable[tuple[str, Any]] = texts if as_tuples else ((t, None) for t in texts)
        plans = ((self._plan(text), ctx) for text, ctx in pairs)
        subs = ((self._sub_doc(plan), (plan, ctx)) for plan, ctx in plans)
        parsed = self.nlp.pipe(subs, as_tuples=True, batch_size=batch_size, disable=self._disable)
        if self._needs_entities is None:
            for sub, (plan, ctx) in parsed:
                if self._fast is not None:
                    sub = self._fast(sub)
                doc = self._merge(plan, sub)
                yield (doc, ctx) if as_tuples else doc
            return
        pending: deque[tuple[Any, _Plan, Any, list[int]]] = deque()

        def entity_docs() -> Iterator[Any]:
            for sub, (plan, ctx) in parsed:
                if self._fast is not None:
                    sub = self._fast(sub)
                positions = self._entity_positions(sub)
                pending.append((sub, plan, ctx, positions))
                yield self._part(sub, positions)

        for ents in self._ner.pipe(entity_docs(), batch_size=batch_size):
            sub, plan, ctx, positions = pending.popleft()
            doc = self._merge(plan, sub, (ents, positions))
            yield (doc, ctx) if as_tuples else doc

    # ---------------------------------------------------------------- planning
    def _plan(self, text: str) -> _Plan:
        doc = self.nlp.make_doc(text)
        sentences = self._sentences(doc)
        self.texts_seen += 1
        self.tokens_seen += len(doc)
        chosen = [True] * len(sentences) if self.cues is None else self._choose(doc, sentences)
        most = self.max_sentence_tokens
        for k, (s, e) in enumerate(sentences):
            if e - s > most and chosen[k]:
                chosen[k] = False
                self.sentences_too_long += 1
        positions = [i for (s, e), keep in zip(sentences, chosen, strict=True) if keep for i in range(s, e)]
        self.tokens_parsed += len(positions)
        return _Plan(doc, sentences, chosen, positions)

    def _sentences(self, doc: Any) -> list[tuple[int, int]]:
        """Sentences by punctuation (with trailing quotes and brackets) and blank lines (wire copy
        wraps its lines, so a single line break does not end a sentence)."""
        from spacy.attrs import IS_SPACE, ORTH

        rows = doc.to_array([ORTH, IS_SPACE]).tolist() if len(doc) else []
        out: list[tuple[int, int]] = []
        start, n, i = 0, len(rows), 0
        while i < n:
            orth, space = rows[i]
            end = None
            if orth in self._ends:
                end = i + 1
                while end < n and (rows[end][0] in self._closers or rows[end][1]):
                    end += 1
            elif space and doc[i].text.count("\n") >= 2:  # a blank line; hard-wrapped lines run on
                end = i + 1
                while end < n and rows[end][1]:
                    end += 1
            if end is not None:
                if end > start:
                    out.append((start, end))
                start = i = end
                continue
            i += 1
        if start < n:
            out.append((start, n))
        return out

    def _choose(self, doc: Any, sentences: list[tuple[int, int]]) -> list[bool]:
        assert self.cues is not None
        rows = doc.to_array(self._lex_attrs).tolist() if len(doc) else []
        strings = self.vocab.strings
        actor_words, pronouns = self._actor_words, self._pronouns
        chosen = []
        for s, e in sentences:
            cues = dictionary = 0
            for lower, alpha, title, upper, stop in rows[s:e]:
                if lower in actor_words and not stop:
                    dictionary += 1
                    cues += 1
                elif lower in pronouns or (alpha and (title or upper) and not stop):
                    cues += 1
            if cues == 0:
                chosen.append(False)
                continue
            words = [strings[r[0]] for r in rows[s:e]]
            chosen.append(self.cues.holds_event(words, cues, dictionary))
        return chosen

    def _sub_doc(self, plan: _Plan) -> Any:
        return self._part(plan.doc, plan.positions)

    def _entity_positions(self, sub: Any) -> list[int]:
        """Tokens of the parsed sentences that need entity labels."""
        assert self._needs_entities is not None
        words = self._actor_words
        out: list[int] = []
        for sent in sub.sents:
            dictionary = sum(1 for t in sent if t.lower in words and not t.is_stop)
            if dictionary >= 2 or self._needs_entities(sent):
                out.extend(range(sent.start, sent.end))
        self.tokens_recognised += len(out)
        return out

    def _part(self, doc: Any, positions: list[int]) -> Any:
        """A document of the tokens at ``positions`` of ``doc``; each run of consecutive tokens
        starts a sentence."""
        from spacy.tokens import Doc

        if len(positions) == len(doc):
            return Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
        words: list[str] = []
        spaces: list[bool] = []
        starts: list[bool | int | None] = []
        previous = -2
        for i in positions:
            tok = doc[i]
            words.append(tok.text)
            spaces.append(bool(tok.whitespace_))
            starts.append(True if i != previous + 1 else None)
            previous = i
        return Doc(doc.vocab, words=words, spaces=spaces, sent_starts=starts)

    # ----------------------------------------------------------------- merging
    def _merge(self, plan: _Plan, sub: Any, entities: tuple[Any, list[int]] | None = None) -> Any:
        """Copy the parsed document's annotations onto the full document (see the module doc)."""
        import numpy

        doc = plan.doc
        n = len(doc)
        if n == 0:
            return doc
        full = numpy.zeros((n, len(self._copy_attrs)), dtype="int64")
        full[:, 6] = 2  # ENT_IOB "O": NER ran, found nothing here
        for (s, e), keep in zip(plan.sentences, plan.chosen, strict=True):
            if keep:
                continue
            full[s, 4] = self._root
            full[s + 1 : e, 4] = self._dep
            full[s + 1 : e, 5] = numpy.arange(-1, s - e, -1)  # each word attached to the first
        if plan.positions:
            values = sub.to_array(self._copy_attrs).astype("int64")
            if entities is not None:
                ents, at = entities
                values[:, 6] = 2
                values[:, 7] = 0
                if at:
                    rows = numpy.array(at)
                    values[rows, 6:8] = ents.to_array(self._copy_attrs[6:8]).astype("int64")
                    _restart_entities(values[:, 6], rows, rows)
            positions = numpy.array(plan.positions)
            self._cut_arcs(values, positions)
            _restart_entities(values[:, 6], numpy.arange(len(positions)), positions)
            full[positions] = values
        doc.from_array(self._copy_attrs, full.astype("uint64"))
        return doc

    def _cut_arcs(self, values: Any, positions: Any) -> None:
        """Arcs stay inside the run of sentences they were parsed in."""
        import numpy

        run = _runs(positions)
        idx = numpy.arange(len(positions))
        heads = idx + values[:, 5]
        bad = (heads < 0) | (heads >= len(positions))
        bad[~bad] = run[heads[~bad]] != run[idx[~bad]]
        if bad.any():
            values[bad, 5] = 0
            values[bad, 4] = self._root


def _runs(positions: Any) -> Any:
    """A run number for each position: consecutive positions share one."""
    import numpy

    return numpy.cumsum(numpy.diff(positions, prepend=-2) != 1)


def _restart_entities(iob: Any, rows: Any, positions: Any) -> None:
    """An entity tag "I" (in ``iob`` at ``rows``) at the start of a run of ``positions`` (its
    previous token is elsewhere) becomes "B"."""
    import numpy

    starts = numpy.diff(positions, prepend=-2) != 1
    fix = rows[starts & (iob[rows] == 1)]
    iob[fix] = 3


def _standalone(nlp: Any, name: str) -> bool:
    """Whether component ``name`` has its own embedding layer (listens to no shared one)."""
    if name not in nlp.pipe_names:
        return False
    model = nlp.get_pipe(name).model
    return not any("listener" in node.name for node in model.walk())


def build_selective(
    nlp: Any,
    cues_factory: Callable[[dict[str, set[str]]], EventCues] | None,
    needs_entities: Callable[[Any], bool] | None = None,
    max_sentence_tokens: int = 250,
) -> SelectiveParser:
    """A :class:`SelectiveParser` for ``nlp``; sentence selection needs the pipeline's lemmatizer
    exceptions (for irregular forms) and is off without them or without a ``cues_factory``."""
    from eventwire.events.cues import irregular_forms

    irregular = irregular_forms(nlp)
    cues = cues_factory(irregular) if cues_factory is not None and irregular is not None else None
    return SelectiveParser(nlp, cues, needs_entities=needs_entities, max_sentence_tokens=max_sentence_tokens)
