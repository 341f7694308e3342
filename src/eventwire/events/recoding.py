"""CAMEO's recoding of an act by how it is reported and who does it.

Unrealised acts (CAMEO 1.1b3, ch. 2): an announced or intended cooperative act is an expression of
intent (03x), a refused one a rejection (12x), a suspended one a reduction of relations (16x), an
announced conflictual one a threat (13x), one only weighed a policy option (014).  Violence by whom
(docs/annotation.md §3.2, §10.3): violence by people who are not a state's forces or an armed group
is assault (18x) — a killing 1823, a stabbing or beating 182 — and civilians clashing with police or
each other or attacking the state's institutions riot (145: "protesters stormed parliament"); police
force against civilians is violent repression (175).  A protest by a
state or its government is an official complaint (114), not a demonstration (14x).
"""

from __future__ import annotations

from typing import Any

from eventwire.models import ActorMention, EventStatus

__all__ = [
    "COMMERCE_ROOTS",
    "COMMERCE_VERBS",
    "CONSIDER_VERBS",
    "INTENT_CODE",
    "INTENT_DETAIL",
    "PERSON_RULES",
    "REJECT_CODE",
    "SENDING_VERBS",
    "STOPPED_CODE",
    "THREAT_CODE",
    "accord",
    "announced_resignation",
    "considered",
    "intent_code",
    "is_person",
    "recode_by_actors",
    "recode_modality",
    "stopped",
    "verbal_attack",
]

#: Verbs of commerce: a sale or purchase between countries ("Japan bought 4,000 tonnes of Canadian
#: rapeseed", "Australia sold raw sugar to the Soviet Union") is trade, neither aid (07) nor material
#: cooperation (06), when a classifier reads it so; rule patterns still code arms sales (062).
COMMERCE_VERBS = frozenset({"buy", "sell", "purchase", "import", "export", "trade", "resell", "procure"})
COMMERCE_ROOTS = frozenset({"06", "07"})
#: Verbs whose direct object is what is sent, never whom it goes to ("sent Homeland Security officers
#: to Portland": the officers are the sender's own; "provide X with Y" is left out: X receives).
SENDING_VERBS = frozenset({"send", "deploy", "dispatch", "deliver", "ship", "transfer", "donate", "lend"})

# Auxiliaries of an act to come ("agreed that they would cooperate").
FUTURE_AUX = frozenset({"will", "would", "shall", "should", "'ll", "must"})

# Verbs of attack that politicians also do with words, and the settings that show it.
VERBAL_ATTACK_LEMMAS = frozenset({"attack", "assail", "hit", "slam", "blast", "lash", "strike"})
FORUM_NOUNS = frozenset({"debate", "interview", "speech", "statement", "tweet", "post", "rally", "hearing"})
# What an attack "on" is about or where it is made when it is made with words.
VERBAL_ON_NOUNS = frozenset(
    {"issue", "policy", "record", "handling", "response", "tax", "taxes", "twitter", "facebook", "television"}
)

# Express-intent codes (CAMEO 03x) for a cooperative event that is only intended.
INTENT_CODE = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}
# ... and the codebook's finer ones, where the act names its kind: CAMEO 03x mirrors 06x, 07x and 08x
# ("will withdraw its troops": 087 -> 0356; "pledged to resign": 0831 -> 0341).
INTENT_DETAIL = {
    "061": "0311",
    "062": "0312",
    "063": "0313",
    "064": "0314",
    "071": "0331",
    "072": "0332",
    "073": "0333",
    "074": "0334",
    "081": "0351",
    "082": "0352",
    "083": "034",
    "0831": "0341",
    "0832": "0342",
    "0833": "0343",
    "0834": "0344",
    "084": "0353",
    "085": "0354",
    "086": "0355",
    "087": "0356",
}
# Verbs that make a resignation they govern public: "announced he would step down" is the resignation.
ANNOUNCING_VERBS = frozenset({"announce", "confirm", "declare"})

# Threat codes (CAMEO 13x) for a conflictual act that is announced, intended or conditional.
THREAT_CODE = {"14": "133", "15": "138", "16": "131", "17": "132", "18": "138", "19": "138", "20": "138"}

# Reduce-relations codes (CAMEO 16x) for a cooperative act that is suspended, cut or halted.
STOPPED_CODE = {"03": "160", "04": "164", "05": "160", "06": "161", "07": "162", "08": "160"}

STOPPING_VERBS = frozenset(
    {
        "suspend",
        "halt",
        "cut",
        "stop",
        "end",
        "freeze",
        "cancel",
        "scrap",
        "terminate",
        "reduce",
        "slash",
        "withhold",
        "curtail",
        "break",
        "sever",
        "pause",
        "abandon",
    }
)

# Rejection codes (CAMEO 12x) for a cooperative act that is refused, or fails to happen.
REJECT_CODE = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}

CONSIDER_VERBS = frozenset({"consider", "mull", "weigh", "contemplate", "ponder", "debate", "study"})

# Who counts as a state's force or an armed group: its violence is military force (19x).
ARMED_SECTORS = frozenset({"MIL", "GOV", "REB", "INS", "SEP", "SPY"})
# Trigger lemmas of assault by individuals, and their CAMEO 18x codes.
ASSAULT_CODES = {
    "kill": "1823",
    "murder": "1823",
    "slay": "1823",
    "stab": "182",
    "beat": "182",
    "punch": "182",
    "assault": "182",
    "attack": "182",
    "injure": "182",
    "wound": "182",
    "bomb": "183",
    "blow": "183",
}
# Words of a clash rather than a one-sided attack.
CLASH_LEMMAS = frozenset({"clash", "fight", "battle", "scuffle", "riot", "brawl", "skirmish"})
# Sectors of the state institutions a crowd storms or attacks (a riot, not an assault on a person), and
# the words of that violence ("shot him" is an assault, whoever he was).
STORMED_SECTORS = frozenset({"GOV", "LEG", "JUD", "COP"})
STORM_LEMMAS = frozenset({"storm", "attack", "ransack", "raid", "besiege", "torch", "overrun", "invade"})


def recode_modality(
    code: str,
    status: EventStatus,
    why: str,
    intent_governor: bool,
    refusal: bool = False,
    own: bool = True,
) -> tuple[str, EventStatus, str]:
    """CAMEO's own coding of unrealised cooperation: an intended, promised or announced future
    cooperative act is an expression of intent (03x), a refused or failed one a rejection (12x);
    an announced, intended or conditional conflictual act is a threat (13x) — a conditional one only
    when it is the actor's own word (``own``): an act supposed ("if Reagan imposed the tariffs, Japan
    would ...") or that another says may happen ("Trump warned that Biden could destroy the growth")
    is no threat. (A future act another reports stays an intent or threat, as CAMEO codes it: "Fischer
    will visit Albania, the Albanian embassy said".) Other unrealised events keep their code and status."""
    if not own and status == "conditional":
        return code, status, why
    root = code[:2]
    if root in INTENT_CODE and (status == "future" or (status == "intended" and intent_governor)):
        intent = "039" if code.startswith("045") else intent_code(code)  # mediating: intent to mediate
        return intent, "asserted", why + "+intent"
    if root in REJECT_CODE and status == "negated" and refusal:
        return REJECT_CODE[root], "asserted", why + "+refused"
    if root in THREAT_CODE and status in {"future", "intended", "conditional"}:
        return THREAT_CODE[root], "asserted", why + "+threat"  # "will withdraw ... unless", "vowed to fight"
    return code, status, why


def intent_code(code: str) -> str:
    """The express-intent code (CAMEO 03x) of a cooperative act that is only intended: the finest the
    codebook has (:data:`INTENT_DETAIL`), else its root's (:data:`INTENT_CODE`)."""
    return INTENT_DETAIL.get(code[:4]) or INTENT_DETAIL.get(code[:3]) or INTENT_CODE[code[:2]]


def announced_resignation(tok: Any, code: str) -> bool:
    """Whether a resignation is announced rather than intended: "Abe announced he would step down",
    "Rosselló announced he would resign" (CAMEO 0831, the act itself; "said he would resign if ..."
    and "threatened to resign" stay what they were)."""
    if not code.startswith("0831") or tok.dep_ != "ccomp":
        return False
    if tok.head.tag_ not in {"VBD", "VBZ", "VBN"}:
        return False  # "is expected to announce he will step down", "will announce": not yet announced
    if any(c.dep_ == "advcl" and any(m.lower_ in {"if", "unless"} for m in c.children) for c in tok.children):
        return False
    return tok.head.lemma_.lower() in ANNOUNCING_VERBS


def considered(tok: Any) -> bool:
    """Whether the act is only weighed ("is considering sending aid", "mulls sanctions"): CAMEO 014,
    "Consider policy option"."""
    node = tok
    for _ in range(3):
        if node.dep_ not in {"xcomp", "ccomp", "dobj", "pcomp"} or node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.lower() in CONSIDER_VERBS:
            return True
    return False


# What someone thinks or said: agreeing "with" one of these is accord with its author, not a deal.
VIEW_NOUNS = frozenset(
    {
        "remark",
        "comment",
        "view",
        "assessment",
        "statement",
        "position",
        "opinion",
        "analysis",
        "conclusion",
        "criticism",
        "stance",
        "argument",
        "observation",
        "sentiment",
        "concern",
    }
)


def accord(tok: Any) -> bool:
    """Whether "agreed" is agreement with someone's words or views ("agreed with Wang's remarks",
    "concurred with the assessment"): CAMEO 019, "Express accord", not an intent to cooperate."""
    if tok.lemma_.lower() not in {"agree", "concur"}:
        return False
    if any(
        p.dep_ == "prep" and p.lower_ == "with" and o.dep_ == "pobj" and o.lemma_.lower() in VIEW_NOUNS
        for p in tok.children
        for o in p.children
    ):
        return True
    # "the governor agreed, saying only this group could have done it", "agreed that the situation was
    # serious": agreeing with a view; "agreed to meet", "agreed on a ceasefire", "agreed that they
    # would cooperate" are agreements to act
    if any(c.dep_ in {"xcomp", "dobj", "prep", "nsubjpass"} for c in tok.children):
        return False
    clauses = [c for c in tok.children if c.dep_ == "ccomp"]
    if any(a.dep_ == "aux" and a.lower_ in FUTURE_AUX for c in clauses for a in c.children):
        return False
    saying = [c for c in tok.children if c.dep_ == "advcl" and c.lemma_.lower() in {"say", "add", "note"}]
    # "agreed, saying Turkey would send troops": an agreement to act, said
    if any(
        a.dep_ == "aux" and a.lower_ in FUTURE_AUX for c in saying for g in c.children for a in g.children
    ):
        return False
    return bool(clauses) or bool(saying)


#: Prepositions that make "the end of X" a time ("at the end of talks"), not X stopped.
TIME_PREPS = frozenset({"at", "by", "until", "till", "towards", "before", "after"})
#: Nouns of stopping: "a suspension of aid to Egypt" stops the aid as "suspended aid" does.
STOPPING_NOUNS = frozenset(
    {"suspension", "halt", "cut", "cutoff", "freeze", "cancellation", "termination", "reduction", "end"}
)


def stopped(noun: Any) -> bool:
    """Whether a noun event is the object of a stopping verb or noun ("suspended aid", "broke off
    talks", "announced a suspension of aid to Egypt", "a freeze in aid")."""
    head = noun.head
    if noun.dep_ in {"compound", "amod"} and head.i != noun.i:  # "aid deliveries", "aid programme"
        noun, head = head, head.head
    if noun.dep_ == "pobj" and head.lower_ in {"of", "in", "on"} and head.head.i != head.i:
        stop = head.head
        if stop.dep_ == "pobj" and stop.head.lower_ in TIME_PREPS:
            return False  # "at the end of talks": a time, not talks ended
        return stop.pos_ == "NOUN" and stop.lemma_.lower() in STOPPING_NOUNS
    return noun.dep_ in {"dobj", "nsubjpass"} and head.lemma_.lower() in STOPPING_VERBS


#: Resolution rules (``matched_by`` prefixes) that give a person: a person's country is no state.
PERSON_RULES = ("apposition", "office-holder-country", "memory:name", "coref:pronoun", "person")


def is_person(m: ActorMention) -> bool:
    """Whether a mention is a person known only by name, pronoun or apposition ("Waseem", "he")."""
    return m.matched_by.startswith(PERSON_RULES) or "+apposition" in m.matched_by


def _armed(m: ActorMention | None, bodies: frozenset[str]) -> bool:
    """A state's forces, an armed group, a state or an international body (whose violence is 19x);
    a person whose country alone is known is none of them ("Waseem killed his sister": 18x)."""
    if m is None:
        return False
    if not m.members and not m.sector and is_person(m):
        return False
    members = m.members or (m.identity,)
    return any(
        c.sector in ARMED_SECTORS
        or (bool(c.country) and not c.sector)
        or c.country in bodies
        or c.country == "IMG"
        for c in members
    )


def _institution(m: ActorMention | None) -> bool:
    """A state institution, not a person in it ("parliament", "the police station's police")."""
    return m is not None and not m.members and m.sector in STORMED_SECTORS and not is_person(m)


def _politician(m: ActorMention) -> bool:
    """A named person or a body of civil politics (a government, a party, a legislature, a court, the
    press), whose "attacks" on another such with a reason are words ("for", "over")."""
    if m.members:
        return False
    return m.sector in {"GOV", "LEG", "PTY", "OPP", "ELI", "JUD", "MED"} and (
        is_person(m) or m.sector != "GOV" or m.matched_by.startswith("office-holder:")
    )


def _state(m: ActorMention) -> bool:
    """A state or its government speaking as such ("China", "the foreign ministry"; every member of a
    joint actor): its protest is an official complaint, not a demonstration."""
    named = m.matched_by.startswith(("name:", "alias:"))  # "China", not "Palestinians" (a demonym)
    return all(
        c.sector == "GOV" or (not c.sector and named and c.country not in {"IGO", "NGO", "IMG"})
        for c in m.members or (m.identity,)
    )


def verbal_attack(tok: Any) -> bool:
    """Whether an "attack" is made with words: a reason given with "for" or "over" ("attacked Trump
    over his taxes", "slammed the government for its handling of ..."), or a debate or interview as
    its setting ("in the debate, Biden attacked Trump")."""
    if tok.lemma_.lower() not in VERBAL_ATTACK_LEMMAS:
        return False
    reasons = any(c.dep_ == "prep" and c.lower_ in {"for", "over"} for c in tok.children) or any(
        c.dep_ == "prep"
        and c.lower_ == "on"
        and any(
            o.dep_ == "pcomp" or o.lemma_.lower() in VERBAL_ON_NOUNS or o.lower_ in VERBAL_ON_NOUNS
            for o in c.children
        )  # the lemmatizer reads "taxes" as "taxis"
        for c in tok.children
    )  # "attacked Trump on paying fewer taxes", "on his record", "on Twitter"
    forum = any(
        c.dep_ == "prep"
        and c.lower_ in {"in", "during"}
        and any(o.lemma_.lower() in FORUM_NOUNS for o in c.children)
        for c in tok.children
    )
    return reasons or forum


# Places and buildings attacked: with "as" they are still struck ("attacked the village as a stronghold").
PLACE_WORDS = frozenset(
    {
        "village", "town", "city", "base", "station", "building", "office", "headquarters", "camp", "post",
        "checkpoint", "convoy", "ship", "embassy", "compound", "house", "home", "school", "hospital", "site",
        "facility", "position", "area", "district", "neighbourhood", "neighborhood", "market", "mosque",
        "church", "temple", "port", "airport", "bridge", "road", "plant", "depot", "warehouse", "target",
    }
)  # fmt: skip
# What an attack made "as" something is, when it is no label ("struck the base as retaliation").
AS_PURPOSE = frozenset({"part", "retaliation", "revenge", "punishment", "response", "reprisal", "warning"})


def worded_attack(tok: Any) -> bool:
    """Whether an "attack" is made with a label, so with words ("attacked the impeachment
    investigation as 'Witch Hunt garbage'", "attacked Biden as a socialist"; the attack on a decision
    or an idea is its own pattern entry)."""
    if tok.lemma_.lower() not in VERBAL_ATTACK_LEMMAS or tok.pos_ != "VERB":
        return False
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    if any(o.ent_type_ in {"GPE", "LOC", "FAC"} or o.lemma_.lower() in PLACE_WORDS for o in objects):
        return False  # "attacked the village as a rebel stronghold", "the police station as a symbol"
    return any(
        c.dep_ == "prep" and c.lower_ == "as" and p.dep_ == "pobj" and p.lemma_.lower() not in AS_PURPOSE
        for t in (tok, *objects)
        for c in t.children
        for p in c.children
    )


def recode_by_actors(
    code: str,
    lemma: str,
    source: ActorMention,
    target: ActorMention | None,
    bodies: frozenset[str],
    verbal: bool = False,
) -> tuple[str, str]:
    """(code, reason) for violence by who does it to whom (see the module docstring); ``bodies``:
    the codes of named international bodies."""
    root = code[:2]
    if code[:3] in {"140", "141"} and _state(source):
        return "114", "+official-protest"  # "the foreign ministry protested the seizure": a complaint
    if root not in {"18", "19"}:
        return code, ""
    if "suicide bomber" in source.text.lower():
        return "1831", "+suicide-bombing"  # "Taliban suicide bombers killed 48 people"
    if verbal and not _armed(source, bodies) and source.sector not in {"COP", "UAF", "CRM"}:
        return "111", "+verbal"  # "Biden attacked Trump over his taxes": criticism, not assault
    if verbal and _politician(source) and target is not None and _politician(target):
        return "111", "+verbal"  # "Trump attacked Biden for accumulating wealth": a president's words
    police = source.sector == "COP" and not source.members
    if police and target is not None and target.sector in {"CVL", "EDU", "LAB", "MED", "OPP", "REL", "HRI"}:
        return "175", "+repression"  # police force against protesters or civilians
    if _armed(source, bodies) or police:
        return code, ""
    if root == "19" and lemma in CLASH_LEMMAS:
        return "145", "+riot"  # protesters clashing with police or with each other
    if root == "19" and lemma in STORM_LEMMAS and source.sector == "CVL" and _institution(target):
        return "145", "+riot"  # "protesters tried to storm parliament": a crowd's violence against the state
    if root == "19":
        return ASSAULT_CODES.get(lemma, "180"), "+assault"  # a gunman, an attacker, a mob
    return code, ""
