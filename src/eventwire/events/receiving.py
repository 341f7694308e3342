"""Acts told from the receiving side: "Ukraine received weapons from the United States" is the United
States' aid to Ukraine, and "the government faced criticism from rights groups" the groups' criticism
of the government — the giver is the source, the receiver the target."""

from __future__ import annotations

from typing import Any

from eventwire.actors.words import prep_objects
from eventwire.events.patterns import Pattern

__all__ = ["GIFTS", "JUDGEMENTS", "RECEIVING_VERBS", "giver", "is_receiving", "judged_owner", "receiving"]

#: Verbs that tell a gift from its receiver's side ("obtained" and "got" are left out: often bought).
RECEIVING_VERBS = frozenset({"receive"})
#: What is given, with its CAMEO aid code (070 aid, 071 economic, 072 military, 073 humanitarian).
GIFTS: dict[str, str] = {
    "aid": "070",
    "assistance": "070",
    "help": "070",
    "donation": "070",
    "relief": "073",
    "vaccine": "073",
    "weapon": "072",
    "arm": "072",
    "ammunition": "072",
    "loan": "071",
    "funding": "071",
    "grant": "071",
    "credit": "071",
}
#: Verbs that tell a judgement, a threat or a penalty from its receiver's side ("drew condemnation
#: from the UN", "faced sanctions from Washington", "won praise from the opposition").
JUDGEMENT_VERBS = frozenset({"receive", "draw", "face", "attract", "earn", "win", "incur"})
#: Verbs a criticism arrives by as their subject ("condemnation came from the UN", "statements of
#: condemnation have come from Egypt and Jordan", "criticism poured in from Europe").
ARRIVAL_VERBS = frozenset({"come", "pour", "flood"})
#: What is only received when it was done: "faces a growing threat from China" is an assessment, "faces
#: sanctions" mostly a prospect; "received threats", "incurred" or "faced sanctions" happened.
DONE_ONLY = frozenset({"130", "163"})
DONE_VERBS = frozenset({"receive", "incur"})
#: What is received, with its CAMEO code (111 criticise, 051 praise, 130 threaten, 163 sanctions).
JUDGEMENTS: dict[str, str] = {
    **dict.fromkeys(("criticism", "condemnation", "rebuke", "censure", "backlash", "reproach"), "111"),
    **dict.fromkeys(("praise", "applause", "plaudit", "commendation", "congratulation"), "051"),
    **dict.fromkeys(("threat", "ultimatum"), "130"),
    **dict.fromkeys(("sanction", "embargo"), "163"),
}
#: A modifier of the gift that names its kind ("military aid", "humanitarian assistance").
KINDS: dict[str, str] = {
    **dict.fromkeys(("military", "security", "defence", "defense"), "072"),
    **dict.fromkeys(("humanitarian", "food", "emergency", "medical"), "073"),
    **dict.fromkeys(("economic", "financial", "development"), "071"),
}


def receiving(tok: Any) -> Pattern | None:
    """The aid entry of a receiving verb whose object is a gift and that names the giver with "from"
    ("received military aid from Iran": 072), or None ("received Iranian assistance", no giver named,
    is left to the other entries and their senses)."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB":
        return None
    if lemma in JUDGEMENT_VERBS:
        judged = _judgement(tok, lemma)
        if judged is not None:
            return judged
    if lemma in ARRIVAL_VERBS:
        return _arrived(tok, lemma)
    if lemma not in RECEIVING_VERBS:
        return None
    gift = _received(tok, GIFTS)
    if gift is None:
        return None
    code = GIFTS[gift.lemma_.lower()]
    for modifier in gift.children:
        if modifier.dep_ in {"amod", "compound"} and modifier.lemma_.lower() in KINDS:
            code = KINDS[modifier.lemma_.lower()]
    return _entry(lemma, code, GIFTS, "told from the receiving side: the giver acts")


def is_receiving(pattern: Pattern) -> bool:
    """Whether an entry reads an act from its receiving side (source and target swap)."""
    return pattern.id.startswith("receive:")


def _judgement(tok: Any, lemma: str) -> Pattern | None:
    """The entry of a judgement, threat or penalty received from someone named with "from" ("drew
    sharp criticism from the EU": the EU criticises; "received threats from a gang"), or None."""
    thing = _received(tok, JUDGEMENTS)
    if thing is None:
        return None
    code = JUDGEMENTS[thing.lemma_.lower()]
    if code in DONE_ONLY and lemma not in DONE_VERBS and tok.tag_ != "VBD":
        return None  # "faces sanctions from Washington if ...": a prospect ("faced sanctions": done)
    return _entry(
        lemma, code, JUDGEMENTS, "a judgement told from its receiver's side: the one who judges acts"
    )


def _arrived(tok: Any, lemma: str) -> Pattern | None:
    """The entry of a criticism or praise that comes "from" someone as the verb's subject, itself or
    as its "of" phrase ("statements of condemnation have come from ..."), or None."""
    if not prep_objects(tok, ("from",)):
        return None
    for subject in (c for c in tok.children if c.dep_ == "nsubj"):
        for thing in (subject, *prep_objects(subject, ("of",))):
            code = JUDGEMENTS.get(thing.lemma_.lower())
            if code is not None and code.startswith("11"):  # (praise needs the one praised: 05 has a target)
                return _entry(lemma, code, {}, "a judgement that comes from someone: the one who judges acts")
    return None


def _received(tok: Any, things: dict[str, str]) -> Any | None:
    """The direct object of ``tok`` that is one of ``things`` and is received "from" someone (the
    "from" hung on the verb or on the object), or None."""
    thing = next((c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in things), None)
    if thing is None:
        return None
    if not any(c.dep_ == "prep" and c.lower_ == "from" for c in (*tok.children, *thing.children)):
        return None
    return thing


def _entry(lemma: str, code: str, things: dict[str, str], note: str) -> Pattern:
    """The dictionary entry of a received thing, read from the giver's side (:func:`is_receiving`)."""
    return Pattern(
        id=f"receive:{lemma}:{code}",
        lemma=lemma,
        pos="VERB",
        code=code,
        object=tuple(things),
        prep=("from",),
        note=note,
    )


def giver(actors: Any, tok: Any, obj: Any | None) -> Any | None:
    """The actor named with "from" that gives what ``tok`` receives ("drew condemnation from the
    United Nations": the United Nations), an ``ActorMention`` of ``actors``, or None."""
    for p in [*prep_objects(tok, ("from",)), *(prep_objects(obj, ("from",)) if obj is not None else [])]:
        m = actors.joint([p, *p.conjuncts]) if p.conjuncts else None  # "from Canada and Mexico"
        m = m if m is not None and m.members else actors.mention(p)
        if m is not None:
            return m
    return None


def judged_owner(actors: Any, tok: Any) -> Any | None:
    """The author of the thing that receives a judgement ("Hungary's veto drew criticism": Hungary; "the
    Israeli plan": Israel), an ``ActorMention`` of ``actors``, or None ("the bombing")."""
    for subject in (c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}):
        for c in subject.children:
            if c.dep_ == "poss":
                m = actors.mention(c)
                if m is not None:
                    return m
        m = actors.owner_of(subject)
        if m is not None:
            return m
    return None
