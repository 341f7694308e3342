"""Joint actors and their sides: which (source, target) pairs one trigger gives — each member of a
joint actor, the reciprocal pairs of a joint subject ("India and China exchanged fire", "the government
and the opposition held talks"), and which sides of one country can face each other in a clash."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any

from eventwire.events.arguments import names_person, same_actor
from eventwire.events.patterns import Pattern
from eventwire.models import ActorCode, ActorMention

__all__ = ["NO_TARGET_ROOTS", "RECIPROCAL_CODES", "event_pairs", "expand"]

# Events whose target may be left unnamed even when the verb has a non-actor object
# ("protested against the new laws", "mobilised reserves").
NO_TARGET_ROOTS = frozenset({"14", "15"})
# Codes whose joint source without a target is reciprocal ("X and Y met / held drills"): intending to
# meet, consulting, negotiating, diplomatic cooperation, signing and material cooperation; not acts done
# to a third party ("X and Y pledged aid", "praised", "visited", "offered to mediate").
RECIPROCAL_CODES = ("036", "040", "041", "044", "046", "050", "057", "06")
# Intents that are mutual when the joint actors agree on them ("X and Y agreed to cooperate") or pledge
# to mend their own relations ("pledged to restore diplomatic cooperation"), not when they vow or
# pledge something to a third party ("X and Y pledged support", "vowed to help").
MUTUAL_INTENT_VERBS = frozenset({"agree", "decide", "resolve", "consent"})
# Roots of clashes between sides (protest, assault, fight, mass violence).
CLASH_ROOTS = frozenset({"14", "18", "19", "20"})
# Sectors of the state's force: a clash of one country's sides sets one of them against the others.
STATE_FORCE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD"})


def _opposed(members: Sequence[ActorCode]) -> bool:
    """Whether the sides of one country can be at odds in a clash: the state's force against others
    ("police and protesters"), not two forces of the state nor two groups of civilians."""
    force = [m.sector in STATE_FORCE_SECTORS for m in members]
    return any(force) and not all(force)


def event_pairs(
    tok: Any,
    source: ActorMention,
    target: ActorMention | None,
    pattern: Pattern,
    code: str,
    relational: bool = False,
) -> Iterator[tuple[ActorMention, ActorMention | None]]:
    """The (source, target) pairs one trigger gives: each member of a joint source or target, or,
    for a reciprocal act of a joint source with no target, each side towards the others."""
    sources = expand(source)
    # "police and protesters clashed", "the government and the opposition held talks": two sides
    # of one country; not two named people ("Trump and Pence met Kim": whom they met is unknown)
    sides = bool(source.members) and not _names_people(tok, source)
    if sides and code[:2] in CLASH_ROOTS and not _opposed(source.members):
        sides = False  # "soldiers and police exchanged fire", "students and workers clashed": one side
    if target is None:
        if any(c.dep_ == "dobj" and c.pos_ == "PROPN" for c in tok.children):
            sides = False  # "Trump and Pence met Kim": someone the tables do not know, not each other
        intent = code.startswith(("030", "031")) and (pattern.lemma in MUTUAL_INTENT_VERBS or relational)
        # the act is mutual, also when announced ("agreed to share information": 06 as an intent)
        mutual = code.startswith(RECIPROCAL_CODES) or pattern.code.startswith(RECIPROCAL_CODES)
        if len(sources) > 1 and (pattern.reciprocal or mutual or intent):
            for s in sources:
                for t in sources:
                    if s.identity != t.identity and (s.country != t.country or sides):
                        yield s, t
            return
        for s in sources:
            yield s, None
        return
    targets = expand(target)
    for s in sources:
        kept = [t for t in targets if not same_actor(s, t)]
        if not kept and pattern.code[:2] in NO_TARGET_ROOTS:
            yield s, None  # "protested in New Delhi": the place is no target
        for t in kept:
            yield s, t


def _names_people(tok: Any, mention: ActorMention) -> bool:
    """Whether a joint mention names people only ("Trump and Pence"; not "President Trump and
    Congress")."""
    spans = mention.member_spans or ((mention.start, mention.end),)
    return all(names_person(t for t in tok.doc if a <= t.idx < b) for a, b in spans)


def expand(mention: ActorMention) -> list[ActorMention]:
    """A joint actor as one mention per member; a single actor as itself."""
    if not mention.members:
        return [mention]
    if len(mention.member_spans) == len(mention.members):
        return [
            replace(
                mention,
                text=mention_text,
                start=a,
                end=b,
                country=m.country,
                sector=m.sector,
                members=(),
                member_spans=(),
            )
            for m, (a, b), mention_text in zip(
                mention.members, mention.member_spans, _span_texts(mention), strict=True
            )
        ]
    return [
        replace(mention, country=m.country, sector=m.sector, members=(), member_spans=())
        for m in mention.members
    ]


def _span_texts(mention: ActorMention) -> list[str]:
    """Each member's text, cut from the joint mention's text by the member spans."""
    return [
        mention.text[a - mention.start : b - mention.start]
        if mention.start <= a and b <= mention.end
        else mention.text  # an antecedent elsewhere ("both"): keep the referring words
        for a, b in mention.member_spans
    ]
