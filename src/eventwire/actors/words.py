"""What single words and spans of a parsed article are before any table is asked: names, titles and
offices, wire datelines, quotations."""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

from eventwire.models import ActorCode

__all__ = [
    "ARTICLES",
    "DATELINE_ENDS",
    "FEMALE_NOUNS",
    "KIN_WORDS",
    "MALE_NOUNS",
    "OFFICE_WORDS",
    "PERSON_LABELS",
    "PERSON_NOUNS",
    "QUOTE_MARKS",
    "SPEECH_VERBS",
    "coordinated_objects",
    "country_modifier",
    "dateline_tokens",
    "defined_abbreviations",
    "entity_span",
    "name_suffixes",
    "named_noun",
    "person_words",
    "prep_objects",
    "quote_speaker",
    "quoted_between",
    "role_only",
    "titled_sector",
    "whole_names",
]

PERSON_LABELS = frozenset({"PERSON"})
#: Words of kinship and age (agents.yaml codes them as civilians): they say whose relative someone is,
#: never their role ("Kim Yo Jong, the sister of Kim Jong Un", "baby formula", "the mother ship").
KIN_WORDS = frozenset(
    {
        "mother", "father", "son", "daughter", "wife", "husband", "brother", "sister", "boy", "girl", "baby",
        "infant", "mothers", "fathers", "sons", "daughters", "wives", "husbands", "brothers", "sisters",
        "boys", "girls", "babies", "infants",
    }
)  # fmt: skip
#: Singular nouns of a person's office, trade or part in a story: a "he" or "she" after "The mayor said"
#: or "A protester was shot" takes them up as it takes up a name (the agent table gives their sector).
PERSON_NOUNS = frozenset(
    {
        "president", "minister", "premier", "chancellor", "mayor", "governor", "senator", "lawmaker",
        "legislator", "congressman", "congresswoman", "councillor", "councilor", "speaker", "ambassador",
        "envoy", "diplomat", "spokesman", "spokeswoman", "spokesperson", "official", "adviser", "advisor",
        "aide", "secretary", "commissioner", "judge", "prosecutor", "attorney", "lawyer", "commander",
        "general", "officer", "soldier", "policeman", "policewoman", "king", "queen", "prince", "princess",
        "emir", "sultan", "monarch", "dictator", "ruler", "chairman", "chairwoman", "chairperson",
        "director", "chief", "leader", "candidate", "activist", "dissident", "protester", "journalist",
        "reporter", "cleric", "bishop", "archbishop", "pope", "imam", "rabbi", "priest", "negotiator",
        "mediator", "gunman", "attacker", "militant", "rebel", "victim", "suspect", "defendant",
        "accused", "businessman", "businesswoman", "doctor", "student", "teacher",
    }
) | frozenset(w for w in KIN_WORDS if not w.endswith("s"))  # fmt: skip
#: Office and kinship nouns of one sex: "she" never takes up "the king", nor "he" "the queen".
MALE_NOUNS = frozenset(
    {"king", "prince", "emir", "sultan", "father", "son", "husband", "brother", "boy", "businessman",
     "congressman", "policeman", "chairman", "spokesman", "gunman"}
)  # fmt: skip
FEMALE_NOUNS = frozenset(
    {"queen", "princess", "mother", "daughter", "wife", "sister", "girl", "businesswoman", "congresswoman",
     "policewoman", "chairwoman", "spokeswoman"}
)  # fmt: skip
ARTICLES = frozenset({"the", "a", "an", "this", "that", "these", "those"})

QUOTE_MARKS = frozenset({'"', "“", "”", "``", "''"})
SPEECH_VERBS = frozenset({"say", "tell", "write", "add", "state", "declare", "tweet", "post"})


def quoted_between(a: Any, b: Any) -> bool:
    """Whether a quotation mark stands between two tokens: the later one is in a direct quotation
    opened after the earlier ('Shah said, "He was ...': "He" is quoted from "said")."""
    lo, hi = sorted((a.i, b.i))
    return any(t.text in QUOTE_MARKS for t in a.doc[lo:hi])


def quote_speaker(token: Any) -> int:
    """The subject of the speech verb whose direct quotation holds ``token`` (-1 if none): a third-person
    pronoun in a quotation is not its speaker."""
    for verb in token.ancestors:
        if verb.lemma_.lower() in SPEECH_VERBS:
            if quoted_between(verb, token):
                return next((int(c.i) for c in verb.children if c.dep_ == "nsubj"), -1)
            return -1
    return -1


def whole_names(keys: list[str], tokens: list[Any]) -> list[str]:
    """The lookup keys a person's name allows: a full name is matched whole ("Loren Keating" is not
    Paul Keating), so no key shorter than the name's words."""
    person = [t for t in tokens if t.ent_type_ in PERSON_LABELS]
    return [k for k in keys if len(k.split()) >= len(person)] if len(person) >= 2 else keys


def name_suffixes(names: list[str]) -> list[str]:
    """A name, then without its leading words ("President Bill Clinton", "Bill Clinton", "Clinton")."""
    return list(dict.fromkeys(" ".join(names[i:]) for i in range(len(names))))


def country_modifier(token: Any, code: ActorCode, how: str) -> bool:
    """Whether a name's country alone came from a word before its head ("Bharat Ratna Pranab
    Mukherjee": "Bharat" is India), not from the head itself ("Bharat", "India")."""
    if token.pos_ != "PROPN" or code.sector or not how.startswith(("alias:", "name:", "demonym:")):
        return False
    word = how.split(":", 1)[1].split("+")[0]
    return bool(word) and word.split()[-1] != token.text


def prep_objects(token: Any, preps: Collection[str]) -> list[Any]:
    """The objects of a word's prepositions ``preps``, in order ("the attack by X", "a man from Kenya")."""
    return [
        p
        for c in token.children
        if c.dep_ == "prep" and c.lower_ in preps
        for p in c.children
        if p.dep_ == "pobj"
    ]


def coordinated_objects(pronoun: Any) -> list[Any]:
    """The plural direct objects of the verbs coordinated with the one an object pronoun hangs on: what
    "them" may take up ("obtained the messages and released them": the messages)."""
    verb = pronoun.head
    partners = ([verb.head] if verb.dep_ == "conj" else []) + [c for c in verb.children if c.dep_ == "conj"]
    return [o for v in partners for o in v.children if o.dep_ == "dobj" and o.tag_ == "NNS"]


def person_words(doc: Any) -> frozenset[str]:
    """The capitalised words an article uses as (part of) a person's name: proper nouns inside a
    person entity."""
    return frozenset(t.text for t in doc if t.pos_ == "PROPN" and t.is_title and t.ent_type_ in PERSON_LABELS)


def named_noun(token: Any) -> bool:
    """A capitalised word the tagger took for a common noun but the recogniser for a name
    ("Trump" said alone)."""
    return token.pos_ == "NOUN" and token.is_title and token.ent_type_ in {"PERSON", "ORG"}


# What may close a dateline: "KABUL (Pajhwok):", "WASHINGTON (AP) --", "MOSCOW, March 3 -"
DATELINE_ENDS = frozenset({"(", "-", "--", "\u2014", "\u2013", ":"})


def dateline_tokens(doc: Any) -> frozenset[int]:
    """Tokens of wire datelines opening a sentence: capitalised place words ("KABUL", "NEW YORK",
    "KABUL, Afghanistan") followed by an agency in brackets, a dash or a colon."""
    out: set[int] = set()
    for sent in doc.sents:
        caps = 0
        i = sent.start
        while i < sent.end and (doc[i].is_upper and doc[i].is_alpha and len(doc[i].text) > 1):
            caps += 1
            i += 1
        if not caps:
            continue
        if i < sent.end and doc[i].text == ",":  # "KABUL, Afghanistan (AP) -"
            j = i + 1
            while j < sent.end and doc[j].is_title and doc[j].is_alpha:
                j += 1
            i = j if j > i + 1 else i
        if i >= sent.end or doc[i].text not in DATELINE_ENDS:
            continue
        if doc[i].text == "(":  # an agency: "(AP)", "(Pajhwok)", not "NATO (North Atlantic ...)"
            close = next((j for j in range(i + 1, min(i + 4, sent.end)) if doc[j].text == ")"), None)
            if close is None:
                continue
        elif doc[i].text != ":" and not (doc[i - 1].whitespace_ and doc[i].whitespace_):
            continue  # "US-China talks"
        out.update(range(sent.start, i))
    return frozenset(out)


def titled_sector(title: str, known: str, was: str = "") -> str:
    """The sector of a named person with a title in the phrase: the title's ("Manhattan District Attorney
    Cyrus R. Vance" is JUD, whatever a namesake in the tables was), unless the tables know the person
    left that kind of office ("Prime Minister Honcharuk" after his term: ELI); ``was``, when known, is
    the sector of the office left: a lawmaker whose term ended who is titled a minister is one
    ("Interior Minister Joachim Brudzinski" after his years in the Sejm: GOV)."""
    if not title:
        return known
    if known == "ELI" and title in {"GOV", "LEG", "MIL"} and (not was or was == title):
        return known
    if known == "GOV" and title == "PTY":
        return known  # "Republican presidential candidate Donald Trump" in 2020 is the president
    return title


#: Offices one runs for, is nominated for or serves as (the head word of the title).
OFFICE_WORDS = frozenset(
    {
        "president",
        "minister",
        "governor",
        "mayor",
        "senator",
        "chancellor",
        "premier",
        "secretary",
        "speaker",
        "chairman",
        "chair",
        "leader",
        "representative",
        "congressman",
        "congresswoman",
        "councillor",
        "councilor",
        "ambassador",
        "judge",
        "commissioner",
        "attorney",
    }
)


def role_only(token: Any, how: str) -> bool:
    """Whether a title names an office rather than its holder: bare, without article, possessor or
    name, after "for" or "as" ("nominated Gammon for President", "ran for governor", "served as prime
    minister"); "appealed to the president" and "as President Biden said" name a person."""
    if not how.startswith("agent:") or "+" in how or token.lemma_.lower() not in OFFICE_WORDS:
        return False
    if token.tag_ not in {"NN", "NNP"} or token.dep_ != "pobj" or token.head.lower_ not in {"for", "as"}:
        return False  # "a camp for Congolese refugees": people
    named = {"det", "poss", "nummod", "prep", "relcl", "acl", "appos"}
    return not any(c.dep_ in named for c in token.children)


_ABBREVIATION = re.compile(r"[A-Z][A-Za-z&]{1,7}")
_NAME_GLUE = frozenset({"of", "for", "and", "the", "on", "&", "de", "du", "des", "la", "le", "del", "al"})


def defined_abbreviations(doc: Any) -> dict[str, str]:
    """Abbreviations an article spells out, "Electronic Frontier Foundation (EFF)": EFF -> the full
    name, when the abbreviation's capitals are the initials of the name's words in order."""
    found: dict[str, str] = {}
    for t in doc[2 : len(doc) - 2]:  # "(", the abbreviation and ")" inside the text
        short = doc[t.i + 1] if t.text == "(" else None
        if short is None or doc[t.i + 2].text != ")" or not _ABBREVIATION.fullmatch(short.text):
            continue
        words: list[Any] = []
        for w in reversed(doc[: t.i]):  # the capitalised words before "(", with "of", "for", "and"
            if w.is_title or w.is_upper or (w.lower_ in _NAME_GLUE and words):
                words.insert(0, w)
            else:
                break
        while words and words[0].lower_ in _NAME_GLUE:
            words.pop(0)
        initials = "".join(w.text[0] for w in words if w.lower_ not in _NAME_GLUE)
        capitals = "".join(c for c in short.text if c.isupper())
        if len(capitals) > 1 and initials.upper().endswith(capitals):
            # "the Recording Industry Association of America (RIAA)": the name's last words
            keep = len(words)
            count = 0
            for k in range(len(words) - 1, -1, -1):
                if words[k].lower_ not in _NAME_GLUE:
                    count += 1
                if count == len(capitals):
                    keep = k
                    break
            name = doc[words[keep].i : t.i].text
            found.setdefault(short.text, name)
    return found


def entity_span(token: Any) -> Any | None:
    """The named-entity span a token is in, from the tokens' IOB tags (``Doc.ents`` is rebuilt over the
    whole document on every read: looking a token up in it is quadratic on long articles)."""
    if token.ent_iob_ not in {"B", "I"}:
        return None
    doc = token.doc
    start = token.i
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]
