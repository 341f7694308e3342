"""Reading a public statement: whom it is addressed to or about, and what kind of statement it is.

:class:`StatementReader` gives a speech verb's target (the addressee, a labelled actor, or the actor its
content clause is about) and its CAMEO code by the words of its content
(:mod:`eventwire.events.statements`); :func:`labelling` finds the statements made by labelling ("called
the deal 'lousy'") and :func:`is_question` the "ask" that puts a question rather than an appeal.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import replace
from typing import Any

from eventwire.actors.mentions import ArticleActors
from eventwire.actors.words import prep_objects, quoted_between
from eventwire.events.arguments import ArgumentFinder, is_passive, same_actor
from eventwire.events.cues import LABELLING_VERBS
from eventwire.events.patterns import Pattern
from eventwire.events.statements import StatementLexicon, content_tokens, words_of
from eventwire.models import ActorMention

__all__ = [
    "SPEAKER_PRONOUNS",
    "StatementReader",
    "accuser",
    "claimed_victim",
    "is_platform",
    "is_press",
    "is_question",
    "labelling",
]

# Names of news outlets: a statement told to them is told to the press.
_MEDIA_NAME = re.compile(
    r"\b(?:Post|Times|News|Herald|Tribune|Journal|Gazette|Daily|Telegraph|Guardian|Agency|Press|TV|Radio|Sport)$"
)

# Subjects of a reported clause that stand for the speaker ("X said he would ...", "the ministry said it
# would ..."): never the actor a statement is about.
SPEAKER_PRONOUNS = frozenset({"he", "she", "it", "i", "we"})

THIRD_PERSON = frozenset({"he", "she"})

# What a denial answers: whoever made the claim is its target.
CLAIM_NOUNS = frozenset({"claim", "allegation", "accusation", "charge", "assertion"})
# "no evidence", "no proof": a claim said to lack them is denied.
NO_SUPPORT = ("evidence", "proof")

# Verbs that put questions and the words that open a question clause ("asked whether ...").
QUESTION_VERBS = frozenset({"ask", "inquire", "enquire", "wonder"})
QUESTION_WORDS = frozenset({"why", "whether", "if", "how", "what", "when", "where", "who", "which"})


# Platforms a statement is published on ("wrote on Twitter"): the medium, never the addressee.
_PLATFORMS = frozenset(
    {"twitter", "facebook", "youtube", "instagram", "telegram", "tiktok", "weibo", "wechat", "medium"}
)


def is_platform(mention: ActorMention) -> bool:
    """Whether an actor is a platform things are published on ("Twitter", "YouTube")."""
    words = mention.text.lower().split()
    return bool(words) and words[-1] in _PLATFORMS


def is_press(mention: ActorMention) -> bool:
    """Whether an actor is a news outlet, the press or a platform ("reporters", "BBC Sport", "the
    Jakarta Post", "Twitter"): speaking to it or on it is a statement, not a consultation."""
    words = mention.text.lower().split()
    platform = is_platform(mention) or (bool(words) and words[-1].endswith("news"))  # "Wikinews"
    return mention.sector == "MED" or platform or bool(_MEDIA_NAME.search(mention.text))


class StatementReader:
    """The target and the CAMEO code of a statement, from its speech verb's parse."""

    def __init__(self, arguments: ArgumentFinder, lexicon: StatementLexicon) -> None:
        self.arguments = arguments
        self.lexicon = lexicon

    def target(
        self, actors: ArticleActors, tok: Any, source: ActorMention, target: ActorMention | None
    ) -> ActorMention | None:
        """Whom a statement is addressed to or about: the addressee ("told Iran"; reporters and the
        press are no target), else, for a plain statement, the actor its content clause is about
        ("said Biden was weak")."""
        if target is not None and is_press(target):
            target = None  # "told reporters", "told the BBC", "told the Jakarta Post"
        if target is not None:
            return target
        labelling = tok.lemma_.lower() in LABELLING_VERBS
        for labelled in (c for c in tok.children if labelling and c.dep_ in {"oprd", "dobj"}):
            # "called Trump a clown" (parsed as oprd); "called Iran's charges baseless": their author;
            # a common noun read as the label is the labelled thing when the label follows it as its
            # apposition ("called Trump's decision a grave mistake")
            if (
                labelled.dep_ == "oprd"
                and labelled.pos_ not in {"PROPN", "PRON"}
                and not _label_follows(labelled)
            ):
                continue
            found = self.arguments.actor_np(actors, labelled) or actors.owner_of(labelled)
            if found is not None and not same_actor(source, found):
                return found
        if not labelling and not any(c.dep_ in {"dobj", "dative"} for c in tok.children):
            for about in prep_objects(tok, ("of",)):  # (not "told them of its existence")
                # '"a dangerous escalation," the minister said of the Russian strikes': their author
                found = self.arguments.actor_np(actors, about) or actors.owner_of(about)
                if found is not None and not same_actor(source, found):
                    return replace(found, matched_by=found.matched_by + "+said-of")
        for clause in (c for c in tok.children if c.dep_ in {"ccomp", "parataxis", "oprd"}):
            # "called [May's deal] lousy": the parser may hang the labelled thing on the label
            roles = {"nsubj", "nsubjpass"} | ({"npadvmod", "dobj"} if clause.dep_ == "oprd" else set())
            agent = _passive_agent(clause)
            if agent is not None:  # "claimed protesters were sent by the government": the sender
                found = self.arguments.actor_np(actors, agent)
                if found is not None and not same_actor(source, found):
                    return replace(found, matched_by=found.matched_by + "+topic")
            for subject in (c for c in clause.children if c.dep_ in roles):
                if subject.lower_ in SPEAKER_PRONOUNS and not (
                    subject.lower_ in THIRD_PERSON and quoted_between(tok, subject)
                ):
                    continue  # "Lorenzana said he had ordered an alert": the speaker himself
                # ... but in a quotation "he" is someone else: 'Goel said, "He was an excellent man"'
                # "said Biden was weak"; "said the deal was lousy": the deal's author
                found = (
                    self.arguments.actor_np(actors, subject)
                    or actors.owner_of(subject)
                    or _possessor(actors, subject)
                )
                if found is not None and not same_actor(source, found):
                    # "said Biden was weak", "said Ukraine was an artificial state": a judgement of a
                    # named actor, not news it made ("said South Korea and Canada were the major buyers"
                    # lists facts)
                    judged = (
                        clause.lemma_ == "be"
                        and subject.pos_ == "PROPN"
                        and (
                            any(c.dep_ == "acomp" for c in clause.children)
                            or (
                                not _listed(subject, clause)
                                and any(c.dep_ == "attr" for c in clause.children)
                            )
                        )
                    )
                    return replace(
                        found, matched_by=found.matched_by + ("+topic+judged" if judged else "+topic")
                    )
        return None

    def kind(self, tok: Any, target: ActorMention | None) -> str:
        """The CAMEO code of a plain statement by its content (:mod:`eventwire.events.statements`);
        a statement to someone of what will happen "unless" they act is a threat (CAMEO 130)."""
        content = content_tokens(tok)
        if target is not None and any(t.lower_ == "unless" and t.dep_ == "mark" for t in content):
            return "130"  # "told Argentina that Washington would consider further action unless ..."
        tally = self.lexicon.tally(words_of(content))
        code = tally.code(target is not None)
        if code == "012" and target is not None and target.sector == "CVL" and _of_the_harmed(target.text):
            return "018"  # "said the victims were joyful girls ... an appalling tragedy": sympathy
        return code

    def denied_claimant(self, actors: ArticleActors, tok: Any, source: ActorMention) -> ActorMention | None:
        """Whose claims a statement denies when its content says they lack evidence or truth and names
        whose they are: "stated there is no evidence to support the President's claims" (the
        President), "said Kyiv's allegations were baseless" (Kyiv); None otherwise."""
        content = content_tokens(tok)
        words = words_of(content)
        denied = self.lexicon.tally(words).denial > 0 or any(
            words[i : i + 2] == ["no", w] for i in range(len(words)) for w in NO_SUPPORT
        )
        if not denied:
            return None
        for t in content:
            if t.pos_ == "NOUN" and t.lemma_.lower() in CLAIM_NOUNS:
                found = accuser(actors, t, source)
                if found is not None:
                    return found
        return None

    def bereaved(self, actors: ArticleActors, tok: Any, source: ActorMention) -> ActorMention | None:
        """Whom an empathetic comment goes to: the object of "to" or "with" in its content ("my heart
        goes out to the families", "our thoughts are with those who lost their loved ones"), or the ones
        it is a hard time "for" ("a very difficult time for the families of the victims")."""
        for t in content_tokens(tok):
            if _the_deceased(t):  # "grieves the passing away of Pranab Mukherjee", "Leonov's death"
                found = self.arguments.actor_np(actors, t)
                if found is not None and not same_actor(source, found):
                    return found
            hard_time = t.head.lower_ == "for" and t.head.head.lemma_.lower() in {"time", "moment", "day"}
            if t.dep_ == "pobj" and (t.head.lower_ in {"to", "with"} or hard_time):
                found = self.arguments.actor_np(actors, t)
                if found is None and t.lower_ in {"those", "all"}:
                    found = _the_bereaved(t)
                if found is not None and not same_actor(source, found):
                    return found
        return None


def _possessor(actors: ArticleActors, subject: Any) -> ActorMention | None:
    """The actor whose act or word the subject of a reported clause is: its "by" agent ("ruled his
    removal by O'Neill was unconstitutional": O'Neill), else its possessor ("said the Prime
    Minister's advice was unlawful": the Prime Minister)."""
    for c in subject.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            return next((actors.mention(p) for p in c.children if p.dep_ == "pobj"), None)
    for c in subject.children:
        if c.dep_ == "poss":
            return actors.mention(c)
    return None


def _passive_agent(clause: Any) -> Any | None:
    """The object of a passive clause's "by" ("were sent by the government"), or None."""
    if not is_passive(clause):
        return None
    for agent in (c for c in clause.children if c.dep_ == "agent"):
        return next((c for c in agent.children if c.dep_ == "pobj"), None)
    return None


# Nouns of a death that an empathetic comment is about: the one who died is its target.
DEATH_NOUNS = frozenset({"passing", "death", "loss", "demise", "killing", "murder", "assassination"})


def _the_deceased(t: Any) -> bool:
    """Whether a token names the one a death noun is about ("the passing away of X", "X's death")."""
    if t.dep_ == "poss":
        return t.head.lemma_.lower() in DEATH_NOUNS
    if t.dep_ == "pobj" and t.head.lower_ == "of":
        noun = t.head.head
        if noun.lower_ == "away" and noun.i > 0:  # "the passing away of": "of" may hang on "away"
            noun = noun.doc[noun.i - 1]
        return noun.lower_ in DEATH_NOUNS or noun.lemma_.lower() in DEATH_NOUNS
    return False


def _the_bereaved(t: Any) -> ActorMention | None:
    """ "those who lost their loved ones", "all those affected": the people the comment is for."""
    if not any(c.dep_ in {"relcl", "acl", "amod"} for c in t.children):
        return None
    words = [w for w in t.subtree]
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    return ActorMention(t.doc.text[start:end], start, end, "", "CVL", "bereaved")


# Words for people harmed and their kin: sorrow spoken of them is sympathy with them (CAMEO 018).
HARMED_WORDS = frozenset(
    {"victim", "victims", "family", "families", "relatives", "survivor", "survivors", "bereaved", "dead"}
)


def _of_the_harmed(text: str) -> bool:
    return any(w in HARMED_WORDS for w in text.lower().replace("'", " ").split())


def _listed(subject: Any, clause: Any) -> bool:
    """Whether a clause's subject is one of several ("Egypt, Vietnam and Kenya were the largest
    importers", the parser may give the clause two subjects)."""
    return bool(subject.conjuncts) or sum(c.dep_ == "nsubj" for c in clause.children) > 1


def labelling(tok: Any) -> Pattern | None:
    """A statement that labels someone or something: "called Theresa May's deal 'lousy'",
    "described the attacks as a dastardly act", "branded him a traitor"."""
    lemma = tok.lemma_.lower()
    if lemma not in LABELLING_VERBS or tok.pos_ != "VERB":
        return None
    objects = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]
    as_phrase = any(c.dep_ == "prep" and c.lower_ == "as" for t in (tok, *objects) for c in t.children)
    # "called the deal \"lousy\"": the parser often hangs the label on the object, after it
    after = any(c.i > o.i and c.pos_ == "ADJ" for o in objects for c in o.rights)
    oprd = any(is_label(c) for c in tok.children)
    # 'calling it "an aggression"': the parser may read the label as a second direct object
    double = sum(c.dep_ == "dobj" for c in tok.children) >= 2
    # "called the Russian invasion of Ukraine a disaster": the label read as the object's apposition
    double = double or any(_indefinite_apposition(c) for o in objects for c in o.subtree)
    if not (oprd or double or (objects and (after or (lemma != "call" and as_phrase)))):
        return None
    return Pattern(id=f"label:{lemma}:010", lemma=lemma, pos="VERB", code="010", note="labelling statement")


# Words of a condition set in a warning: an ultimatum is a threat whoever acts in it.
CONDITION_WORDS = frozenset({"if", "unless", "should", "otherwise", "until"})
# What a warning is of when it is a threat: "warned of consequences", "warned of a response".
THREAT_NOUNS = frozenset(
    {
        "consequence", "retaliation", "response", "reprisal", "action", "measure", "countermeasure", "war",
        "force", "sanction", "tariff", "repercussion", "punishment", "penalty", "price", "cost",
    }
)  # fmt: skip
# Words of a warning's clause that make it a threat whoever its subject is: "would pay a heavy price",
# "would regret any attack", "would be a legitimate target", "all options remained on the table".
THREAT_CLAUSE_WORDS = THREAT_NOUNS | {"regret", "target", "pay", "table", "fire", "punish", "crush", "face"}


def warning_code(tok: Any, own: Callable[[Any], bool]) -> str | None:
    """CAMEO's reading of a plain warning by what it warns of, when that is no threat: a danger or
    another's act is a pessimistic comment (012: "warned of the dangers", "warned that Biden could
    destroy the growth"), advice to act an appeal (020: "warned people to stay inside"); None keeps the
    threat (130): the speaker's own act ("warned that Russia might strike"; ``own`` says whether a
    subject is the speaker's side), a condition set, consequences or action, "warned X not to",
    "warned against"."""
    children = list(tok.children)
    for c in children:
        if c.dep_ == "xcomp":
            negated = any(n.dep_ == "neg" for n in c.children)
            # "warned Pakistan to stop supporting militants or face consequences": an ultimatum
            ultimatum = any(t.lemma_.lower() in THREAT_CLAUSE_WORDS for t in tok.subtree)
            return None if negated or ultimatum else "020"
        if c.dep_ == "prep" and c.lower_ == "against":
            return None
        if c.dep_ == "prep" and c.lower_ in {"of", "about"}:
            things = [p for p in c.children if p.dep_ in {"pobj", "pcomp"}]
            if any(p.lemma_.lower() in THREAT_NOUNS for p in things):
                return None
            return "012" if things else None
        if c.dep_ == "ccomp":
            if any(t.lower_ in CONDITION_WORDS for t in c.subtree):
                return None  # "warned that his government would expel him if he continued ...": a threat
            if any(t.lemma_.lower() in THREAT_CLAUSE_WORDS for t in c.subtree):
                return None  # "warned that the United States would pay a heavy price"
            subjects = [g for g in c.children if g.dep_ in {"nsubj", "expl"}]
            if subjects and not any(own(g) for g in subjects):
                return "012"
            return None  # (a passive clause: "ships linked to Israel would be targeted")
    return None


def is_label(token: Any) -> bool:
    """Whether a word is the label a verb puts on its object ("called X a traitor"); a name the parser
    reads so is the one called ("called Putin, a longtime rival, on Tuesday"), unless a label follows
    it ("called Trump a clown")."""
    if token.dep_ != "oprd":
        return False
    return token.pos_ != "PROPN" or _label_follows(token)


def _label_follows(token: Any) -> bool:
    """Whether a label follows a word as its apposition ("Trump a clown", "Trump's decision a grave
    mistake"): the word is the one labelled."""
    return any(_indefinite_apposition(g) for g in token.subtree if g.i != token.i)


def _indefinite_apposition(token: Any) -> bool:
    """An apposition that opens with "a", "an" or "the" right after its noun, with no comma ("the
    invasion ... a disaster", "Orban the last dictator of Europe"): a label, not a second name
    ("Sergei Lavrov, the foreign minister")."""
    return (
        token.dep_ == "appos"
        and token.i > token.head.i
        and any(d.dep_ == "det" and d.lower_ in {"a", "an", "the"} for d in token.children)
        and token.doc[token.i - 1].text != ","
        and not any(t.text == "," for t in token.doc[token.head.i : token.i])
    )


def is_question(tok: Any) -> bool:
    """Whether "ask" puts a question rather than an appeal: its complement clause opens with a
    question word ("asked why Biden did not implement ...", "Reporters asked Merkel whether ...",
    "Asked if there had been any change, he said ...") and it asks for nothing ("asked for", "asked
    X to ...")."""
    if tok.lemma_.lower() not in QUESTION_VERBS or tok.pos_ != "VERB":
        return False
    if any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for") for c in tok.children):
        return False
    return any(
        c.dep_ == "ccomp" and min(c.subtree, key=lambda t: t.i).lower_ in QUESTION_WORDS for c in tok.children
    )


def accuser(actors: ArticleActors, accusation: Any, source: ActorMention) -> ActorMention | None:
    """Whose accusation a denial answers: the possessor of the accusation denied ("rejected Iran's
    charges"), its author after "by" or "from" ("the allegations by Iran"), or the actor its modifiers
    name ("rejected Iranian charges"), or None."""
    found = _other_actor(actors, _possessor_and(accusation, {"by", "from"}), source)
    if found is not None:
        return found
    national = any(c.dep_ == "amod" and c.ent_type_ == "NORP" for c in accusation.children)
    found = actors.owner_of(accusation) if national else None  # "rejected Iranian charges": Iran's
    if found is not None and not same_actor(source, found):  # ("the Russia collusion allegations": a topic)
        return found
    return None


#: Prepositions of an act noun that name whom the act was done to ("the attack on X", "the murder of X").
VICTIM_PREPS = frozenset({"on", "against", "of"})


def claimed_victim(actors: ArticleActors, claim: Any, source: ActorMention) -> ActorMention | None:
    """Whom the act that an actor claims or accepts responsibility for was done to: "claimed
    responsibility for the attack on Israeli soldiers" (the soldiers), "accepted responsibility for
    the murder of journalist Jamal Khashoggi" (Khashoggi), "for Khashoggi's murder"; or None."""
    for act in (a for a in prep_objects(claim, ("for",)) if a.pos_ == "NOUN"):
        found = _other_actor(actors, _possessor_and(act, VICTIM_PREPS), source)
        if found is not None:
            return found
    return None


def _possessor_and(noun: Any, preps: Collection[str]) -> list[Any]:
    """A noun's possessor, then the objects of its prepositions ``preps`` ("Iran's charges", "the
    allegations by Iran", "the attack on X")."""
    return [c for c in noun.children if c.dep_ == "poss"] + prep_objects(noun, preps)


def _other_actor(actors: ArticleActors, tokens: list[Any], source: ActorMention) -> ActorMention | None:
    """The first of ``tokens`` that is an actor other than ``source``."""
    for token in tokens:
        found = actors.mention(token)
        if found is not None and not same_actor(source, found):
            return found
    return None
