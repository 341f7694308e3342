"""Actor pairs of a sentence that no pattern links: the sentence's actors, the back-off's targets
and events, and the learned classifier's pass over them (:mod:`eventwire.events.learned`).  The
events themselves are made by the coder's callback, through its status, recoding, admission, dating
and placing rules."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any

from eventwire.actors.mentions import ArticleActors
from eventwire.events.arguments import (
    ACTS_ON,
    GIVING_ROOTS,
    JUDGING_ROOTS,
    MACHINES,
    content_clause,
    owner_of_place,
    place_use,
    same_actor,
)
from eventwire.events.backoff import NONE as BACKOFF_NONE
from eventwire.events.backoff import SOURCE_ROLES, Prediction, pair_link
from eventwire.events.happenings import share_targets, trigger_tokens
from eventwire.events.learned import LearnedPairs, MakeEvent, Mentioned, Relabel
from eventwire.events.locating import ArticlePlaces, localise
from eventwire.models import ActorMention, Event
from eventwire.resources import Resources

__all__ = ["LIGHT_LEMMAS", "SPEECH_LEMMAS", "Mentioned", "PairSteps"]

# Speech verbs: a statement event, or the report of another; never a back-off event of their own.
SPEECH_LEMMAS = frozenset(
    {"say", "tell", "state", "announce", "add", "note", "report", "claim", "write", "declare", "explain"}
)
# Light verbs: they carry no event of their own for the back-off to read ("had 8 delegates").
LIGHT_LEMMAS = frozenset({"be", "have", "get", "do", "become", "remain", "seem", "include", "contain"})
# Verbs of wanting and trying: the act, if any, is their complement, and it is not asserted ("the court
# sought to determine whether ...", "the Taliban wants foreign forces to leave"): the model fills no
# event through them.
ATTEMPT_LEMMAS = frozenset({"seek", "try", "attempt", "want", "wish", "hope", "aim", "intend", "plan"})
MOST_ACTORS = 8  # a sentence with more actors (a list of names) gets no pair step


class PairSteps:
    """The pair steps of one coder: its resources and the back-off's least probability."""

    def __init__(self, resources: Resources, min_confidence: float) -> None:
        self.res = resources
        self.min_confidence = min_confidence

    def run(
        self,
        sent: Any,
        actors: ArticleActors,
        places: ArticlePlaces,
        coded: list[Event],
        make: MakeEvent,
        relabel: Relabel,
        learned: LearnedPairs | None,
    ) -> list[Event]:
        """The sentence's events after the pair steps: targets for targetless rule events, then the
        learned classifier's pass when there is one, else the back-off's events."""
        mentions = self.mentions(actors, sent)
        if not 2 <= len(mentions) <= MOST_ACTORS:
            return coded
        coded = self.backoff_targets(sent, places, coded, mentions)
        if learned is not None:
            fired = _governing_words(sent, coded)

            def usable(word: Any) -> bool:
                lemma = word.lemma_.lower()
                return word.idx not in fired and lemma not in LIGHT_LEMMAS | ATTEMPT_LEMMAS | SPEECH_LEMMAS

            return learned.apply(sent, coded, mentions, make, relabel, usable)
        return [*coded, *self.backoff_events(sent, coded, mentions, make)]

    def mentions(self, actors: ArticleActors, sent: Any) -> list[Mentioned]:
        """The actors of a sentence with their tokens: the given spans when there are any, else
        every resolved mention not nested in a larger one."""
        found: dict[tuple[int, int], ActorMention] = {}
        for tok in sent:
            if actors.has_given:
                m = actors.given(tok)
            elif tok.pos_ in {"NOUN", "PROPN"} or tok.ent_type_ in {"GPE", "NORP"}:
                # only heads the article's first pass already resolved: a new resolution would
                # change the coreference memory and so the pattern events of later sentences
                m = actors.mention(tok)
                if m is not None and (m.members or not (m.country or m.sector)):
                    m = None
                if m is not None and (
                    place_use(tok)
                    or owner_of_place(tok)
                    or _thing_headed(actors, tok, m)
                    or _modifies_thing(actors, tok)
                    or _named_place(m, tok)
                ):
                    m = None  # "met ... in Kyiv", "outside the governor's office", "a military development
                    # program", "a military cooperation agreement", "from Louisiana"
            else:
                m = None
            if m is not None and m.end > m.start:
                found.setdefault((m.start, m.end), m)
        spans = sorted(found)
        kept = [sp for sp in spans if not any(o != sp and o[0] <= sp[0] and sp[1] <= o[1] for o in spans)]
        out = []
        for sp in kept:
            toks = [t for t in sent if t.idx < sp[1] and t.idx + len(t.text) > sp[0]]
            if toks:
                out.append((found[sp], toks))
        return out

    def backoff_targets(
        self, sent: Any, places: ArticlePlaces, coded: list[Event], mentions: list[Mentioned]
    ) -> list[Event]:
        """A pattern event without a target takes the actor the back-off classifier links to its
        source through the same trigger with the same root ("refuses to remove the ban on Indian
        television channels", "threatened to close all borders with Iraqi Kurdistan")."""
        model = self.res.backoff
        if model is None or not any(e.target is None and not e.cameo.startswith("01") for e in coded):
            return coded
        triggers = trigger_tokens(sent, coded)
        carried = {t.i for t in triggers.values()}
        out: list[Event] = []
        spans = {(m.start, m.end): toks for m, toks in mentions}
        for event in coded:
            word = triggers.get(event.char_span[0])
            if word is not None and any(
                c.i in carried for c in word.children if c.dep_ in {"xcomp", "ccomp"}
            ):
                out.append(event)  # "refused to accept the refugees": the acceptance carries the target
                continue
            source_tokens = spans.get((event.source.start, event.source.end))
            if event.target is not None or event.cameo.startswith("01") or source_tokens is None:
                out.append(event)
                continue
            best: tuple[float, ActorMention] | None = None
            judged = _judged_act(sent, event)
            for m, toks in mentions:
                if same_actor(event.source, m):
                    continue
                if judged is not None and judged[0] <= m.start and m.end <= judged[1]:
                    continue  # "criticized the attack on Syria": the victim is not the one criticized
                if _in_clause_of_noun(toks[-1], word):
                    continue  # "on the condition that the service popular with students ...": content
                if event.cameo[:2] in GIVING_ROOTS and toks[-1].lemma_.lower() in MACHINES:
                    continue  # "offered to send helicopters to fight the fires": what is given
                link = pair_link(source_tokens, toks, self.res.patterns, SOURCE_ROLES)
                if link is None or link[0].idx != event.char_span[0]:
                    continue
                pred = model.predict(link[1])
                sure = pred.probability >= self.min_confidence and pred.label[:2] == event.cameo[:2]
                if sure and (best is None or pred.probability > best[0]):
                    best = (pred.probability, m)
            if best is None:
                out.append(event)
                continue
            target = localise(best[1], "", "home-country", places)
            out.append(replace(event, target=target, theme=None, pattern=event.pattern + "+backoff-target"))
        return share_targets(out)

    def backoff_events(
        self, sent: Any, coded: list[Event], mentions: list[Mentioned], make: MakeEvent
    ) -> Iterator[Event]:
        """Events the back-off classifier proposes for actor pairs no pattern event links."""
        model = self.res.backoff
        if model is None:
            return
        linked = [
            ((e.source.start, e.source.end), (e.target.start, e.target.end))
            for e in coded
            if e.target is not None and not e.cameo.startswith("01")
        ]
        # words that already carry an event, or govern one ("said" above "agreed to cooperate"), and
        # speech verbs: the back-off does not add a second reading of them
        fired = _governing_words(sent, coded)
        for a in range(len(mentions)):
            for b in range(a + 1, len(mentions)):
                (ma, ta), (mb, tb) = mentions[a], mentions[b]
                if _pair_linked(linked, ma, mb) or same_actor(ma, mb):
                    continue
                best: tuple[float, ActorMention, ActorMention, Any, Prediction] | None = None
                for (ms, ts), (mt, tt) in (((ma, ta), (mb, tb)), ((mb, tb), (ma, ta))):
                    link = pair_link(ts, tt, self.res.patterns, SOURCE_ROLES)
                    if link is None or link[0].idx in fired or link[0].lemma_.lower() in LIGHT_LEMMAS:
                        continue  # "had 8 delegates", "has the highest number of infections"
                    pred = model.predict(link[1])
                    if pred.label == BACKOFF_NONE or pred.label.startswith("01"):
                        continue
                    if pred.probability >= self.min_confidence and (
                        best is None or pred.probability > best[0]
                    ):
                        best = (pred.probability, ms, mt, link[0], pred)
                if best is not None:
                    _, source, target, word, pred = best
                    why = f"backoff:{pred.label}:{pred.probability:.2f}:" + ",".join(pred.reasons)
                    yield from make(source, target, word, pred.label + "0", why)


def _governing_words(sent: Any, events: Sequence[Event]) -> set[int]:
    """Character offsets of the words that already carry an event (a plain "said" may still report
    one), and of the speech verbs above them ("said" above "agreed to cooperate" gives no second
    event)."""
    coded = [e for e in events if e.cameo != "010"]
    triggers = trigger_tokens(sent, coded)
    out = set(triggers)
    for tok in triggers.values():
        out.update(a.idx for a in tok.ancestors if a.lemma_.lower() in SPEECH_LEMMAS)
    return out


def _in_clause_of_noun(tok: Any, trigger: Any | None) -> bool:
    """Whether a word lies in a noun's content clause (a that-clause: "on the condition that the
    service popular with students would ...") or relative clause ("the rally ..., where Biden has
    been projected to win") that does not hold the trigger; the subject of a relative clause on the
    trigger's own object names the thing's author ("condemned the decision that Israel announced")."""
    above = {a.i for a in trigger.ancestors} | {trigger.i} if trigger is not None else set()
    for a in tok.ancestors:
        if a.i in above or not (content_clause(a) or a.dep_ == "relcl"):
            continue
        on_object = trigger is not None and a.head.head.i == trigger.i
        author = a.dep_ == "relcl" and tok.head.i == a.i and tok.dep_ == "nsubj" and on_object
        return not author
    return False


def _named_place(m: ActorMention, tok: Any) -> bool:
    """A place name in a prepositional phrase ("travelling from Louisiana"): where, not who; a capital
    or a region is an actor only as a subject or a possessor ("Washington said", "Kyiv's forces")."""
    return (
        m.matched_by.startswith(("capital:", "place:")) and not m.sector and tok.dep_ not in {"nsubj", "poss"}
    )


def _thing_headed(actors: ArticleActors, tok: Any, m: ActorMention) -> bool:
    """A phrase headed by a listed thing that the actor's entry does not name: "a military development
    program" (the agent word "military" resolved it), not "the World Food Programme"."""
    return actors.is_thing(tok) or (
        actors.listed_thing(tok) and tok.lemma_.lower() not in m.matched_by.lower()
    )


def _modifies_thing(actors: ArticleActors, tok: Any) -> bool:
    """A word inside a noun phrase whose head is a thing ("military" in "a military cooperation
    agreement", "Ministry" in "Finance Ministry approval")."""
    node = tok
    while node.dep_ in {"compound", "amod", "nmod"} and node.head.i != node.i:
        node = node.head
    return node.i != tok.i and actors.is_thing(node)


def _pair_linked(
    linked: Sequence[tuple[tuple[int, int], tuple[int, int]]], a: ActorMention, b: ActorMention
) -> bool:
    """Whether a pattern event already links the two mentions, in either direction."""

    def hit(span: tuple[int, int], m: ActorMention) -> bool:
        return span[0] < m.end and m.start < span[1]

    return any((hit(s, a) and hit(t, b)) or (hit(s, b) and hit(t, a)) for s, t in linked)


def _judged_act(sent: Any, event: Event) -> tuple[int, int] | None:
    """The span of the act done to someone that a disapproval or rejection judges ("criticized the
    attack on Syria"), whose victims are never its target; None otherwise."""
    theme = event.theme
    if theme is None or event.cameo[:2] not in JUDGING_ROOTS:
        return None
    inside = [t for t in sent if theme.start <= t.idx < theme.end]
    heads = [t for t in inside if t.head.i == t.i or not theme.start <= t.head.idx < theme.end]
    if not heads or heads[0].lemma_.lower() not in ACTS_ON:
        return None
    phrase = list(heads[0].subtree)  # the act with its objects ("the attack on Syria")
    return phrase[0].idx, phrase[-1].idx + len(phrase[-1].text)
