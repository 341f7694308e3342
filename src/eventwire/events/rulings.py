"""A court's finding against a party: a judge or court that rules, finds, determines, concludes or
holds that a party acted unlawfully is CAMEO 116 (find guilty or liable) aimed at that party.

"The Supreme Court ruled that the Prime Minister's advice to the Queen was unlawful", "the judge
determined Manafort had lied": the finding is read like a statement (:mod:`eventwire.events.speech`):
its content clause names the party, and the content's words must condemn or accuse it (the statement
lexicon's criticism and accusation). A finding for a party, or one by anybody but a court, is no event.
"""

from __future__ import annotations

from typing import Any

from eventwire.events.patterns import Pattern
from eventwire.models import ActorMention

__all__ = ["FINDING_VERBS", "finding", "is_finding", "ruling_code"]

#: Verbs by which a court states its finding in a content clause.
FINDING_VERBS = frozenset({"rule", "find", "determine", "conclude", "hold", "declare", "decide"})
#: Statement kinds of the content that find against its party: criticism and accusation.
AGAINST = frozenset({"111", "112"})
JUDICIAL = "JUD"


def finding(tok: Any) -> Pattern | None:
    """The pattern of a finding verb with a content clause ("ruled (that) X was unlawful")."""
    lemma = tok.lemma_.lower()
    if lemma not in FINDING_VERBS or tok.pos_ != "VERB":
        return None
    if not any(c.dep_ == "ccomp" for c in tok.children):
        return None
    return Pattern(id=f"finding:{lemma}:010", lemma=lemma, pos="VERB", code="010", note="court finding")


def is_finding(pattern: Pattern) -> bool:
    return pattern.id.startswith("finding:")


def ruling_code(tok: Any, source: ActorMention, code: str, target: ActorMention | None) -> str | None:
    """The code of a statement by a finding verb whose content is coded ``code``: 116 when a court
    finds against a named party, else None (no finding)."""
    if tok.lemma_.lower() not in FINDING_VERBS or source.sector != JUDICIAL:
        return None
    return "116" if target is not None and code in AGAINST else None
