"""How sure the coder is of one coded mention: a score in [0, 1] from how the event was found.

A rule heuristic, not a calibrated probability (a learned model that calibrates it is planned): a
pattern event whose actors the sentence names directly scores highest; an event read by the learned
back-off starts from the model's probability; each indirect step lowers the score — an actor found by
coreference ("he", "the two sides"), a subject repaired after a parse error, a country taken from the
story rather than the words, a named person whose role is unknown, a statement's topic taken as its
target, a thing's owner taken for the actor.  GDELT's Mentions table exports it as ``Confidence``
(0-100).
"""

from __future__ import annotations

from eventwire.models import ActorMention

__all__ = ["BASE", "PENALTIES", "confidence"]

#: The starting score by how the trigger fired (the ``pattern`` field's first part).
BASE = {"verb": 0.9, "noun": 0.85, "label": 0.75}
#: What each indirect step (a tag in ``matched_by`` or ``pattern``) costs.
PENALTIES = {
    "coref:": 0.1,
    "memory:": 0.05,
    "repaired-subject": 0.15,
    "home-country": 0.05,
    "event-place": 0.03,
    "person+home": 0.1,
    "+topic": 0.1,
    "owner-of": 0.05,
    "given-target": 0.1,
    "office-holder-country": 0.05,
}
#: A plain statement ("X said ...") is the least specific pattern event.
PLAIN_STATEMENT = 0.1


def _tags(m: ActorMention | None) -> str:
    return m.matched_by if m is not None else ""


def confidence(
    pattern: str,
    cameo: str,
    source: ActorMention,
    target: ActorMention | None,
    probability: float | None = None,
) -> float:
    """The score of one mention (see the module docstring); ``probability``: the back-off's."""
    if probability is not None:
        score = 0.9 * probability
    else:
        score = BASE.get(pattern.split(":", 1)[0], 0.8)
        if cameo == "010":
            score -= PLAIN_STATEMENT
    described = " ".join((_tags(source), _tags(target), pattern))
    for tag, cost in PENALTIES.items():
        if tag in described:
            score -= cost
    return round(min(0.99, max(0.05, score)), 2)
