"""The dictionaries the coder uses, loaded and validated once and passed explicitly."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from eventwire.actors.dictionary import AgentTable, CountryTable
from eventwire.actors.entities import EntityTable
from eventwire.actors.officeholders import OfficeHolderTable
from eventwire.actors.petrarch import ActorDictionary
from eventwire.actors.places import Gazetteer
from eventwire.actors.senses import WordSenses
from eventwire.events.backoff import BackoffModel
from eventwire.events.cameo import CameoTable
from eventwire.events.classifier import EventClassifier
from eventwire.events.patterns import PatternDictionary


@dataclass(frozen=True, slots=True)
class Resources:
    countries: CountryTable
    agents: AgentTable
    cameo: CameoTable
    patterns: PatternDictionary
    people: OfficeHolderTable
    backoff: BackoffModel | None = None
    classifier: EventClassifier | None = None
    places: Gazetteer | None = None
    imported_actors: ActorDictionary | None = None
    senses: WordSenses | None = None
    entities: EntityTable | None = None

    @classmethod
    def load(
        cls,
        extra_patterns: Sequence[str | Path] = (),
        backoff: str = "packaged",
        actor_files: Sequence[str | Path] = (),
        patterns: PatternDictionary | None = None,
        classifier: str = "off",
        entity_files: Sequence[str | Path] = (),
    ) -> Resources:
        """Packaged dictionaries, plus the user's pattern files appended to the default one;
        ``backoff``: "packaged", the path of a back-off model JSON, or "off"; ``actor_files``:
        PETRARCH/TABARI actor dictionaries consulted for names the packaged tables lack;
        ``patterns``: a dictionary built by the caller, used instead of the pattern files;
        ``classifier``: "packaged", the directory of an exported model, or "off"; ``entity_files``:
        the user's entity tables over the packaged one."""
        cameo = CameoTable.load()
        if patterns is None:
            patterns = (
                PatternDictionary.load(list(extra_patterns), cameo=cameo, include_default=True)
                if extra_patterns
                else PatternDictionary.load(None, cameo=cameo)
            )
        countries = CountryTable.load()
        return cls(
            countries=countries,
            agents=AgentTable.load(),
            cameo=cameo,
            patterns=patterns,
            people=OfficeHolderTable.load(),
            backoff=load_backoff(backoff),
            classifier=load_classifier(classifier),
            places=Gazetteer.load(countries),
            imported_actors=ActorDictionary.load(actor_files) if actor_files else None,
            senses=WordSenses.load(),
            entities=EntityTable.load(None, entity_files),
        )


def classifier_off(choice: str) -> bool:
    """Whether a ``classifier`` setting turns the learned classifier off."""
    return choice.strip().lower() in {"off", "", "none"}


def load_classifier(choice: str) -> EventClassifier | None:
    """The learned classifier a ``classifier`` setting names (None for "off", or for "packaged"
    when the package ships no model)."""
    if classifier_off(choice):
        return None
    if choice == "packaged":
        return EventClassifier.load() if EventClassifier.available() else None
    return EventClassifier.load(choice)


def load_backoff(choice: str) -> BackoffModel | None:
    """The back-off model a ``backoff`` setting names (None for "off" or "")."""
    if choice in {"off", "", "none"}:
        return None
    return BackoffModel.load(None if choice == "packaged" else choice)
