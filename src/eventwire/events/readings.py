"""What a verb's own clause says of its act: a description or an opinion rather than a report ("the
defending champion", "considered the matter closed"), a fact insisted on rather than a demand ("insisted
that the army had not targeted civilians")."""

from __future__ import annotations

from typing import Any

__all__ = ["CLAIMING_DEMANDS", "OPINION_VERBS", "descriptive", "fact_insisted"]

# Verbs of opinion: "considered X (to be) Y" is a view of X, not a policy option.
OPINION_VERBS = frozenset({"consider", "deem", "regard", "view"})
# Verbs of demanding that, with a that-clause of fact, only claim it ("insisted that X was ...").
CLAIMING_DEMANDS = frozenset({"insist"})


def descriptive(tok: Any) -> bool:
    """A verb form that describes rather than reports an act: a participle modifying a noun ("the
    defending champion", "a crushing defeat"), a complement of "as" ("described the deaths as
    crushing"), an opinion ("considered her best performance to be ...", "considered him a flight
    risk")."""
    if tok.pos_ in {"VERB", "AUX"} and tok.tag_ in {"VBG", "VBN"} and tok.dep_ == "amod":
        return True
    if tok.dep_ == "pcomp" and tok.head.lower_ == "as":
        return True
    if tok.lemma_.lower() in OPINION_VERBS:
        # "considered X (to be) Y", "considered Rittenhouse a flight risk" (a verbless small clause)
        return any(
            c.dep_ in {"oprd", "ccomp", "xcomp"}
            and (
                c.lemma_.lower() == "be"
                or c.dep_ == "oprd"
                or c.pos_ in {"NOUN", "ADJ", "PROPN"}
                or _small_clause(c)
            )
            for c in tok.children
        ) or any(c.dep_ == "dobj" and c.ent_type_ == "PERSON" for c in tok.children)
    return False


def _indicative_content(tok: Any) -> bool:
    """Whether a verb's that-clause states a fact (a finite verb in the past or present, no modal:
    "insisted that the country was living up to the pact") rather than what must be done ("insisted
    that he resign", "insisted Iran must release")."""
    for c in tok.children:
        if c.dep_ != "ccomp":
            continue
        aux = {a.lower_ for a in c.children if a.dep_ in {"aux", "auxpass"}}
        if aux & {"must", "should", "would", "will", "shall", "ought", "to", "could", "can", "may"}:
            return False
        # a verb in the present plural may be a subjunctive ("insisted that all troops leave"), and so is
        # a bare form with a singular subject ("insisted that he resign", "that Congress fund the wall")
        return (
            bool(aux & {"was", "were", "is", "are", "has", "have", "had"})
            or c.tag_ in {"VBD", "VBZ"}
            or (c.lemma_ == "be" and c.tag_ == "VBP")
        )
    return False


def _small_clause(clause: Any) -> bool:
    """A participle with a subject and no auxiliary or "that": "considered the case closed" (the
    tagger may read the participle as a past tense)."""
    return (
        clause.tag_ in {"VBN", "VBD"}
        and any(c.dep_ == "nsubj" for c in clause.children)
        and not any(c.dep_ in {"aux", "auxpass", "mark"} for c in clause.children)
    )


def fact_insisted(tok: Any) -> bool:
    """Whether a verb of demanding only claims a fact ("insisted that the country was living up to the
    pact"), which is no demand."""
    return tok.lemma_.lower() in CLAIMING_DEMANDS and _indicative_content(tok)
