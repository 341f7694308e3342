"""Finding an event's arguments in a dependency parse: its source and its target.

The source is the subject, a subject inherited through control or coordination, a passive's agent, a
possessor, or the actor phrase right before a verb the parser left without a subject.  The target is
the object, the object of a listed preposition, or an actor named inside a non-actor object ("the
trust between the two countries").  :class:`ArgumentFinder` owns these rules; the coder asks it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from eventwire.actors.mentions import ArticleActors
from eventwire.actors.words import prep_objects
from eventwire.events.patterns import Pattern
from eventwire.events.sameness import same_actor
from eventwire.models import ActorMention

SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl"})
# Adjectival passives whose subject is the one who acts ("is committed to", "is prepared to").
STATIVE_PASSIVES = frozenset({"commit", "prepare", "determine", "dedicate", "devote", "resolve", "oblige"})
OBJECT_CONTROL = frozenset(
    {
        "urge",
        "call",
        "ask",
        "encourage",
        "invite",
        "press",
        "persuade",
        "tell",
        "order",
        "force",
        "help",
        "allow",
        "enable",
        "warn",
        "advise",
        "request",
        "appeal",
        # "killed the journalist, prompting the EU to condemn Russia": the EU condemns
        "prompt",
        "spur",
        "lead",
        "cause",
        "compel",
        "oblige",
        "provoke",
        "push",
        # "would like Tokyo to halve its curbs": Tokyo would halve them
        "want",
        "like",
        "wish",
        "prefer",
    }
)
INHERIT_DEPS = frozenset({"xcomp", "advcl", "conj", "ccomp", "pcomp", "acomp"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON"})
# Prepositions inside a non-actor object that may name the target, in order of preference.
TARGET_SEARCH_PREPS = ("by", "between", "with", "against", "of", "to", "toward", "towards", "from", "on")
# Roots that judge an act (disapprove, reject) and acts done to someone: "criticized the attack on Syria",
# "opposed sanctions on Russia" judge the act's author, never its victim.
JUDGING_ROOTS = frozenset({"11", "12", "14"})  # ... and protests: "protesting the shooting of Jacob Blake"
ACTS_ON = frozenset(
    {
        "attack",
        "strike",
        "airstrike",
        "sanction",
        "invasion",
        "occupation",
        "bombing",
        "raid",
        "blockade",
        "embargo",
        "aggression",
        "offensive",
        "crackdown",
        "killing",
        "shooting",
        "murder",
        "arrest",
        "detention",
        "shelling",
        "incursion",
        "annexation",
        "assault",
        "ban",
        "tariff",
        "restriction",
    }
)
# Prepositions that introduce the target of a noun trigger whose pattern names none ("a phone call with X").
NOUN_TARGET_PREPS = ("with", "to", "between", "against", "on")
# ... and of a light-verb construction or complement ("sent troops to X", "retaliate against X").
LIGHT_VERB_TARGET_PREPS = (
    "to",
    "into",
    "against",
    "on",
    "with",
    "at",
    "toward",
    "towards",
    "from",
    "around",
    "near",
    "along",
)
# Light-verb events whose object is the source's own means ("deployed warships", "sent doctors",
# "held drills"): a sector-only object is not their target.
OWN_MEANS_ROOTS = frozenset({"06", "07", "15"})
# Verbs whose object is what is said, never whom it is said to ("expressed opposition to the merger":
# the opposition is no opposition party).
VOICING_VERBS = frozenset({"express", "voice", "register", "lodge", "reiterate", "convey", "air"})
# Participles of what courts and police do to someone ("..., charged with murder", "..., accused of
# spying"): after a comma they are passive.
CHARGING_PARTICIPLES = frozenset(
    {
        "charge",
        "accuse",
        "suspect",
        "arrest",
        "detain",
        "sentence",
        "convict",
        "indict",
        "jail",
        "hold",
        "fine",
    }
)
# Verbs whose subject undergoes the act their object names ("is facing terrorist attacks", "faced
# Turkish air strikes", "suffered heavy Russian shelling" with "shelling" parsed as a verb).
UNDERGOING_VERBS = frozenset(
    {"face", "suffer", "endure", "experience", "undergo", "sustain", "withstand", "weather", "survive"}
)
# Military machines the agent table lists as forces (they act for their force as subjects: "warplanes
# bombed the town"), and the roots in which they are what is given, sold or offered, not the one
# acted on ("offered warships to escort Kuwaiti tankers", "pledged drones").
MACHINES = frozenset(
    {
        "warship", "destroyer", "frigate", "carrier", "submarine", "gunboat", "jet", "warplane", "bomber",
        "drone", "gunship", "helicopter", "tank", "artillery", "missile", "aircraft", "plane", "ship",
    }
)  # fmt: skip
GIVING_ROOTS = frozenset({"03", "05", "06", "07"})
# Roots of giving whose gift's "for" phrase names the recipient ("pledged aid for Yemen").
RECIPIENT_FOR_ROOTS = frozenset({"03", "07"})
# Verbs that say someone did something ("accused X of shelling Y"): the one accused is the doer.
ACCUSING_VERBS = frozenset({"accuse", "suspect", "blame", "charge", "convict", "indict", "find"})
# Act nouns whose "of" phrase names the doer, not the one acted on ("the resignation of X"), and the
# words that tell such an act happened ("following the resignation of X", "X's resignation came after
# ..."; not "sought the resignation of X", "rumours of X's resignation").
DOER_OF_NOUNS = frozenset({"resignation"})
HAPPENED_PREPS = frozenset({"after", "following", "since", "upon"})
HAPPENED_VERBS = frozenset({"accept", "announce", "come", "follow", "take", "trigger", "prompt", "spark"})
# A noun event in a phrase with these prepositions is done by the clause's subject
# ("In a phone call with X, Y said"); other prepositions ("over", "about", "after") only
# name a topic or a cause.
PARTICIPATION_PREPS = frozenset({"in", "during", "at", "through", "via", "by", "with"})
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
# Conflict done to a country's things (ships, bases, embassies) is done to the country.
CONFLICT_ROOTS = frozenset({"13", "15", "16", "17", "18", "19", "20"})
# Verbal acts addressed to someone who may be named as the subject of a that-clause.
ADDRESSED_ROOTS = frozenset({"02", "10", "11", "13"})
#: Nouns of a charge or a suspicion: the act in their clause ("conspiracy to violate", "charges of plotting
#: to kill") is what someone is accused of, never an act of the clause's subject.
CHARGE_NOUNS = frozenset(
    {"conspiracy", "charge", "count", "allegation", "accusation", "suspicion", "plot", "indictment"}
)
#: Nouns whose "on X" / "about X" names a topic: documents, statements, talks.
TOPIC_HOLDERS = frozenset(
    {
        "resolution",
        "report",
        "plan",
        "proposal",
        "bill",
        "law",
        "statement",
        "declaration",
        "decision",
        "ruling",
        "debate",
        "talk",
        "talks",
        "discussion",
        "negotiation",
        "conference",
        "summit",
        "meeting",
        "question",
        "referendum",
        "vote",
        "agreement",
        "deal",
        "position",
        "policy",
        "stance",
        "view",
        "comment",
        "remark",
    }
)
#: CAMEO's visit codes: their target is the host, named by the place visited.
VISIT_CODES = ("042", "043")
#: Prepositions whose object is where something happens.
LOCATIVE_WORDS = frozenset(
    {
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "across",
        "throughout",
        "around",
        "along",
        "within",
        "off",
        "through",
    }
)
RECIPROCAL_WORDS = frozenset(
    {"their", "each", "other", "another", "bilateral", "mutual", "themselves", "both"}
)


@dataclass(frozen=True, slots=True)
class TargetFound:
    """What :meth:`ArgumentFinder.target` found: the target, whether a target slot was filled, and
    the thing or place acted on (a token) when no actor is."""

    mention: ActorMention | None
    slot_filled: bool
    theme: Any | None


class ArgumentFinder:
    """The source and target of a trigger, resolved through an article's :class:`ArticleActors`."""

    def __init__(self, unresolved_actors: bool = False) -> None:
        """``unresolved_actors``: a noun phrase that resolves to no country or sector is still an
        actor (code ""), e.g. for sentence-level classification."""
        self.unresolved_actors = unresolved_actors

    def source(self, actors: ArticleActors, tok: Any, pattern: Pattern) -> ActorMention | None:
        if pattern.pos == "NOUN":
            protest = pattern.code.startswith("14")  # "an opposition protest", "a student strike"
            return self._noun_source(actors, tok, consult=pattern.code.startswith("04"), by_sector=protest)
        return self._verb_source(actors, tok, depth=0)

    def _noun_source(
        self, actors: ArticleActors, tok: Any, consult: bool = False, by_sector: bool = False
    ) -> ActorMention | None:
        """The possessor, the doer after "by" ("the attack by rebels on ..."; for a resignation, after
        "of"), the pair in "talks between X and Y", the actor its modifiers name ("a Saudi-led strike";
        for a protest also a sector: "an opposition protest"), or the subject of the clause the noun is
        an adjunct of; a meeting or call ("after talks with X", "for a visit") is always the
        subject's."""
        if tok.lemma_.lower() in DOER_OF_NOUNS and not _happened(tok):
            return None  # "sought the resignation of X", "rumours of X's resignation": none yet
        for c in tok.children:
            if c.dep_ == "poss":
                m = actors.mention(c)
                if m is not None:
                    return m
        agent = _by_agent(actors, tok)  # "the attack by Houthi rebels on ...", "protests by farmers"
        if agent is not None:
            return agent
        if tok.lemma_.lower() in DOER_OF_NOUNS:
            # "the resignation of Prime Minister Conte": Conte resigns, whoever accepted or demanded it
            return next(
                (
                    actors.mention(p)
                    for c in tok.children
                    if c.dep_ == "prep" and c.lower_ == "of"
                    for p in c.children
                ),
                None,
            )
        owner = actors.owner_of(tok, sector_only=by_sector)  # "a Saudi-led strike", "Israeli raids"
        if (
            owner is not None
            and by_sector
            and not owner.sector
            and not owner.matched_by.startswith("demonym")
        ):
            owner = None  # "the Hong Kong protests": where, not a government's ("Palestinian riots" are)
        if owner is not None:
            return owner
        for c in tok.children:  # "talks between X and Y": a joint source, reciprocal
            if c.dep_ == "prep" and c.lower_ == "between":
                heads = [p for p in c.children if p.dep_ == "pobj"]
                if heads:
                    m = actors.joint([heads[0], *heads[0].conjuncts])
                    if m is not None and m.members:
                        return m
        node = tok
        for _ in range(4):
            head = node.head
            if head.i == node.i:
                break
            if node.dep_ == "pobj" and head.lower_ not in PARTICIPATION_PREPS and not consult:
                return None  # "protested over the detention of X": the subject did not detain
            if node.dep_ == "dobj" and head.lemma_.lower() in UNDERGOING_VERBS:
                return None  # "Tunisia is facing terrorist attacks": the subject is attacked
            if head.pos_ in {"VERB", "AUX"}:
                return self._verb_source(actors, head, depth=0)
            node = head
        return None

    def _verb_source(self, actors: ArticleActors, verb: Any, depth: int) -> ActorMention | None:
        if depth > 4 or _charged_act(verb):
            return None
        if is_passive(verb) and verb.lemma_.lower() in STATIVE_PASSIVES:
            patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            if patient is not None:  # "Vietnam is committed to opening up": Vietnam commits itself
                return self.actor_np(actors, patient)
        if is_passive(verb):
            # "Brigades were smashed by Iranian forces", "the man killed by police": only the agent
            # is the source; the subject is the one acted on, never inherited or repaired into one
            for c in verb.children:
                if c.dep_ == "agent":
                    pobj = [p for p in c.children if p.dep_ == "pobj"]
                    if pobj:
                        return self.actor_np(actors, pobj[0])
            return None
        else:
            subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
            if len(subjects) > 1:  # "fighters which ... European nations have refused to repatriate":
                subjects = [c for c in subjects if c.lower_ not in RELATIVE_PRONOUNS]  # "which" is the object
            if subjects:
                c = subjects[0]
                if c.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                    return self.actor_np(actors, verb.head)
                # "a U.S. military airstrike killed ...", "the Turkish statement condemned ...":
                # the thing's owner or author does it; a standing norm does nothing ("Thai law
                # forbids ...", "the treaty allows ...")
                if c.lemma_.lower() in NORM_NOUNS:
                    return None
                found = self.actor_np(actors, c)
                if found is None and actors.listed_thing(c) and c.lemma_.lower() not in ACTING_THINGS:
                    return None  # "higher Argentine export taxes encourage exports": no actor
                return found or actors.owner_of(c)
        if _reduced_passive(verb):
            return None  # "Iran would retaliate if attacked": the subject is the one attacked
        if verb.dep_ in INHERIT_DEPS and verb.head.i != verb.i:
            governor = verb.head
            if verb.dep_ == "pcomp" and governor.lower_ == "for":
                # "thanked Japan for providing aid", "criticized Trump for refusing to meet": the one
                # thanked or blamed did it, not the subject
                cause = self._for_whom(actors, governor)
                if cause is not None:
                    return cause
            if (
                verb.dep_ == "pcomp"
                and governor.lower_ == "of"
                and governor.head.lemma_.lower() in ACCUSING_VERBS
            ):
                # "Armenia accused Azerbaijan of shelling civilian areas": the accused did it, if anyone
                accused = next((c for c in governor.head.children if c.dep_ in {"dobj", "nsubjpass"}), None)
                return self.actor_np(actors, accused) if accused is not None else None
            if verb.dep_ == "pcomp" and governor.pos_ == "ADP" and governor.head.i != governor.i:
                governor = governor.head  # "responded by expelling X": the subject of "responded"
            if (
                verb.tag_ == "VBG"
                and verb.dep_ in {"advcl", "xcomp"}
                and governor.lemma_.lower() in UNDERGOING_VERBS
            ):
                # "Kyiv suffered heavy Russian shelling": Kyiv was shelled, by whom a "by" names
                doers = prep_objects(verb, ("by",))
                return self.actor_np(actors, doers[0]) if doers else None
            if _adjunct_gerund(verb) and is_passive(governor) and not prep_objects(governor, ("by",)):
                # "The activist was arrested (by police) after criticizing the government", "was jailed
                # for insulting the king": the one acted on, the clause's subject, did it (the parser's
                # agent "by" is no "prep" and does not stop it; a "by" it left a plain preposition does)
                patient = next((c for c in governor.children if c.dep_ == "nsubjpass"), None)
                if patient is not None:
                    return self.actor_np(actors, patient)
            if verb.dep_ in {"xcomp", "advcl"} and governor.lemma_.lower() in OBJECT_CONTROL:
                controller = self._controller(actors, governor)
                if controller is not None:
                    return controller
            if verb.dep_ == "xcomp" and is_passive(governor):  # "X was ordered to withdraw": X
                patient = passive_subject(governor) or next(
                    (c for c in governor.children if c.dep_ == "nsubjpass"), None
                )
                return self.actor_np(actors, patient) if patient is not None else None
            return self._verb_source(actors, governor, depth + 1)
        if verb.dep_ == "acl" and verb.head.pos_ in NOMINAL_POS:
            # "troops loyal to X attacking Y": the noun; "passed a resolution condemning X":
            # the noun is a thing, so the subject of the clause it belongs to
            found = self.actor_np(actors, verb.head)
            if found is None and actors.is_thing(verb.head):
                # "the U.S. decision to expel its diplomats", "Russia's plan to cut gas": the
                # decision's owner acts
                owner = next((c for c in verb.head.children if c.dep_ == "poss"), None)
                found = actors.owner_of(verb.head) if owner is not None or names_country(verb.head) else None
            if found is not None or verb.head.dep_ not in {"dobj", "pobj", "attr"}:
                return found
            governor = verb.head.head
            if governor.pos_ == "ADP":
                governor = governor.head
            if governor.lemma_.lower() in REFUSING_GOVERNORS:
                return None  # "vetoed a resolution calling for a ceasefire": the vetoer called for nothing
            return (
                self._verb_source(actors, governor, depth + 1) if governor.pos_ in {"VERB", "AUX"} else None
            )
        return self._repair_source(actors, verb)

    def _for_whom(self, actors: ArticleActors, prep: Any) -> ActorMention | None:
        """The actor a "for"-gerund is said of: the object of the verb it hangs on ("thanked Japan for
        providing aid") or the noun it hangs on ("praised Japan for ..." parsed on "Japan")."""
        head = prep.head
        if head.pos_ in NOMINAL_POS and head.dep_ in {"dobj", "pobj"}:
            return self.actor_np(actors, head)
        if head.pos_ == "VERB":
            obj = next((c for c in head.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return self.actor_np(actors, obj)
        return None

    def _controller(self, actors: ArticleActors, governor: Any) -> ActorMention | None:
        for c in governor.children:
            if c.dep_ == "dobj":
                return self.actor_np(actors, c)
            if c.dep_ == "prep" and c.lower_ in {"on", "upon"}:
                for p in c.children:
                    if p.dep_ == "pobj":
                        return self.actor_np(actors, p)
        return None

    def _repair_source(self, actors: ArticleActors, verb: Any) -> ActorMention | None:
        """The parser left the verb without a subject (e.g. a name attached as a conjunct of
        an earlier name): take the actor noun phrase ending right before the verb."""
        i = verb.i - 1
        sent_start = verb.sent.start
        while i >= sent_start and verb.doc[i].dep_ in {"advmod", "neg"} and verb.doc[i].pos_ == "ADV":
            i -= 1
        if i < sent_start:
            return None
        prev = verb.doc[i]
        if prev.pos_ not in {"PROPN", "NOUN"} or prev.dep_ in {"pobj", "dobj"}:
            return None
        m = actors.mention(prev)
        if m is None:
            return None
        return replace(m, matched_by=m.matched_by + "+repaired-subject")

    def actor_np(self, actors: ArticleActors, head: Any) -> ActorMention | None:
        """A noun phrase as an actor; coordinated heads give a joint actor."""
        conjuncts = [c for c in head.conjuncts if c.pos_ in NOMINAL_POS]
        if conjuncts and head.dep_ != "conj":
            joint = actors.joint([head, *conjuncts])
            if joint is not None:
                return joint
        found = actors.mention(head)
        if found is None and head.pos_ == "PROPN":
            found = actors.remembered_person(head)  # "Paul Manafort ... sentenced Manafort"
        if found is None and head.ent_type_ == "PERSON" and actors.home:
            return actors.person_at_home(head)  # a named person in a domestic story: its country
        if found is None and self.unresolved_actors:
            return actors.unresolved(head)
        return found

    def target(
        self, actors: ArticleActors, tok: Any, pattern: Pattern, obj: Any | None, source: ActorMention
    ) -> TargetFound:
        """The target, whether a target slot was filled at all, and the thing or place acted on when
        no actor is (the event's theme)."""
        slots = self._target_slots(tok, pattern, obj)
        violent = pattern.code[:2] in VIOLENT_ROOTS
        conflict = pattern.code[:2] in CONFLICT_ROOTS
        visit = pattern.code.startswith(VISIT_CODES)
        theme: Any | None = None
        for slot in slots:
            # "vowed to hit back at Israel", "lashed out at Washington": whom, not where
            aimed = slot.head.lower_ == "at" and (conflict or pattern.code.startswith("11"))
            if not violent and not aimed and place_use(slot) and not _listed_country(actors, pattern, slot):
                if visit:  # "arrived in Ankara": the host country's government receives the visit
                    host = self._host(actors, slot)
                    if host is not None:
                        return TargetFound(host, True, None)
                theme = theme if theme is not None else slot
                continue  # "met the president in Kyiv": Kyiv is where, not whom
            if visit and slot.ent_type_ in {"GPE", "LOC", "FAC"}:
                host = self._host(actors, slot)  # "visited Ankara": Turkey's government
                if host is not None:
                    return TargetFound(host, True, None)
            if _topic(slot):
                continue  # "a resolution on Gaza": what it is about, not whom
            if slot.lemma_.lower() in SUPPORT_NOUNS and pattern.code[:2] >= "10":
                continue  # "rallied in support of Trump": whom they back is no target of a protest
            m = self.actor_np(actors, slot)
            if m is not None and pattern.code[:2] in GIVING_ROOTS and slot.lemma_.lower() in MACHINES:
                # "offered its fighter jets to Iran": what is given, not to whom; the one it goes "to" is
                theme = theme if theme is not None else slot
                slots.extend(p for p in prep_objects(tok, ("to",)) if p not in slots)
                continue
            if m is None and visit:
                # "visited an Israeli settlement": Israel; "received a take-down notice from the RIAA": no
                # guest (a visit's guest or host is named, never searched for inside a thing)
                m = actors.owner_of(slot)
                if m is None:
                    continue
            if m is None and (not pattern.code.startswith("01") or pattern.code.startswith("017")):
                # a statement's topic is no target; a symbolic act's is ("mourned Leonov's passing")
                # "condemned an Israeli police raid": the raid's author; "vetoed a resolution
                # drafted by the U.S.": the author inside the thing
                m = actors.owner_of(slot, sector_only=conflict)
                beneficiary = slot.head.lower_ == "for" and "for" not in pattern.prep
                if (m is None or same_actor(source, m)) and not beneficiary:  # "lifted its boycott of ..."
                    # "criticized the attack on Syria": the act's author is judged, not its victim;
                    # "aid for the fight against Boko Haram": a gift's purpose names no recipient
                    judged = pattern.code[:2] in JUDGING_ROOTS and slot.lemma_.lower() in ACTS_ON
                    m = self._search_subtree(actors, slot, source, violent, authors_only=judged)
            if m is None and conflict:
                m = _owner_country(actors, slot)  # "attacked Israeli ships": Israel
            if m is not None and not same_actor(source, m):
                return TargetFound(_as_government(m, violent), True, None)
            if m is None and theme is None:
                theme = slot
        if violent and slots:  # "struck a weapons depot in Syria": the country where the thing was hit
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "in":
                    for place in c.children:
                        m = actors.mention(place) if place.ent_type_ in {"GPE", "LOC"} else None
                        if m is not None and m.country and not m.sector:
                            return TargetFound(
                                replace(m, matched_by=m.matched_by + "+attacked-place"), True, None
                            )
        return TargetFound(None, bool(slots), theme)

    @staticmethod
    def _host(actors: ArticleActors, place: Any) -> ActorMention | None:
        """The government of the country a visit goes to, named by the place it arrives in; the
        mention keeps the place's span but is the country, not the city ("Turkey" for "Ankara")."""
        m = actors.mention(place)
        if m is None or not m.country or m.sector or actors.agents.organisation_type(m.country):
            return None
        if not m.matched_by.startswith(("capital:", "place:")) and place.ent_type_ not in {"LOC", "FAC"}:
            return m if m.matched_by.startswith(("name:", "alias:")) else None  # "visited Turkey"
        name = actors.countries.name_of(m.country) or m.country
        return replace(m, text=name, sector="GOV", matched_by=f"visit-host:{m.text}")

    def _target_slots(self, tok: Any, pattern: Pattern, obj: Any | None) -> list[Any]:
        slots = self._slots(tok, pattern, obj)
        if pattern.code[:2] == "14":
            # "anti-government protests in Belgrade", "anti-war protesters rallied": the government
            heads = [obj if obj is not None and obj.pos_ == "NOUN" else tok]
            for subject in (c for c in tok.children if c.dep_ == "nsubj"):
                heads.append(subject)  # "thousands of anti-government protesters"
                heads.extend(p for c in subject.children if c.lower_ == "of" for p in c.children)
            slots += [x for h in heads for x in opposed_by_prefix(h)]
        return slots

    def _slots(self, tok: Any, pattern: Pattern, obj: Any | None) -> list[Any]:
        holders = [tok] + ([obj] if obj is not None else [])
        if pattern.pos == "NOUN" and tok.dep_ == "dobj":  # "cut its aid to X": "to X" may hang on the verb
            holders.append(tok.head)
        if pattern.pos == "NOUN":  # "the attack by rebels on Saudi oil facilities": "on" hangs on the doer
            holders += noun_doers(tok)
        if pattern.xcomp:  # "threatened to retaliate against Israel": the target hangs on the complement
            holders += [c for c in tok.children if c.dep_ in {"xcomp", "ccomp", "advcl"}]
        slots: list[Any] = []
        if pattern.prep:
            preps: Sequence[str] = pattern.prep
        elif pattern.pos == "NOUN":
            preps = NOUN_TARGET_PREPS
        elif obj is not None or pattern.xcomp:
            preps = LIGHT_VERB_TARGET_PREPS
        else:
            preps = ()
        if obj is not None and not pattern.prep and pattern.code[:2] in RECIPIENT_FOR_ROOTS:
            # "pledged $2 billion in loans for Indonesia": the loans are the gift, "for" names who gets it
            holders += prep_objects(obj, ("in",))
            preps = (*preps, "for")
        if preps:
            for prep in preps:  # in the pattern's order: "against X" before "in Y"
                for h in holders:
                    for c in h.children:
                        if c.dep_ in {"prep", "dative"} and c.lower_ == prep:
                            slots.extend(p for p in c.children if p.dep_ == "pobj")
                        elif (subject := _for_clause_subject(c, (prep,))) is not None:
                            slots.append(subject)
            if pattern.pos == "NOUN" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in UNDERGOING_VERBS:
                # "Ukraine faced fresh Russian attacks": the one who faced them, after any named target
                slots.extend(c for c in tok.head.children if c.dep_ == "nsubj")
            if pattern.prep or pattern.pos == "NOUN":
                return slots
        if obj is not None:  # "expelled the Swedish ambassador": the object itself may be the target
            datives = [c for c in tok.children if c.dep_ in {"dative", "iobj"} and c.pos_ in NOMINAL_POS]
            own_means = pattern.code[:2] in OWN_MEANS_ROOTS and not names_country(obj)
            own_means = own_means or tok.lemma_.lower() in VOICING_VERBS  # "expressed opposition to X"
            return [*slots, *datives] if own_means else [*slots, *datives, obj]
        if pattern.xcomp:  # "demanded that Seoul release X": the complement's own subject first
            subjects = [c for h in holders[1:] for c in h.children if c.dep_ == "nsubj"]
            # "urged Washington to lift the tariffs": the one urged before what the complement acts on
            asked = [c for c in tok.children if c.dep_ in {"dobj", "dative"} and c.pos_ in NOMINAL_POS]
            inner = [c for h in holders[1:] for c in h.children if c.dep_ == "dobj"]
            return [*subjects, *slots, *asked, *inner]
        if pattern.pos == "VERB" and obj is None:
            passive = is_passive(tok)
            for c in tok.children:
                named = c.dep_ == "oprd" and c.pos_ == "PROPN"  # "called Putin on Tuesday" (misparsed)
                if c.dep_ in {"dobj", "dative", "iobj"} or named or (passive and c.dep_ == "nsubjpass"):
                    if c.lower_ in RELATIVE_PRONOUNS and tok.dep_ == "relcl":
                        c = tok.head  # "the activist who was arrested": the activist
                    slots.append(c)
            if passive and tok.dep_ in {"acl", "relcl"} and not slots and tok.head.pos_ in NOMINAL_POS:
                slots.append(tok.head)  # "the man killed by police"
            if passive and not slots and tok.dep_ in {"pcomp", "advcl"}:
                # "journalists were injured after being attacked by protesters": the clause's subject
                governor = tok.head.head if tok.dep_ == "pcomp" else tok.head
                slots.extend(c for c in governor.children if c.dep_ in {"nsubj", "nsubjpass"})
            if pattern.code[:2] in ADDRESSED_ROOTS and _asked_in_writing(tok):
                # "wrote to the US Embassy asking to waive her immunity", "brought the case before the
                # ECJ, asking for clarifications", "sent a letter to Chao requesting new rules": the one
                # written to is the one asked
                sender = tok.head if tok.dep_ == "advcl" else tok.head.head
                slots.extend(
                    p
                    for c in sender.children
                    if c.dep_ in {"prep", "dative"} and c.lower_ in {"to", "before"}
                    for p in c.children
                    if p.dep_ == "pobj"
                )
            if not slots and pattern.code[:2] in ADDRESSED_ROOTS:
                # "demanded that Seoul release the funds": the one asked is the complement's subject;
                # "said Iran must release the sailors": the subject of the clause with the modal
                accused = pattern.code.startswith("112")  # "alleged the government are hiding ..."
                for c in tok.children:
                    that = any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                    modal = any(a.dep_ == "aux" and a.lower_ in pattern.modal for a in c.children)
                    if c.dep_ == "ccomp" and (that or modal or accused):
                        slots.extend(g for g in c.children if g.dep_ == "nsubj")
            if not slots and pattern.code[:2] in {"02", "10"}:
                # "asked for Bolton's resignation": the one whose act is asked for
                slots.extend(
                    p
                    for c in tok.children
                    if c.dep_ == "prep" and c.lower_ == "for"
                    for p in c.children
                    if p.dep_ == "pobj" and any(g.dep_ == "poss" for g in p.children)
                )
        return slots

    def _search_subtree(
        self,
        actors: ArticleActors,
        slot: Any,
        source: ActorMention,
        material_conflict: bool = False,
        authors_only: bool = False,
    ) -> ActorMention | None:
        """An actor named inside a non-actor object ("the trust between the two countries",
        "unilateralism boasted by the U.S.", "bilateral relations"); with ``authors_only`` only the
        act's author (its possessor or "by" agent: "condemned the attack on Syria by Turkey")."""
        preps = [*TARGET_SEARCH_PREPS, *(["in"] if material_conflict else [])]
        if authors_only:
            preps = ["by"]
        found: list[tuple[int, int, ActorMention]] = []  # (preference, position, actor)
        # places and other clauses inside the object name no target ("protesters who gathered outside
        # the governor's office": not the governor)
        pruned = {
            d.i
            for t in slot.subtree
            if t.i != slot.i
            and (
                t.dep_ == "relcl"
                or content_clause(t)  # "on the condition that the service popular with students ..."
                or (
                    t.dep_ == "prep"
                    and t.lower_ in LOCATIVE_WORDS
                    and not (material_conflict and t.lower_ == "in")
                )
            )
            for d in t.subtree
        }
        for t in slot.subtree:
            if t.i == slot.i:
                continue
            if t.lower_ in RECIPROCAL_WORDS and source.members and not _others(t):
                return source  # "a cease-fire to end months of fighting along their border"
            if t.lower_ == "bilateral":
                pair = actors.salient_pair()
                if pair is not None:
                    return ActorMention(t.text, t.idx, t.idx + len(t.text), "", "", "coref:bilateral", pair)
        for t in slot.subtree:
            if t.i == slot.i or t.i in pruned:
                continue
            # "the OPCW visit": the visit's owner; "the Minsk Protocol": a name, nobody's by it
            owner = (
                t.dep_ in {"poss", "compound", "nmod"}
                and t.head.i == slot.i
                and t.pos_ == "PROPN"
                and not (slot.pos_ == "PROPN" and t.dep_ == "compound")
            )
            if t.dep_ == "poss" or owner or (t.dep_ == "pobj" and t.head.lower_ in preps):
                m = self.actor_np(actors, t)
                if m is None and t.dep_ == "pobj" and t.lemma_.lower() not in PLACE_NOUNS | BUILDING_NOUNS:
                    m = actors.owner_of(t)  # "a ban on imports of British beef": Britain (not "Cuban cities")
                if m is not None and not same_actor(source, m):
                    # the author of the thing first ("a resolution drafted by X", "X's plan")
                    direct = t.head.i == slot.i or t.head.head.i == slot.i
                    if t.dep_ == "poss" and t.pos_ == "PRON":  # "lifted its boycott of X": X first
                        rank = 15 if t.head.i == slot.i else 20
                    elif t.dep_ == "poss" or owner:  # "X's plan", "the OPCW visit"
                        rank = 0 if t.head.i == slot.i else 20
                    elif t.head.dep_ == "agent":
                        rank = 0
                    else:
                        rank = 1 + preps.index(t.head.lower_) + (0 if direct else 10)
                    found.append((rank, t.i, m))
        return min(found, key=lambda f: (f[0], f[1]))[2] if found else None


def _as_government(m: ActorMention, violent: bool) -> ActorMention:
    """A place named as the one acted on stands for its country: its government for a political act
    ("dismissed the claim from Berlin", "sued Pennsylvania"), the country for an attack on it
    ("shelled Kharkiv")."""
    if m.sector or m.members or not m.matched_by.startswith(("capital:", "place:")):
        return m
    if violent:
        return replace(m, matched_by=m.matched_by + "+attacked-place")
    return replace(m, sector="GOV", matched_by=m.matched_by + "+metonym")


#: What is sent to someone with a request in it ("sent a letter to Chao requesting new rules").
WRITINGS = frozenset({"letter", "message", "note", "petition", "memo", "memorandum", "email", "request"})


def _asked_in_writing(tok: Any) -> bool:
    """Whether an appeal verb hangs on the clause or the writing it was sent in ("wrote to X asking",
    "sent a letter to X requesting")."""
    if tok.dep_ == "advcl":
        return True
    return tok.dep_ == "acl" and tok.head.lemma_.lower() in WRITINGS and tok.head.dep_ == "dobj"


def _happened(noun: Any) -> bool:
    """Whether an act noun is told as having happened: after a preposition of time ("following the
    resignation of X"), or as the object or subject of a verb that says so ("accepted the
    resignation", "X's resignation came after ...")."""
    if noun.dep_ == "pobj" and noun.head.lower_ in HAPPENED_PREPS:
        return True
    return noun.dep_ in {"dobj", "nsubj", "nsubjpass"} and noun.head.lemma_.lower() in HAPPENED_VERBS


def _others(token: Any) -> bool:
    """Whether "other" or "another" sets its noun apart from the ones named ("urged other countries",
    "another state"), unlike "each other", "one another" and "the other side"."""
    if token.lower_ not in {"other", "another"}:
        return False
    before = token.doc[token.i - 1].lower_ if token.i > 0 else ""
    return before not in {"each", "one", "the"}  # "accused the other side": the reciprocal


def noun_doers(noun: Any) -> list[Any]:
    """The words after an event noun's "by" ("the attack by rebels on Saudi facilities": the parser may
    hang the target's "on" on them)."""
    return [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children]


def _by_agent(actors: ArticleActors, noun: Any) -> ActorMention | None:
    """The doer an event noun names with "by" ("the attack by Houthi rebels on ...", "protests by
    farmers", "an air strike by the coalition"); a person or body, never a means or a date ("by car",
    "by Friday")."""
    if noun.head.lower_ == "to" and noun.head.head.lower_ == "according":
        return None  # "according to a statement by the spokesman": an attribution, not the act
    doer = next((p for p in prep_objects(noun, ("by",)) if p.pos_ in {"NOUN", "PROPN", "PRON"}), None)
    return actors.mention(doer) if doer is not None else None


def _owner_country(actors: ArticleActors, thing: Any) -> ActorMention | None:
    """The country a thing belongs to, for an attack or a threat on it ("Israeli ships", "a Saudi
    oil tanker", "Turkey's embassy"): the country is the target."""
    if not actors.is_thing(thing):
        return None
    for t in thing.lefts:
        if t.dep_ in {"amod", "compound", "poss", "nmod"} and t.ent_type_ in {"NORP", "GPE"}:
            match = actors.countries.lookup(t.text)
            if match is not None:
                end = t.idx + len(t.text)
                return ActorMention(t.text, t.idx, end, match.iso3, "", f"owner-of-thing:{thing.lemma_}")
    return None


def _topic(token: Any) -> bool:
    """The object of "on"/"about"/"over" after a document or a talk: its topic, not a target ("a
    resolution on Gaza", "talks about Syria"); "sanctions on Russia" keeps its target."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in {"on", "about", "over", "regarding", "concerning"}:
        return False
    return prep.head.lemma_.lower() in TOPIC_HOLDERS


def _listed_country(actors: ArticleActors, pattern: Pattern, token: Any) -> bool:
    """A country after a preposition the pattern itself names as the target's ("sought refuge in
    Turkey"): the country is the target, not only the place (protests excepted: "protested in India")."""
    if token.head.lower_ not in pattern.prep or pattern.code.startswith("14"):
        return False
    m = actors.mention(token)
    return m is not None and bool(m.country) and m.matched_by.startswith(("name:", "alias:"))


def place_use(token: Any) -> bool:
    """Whether a token names a place where something happens, not an actor: a place name after a
    locative preposition ("in Kyiv", "outside Belgrade", "arrived in Ankara")."""
    head = token.head
    if token.dep_ != "pobj" or head.lower_ not in LOCATIVE_WORDS:
        return False
    return (
        token.ent_type_ in {"GPE", "LOC", "FAC"}
        or token.pos_ == "PROPN"
        or token.lemma_.lower() in PLACE_NOUNS
    )


# Buildings an actor owns: "outside the governor's office" is where, and the governor no party to it.
BUILDING_NOUNS = frozenset(
    {
        "office",
        "offices",
        "residence",
        "house",
        "home",
        "palace",
        "embassy",
        "consulate",
        "headquarters",
        "compound",
        "building",
        "mansion",
        "gate",
        "gates",
    }
)


def owner_of_place(token: Any) -> bool:
    """Whether a token is the owner of the place where something happens ("gathered outside the
    governor's office", "rallied in front of the embassy's gates"): a possessor of a place or building
    after a locative preposition."""
    head = token.head
    if token.dep_ != "poss" or head.i == token.i:
        return False
    in_building = head.lemma_.lower() in BUILDING_NOUNS and head.dep_ == "pobj"
    return bool(in_building and head.head.lower_ in LOCATIVE_WORDS) or place_use(head)


# Words of sides acting together: "US and Iraqi troops fought side by side", "fought alongside".
TOGETHER_WORDS = frozenset({"together", "side", "alongside", "jointly", "beside", "shoulder"})
# Verbs whose subject stands against the thing it acts on: "vetoed a resolution calling for X" is no
# call by the vetoer (unlike "passed a resolution condemning X").
REFUSING_GOVERNORS = frozenset(
    {"veto", "reject", "block", "oppose", "defeat", "scuttle", "thwart", "criticize", "criticise", "condemn"}
)

# Laws and treaties as subjects: a norm in force, no act ("Thai law forbids the export of rice").
NORM_NOUNS = frozenset(
    {"law", "constitution", "rule", "regulation", "legislation", "code", "treaty", "convention", "charter"}
)

# Things that stand for the actor who owns them when they are the subject: what an actor says or decides
# ("the Turkish statement condemned ..."), and the weapons and strikes it uses ("a U.S. airstrike killed").
ACTING_THINGS = frozenset(
    {
        "statement",
        "communique",
        "communiqué",
        "declaration",
        "report",
        "letter",
        "decision",
        "resolution",
        "ruling",
        "announcement",
        "message",
        "note",
        "order",
        "decree",
        "verdict",
        "airstrike",
        "strike",
        "attack",
        "raid",
        "bombing",
        "bomb",
        "missile",
        "rocket",
        "shell",
        "shelling",
        "offensive",
        "operation",
        "drone",
        "artillery",
        "fire",
        "gunfire",
        "barrage",
        "aid",
        "assistance",
        "funding",
        "loan",
        "grant",
        "investment",
    }
)

# "in support of X", "in solidarity with X": the side an act backs, never the target of a conflictual act.
SUPPORT_NOUNS = frozenset(
    {"support", "solidarity", "favor", "favour", "defence", "defense", "honour", "honor"}
)

# Common nouns of places: "rallied in the US capital", "clashed in the border town" name where.
PLACE_NOUNS = frozenset(
    {
        "city",
        "capital",
        "town",
        "village",
        "province",
        "region",
        "district",
        "square",
        "plaza",
        "street",
        "neighbourhood",
        "neighborhood",
        "suburb",
        "port",
        "island",
        "county",
        "municipality",
        "border",
        "frontier",
    }
)


def names_country(head: Any) -> bool:
    """Whether a noun phrase carries a country word (a GPE/NORP entity or a possessor)."""
    return any(
        t.ent_type_ in {"GPE", "NORP"} or (t.dep_ == "poss" and t.pos_ != "PRON")
        for t in head.subtree
        if t.i <= head.i
    )


def opposed_by_prefix(tok: Any) -> list[Any]:
    """What an "anti-" modifier names as opposed: "anti-government protests" and "anti-Trump rallies"
    are against the government and Trump ("anti", "-" and the word are modifiers of one head)."""
    doc = tok.doc
    out = []
    for c in tok.children:
        if c.lower_ == "anti" and c.i + 2 < tok.i and doc[c.i + 1].text == "-":
            word = doc[c.i + 2]
            if word.head.i == tok.i and word.pos_ in NOMINAL_POS | {"ADJ"}:
                out.append(word)
    return out


def is_passive(verb: Any) -> bool:
    """A passive verb ("were smashed", "being shot") or a past participle modifying a noun ("the man
    killed by police")."""
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
        return True
    if verb.tag_ != "VBN" or verb.dep_ not in {"acl", "relcl"}:
        return False
    if any(c.dep_ == "agent" for c in verb.children):
        return True
    if any(c.dep_ in {"aux", "nsubj", "dobj", "xcomp", "ccomp", "dative", "prt"} for c in verb.children):
        return False  # "..., called on Rwanda to withdraw": a misparsed active verb
    # "Hundreds of students protested in Santiago": the parser made the sentence's verb a participle
    # of its subject (the noun is the sentence's root); that verb is active
    return not (verb.head.dep_ == "ROOT" and verb.head.pos_ in {"NOUN", "PROPN"})


def passive_subject(tok: Any) -> Any | None:
    """The subject of a passive verb without a "by" agent, or None."""
    if any(c.dep_ == "agent" for c in tok.children):
        return None
    return next((c for c in tok.children if c.dep_ == "nsubjpass"), None)


def names_person(tokens: Iterable[Any]) -> bool:
    """Whether words name a person ("Trump and Zelensky"; not the word of "Riot police" that the
    tagger calls a name)."""
    return any(
        t.ent_type_ == "PERSON" and not (t.dep_ == "compound" and t.head.pos_ == "NOUN") for t in tokens
    )


def content_clause(tok: Any) -> bool:
    """Whether a clause is a noun's that-clause ("the condition that ...", "the fact that ...")."""
    return tok.dep_ == "acl" and any(m.dep_ == "mark" and m.lower_ == "that" for m in tok.children)


def _reduced_passive(verb: Any) -> bool:
    """Whether a verb is a passive participle clause with no subject of its own ("if attacked", "when
    provoked", "unless ordered to"): its governor's subject is the one acted on, not the actor."""
    if verb.tag_ != "VBN" or verb.dep_ != "advcl":
        return False
    if any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in verb.children):
        return False
    if any(
        (c.dep_ == "mark" and c.lower_ in {"if", "when", "unless", "once", "whenever"})
        or (c.dep_ == "advmod" and c.lower_ == "once")  # "once attacked" ("when asked to" is asked)
        for c in verb.children
    ):
        return True
    # "appeared in court on Monday, charged with murder": a participle of a charge or an arrest set off
    # by a comma, or one with its agent (the tagger also reads active verbs so: ", protested against")
    after_comma = verb.i > 0 and verb.doc[verb.i - 1].text == "," and verb.i > verb.head.i
    objects = any(c.dep_ in {"dobj", "dative", "ccomp", "xcomp", "prt"} for c in verb.children)
    agent = any(c.dep_ == "agent" for c in verb.children)
    return after_comma and not objects and (agent or verb.lemma_.lower() in CHARGING_PARTICIPLES)


def joint_subject(verb: Any) -> bool:
    """Whether a verb's subject names two sides ("India and China exchanged fire", "Indian and Chinese
    troops clashed"): a coordinated subject or a subject with coordinated modifiers; not sides acting
    together ("fought side by side", "alongside the Ukrainians") nor a quarrel ("clashed over the
    budget")."""
    if any(t.lower_ in TOGETHER_WORDS for t in verb.subtree) or prep_objects(verb, ("over",)):
        return False
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        if names_person(subject.subtree):
            return False  # "Trump and Zelensky clashed in the Oval Office": a quarrel of two people
        if any(g.dep_ == "conj" for g in subject.children):
            return True
        if any(
            m.dep_ in {"amod", "compound", "nmod"} and any(g.dep_ == "conj" for g in m.children)
            for m in subject.children
        ):
            return True
    return False


def is_target_prep(token: Any, preps: Sequence[str]) -> bool:
    """A listed preposition whose object is not a date ("called X on Tuesday" is no "call on"),
    or a "for X to ..." clause ("called for NATO members to increase spending")."""
    if _for_clause_subject(token, preps) is not None:
        return True
    if token.dep_ not in {"prep", "dative"} or token.lower_ not in preps:
        return False
    return not any(c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"} for c in token.children)


def _for_clause_subject(clause: Any, preps: Sequence[str]) -> Any | None:
    """The subject of a "for X to ..." clause, which the parser hangs on the verb as a clause
    marked by "for" rather than a prepositional phrase: it is the object of that "for"."""
    if "for" not in preps or clause.dep_ not in {"advcl", "ccomp", "xcomp"}:
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children):
        return None
    return next((c for c in clause.children if c.dep_ == "nsubj"), None)


__all__ = [
    "LOCATIVE_WORDS",
    "VIOLENT_ROOTS",
    "ArgumentFinder",
    "TargetFound",
    "is_passive",
    "is_target_prep",
    "names_country",
    "noun_doers",
    "passive_subject",
    "place_use",
    "same_actor",
]


def _adjunct_gerund(verb: Any) -> bool:
    """A gerund that says what else its clause's subject did: after a preposition other than "by"
    ("arrested after criticizing", "jailed for insulting"; not "interrupted by protesting legislators")
    or a subordinator ("while protesting"), not a result set off by a comma ("was bombed, killing 12")."""
    if verb.tag_ != "VBG":
        return False
    if verb.dep_ == "pcomp":
        return bool(verb.head.pos_ == "ADP" and verb.head.lower_ != "by")
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" for c in verb.children)


def _charged_act(verb: Any) -> bool:
    """Whether a verb is the act of a charge ("convicted him of conspiracy to violate safety standards",
    whatever the parser hangs "to violate" on): what someone is accused of, not an act of the subject."""
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    return to is not None and to.i > 0 and verb.doc[to.i - 1].lemma_.lower() in CHARGE_NOUNS
