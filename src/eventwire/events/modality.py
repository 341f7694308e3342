"""Modality: whether an event is asserted as done, or only hoped for, planned,
conditional, requested, future or negated.

The trigger's own negation and auxiliaries are read first; then the chain of
governing verbs/adjectives (``xcomp``/``ccomp``/``advcl``/``acl``...) is walked
upwards and the nearest governor whose lemma is listed decides the status.
"""

from __future__ import annotations

from typing import Any

from eventwire.models import EventStatus

HOPE = frozenset({"hope", "wish", "expect", "anticipate", "look", "desire", "aspire", "dream"})
HOPE_FORMS = frozenset({"hopes", "hoped", "hoping", "wishes", "wished", "expects", "expected"})
INTEND = frozenset(
    {
        "plan",
        "intend",
        "aim",
        "seek",
        "prepare",
        "want",
        "decide",
        "willing",
        "ready",
        "eager",
        "determined",
        "pledge",
        "promise",
        "vow",
        "offer",
        "propose",
        "consider",
        "try",
        "attempt",
        "mull",
        "agree",
        "commit",
        "resolve",
        "threaten",
        "warn",
    }
)
REQUEST = frozenset({"urge", "call", "ask", "demand", "request", "appeal", "press", "encourage", "invite"})
NEGATORS = frozenset({"refuse", "fail", "decline", "deny", "reject", "avoid", "stop", "cease", "halt"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
MODAL_COND = frozenset({"would", "could", "might", "may"})
NEG_WORDS = frozenset({"not", "n't", "never", "no"})
GOVERNED = frozenset({"xcomp", "ccomp", "advcl", "acl", "relcl", "pcomp", "conj", "prep", "pobj", "acomp"})


def _has_neg(token: Any) -> bool:
    return any(
        c.dep_ == "neg" or (c.lower_ in NEG_WORDS and c.dep_ in {"neg", "advmod", "det"})
        for c in token.children
    )


def _aux_lemmas(token: Any) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ in {"aux", "auxpass"}}


def _is_conditional(token: Any) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in token.children)


def status_of(trigger: Any) -> EventStatus:
    """The modality of the event whose trigger is ``trigger`` (a spaCy Token)."""
    token = trigger
    # A noun trigger ("a phone call") takes the modality of the verb it hangs on.
    hops = 0
    while token.pos_ not in {"VERB", "AUX", "ADJ"} and token.head.i != token.i and hops < 4:
        token = token.head
        hops += 1
    own = _local_status(token)
    if own in {"negated", "conditional"}:
        return own
    governed = _governed_status(token)
    return governed or own or "asserted"


def _governed_status(token: Any) -> EventStatus | None:
    """The status set by the nearest governing verb ("hopes that X will...", "refused to...")."""
    child = token
    head = token.head
    for _ in range(6):
        if head.i == child.i or child.dep_ not in GOVERNED:
            break
        if child.dep_ == "conj":  # coordinated verbs share their governor's modality
            child, head = head, head.head
            continue
        lemma = head.lemma_.lower()
        if _has_neg(head) and head.pos_ in {"VERB", "AUX", "ADJ"}:
            return "negated"
        if lemma in NEGATORS:
            return "negated"
        if lemma in HOPE or head.lower_ in HOPE_FORMS:  # the sm lemmatizer gives "hop" for "hopes"
            return "hoped"
        if lemma in REQUEST and child.dep_ in {"xcomp", "advcl", "ccomp"}:
            return "requested"
        if lemma in INTEND and child.dep_ in {"xcomp", "ccomp", "advcl", "acomp"}:
            return "intended"
        local = _local_status(head)
        if local is not None:
            return local
        child, head = head, head.head
    return None


def _local_status(token: Any) -> EventStatus | None:
    if _has_neg(token):
        return "negated"
    if _is_conditional(token):
        return "conditional"
    aux = _aux_lemmas(token)
    if aux & FUTURE_AUX:
        return "future"
    if aux & MODAL_COND:
        return "conditional"
    if any(c.lower_ == "going" and c.dep_ in {"aux", "xcomp"} for c in token.children):
        return "future"
    return None
