"""A learned back-off for actor pairs the trigger patterns leave uncoded.

When a sentence names two actors and a verb (or an event noun) links them, but no pattern in
the dictionary fired on that link, the back-off classifier proposes the CAMEO root of the event
the first actor does to the second.  It is a multinomial logistic regression over sparse,
readable features of the dependency path between the two actors (the linking verb's lemma, its
object, its complement verb, prepositions, negation, modality, the roots the pattern dictionary
lists for these words, ...).  Each proposed event names the features that weighed most for it,
so it still says why (``Event.pattern`` = ``backoff:<root>:<p>:<feature>,<feature>,...``).

The weights (``data/backoff.json``) are trained by ``training/train_backoff.py`` only on example
sentences the project wrote itself (``training/examples/*.tsv``); see that folder's README.
"""

from __future__ import annotations

import json
import math
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

from eventwire.errors import DictionaryError
from eventwire.events.patterns import PatternDictionary

__all__ = [
    "NONE",
    "SOURCE_ROLES",
    "BackoffModel",
    "Prediction",
    "pair_features",
    "pair_link",
    "span_root",
]

NONE = "NONE"
FORMAT_VERSION = 1
MODALS = frozenset({"will", "would", "could", "may", "might", "should", "can", "shall", "must"})
CONTENT_POS = frozenset({"VERB", "NOUN", "ADJ"})
CHAIN_DEPS = frozenset({"xcomp", "ccomp", "advcl", "acomp", "conj"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent", "poss", "expl"})
MAX_PATH = 8  # tokens on the dependency path between the two actors' heads
#: How a source may attach to the linking word: as its subject, the agent of a passive, a
#: possessor ("X's attack on Y") or a compound ("U.S. air strikes on Y").  Other attachments
#: (an object, a complement clause) are where targets and bystanders sit.
SOURCE_ROLES = frozenset(
    {"nsubj", "agent", "poss", "compound", "prep:by"}
)  # tokens on the dependency path between the two actors' heads


def span_root(tokens: Sequence[Any]) -> Any:
    """The syntactic head of a token span: the token whose head lies outside the span."""
    inside = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in inside or t.head.i == t.i:
            return t
    return tokens[0]


def _ancestors(tok: Any) -> list[Any]:
    chain = [tok]
    while chain[-1].head.i != chain[-1].i and len(chain) < 40:
        chain.append(chain[-1].head)
    return chain


def _lemma(tok: Any) -> str:
    return str(tok.lemma_).lower()


def _link(source: Any, target: Any) -> tuple[Any, list[Any], list[Any]] | None:
    """Lowest common ancestor of two heads and the paths from each up to it (exclusive)."""
    up_s = _ancestors(source)
    up_t = _ancestors(target)
    t_ids = {t.i: n for n, t in enumerate(up_t)}
    for n, tok in enumerate(up_s):
        if tok.i in t_ids:
            return tok, up_s[:n], up_t[: t_ids[tok.i]]
    return None


def _role(path: list[Any], lca: Any) -> str:
    """How an actor attaches below the linking word: the last step's relation, with the
    preposition when it hangs from one ("prep:to")."""
    if not path:
        return "self"
    last = path[-1]
    if last.dep_ in {"prep", "dative"} and last.pos_ == "ADP" and len(path) >= 2:
        return "prep:" + str(last.lower_)
    if last.dep_ == "agent":
        return "agent"
    return str(last.dep_)


def _nested(path: list[Any]) -> bool:
    """Whether an actor sits inside another phrase rather than filling a slot of the linking word
    itself.  Owners and "of" phrases count as the phrase's own actor ("Cairo's security chief",
    "inhabitants of the Golan Heights"); places and others do not ("protesters in Minsk")."""
    if len(path) <= 1:
        return False
    if len(path) == 2:
        return path[1].dep_ not in {"agent", "prep", "dative"} and path[0].dep_ not in {"poss", "compound"}
    return not (len(path) == 3 and path[1].dep_ == "prep" and path[1].lower_ == "of")


def _event_word(lca: Any, s_path: list[Any], t_path: list[Any]) -> Any:
    """The word that carries the event: the common ancestor, or the verb that governs it when
    the ancestor is a preposition or a bare noun phrase head shared by both actors."""
    tok = lca
    steps = 0
    while tok.pos_ in {"ADP", "PART", "CCONJ", "PUNCT", "DET"} and tok.head.i != tok.i and steps < 3:
        tok = tok.head
        steps += 1
    return tok


def _chain(word: Any) -> list[Any]:
    """Complement verbs under the event word ("agreed to send", "is willing to provide")."""
    out: list[Any] = []
    frontier = [word]
    for _ in range(2):
        nxt = [
            c
            for w in frontier
            for c in w.children
            if c.dep_ in CHAIN_DEPS and c.pos_ in {"VERB", "ADJ", "AUX"}
        ]
        out.extend(nxt)
        frontier = nxt
    return out


def _objects(word: Any) -> list[Any]:
    return [c for c in word.children if c.dep_ in {"dobj", "obj", "attr", "oprd"}]


def _dict_roots(patterns: PatternDictionary | None, tok: Any) -> set[str]:
    if patterns is None:
        return set()
    pos = "VERB" if tok.pos_ in {"VERB", "AUX"} else "NOUN" if tok.pos_ in {"NOUN", "PROPN"} else ""
    if not pos:
        return set()
    return {p.code[:2] for p in patterns.candidates(_lemma(tok), pos)}


def pair_features(
    source: Sequence[Any], target: Sequence[Any], patterns: PatternDictionary | None = None
) -> list[str] | None:
    """Features of "``source`` does something to ``target``" in one parsed sentence, or None when
    the two spans are not linked (different sentences, or a path longer than ``MAX_PATH``)."""
    found = pair_link(source, target, patterns)
    return found[1] if found is not None else None


def pair_link(
    source: Sequence[Any],
    target: Sequence[Any],
    patterns: PatternDictionary | None = None,
    source_roles: Collection[str] | None = None,
) -> tuple[Any, list[str]] | None:
    """The word that links two actor spans (the event's trigger) and the pair's features;
    with ``source_roles``, None (cheaply, before the features) when the source attaches otherwise."""
    s_head, t_head = span_root(source), span_root(target)
    if s_head.sent.start != t_head.sent.start:
        return None
    inside = {t.i for t in (*source, *target)}
    found = _link(s_head, t_head)
    if found is None:
        return None
    lca, s_path, t_path = found
    if len(s_path) + len(t_path) > MAX_PATH:
        return None
    word = _event_word(lca, s_path, t_path)
    if word.i in inside:
        return None  # "Pakistan and Russia", "Russia's Lavrov": no word between them carries an event
    ev = _lemma(word)
    srole = _role(s_path, lca)
    if _nested(s_path):
        srole = "nested:" + srole  # "Minsk" in "Protesters in Minsk clashed": not the subject itself
    if source_roles is not None and srole not in source_roles:
        return None
    feats = [f"ev={ev}", f"evpos={word.pos_}", f"srole={srole}", f"trole={_role(t_path, lca)}"]
    feats.append(f"roles={srole}>{_role(t_path, lca)}")
    feats.append(f"ev+trole={ev}|{_role(t_path, lca)}")
    for tok in (*s_path[1:], *t_path[1:]):
        if tok.i not in inside and tok.pos_ in CONTENT_POS:
            feats.append(f"path={_lemma(tok)}")
    if word.dep_ in {"xcomp", "ccomp", "advcl", "acomp"} and word.head.i != word.i:
        gov = _lemma(word.head)
        feats += [f"gov={gov}", f"gov+ev={gov}|{ev}"]
        feats += [f"govdict={r}" for r in _dict_roots(patterns, word.head)]
        neg_gov = any(c.dep_ == "neg" for c in word.head.children)
        if neg_gov:
            feats.append(f"neg-gov={gov}")
    chain = _chain(word)
    for c in chain:
        feats += [f"x={_lemma(c)}", f"ev+x={ev}|{_lemma(c)}"]
        feats += [f"xdict={r}" for r in _dict_roots(patterns, c)]
    heads = [word, *chain]
    negated = False
    for h in heads:
        for c in h.children:
            if c.dep_ == "neg":
                negated = True
            elif c.dep_ in {"aux", "auxpass"} and _lemma(c) in MODALS:
                feats.append(f"modal={_lemma(c)}")
            elif c.dep_ == "auxpass":
                feats.append("passive")
            elif c.dep_ == "prt":
                feats.append(f"prt={_lemma(h)}|{c.lower_}")
            elif c.dep_ == "acomp":
                feats.append(f"acomp={_lemma(c)}")
            elif c.dep_ == "prep":
                feats.append(f"prep={_lemma(h)}|{c.lower_}")
        for o in _objects(h):
            if o.i in inside:
                continue
            feats += [f"obj={_lemma(o)}", f"h+obj={_lemma(h)}|{_lemma(o)}"]
            feats += [f"objdict={r}" for r in _dict_roots(patterns, o)]
            for m in o.children:
                if m.dep_ in {"amod", "compound"} and m.i not in inside:
                    feats.append(f"objmod={_lemma(m)}")
                if m.dep_ == "prep":
                    feats.append(f"objprep={_lemma(o)}|{m.lower_}")
    if negated:
        feats += ["neg", f"neg+ev={ev}"]
    feats += [f"dict={r}" for r in _dict_roots(patterns, word)]
    lo = min(s_head.left_edge.i, t_head.left_edge.i, word.i)
    hi = max(s_head.i, t_head.i, word.i)
    doc = word.doc
    for i in range(lo, hi + 1):
        tok = doc[i]
        if i not in inside and tok.pos_ in CONTENT_POS and not tok.is_stop:
            feats.append(f"w={_lemma(tok)}")
    return word, sorted(set(feats))


@dataclass(frozen=True, slots=True)
class Prediction:
    """The back-off's answer for one ordered actor pair."""

    label: str  # a CAMEO root ("07") or NONE
    probability: float
    reasons: tuple[str, ...]  # the features that weighed most for ``label``


class BackoffModel:
    """Multinomial logistic regression over string features (weights from a JSON file)."""

    def __init__(self, classes: Sequence[str], weights: dict[str, dict[str, float]], bias: dict[str, float]):
        self.classes = tuple(classes)
        self.weights = weights
        self.bias = bias

    @classmethod
    def load(cls, path: str | Path | None = None) -> BackoffModel:
        """The packaged model (``data/backoff.json``) or a user's file of the same format."""
        where = str(path) if path is not None else "eventwire/data/backoff.json"
        try:
            if path is None:
                text = importlib_resources.files("eventwire").joinpath("data/backoff.json").read_text("utf-8")
            else:
                text = Path(path).read_text("utf-8")
            data = json.loads(text)
        except (OSError, ValueError) as exc:
            raise DictionaryError(where, [f"cannot read the back-off model: {exc}"]) from exc
        return cls.from_dict(data, where)

    @classmethod
    def from_dict(cls, data: Any, where: str = "<dict>") -> BackoffModel:
        problems: list[str] = []
        if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
            raise DictionaryError(where, [f"expected an object with version {FORMAT_VERSION}"])
        classes = data.get("classes")
        if not isinstance(classes, list) or NONE not in classes:
            problems.append(f"'classes' must be a list that includes {NONE!r}")
            classes = []
        known = set(classes)
        bias = data.get("bias", {})
        weights = data.get("weights", {})
        if not isinstance(bias, dict) or not isinstance(weights, dict):
            problems.append("'bias' and 'weights' must be objects")
            bias, weights = {}, {}
        for feat, row in weights.items():
            if not isinstance(row, dict) or not set(row) <= known:
                problems.append(f"weights[{feat!r}]: expected an object keyed by the classes")
                if len(problems) > 20:
                    break
        if problems:
            raise DictionaryError(where, problems)
        return cls(
            classes,
            {f: {c: float(w) for c, w in row.items()} for f, row in weights.items()},
            {c: float(w) for c, w in bias.items()},
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": FORMAT_VERSION,
            "classes": list(self.classes),
            "bias": self.bias,
            "weights": self.weights,
        }

    def scores(self, features: Iterable[str]) -> dict[str, float]:
        out = dict.fromkeys(self.classes, 0.0)
        for c, w in self.bias.items():
            out[c] += w
        for f in features:
            for c, w in self.weights.get(f, {}).items():
                out[c] += w
        return out

    def predict(self, features: Sequence[str], explain: int = 3) -> Prediction:
        scores = self.scores(features)
        top = max(scores.values())
        exp = {c: math.exp(s - top) for c, s in scores.items()}
        total = sum(exp.values())
        label = max(exp, key=lambda c: exp[c])
        contrib = sorted(
            ((self.weights.get(f, {}).get(label, 0.0), f) for f in features), key=lambda x: -x[0]
        )
        reasons = tuple(f for w, f in contrib[:explain] if w > 0)
        return Prediction(label, exp[label] / total, reasons)
