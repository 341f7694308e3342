"""Which sentences can hold an event, read from their words before any parse.

The coder fires only on a trigger of the pattern dictionary (or a labelling verb: "called X
'lousy'") whose other required words (an object such as "visit" for "make", a particle, a
modifier, a preposition) are in the sentence, and only with an actor to be its source; the
back-off classifier needs two actors of the dictionaries.  These are
lexical necessary conditions, so a sentence that meets none of them cannot produce an event
and need not be tagged, parsed or run through NER:

- a *pattern cue*: a form of a pattern's trigger with a form of each of its required words,
  and at least one *actor cue*: a word of the country, agent,
  office-holder or imported actor dictionaries, a personal pronoun, or a capitalised word
  that is not a stop word;
- a *back-off cue*: two words of the actor dictionaries (the back-off links a pair through
  any word).

Word forms are the lemma's regular inflections plus the irregular forms of the spaCy
pipeline's own lemmatizer exceptions, so "met" counts for "meet".  The check over-selects by
design (a capitalised word need not be an actor); what it drops cannot be coded.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from eventwire.events.patterns import Pattern
from eventwire.events.rulings import FINDING_VERBS
from eventwire.resources import Resources

CUES_VERSION = "3"
PRONOUNS = frozenset(
    {"he", "she", "they", "we", "i", "it", "his", "her", "their", "its", "our", "him", "them", "us", "who"}
)
STATEMENT_PREFIX = "01"
#: Verbs that make a statement by labelling ("called X a traitor"); kept in step with the coder's.
LABELLING_VERBS = frozenset(
    {"call", "describe", "brand", "label", "dub", "characterise", "characterize", "term"}
)


@dataclass(frozen=True, slots=True)
class Requirement:
    """What one pattern needs besides its trigger: groups of word forms (one of each group
    must occur) and the number of actor cues."""

    groups: tuple[frozenset[str], ...]
    actors: int


def inflections(lemma: str, irregular: Mapping[str, Iterable[str]] = {}) -> frozenset[str]:
    """The lower-case forms a lemma may take (over-inclusive): itself, -s, -es, -ed, -d, -ing,
    doubled final consonant, y -> ies/ied, e-dropping before -ing, and its irregular forms."""
    w = lemma.lower()
    out = {w, w + "s", w + "es", w + "ed", w + "d", w + "ing", w + w[-1:] + "ed", w + w[-1:] + "ing"}
    if w.endswith("e"):
        out.add(w[:-1] + "ing")
    if w.endswith("y"):
        out |= {w[:-1] + "ies", w[:-1] + "ied"}
    out |= set(irregular.get(w, ()))
    return frozenset(out)


class EventCues:
    """The words that let a sentence hold an event; built from the coder's dictionaries."""

    name = "eventwire.event_cues"
    version = CUES_VERSION

    def __init__(self, resources: Resources, irregular: Mapping[str, Iterable[str]]) -> None:
        """``irregular``: lemma -> irregular inflected forms (from the pipeline's lemmatizer)."""
        self._irregular = irregular
        by_form: dict[str, set[Requirement]] = {}
        for pattern in resources.patterns:
            need = self._requirement(pattern)
            for form in inflections(pattern.lemma, irregular):
                by_form.setdefault(form, set()).add(need)
        for lemma in LABELLING_VERBS | FINDING_VERBS:  # "called the deal 'lousy'", "ruled X unlawful"
            for form in inflections(lemma, irregular):
                by_form.setdefault(form, set()).add(Requirement((), 1))
        self.triggers: dict[str, tuple[Requirement, ...]] = {
            form: tuple(sorted(reqs, key=lambda r: (len(r.groups), r.actors)))
            for form, reqs in by_form.items()
        }
        lexicon = set(resources.countries.vocabulary()) | resources.agents.vocabulary()
        lexicon |= resources.people.vocabulary()
        if resources.imported_actors is not None:
            lexicon |= resources.imported_actors.vocabulary()
        # every inflected form: the coder matches dictionary words by lemma ("protesters", "soldiers")
        self.actor_words = frozenset().union(*(inflections(w, irregular) for w in lexicon))
        self.pronouns = PRONOUNS

    def _requirement(self, pattern: Pattern) -> Requirement:
        groups: list[frozenset[str]] = []
        for words in (
            pattern.object,
            pattern.object_mod,
            pattern.compound,
            pattern.xcomp,
            pattern.advmod,
            pattern.means,
        ):
            if words:
                groups.append(frozenset().union(*(inflections(w, self._irregular) for w in words)))
        if pattern.modal:
            groups.append(frozenset(w.lower() for w in pattern.modal))
        if pattern.particle:
            groups.append(frozenset({pattern.particle.lower()}))
        if pattern.prep and pattern.pos == "VERB" and not pattern.object:
            groups.append(frozenset(p.lower() for p in pattern.prep))
        return Requirement(tuple(groups), 1)

    def holds_event(self, words: Sequence[str], actor_cues: int, dictionary_actors: int) -> bool:
        """Whether a sentence of these lower-case ``words`` can hold an event, given its number
        of actor cues and of words of the actor dictionaries."""
        if dictionary_actors >= 2:
            return True  # the back-off may link two dictionary actors through any word
        present = set(words)
        forms = present.intersection(self.triggers)
        for form in forms:
            for req in self.triggers[form]:
                if actor_cues >= req.actors and all(not present.isdisjoint(g) for g in req.groups):
                    return True
        return False


def irregular_forms(nlp: object) -> dict[str, set[str]] | None:
    """lemma -> irregular forms from the pipeline's rule lemmatizer exceptions (verbs and
    nouns); None when the pipeline has no such table."""
    try:
        lemmatizer = nlp.get_pipe("lemmatizer")  # type: ignore[attr-defined]
        table = lemmatizer.lookups.get_table("lemma_exc")
    except (KeyError, AttributeError):
        return None
    out: dict[str, set[str]] = {}
    for pos in ("verb", "noun"):
        if pos not in table:
            continue
        for form, lemmas in table[pos].items():
            for lemma in lemmas:
                out.setdefault(lemma, set()).add(form)
    return out
