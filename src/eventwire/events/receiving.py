"""Acts told from the receiving side: "Ukraine received weapons from the United States" is the United
States' aid to Ukraine — the giver is the source, the receiver the target."""

from __future__ import annotations

from typing import Any

from eventwire.events.patterns import Pattern

__all__ = ["GIFTS", "RECEIVING_VERBS", "is_receiving", "receiving"]

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
    if tok.pos_ != "VERB" or lemma not in RECEIVING_VERBS:
        return None
    gift = next((c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in GIFTS), None)
    if gift is None:
        return None
    if not any(c.dep_ == "prep" and c.lower_ == "from" for c in (*tok.children, *gift.children)):
        return None
    code = GIFTS[gift.lemma_.lower()]
    for modifier in gift.children:
        if modifier.dep_ in {"amod", "compound"} and modifier.lemma_.lower() in KINDS:
            code = KINDS[modifier.lemma_.lower()]
    return Pattern(
        id=f"receive:{lemma}:{code}",
        lemma=lemma,
        pos="VERB",
        code=code,
        object=tuple(GIFTS),
        prep=("from",),
        note="told from the receiving side: the giver acts",
    )


def is_receiving(pattern: Pattern) -> bool:
    """Whether an entry reads an act from its receiving side (source and target swap)."""
    return pattern.id.startswith("receive:")
