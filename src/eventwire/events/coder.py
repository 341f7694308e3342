"""Coding events from a dependency parse: who did what to whom.

For each trigger (a verb or noun listed in the pattern dictionary) the coder
finds the source (the subject, an inherited or repaired subject, a possessor)
and the target (the object, the object of a listed preposition, or an actor
named inside the object phrase), expands joint actors into reciprocal events,
reads the modality and the date, and attaches the CAMEO name, Goldstein value,
quad class and PLOVER event and mode from the reference table.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial
from typing import Any

from eventwire.actors.mentions import QUANTITY_HEADS, ArticleActors
from eventwire.actors.words import coordinated_objects, prep_objects
from eventwire.events.arguments import (
    VIOLENT_ROOTS,
    ArgumentFinder,
    is_passive,
    is_target_prep,
    joint_subject,
    noun_doers,
    passive_subject,
    same_actor,
)
from eventwire.events.cameo import plover_context
from eventwire.events.confidence import confidence
from eventwire.events.dates import parse_article_date
from eventwire.events.dating import (
    FUTURE_STATUSES,
    EventDate,
    TemporalExpression,
    article_month_years,
    continued_time,
    continues,
    event_date,
    event_span,
    month_year,
    next_passage,
    passage_year,
    story_date,
    temporal_expressions,
    weekday_base,
    with_date,
)
from eventwire.events.happenings import deduplicate, specific_reports, without_covered_statements
from eventwire.events.learned import LearnedPairs
from eventwire.events.locating import ArticlePlaces, Locator, is_local, localise
from eventwire.events.modality import (
    INTEND,
    announced_negation,
    has_condition,
    is_supposed,
    no_longer,
    refusal_status,
    refused,
    reporter,
    status_of,
    wanted_of_another,
    would_like,
)
from eventwire.events.modality import scheduled as on_timetable
from eventwire.events.pairing import PairSteps
from eventwire.events.patterns import CURRENCIES, Pattern
from eventwire.events.readings import descriptive, fact_insisted
from eventwire.events.receiving import RECEIVING_VERBS, giver, is_receiving, judged_owner, receiving
from eventwire.events.recoding import (
    COMMERCE_ROOTS,
    COMMERCE_VERBS,
    SENDING_VERBS,
    STOPPED_CODE,
    accord,
    announced_resignation,
    considered,
    is_person,
    recode_by_actors,
    recode_modality,
    stopped,
    verbal_attack,
    worded_attack,
)
from eventwire.events.rulings import finding, is_finding, ruling_code
from eventwire.events.sides import event_pairs
from eventwire.events.speech import (
    StatementReader,
    accuser,
    claimed_victim,
    is_label,
    is_platform,
    is_press,
    is_question,
    labelling,
    warning_code,
)
from eventwire.events.statements import StatementLexicon
from eventwire.models import ActorCode, ActorMention, Article, CameoEntry, Event, EventStatus, Location, Theme
from eventwire.resources import Resources

RELATION_NOUNS = frozenset(
    {"cooperation", "tie", "ties", "relation", "relations", "relationship", "partnership", "dialogue"}
)
# How a person the story names without a role is resolved: by the story's country, now or earlier.
ROLELESS = ("person+home-country", "person+earlier-name")
# Codes that stand without a target beyond the roots listed in data/word_senses.yaml: resigning,
# announcing a reform, declaring a ceasefire, apologising.
NO_TARGET_CODES = ("0831", "034", "0871", "055")
# Roots whose events are meaningless without a target ("X met", "X praised", "X provided aid").
NEEDS_TARGET_ROOTS = frozenset({"04", "05", "07"})
# Verbal roots (statements, appeals, intents, consultations, praise, demands, criticism, rejection,
# threats): a named public figure does them as a political actor.
VERBAL_ROOTS = frozenset({"01", "02", "03", "04", "05", "10", "11", "12", "13"})
# Roots of acts done by speaking, where the story is reported (docs/annotation.md §6).
SPOKEN_ROOTS = frozenset({"01", "02", "10", "11", "12"})
# Roots of judging something by speaking: a religious leader's count as political ("the archbishop
# condemned the bombing"); a pastoral appeal ("urged Catholics to pray") needs a political target.
JUDGING_SPOKEN = frozenset({"01", "11", "12"})
# Sentences that open an article: any of their dates sets the story's date.
LEDE = 3
# Sectors of a state's officials and bodies.
STATE_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP"})
# Non-state actors of one country who address "the government" address their own ("protesters asking
# the government to revoke Article 50"; "the opposition accused the government").
CITIZEN_SECTORS = frozenset({"CVL", "OPP", "PTY", "LAB", "EDU", "REL", "BUS", "MED", "HRI", "NGO"})
# A country's political leaders and the words for its people whom they address as their own.
LEADING_SECTORS = frozenset({"GOV", "LEG", "PTY", "OPP"})
OWN_PEOPLE = frozenset(
    {
        "people",
        "public",
        "citizens",
        "nation",
        "voters",
        "electorate",
        "taxpayers",
        "compatriots",
        "countrymen",
    }
)

# Prepositions of means: "spoke by telephone", "talked over the phone", "met via video link".
MEANS_PREPS = frozenset({"by", "over", "on", "via"})
# Prepositions of the medium something is said on ("on Twitter"); "by" is left out: "criticized by
# Twitter" names an agent.
MEDIUM_PREPS = (MEANS_PREPS - {"by"}) | {"through"}


# A trigger inside its own source's phrase in one of these roles only describes the actor; a noun
# trigger heading the phrase ("a Saudi-led strike") is the act of its owner.
DESCRIBING_DEPS = frozenset({"acl", "relcl", "amod", "compound", "nmod", "appos", "poss", "advcl"})


@dataclass(slots=True)
class _Sentence:
    """What coding one sentence needs: its article, actors, index, span, dates."""

    article: Article
    actors: ArticleActors
    si: int
    sent: Any
    base: datetime | None
    expressions: list[TemporalExpression]
    story: EventDate | None
    places: ArticlePlaces
    year_hint: int | None = None
    news_day: datetime | None = None  # the lede's day, before publication: weekdays count back from it


@dataclass(frozen=True, slots=True)
class _Found:
    """A matched trigger with its pattern and the object token it consumed, if any."""

    trigger: Any
    pattern: Pattern
    obj: Any | None


class EventCoder:
    """Codes events from parsed articles using the loaded :class:`Resources`."""

    name = "eventwire.coder"
    version = "1"

    def __init__(
        self,
        resources: Resources,
        unresolved_actors: bool = False,
        min_confidence: float = 0.55,
        statements: bool = True,
    ) -> None:
        """``unresolved_actors``: also code events whose source or target is a noun phrase that
        resolves to no country or sector (code ""), e.g. for sentence-level classification.
        ``min_confidence``: the least probability at which the back-off proposes an event.
        ``statements``: code CAMEO root 01 public statements (010-019)."""
        self.res = resources
        self.statements = statements
        self.unresolved_actors = unresolved_actors
        self.arguments = ArgumentFinder(unresolved_actors)
        self._bodies = frozenset(resources.agents.organisations)
        self._speech = StatementReader(self.arguments, StatementLexicon.load())
        self.locator = Locator(resources.places, resources.agents)
        self.min_confidence = min_confidence
        self.pairs = PairSteps(resources, min_confidence)
        model = resources.classifier
        self.learned = LearnedPairs(model, resources.patterns) if model is not None else None
        self._money: frozenset[str] | None = None

    # ------------------------------------------------------------------ public
    def code(self, article: Article, doc: Any, given_spans: Sequence[tuple[int, int]] = ()) -> list[Event]:
        """Events of one parsed article; ``given_spans`` are character spans known to be actors."""
        return self.code_with_actors(article, doc, given_spans)[0]

    def code_with_actors(
        self, article: Article, doc: Any, given_spans: Sequence[tuple[int, int]] = ()
    ) -> tuple[list[Event], list[ActorMention]]:
        """Events of one parsed article and its resolved actor mentions (for the store)."""
        base = parse_article_date(article.published)
        actors = ArticleActors(
            doc,
            self.res.countries,
            self.res.agents,
            given_spans,
            self.res.people,
            base.date() if base else None,
            self.res.imported_actors,
            self.res.senses,
            self.res.entities,
        )
        events: list[Event] = []
        story: EventDate | None = None
        year_hint: int | None = None
        sents = list(doc.sents)
        # entities grouped by sentence once: ``Span.ents`` walks all of ``doc.ents`` on every call
        starts = [sent.start for sent in sents]
        ents_of: list[list[Any]] = [[] for _ in sents]
        for ent in doc.ents:
            ents_of[bisect_right(starts, ent.start) - 1].append(ent)
        analysed = _analysed_sentences(doc, sents)
        places = self.locator.article_places(article, doc, actors)
        actors.home = places.home
        passage: EventDate | None = None  # a paragraph's past time ("In September 2013, ...")
        carried: EventDate | None = None  # a main clause's past time, for the next one on its subject
        month_years = article_month_years(actors.text, base)  # "late February" is "late February 1944"
        for si, sent in enumerate(sents):
            opens = si == 0 or _new_paragraph(doc, sents[si - 1], sent)
            if opens:
                passage = None  # a passage ends with its paragraph
            if not analysed[si] and not ents_of[si]:
                continue  # left out of the parse (nlp.selective): it can hold no event
            expressions = temporal_expressions(sent, ents_of[si])
            if carried is not None and (opens or not continues(sents[si - 1], sent, expressions)):
                carried = None
            told = passage or carried or story
            hint = year_hint if year_hint is not None else month_year(expressions, month_years)
            ctx = _Sentence(
                article, actors, si, sent, base, expressions, told, places, hint, weekday_base(story, base)
            )
            found_events = [e for f in self._triggers(sent) for e in self._events_for(ctx, f)]
            if self.res.backoff is not None or self.learned is not None:
                make = partial(self._pair_event, ctx)
                found_events = self.pairs.run(
                    sent, actors, places, found_events, make, self._recode, self.learned
                )
            events.extend(deduplicate(without_covered_statements(sent, found_events)))
            if story is None and si < LEDE:  # a dated lede sentence sets the story's date
                story = story_date(sent, expressions, base, lede=si < LEDE)
            year_hint = passage_year(expressions, base, year_hint)
            passage = next_passage(expressions, base, sent, passage, opens)
            carried = continued_time(expressions, base, sent) or carried
        events = [self._as_of_event(e, base) for e in events]
        return specific_reports(events, self._specific), actors.resolved()

    def _as_of_event(self, event: Event, base: datetime | None) -> Event:
        """An event the text dates before publication with its office-holders as they were then
        ("In 1978, President Jimmy Carter met Sadat": USAGOV, not the former president of 2019)."""
        span = event_span(event)
        if span is None or event.date_source != "text" or base is None or span[1] >= base.date():
            return event
        source = self.res.people.as_of(event.source, *span)
        target = event.target and self.res.people.as_of(event.target, *span)
        if source is event.source and target is event.target:
            return event
        return replace(event, source=source, target=target)

    def _specific(self, event: Event, code: str) -> Event:
        """An unspecified report under the code of the specific report of its happening."""
        entry = self.res.cameo.get(code)
        return replace(event, **_code_fields(entry), pattern=f"{event.pattern}+same-happening:{code}")

    def may_fire(self, sent: Any) -> bool:
        """Whether a pattern may fire in a parsed sentence before NER has run: a trigger with its
        constraints met, or a trigger whose object may be an amount of money (an entity)."""
        if next(self._triggers(sent), None) is not None:
            return True
        money = self._money_lemmas()
        return any(tok.lemma_.lower() in money for tok in sent)

    def _money_lemmas(self) -> frozenset[str]:
        if self._money is None:
            self._money = frozenset(p.lemma for p in self.res.patterns if "money" in p.object)
        return self._money

    # ---------------------------------------------------------------- triggers
    def _triggers(self, sent: Any) -> Iterator[_Found]:
        """Verb triggers first, then noun triggers that are not the content of a verb event
        ("called for a ceasefire" is a request, not a ceasefire)."""
        consumed: set[int] = set()
        verbs: dict[int, _Found] = {}
        nouns: list[_Found] = []
        for tok in sent:
            pos = "VERB" if tok.pos_ in {"VERB", "AUX"} else "NOUN" if tok.pos_ in {"NOUN", "PROPN"} else ""
            if not pos:
                continue
            label = labelling(tok)
            if label is not None:  # "called May's deal 'lousy'": a statement about the deal's author
                verbs[tok.i] = _Found(tok, label, None)
                continue
            if is_question(tok):
                continue  # "asked why Biden did not act", "asked Merkel whether ...": no appeal
            wish = self._wish(tok) if pos == "VERB" else None
            if wish is not None:  # "wants Washington to lift the tariffs": an appeal to Washington
                verbs[tok.i] = wish
                continue
            ruling = finding(tok)  # "the judge determined (that) X had lied": when nothing else fits
            received = receiving(tok) if pos == "VERB" else None  # "received weapons from the US"
            for pattern in [
                *([received] if received else []),
                *self.res.patterns.candidates(tok.lemma_.lower(), pos),
                *([ruling] if ruling else []),
            ]:
                obj = self._match(pattern, tok)
                if obj is False:
                    continue
                found = _Found(tok, pattern, obj)
                if obj is not None:
                    consumed.add(obj.i)
                if pos == "VERB":
                    verbs[tok.i] = found
                else:
                    nouns.append(found)
                break
        kept = [n for n in nouns if n.trigger.i not in consumed and not _argument_of(n, verbs)]
        yield from sorted([*verbs.values(), *kept], key=lambda f: f.trigger.i)

    def _wish(self, tok: Any) -> _Found | None:
        """A verb of wanting that names another doer for its clause, read as "urge" reads it (with the
        same refinements: "want X to lift the sanctions" 0254)."""
        clause = wanted_of_another(tok)
        if clause is None or (tok.tag_ == "VBD" and tok.dep_ not in {"ccomp", "parataxis"}):
            return None  # "Blankenship wanted the US to avoid ...": a past stance told, not an appeal
        if clause.lemma_ == "be" or any(c.dep_ == "auxpass" for c in clause.children):
            return None  # "wants Europe to be divided", "wants the defendant to be extradited": an outcome
        if not self.res.patterns.candidates(clause.lemma_.lower(), "VERB"):
            return None  # "wants Ukraine to lose the war", "wants the talks to succeed": no act asked
        for p in self.res.patterns.candidates("urge", "VERB"):
            obj = self._match(p, tok)
            if obj is not False:
                lemma = tok.lemma_.lower()
                wish = replace(p, id=f"want:{lemma}:{p.code}", lemma=lemma, xcomp=(clause.lemma_.lower(),))
                return _Found(tok, wish, obj)
        return None

    def _match(self, p: Pattern, tok: Any) -> Any:
        """False when the pattern does not fire on ``tok``; else the object token it used (or None)."""
        if descriptive(tok):
            return False  # "the defending champion", "characterised the deaths as crushing"
        if p.code.startswith("10") and fact_insisted(tok):
            return False  # "insisted that the country was living up to the pact": a claim, no demand
        children = list(tok.children)
        if p.particle and not any(c.dep_ == "prt" and c.lower_ == p.particle for c in children):
            return False
        if p.compound and not any(
            c.dep_ in {"compound", "amod", "nmod"} and c.lemma_.lower() in p.compound for c in children
        ):
            return False
        if p.xcomp and not any(
            c.dep_ in {"xcomp", "ccomp", "advcl"} and c.lemma_.lower() in p.xcomp for c in children
        ):
            return False
        advmod = getattr(p, "advmod", ())
        if advmod and not any(c.dep_ == "advmod" and c.lemma_.lower() in advmod for c in children):
            return False
        if p.modal and not any(_modal_clause(c, p.modal) for c in children):
            return False
        if p.means and not any(
            c.dep_ in {"prep", "agent"}
            and c.lower_ in MEANS_PREPS
            and o.dep_ == "pobj"
            and o.lemma_.lower() in p.means
            for c in children
            for o in c.children
        ):
            return False
        if any(is_label(c) for c in children):
            return False  # "called X a traitor": a predicate, not the event
        if (
            p.prep
            and p.pos == "VERB"
            and not p.object
            and not any(is_target_prep(c, p.prep) for c in children)
            and not _joint_without_with(p, tok, children)
        ):
            return False
        if p.object:
            obj = self._object(p, children)
            if obj is None:
                return False
            if p.object_mod and not any(
                m.dep_ in {"amod", "compound", "nmod"} and m.lemma_.lower() in p.object_mod
                for m in obj.children
            ):
                return False
            if (
                p.prep
                and not any(is_target_prep(c, p.prep) for c in (*children, *obj.children))
                and not _joint_without_with(p, tok, children)
            ):
                return False  # "imposed sanctions on X" needs its "on"; the plain entry comes next
            return obj
        if p.pos == "NOUN" and not self._noun_is_event(tok, p):
            return False
        return None

    def _plain_statement(self, tok: Any) -> Pattern | None:
        """The entry of a speech verb without constraints ("say" -> 010), if it has one."""
        for pattern in self.res.patterns.candidates(tok.lemma_.lower(), "VERB"):
            if pattern.code.startswith("01") and pattern.specificity == (0, 0):
                return pattern
        return None

    @staticmethod
    def _object(p: Pattern, children: list[Any]) -> Any | None:
        for c in children:
            if c.dep_ in {"dobj", "nsubjpass", "attr", "obj"} and _object_word(c, p.object):
                return c
            if c.dep_ == "dobj":
                for conj in c.conjuncts:
                    if _object_word(conj, p.object):
                        return conj
        return None

    @staticmethod
    def _noun_is_event(tok: Any, p: Pattern) -> bool:
        """A noun trigger needs an actor slot: its listed preposition when the pattern names one,
        else a possessor, a compound or any preposition.  (Nouns that are the content of a verb
        event, "praised the cooperation between the two sides", are dropped in ``_triggers``.)"""
        if p.prep:
            # "the attack by rebels on Saudi facilities": the parser may hang "on" on the doer
            return any(is_target_prep(c, p.prep) for h in (tok, *noun_doers(tok)) for c in h.children)
        modifiers = {"poss", "prep", "compound"} if p.code.startswith("14") else {"poss", "prep"}
        return bool(p.compound) or any(c.dep_ in modifiers for c in tok.children)  # "an opposition protest"

    # ------------------------------------------------------------------ events
    def _events_for(self, ctx: _Sentence, found: _Found) -> Iterator[Event]:
        actors = ctx.actors
        tok, pattern = found.trigger, found.pattern
        source = self.arguments.source(actors, tok, pattern)
        if source is None and actors.has_given:
            patient = passive_subject(tok)  # "X was arrested in Niger": X is the target
            if patient is not None:
                source = actors.given_near(tok, exclude=actors.mention(patient), before=False)
            else:
                source = actors.given_near(tok, exclude=None, before=True)
        if source is None and self.unresolved_actors and is_passive(tok):
            # sentence classification: "an aide ... to be extradited to Venezuela" is an act by someone
            source = ActorMention("", tok.idx, tok.idx, "", "", "unknown-agent")
        judge_alone = source is None and is_receiving(pattern) and pattern.code.startswith(("11", "05"))
        if judge_alone:  # "the attack drew condemnation from the UN": the judge; the act is no actor
            source = giver(actors, tok, found.obj)
        if source is None or (source.start <= tok.idx < source.end and not _own_act(tok, source)):
            return  # "the coalition fighting Houthi rebels ...": the trigger only describes the actor
        found_target = self.arguments.target(actors, tok, pattern, found.obj, source)
        target = found_target.mention
        if judge_alone:
            target = judged_owner(actors, tok)  # "Hungary's veto drew criticism from X": Hungary
        elif is_receiving(pattern):  # "Ukraine received weapons from the United States": the giver acts
            if target is None:
                return
            source, target = target, source
        fallback = False
        if target is None and actors.has_given and not source.members:  # the other known actor nearby
            target = actors.given_near(tok, exclude=source, before=False)
            fallback = target is not None
        place = self.locator.place_country(actors, tok)
        source, target = _at_home(
            localise(source, place),
            target and localise(target, place),
            ctx.places,
            self.res.agents.head_words,
        )
        # an act on a thing stands when the thing is political ("denounced 49 journalist detentions",
        # "rejected a peace plan"); "fought the virus" is dropped by its sense (_admissible)
        theme = self._theme(actors, found_target.theme) if target is None else None
        if target is not None and is_platform(target) and _means_phrase(target, tok.doc):
            target = None  # "hailed the report on Twitter": the medium, not the one praised
        if target is not None and pattern.modal and is_press(target):
            target = None  # "told reporters Japan should not cut its lines": reporters are asked nothing
        if target is None and pattern.modal:
            # "Kenya said it must act": a demand needs someone else to act; what was said may still
            # be a statement ("wrote, 'We must always have the backs of our allies. [...] Leaving
            # them to die is a big mistake'")
            plain = self._plain_statement(tok)
            if plain is None:
                return
            pattern = plain
        if pattern.code.startswith("01"):
            if not self.statements:
                return
            target = self._speech.target(actors, tok, source, target)
            if target is None and pattern.code.startswith("016") and found.obj is not None:
                target = accuser(actors, found.obj, source)  # "denied Kyiv's claims": Ukraine
            if target is None and pattern.code.startswith("015") and found.obj is not None:
                target = claimed_victim(actors, found.obj, source)  # "for the attack on X": X
            if target is not None:
                target = localise(localise(target, place), "", "home-country", ctx.places)
        code, why = pattern.code, pattern.id + ("+given-target" if fallback else "")
        if pattern.id == "verb:warn:130":  # "warned that Biden could destroy the growth": no threat
            warned = warning_code(tok, lambda g: _speakers_side(actors.mention(g), g, source))
            if warned is not None and warned.startswith("01") and not self.statements:
                return
            code, why = (warned, why + "+warning") if warned is not None else (code, why)
        if code == "010":  # what the statement says: criticism, praise, condolences, worry ...
            code = self._speech.kind(tok, target)
            why += f"+says:{code}" if code != "010" else ""
            if target is None and code in {"010", "012", "013", "016"}:
                # "there is no evidence to support the President's claims": a denial of the claimant's
                # claims ("no evidence to support the use of the drug" denies no one)
                claimant = self._speech.denied_claimant(actors, tok, source)
                if claimant is not None:
                    code, target, why = "016", claimant, why.split("+says:")[0] + "+says:016"
            if self._roleless_remark(source, target):
                return  # 'Downey said of Boseman, "He was ... humble"': praise between private people
            ruled = ruling_code(tok, source, code, target)  # "the court ruled X's advice was unlawful"
            if ruled is None and is_finding(pattern):
                return  # "researchers found that ...": no finding, no statement
            if ruled is not None:
                code, why = ruled, why + "+ruling"
            if code == "010" and target is not None and _news_topic(target):
                target = None  # "X said Y would ...": the content is the news, not a statement to Y
            if code == "010" and target is not None and target.matched_by.endswith("+said-of"):
                target = None  # 'Sarkozy said of Chirac, "He incarnated ..."': a remark, no judgement
            if code == "010" and target is not None and target.matched_by.startswith("person+"):
                target = None  # 'said "Munk has been a world treasure"': a remark on a private person
            if code == "010" and target is None:
                return  # "officials said the plane was flying to ...": an attribution, no event
        if code == "018" and target is None and self.statements:
            # "my heart goes out to the families"; "condolences over the death of Shinzo Abe"
            target = self._speech.bereaved(actors, tok, source)
            target = target and localise(localise(target, place), "", "home-country", ctx.places)
        stops = STOPPED_CODE.get(code[:2]) if no_longer(tok) else None
        code, status, why, when = self._modality(ctx, tok, found.obj, code, why, source)
        if stops is not None:  # "will no longer fund the WHO": aid stopped, not refused or intended
            code, status, why = stops, "asserted", why + "+no-longer"
        if code.startswith("03") and accord(tok):
            if not self.statements:
                return
            code, status, why = "019", "asserted", why + "+accord"  # "agreed with Wang's remarks"
        if considered(tok) and not code.startswith("01"):
            code, status, why = "014", "asserted", why + "+considered"  # "is considering sending aid"
        if pattern.pos == "NOUN" and code[:2] in STOPPED_CODE and stopped(tok):
            code, why = STOPPED_CODE[code[:2]], why + "+stopped"  # "suspended aid to X": reduce aid
        span = self._trigger_span(tok, found.obj)
        verbal = verbal_attack(tok)
        if code[:2] in {"18", "19"} and worded_attack(tok):
            code, why = "111", why + "+verbal"  # "attacked the investigation as garbage": words
        spoken = code[:2] in SPOKEN_ROOTS
        relational = _relational(tok)  # "pledged to restore full diplomatic cooperation": between them
        for n, (s, t) in enumerate(event_pairs(tok, source, target, pattern, code, relational)):
            location = self.locator.locate(ctx.places, actors, tok, s, t, spoken, code[:2] in VIOLENT_ROOTS)
            pair_code, by_actors = recode_by_actors(code, tok.lemma_.lower(), s, t, self._bodies, verbal)
            if not self._admissible(actors, tok, found.obj, pair_code, s, t):
                continue
            event_id = f"{ctx.article.id}-{ctx.si}-{tok.i}-{n}"
            event = self._event(ctx, event_id, s, t, pair_code, status, span, why + by_actors, location)
            if t is None and theme is not None:
                event = replace(event, theme=theme)
            yield with_date(event, when, ctx.base)

    @staticmethod
    def _theme(actors: ArticleActors, token: Any | None) -> Theme | None:
        """The thing or place an act is done to, as a span of the text."""
        if token is None:
            return None
        text, start, end = actors.span_of(token)
        return Theme(text, start, end)

    def _admissible(
        self,
        actors: ArticleActors,
        tok: Any,
        obj: Any | None,
        code: str,
        source: ActorMention,
        target: ActorMention | None,
    ) -> bool:
        """Whether an event is a political event (docs/annotation.md §1, data/word_senses.yaml): a
        trigger in its political sense, a target unless the kind of act stands alone, and a
        political actor on one side (violence and protest count between anyone)."""
        senses = self.res.senses
        if senses is None:
            return True
        core, around = _argument_words(tok, obj)
        received = code.startswith("07") and tok.lemma_.lower() in RECEIVING_VERBS  # an aid, told so
        if senses.not_political(tok.lemma_, core, around) is not None and not received:
            return False  # interbank rates "offered", a goal "attacked"
        if code.startswith("04") and target is not None and is_press(target):
            return False  # "speaking to BBC Sport", "talked to reporters": an interview, not a consultation
        if code.startswith("10") and fact_insisted(tok):
            return False  # "insisted that the army had not targeted civilians" (also read by a classifier)
        if (
            code.startswith("041")
            and target is not None
            and target.sector == "COP"
            and source.sector == "CVL"
        ):
            return False  # "a mother called the police": a report of a crime, not a consultation
        if self.unresolved_actors:
            return True  # sentence classification: the act counts whoever does it
        root = code[:2]
        # a political actor's act stands alone ("the government lifted the state of emergency", "the
        # rebels surrendered"); a meeting needs a partner, anyone else's act a target
        alone = root in senses.no_target_roots or code.startswith(NO_TARGET_CODES)
        if (
            target is None
            and not alone
            and (
                root in NEEDS_TARGET_ROOTS
                or not (actors.has_given or self._political(source, spoken=root in JUDGING_SPOKEN))
            )
        ):
            return False
        if actors.has_given or root in senses.civil_roots:
            return True
        # a named person quoted or acting verbally in the news is taken for a public figure
        verbal = root in VERBAL_ROOTS
        spoken = root in JUDGING_SPOKEN  # ... and so is a religious leader or body judging
        if root == "01" and self._roleless_remark(source, target):
            # a person the story names without a role ("co-lead author Sam Wilson said ...") speaks
            # politically only to or of a political actor ("Tom Watson called May's deal lousy")
            return False
        if root == "01":
            return self._political(source, verbal, spoken)
        return self._political(source, verbal, spoken) or (
            target is not None and self._political(target, verbal, spoken)
        )

    def _roleless_remark(self, source: ActorMention, target: ActorMention | None) -> bool:
        """Whether what a person the story names without a role says is of no political actor (a
        plain statement, whatever its tone: praise, criticism, worry): no event (docs/annotation.md §1)."""
        if self.res.senses is None or self.unresolved_actors or source.sector:
            return False
        if not source.matched_by.startswith(ROLELESS):
            return False
        return not (target is not None and self._political(target))

    def _political(self, m: ActorMention, person_counts: bool = False, spoken: bool = False) -> bool:
        """A political actor: a political sector, a state, or a named international body (the Red
        Cross is political whatever its sector); with ``person_counts``, also a named person whose
        country alone is known (a public figure speaking: "Tom Watson called the deal lousy"); with
        ``spoken`` (an act done by speaking), also a religious leader or body."""
        senses = self.res.senses
        assert senses is not None
        members = m.members or (m.identity,)
        # a person whose nationality is all we know ("Kokesh, an American activist") is not a state
        person = is_person(m)
        if person and person_counts and m.country and not m.sector:
            return True
        if spoken and _religious(m):
            return True  # a religious leader or body judging ("Pope Francis condemned the bombing")
        state = not person
        return any(
            senses.political_actor(c.country, c.sector, state and bool(c.country))
            or bool(self.res.agents.organisation_type(c.country))
            for c in members
        )

    def _modality(
        self,
        ctx: _Sentence,
        tok: Any,
        obj: Any | None,
        code: str,
        why: str,
        source: ActorMention | None = None,
    ) -> tuple[str, EventStatus, str, EventDate | None]:
        """Status, CAMEO code after CAMEO's recoding of unrealised acts, and date.  A future act with a
        date of its own ("will meet on March 11") stays a ``future`` event on that date; an undated
        one is an expression of intent (03x) or a threat (13x), dated when it was expressed."""
        status = status_of(tok)
        when = event_date(
            tok,
            obj,
            ctx.expressions,
            ctx.story,
            ctx.base,
            status in FUTURE_STATUSES,
            ctx.year_hint,
            ctx.news_day,
        )
        timetabled = status == "future" and (
            on_timetable(tok)  # "was scheduled to meet this weekend"
            or (
                when is not None
                and when.source == "text"
                and ctx.base is not None
                and when.period.end >= ctx.base.date()  # "will meet later today", "on March 11"
            )
        )
        if timetabled:
            return code, status, why, when
        if status == "future" and announced_resignation(tok, code):
            return code, "asserted", why + "+announced", when  # "announced he would step down"
        refusal = refused(tok) or (status == "negated" and announced_negation(tok))
        if status == "denied":  # the act denied is coded as it was alleged: a denied plan is a threat
            inner = status_of(tok, denial=False)
            denied = recode_modality(code, inner, why, self._intent_governor(tok), refusal)
            return denied[0], "denied", denied[2], when
        # "if Israel attacks Iran, ...": a hypothesis; "warned that Biden could destroy ...": another's
        told_by = _told_by(ctx, tok, source)
        own = not (is_supposed(tok) or told_by == "another")
        own = own or has_condition(tok)  # "may halt its mediation if cooperation founders": an ultimatum
        if status == "conditional" and not has_condition(tok) and told_by != "itself":
            own = False  # "the police would hit us", "a law that would allow X to ...": nobody's threat
        recoded = recode_modality(code, status, why, self._intent_governor(tok), refusal, own)
        undone = refusal_status(tok) if recoded[2].endswith("+refused") else None
        recoded = recoded if undone is None else (recoded[0], undone, recoded[2])  # "must stop backing X"
        if recoded[0] != code and when is not None and when.source == "text" and status in FUTURE_STATUSES:
            # the act's date is not the intent's ("vowed to meet on March 11"); a date of the clause
            # that expresses the intent is ("on Friday expressed their willingness to help")
            act = {t.i for t in tok.subtree}
            expressed = [e for e in ctx.expressions if e.anchor is not None and e.anchor not in act]
            when = event_date(tok, obj, expressed, ctx.story, ctx.base, news_day=ctx.news_day)
        return (*recoded, when)

    def _event(
        self,
        ctx: _Sentence,
        event_id: str,
        source: ActorMention,
        target: ActorMention | None,
        code: str,
        status: EventStatus,
        span: tuple[int, int],
        why: str,
        location: Location | None,
    ) -> Event:
        """An undated event with the CAMEO name, Goldstein value, quad class and PLOVER label of
        ``code``; its date is attached by :func:`~eventwire.events.dating.with_date`."""
        entry = self.res.cameo.get(code)
        article = ctx.article
        return Event(
            event_id=event_id,
            article_id=article.id,
            date=None,
            date_source="none",
            source=source,
            target=target,
            **_code_fields(entry),
            status=status,
            sentence=ctx.si,
            trigger=article.text[span[0] : span[1]],
            char_span=span,
            sentence_text=ctx.sent.text.strip(),
            pattern=why,
            location=location,
            confidence=confidence(why, entry.code, source, target, _backoff_probability(why)),
        )

    # ---------------------------------------------------------------- back-off
    def _recode(self, event: Event, code: str, why: str) -> Event:
        """A rule event under the code the learned classifier reads with high probability."""
        entry = self.res.cameo.get(code)
        return replace(
            event,
            **_code_fields(entry),
            pattern=why,
            coded_by="model",
            confidence=_backoff_probability(why.rsplit("+", 1)[-1]) or event.confidence,
        )

    def _pair_event(
        self, ctx: _Sentence, source: ActorMention, target: ActorMention, word: Any, code: str, why: str
    ) -> Iterator[Event]:
        """The event a classifier (the back-off or the learned model) reads between two actors,
        through the rules' modality, recoding, admission, placing and dating."""
        if code not in self.res.cameo:
            return
        if code[:2] in COMMERCE_ROOTS and word.lemma_.lower() in COMMERCE_VERBS:
            return  # "Japan bought Canadian rapeseed": trade, not aid
        if is_question(word):
            return  # "Reporters asked Merkel whether ...": a question, no appeal
        if word.lemma_.lower() in SENDING_VERBS and any(
            c.dep_ == "dobj" and target.start <= c.idx < target.end for c in word.children
        ):
            return  # "sent Homeland Security officers to Portland": what is sent is no target
        code, status, why, when = self._modality(ctx, word, None, code, why, source)
        code, by_actors = recode_by_actors(code, word.lemma_.lower(), source, target, self._bodies)
        if not self._admissible(ctx.actors, word, None, code, source, target):
            return
        why += by_actors
        event_id = f"{ctx.article.id}-{ctx.si}-{word.i}-b{source.start}-{target.start}"
        span = (word.idx, word.idx + len(word.text))
        source = localise(source, "", "home-country", ctx.places)
        target = localise(target, "", "home-country", ctx.places)
        spoken, armed = code[:2] in SPOKEN_ROOTS, code[:2] in VIOLENT_ROOTS
        location = self.locator.locate(ctx.places, ctx.actors, word, source, target, spoken, armed)
        event = self._event(ctx, event_id, source, target, code, status, span, why, location)
        probability = _backoff_probability(why)
        if why.startswith("model:") and probability is not None:
            event = replace(event, coded_by="model", confidence=probability)  # calibrated
        yield with_date(event, when, ctx.base)

    @staticmethod
    def _intent_governor(tok: Any) -> bool:
        """Whether a verb of intending governs the act as its subject's own: an infinitive with a doer
        of its own ("offered drones to help Taiwan defend its coast") is the intender's purpose, not
        an intent of that doer."""
        head = tok
        for _ in range(3):
            if head.dep_ not in {"xcomp", "ccomp", "advcl", "conj", "acomp", "acl"} or head.head.i == head.i:
                return False
            if head.tag_ == "VB" and any(c.dep_ == "nsubj" for c in head.children):
                return False
            head = head.head
            if head.lemma_.lower() in INTEND or would_like(head):
                return True
        return False

    @staticmethod
    def _trigger_span(tok: Any, obj: Any | None) -> tuple[int, int]:
        toks = [tok] + [c for c in tok.children if c.dep_ in {"prt", "compound"} and c.i < tok.i + 3]
        if obj is not None:
            toks.append(obj)
        start = min(t.idx for t in toks)
        end = max(t.idx + len(t.text) for t in toks)
        return start, end

    # ------------------------------------------------------------------ source

    # ------------------------------------------------------------------ target

    # ------------------------------------------------------------------- dates


def _argument_words(tok: Any, obj: Any | None) -> tuple[list[str], list[str]]:
    """The head words around a trigger that show its sense: (its object, subject, the noun a
    participle modifies ("interbank rates offered"), a noun trigger's compounds; the objects of its
    prepositions ("fought the fire", "hit by the storm"))."""
    core = [obj.lemma_] if obj is not None else []
    around: list[str] = []
    for c in tok.children:
        if c.dep_ in {"dobj", "nsubj", "nsubjpass", "attr", "compound"}:
            core.append(c.lemma_)
            if c.lemma_.lower() in QUANTITY_HEADS:  # "struck a group of motorcycles": the motorcycles
                core.extend(p.lemma_ for o in c.children if o.lower_ == "of" for p in o.children)
            # "Typhoon Haiyan killed ...": a named storm's kind is its compound
            core.extend(m.lemma_ for m in c.children if c.pos_ == "PROPN" and m.dep_ == "compound")
            if c.lower_ == "them" and c.dep_ == "dobj":  # "obtained the messages and released them"
                core.extend(o.lemma_ for o in coordinated_objects(c))
        elif c.dep_ in {"prep", "agent"}:
            around.append(c.lower_)  # "hails from Arizona"
            for p in (p for p in c.children if p.dep_ == "pobj"):
                around.append(p.lemma_)
                if p.lemma_.lower() in GROUP_HEADS:  # "with a couple of tries", "a round of sanctions"
                    around.extend(o.lemma_ for of in p.children if of.lower_ == "of" for o in of.children)
        elif c.dep_ in {"xcomp", "prt"} or (
            c.dep_ == "advmod" and (c.i < tok.i or c.lower_ in {"back", "out"})
        ):
            around.append(c.lemma_)  # "asked not to be named", "said when asked", "hit back"
    if tok.dep_ in {"acl", "relcl", "amod"} or (tok.pos_ == "NOUN" and tok.dep_ == "compound"):
        core.append(tok.head.lemma_)
    if obj is None and not any(c.dep_ == "dobj" for c in tok.children):
        # "having battled and overcome leukemia": the object of the verb coordinated after it
        core.extend(o.lemma_ for v in tok.conjuncts if v.i > tok.i for o in v.children if o.dep_ == "dobj")
    return core, around


def _code_fields(entry: CameoEntry) -> dict[str, Any]:
    """An event's fields that follow from its CAMEO code: name, Goldstein value, quad class, PLOVER
    event and mode, PLOVER contexts."""
    return {
        "cameo": entry.code,
        "cameo_name": entry.name,
        "goldstein": entry.goldstein,
        "quad_class": entry.quad_class,
        "plover": entry.plover,
        "context": plover_context(entry.code) if entry.plover.event else (),
    }


_PROBABILITY = re.compile(r"(?:backoff|model):[^:+]+:([0-9]*\.?[0-9]+)")


def _backoff_probability(why: str) -> float | None:
    """A classifier's probability written in an event's ``pattern`` ("backoff:11:0.83:...",
    "model:19:0.91+threat")."""
    found = _PROBABILITY.match(why)
    return float(found.group(1)) if found else None


def _religious(m: ActorMention) -> bool:
    """A religious leader or body of a known country ("Pope Francis", "the Polish archbishop")."""
    return any(c.sector == "REL" and c.country for c in (m.members or (m.identity,)))


def _argument_of(found_noun: _Found, verbs: dict[int, _Found]) -> bool:
    """Whether a noun trigger lies in the object or in a target phrase of a fired verb trigger."""
    node = found_noun.trigger
    # a labelled call, or an act that names its own doer, stays an event ("characterized the call with
    # Zelensky as ...", "described Russia's attack on the hospital as a war crime")
    consult = found_noun.pattern.code.startswith("04") or _names_doer(found_noun.trigger)
    for _ in range(6):
        head = node.head
        if head.i == node.i:
            return False
        found = verbs.get(head.i)
        # statements carry news; what a label is put on is no act of the labeller ("described the
        # bombing as a terrorist act": Ankara did not bomb)
        labelled = found is not None and found.pattern.id.startswith("label:") and not consult
        if found is not None and (not found.pattern.code.startswith("01") or labelled):
            if node.dep_ in {"dobj", "attr", "nsubjpass", "xcomp", "ccomp", "oprd"}:
                return True
            content_preps = {"for", "of"} if not found.pattern.code.startswith("04") else set()
            return node.dep_ == "prep" and (node.lower_ in found.pattern.prep or node.lower_ in content_preps)
        node = head
    return False


def _joint_without_with(p: Pattern, tok: Any, children: list[Any]) -> bool:
    """Whether a reciprocal entry fires without its preposition because its subject names both sides
    ("India and China clashed", "exchanged fire"; but "X and Y met Kim" has an object of its own).
    Asked only when the preposition is missing: the subject's reading walks the clause."""
    if not p.reciprocal or (not p.object and any(c.dep_ == "dobj" for c in children)):
        return False
    return joint_subject(tok)


def _names_doer(noun: Any) -> bool:
    """Whether an act's noun names who did it by a possessor or a "by" agent ("Russia's attack", "the
    EU's sanctions", "the attack by militants"; a nationality before it may be the labeller's reading)."""
    return any(c.dep_ == "poss" for c in noun.children) or bool(prep_objects(noun, ("by",)))


def _analysed_sentences(doc: Any, sents: list[Any]) -> list[bool]:
    """Whether each sentence has any part-of-speech tag (sentences the selective parse left out
    have none)."""
    from spacy.attrs import POS

    if len(doc) == 0:
        return []
    pos = doc.to_array([POS]).reshape(-1)
    return [bool(pos[s.start : s.end].any()) for s in sents]


def _modal_clause(clause: Any, modals: Sequence[str]) -> bool:
    """A complement clause whose verb carries one of ``modals`` ("... that Y must withdraw")."""
    return clause.dep_ in {"ccomp", "xcomp"} and any(
        a.dep_ == "aux" and a.lower_ in modals for a in clause.children
    )


def _object_word(token: Any, words: Sequence[str]) -> bool:
    """An object lemma is listed; "money" also stands for any amount of money ("$5 million", "100
    million euros")."""
    lemma = token.lemma_.lower()
    return lemma in words or ("money" in words and (token.ent_type_ == "MONEY" or lemma in CURRENCIES))


def _own_act(tok: Any, source: ActorMention) -> bool:
    """Whether a trigger inside its source's phrase is that actor's act: a verb heading its clause
    (a span that runs over the verb), or a noun heading the phrase whose modifier names the actor
    ("a Saudi-led strike"); not a word describing the actor ("the coalition fighting Houthi
    rebels", "the Centre for Humanitarian Assistance")."""
    if tok.dep_ in DESCRIBING_DEPS:
        return False
    if tok.pos_ in {"VERB", "AUX"}:
        return True
    inside = source.start <= tok.head.idx < source.end and tok.head.i != tok.i
    return not inside and "demonym:" in source.matched_by


def _at_home(
    source: ActorMention, target: ActorMention | None, places: ArticlePlaces, titles: frozenset[str]
) -> tuple[ActorMention, ActorMention | None]:
    """Source and target with the story's home country where they have none (an unnamed government
    addressed by a country's citizens is theirs), unless that makes a
    named person one actor with the other side ("President Mitterand welcomed South African leader
    de Klerk": Mitterand is no South African, though the story is about South Africa)."""
    home_source = localise(source, "", "home-country", places)
    if target is None:
        return home_source, None
    if (
        target.sector == "LEG"
        and not target.country
        and not target.members
        and source.sector in STATE_SECTORS
    ):
        # "Thatcher told Parliament", "Nakasone told the Lower House Budget Committee": a national
        # official addresses the legislature of the official's own country
        target = localise(target, source.country, "speaker-country")
    if (
        target.sector in STATE_SECTORS
        and not target.country
        and not target.members
        and home_source.sector in CITIZEN_SECTORS
        and home_source.country
        and not _names_person(target.text, titles)  # "Senator Robert Kennedy" is no one's by default
    ):
        target = localise(target, home_source.country, "source-country")
    if (
        target.sector == "CVL"
        and not target.country
        and not target.members
        and source.sector in LEADING_SECTORS
        and source.country
        and places.home in {"", source.country}  # (in a Hong Kong story, "people" are Hongkongers)
        and target.text.lower().split()[-1] in OWN_PEOPLE
    ):
        # "the prime minister apologised to the people", "the president thanked voters": a country's
        # leaders address their own people
        target = localise(target, source.country, "leader-country")
    home_target = localise(target, "", "home-country", places)
    if home_source.identity != home_target.identity or same_actor(source, target):
        return home_source, home_target
    if home_source is not source and _names_person(source.text, titles):
        home_source = source
    if home_target is not target and _names_person(target.text, titles) and not is_local(target.text):
        home_target = target  # (a mayor or governor is the home country's whatever the dyad)
    return home_source, home_target


def _means_phrase(mention: ActorMention, doc: Any) -> bool:
    """Whether a mention is the object of a preposition of the medium (:data:`MEDIUM_PREPS`: "on
    Twitter")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and any(t.dep_ == "pobj" and t.head.lower_ in MEDIUM_PREPS for t in span)


def _new_paragraph(doc: Any, before: Any, sent: Any) -> bool:
    """Whether a blank line lies between two sentences (spaCy hangs it on either one, and a closing
    quotation mark of the paragraph before may open the next sentence)."""
    words = [t for t in before if not t.is_space]
    first = next((t for t in sent if not (t.is_space or t.is_punct)), None)
    if not words or first is None:
        return False
    end = words[-1].idx + len(words[-1].text)
    return "\n\n" in doc.text[end : first.idx]


def _names_person(text: str, titles: frozenset[str]) -> bool:
    """Whether a mention's words name someone beyond a title ("President Francois Mitterand", not
    "Prime Minister")."""
    return any(w[:1].isupper() and w.lower() not in titles for w in text.split()[1:])


# Heads of a number or a batch of things, whose "of" phrase names the things: "hit back with a couple
# of tries", "hit Russia with a new round of sanctions".
GROUP_HEADS = QUANTITY_HEADS | {"round", "package", "wave", "raft", "batch", "series", "set", "slew"}
__all__ = ["ActorCode", "EventCoder", "EventStatus"]


def _news_topic(target: ActorMention) -> bool:
    """A plain statement's target read off its content clause ("said 71 people were arrested", "said the
    party was ready"): news the speaker reports, unless the clause judges a named actor ("said Biden was
    weak").  The tag survives later localisation ("+topic+home-country")."""
    tags = target.matched_by.split("+")
    return "topic" in tags and "judged" not in tags


#: Sectors of the state itself: a state's officials speak for its forces and agencies.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY"})


def _told_by(ctx: _Sentence, tok: Any, source: ActorMention | None) -> str:
    """Who reports an act as the content of a statement: "itself" ("Iran said it would attack ships",
    "Putin said Russian troops would withdraw": the actor's own word), "another" ("Trump warned that
    Biden could destroy the growth"; "Analysts warned that Russia could invade"), "" when no statement
    reports it or its speaker is an unresolved pronoun."""
    subject = reporter(tok)
    if subject is None or source is None:
        return ""
    speaker = ctx.actors.mention(subject)
    if speaker is None:
        return "another" if subject.pos_ != "PRON" else ""
    return "itself" if _same_side(speaker, source) else "another"


def _speakers_side(m: ActorMention | None, word: Any, source: ActorMention) -> bool:
    """Whether a word a speaker names is the speaker's side (:func:`_own_side`); a pronoun no actor
    resolves is taken for the speaker ("The Houthis warned that they would target warships")."""
    return _own_side(m, source) if m is not None else word.pos_ == "PRON"


def _own_side(m: ActorMention, source: ActorMention) -> bool:
    """Whether an actor a speaker names is the speaker's side: :func:`_same_side`, or an arm of the state
    named without a country when the speaker is one ("Cairo's security chief warned that police will
    no longer tolerate rallies")."""
    if _same_side(m, source):
        return True
    return not m.country and m.sector in STATE_SECTORS and source.sector in STATE_SECTORS


def _same_side(reporter: ActorMention, source: ActorMention) -> bool:
    """Whether a reporter speaks for the actor of what it reports: the same actor (also through a
    pronoun), or two arms of one state ("Putin said Russian troops would withdraw")."""
    if same_actor(reporter, source) or source.antecedent == (reporter.start, reporter.end):
        return True
    if not reporter.country or reporter.country != source.country:
        return False

    def state(m: ActorMention) -> bool:
        return m.sector in STATE_SECTORS or (not m.sector and not is_person(m))

    return state(reporter) and state(source)


def _relational(tok: Any) -> bool:
    """Whether an intent or its complement is about the actors' own relations ("pledging stronger
    cooperation", "pledged to restore full diplomatic cooperation", "vowed to strengthen ties")."""
    if any(c.dep_ == "dobj" and c.lemma_.lower() in RELATION_NOUNS for c in tok.children):
        return True  # "pledging stronger cooperation"
    return any(
        c.dep_ == "xcomp" and any(o.dep_ == "dobj" and o.lemma_.lower() in RELATION_NOUNS for o in c.children)
        for c in tok.children
    )
