"""The trigger-pattern dictionary: verb and noun lemmas mapped to CAMEO codes.

The dictionary is YAML (packaged default: ``eventwire/data/patterns.yaml``; its header
documents the format).  :meth:`PatternDictionary.load` reads one or more files, validates
every entry against :data:`SCHEMA` *before* compiling anything, and reports all bad entries
of all files at once in one :class:`~eventwire.errors.DictionaryError`.

Semantics of the constraint fields (all optional, all "one of" lists of lowercase lemmas):

``object``     one of these must be the direct object (dobj) of the trigger (light verbs:
               "hold talks", "impose sanctions").
``prep``       the target is the object of one of these prepositions, attached to the
               trigger, or to the object when ``object`` is set; the entry needs such a
               prepositional phrase.  Without ``prep`` the target is the direct object
               (VERB) or absent (NOUN).
``particle``   the phrasal particle (dep ``prt``) the verb must have ("call off").
``compound``   NOUN only: a ``compound`` or ``amod`` modifier of the noun ("phone call",
               "humanitarian aid", "car bombing").
``xcomp``      the verb must govern one of these lemmas via ``xcomp``/``ccomp``
               ("agree to cooperate", "vow to retaliate").
``advmod``     an adverbial modifier (dep ``advmod``) the verb must have ("speak highly of").
``means``      the object of a preposition of means (by, over, on, via) the verb must have
               ("spoke by telephone", "talked over the phone", "met via video link").
``modal``      the verb must govern a complement clause whose verb carries one of these modal
               auxiliaries ("said Y must withdraw" -> a demand on Y, the clause's subject).
``reciprocal`` the event is symmetric: joint subjects yield events both ways.

When several files are loaded, a later file's entry with the same trigger and constraints
(lemma, pos and all constraint fields) replaces the earlier one; within one file such
a repetition is an error.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from eventwire.errors import DictionaryError
from eventwire.events.cameo import CameoTable, load_default_table

__all__ = [
    "CURRENCIES",
    "LIST_FIELDS",
    "POS_VALUES",
    "SCHEMA",
    "Pattern",
    "PatternDictionary",
    "load_default_patterns",
]

#: Currency nouns: an object word "money" also stands for an amount in one ("100 million euros"), as for
#: any MONEY entity ("$5 million"); not "pound", also a weight ("2,000 pounds of food").
CURRENCIES = frozenset(
    {"euro", "yuan", "renminbi", "yen", "rupee", "ruble", "rouble", "franc", "peso", "dinar",
     "riyal", "rial", "lira", "shekel", "krona", "krone", "ringgit", "rupiah", "baht", "hryvnia", "naira"}
)  # fmt: skip

POS_VALUES = ("VERB", "NOUN")
LIST_FIELDS = ("object", "object_mod", "prep", "compound", "xcomp", "advmod", "means", "modal")
#: fields whose presence makes an entry fire in fewer contexts (ranked first by candidates()).
CONSTRAINT_FIELDS = ("object", "object_mod", "xcomp", "particle", "compound", "advmod", "means", "modal")

_WORD_RE = re.compile(r"^[a-z][a-z0-9'\-]*$")
_CODE_RE = re.compile(r"^\d{2,4}$")


# -- schema ----------------------------------------------------------------------------
Check = Callable[[Any], str | None]


def _word(value: Any) -> str | None:
    if not isinstance(value, str):
        return f"must be a string, got {type(value).__name__}"
    if not _WORD_RE.match(value):
        return f"{value!r} is not a lowercase lemma (one word: a-z, digits, ' or -)"
    return None


def _word_list(value: Any) -> str | None:
    if not isinstance(value, list):
        return f"must be a list of lemmas, got {type(value).__name__} {value!r}"
    if not value:
        return "must not be an empty list"
    for item in value:
        problem = _word(item)
        if problem:
            return f"item {item!r}: {problem}"
    if len(set(value)) != len(value):
        return "has repeated items"
    return None


def _pos(value: Any) -> str | None:
    return None if value in POS_VALUES else f"must be one of {', '.join(POS_VALUES)}, got {value!r}"


def _code(value: Any) -> str | None:
    if not isinstance(value, str):
        return f'must be a quoted string such as "051", got {type(value).__name__} {value!r}'
    if not _CODE_RE.match(value):
        return f"{value!r} is not a CAMEO code (2-4 digits)"
    return None


def _bool(value: Any) -> str | None:
    return None if isinstance(value, bool) else f"must be true or false, got {value!r}"


def _text(value: Any) -> str | None:
    return None if isinstance(value, str) else f"must be a string, got {type(value).__name__}"


@dataclass(frozen=True, slots=True)
class FieldSpec:
    check: Check
    required: bool = False


#: The entry schema: key -> (validator, required).
SCHEMA: Mapping[str, FieldSpec] = MappingProxyType(
    {
        "lemma": FieldSpec(_word, required=True),
        "pos": FieldSpec(_pos, required=True),
        "code": FieldSpec(_code, required=True),
        "object": FieldSpec(_word_list),
        "object_mod": FieldSpec(_word_list),
        "prep": FieldSpec(_word_list),
        "particle": FieldSpec(_word),
        "compound": FieldSpec(_word_list),
        "xcomp": FieldSpec(_word_list),
        "advmod": FieldSpec(_word_list),
        "means": FieldSpec(_word_list),
        "modal": FieldSpec(_word_list),
        "reciprocal": FieldSpec(_bool),
        "note": FieldSpec(_text),
    }
)

TOP_LEVEL_KEYS = frozenset({"version", "patterns"})
SUPPORTED_VERSIONS = frozenset({1})


# -- compiled patterns -----------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Pattern:
    """One compiled dictionary entry. ``id`` is unique within a :class:`PatternDictionary`."""

    id: str  # "verb:hail:051", or with constraints "verb:hold:040[object=talk|talks;prep=with]"
    lemma: str
    pos: str  # "VERB" | "NOUN"
    code: str
    object: tuple[str, ...] = ()
    object_mod: tuple[str, ...] = ()  # a modifier the object must carry ("joint exercises")
    prep: tuple[str, ...] = ()
    particle: str | None = None
    compound: tuple[str, ...] = ()
    xcomp: tuple[str, ...] = ()
    advmod: tuple[str, ...] = ()
    means: tuple[str, ...] = ()
    modal: tuple[str, ...] = ()
    reciprocal: bool = False
    note: str = ""
    source: str = ""  # the file the entry came from

    @property
    def specificity(self) -> tuple[int, int]:
        """(number of hard constraints, 1 if ``prep`` is set): higher sorts first."""
        hard = sum(1 for name in CONSTRAINT_FIELDS if getattr(self, name))
        return hard, 1 if self.prep else 0

    @property
    def key(self) -> tuple[Hashable, ...]:
        """Trigger and constraints, regardless of code: what must be unique per file."""
        return (
            self.lemma,
            self.pos,
            frozenset(self.object),
            frozenset(self.object_mod),
            frozenset(self.prep),
            self.particle,
            frozenset(self.compound),
            frozenset(self.xcomp),
            frozenset(self.advmod),
            frozenset(self.means),
            frozenset(self.modal),
        )

    def matches_object(self, lemma: str | None) -> bool:
        return not self.object or (lemma is not None and lemma in self.object)


def _make_id(pos: str, lemma: str, code: str, parts: Mapping[str, Any]) -> str:
    base = f"{pos.lower()}:{lemma}:{code}"
    cons: list[str] = []
    for name in ("particle", *LIST_FIELDS):
        value = parts.get(name)
        if value:
            shown = value if isinstance(value, str) else "|".join(value)
            cons.append(f"{name}={shown}")
    return f"{base}[{';'.join(cons)}]" if cons else base


def _entry_label(index: int, entry: Any) -> str:
    lemma = entry.get("lemma") if isinstance(entry, dict) else None
    return f"entry {index} (lemma {lemma!r})" if isinstance(lemma, str) else f"entry {index}"


def _validate_document(doc: Any, cameo: CameoTable) -> tuple[list[dict[str, Any]], list[str]]:
    """Schema-check a parsed YAML document; returns (valid entries, problems)."""
    problems: list[str] = []
    if not isinstance(doc, dict):
        return [], [f"top level must be a mapping with 'version' and 'patterns', got {type(doc).__name__}"]
    for key in sorted(set(doc) - TOP_LEVEL_KEYS, key=str):
        problems.append(f"unknown top-level key {key!r}")
    if doc.get("version") not in SUPPORTED_VERSIONS:
        problems.append(f"'version' must be one of {sorted(SUPPORTED_VERSIONS)}, got {doc.get('version')!r}")
    entries = doc.get("patterns")
    if not isinstance(entries, list):
        problems.append(f"'patterns' must be a list, got {type(entries).__name__}")
        return [], problems
    good: list[dict[str, Any]] = []
    for index, entry in enumerate(entries):
        label = _entry_label(index, entry)
        if not isinstance(entry, dict):
            problems.append(f"{label}: must be a mapping, got {type(entry).__name__} {entry!r}")
            continue
        entry_problems: list[str] = []
        for key in entry:
            if key not in SCHEMA:
                entry_problems.append(f"unknown key {key!r}")
        for key, spec in SCHEMA.items():
            if key not in entry:
                if spec.required:
                    entry_problems.append(f"missing required key {key!r}")
                continue
            problem = spec.check(entry[key])
            if problem:
                entry_problems.append(f"{key!r} {problem}")
        code = entry.get("code")
        if isinstance(code, str) and _CODE_RE.match(code) and code not in cameo:
            entry_problems.append(f"code {code!r} is not in the CAMEO table")
        if "compound" in entry and entry.get("pos") != "NOUN":
            entry_problems.append("'compound' is only allowed for NOUN entries")
        if "particle" in entry and entry.get("pos") != "VERB":
            entry_problems.append("'particle' is only allowed for VERB entries")
        if entry_problems:
            problems.extend(f"{label}: {p}" for p in entry_problems)
        else:
            good.append({"__index__": index, **entry})
    return good, problems


def _compile(entry: Mapping[str, Any], source: str) -> Pattern:
    pos, lemma, code = entry["pos"], entry["lemma"], entry["code"]
    return Pattern(
        id=_make_id(pos, lemma, code, entry),
        lemma=lemma,
        pos=pos,
        code=code,
        object=tuple(entry.get("object", ())),
        object_mod=tuple(entry.get("object_mod", ())),
        prep=tuple(entry.get("prep", ())),
        particle=entry.get("particle"),
        compound=tuple(entry.get("compound", ())),
        xcomp=tuple(entry.get("xcomp", ())),
        advmod=tuple(entry.get("advmod", ())),
        means=tuple(entry.get("means", ())),
        modal=tuple(entry.get("modal", ())),
        reciprocal=bool(entry.get("reciprocal", False)),
        note=entry.get("note", ""),
        source=source,
    )


class _Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 booleans: only true/false are booleans, so that the
    prepositions and particles ``on``/``off`` (and ``yes``/``no``) stay strings."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _default_path() -> tuple[str, str]:
    ref = resources.files("eventwire") / "data" / "patterns.yaml"
    return str(ref), ref.read_text(encoding="utf-8")


@dataclass(frozen=True, slots=True)
class PatternDictionary:
    """An immutable, validated pattern dictionary with lookup by (lemma, pos)."""

    patterns: tuple[Pattern, ...]
    index: Mapping[tuple[str, str], tuple[Pattern, ...]]
    sources: tuple[str, ...]

    @classmethod
    def load(
        cls,
        paths: Sequence[str | Path] | None = None,
        cameo: CameoTable | None = None,
        *,
        include_default: bool = False,
    ) -> PatternDictionary:
        """Load, validate and compile pattern files.

        ``paths=None`` loads the packaged dictionary.  With ``include_default=True`` the
        packaged dictionary is loaded first and ``paths`` are added on top of it (their
        entries replace packaged ones with the same trigger and constraints).  Every problem
        of every file is reported in one :class:`DictionaryError`.
        """
        table = cameo if cameo is not None else load_default_table()
        texts: list[tuple[str, str | None, str | None]] = []  # (where, text, read error)
        if paths is None or include_default:
            texts.append((*_default_path(), None))
        for path in paths or ():
            try:
                texts.append((str(path), Path(path).read_text(encoding="utf-8"), None))
            except OSError as exc:
                texts.append((str(path), None, f"cannot read file: {exc}"))
        return cls._build(texts, table)

    @classmethod
    def from_text(
        cls, text: str, cameo: CameoTable | None = None, where: str = "<string>"
    ) -> PatternDictionary:
        table = cameo if cameo is not None else load_default_table()
        return cls._build([(where, text, None)], table)

    @classmethod
    def _build(
        cls, texts: Sequence[tuple[str, str | None, str | None]], table: CameoTable
    ) -> PatternDictionary:
        multi = len(texts) > 1
        problems: list[str] = []
        bad_files: list[str] = []
        validated: list[tuple[str, list[dict[str, Any]]]] = []
        # 1. schema validation of every file, nothing compiled yet
        for where, text, read_error in texts:
            file_problems: list[str] = []
            entries: list[dict[str, Any]] = []
            if read_error is not None or text is None:
                file_problems.append(read_error or "cannot read file")
            else:
                try:
                    doc = yaml.load(text, Loader=_Loader)  # SafeLoader subclass
                except yaml.YAMLError as exc:
                    file_problems.append(f"not valid YAML: {exc}")
                else:
                    entries, file_problems = _validate_document(doc, table)
            if file_problems:
                bad_files.append(where)
                problems.extend(f"{where}: {p}" if multi else p for p in file_problems)
            validated.append((where, entries))
        # 2. duplicate / conflicting triggers inside each file
        for where, entries in validated:
            seen: dict[tuple[Hashable, ...], tuple[int, str]] = {}
            for entry in entries:
                pat = _compile(entry, where)
                index = entry["__index__"]
                if pat.key in seen:
                    first, code = seen[pat.key]
                    what = "duplicate of" if code == pat.code else f"same trigger as (code {code!r}) in"
                    msg = f"{_entry_label(index, entry)}: {what} entry {first}"
                    problems.append(f"{where}: {msg}" if multi else msg)
                    if where not in bad_files:
                        bad_files.append(where)
                else:
                    seen[pat.key] = (index, pat.code)
        if problems:
            raise DictionaryError(", ".join(bad_files), problems)
        # 3. compile; later files override earlier entries with the same key
        compiled = [_compile(entry, where) for where, entries in validated for entry in entries]
        return cls._index(compiled, tuple(w for w, _, _ in texts))

    @classmethod
    def from_patterns(cls, patterns: Sequence[Pattern], cameo: CameoTable | None = None) -> PatternDictionary:
        """A dictionary from compiled patterns (e.g. imported ones); later entries with the same
        trigger and constraints replace earlier ones.  Codes must be in ``cameo``."""
        table = cameo if cameo is not None else load_default_table()
        bad = [f"{p.id}: unknown CAMEO code {p.code!r}" for p in patterns if p.code not in table]
        if bad:
            raise DictionaryError("<patterns>", bad)
        return cls._index(list(patterns), tuple(dict.fromkeys(p.source for p in patterns)))

    @classmethod
    def _index(cls, compiled: Sequence[Pattern], sources: tuple[str, ...]) -> PatternDictionary:
        by_key: dict[tuple[Hashable, ...], Pattern] = {}
        for pat in compiled:
            by_key.pop(pat.key, None)
            by_key[pat.key] = pat
        patterns = tuple(by_key.values())
        ids: dict[str, int] = {}
        unique: list[Pattern] = []
        for pat in patterns:  # ids are unique by construction except for list order variants
            n = ids.get(pat.id, 0)
            ids[pat.id] = n + 1
            unique.append(pat if n == 0 else _with_id(pat, f"{pat.id}#{n + 1}"))
        grouped: dict[tuple[str, str], list[Pattern]] = {}
        for pat in unique:
            grouped.setdefault((pat.lemma, pat.pos), []).append(pat)
        index = {
            key: tuple(sorted(group, key=lambda p: (-p.specificity[0], -p.specificity[1])))
            for key, group in grouped.items()
        }
        return cls(tuple(unique), MappingProxyType(index), sources)

    # -- lookups ------------------------------------------------------------------------
    def candidates(self, lemma: str, pos: str) -> Sequence[Pattern]:
        """Patterns for a token, most specific first (constrained entries before plain ones).

        Order: more hard constraints (object/xcomp/particle/compound/advmod/modal) first, then
        entries with ``prep`` before those without, then file order.  ``lemma`` is
        lowercased; ``pos`` "PROPN" is not looked up (only VERB and NOUN).
        """
        return self.index.get((lemma.lower(), pos), ())

    def get(self, pattern_id: str) -> Pattern:
        for pat in self.patterns:
            if pat.id == pattern_id:
                return pat
        raise KeyError(f"no pattern with id {pattern_id!r}")

    def codes(self) -> set[str]:
        return {p.code for p in self.patterns}

    def lemmas(self, pos: str | None = None) -> set[str]:
        return {p.lemma for p in self.patterns if pos is None or p.pos == pos}

    def __iter__(self) -> Iterator[Pattern]:
        return iter(self.patterns)

    def __len__(self) -> int:
        return len(self.patterns)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, tuple) and len(item) == 2:
            return item in self.index
        return False


def _with_id(pat: Pattern, new_id: str) -> Pattern:
    return replace(pat, id=new_id)


@lru_cache(maxsize=1)
def load_default_patterns() -> PatternDictionary:
    """The packaged dictionary validated against the packaged CAMEO table (cached)."""
    return PatternDictionary.load()
