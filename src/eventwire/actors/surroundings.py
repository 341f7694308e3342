"""What the words around a name say about the actor: a title split from the name by its own
prepositional phrase or given in a relative clause, the body a person heads or belongs to, the
organisation before a title, the country a person is "of", "from" or "based" in, an institution's name
that goes on in an "of" phrase or that the entity tagger kept whole, the country that leads a
coalition, and the team's entry for a whole name (a mixin of
:class:`~eventwire.actors.mentions.ArticleActors`)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from eventwire.actors.dictionary import AgentTable, CountryTable, resolve_phrase
from eventwire.actors.entities import CONFIDENT, EntityMatch, EntityTable
from eventwire.actors.words import ARTICLES, PERSON_LABELS, entity_span, prep_objects
from eventwire.models import ActorCode, ActorMention

__all__ = ["HEAD_TITLES", "LISTED", "MEMBER_NOUNS", "ROLE_WORDS", "Surroundings"]

# a person who heads or belongs to a body takes its code: "the head of the UK's counter terror police"
MEMBER_NOUNS = frozenset({"head", "chief", "director", "member", "boss", "chair", "chairman", "chairwoman",
                          "chairperson", "representative"})  # fmt: skip
# roles that any body has, whose sector is the body's ("Google spokesman", "a Red Cross official")
ROLE_WORDS = ("spokesman", "spokeswoman", "spokesperson", "official", "adviser", "advisor", "aide",
              "representative", "head", "chief", "director", "leader", "member")  # fmt: skip
# codes the agent table gives a whole name on purpose (a group, an institution standing for a state)
LISTED = ("group:", "metonym:")
# Verbs whose object is a guest: the country it comes "from" is the guest's.
GUEST_VERBS = frozenset({"meet", "receive", "host", "welcome", "invite"})
# a title that heads a body is of that body: "the president of Howard University", "the leader of the
# Labour Party"; of a country ("the president of France") it keeps its own sector
HEAD_TITLES = frozenset({"president", "vice president", "leader", "founder", "secretary"}) | MEMBER_NOUNS


class Surroundings:
    """Resolution from a phrase's surroundings; the article state and the resolver itself come from
    :class:`~eventwire.actors.mentions.ArticleActors`."""

    doc: Any
    text: str
    countries: CountryTable
    agents: AgentTable
    entities: EntityTable | None
    on: date | None
    _country_counts: Counter[str]
    _defined: dict[str, str]

    def mention(self, token: Any) -> ActorMention | None:
        raise NotImplementedError

    def _np_tokens(self, token: Any) -> list[Any]:
        raise NotImplementedError

    def _span_text(self, tokens: list[Any]) -> tuple[str, int, int]:
        raise NotImplementedError

    def _entity_match(self, tokens: list[Any]) -> EntityMatch | None:
        raise NotImplementedError

    def _of_name(
        self, token: Any, tokens: list[Any], before: ActorCode
    ) -> tuple[list[Any], tuple[ActorCode, str]] | None:
        """A proper name that goes on in an "of" phrase of capitalised words ("Chamber of Commerce",
        "Federation of Industries", "Ministry of Health of Ethiopia"): its tokens and code, when the
        whole name gives a sector and adds to what its head gave (``before``); "the chief executive of
        Hong Kong" is the territory's head of government, not a company's (agents.yaml metonyms). None
        when the head gave both already."""
        if before.sector and before.country:
            return None
        if token.pos_ != "PROPN" and not (token.pos_ == "NOUN" and before.sector):
            return None  # a common noun only when it is an agent ("chief executive"), not "behalf"
        prep = next((c for c in token.rights if c.dep_ == "prep" and c.lower_ in {"of", "for"}), None)
        if prep is None or (prep.lower_ == "for" and token.pos_ != "PROPN"):
            return None  # "for" only inside a proper name ("Office for National Statistics")
        words = [t for t in prep.subtree if t.lower_ not in ARTICLES]
        if any(t.dep_ in {"cc", "conj"} for t in words):
            return None  # "the presidents of Turkey and Greece": two countries (_countries_of)
        if not words or not all(t.is_title or t.lower_ in {"of", "&"} for t in words[1:]):
            return None
        whole = sorted([*tokens, prep, *[t for t in words if t.i != prep.i]], key=lambda t: t.i)
        text, _, _ = self._span_text(whole)
        found = resolve_phrase(text, self.countries, self.agents)
        if found is None or not found[0].sector or (before.sector and not found[0].country):
            return None
        if before.country and found[0].country != before.country:
            return None
        return whole, found

    def _listed_name(self, tokens: list[Any], words_gave: ActorCode) -> tuple[ActorCode, str] | None:
        """The team's (or the user's) entry for a whole name whose words gave its country but another
        or no sector: "Bank of England" is the central bank, not a business; "Public Health England"
        a health agency, not the public; "Indian Space Research Organisation" a government agency."""
        if self.entities is None:
            return None
        words = [t for t in tokens if t.dep_ not in {"det", "case", "punct"}]
        text, _, _ = self._span_text(words) if words else ("", 0, 0)
        found = self.entities.lookup(text, self.on, self._country_counts) if text else None
        if found is None or found.term.source not in CONFIDENT or found.country != words_gave.country:
            return None
        if found.sector == words_gave.sector or not found.sector:
            return None
        return ActorCode(found.country, found.sector), found.matched_by

    def _entity_name(
        self, token: Any, tokens: list[Any], before: ActorCode
    ) -> tuple[list[Any], tuple[ActorCode, str]] | None:
        """The organisation name the entity tagger found where the parser split it ("demands from
        National Union | for the Total Independence of Angola"): its tokens and code, when the whole
        name is a listed group or gives a sector and adds to what the head gave."""
        if (before.sector and before.country) or token.ent_type_ != "ORG":
            return None
        span = entity_span(token)
        if span is None or span.end - 1 <= tokens[-1].i or span.start > tokens[0].i:
            return None
        words = [t for t in span if not (t.i == span.start and t.lower_ in ARTICLES)]
        if any(t.dep_ in {"cc", "conj"} or t.is_punct for t in words):
            return None
        text, _, _ = self._span_text(words)
        found = resolve_phrase(text, self.countries, self.agents)
        if found is None or not found[0].sector or (before.country and found[0].country != before.country):
            return None
        if not found[1].startswith("group:"):
            return None  # a listed group's whole name, not a word in it ("Capitol Hill Occupied Protests")
        return words, found

    def _led_coalition(self, token: Any, tokens: list[Any]) -> tuple[ActorCode, str] | None:
        """A coalition a country leads is that country's military ("the Saudi-led coalition", "the
        US-led coalition"); a party-led coalition is none ("the SPD-led coalition")."""
        if token.lemma_.lower() != "coalition":
            return None
        for led in (t for t in tokens if t.lower_ == "led"):
            for leader in (c for c in led.children if c.dep_ in {"npadvmod", "compound", "nmod"}):
                match = self.countries.lookup(leader.text)
                if match is not None:
                    return ActorCode(match.iso3, "MIL"), f"led-coalition:{leader.text}"
        return None

    def _apposed_name(self, token: Any) -> ActorMention | None:
        """The known person or body a title stands beside ("the leader of Roman Catholic Christianity,
        Pope Francis"; "the militant organisation, the Islamic State"): the title is that actor, with its
        country and sector."""
        for c in token.children:
            if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ in {*PERSON_LABELS, "ORG", "NORP"}:
                found = self.mention(c)
                if found is not None and found.country and not found.members:
                    return found
        return None

    def _body_of(self, token: Any) -> ActorCode | None:
        """The sector (and country) of the body a person is said to be "of" or "from"."""
        for pobj in prep_objects(token, ("of", "from")):
            if pobj.ent_type_ in PERSON_LABELS or pobj.ent_type_ == "GPE":
                continue
            body = self.mention(pobj)
            if body is None or body.members:
                continue
            if body.sector or self.agents.organisation_type(body.country):  # "of the United Nations"
                return ActorCode(body.country, body.sector)
        return None

    @staticmethod
    def _heads_body(token: Any, own: ActorCode | None) -> bool:
        """Whether a title noun takes its code from the body it is "of" (see HEAD_TITLES): a word
        with no sector of its own ("head", "member"), or a head's title ("president") without a country."""
        if token.pos_ != "NOUN":
            return False
        lemma = token.lemma_.lower()
        return ((own is None or not own.sector) and lemma in MEMBER_NOUNS) or (
            lemma in HEAD_TITLES and (own is None or not own.country)
        )

    def _title_before(self, tokens: list[Any]) -> ActorCode | None:
        """The code of a title phrase that ends right before a name and goes on in a prepositional
        phrase the parser split from it ("US Special Representative for Iran | Brian Hook")."""
        before = tokens[0].i - 1
        if before < 0 or self.doc[before].is_punct:
            return None
        title = self.doc[before]
        while title.dep_ in {"pobj", "prep", "compound", "amod"} and title.head.i < tokens[0].i:
            if title.head.i == title.i:
                break
            title = title.head
        if title.i == before or title.right_edge.i != before or title.pos_ not in {"NOUN", "PROPN"}:
            return None  # no "for"/"of" phrase in between: the parser joined the title to the name
        if title.ent_type_ in PERSON_LABELS:
            return None
        code = self._title_code(title)
        return code if code is not None and code.country else None

    def _based_in(self, token: Any, tokens: list[Any]) -> str:
        """The country of a "based" modifier of the phrase or of its apposition ("UK-based retailer
        Tesco"; "Acme, a Berlin-based logistics firm")."""
        words = [*tokens, *(t for c in token.children if c.dep_ == "appos" for t in c.subtree)]
        if token.dep_ == "appos":  # "Oslo-based shipping firm Wallenius"
            words += self._np_tokens(token.head)
        for based in sorted(words, key=lambda t: abs(t.i - token.i)):  # the nearest: "UK-based Tesco and
            # Denmark-based Salling Group"
            if based.lemma_.lower() != "base" or based.dep_ != "amod":
                continue
            for place in based.children:
                if place.dep_ in {"npadvmod", "compound", "nmod"} and place.ent_type_ == "GPE":
                    country = self._country_named(self._span_text(self._np_tokens(place))[0])
                    if country:
                        return country
        return ""

    def _org_before(self, tokens: list[Any]) -> ActorCode | None:
        """The code of an organisation named before a person's title and name ("NASA Administrator
        Jim Bridenstine", "Google chief executive Sundar Pichai"), when it has a country."""
        run: list[Any] = []
        for t in tokens:
            if t.ent_type_ in PERSON_LABELS:
                break
            if t.ent_type_ in {"ORG", ""} and t.pos_ == "PROPN" and (not run or run[-1].i == t.i - 1):
                run.append(t)
            elif run:
                break
        if not run or len(run) == len(tokens):
            return None
        if run[0].idx > 0 and not self.text[run[0].idx - 1].isspace():
            return None  # the end of a longer word: "CBN" of "ABS-CBN" is not Nigeria's central bank
        table = self.entities
        for k in range(len(run), 0, -1):  # the name without a capitalised title ("NASA Administrator")
            text, _, _ = self._span_text(run[:k])
            found = resolve_phrase(text, self.countries, self.agents)
            if found is not None and found[0].country:
                return found[0]
            text = self._defined.get(text, text)  # an abbreviation the article spells out is that name
            match = table.lookup(text, self.on, self._country_counts) if table is not None else None
            if (
                match is not None
                and match.country
                and match.term.kind != "person"
                # the team's entries only: a party of the source lists shares its name across countries
                # ("Alliance Party presidential nominee Rocky De La Fuente" is no Northern Irish party's)
                and match.term.source in CONFIDENT
            ):
                return ActorCode(match.country, match.sector)
        return None

    def _home_of(self, token: Any) -> str:
        """The country a person is said to be "of" or "from" ("Samba of Qatar")."""
        for pobj in prep_objects(token, ("of", "from")):
            if pobj.ent_type_ == "GPE" and not pobj.conjuncts:
                match = self.countries.lookup(self._span_text(self._np_tokens(pobj))[0])
                if match is not None:
                    return match.iso3
        return ""

    def _title_code(self, head: Any) -> ActorCode | None:
        if head.ent_type_ in PERSON_LABELS and head.pos_ == "PROPN" and head.dep_ != "conj":
            return None
        tokens = self._np_tokens(head)
        text, _, _ = self._span_text(tokens)
        found = resolve_phrase(text, self.countries, self.agents)
        whole = self._of_name(head, tokens, found[0] if found is not None else ActorCode())
        found = whole[1] if whole is not None else found  # "the chief executive of Hong Kong"
        if self._heads_body(head, found[0] if found is not None else None):
            body = self._body_of(head)  # "The head of the UK's counter terror police, Neil Basu"
            if body is not None:
                return body
        return found[0] if found is not None and found[0].sector else None

    def _country_only(self, head: Any) -> ActorCode | None:
        """The nationality an apposition gives a name ("Scott Morrison, Australia's prime minister";
        "a Russian journalist"); a country inside a thing's name gives none ("an Iraq War veteran")."""
        text, _, _ = self._span_text(self._np_tokens(head))
        found = resolve_phrase(text, self.countries, self.agents)
        if found is None or not found[0].country:
            return None
        if not found[0].sector and not found[1].startswith("demonym:"):
            # "Kenzo Oshima, the United Nations Emergency Relief Coordinator": an official of the body
            return found[0] if self.agents.organisation_type(found[0].country) else None
        return found[0]

    def _place_country(self, token: Any) -> str:
        """The country of a place attached to the phrase: "riot police in Minsk", and through a
        participle, "guerrillas operating in Macedonia"; the guests a leader meets or receives "from" a
        country are its ("received officials from Sudan")."""
        holders = [token, *(c for c in token.rights if c.dep_ in {"acl", "relcl"} and c.pos_ == "VERB")]
        preps = [c for h in holders for c in h.rights]
        if token.dep_ == "dobj" and token.head.lemma_.lower() in GUEST_VERBS:
            # "received officials from Sudan": the parser hangs "from Sudan" on the verb
            preps += [c for c in token.head.rights if c.lower_ == "from" and c.i == token.right_edge.i + 1]
        for prep in preps:
            if prep.dep_ == "prep" and prep.lower_ in {"in", "of", "from", "at", "throughout", "across"}:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        country = self._country_named(self._span_text(self._np_tokens(pobj))[0])
                        if country:
                            return country
        return ""

    def _country_named(self, text: str) -> str:
        """The country a place phrase names: a country, capital or listed city, or one inside it."""
        match = self.countries.lookup(text)
        if match is None:
            found = self.countries.find_all(text)
            match = found[0][2] if found else None
        return match.iso3 if match is not None else ""
