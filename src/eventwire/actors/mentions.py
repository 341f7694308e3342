"""Finding actors in a parsed article, with per-article memory (coreference).

:class:`ArticleActors` is built once per parsed article.  For any token it
gives the :class:`ActorMention` the token's noun phrase refers to — resolved
from the phrase itself (country names, demonyms, capitals as metonyms, titles
and sector nouns), or from what the article said before: a surname after the
full name ("Lavrov"), a pronoun ("he", "they"), a bare title ("the minister"),
or a joint reference ("the two sides", "both countries", "each other").
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any

from eventwire.actors.dictionary import AgentTable, CountryTable, resolve_phrase, singulars
from eventwire.actors.entities import FORMER_SECTOR, EntityMatch, EntityTable, EntityTerm
from eventwire.actors.officeholders import OfficeHolderTable, normalise_name
from eventwire.actors.petrarch import ActorDictionary
from eventwire.actors.reference import RECIPROCAL, References, Remembered
from eventwire.actors.senses import WordSenses
from eventwire.actors.surroundings import LISTED, ROLE_WORDS, Surroundings
from eventwire.actors.words import (
    ARTICLES,
    KIN_WORDS,
    PERSON_LABELS,
    PERSON_NOUNS,
    country_modifier,
    dateline_tokens,
    defined_abbreviations,
    name_suffixes,
    named_noun,
    person_words,
    role_only,
    titled_sector,
    whole_names,
)
from eventwire.models import ActorCode, ActorMention

# Left modifiers that belong to a noun phrase's head (titles, names, demonyms, possessors).
NP_DEPS = frozenset(
    {"compound", "amod", "nmod", "poss", "det", "nummod", "case", "flat", "punct", "quantmod"}
)
# Heads of a candidate's organisation named after the candidate ("the Trump campaign").
CAMPAIGN_HEADS = frozenset({"campaign"})
JOINT_HEADS = frozenset(
    {"side", "sides", "country", "countries", "nation", "nations", "government", "governments"}
)
# Words that put an actor outside its owner's country: "its foreign creditors" are not the owner's.
FOREIGN_WORDS = frozenset({"foreign", "international", "overseas", "external", "creditor", "creditors"})
# A legislative chamber named by its capitalised short name ("the House voted to impeach"); the
# lowercase word is a building. "White House", "Blue House" are metonyms of governments (agents.yaml).
CHAMBER_NAMES = frozenset({"House", "Commons", "Lords"})
# Heads of a joint phrase for the leaders of the story's two countries ("the two leaders").
JOINT_LEADERS = frozenset(
    {"leaders", "presidents", "ministers", "premiers", "heads", "counterparts", "diplomats", "envoys"}
)
NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
# "Thousands of protesters", "a group of lawmakers": the actor is the object of "of".
QUANTITY_HEADS = frozenset(
    {
        "thousand",
        "hundred",
        "dozen",
        "million",
        "score",
        "number",
        "group",
        "crowd",
        "team",
        "delegation",
        "contingent",
        "unit",
        "some",
        "many",
        "most",
        "all",
        "several",
        "few",
        "member",
        "one",
        "two",
        "three",
        "dozens",
        "hundreds",
        "thousands",
        "millions",
        "tens",
        "couple",
        "handful",
    }
)


# Countries whose national legislature is called Congress (the national constitutions): "Congress" in
# a story about one of them is its legislature.
CONGRESS_COUNTRIES = frozenset(
    {"USA", "PHL", "BRA", "ARG", "CHL", "COL", "MEX", "PER", "GTM", "HND", "PRY", "BOL", "ECU", "SLV", "NIC"}
)
# Bare numbers of people: "Thousands rallied", "hundreds were arrested" (not "thousands of homes").
CROWD_NUMBERS = frozenset({"thousands", "hundreds", "dozens", "millions", "scores", "tens"})
# Where a bare number of people stands: a subject; or the object of a verb done to people ("police
# detained hundreds", not "pledged millions", "spent millions on", "evacuated thousands").
CROWD_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
CROWD_VERBS = frozenset(
    {
        "arrest", "detain", "kill", "injure", "wound", "disperse", "deport", "expel", "jail", "sentence",
        "execute", "abduct", "kidnap", "free", "release", "shoot", "attack", "beat", "massacre", "round",
        "teargas", "hold", "imprison", "torture", "convict", "charge", "fire",
    }
)  # fmt: skip
CROWD_PREPS = frozenset({"at", "on", "against", "among"})


#: Where a capital stands for its government (CAMEO codes "Washington said" as USAGOV), rather than
#: for a place ("attacked Kabul", "in Minsk").
METONYM_DEPS = frozenset({"nsubj", "poss"})
# Words of an article about Georgia the country; without them, an article naming other US states or
# cities means the US state by "Georgia" (countries.tsv codes the name as the country).
GEORGIA_COUNTRY_WORDS = frozenset(
    {"Tbilisi", "Georgian", "Georgians", "Abkhazia", "Ossetia", "Batumi", "Caucasus", "Saakashvili"}
)
# How resolve_phrase says a country string decided the country.
COUNTRY_HOWS = ("name:", "alias:", "demonym:", "capital:", "place:")


def _overlap(a: ActorMention, b: ActorMention) -> bool:
    spans_b = [(b.start, b.end), *b.member_spans, *([b.antecedent] if b.antecedent else [])]
    return any(a.start < e and s < a.end for s, e in spans_b)


class ArticleActors(Surroundings, References):
    """Actor resolution for one parsed article (a spaCy ``Doc``)."""

    def __init__(
        self,
        doc: Any,
        countries: CountryTable,
        agents: AgentTable,
        given_spans: Sequence[tuple[int, int]] = (),
        people: OfficeHolderTable | None = None,
        on: date | None = None,
        imported: ActorDictionary | None = None,
        senses: WordSenses | None = None,
        entities: EntityTable | None = None,
    ) -> None:
        """``given_spans``: character spans known to be actors (gold spans in evaluation); any token
        inside one resolves to that span, coded from its words, or as an unknown actor (``UNK``)."""
        self.doc = doc
        self.people = people
        self.imported = imported  # the user's PETRARCH/TABARI actor dictionaries, if any
        self.senses = senses  # nouns that are never actors (data/word_senses.yaml)
        self.entities = entities  # named parties, groups, agencies, people (data/entities.tsv.gz)
        self.home = ""  # the country the article's story happens in (set by the coder)
        self.on = on  # the article's date, for dated office-holders
        self.text: str = doc.text  # built once: Doc.text re-joins every token on each access
        self.countries = countries
        self.agents = agents
        self._sent_starts = [sent.start for sent in doc.sents]
        self._cache: dict[int, ActorMention | None] = {}
        self._memory: list[Remembered] = []
        self._names: dict[str, ActorCode] = {}
        self._name_sectors: dict[str, str] = {}  # a name first met with a sector but no country
        self._defined = defined_abbreviations(doc)  # "Electronic Frontier Foundation (EFF)": EFF is it
        self._georgia: bool | None = None  # whether "Georgia" is the US state (see _us_georgia)
        self._person_words = person_words(doc)
        self._country_counts: Counter[str] = Counter()
        self._sector_by_country: dict[str, Counter[str]] = {}
        self._datelines = dateline_tokens(doc)
        self._given: dict[int, ActorMention] = self._given_mentions(given_spans)
        self._prescan()

    def _named_noun(self, token: Any) -> bool:
        """A capitalised word the tagger took for a common noun that is a name: the recogniser says
        so ("Trump" said alone), or the article uses the word as a person's name elsewhere ("Trump
        thanked his supporters", "anti-Trump protests" beside "President Donald Trump")."""
        return (
            named_noun(token)
            or (
                token.pos_ in {"NOUN", "ADJ"}
                and token.is_title
                and token.ent_type_ in {"", "NORP"}
                and token.text in self._person_words
            )
            or self._holder_noun(token)
        )

    def _holder_noun(self, token: Any) -> bool:
        """A capitalised common noun, alone as an argument, that the dated office-holder table knows as
        of the article's date, current or former holder ("Trump met Putin", the tagger reading "Trump"
        as a noun; a former holder resolves as ELI)."""
        return (
            self.people is not None
            and token.pos_ == "NOUN"
            and token.is_title
            and token.ent_type_ == ""
            and token.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "poss", "conj"}
            and not any(c.dep_ in {"det", "amod", "compound", "poss"} for c in token.children)
            and self.people.lookup(token.text, self.on) is not None
        )

    # ------------------------------------------------------------------ public
    def _us_georgia(self) -> bool:
        """Whether "Georgia" is the US state in this article: it names other US states or cities and
        nothing of the country (its capital, people, regions or leaders)."""
        if self._georgia is None:
            names = [t.text for t in self.doc if t.text[:1].isupper()]
            pairs = {f"{a.text} {b.text}" for a, b in zip(self.doc, self.doc[1:], strict=False)}
            words = set(names) | {p for p in pairs if p[:1].isupper()}
            country = bool(words & GEORGIA_COUNTRY_WORDS)
            found = (self.countries.lookup(w) for w in words - {"Georgia"})
            # states and cities; not "Washington", the capital of every foreign-affairs story
            us = any(m is not None and m.iso3 == "USA" and m.kind == "place" for m in found)
            self._georgia = us and not country
        return self._georgia

    def spelt_out(self, abbreviation: str) -> str:
        """The full name the article gives an abbreviation ("EFF" -> "Electronic Frontier Foundation"),
        or ""."""
        return self._defined.get(abbreviation, "")

    def sentence_index(self, token: Any) -> int:
        return max(0, bisect_right(self._sent_starts, token.i) - 1)

    def mention(self, token: Any) -> ActorMention | None:
        """The actor the noun phrase headed by ``token`` refers to, or None."""
        if token.i not in self._cache:
            self._cache[token.i] = self._resolve(token)
        return self._cache[token.i]

    def joint(self, tokens: list[Any]) -> ActorMention | None:
        """A joint actor from coordinated heads ("China and Russia")."""
        mentions = [m for m in (self.mention(t) for t in tokens) if m is not None]
        if not mentions:
            return None
        if len(mentions) == 1:
            return mentions[0]
        members: dict[ActorCode, tuple[int, int]] = {}
        for m in mentions:
            if m.members:
                spans = m.member_spans or ((m.start, m.end),) * len(m.members)
                for code, span in zip(m.members, spans, strict=False):
                    members.setdefault(code, span)
            else:
                members.setdefault(m.identity, (m.start, m.end))
        start = min(m.start for m in mentions)
        end = max(m.end for m in mentions)
        text = self.text[start:end]
        return ActorMention(text, start, end, "", "", "joint", tuple(members), tuple(members.values()))

    def unresolved(self, token: Any) -> ActorMention | None:
        """A named or nominal noun phrase that no rule resolved (code ""), or None for pronouns
        and non-nominals."""
        if token.pos_ not in {"PROPN", "NOUN"} or token.ent_type_ in {"DATE", "TIME", "CARDINAL", "MONEY"}:
            return None
        if self.is_thing(token):
            return None  # a thing is no actor, resolved or not
        tokens = self._np_tokens(token)
        text, start, end = self._span_text(tokens)
        return ActorMention(text, start, end, "", "", "unresolved")

    def given(self, token: Any) -> ActorMention | None:
        """The given actor span covering ``token``, or None."""
        return self._given.get(token.i)

    @property
    def has_given(self) -> bool:
        return bool(self._given)

    def given_near(self, trigger: Any, exclude: ActorMention | None, before: bool) -> ActorMention | None:
        """A given actor span in the trigger's clause (for a source: one before the trigger),
        other than ``exclude``; the nearest to the trigger wins."""
        clause = trigger
        while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
            clause = clause.head
        while clause.dep_ in {"xcomp", "conj", "advcl", "ccomp"} and clause.head.i != clause.i:
            clause = clause.head
        span = range(clause.left_edge.i, clause.right_edge.i + 1)
        best: tuple[int, ActorMention] | None = None
        for i, mention in self._given.items():
            if i not in span or (before and i > trigger.i):
                continue
            if exclude is not None and _overlap(mention, exclude):
                continue
            distance = abs(i - trigger.i)
            if best is None or distance < best[0]:
                best = (distance, mention)
        return best[1] if best is not None else None

    def resolved(self) -> list[ActorMention]:
        """The article's resolved actor mentions (a country or a sector), outermost first where
        they nest ("Chinese Foreign Minister Wang Yi", not also "Chinese"), in text order."""
        found = {(m.start, m.end): m for m in self._cache.values() if m is not None and (m.code or m.members)}
        out: list[ActorMention] = []
        for m in sorted(found.values(), key=lambda m: (m.start, -m.end)):
            if out and m.start < out[-1].end:
                continue
            out.append(m)
        return out

    @property
    def country_counts(self) -> Counter[str]:
        """How often the article's resolved actors name each country."""
        return Counter(self._country_counts)

    @property
    def countries_mentioned(self) -> frozenset[str]:
        """Countries the article's actors belong to (to settle ambiguous place names)."""
        return frozenset(self._country_counts)

    def salient_pair(self) -> tuple[ActorCode, ActorCode] | None:
        """The two countries the article is most about, with their commonest sector."""
        top = [c for c, _ in self._country_counts.most_common(2)]
        if len(top) < 2:
            return None
        return self._side(top[0]), self._side(top[1])

    # ----------------------------------------------------------------- resolve
    def _prescan(self) -> None:
        """First pass: resolve every nominal head so that memory and counts are article-wide."""
        from spacy.attrs import ENT_TYPE, POS
        from spacy.symbols import NOUN, PROPN

        if len(self.doc) == 0:
            return
        strings = self.doc.vocab.strings
        places = {strings.add("GPE"), strings.add("NORP")}
        for i, (pos, ent) in enumerate(self.doc.to_array([POS, ENT_TYPE]).tolist()):
            if pos in (NOUN, PROPN) or ent in places:
                self.mention(self.doc[i])

    def _side(self, country: str) -> ActorCode:
        sectors = self._sector_by_country.get(country)
        sector = sectors.most_common(1)[0][0] if sectors else ""
        return ActorCode(country, sector)

    def _remember(self, token: Any, mention: ActorMention, is_person: bool, role: bool = False) -> None:
        plural = token.tag_ in {"NNS", "NNPS"} or bool(mention.members)
        here = self.sentence_index(token)
        self._memory.append(Remembered(token.i, here, mention, is_person, plural, role and not is_person))
        for member in mention.members or (mention.identity,):
            if member.country:
                self._country_counts[member.country] += 1
                if member.sector:
                    self._sector_by_country.setdefault(member.country, Counter())[member.sector] += 1

    def _np_tokens(self, token: Any) -> list[Any]:
        """The head and its left modifiers (recursively), in text order."""
        out = [token]
        stack = [token]
        while stack:
            t = stack.pop()
            for child in t.lefts:
                if child.dep_ in NP_DEPS or (child.dep_ == "npadvmod" and t.lower_ == "led"):
                    # "the Saudi-led coalition": the leader's country is the coalition's ("Iran-backed
                    # militias" are not Iran's)
                    out.append(child)
                    stack.append(child)
        tokens = sorted((t for t in out if t.i == token.i or t.i not in self._datelines), key=lambda t: t.i)
        while len(tokens) > 1 and (tokens[0].dep_ in {"punct", "case"} or tokens[0].lower_ in ARTICLES):
            tokens = tokens[1:]  # "the", "a", leading punctuation; "both" and "two" stay
        return tokens

    def _span_text(self, tokens: list[Any]) -> tuple[str, int, int]:
        start = tokens[0].idx
        end = tokens[-1].idx + len(tokens[-1].text)
        return self.text[start:end], start, end

    def _given_mentions(self, spans: Sequence[tuple[int, int]]) -> dict[int, ActorMention]:
        out: dict[int, ActorMention] = {}
        for start, end in spans:
            text = self.text[start:end]
            found = resolve_phrase(text, self.countries, self.agents)
            code, how = found if found is not None and found[0] else (ActorCode("", "UNK"), "")
            mention = ActorMention(
                text, start, end, code.country, code.sector, "given-span" + (":" + how if how else "")
            )
            for tok in self.doc:
                if tok.idx < end and tok.idx + len(tok.text) > start:
                    out.setdefault(tok.i, mention)
        return out

    def _resolve(self, token: Any) -> ActorMention | None:
        if token.i in self._given:
            mention = self._given[token.i]
            own = [i for i, m in self._given.items() if m is mention]
            if token.i == min(own):  # a person if any of its words is a name ("... Viktor Orban")
                person = any(self.doc[i].ent_type_ in PERSON_LABELS for i in own)
                self._remember(token, mention, person)
            return mention
        if token.i in self._datelines:
            return None  # "KABUL (Pajhwok):", "WASHINGTON (AP) -": where the story was filed
        if token.pos_ == "PRON" or token.lower_ in RECIPROCAL:
            return self._resolve_pronoun(token)
        if token.pos_ not in {"NOUN", "PROPN", "ADJ"} and token.ent_type_ not in {"GPE", "NORP", "PERSON"}:
            return None
        if token.dep_ in {"compound", "flat"} and token.ent_type_ in PERSON_LABELS:
            head = token.head
            if head.i > token.i and head.pos_ == "PROPN" and head.ent_type_ in PERSON_LABELS:
                return None  # "Abbas" of "Abbas Khalil": a word of a longer name is nobody of its own
        if token.lemma_.lower() in QUANTITY_HEADS or token.ent_type_ == "CARDINAL":
            for prep in token.rights:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            return self.mention(pobj)
        tokens = self._np_tokens(token)
        text, start, end = self._span_text(tokens)
        if _crowd_number(token):  # "Thousands rallied in Tbilisi", "police fired tear gas at hundreds"
            code, how = self._complete(token, tokens, ActorCode("", "CVL"), "crowd-number", False)
            mention = ActorMention(text, start, end, code.country, code.sector, how)
            self._remember(token, mention, False)
            return mention
        joint = self._resolve_joint(token, tokens, text, start, end)
        if joint is not None:
            return joint
        is_person = token.ent_type_ in PERSON_LABELS
        campaign = self._campaign_of(token, tokens)
        if campaign is not None:
            return campaign
        if self.is_thing(token):
            return None  # "a military cooperation agreement", "hospital treatment": a thing
        if self._possessed_thing(token, tokens):
            return None  # "the protesters' demands", "Interpol's constitution": a thing, not an actor
        found = self._led_coalition(token, tokens) or resolve_phrase(text, self.countries, self.agents)
        if found is not None and found[1].startswith("agent:") and token.lower_ not in KIN_WORDS:
            kin = found[1].split(":", 1)[1].split("+")[0]
            if kin in KIN_WORDS and token.ent_type_ not in PERSON_LABELS:
                found = None  # "baby formula", "the mother ship": a kind of thing, nobody's relative
        if found is not None and found[1] == "name:Georgia" and self._us_georgia():
            found = ActorCode("USA", ""), "place:Georgia+US-state"  # "won Georgia, Arizona and Nevada"
        if found is not None and found[1].startswith(COUNTRY_HOWS):
            # "Sudesh Amman", "Jim Jordan", "Patricia Scotland", "Volker Turk": a word of a person's
            # name, not a country or its capital; the words outside the name may still give a title
            place = found[1].split(":", 1)[1].split("+")[0]
            names = [t for t in tokens if t.ent_type_ in PERSON_LABELS and t.pos_ == "PROPN"]
            if len(names) > 1 and place in {t.text for t in names}:
                rest = [t for t in tokens if t.ent_type_ not in PERSON_LABELS]
                outside = self._span_text(rest)[0] if rest else ""
                found = resolve_phrase(outside, self.countries, self.agents) if outside else None
                if found is not None and found[0].country:
                    found = None
        if found is not None and found[1].startswith("group:"):
            # a named group the agent table codes once for all time ("Taliban": AFGREB) follows the
            # user's entity file, and the team's table where that dates a change of code
            dated = self._entity_match(tokens)
            if dated is not None and self._overrides_group(dated.term):
                found = ActorCode(dated.country, dated.sector), dated.matched_by
        if (
            found is not None
            and token.pos_ == "PROPN"
            and found[1] in {f"agent:{w}" for w in singulars(token.lower_)}
            and any(t.pos_ == "PROPN" and t.i < token.i for t in tokens)
        ):
            # "Proud Boys", "White Helmets": a listed name of several words whose head is an agent noun
            entity = self._entity_match(tokens)
            if entity is not None and entity.sector:
                found = ActorCode(entity.country, entity.sector), entity.matched_by
        # "the American Chamber of Commerce", "the Federation of Industries", "the Ministry of Health of
        # Ethiopia": a name whose kind or country is in its "of" phrase
        whole = self._of_name(token, tokens, found[0] if found is not None else ActorCode())
        whole = whole or self._entity_name(token, tokens, found[0] if found is not None else ActorCode())
        if whole is not None:
            tokens, found = whole
            text, start, end = self._span_text(tokens)
        if self._heads_body(token, found[0] if found is not None else None):
            body = self._body_of(token)  # "the head of the International Atomic Energy Agency said"
            if body is not None:
                found = body, "member-of-body"
        named = token.pos_ == "PROPN" and found is not None and not found[1].startswith(LISTED)
        if named and found is not None and found[0].country:
            listed = self._listed_name(tokens, found[0])  # "the Bank of England": a central bank
            if listed is not None:
                found = listed
        if found is None and token.text in CHAMBER_NAMES and token.pos_ == "PROPN":
            found = ActorCode("", "LEG"), f"chamber:{token.text}"  # "the House voted", "the Commons"
        code, how = found if found is not None else (ActorCode(), "")
        code, how = self._complete(token, tokens, code, how, is_person)
        if token.pos_ == "NOUN" and (not code.country or how == "memory:title"):
            # "the country's top diplomat, Sergei Lavrov,": the name beats an earlier actor's country
            named = self._apposed_name(token)
            if named is not None:
                code = ActorCode(named.country, named.sector or code.sector)
                how = (how + "+" if how else "") + "apposed-name"
        if role_only(token, how):
            return None  # "nominated Gammon for President", "served as prime minister": an office
        if how == "agent:public" and token.lower_ != "public":
            return None  # "public opinion", "public service", "public transport": no people
        if how.startswith("kb:") and self.entities is not None and (is_person or token.pos_ == "PROPN"):
            # "Twitter" tagged PERSON is a company; "Navalny" tagged a place is a person
            is_person = self.entities.kind_of(how) == "person"
        if not code:
            return None
        shared = self._coordinated_countries(tokens)
        if len(shared) < 2 and code.sector and (not code.country or how.endswith("+possessor")):
            shared = self._countries_of(token)  # "the leaders of Turkey and Greece"
            if len(shared) > 1:
                end = max(end, max(t.idx + len(t.text) for t in token.subtree))
        if len(shared) > 1:  # "Chinese and Russian warships": one sector, several countries
            end = max(end, max(t.idx + len(t.text) for t in token.subtree if t.i <= token.i))
            members = tuple(ActorCode(c, code.sector) for c in shared)
            mention = ActorMention(self.text[start:end], start, end, "", "", how + "+coordinated", members)
            self._remember(token, mention, False)
            return mention
        mention = ActorMention(text, start, end, code.country, code.sector, how)
        if is_person:
            self._learn_name(tokens, code)
        elif how.startswith("office-holder:"):  # a holder the tagger took for a product or place
            self._learn_holder_name(tokens, code)
        # "The mayor said he would ...": a singular office or part is a person a subject pronoun can
        # take up when it was a subject itself
        self._remember(token, mention, is_person, _singular_role(token))
        return mention

    def is_thing(self, token: Any) -> bool:
        """Whether a noun phrase's head is a thing that is never an actor, whatever modifies it (a
        law by its entity label or its head: "the Affordable Care Act", "the United States
        Constitution")."""
        named_document = (
            token.pos_ == "PROPN" and token.lower_ in DOCUMENT_NAMES and token.ent_type_ != "PERSON"
        )
        if token.ent_type_ in THING_ENTS or named_document:
            return True
        if (
            token.lemma_.lower() == "opposition"
            and any(c.dep_ == "prep" and c.lower_ == "to" for c in token.children)
            and not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        ):
            return (
                True  # "drop their opposition to the scheme": a stance ("the opposition to Maduro": a group)
            )
        senses = self._common_noun_senses(token)
        return senses is not None and senses.is_thing(token.lemma_, token.lower_, self.agents.head_words)

    def listed_thing(self, token: Any) -> bool:
        """Whether a noun is one of the listed things (data/word_senses.yaml ``things``)."""
        senses = self._common_noun_senses(token)
        return senses is not None and senses.listed_thing(token.lemma_, token.lower_)

    def _common_noun_senses(self, token: Any) -> WordSenses | None:
        """The word senses, when ``token`` is a common noun that no entity label makes a name."""
        if self.senses is None or token.pos_ != "NOUN" or token.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}:
            return None
        return self.senses

    def person_at_home(self, token: Any) -> ActorMention | None:
        """A named person no table knows, in a story set in one country ("Tom Watson", a British
        MP, in a London story): that country, no sector — a person, not a state."""
        if not self.home or token.ent_type_ != "PERSON":
            return None
        tokens = self._np_tokens(token)
        text, start, end = self._span_text(tokens)
        sector = self._remembered_sector(tokens)
        self._learn_name(tokens, ActorCode(self.home, sector))  # "Sharif Hotak ...", later "Hotak"
        return ActorMention(text, start, end, self.home, sector, "person+home-country")

    def remembered_person(self, token: Any) -> ActorMention | None:
        """A name that an earlier full mention gave a country after the first pass ("Paul Manafort", a
        person of the story's country, then "another judge sentenced Manafort")."""
        tokens = self._np_tokens(token)
        text, start, end = self._span_text(tokens)
        code = self._lookup_name(tokens) or self._earlier_phrase(text, token.i)
        if code is None or not code.sector:
            titled = self._earlier_title(token)
            if titled is not None and (code is None or titled.country == code.country):
                code = titled
        if code is None and self.home and self._named_person_before(token):
            code = ActorCode(self.home, "")  # as person_at_home: the tagger missed it this time
        if code is None:
            return None
        sector = code.sector or self._remembered_sector(tokens)
        return ActorMention(text, start, end, code.country, sector, "person+earlier-name")

    def _earlier_phrase(self, text: str, before: int) -> ActorCode | None:
        """The code of an earlier actor whose words end with these ("First Minister of Scotland Nicola
        Sturgeon", then "Nicola Sturgeon said"), whatever the entity tagger made of the name."""
        entry = self._recent(
            lambda e: (
                e.token_i < before
                and bool(e.mention.country)
                and not e.mention.members
                and (e.mention.text == text or e.mention.text.endswith(" " + text))
            )
        )
        return entry.mention.identity if entry is not None else None

    def _earlier_title(self, token: Any) -> ActorCode | None:
        """The code of the title an earlier mention of the name was the "of" object of, as the parser
        reads "First Minister of Scotland Nicola Sturgeon" ("Minister" of "Sturgeon")."""
        for earlier in self.doc[: token.i]:
            if earlier.text != token.text or earlier.dep_ != "pobj" or earlier.head.lower_ != "of":
                continue
            title = earlier.head.head
            if title.i == earlier.head.i or title.pos_ not in {"PROPN", "NOUN"}:
                continue
            found = self.mention(title)
            if found is not None and found.country and found.sector and not found.members:
                return found.identity
        return None

    def _named_person_before(self, token: Any) -> bool:
        """Whether the article named a person with this word before ("Pranab Mukherjee ... died", then
        "the passing away of Bharat Ratna Pranab Mukherjee" with the name tagged as a product)."""
        return any(t.text == token.text and t.ent_type_ in PERSON_LABELS for t in self.doc[: token.i])

    def span_of(self, token: Any) -> tuple[str, int, int]:
        """The noun phrase a head word stands for: (text, start, end), the head and its left modifiers."""
        return self._span_text(self._np_tokens(token))

    def owner_of(self, thing: Any, sector_only: bool = False) -> ActorMention | None:
        """The actor a thing's modifiers name, standing for the thing's author or owner: "a U.S.
        military airstrike" (USA MIL), "the Turkish statement" (TUR), "Kremlin statement"; with
        ``sector_only`` also a sector without a country ("a police headquarters": the police)."""
        if not self.is_thing(thing) or thing.pos_ == "PROPN":
            return None  # a named document is nobody's by its name ("the Minsk Protocol")
        tokens = [t for t in self._np_tokens(thing) if t.i != thing.i and t.lower_ not in ARTICLES]
        tokens = [t for t in tokens if t.dep_ not in {"det", "punct", "nummod"}]
        tokens = [t for t in tokens if t.lower_ not in KIN_WORDS or t.dep_ == "poss"]  # "the mother ship"
        if not tokens or tokens[-1].i > thing.i:
            return None
        # "a public health emergency": health is nobody's, nor is the emergency (but "a Senegalese peace
        # plan" is Senegal's): a modifier that is itself a thing drops out with its own modifiers
        things = {t.i for t in tokens if t.pos_ == "NOUN" and self.listed_thing(t)}
        tokens = [t for t in tokens if t.i not in things and t.head.i not in things]
        if not tokens:
            return None
        if sector_only and all(t.pos_ == "ADJ" for t in tokens):
            sector_only = False  # "military action" is a kind of action; "a police raid" is the police's
        for t in tokens:
            if t.dep_ == "poss":  # "Israel's raid"; a pronoun ("its boycott") is left to the caller
                return self.mention(t) if t.pos_ != "PRON" else None
        text, start, end = self._span_text(tokens)
        found = resolve_phrase(text, self.countries, self.agents)
        if found is None or not (found[0].country or (sector_only and found[0].sector)):
            return None
        code, how = found
        if how.startswith(("capital:", "place:")):
            return None  # "a Kabul car bombing": where, not whose
        return ActorMention(text, start, end, code.country, code.sector, how + f"+owner-of:{thing.lemma_}")

    def _possessed_thing(self, token: Any, tokens: list[Any]) -> bool:
        """Whether only a possessor makes the phrase an actor while the head is a common noun
        that is itself no actor ("the protesters' demands"); "China's foreign ministry" is one."""
        if token.ent_type_ or token.pos_ != "NOUN":
            return False
        owners = [c for t in tokens for c in t.children if c.dep_ == "poss"]
        owned = {t.i for owner in owners for t in owner.subtree}
        if not owned:
            return False
        rest = [t for t in tokens if t.i not in owned and t.dep_ not in {"poss", "case"}]
        if not rest:
            return False
        text, _, _ = self._span_text(rest)
        return resolve_phrase(text, self.countries, self.agents) is None

    def _coordinated_countries(self, tokens: list[Any]) -> list[str]:
        """Countries of coordinated modifiers ("Chinese and Russian", "Israeli and Palestinian")."""
        for t in tokens:
            if t.dep_ in {"amod", "compound", "nmod"} and any(c.dep_ == "conj" for c in t.children):
                found: list[str] = []
                for mod in (t, *t.conjuncts):
                    match = self.countries.lookup(mod.text)
                    if match is not None and match.iso3 not in found:
                        found.append(match.iso3)
                if len(found) > 1:
                    return found
        return []

    def _countries_of(self, token: Any) -> list[str]:
        """Countries of a coordinated "of" phrase after a sector noun ("the leaders of Turkey and
        Greece", "the foreign ministers of China and Russia"), each named as a country alone."""
        for prep in token.rights:
            if prep.dep_ != "prep" or prep.lower_ != "of":
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj" or not pobj.conjuncts:
                    continue
                found: list[str] = []
                for part in (pobj, *pobj.conjuncts):
                    mention = self.mention(part)
                    if mention is None or not mention.country or mention.sector or mention.members:
                        return []
                    if mention.country not in found:
                        found.append(mention.country)
                return found
        return []

    def _complete(
        self, token: Any, tokens: list[Any], code: ActorCode, how: str, is_person: bool
    ) -> tuple[ActorCode, str]:
        """Fill a missing country or sector from context: titles coordinated with a name,
        a place attached by a preposition, an earlier full name, an earlier same-sector actor."""
        if is_person and token.dep_ == "conj" and (not code.country or not code.sector):
            head_code = self._title_code(token.head)
            if head_code is not None:
                code = ActorCode(code.country or head_code.country, code.sector or head_code.sector)
                how = (how + "+" if how else "") + "coordinated-title"
        if (is_person or token.pos_ == "PROPN") and (not code.country or not code.sector):
            # "his Australian counterpart, Scott Morrison" / "Scott Morrison, Australia's prime minister"
            related = [token.head] if token.dep_ == "appos" else []
            related += [c for c in token.children if c.dep_ == "appos"]
            if token.dep_ == "nsubj" and token.head.lower_ in PRESENT_BE:  # "Spanton is a Canadian tourist"
                related += [c for c in token.head.children if c.dep_ == "attr"]
            # "Sergei Lavrov, who is Russia's foreign minister," / "Brett McGurk, who was Trump's envoy
            # until December,": the relative clause's title, a former one when it is in the past
            described = [c for c in token.children if c.dep_ == "relcl" and c.lemma_ == "be"]
            described = [c for c in described if any(w.lower_ == "who" for w in c.children)]
            titles = [a for c in described for a in c.children if a.dep_ == "attr"]
            former = {a.i for a in titles if a.head.lower_ in {"was", "were"} and _ended(a.head)}
            related += titles
            titles_at = {a.i for a in titles}
            related = [r for r in related if r.lower_ not in KIN_WORDS]  # a relative's kinship is no role
            for other in related:
                other_code = self._title_code(other) if other.i != token.i else None
                if other_code is not None or (other_code := self._country_only(other)) is not None:
                    if not other_code.country and other.i in titles_at:  # "who was Trump's envoy"
                        whole = self.mention(other)
                        other_code = ActorCode(whole.country if whole else "", other_code.sector)
                    if not other_code.country:  # "Sergei Sobyanin, the mayor of Moscow"
                        other_code = ActorCode(self._place_country(other), other_code.sector)
                    if other.i in former and other_code.sector:
                        other_code = ActorCode(other_code.country, FORMER_SECTOR)
                    code = ActorCode(code.country or other_code.country, code.sector or other_code.sector)
                    how = (how + "+" if how else "") + "apposition"
                    break
        if is_person and (not code.sector or not code.country):
            # "Arnel dela Vega of the army's Western Mindanao Command", "Sharif Hotak, of the
            # provincial council": a person speaks for the body they belong to; a titled one ("Bishop
            # Emeritus Dinualdo Gutierrez of the Marbel diocese in the Philippines") keeps the title
            body = self._body_of(token)
            if body is not None and (not code.sector or body.country):
                code = ActorCode(code.country or body.country, code.sector or body.sector)
                how = (how + "+" if how else "") + "member-of"
        if is_person and (not code.country or not code.sector):
            # "US Special Representative for Iran Brian Hook": a title whose own "for"/"of" phrase
            # parts it from the name it stands before
            title = self._title_before(tokens)
            if title is not None:
                code = ActorCode(code.country or title.country, code.sector or title.sector)
                how = (how + "+" if how else "") + "title-before"
        if is_person and not code.country:
            org = self._org_before(tokens)  # "NASA Administrator Jim Bridenstine"
            if org is not None:
                # a role any body has ("Google spokesman") is of the body's sector
                generic = any(how.startswith(f"agent:{w}") for w in ROLE_WORDS) and org.sector
                code = ActorCode(org.country, org.sector if generic else code.sector or org.sector)
                how = (how + "+" if how else "") + "organisation"
        if is_person and not code.country:
            # "Abderrahman Samba of Qatar", "a nurse from Kenya": the person's country
            home = self._home_of(token)
            if home:
                code, how = ActorCode(home, code.sector), (how + "+" if how else "") + "of-country"
        foreign = any(t.lower_ in FOREIGN_WORDS for t in tokens)  # "its international creditor banks"
        if not code.country and (is_person or code.sector or token.ent_type_ == "ORG"):
            based = self._based_in(token, tokens)  # "Denmark-based retailer Salling Group"
            if based and (self._office_holder(tokens) or self._entity(tokens)) is not None:
                based = ""  # the tables know the name: "Berlin-based opposition leader Alexei Navalny"
            if based:
                code, how = ActorCode(based, code.sector), (how + "+" if how else "") + "based-in"
        if code.sector and not code.country and not foreign:
            # "its army", "Erdogan's spokesman", "a spokesman for Erdogan": the owner's country
            owners = [c for c in token.children if c.dep_ == "poss"]
            owners += [
                p
                for c in token.rights
                if c.dep_ == "prep" and c.lower_ in {"for", "of"}
                for p in c.children
                if p.dep_ == "pobj" and p.pos_ in {"PROPN", "PRON"}
            ]
            for owner in owners:
                owner_mention = self.mention(owner)
                if owner_mention is not None and owner_mention.country:
                    return ActorCode(owner_mention.country, code.sector), how + "+possessor"
            place = self._place_country(token)
            if place:
                code, how = ActorCode(place, code.sector), how + "+place"
        if code.sector == "LEG" and not code.country and token.text == "Congress":
            # "Congress is weighing a trade bill" in a story about the US and Japan: the one country
            # of the story whose legislature is called Congress (not India's Congress party)
            named = [c for c, _ in self._country_counts.most_common() if c in CONGRESS_COUNTRIES]
            if named:
                code, how = ActorCode(named[0], code.sector), how + "+congress-country"
        if country_modifier(token, code, how):
            # "Bharat Ratna Pranab Mukherjee" after "Pranab Mukherjee": a country word before a name
            # the article has given gives way to that name's code
            known = self._lookup_name(tokens)
            if known is not None:
                return ActorCode(known.country, known.sector), "memory:name"
        if _former_candidacy(tokens, code) and code.country and (is_person or token.pos_ == "PROPN"):
            # "Former US presidential candidate Elizabeth Warren": the office the tables know she holds
            entity = self._entity_match(tokens)
            if entity is not None and entity.country == code.country and entity.sector not in {"", "ELI"}:
                return ActorCode(entity.country, entity.sector), entity.matched_by
        if (is_person or token.pos_ == "PROPN" or self._named_noun(token)) and not code.country:
            known = self._lookup_name(tokens)
            if known is not None:
                return ActorCode(known.country, known.sector or code.sector), "memory:name"
            holder = self._office_holder(tokens) or self._imported_actor(tokens)
            if holder is not None:
                found, how_found = holder
                office = "" if _former_candidacy(tokens, code) else code.sector
                return ActorCode(found.country, titled_sector(office, found.sector)), how_found
            entity = self._entity_match(tokens)
            if entity is not None:  # its row's sector is the office a former holder left
                office = "" if _former_candidacy(tokens, code) else code.sector
                sector = titled_sector(office, entity.sector, entity.term.sector)
                return ActorCode(entity.country, sector), entity.matched_by
        if code.sector and not code.country and not is_person:
            # "the Bush administration", "the Putin government": a leader's name modifying the body
            names = [t for t in tokens if t.i != token.i and t.dep_ == "compound" and t.pos_ == "PROPN"]
            holder = self._office_holder(names) if names else None
            if holder is not None:
                return ActorCode(holder[0].country, code.sector), how + "+" + holder[1]
        if code.sector and not code.country and tokens[0].lower_ != "a":
            earlier = self._recent(lambda e: e.mention.sector == code.sector and bool(e.mention.country))
            if earlier is not None and any(t.lower_ == "the" for t in token.lefts):
                return ActorCode(earlier.mention.country, code.sector), "memory:title"
        capital_only = code.country and not code.sector and how.startswith("capital:") and "+" not in how
        if capital_only and token.dep_ in METONYM_DEPS:  # "Washington said", "Beijing's decision"
            return ActorCode(code.country, "GOV"), how + "+metonym"
        return code, how

    def _campaign_of(self, token: Any, tokens: list[Any]) -> ActorMention | None:
        """A candidate's election campaign ("the Biden campaign said"): a party actor of the
        candidate's country, though "campaign" alone is a thing ("a vaccination campaign")."""
        if token.lemma_.lower() not in CAMPAIGN_HEADS:
            return None
        names = [c for c in token.children if c.dep_ == "compound" and c.ent_type_ in PERSON_LABELS]
        found = self.mention(names[-1]) if names else None
        if found is None or not found.country or found.members:
            return None
        text, start, end = self._span_text(tokens)
        mention = ActorMention(text, start, end, found.country, "PTY", found.matched_by + "+campaign")
        self._remember(token, mention, False)
        return mention

    def _office_holder(self, tokens: list[Any]) -> tuple[ActorCode, str] | None:
        """A named person from the dated office-holder table ("Lavrov" in 2020 is RUS GOV; a former
        leader is ELI)."""
        if self.people is None:
            return None
        names = [
            t.text
            for t in tokens
            if (t.pos_ == "PROPN" or self._named_noun(t))
            and t.ent_type_ in {"PERSON", "ORG", "NORP", "GPE", "PRODUCT", ""}
        ]
        keys = whole_names(name_suffixes(names), tokens)
        # the word before a surname, unless it is a title ("Prime Minister Albanese") or a place
        given = names[-2] if len(names) > 1 else ""
        if given and resolve_phrase(given, self.countries, self.agents) is not None:
            given = ""
        for key in keys:
            match = self.people.lookup(key, self.on)
            if match is not None and given and " " not in key and not _same_given_name(given, match.name):
                continue  # "Francesca Albanese" is not Anthony Albanese
            if match is not None:
                return ActorCode(match.country, match.sector), self.people.matched_by(match, self.on)
        for key in keys:
            if given and " " not in key:
                continue  # a surname after another given name says nothing of the holders' country
            country = self.people.country_of(key)
            if country:  # several holders of that name, all of one country ("President Bush")
                return ActorCode(country, ""), f"office-holder-country:{key}"
        return None

    def _imported_actor(self, tokens: list[Any]) -> tuple[ActorCode, str] | None:
        """A phrase of the user's imported actor dictionaries, as of the article's date: the whole
        phrase, then its name without leading titles."""
        if self.imported is None:
            return None
        words = [t.text for t in tokens if t.dep_ not in {"det", "poss", "case", "punct"}]
        names = [t.text for t in tokens if t.pos_ == "PROPN" or self._named_noun(t)]
        for key in dict.fromkeys(k for k in (" ".join(words), *name_suffixes(names)) if k):
            found = self.imported.lookup(key, self.on, self.agents)
            if found is not None:
                return found, f"imported:{key}"
        return None

    def _entity(self, tokens: list[Any]) -> tuple[ActorCode, str] | None:
        """A whole name of the entity table, as of the article's date, namesakes settled by the
        article's countries: the phrase, then its name without leading titles or modifiers."""
        found = self._entity_match(tokens)
        return (ActorCode(found.country, found.sector), found.matched_by) if found is not None else None

    def _overrides_group(self, term: EntityTerm) -> bool:
        """Whether an entity row beats the agent table's fixed code for a named group."""
        assert self.entities is not None
        dated = self.on is not None and self.entities.changes(term.id)  # no day: the fixed code stands
        return term.source == "user" or (term.source == "curated" and dated)

    def _entity_match(self, tokens: list[Any]) -> EntityMatch | None:
        """The entity table's match for a noun phrase (see :meth:`_entity`)."""
        head = tokens[-1].head
        inside = tokens[-1].dep_ in {"compound", "flat"} and (head.pos_ == "PROPN" or bool(head.ent_type_))
        if self.entities is None or inside:
            return None  # a word inside a longer name ("Jae" in "Lee Jae-myung") is no name of its own
        words = [t for t in tokens if t.dep_ not in {"det", "poss", "case", "punct"}]
        names = [t.text for t in tokens if t.pos_ == "PROPN" or self._named_noun(t)]
        phrase = self.text[words[0].idx : words[-1].idx + len(words[-1].text)] if words else ""
        # the phrase, then its name without leading titles; one word alone only when it is the name
        suffixes = [k for k in name_suffixes(names) if " " in k or len(names) == 1]
        first = tokens[0].i - 1  # the noun phrase without its article; a name may keep it ("The Hindu")
        the = first >= 0 and self.doc[first].lower_ == "the" and self.doc[first].head.i == tokens[-1].i
        named = self.text[self.doc[first].idx : tokens[-1].idx + len(tokens[-1].text)] if the else ""
        keys = whole_names(list(dict.fromkeys(k for k in (named, phrase, *suffixes) if k)), tokens)
        if len(names) == 1 and names[0] in self._defined:
            # an abbreviation the article spells out is that name, whatever the table's namesake
            keys = [self._defined[names[0]]]
        for key in keys:
            found = self.entities.lookup(key, self.on, self._country_counts)
            if found is not None:
                return found
        return None

    def _name_keys(self, tokens: list[Any]) -> list[str]:
        return _keys_of([t.text for t in tokens if t.ent_type_ in PERSON_LABELS and t.pos_ == "PROPN"])

    def _lookup_keys(self, tokens: list[Any]) -> list[str]:
        """The keys a name is looked up by: a name of several words never by its first word alone
        ("Abbas Araghchi" is not Mahmoud Abbas); one word by itself ("Kim" after "Kim Jong Un")."""
        keys = self._name_keys(tokens)
        if not keys:
            return [tokens[-1].text]
        return keys[:2] if " " in keys[0] else keys[:1]

    def _learn_name(self, tokens: list[Any], code: ActorCode) -> None:
        for key in self._name_keys(tokens):
            if code.country:
                self._names.setdefault(key, code)
            elif code.sector and not self._political_sector(code.sector):
                # "mathematician John Horton Conway": later "Conway" is the scholar, no public figure
                self._name_sectors.setdefault(key, code.sector)

    def _learn_holder_name(self, tokens: list[Any], code: ActorCode) -> None:
        """The names of an office-holder whose words the tagger did not take for a person ("Pranab
        Mukherjee" read as a product): the whole name, the surname and the given name."""
        names = [
            t.text
            for t in tokens
            if t.pos_ == "PROPN" and resolve_phrase(t.text, self.countries, self.agents) is None
        ]
        for key in _keys_of(names):
            self._names.setdefault(key, code)

    def _political_sector(self, sector: str) -> bool:
        return self.senses is not None and sector in self.senses.political_sectors

    def _remembered_sector(self, tokens: list[Any]) -> str:
        return next((self._name_sectors[k] for k in self._lookup_keys(tokens) if k in self._name_sectors), "")

    def _lookup_name(self, tokens: list[Any]) -> ActorCode | None:
        for key in self._lookup_keys(tokens):
            if key in self._names:
                return self._names[key]
        return None

    def _resolve_joint(
        self, token: Any, tokens: list[Any], text: str, start: int, end: int
    ) -> ActorMention | None:
        two = any(t.lower_ in {"two", "both"} for t in tokens)
        is_joint = token.lower_ in JOINT_HEADS and two
        # "the two leaders", "both foreign ministers", "the leaders of the two countries"
        # ... but "two Russian diplomats" are two diplomats of one country, "two ministers" any two
        definite = any(t.lower_ in {"the", "both"} for t in (*tokens, *token.lefts))
        national = any(t.ent_type_ in {"GPE", "NORP"} for t in tokens if t.i < token.i)
        leaders = (
            token.lower_ in JOINT_LEADERS
            and not national
            and ((two and definite) or self._of_two_countries(token))
        )
        if not (is_joint or leaders) and not (
            token.lower_ in {"other"} and any(t.lower_ == "each" for t in tokens)
        ):
            return None
        pair = self.salient_pair()
        if pair is None:
            return None
        if token.lower_ in {"country", "countries", "nation", "nations"}:
            pair = (ActorCode(pair[0].country), ActorCode(pair[1].country))
        elif leaders:
            pair = (ActorCode(pair[0].country, "GOV"), ActorCode(pair[1].country, "GOV"))
            end = max(end, max(t.idx + len(t.text) for t in token.subtree))
            text = self.text[start:end]
        return ActorMention(text, start, end, "", "", "coref:joint", pair)

    @staticmethod
    def _of_two_countries(token: Any) -> bool:
        """ "leaders of the two countries", "ministers of both nations"."""
        return any(
            p.dep_ == "prep"
            and p.lower_ == "of"
            and o.lower_ in {"countries", "nations", "sides", "governments"}
            and any(t.lower_ in {"two", "both"} for t in o.children)
            for p in token.children
            for o in p.children
        )


def _keys_of(names: list[str]) -> list[str]:
    """The keys a person's name is remembered by: the whole name, the surname, the given name."""
    return [" ".join(names), names[-1], names[0]] if names else []


def _ended(verb: Any) -> bool:
    """Whether a past "was" says the state ended ("who was Trump's envoy until December", "who was
    formerly ..."), not just narrates it ("who was a police officer, was shot dead")."""
    return any(
        (c.dep_ == "prep" and c.lower_ == "until") or c.lower_ in {"formerly", "previously", "once"}
        for c in verb.children
    )


def _same_given_name(given: str, holder: str) -> bool:
    """Whether a given name written before a surname may be the office-holder's ("Joe" of Joe Biden;
    an initial or a title-like word is no evidence against)."""
    word = normalise_name(given)
    if len(word) <= 2 or word.endswith("."):
        return True
    return word in normalise_name(holder).split()


#: Titles of a candidacy: a former one says nothing of the office a person holds ("former presidential
#: candidate Elizabeth Warren" in 2020 is a senator).
CANDIDACY_WORDS = frozenset({"candidate", "nominee", "contender", "hopeful", "challenger"})


def _former_candidacy(tokens: list[Any], code: ActorCode) -> bool:
    """Whether a person's phrase makes them ELI only by a former candidacy."""
    return code.sector == "ELI" and any(t.lemma_.lower() in CANDIDACY_WORDS for t in tokens)


def _singular_role(token: Any) -> bool:
    """A singular office or part named without a name: "the mayor", "The President" (not "President
    Biden", not "Martin Luther King")."""
    if token.lower_ not in PERSON_NOUNS or token.tag_ not in {"NN", "NNP"}:
        return False
    if token.tag_ == "NNP":
        named = any(c.dep_ in {"compound", "appos"} and c.pos_ == "PROPN" for c in token.children)
        return not named and any(c.dep_ == "det" for c in token.children)
    return True


#: A person's present description gives the person's country ("Spanton is a Canadian tourist"); a past
#: one is a former role ("Johnson was a journalist").
PRESENT_BE = frozenset({"is", "are"})
#: Entity labels of things that are never actors: laws and treaties, languages (not WORK_OF_ART: the
#: tagger gives it to quoted names: '"The Islamic Resistance will not release ...').
THING_ENTS = frozenset({"LAW", "LANGUAGE"})
#: Heads of the names of documents, whatever label the tagger gives them ("the United States
#: Constitution", "the Minsk Protocol", "the Paris Agreement").
DOCUMENT_NAMES = frozenset(
    {"constitution", "act", "treaty", "accord", "accords", "agreement", "protocol", "resolution", "bill"}
)


def _crowd_number(token: Any) -> bool:
    """Whether a token is a bare number of people ("Thousands rallied in Tbilisi", "police fired tear
    gas at hundreds"): a plural number noun with no "of" phrase (not "thousands of homes") nor a
    number word before it ("three hundreds"), as a subject, or as the object (or the object of "at",
    "on", "against", "among") of a verb done to people (:data:`CROWD_VERBS`; "pledged millions" is
    money)."""
    if token.lower_ not in CROWD_NUMBERS or token.pos_ != "NOUN":
        return False
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return False
    if any(c.dep_ in {"nummod", "compound"} for c in token.children):
        return False
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in {"tens", "hundreds"}:
        token = token.head.head  # "Tens of thousands marched", "hundreds of thousands": the role of the first
    if token.dep_ in CROWD_SUBJECTS:
        return True
    verb = token.head.head if token.dep_ == "pobj" and token.head.lower_ in CROWD_PREPS else token.head
    role = token.dep_ == "dobj" or (token.dep_ == "pobj" and token.head.lower_ in CROWD_PREPS)
    return role and token.lower_ != "millions" and verb.lemma_.lower() in CROWD_VERBS
