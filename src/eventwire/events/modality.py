"""Modality: whether an event is asserted as done, or only hoped for, planned, conditional, requested,
future, negated, denied, hedged or habitual.

The trigger's own negation, auxiliaries and adverbs are read first ("did not", "will", "may have",
"allegedly", "regularly"); then the chain of governing verbs, adjectives and content nouns
(``xcomp``/``ccomp``/``advcl``/``acl``... and "no plans for X to", "claims that X") is walked upwards
and the nearest listed governor decides the status.  A denial anywhere up the chain ("denied that
Russia was planning to invade") makes the act ``denied``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from eventwire.models import EventStatus

HOPE = frozenset({"hope", "wish", "expect", "anticipate", "look", "desire", "aspire", "dream", "hopeful"})
# Words that say an act cannot be done ("would be impossible to defend", "was unable to meet").
UNABLE = frozenset({"impossible", "unable", "incapable"})
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
        "willingness",
        "ready",
        "readiness",
        "intention",
        "commitment",
        "determination",
        "eager",
        "determined",
        "pledge",
        "promise",
        "vow",
        "offer",
        "propose",
        "consider",
        "mull",
        "agree",
        "commit",
        "resolve",
        "threaten",
        "warn",
    }
)
# Governors that put their complement in the future ("is due to impose", "was scheduled to meet") or
# make it a likelihood ("is likely to attack", "a blockade was unlikely").
SCHEDULE = frozenset({"schedule", "due", "set", "slate", "poise", "timetable"})
LIKELIHOOD = frozenset({"likely", "unlikely", "possible", "probable", "improbable"})
REQUEST = frozenset({"urge", "call", "ask", "demand", "request", "appeal", "press", "encourage", "invite"})
# Verbs of wanting: with another doer named ("wants Washington to lift the tariffs", "would like Tokyo
# to halve its curbs") they ask that doer to act, as "urge" does (CAMEO files WANT under URGE, 020).
WANTING = frozenset({"want", "like", "wish", "prefer"})
# The statuses of a refusing verb that leave the refusal itself undone ("vowed to refuse to sign",
# "would refuse": the refusing verb's own event says so, asserted or not).
UNREALISED_REFUSALS = frozenset(
    {"requested", "conditional", "hedged", "hoped", "negated", "denied", "intended", "future"}
)
NEGATORS = frozenset({"refuse", "fail", "decline", "reject", "avoid", "stop", "cease", "halt"})
# Governors that forbid the act they govern: it did not happen, but is no refusal by the governor's subject.
PROHIBITORS = frozenset({"bar", "ban", "prohibit", "forbid", "outlaw", "prevent"})
REPORTING = frozenset(
    {
        "say",
        "tell",
        "announce",
        "state",
        "declare",
        "add",
        "claim",
        "insist",
        "warn",
        "promise",
        "report",
        "confirm",
    }
)
DENIERS = frozenset({"deny", "refute", "rebut", "dismiss"})
HEDGERS = frozenset({"allege", "suspect", "claim", "rumour", "rumor", "accuse", "blame", "speculate"})
# Verbs of taking someone in to answer a charge: what one is arrested "for" is the charge, the
# accuser's word ("was arrested for collaborating with Boko Haram"), not a fact the report tells (a
# sentence or a dismissal "for" something follows a finding, and is told as fact).
CHARGING = frozenset({"arrest", "detain", "charge", "prosecute", "indict"})
HEDGE_ADVERBS = frozenset(
    {
        "allegedly",
        "reportedly",
        "apparently",
        "purportedly",
        "supposedly",
        "possibly",
        "presumably",
        "seemingly",
    }
)
HABITUAL_ADVERBS = frozenset(
    {
        "regularly",
        "routinely",
        "often",
        "frequently",
        "usually",
        "always",
        "typically",
        "traditionally",
        "habitually",
        "normally",
        "generally",
        "sometimes",
        "constantly",
    }
)
#: Verbs of a standing position: in the simple present they state a stance, not an act at a time.
STANCE_VERBS = frozenset(
    {"oppose", "support", "favor", "favour", "back", "advocate", "recognise", "recognize", "want", "prefer"}
)
#: Nouns whose content clause is not asserted: "plans for X to meet Y", "claims that X attacked Y".
CONTENT_NOUNS: dict[str, EventStatus] = {
    "plan": "intended",
    "proposal": "intended",
    "intention": "intended",
    "willingness": "intended",
    "readiness": "intended",
    "commitment": "intended",
    "determination": "intended",
    "bid": "intended",
    "threat": "intended",
    "hope": "hoped",
    "tendency": "habitual",
    "habit": "habitual",
    "practice": "habitual",
    "claim": "hedged",
    "allegation": "hedged",
    "accusation": "hedged",
    "report": "hedged",
    "rumour": "hedged",
    "rumor": "hedged",
    "suspicion": "hedged",
    "speculation": "hedged",
    "possibility": "conditional",
    "chance": "conditional",
    "prospect": "conditional",
    "call": "requested",
    "demand": "requested",
    "request": "requested",
}
#: Nouns of measures and documents whose participle says what they will do when they come ("will
#: announce a package providing aid", "plans to sign an order imposing tariffs"): unlike a participle of
#: people ("the team negotiating ..."), theirs shares the sentence's status.
MEASURE_NOUNS = frozenset(
    {
        "package", "order", "resolution", "law", "bill", "decree", "measure", "plan", "proposal", "deal",
        "agreement", "treaty", "motion", "amendment", "regulation", "rule", "directive", "policy",
        "programme", "program", "initiative", "budget", "legislation", "statement", "letter", "report",
        "declaration", "ordinance", "executive", "act", "accord", "pact", "framework", "sanction",
    }
)  # fmt: skip
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
MODAL_COND = frozenset({"would", "could", "might", "may"})
OBLIGATION = frozenset({"must", "should", "ought"})
NEG_WORDS = frozenset({"not", "n't", "never", "no"})
GOVERNED = frozenset({"xcomp", "ccomp", "advcl", "acl", "relcl", "pcomp", "conj", "prep", "pobj", "acomp"})
#: How a content noun hangs on the verb above it ("denied claims that ...", "no plans ...").
NOUN_ARGUMENT_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "pobj", "appos"})


def _has_neg(token: Any) -> bool:
    return no_longer(token) or any(
        c.dep_ == "neg" or (c.lower_ in NEG_WORDS and c.dep_ in {"neg", "advmod", "det"})
        for c in token.children
    )


def no_longer(token: Any) -> bool:
    """ "will no longer fund the WHO", "no longer supports the rebels": the act stops."""
    return any(
        c.dep_ == "advmod" and c.lower_ == "longer" and any(n.lower_ == "no" for n in c.children)
        for c in token.children
    )


def _aux_lemmas(token: Any) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ in {"aux", "auxpass"}}


def _is_conditional(token: Any) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in token.children)


def has_condition(trigger: Any) -> bool:
    """Whether the act is set on a condition of its own ("may halt its mediation if cooperation
    founders", "will retaliate unless ..."): an ultimatum, whoever reports it."""
    head = clause_head(trigger)
    return any(c.dep_ == "advcl" and _is_conditional(c) for c in head.children)


def is_supposed(trigger: Any) -> bool:
    """Whether the act is the condition of an "if" or "unless" clause ("if Reagan imposed the
    tariffs, Japan would file a complaint"): supposed, neither done nor announced."""
    return _is_conditional(clause_head(trigger))


def clause_head(trigger: Any, heads: frozenset[str] = frozenset({"VERB", "AUX", "ADJ"})) -> Any:
    """The word heading a trigger's clause: the trigger itself when it is a verb (or adjective), else
    the verb a noun trigger hangs on, at most four steps up ("held [talks]", "[a call] took place")."""
    token = trigger
    for _ in range(4):
        if token.pos_ in heads or token.head.i == token.i:
            break
        token = token.head
    return token


def status_of(trigger: Any, denial: bool = True) -> EventStatus:
    """The modality of the event whose trigger is ``trigger`` (a spaCy Token); ``denial=False``: as if
    no denial governed it (what is denied: "denied that Russia was planning to invade" is a denied
    plan)."""
    token = clause_head(trigger)  # a noun trigger ("a phone call") takes its verb's modality
    if denial and _denied(token):
        return "denied"
    nominal = _nominal_status(trigger)  # "Trump's planned trip to Warsaw", "the cancelled talks"
    if nominal is not None:
        return nominal
    own = _local_status(token)
    if own in {"negated", "conditional", "hedged"}:
        return own
    governed = _governed_status(token)
    if governed in {"intended", "future"} and _claimed(token):
        return "hedged"  # "reports that Iran intended to attack ships": a claim of an intent
    return governed or own or "asserted"


def _claimed(token: Any) -> bool:
    """Whether a clause is, further up, the content of a report, claim or allegation ("the reports
    that Iran intended to attack ships were propaganda")."""
    return any(
        head.pos_ in {"NOUN", "PROPN"}
        and CONTENT_NOUNS.get(head.lemma_.lower()) == "hedged"
        and child.dep_ in {"acl", "ccomp", "relcl"}
        for child, head in _chain(token)
    )


# Modifiers of a noun event that put it in the future, call it off or leave it open.
NOMINAL_STATUS: dict[str, EventStatus] = {
    **dict.fromkeys(
        ("planned", "proposed", "upcoming", "scheduled", "expected", "prospective", "forthcoming", "future"),
        "future",
    ),
    **dict.fromkeys(("cancelled", "canceled", "postponed", "aborted", "scrapped"), "negated"),
    **dict.fromkeys(("possible", "potential", "rumoured", "rumored", "mooted"), "hedged"),
}


def _nominal_status(trigger: Any) -> EventStatus | None:
    """The status a noun event's own modifier gives ("planned trip": future, which the coder recodes
    to an intent; "cancelled visit": negated; "possible talks": hedged), or None."""
    if trigger.pos_ not in {"NOUN", "PROPN"}:
        return None
    for child in trigger.children:
        if child.dep_ in {"amod", "compound", "nmod"} and child.lower_ in NOMINAL_STATUS:
            return NOMINAL_STATUS[child.lower_]
    return None


def scheduled(trigger: Any) -> bool:
    """Whether the act is put on a timetable ("was scheduled to meet this weekend", "is due to
    visit"): a future event, never an expression of intent."""
    token = clause_head(trigger)
    return any(
        head.lemma_.lower() in SCHEDULE and child.dep_ in {"xcomp", "ccomp"} for child, head in _chain(token)
    )


def refused(trigger: Any) -> bool:
    """Whether the act is refused or failed ("refused to meet", "declined to sign"): CAMEO codes the
    refusal as a rejection (12x); a plain negation ("did not meet", "no plans to meet") is not one."""
    return refuser(trigger) is not None


def refusal_status(trigger: Any) -> EventStatus | None:
    """The status of a refusal that did not itself happen ("Pakistan must stop supporting X": asked
    for; "did not refuse to meet": negated; "may decline to sign": conditional), else None."""
    verb = refuser(trigger)
    if verb is None:
        return None
    status = status_of(verb)
    return status if status in UNREALISED_REFUSALS else None


def refuser(trigger: Any) -> Any | None:
    """The verb that refuses the act ("refused" of "refused to meet", "stop" of "must stop supporting
    X"), or None: its own modality is the rejection's."""
    token = clause_head(trigger)
    for child, head in _chain(token):
        if child.dep_ == "conj":
            continue
        if head.lemma_.lower() in NEGATORS and child.dep_ in {"xcomp", "ccomp", "advcl", "pcomp", "prep"}:
            return head
        if head.pos_ in {"VERB", "AUX"} and child.dep_ in {"xcomp", "ccomp"}:
            return None  # another verb governs first ("said it would not refuse ...")
    return None


def announced_negation(trigger: Any) -> bool:
    """A negated act announced for the future ("will not accept any more refugees", "said it would
    not meet the demands"): CAMEO codes it as a rejection, unlike a past act that did not happen."""
    token = clause_head(trigger)
    future = FUTURE_AUX | {"would", "can", "ca"}  # "cannot accept any more refugees"
    if token.dep_ in {"ccomp", "parataxis"}:
        future = future | {"could"}  # "said it could not accept the plan"; but "could not agree" failed
    if _has_neg(token) and bool(_aux_lemmas(token) & future):
        return True
    for child, head in _chain(token):  # "will not go to Moscow to meet X", "will not move to lift"
        if child.dep_ not in {"xcomp", "advcl", "conj"}:
            break
        if _has_neg(head):
            return bool(_aux_lemmas(head) & future)
    return False


def _chain(token: Any) -> Iterator[tuple[Any, Any]]:
    """(child, governor) pairs up the chain of clauses and content nouns that govern ``token``."""
    child, head = token, token.head
    for _ in range(8):
        if head.i == child.i:
            return
        noun_link = child.pos_ in {"NOUN", "PROPN"} and child.dep_ in NOUN_ARGUMENT_DEPS
        if child.dep_ not in GOVERNED and not noun_link:
            return
        yield child, head
        child, head = head, head.head


def _denied(token: Any) -> bool:
    """Whether a denial governs the act ("denied that Russia was planning to invade Ukraine",
    "denied claims that ..."): its alleged doer's side says it did not happen."""
    return any(
        head.lemma_.lower() in DENIERS and child.dep_ in {"ccomp", "xcomp", "dobj", "acl"}
        for child, head in _chain(token)
    )


def _governed_status(token: Any) -> EventStatus | None:
    """The status set by the nearest governor ("hopes that X will...", "refused to...", "no plans
    for X to ...", "claims that X ...")."""
    for child, head in _chain(token):
        if child.dep_ == "conj":  # coordinated verbs share their governor's modality
            shared = _local_status(head) if head.pos_ in {"VERB", "AUX"} else None
            if shared in {"future", "conditional", "hedged"}:
                return shared  # "will meet and discuss the plan": both in the future
            joins = [c for c in head.children if c.dep_ == "cc" and c.i < child.i]
            if shared == "negated" and joins and joins[-1].lower_ in {"or", "nor"}:
                return "negated"  # "did not concede or admit defeat": neither happened ("... and vowed")
            continue
        lemma = head.lemma_.lower()
        if head.pos_ in {"NOUN", "PROPN"}:
            participle = child.tag_ in {"VBG", "VBN"} and not any(
                c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "mark"} for c in child.children
            )
            if (
                child.dep_ == "acl"
                and participle
                and lemma not in CONTENT_NOUNS
                and lemma not in MEASURE_NOUNS
            ):
                # "the American team negotiating on missiles will get the draft": ongoing, whatever
                # the sentence's tense; but a claim covers what it describes ("claimed ... to have a
                # prosecutor investigating Burisma fired")
                if any(c.dep_ == "relcl" for c, _ in _chain(head)):
                    return None  # "accused of killing two people who were at demonstrations protesting"
                above = _governed_status(head)
                return above if above in {"hedged", "denied"} else None
            if child.dep_ not in {"acl", "relcl", "ccomp", "xcomp", "pcomp", "prep", "pobj"}:
                continue
            if any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
                return "negated"  # "there are no plans for X to meet Y"
            if lemma in CONTENT_NOUNS and child.dep_ in {"acl", "ccomp", "xcomp", "relcl"}:
                return CONTENT_NOUNS[lemma]
            continue
        if _has_neg(head) and head.pos_ in {"VERB", "AUX", "ADJ"}:
            return "negated"
        if lemma in NEGATORS or lemma in PROHIBITORS:
            return "negated"  # "refused to meet"; "had barred covert operations"
        if lemma == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in head.children):
            return "negated"  # "ruled out a Gulf patrol"
        if (
            lemma in {"have", "be"}
            and child.dep_ == "xcomp"
            and any(c.lower_ == "yet" for c in head.children)
        ):
            return "negated"  # "Trump has yet to concede"
        if lemma in WANTING and another_doer(head, child) is not None:
            return "requested"  # "Beijing wants Washington to lift the tariffs": asked, not intended
        if lemma in HOPE or head.lower_ in HOPE_FORMS:  # the sm lemmatizer gives "hop" for "hopes"
            return "hoped"
        if lemma in REQUEST and child.dep_ in {"xcomp", "advcl", "ccomp"}:
            return "requested"
        if lemma == "need" and head.pos_ == "VERB" and child.dep_ == "xcomp":
            return "requested"  # "Brazil needs to request a formal extension": not yet done
        if lemma in SCHEDULE and child.dep_ in {"xcomp", "ccomp"}:
            return "future"
        if lemma in LIKELIHOOD and child.dep_ in {"xcomp", "ccomp", "advcl"}:
            return "hedged"
        if lemma in UNABLE and child.dep_ in {"xcomp", "ccomp", "advcl"}:
            return "negated"
        wish = would_like(head) and child.lemma_.lower() not in REPORTING  # not "would like to state that"
        if (lemma in INTEND or wish) and child.dep_ in {"xcomp", "ccomp", "advcl", "acomp"}:
            return "intended"  # "vowed to retaliate"; "said he would like to meet Trump in Moscow"
        if (
            lemma == "be"
            and child.dep_ in {"xcomp", "ccomp"}
            and any(c.dep_ == "acomp" and c.lemma_.lower() in UNABLE for c in head.children)
        ):
            return "negated"  # "said it was impossible to negotiate with Putin"
        if lemma in HEDGERS and child.dep_ in {"ccomp", "xcomp", "pcomp", "prep"}:
            return "hedged"  # "claimed Houthis attacked", "accused X of attacking"
        if lemma in CHARGING and child.dep_ == "prep" and child.lower_ == "for":
            return "hedged"  # "was arrested for insulting the king": the charge
        local = _local_status(head)
        if local is not None:
            return local
    return None


def would_like(token: Any) -> bool:
    """ "would like (to)": a wish stated now, not a condition."""
    return token.lemma_.lower() == "like" and "would" in _aux_lemmas(token)


def another_doer(want: Any, clause: Any) -> Any | None:
    """The doer a verb of wanting names for its infinitive clause when that is not the wanter: the
    object ("would like Tokyo to halve") or the clause's own subject ("wants Washington to lift"); None
    for the wanter's own act ("wants to lift the tariffs") or a that-clause ("wants that ...")."""
    if want.lemma_.lower() not in WANTING or want.pos_ != "VERB" or clause.dep_ not in {"xcomp", "ccomp"}:
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return None
    if clause.dep_ == "xcomp":
        return next((c for c in want.children if c.dep_ == "dobj" and c.i < clause.i), None)
    return next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < clause.i), None)


def wanted_of_another(want: Any) -> Any | None:
    """The infinitive clause a verb of wanting asks another doer to carry out, or None."""
    return next((c for c in want.children if another_doer(want, c) is not None), None)


def _reported(token: Any) -> bool:
    """Whether a clause is the content of a speech verb ("X said Y would ...")."""
    return token.dep_ in {"ccomp", "parataxis"} and token.head.lemma_.lower() in REPORTING


def reporter(trigger: Any) -> Any | None:
    """The subject of the speech verb whose content the trigger's clause is ("Trump" of "Trump warned
    that Biden could destroy ..."), or None."""
    head = clause_head(trigger)
    if not _reported(head):
        return None
    speech = head.head
    subject = next((c for c in speech.children if c.dep_ == "nsubj"), None)
    if subject is None and speech.dep_ == "conj":  # "hailed the report and warned that Biden could ..."
        subject = next((c for c in speech.head.children if c.dep_ == "nsubj"), None)
    return subject


def _imperative(token: Any) -> bool:
    """A verb in the imperative: the base form heading its own clause with no subject and no
    auxiliary ("Attack the tourists", "said: free them")."""
    if token.tag_ != "VB" or token.dep_ not in {"ROOT", "ccomp", "parataxis", "xcomp"}:
        return False
    if token.dep_ == "xcomp" and (token.i == 0 or token.doc[token.i - 1].text not in {":", '"', "\u201c"}):
        return False  # "wrote: attack the tourists" is parsed as a complement after the colon
    return not any(c.dep_ in {"nsubj", "nsubjpass", "expl", "aux", "auxpass", "mark"} for c in token.children)


def _local_status(token: Any) -> EventStatus | None:
    if _has_neg(token):
        return "negated"
    if token.lemma_ == "be" and any(
        c.dep_ == "acomp" and c.lemma_.lower() in LIKELIHOOD for c in token.children
    ):
        return "hedged"  # "an Iranian blockade of the strait was unlikely"
    if _imperative(token):
        return "requested"  # a call quoted: "attack the tourists", "free the prisoners"
    if _is_conditional(token):
        return "conditional"
    aux = _aux_lemmas(token)
    adverbs = {c.lower_ for c in token.children if c.dep_ == "advmod"}
    if adverbs & HEDGE_ADVERBS:
        return "hedged"
    if would_like(token) and token.dep_ != "advcl":
        return None  # "would like Washington to lift the tariffs": a wish stated, not a condition
    if aux & MODAL_COND and "have" in aux:
        return "hedged"  # "may have attacked": a possibility, not a report
    if aux & FUTURE_AUX:
        return "future"
    if "would" in aux and _reported(token):
        return "future"  # "said they would meet the U.N. mediator": the future of a past report
    if aux & MODAL_COND:
        return "conditional"
    if aux & OBLIGATION:
        return "requested"  # "Iran must release the sailors": demanded, not done
    if any(c.lower_ == "going" and c.dep_ in {"aux", "xcomp"} for c in token.children):
        return "future"
    if "to" in aux and aux & {"is", "are", "was", "were", "be"}:
        return "future"  # "is to be sentenced in June", "was to meet Monday"
    if "to" in aux and token.dep_ == "xcomp" and token.head.lemma_ == "be" and token.head.pos_ == "AUX":
        return "future"  # "The French president is to visit Beijing next week" (parsed with "is" as head)
    if adverbs & HABITUAL_ADVERBS:
        return "habitual"
    own_subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)
    stance = token.tag_ in {"VBZ", "VBP"} and token.lemma_.lower() in STANCE_VERBS and not aux and own_subject
    if stance and not _reported(token):
        # "It strongly opposes abortion": a standing position, not an act; "said it supports the
        # U.N.'s effort" is the position declared in the statement, an act of the day
        return "habitual"
    return None
