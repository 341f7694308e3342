"""Whom a referring word stands for: pronouns ("he", "its", "they", "both", "each other") taken up
from the actors an article named before them, and the memory of those actors (a mixin of
:class:`~eventwire.actors.mentions.ArticleActors`, which resolves the phrases and fills the memory)."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from typing import Any

from eventwire.actors.dictionary import AgentTable, CountryTable, resolve_phrase
from eventwire.actors.words import (
    FEMALE_NOUNS,
    MALE_NOUNS,
    PERSON_LABELS,
    PERSON_NOUNS,
    coordinated_objects,
    quote_speaker,
)
from eventwire.models import ActorMention

__all__ = ["GROUP_PRONOUNS", "PERSON_PRONOUNS", "RECIPROCAL", "THING_PRONOUNS", "References", "Remembered"]

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
THING_PRONOUNS = frozenset({"its", "it"})
GROUP_PRONOUNS = frozenset({"they", "them", "their"})
RECIPROCAL = frozenset({"each other", "one another"})
#: Pronouns of a woman ("she" never takes up "the king").
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
#: Entity labels of names that a possessive "its" may stand for.
NAME_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON", "FAC"})
# Sectors of a country's state bodies: "their government", "their army" belong to the plural subject.
STATE_BODY_SECTORS = frozenset({"GOV", "LEG", "MIL", "COP", "JUD", "SPY"})


@dataclass(frozen=True, slots=True)
class Remembered:
    """A resolved mention remembered for later reference."""

    token_i: int
    sentence: int
    mention: ActorMention
    is_person: bool
    plural: bool
    role: bool = False  # a singular office or part ("the mayor"): a subject "he" may take it up


class References:
    """Pronoun resolution over the article's memory of actors; the memory, the sentence index and the
    phrase resolver come from :class:`~eventwire.actors.mentions.ArticleActors`."""

    doc: Any
    countries: CountryTable
    agents: AgentTable
    _memory: list[Remembered]
    _sent_starts: list[int]

    def mention(self, token: Any) -> ActorMention | None:
        raise NotImplementedError

    def is_thing(self, token: Any) -> bool:
        raise NotImplementedError

    def sentence_index(self, token: Any) -> int:
        raise NotImplementedError

    def _recent(self, accept: Any, before: int | None = None, window: int = 3) -> Remembered | None:
        here = max(0, bisect_right(self._sent_starts, before) - 1) if before is not None else 0
        for entry in reversed(self._memory):
            if before is not None and entry.token_i >= before:
                continue
            if before is not None and here - entry.sentence > window:
                return None
            if accept(entry):
                return entry
        return None

    def _resolve_pronoun(self, token: Any) -> ActorMention | None:
        low = token.lower_
        if low in PERSON_PRONOUNS:
            # a subject "he" continues the latest person subject ("Trump met Putin. He said ..."
            # is Trump), else the latest person
            speaker = quote_speaker(token)  # 'Goel said, "He was an excellent politician"': not Goel
            entry = (
                self._subject_entry(
                    token,
                    lambda e: (
                        e.token_i != speaker and (_a_person(e) or self._role_antecedent(e, token, speaker))
                    ),
                )
                if token.dep_ == "nsubj"
                else None
            )
            if entry is None and low in {"him", "her"} and token.dep_ in {"dobj", "pobj"}:
                return self._refer(token, self._object_person(token, speaker), "coref:pronoun")
            entry = entry or self._recent(lambda e: e.is_person and e.token_i != speaker, before=token.i)
            return self._refer(token, entry, "coref:pronoun")
        if low in THING_PRONOUNS:  # "its jets": the latest non-person actor
            settled, owner = self._subject_owner(token) if token.dep_ == "poss" else (False, None)
            if settled:
                return owner
            entry = self._recent(
                lambda e: not e.is_person and bool(e.mention.country), before=token.i, window=1
            )
            subject = self._latest_subject(token) if token.dep_ in {"nsubj", "nsubjpass"} else None
            if subject is not None and subject.ent_type_ not in PERSON_LABELS:
                # a subject "it" continues the latest subject: "China criticized Japan. It also
                # accused ..." is China; "A fire broke out ... It killed nine" is no actor, nor
                # is a plural ("officials confirmed it has infected 200 people": the virus)
                if subject.tag_ == "NNS":
                    return None
                found = self.mention(subject)
                if found is None or found.members:
                    return None
                return replace(
                    found,
                    text=token.text,
                    start=token.idx,
                    end=token.idx + len(token.text),
                    matched_by="coref:its",
                    antecedent=(found.start, found.end),
                )
            return self._refer(token, entry, "coref:its")
        if low == "both" and token.dep_ in {"nsubj", "nsubjpass"}:  # "X met Y, and both criticized Z"
            return self._last_two(token)
        if low == "them" and token.dep_ == "dobj" and self._shared_thing(token):
            return None  # "obtained the Telegram messages ... and released them": the messages
        if low == "their" and token.dep_ == "poss" and self._state_body(token.head):
            # "Chinese citizens criticized their government": the clause's own plural subject's
            own = self._clause_subject(token)
            entry = next((e for e in reversed(self._memory) if e.token_i == own and e.plural), None)
            if entry is not None and entry.mention.country:
                return self._refer(token, entry, "coref:own")
        if low in GROUP_PRONOUNS or low in RECIPROCAL or (low == "other" and token.head.lower_ == "each"):
            entry = self._recent(lambda e: e.plural and bool(e.mention.members), before=token.i, window=1)
            if entry is None and low in GROUP_PRONOUNS and token.dep_ in {"nsubj", "nsubjpass"}:
                # a subject "they" continues the latest plural subject: "The protesters clashed with
                # the police ... As they tried to storm parliament" are the protesters
                entry = self._subject_entry(
                    token, lambda e: e.plural and not e.is_person and bool(e.mention.code)
                )
            if entry is None and low in GROUP_PRONOUNS:
                # "protesters gathered ... and police arrested 20 of them": the latest plural group
                # other than the subject of the pronoun's own clause
                own = self._clause_subject(token)
                own_code = next((e.mention.code for e in self._memory if e.token_i == own), None)
                entry = self._recent(
                    lambda e: (
                        e.plural
                        and not e.is_person
                        and e.token_i != own
                        and e.mention.code != own_code  # "police fired tear gas at them": not the police
                        and bool(e.mention.code)
                    ),
                    before=token.i,
                    window=1,
                )
            return self._refer(token, entry, "coref:group")
        return None

    def _object_person(self, token: Any, speaker: int) -> Remembered | None:
        """Whom an object "him" or "her" stands for: the nearest singular person or agent of its sentence
        other than its clause's subject ("opened a case against the driver and detained him"), else a
        person of the sentence before, else a singular agent of the sentence before ("The gunman opened
        fire. A police officer shot him": the gunman, though a mayor was named two sentences earlier),
        else the latest person — never the subject's own referent ("Putin met Trump. Trump praised him":
        Putin)."""
        own = self._clause_subject(token)
        owns = {t.i for t in self.doc[own].subtree} if own >= 0 else set()  # "police officer"
        referent = self.mention(self.doc[own]) if own >= 0 else None  # "He praised him"
        taken = {(referent.start, referent.end), referent.antecedent} if referent else set()
        here = self.sentence_index(token)

        words = referent.text.split() if referent is not None else []
        name = words[-1] if words else ""

        def other(e: Remembered) -> bool:
            if e.token_i in owns or (e.mention.start, e.mention.end) in taken:
                return False
            return not (e.is_person and name[:1].isupper() and e.mention.text.split()[-1] == name)

        def agent_in(back: int) -> Remembered | None:
            return self._recent(
                lambda e: (
                    e.sentence == here - back
                    and other(e)
                    and not e.plural
                    and (e.is_person or e.mention.matched_by.startswith(("agent:", "memory:title")))
                    and self.doc[e.token_i].pos_ != "PRON"
                ),
                before=token.i,
                window=back,
            )

        def person(window: int) -> Remembered | None:
            return self._recent(
                lambda e: e.is_person and e.token_i != speaker and other(e), before=token.i, window=window
            )

        return agent_in(0) or person(1) or agent_in(1) or person(3)

    def _subject_entry(self, token: Any, accept: Any) -> Remembered | None:
        """The latest remembered actor that was a subject, in the sentence of ``token`` (before it) or
        the one before."""
        here = self.sentence_index(token)
        for entry in reversed(self._memory):
            if entry.token_i >= token.i:
                continue
            if here - entry.sentence > 1:
                return None
            if self.doc[entry.token_i].dep_ in {"nsubj", "nsubjpass"} and accept(entry):
                return entry
        return None

    def _latest_subject(self, token: Any) -> Any | None:
        """The latest nominal subject before ``token`` in its sentence or the one before."""
        here = self.sentence_index(token)
        start = self._sent_starts[max(0, here - 1)]
        for i in range(token.i - 1, start - 1, -1):
            t = self.doc[i]
            if t.dep_ in {"nsubj", "nsubjpass"} and t.pos_ in {"NOUN", "PROPN"}:
                return t
        return None

    def _shared_thing(self, token: Any) -> bool:
        """Whether an object "them" takes up the plural thing its coordinated verb acted on ("obtained
        the messages and released them")."""
        return any(self.is_thing(obj) for obj in coordinated_objects(token))

    def _state_body(self, token: Any) -> bool:
        """Whether a common noun names a state's body by itself ("government", "leaders", "army")."""
        found = resolve_phrase(token.text, self.countries, self.agents)
        return found is not None and not found[0].country and found[0].sector in STATE_BODY_SECTORS

    def _role_antecedent(self, entry: Remembered, pronoun: Any, speaker: int) -> bool:
        """Whether a subject "he" or "she" may take up an unnamed office or part ("The mayor said he
        ..."): outside a quotation, of the pronoun's sex, and with no named person since ("The king met
        Theresa May. She ..." is May)."""
        if not entry.role or speaker >= 0:
            return False
        word = self.doc[entry.token_i].lower_
        if word in (MALE_NOUNS if pronoun.lower_ in FEMALE_PRONOUNS else FEMALE_NOUNS):
            return False
        return not any(
            _a_person(e) and e.sentence >= entry.sentence and e.token_i < pronoun.i for e in self._memory
        )

    def _subject_owner(self, token: Any) -> tuple[bool, ActorMention | None]:
        """Whether the subject of its own clause settles whom a possessive "its" stands for, and as whom:
        "The Grayback was short on torpedoes from its recent attack" is the submarine's, an actor or
        nobody, never an earlier actor (a person subject gives its country: "Erdogan was proud of its
        army"); a thing's "its" is nobody's, also when the thing has an owner ("the Syrian army's attack
        killed its soldiers": not the army's). Not settled when a name stands between ("attacked Syria
        and its allies") or when an unnamed subject that is no thing is not resolved ("the country was
        living up to its pact": the country named before)."""
        owner = self._thing_subject(token)
        if owner is None or self._named_between(owner, token):
            return False, None
        found = self.mention(owner)
        if found is not None and not found.start <= owner.idx < found.end:
            return True, None  # "the Syrian army's attack killed its soldiers": a thing's, not its owner's
        if found is None:
            # an unknown name or a thing ("the submarine Tautog") owns it; "the country was living up
            # to its pact" is the country named before
            names = [c for c in owner.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
            named = owner.pos_ == "PROPN" or bool(names)
            return (True, None) if named or self.is_thing(owner) else (False, None)
        if found.members:
            return True, None
        its = replace(found, text=token.text, start=token.idx, end=token.idx + len(token.text))
        return True, replace(its, matched_by="coref:its", antecedent=(found.start, found.end))

    def _named_between(self, first: Any, last: Any) -> bool:
        """Whether an actor or a name stands between a subject phrase and a later word ("attacked Syria
        and its allies": "its" may be Syria's)."""
        after = max(t.i for t in first.subtree)  # "the submarine Tautog": its own name is no other
        if any(after < e.token_i < last.i for e in self._memory):
            return True
        return any(t.ent_type_ in NAME_LABELS for t in self.doc[after + 1 : last.i])

    @staticmethod
    def _thing_subject(token: Any) -> Any | None:
        """The singular noun subject, before a possessive "its", of the clause that holds it (not the
        subject "its" is part of), when a thing can own: no person, office or plural."""
        node = token.head
        for _ in range(8):
            if node.pos_ in {"VERB", "AUX"}:
                subject = next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
                if subject is None or subject.i > token.i or token in subject.subtree:
                    return None
                if subject.pos_ not in {"NOUN", "PROPN"} or subject.tag_ == "NNS":
                    return None
                if subject.lower_ in PERSON_NOUNS:
                    return None
                return subject
            if node.head.i == node.i:
                return None
            node = node.head
        return None

    @staticmethod
    def _clause_subject(token: Any) -> int:
        """The token index of the subject of the clause a word belongs to (-1 if none)."""
        node = token
        for _ in range(6):
            if node.pos_ in {"VERB", "AUX"}:
                for c in node.children:
                    if c.dep_ in {"nsubj", "nsubjpass"}:
                        return int(c.i)
                return -1
            if node.head.i == node.i:
                return -1
            node = node.head
        return -1

    @staticmethod
    def _refer(token: Any, entry: Remembered | None, how: str) -> ActorMention | None:
        """The referring word as a mention of ``entry``'s actor, keeping the antecedent's span and,
        for a person, the antecedent's surname ("coref:pronoun+name:Warren": "she" is not the "Joe
        Biden" she endorses, though both are former officials of one country)."""
        if entry is None:
            return None
        words = entry.mention.text.split()
        if _a_person(entry) and words and words[-1].istitle() and words[-1].isalpha():
            how = f"{how}+name:{words[-1]}"
        return replace(
            entry.mention,
            text=token.text,
            start=token.idx,
            end=token.idx + len(token.text),
            matched_by=how,
            antecedent=(entry.mention.start, entry.mention.end),
        )

    def _last_two(self, token: Any) -> ActorMention | None:
        """The two latest distinct actors of the sentence before ``token``, as a joint actor."""
        sentence = self.sentence_index(token)
        picked: list[ActorMention] = []
        for entry in reversed(self._memory):
            if entry.token_i >= token.i:
                continue
            if entry.sentence != sentence or len(picked) == 2:
                break
            distinct = all(p.identity != entry.mention.identity for p in picked)
            inside = any(p.start <= entry.mention.start < p.end for p in picked)
            if entry.mention.identity and distinct and not inside:
                picked.append(entry.mention)
        if len(picked) < 2:
            return None
        members = tuple(p.identity for p in reversed(picked))
        spans = tuple((p.start, p.end) for p in reversed(picked))
        end = token.idx + len(token.text)
        return ActorMention(token.text, token.idx, end, "", "", "coref:both", members, spans)


def _a_person(entry: Remembered) -> bool:
    """A remembered mention of a person: tagged as one, or resolved as a known office-holder (the
    tagger often takes "Trump" for an organisation)."""
    return entry.is_person or entry.mention.matched_by.startswith("office-holder:")
