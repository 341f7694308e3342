"""Import PETRARCH-2 / TABARI verb dictionaries (e.g. ``CAMEO.2.0.txt``) as eventwire patterns.

The PETRARCH verb file has three parts:

* synsets: ``&LABEL`` followed by ``+WORD`` lines (``_`` joins words of a phrase);
* verb blocks: ``--- NAME [code] ---``, then verb lines ``VERB {irregular forms} [code]``
  (the first word is the base form, ``{...}`` lists its inflected forms; multi-word verbs
  mark the verb with ``+``: ``+CALL_OFF``), then pattern lines
  ``- [pre-verb nouns] * [post-verb nouns] (PREP NOUN) ... [code]``;
* transformations (``~ a (a b Q) SAY = ...``).

Mapping onto :class:`~eventwire.events.patterns.Pattern` (everything else is skipped and
counted with a reason in :class:`PetrarchImport`):

=====================================  ===============================================
PETRARCH                                eventwire
=====================================  ===============================================
verb line, own code or block code       ``VERB`` pattern (lemma = base form, lowercase)
``+CALL_OFF`` (second word a particle)  ``particle: off``
``+ASK_FOR`` (second word a prep.)      ``prep: [for]``
``- * NOUN``                            ``object: [noun]`` (plus its singular)
``- * &SYNSET``                         ``object: [single-word members]``
``- * (PREP)``, ``(PREP +)``, ``PREP +`` ``prep: [prep]`` (its object is the target)
``- * NOUN (PREP)``                     ``object`` + ``prep`` (prep attached to the object)
``- * OFF NOUN`` (leading particle)     ``particle`` (+ ``object``)
``- * TO VERB`` (a verb of the file)    ``xcomp: [verb]``
``[X:Y]`` codes (active:passive)        the active code ``X``; ``[:Y]`` is skipped
=====================================  ===============================================

As in PETRARCH, a block's patterns apply to every verb of the block (``scope="block"``),
and a verb listed in several blocks belongs to the first one; ``scope="comment"`` applies a
pattern only to the verb named in its trailing comment (``# RUSH``) when that verb is in
the block.  Null codes (``---``) and codes absent from the CAMEO table are skipped.  Within
one import, the first entry with a given trigger and constraints wins (PETRARCH itself lets
a later identical pattern overwrite an earlier one).

:func:`write_patterns_yaml` writes patterns in the packaged YAML format so that an import
can be converted once and then edited; the result loads with
:meth:`PatternDictionary.load <eventwire.events.patterns.PatternDictionary.load>`.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from eventwire.events.cameo import CameoTable, load_default_table
from eventwire.events.patterns import SCHEMA, Pattern, _make_id

__all__ = [
    "PARTICLES",
    "PREPOSITIONS",
    "PetrarchImport",
    "import_petrarch_verbs",
    "load_petrarch_verbs",
    "write_patterns_yaml",
]

ID_PREFIX = "petrarch:"

#: words read as phrasal particles after a verb ("call off", "put out", "set up")
PARTICLES = frozenset({"up", "down", "off", "out", "back", "away", "aside", "apart", "together"})
#: words read as prepositions introducing the target ("meet with", "ask for", "head to")
PREPOSITIONS = frozenset(
    {
        "about",
        "across",
        "against",
        "at",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "onto",
        "over",
        "to",
        "toward",
        "towards",
        "upon",
        "with",
        "within",
        "without",
    }
)

_WORD_RE = re.compile(r"^[a-z][a-z0-9'\-]*$")
_CODE_RE = re.compile(r"^\d{2,4}$")
_HEADER_RE = re.compile(r"^---\s+(?P<name>\S+)(?:\s+\[(?P<code>[^\]]*)\])?")
_TRAILING_CODE_RE = re.compile(r"\[(?P<code>[^\]]*)\]\s*$")
_TOKEN_RE = re.compile(r"\([^)]*\)|\{[^}]*\}|\S+")

Scope = Literal["block", "comment"]
#: synset label -> (its single-word members, lowercase; number of members incl. phrases)
Synsets = dict[str, tuple[list[str], int]]


@dataclass
class PetrarchImport:
    """Result of :func:`import_petrarch_verbs`.

    ``skipped`` counts skipped items by reason: one per unusable verb or pattern *line*,
    or one per generated (pattern, verb) pair when only that combination fails
    (duplicates, conflicts with a multi-word verb).  ``adjusted`` counts imported entries
    that lost part of their meaning (e.g. a passive code of ``[X:Y]``).  ``examples`` keeps
    the first few original lines per skip reason.
    """

    path: str
    patterns: list[Pattern] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    adjusted: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)
    verb_lines: int = 0
    pattern_lines: int = 0
    blocks: int = 0

    @property
    def imported(self) -> int:
        return len(self.patterns)

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())

    def skip(self, reason: str, line: str) -> None:
        self.skipped[reason] += 1
        shown = self.examples.setdefault(reason, [])
        if len(shown) < 3:
            shown.append(line.strip())

    def summary(self) -> str:
        lines = [
            f"{self.path}: {self.imported} patterns imported from {self.blocks} blocks "
            f"({self.verb_lines} verb lines, {self.pattern_lines} pattern lines); "
            f"{self.skipped_total} skipped"
        ]
        lines += [f"  skipped {n:6d}  {reason}" for reason, n in self.skipped.most_common()]
        lines += [f"  adjusted {n:5d}  {reason}" for reason, n in self.adjusted.most_common()]
        return "\n".join(lines)


# -- small helpers -----------------------------------------------------------------------
class _Skip(Exception):
    """A line or combination that cannot be expressed; ``args[0]`` is the reason."""


def _strip_comment(line: str) -> tuple[str, str]:
    """(content, comment) of a line, split at the first ``#``."""
    content, _, comment = line.partition("#")
    return content, comment.strip()


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _noun_forms(word: str) -> list[str]:
    """The singular and (if different) the form as written: spaCy lemmatises most plurals,
    but not all ("talks", "arms"), so both are accepted."""
    low = word.lower().rstrip("_")
    if not _WORD_RE.match(low):
        raise _Skip("word is not a plain lemma")
    return list(dict.fromkeys([_singular(low), low]))


@dataclass(frozen=True)
class _Verb:
    lemma: str
    particle: str | None
    prep: str | None
    block: int
    line: str


@dataclass(frozen=True)
class _Constraints:
    object: tuple[str, ...] = ()
    prep: tuple[str, ...] = ()
    particle: str | None = None
    xcomp: tuple[str, ...] = ()


def _check_code(raw: str, table: CameoTable, result: PetrarchImport) -> str:
    code = raw.strip()
    if ":" in code:
        active, _, passive = code.partition(":")
        active, passive = active.strip(), passive.strip()
        if not active:
            raise _Skip("passive-only code [:X]")
        if passive and passive != active:
            result.adjusted["passive code of [X:Y] ignored"] += 1
        code = active
    if not code or set(code) == {"-"}:
        raise _Skip("null code ---")
    if not _CODE_RE.match(code):
        raise _Skip("malformed code")
    if code not in table:
        raise _Skip("code not in CAMEO table")
    return code


# -- verb lines --------------------------------------------------------------------------
def _parse_verb_line(content: str, block: int, line: str) -> tuple[_Verb, str | None]:
    """A verb line -> (verb, own code or None)."""
    content = content.split(";", 1)[0]  # TABARI-style "; coder date" comments
    code: str | None = None
    match = _TRAILING_CODE_RE.search(content)
    if match:
        code = match.group("code")
        content = content[: match.start()]
    content = re.sub(r"\{[^}]*\}?", " ", content)  # irregular forms: not needed for lemmas
    words = content.split()
    if len(words) != 1:
        raise _Skip("malformed verb line")
    primary = words[0]
    if "_" not in primary:
        lemma = primary.lstrip("+").lower()
        if not _WORD_RE.match(lemma):
            raise _Skip("verb is not a plain lemma")
        return _Verb(lemma, None, None, block, line), code
    parts = primary.split("_")
    if not parts[0].startswith("+"):
        raise _Skip("multi-word verb with words before the verb (X_+VERB)")
    if len(parts) != 2:
        raise _Skip("multi-word verb of more than two words")
    lemma, second = parts[0][1:].lower(), parts[1].lower()
    if not _WORD_RE.match(lemma):
        raise _Skip("verb is not a plain lemma")
    if second in PARTICLES:
        return _Verb(lemma, second, None, block, line), code
    if second in PREPOSITIONS:
        return _Verb(lemma, None, second, block, line), code
    raise _Skip("multi-word verb whose second word is not a particle or preposition")


# -- pattern lines -----------------------------------------------------------------------
def _parse_pattern(
    body: str, synsets: Synsets, verb_lemmas: set[str], result: PetrarchImport
) -> _Constraints:
    if body.count("*") != 1:
        raise _Skip("malformed pattern (needs exactly one '*')")
    pre, post = body.split("*")
    pre_tokens = [t for t in pre.split() if t != "$"]
    if pre_tokens:
        raise _Skip("words before the verb (subject/adverb constraint)")
    tokens = _TOKEN_RE.findall(post)
    if tokens and tokens[-1] == "+":  # explicit target marker after the phrase
        tokens = tokens[:-1]
    if any("/" in t for t in tokens):
        raise _Skip("disjunction (A/B)")
    for marker, reason in (("^", "^ (skip) marker"), ("$", "$ (source) marker"), ("%", "% marker")):
        if any(marker in t for t in tokens):
            raise _Skip(reason)

    cons = _Constraints()
    i = 0
    if i < len(tokens) and tokens[i].lower() in PARTICLES and not tokens[i].startswith("("):
        cons = replace(cons, particle=tokens[i].lower())
        i += 1
    if i + 1 < len(tokens) and tokens[i].lower() == "to" and not tokens[i + 1].startswith(("(", "{")):
        target = tokens[i + 1]
        if target.startswith("&") or target.lower() not in verb_lemmas:
            raise _Skip("TO + non-verb")
        if i + 2 != len(tokens):
            raise _Skip("multi-word sequence")
        return replace(cons, xcomp=(target.lower(),))
    if i < len(tokens) and _is_object(tokens[i]):
        cons = replace(cons, object=_object_forms(tokens[i], synsets, result))
        i += 1
    if i < len(tokens):
        prep = _prep_of(tokens, i)
        if prep is not None:
            word, used = prep
            cons = replace(cons, prep=(word,))
            i += used
    if i < len(tokens):
        raise _Skip(_why(tokens[i:]))
    return cons


def _is_object(token: str) -> bool:
    return not token.startswith(("(", "{", "+")) and token.lower() not in PREPOSITIONS


def _object_forms(token: str, synsets: Synsets, result: PetrarchImport) -> tuple[str, ...]:
    if token.startswith("&"):
        if token not in synsets:
            raise _Skip("undefined synset")
        members, total = synsets[token]
        if not members:
            raise _Skip("synset without single-word members")
        if len(members) < total:
            result.adjusted["multi-word synset members dropped"] += 1
        return tuple(members)
    return tuple(_noun_forms(token))


def _prep_of(tokens: Sequence[str], i: int) -> tuple[str, int] | None:
    """A target-introducing preposition at tokens[i]: "(TO)", "(TO +)", "TO +", or bare "TO"
    as the last token.  Returns (preposition, tokens used)."""
    tok = tokens[i]
    if tok.startswith("("):
        inner = tok[1:-1].split()
        if len(inner) == 1 or (len(inner) == 2 and inner[1] == "+"):
            word = inner[0].lower()
            return (word, 1) if word in PREPOSITIONS else None
        return None
    word = tok.lower()
    if word in PREPOSITIONS:
        if i + 1 == len(tokens):
            return word, 1
        if tokens[i + 1] == "+":
            return word, 2
    return None


def _why(rest: Sequence[str]) -> str:
    tok = rest[0]
    if tok.startswith("{"):
        return "noun phrase with modifiers {...}"
    if tok.startswith("("):
        inner = tok[1:-1].split()
        if len(inner) > 1 and inner[1] != "+":
            return "prepositional phrase with a fixed object (PREP NOUN)"
        if inner and inner[0].lower() not in PREPOSITIONS:
            return "unsupported preposition (e.g. BY, UNTIL)"
        return "more than one prepositional phrase"
    if tok.startswith("&"):
        return "synset after another element"
    return "multi-word sequence"


# -- the importer ------------------------------------------------------------------------
def import_petrarch_verbs(
    path: str | Path, cameo: CameoTable | None = None, *, scope: Scope = "block"
) -> PetrarchImport:
    """Read a PETRARCH/TABARI verb dictionary; see the module docstring for the mapping."""
    table = cameo if cameo is not None else load_default_table()
    source = str(path)
    result = PetrarchImport(source)
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    lines = text.splitlines()

    # pass 1: synsets and the verbs of each block (patterns may use any verb of the file)
    synsets: Synsets = {}
    label: str | None = None
    verb_lemmas: set[str] = set()
    in_block = False
    for raw in lines:
        content, _ = _strip_comment(raw)
        stripped = content.strip()
        if not stripped:
            continue
        if stripped.startswith("&"):
            label = stripped.split()[0]
            synsets[label] = ([], 0)
            continue
        if label is not None and stripped.startswith("+") and not in_block:
            member = stripped[1:].strip().rstrip("_").lower()
            members, total = synsets[label]
            if _WORD_RE.match(member) and member not in members:
                members.append(member)
            synsets[label] = (members, total + 1)
            continue
        label = None
        if stripped.startswith("---"):
            in_block = True
        elif in_block and not stripped.startswith(("-", "~")):
            first = stripped.split()[0].lstrip("+").split("_")[0].lower()
            verb_lemmas.add(first)

    # pass 2: blocks, verbs and patterns
    block = -1
    block_code = ""
    owner: dict[tuple[str, str | None, str | None], int] = {}  # verb -> first block
    block_verbs: dict[int, list[_Verb]] = {}
    seen: dict[tuple[Hashable, ...], str] = {}
    label = None

    def emit(pat: Pattern, line: str) -> None:
        previous = seen.get(pat.key)
        if previous is None:
            seen[pat.key] = pat.code
            result.patterns.append(pat)
        elif previous == pat.code:
            result.skip("duplicate trigger (same code)", line)
        else:
            result.skip("duplicate trigger with another code (first kept)", line)

    for raw in lines:
        content, comment = _strip_comment(raw)
        stripped = content.strip()
        if not stripped:
            continue
        if stripped.startswith("&"):
            label = stripped
            continue
        if label is not None and stripped.startswith("+") and block < 0:
            continue  # synset member (read in pass 1)
        label = None
        if stripped.startswith("~"):
            result.skip("transformation (~)", raw)
            continue
        if stripped.startswith("---"):
            header = _HEADER_RE.match(stripped)
            block += 1
            result.blocks += 1
            block_code = (header.group("code") or "---") if header else "---"
            block_verbs[block] = []
            continue
        if block < 0:
            continue  # preamble outside any block
        if stripped.startswith("-"):
            result.pattern_lines += 1
            verbs = block_verbs[block]
            args = (synsets, verb_lemmas, table, scope, source, result, emit)
            _import_pattern(stripped[1:], comment, raw, verbs, *args)
            continue
        result.verb_lines += 1
        try:
            verb, own_code = _parse_verb_line(content, block, raw)
        except _Skip as exc:
            result.skip(str(exc), raw)
            continue
        vkey = (verb.lemma, verb.particle, verb.prep)
        if vkey in owner:
            result.skip("verb already defined in an earlier block", raw)
            continue
        owner[vkey] = block
        block_verbs[block].append(verb)
        try:
            code = _check_code(own_code if own_code is not None else block_code, table, result)
        except _Skip as exc:
            result.skip(f"verb: {exc}", raw)
            continue
        cons = _Constraints(prep=(verb.prep,) if verb.prep else (), particle=verb.particle)
        emit(_pattern(verb.lemma, code, cons, raw, source), raw)
    return result


def _import_pattern(
    body: str,
    comment: str,
    raw: str,
    verbs: Sequence[_Verb],
    synsets: Synsets,
    verb_lemmas: set[str],
    table: CameoTable,
    scope: Scope,
    source: str,
    result: PetrarchImport,
    emit: Callable[[Pattern, str], None],
) -> None:
    match = _TRAILING_CODE_RE.search(body)
    if not match:
        result.skip("pattern without a [code]", raw)
        return
    try:
        code = _check_code(match.group("code"), table, result)
        cons = _parse_pattern(body[: match.start()], synsets, verb_lemmas, result)
    except _Skip as exc:
        result.skip(f"pattern: {exc}", raw)
        return
    targets = list(verbs)
    if scope == "comment" and comment:
        named = comment.split()[0].lstrip("+").replace("_+", "_").lower()
        chosen = [v for v in verbs if named in (v.lemma, f"{v.lemma}_{v.particle or v.prep}")]
        targets = chosen or targets
    if not targets:
        result.skip("pattern in a block without usable verbs", raw)
        return
    for verb in targets:
        if (verb.particle and cons.particle) or (verb.prep and cons.prep):
            result.skip("pattern conflicts with the multi-word verb", raw)
            continue
        merged = replace(
            cons,
            particle=cons.particle or verb.particle,
            prep=cons.prep or ((verb.prep,) if verb.prep else ()),
        )
        emit(_pattern(verb.lemma, code, merged, raw, source), raw)


def _pattern(lemma: str, code: str, cons: _Constraints, line: str, source: str) -> Pattern:
    parts: dict[str, Any] = {
        "object": cons.object,
        "prep": cons.prep,
        "particle": cons.particle,
        "xcomp": cons.xcomp,
    }
    return Pattern(
        id=ID_PREFIX + _make_id("VERB", lemma, code, parts),
        lemma=lemma,
        pos="VERB",
        code=code,
        object=cons.object,
        prep=cons.prep,
        particle=cons.particle,
        xcomp=cons.xcomp,
        note=" ".join(line.split()),  # the original line, column padding collapsed
        source=source,
    )


def load_petrarch_verbs(
    path: str | Path, cameo: CameoTable | None = None, *, scope: Scope = "block"
) -> list[Pattern]:
    """The patterns of :func:`import_petrarch_verbs` (use that for the skip counts)."""
    return import_petrarch_verbs(path, cameo, scope=scope).patterns


# -- YAML export -------------------------------------------------------------------------
def _entry(pat: Pattern) -> dict[str, Any]:
    entry: dict[str, Any] = {"lemma": pat.lemma, "pos": pat.pos, "code": pat.code}
    for name in ("object", "prep", "compound", "xcomp", "advmod"):
        value = getattr(pat, name)
        if value:
            entry[name] = list(dict.fromkeys(value))
    if pat.particle:
        entry["particle"] = pat.particle
    if pat.reciprocal:
        entry["reciprocal"] = True
    if pat.note:
        entry["note"] = pat.note
    return entry


def _problem(entry: dict[str, Any], table: CameoTable) -> str | None:
    for key, value in entry.items():
        problem = SCHEMA[key].check(value)
        if problem:
            return f"{key}: {problem}"
    if entry["code"] not in table:
        return f"code {entry['code']!r} is not in the CAMEO table"
    if "particle" in entry and entry["pos"] != "VERB":
        return "particle on a non-VERB entry"
    if "compound" in entry and entry["pos"] != "NOUN":
        return "compound on a non-NOUN entry"
    return None


# words a YAML 1.1 reader would not read back as plain strings
_YAML_RESERVED = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})


def _scalar(value: Any, key: str) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if key == "pos" and text.isalpha():
        return text
    if key != "code" and _WORD_RE.match(text) and text not in _YAML_RESERVED:
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _flow(entry: dict[str, Any]) -> str:
    """One entry as a YAML flow mapping (much faster than yaml.safe_dump per entry)."""
    items = []
    for key, value in entry.items():
        if isinstance(value, list):
            shown = "[" + ", ".join(_scalar(v, key) for v in value) + "]"
        else:
            shown = _scalar(value, key)
        items.append(f"{key}: {shown}")
    return "{" + ", ".join(items) + "}"


def write_patterns_yaml(
    patterns: Iterable[Pattern],
    path: str | Path,
    cameo: CameoTable | None = None,
    *,
    header: str = "",
) -> list[tuple[Pattern, str]]:
    """Write ``patterns`` as an eventwire pattern file (``version: 1``, one flow mapping per
    entry).  Entries that would not validate, and repeated triggers (same lemma, pos and
    constraints: the first is kept), are dropped; returns the dropped (pattern, reason)."""
    table = cameo if cameo is not None else load_default_table()
    dropped: list[tuple[Pattern, str]] = []
    seen: set[tuple[Hashable, ...]] = set()
    out = [f"# {line}".rstrip() for line in header.splitlines()]
    out += ["version: 1", "patterns:"]
    count = 0
    for pat in patterns:
        entry = _entry(pat)
        problem = _problem(entry, table)
        if problem is None and pat.key in seen:
            problem = "repeated trigger and constraints (first kept)"
        if problem is not None:
            dropped.append((pat, problem))
            continue
        seen.add(pat.key)
        out.append(f"  - {_flow(entry)}")
        count += 1
    if count == 0:
        out[-1] = "patterns: []"
    Path(path).write_text("\n".join(out) + "\n", encoding="utf-8")
    return dropped
