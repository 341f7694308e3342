"""The main job: read documents, extract articles, parse each once with spaCy, code events.

Errors in one document are yielded as :class:`DocumentError` values (naming the
document and the reason) and the batch goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from eventwire.errors import CodingError, ConfigError, DocumentError, EventwireError, LanguageError
from eventwire.events.coder import EventCoder
from eventwire.events.cues import EventCues
from eventwire.extract.article import extract_article
from eventwire.extract.dates import blank_wire_dateline
from eventwire.extract.language import UNDETERMINED, language_name
from eventwire.extract.themes import article_themes_and_tone
from eventwire.ingest.sources import iter_documents
from eventwire.models import ActorMention, Article, Event, Limits, RawDocument
from eventwire.nlp.pipeline import check_installed, load_pipeline, model_language
from eventwire.nlp.selective import SelectiveParser, build_selective
from eventwire.resources import Resources, classifier_off
from eventwire.settings import Settings


@dataclass(frozen=True, slots=True)
class CodedArticle:
    """An article with its events, its resolved actor mentions and its sentences' char spans."""

    article: Article
    events: list[Event]
    mentions: list[ActorMention] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    themes: tuple[list[str], float] | None = None  # (themes, tone), computed where it was coded


def read_articles(paths: Iterable[str], limits: Limits | None = None) -> Iterator[Article | DocumentError]:
    """Articles from files, directories, JSONL, CSV, WARC and .gz; bad documents as errors."""
    return extract_all(iter_documents(paths, limits), limits)


def extract_all(
    documents: Iterable[RawDocument | DocumentError], limits: Limits | None = None
) -> Iterator[Article | DocumentError]:
    """Articles extracted from raw documents (from files, the web or archives); errors pass through.
    An article detected in a language outside ``limits.languages`` becomes a :class:`LanguageError`
    (an undetermined one passes; a multi-language pipeline, ``xx``, takes every language)."""
    languages = (limits or Limits()).languages
    everything = "xx" in languages
    for item in documents:
        if isinstance(item, DocumentError):
            yield item
            continue
        try:
            article = extract_article(item)
        except DocumentError as exc:
            yield exc
            continue
        except Exception as exc:  # noqa: BLE001 - a crash on one document must not stop the batch
            yield CodingError(item.source, f"extraction failed: {type(exc).__name__}: {exc}")
            continue
        if not everything and article.language not in languages and article.language != UNDETERMINED:
            wanted = ", ".join(sorted(languages))
            yield LanguageError(
                item.source,
                f"the text is in {language_name(article.language)} ({article.language}), not in the "
                f"languages coded ({wanted}); set languages and a spaCy pipeline for it to code it",
            )
            continue
        yield article


def text_article(
    text: str, article_id: str, source: str, published: str | None = None
) -> tuple[Article, str]:
    """An article for a bare text and the text to parse: a leading wire dateline is blanked
    (same offsets) and kept as the article's dateline, as extraction does for documents."""
    parsed, place = blank_wire_dateline(text)
    article = Article(
        id=article_id, title="", text=text, source=source, published=published, dateline=place or None
    )
    return article, parsed


class Pipeline:
    """Reads, parses and codes articles with one spaCy pass per article."""

    def __init__(self, settings: Settings | None = None, resources: Resources | None = None) -> None:
        """``resources``: dictionaries already loaded; else they load on first use (an ingest whose
        workers code never loads them in the coordinating process)."""
        self.settings = settings or Settings.from_env()
        self._resources = resources
        self._coder: EventCoder | None = None
        self._nlp: SelectiveParser | None = None

    @property
    def resources(self) -> Resources:
        """The dictionaries, tables and models the coder uses (loaded and validated once)."""
        if self._resources is None:
            self._resources = Resources.load(
                self.settings.pattern_files(),
                self.settings.backoff,
                self.settings.actor_files(),
                classifier=self.settings.classifier,
                entity_files=self.settings.entity_files(),
            )
        if classifier_off(self.settings.classifier) and self._resources.classifier is not None:
            self._resources = replace(self._resources, classifier=None)  # given resources, a run without
        return self._resources

    @property
    def coder(self) -> EventCoder:
        if self._coder is None:
            self._coder = EventCoder(
                self.resources,
                min_confidence=self.settings.min_confidence,
                statements=self.settings.statements == "on",
            )
        return self._coder

    def check_model(self) -> None:
        """Fail now (ConfigError) on a model that cannot be loaded: loaded here when this process
        codes; only looked up when local workers code; left to the workers of a remote cluster."""
        codes = self.settings.language_codes()
        own = model_language(self.settings.model)
        if codes and own not in codes and "xx" not in codes:
            raise ConfigError(
                f"languages {','.join(codes)!r} leaves out the language of the spaCy pipeline "
                f"{self.settings.model!r} ({own}): its articles would be refused and the others parsed "
                f"by an {language_name(own)} pipeline; set --model to a pipeline for "
                f"{','.join(codes)} or add {own} to --languages"
            )
        s = self.settings
        given = s.pattern_files() or s.actor_files() or s.entity_files()
        if (
            given
            or s.backoff not in ("packaged", "off")
            or not (classifier_off(s.classifier) or s.classifier == "packaged")
        ):
            self.resources  # noqa: B018 - the user's files: a bad line is an error before any work
        if self.settings.scheduler:
            return
        if self.settings.workers > 0 or self.settings.processes > 1:
            check_installed(self.settings.model)
        else:
            self.nlp  # noqa: B018

    @property
    def language(self) -> Any:
        """The spaCy pipeline itself (every component, every sentence)."""
        return load_pipeline(self.settings.model)

    @property
    def nlp(self) -> SelectiveParser:
        """What the coder parses with: the spaCy pipeline run only on the sentences that can hold
        an event (``parse_scope`` "events"), or on all of them ("all"); see
        :mod:`eventwire.nlp.selective`."""
        if self._nlp is None:
            language = self.language
            most = self.settings.max_sentence_tokens
            if self.settings.parse_scope == "all":
                self._nlp = SelectiveParser(language, None, max_sentence_tokens=most)
            else:
                self._nlp = build_selective(
                    language,
                    lambda irregular: EventCues(self.resources, irregular),
                    self.coder.may_fire,
                    max_sentence_tokens=most,
                )
        return self._nlp

    def _prepare(self, article: Article) -> str:
        text = article.text
        limit = self.settings.max_chars
        if len(text) > limit:
            cut = text.rfind("\n\n", 0, limit)
            text = text[: cut if cut > 0 else limit]
        return text

    def code_articles(
        self, items: Iterable[Article | DocumentError], progress: Callable[[int], None] | None = None
    ) -> Iterator[CodedArticle | DocumentError]:
        """Code articles in this process, ``batch_size`` items at a time through one spaCy pass, in
        input order; documents that failed earlier pass through.  When the parse of a batch fails, its
        articles are parsed one by one and the one that fails becomes a :class:`CodingError`.
        (Several processes or Dask workers: :mod:`eventwire.batch`.)"""
        for chunk in chunks(items, self.settings.batch_size):
            articles = [item for item in chunk if not isinstance(item, DocumentError)]
            coded = iter(self._code_batch(articles))
            for item in chunk:
                if isinstance(item, DocumentError):
                    yield item
                    continue
                yield next(coded)
                if progress is not None:
                    progress(1)

    def _code_batch(self, articles: list[Article]) -> list[CodedArticle | DocumentError]:
        size = self.settings.batch_size
        nlp = self.nlp  # a model that cannot be loaded is a ConfigError for the run, not the documents
        try:
            pairs = [(self._prepare(a), a) for a in articles]
            return [self._code_one(a, doc) for doc, a in nlp.pipe(pairs, as_tuples=True, batch_size=size)]
        except Exception:  # noqa: BLE001 - find the article that breaks the parse; the others go on
            return [self._code_alone(a) for a in articles]

    def _code_alone(self, article: Article) -> CodedArticle | DocumentError:
        try:
            doc = self.nlp(self._prepare(article))
        except Exception as exc:  # noqa: BLE001 - a crash on one document must not stop the batch
            return CodingError(article.source, f"parsing failed: {type(exc).__name__}: {exc}")
        return self._code_one(article, doc)

    def _code_one(self, article: Article, doc: Any) -> CodedArticle | DocumentError:
        try:
            events, mentions = self.coder.code_with_actors(article, doc)
            sentences = [(s.start_char, s.end_char) for s in doc.sents]
            themes = article_themes_and_tone(article.title, article.text)
            return CodedArticle(article, events, mentions, sentences, themes)
        except EventwireError as exc:
            return CodingError(article.source, str(exc))
        except Exception as exc:  # noqa: BLE001 - a crash on one document must not stop the batch
            return CodingError(article.source, f"coding failed: {type(exc).__name__}: {exc}")

    def run(
        self, paths: Iterable[str], progress: Callable[[int], None] | None = None
    ) -> Iterator[CodedArticle | DocumentError]:
        return self.code_articles(read_articles(paths, self.settings.limits()), progress)

    def code_text(
        self,
        text: str,
        published: str | None = None,
        article_id: str = "text",
        given_spans: Sequence[tuple[int, int]] = (),
    ) -> list[Event]:
        """Code one plain text (a sentence or an article body); convenient for notebooks and tests.
        ``given_spans`` are character spans known to be actors (gold spans in evaluation).  A
        leading wire dateline ("MOSCOW (AP) -- ") is read as the article's dateline, as
        extraction does for documents; offsets stay those of ``text``."""
        article, parsed = text_article(text, article_id, "<text>", published)
        return self.coder.code(article, self.nlp(parsed), given_spans)


def chunks(items: Iterable[Any], size: int, chars: int = 0) -> Iterator[list[Any]]:
    """Lists of at most ``size`` items; with ``chars``, a list also ends once its articles' texts
    reach that many characters, so that partitions of long articles do not hold up the others."""
    chunk: list[Any] = []
    total = 0
    for item in items:
        chunk.append(item)
        total += len(item.text) if isinstance(item, Article) else 0
        if len(chunk) >= size or (chars and total >= chars):
            yield chunk
            chunk, total = [], 0
    if chunk:
        yield chunk
