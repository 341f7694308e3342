"""Bad input (issue: reliability): a corpus of dirty documents generated here, one of each kind a
news feed delivers, ingested in one run beside good articles.  Zero crashes, every bad document
reported with its code and reason (in the summary, in the store and by ``eventwire failures``),
every good document stored."""

from __future__ import annotations

import dataclasses
import gzip
import io
import json
import os
import random
from pathlib import Path

import pytest

from eventwire.cli.main import main
from eventwire.errors import DOCUMENT_ERRORS
from eventwire.pipeline import Pipeline
from eventwire.store import StoreReader
from eventwire.store.ingest import ingest

LIMIT = 60_000  # max_document_bytes for this corpus

GOOD = {
    "kenya.txt": "Kenya accuses Uganda over border raid\n\nNAIROBI, May 6 - Kenya's foreign ministry "
    "accused Uganda on Monday of sending troops across the border near Busia. Uganda's government "
    "denied the charge and said it wanted talks.\n",
    "japan.html": "<html><head><title>Japan and India sign defence pact</title></head><body><article>"
    "<h1>Japan and India sign defence pact</h1><p>Japan and India signed a defence cooperation "
    "agreement in Tokyo on Tuesday, the two governments said.</p><p>The Japanese prime minister "
    "praised the agreement as a milestone for both countries.</p></article></body></html>",
}
GERMAN = (
    "Der Außenminister hat am Montag in Berlin gesagt, dass die Regierung die Gespräche mit Russland "
    "fortsetzen wird. Die Opposition kritisierte die Entscheidung und forderte eine Debatte im "
    "Bundestag. Nach Angaben des Ministeriums soll das nächste Treffen im Frühjahr stattfinden."
)
CHINESE = (
    "外交部发言人表示，中国和俄罗斯将在新的一年里继续加强全面战略协作伙伴关系，双方外长通电话讨论了双边关系。"
    * 2
)
RUN_ON = "Kenya accused Uganda and " * 80  # 320 tokens without punctuation, with actors and a trigger


def _write_corpus(root: Path) -> tuple[dict[str, str], int]:
    """Write the corpus; return {document source suffix: expected error code} and the number of
    good articles (each stored)."""
    root.mkdir()
    expected: dict[str, str] = {}
    good = 0
    for name, text in GOOD.items():
        (root / name).write_text(text, "utf-8")
        good += 1
    # wrong or unusual encodings of good English text: decoded, not refused
    cp1252 = "Brazil's president condemned the attack on Monday, calling it \u201ccowardly\u201d.\n"
    (root / "cp1252.txt").write_bytes(("Brazil condemns attack\n\n" + cp1252).encode("cp1252"))
    (root / "utf16.txt").write_bytes(
        ("Chile protests\n\n" + cp1252.replace("Brazil", "Chile")).encode("utf-16")
    )
    good += 2
    # a long run-on line beside a real sentence: the run-on is not parsed, the article is stored
    (root / "runon.txt").write_text(f"Peru protests\n\n{RUN_ON}\n\nPeru recalled its ambassador.\n", "utf-8")
    good += 1
    # broken HTML around a real paragraph: extracted
    (root / "broken.html").write_text(
        "<html><body><div><p>Egypt and Sudan agreed on Sunday to resume talks on the dam, the two "
        "foreign ministries said.<div><span><b>unclosed <i>tags <table><tr><td>cell",
        "utf-8",
    )
    good += 1
    expected["empty.txt"] = "E032"
    (root / "empty.txt").write_bytes(b"")
    expected["blank.txt"] = "E032"
    (root / "blank.txt").write_text("   \n\n\t  \n", "utf-8")
    expected["junk.txt"] = "E031"
    (root / "junk.txt").write_bytes(random.Random(7).randbytes(4000))
    expected["nul.html"] = "E031"
    (root / "nul.html").write_bytes(b"<html>\x00\x01\x02\x03" * 100)
    expected["scripts.html"] = "E032"  # a page with no article text at all
    (root / "scripts.html").write_text("<html><head><script>var a = 1;</script></head><body></body></html>")
    expected["huge.html"] = "E034"
    (root / "huge.html").write_text("<html><body>" + "<p>Filler text.</p>" * 5000 + "</body></html>")
    expected["bomb.txt.gz"] = "E034"  # decompresses far beyond the limit
    (root / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * (LIMIT * 50)))
    expected["truncated.txt.gz"] = "E036"
    (root / "truncated.txt.gz").write_bytes(gzip.compress(GOOD["kenya.txt"].encode() * 20)[:-30])
    expected["notgzip.txt.gz"] = "E036"
    (root / "notgzip.txt.gz").write_bytes(b"this is not gzip at all")
    expected["truncated.warc#1:https://example.org/a"] = "E036"
    (root / "truncated.warc").write_bytes(_warc(GOOD["japan.html"])[:-200])
    expected["german.txt"] = "E035"
    (root / "german.txt").write_text(f"Außenminister in Berlin\n\n{GERMAN}\n", "utf-8")
    expected["chinese.html"] = "E035"
    (root / "chinese.html").write_text(f"<html><body><article><p>{CHINESE}</p></article></body></html>")
    expected["dangling.txt"] = "E037"
    os.symlink(root / "does-not-exist.txt", root / "dangling.txt")
    records = [
        json.dumps({"id": "ok-1", "text": "Ghana and Togo signed a trade agreement in Accra on Friday."}),
        '{"id": "bad-json", "text": ',
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "big", "text": "Word " * (LIMIT // 4)}),
        json.dumps({"id": "ok-2", "text": "Ghana's president met Nigeria's president in Abuja on Thursday."}),
    ]
    (root / "feed.jsonl").write_text("\n".join(records) + "\n", "utf-8")
    expected.update({"feed.jsonl:2": "E033", "feed.jsonl:3": "E033", "feed.jsonl:4": "E033"})
    expected["feed.jsonl:5"] = "E034"
    good += 2
    (root / "table.csv").write_text(
        'id,text\na1,"Mali accused France of spying on Monday."\na2,"open quote\n'
    )
    expected["table.csv:3"] = "E033"  # "invalid CSV from this line on"
    good += 1
    return expected, good


def _warc(html: str) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    payload = io.BytesIO(html.encode("utf-8"))
    writer.write_record(
        writer.create_warc_record("https://example.org/a", "response", payload=payload, http_headers=headers)
    )
    return out.getvalue()


@pytest.fixture(scope="module")
def dirty(tmp_path_factory, pipeline):  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("bad-input")
    expected, good = _write_corpus(root / "corpus")
    limited = Pipeline(dataclasses.replace(pipeline.settings, max_document_bytes=LIMIT), pipeline.resources)
    summary = ingest([str(root / "corpus")], root / "store", limited)
    assert limited.nlp.sentences_too_long >= 1  # the 400-token run-on line was not parsed
    return root, expected, good, summary


def test_every_bad_document_is_reported_with_its_code(dirty) -> None:  # type: ignore[no-untyped-def]
    root, expected, _, summary = dirty
    got = {f["source"].removeprefix(str(root / "corpus") + "/"): f for f in summary.failures}
    assert {k: f["code"] for k, f in got.items()} == expected
    assert all(f["reason"] and f["source"] for f in summary.failures)
    assert "German (de)" in got["german.txt"]["reason"] and "Chinese (zh)" in got["chinese.html"]["reason"]
    assert "max_document_bytes" in got["huge.html"]["reason"]
    codes = {cls.code for cls in DOCUMENT_ERRORS}
    assert set(expected.values()) <= codes


def test_every_good_document_is_stored(dirty) -> None:  # type: ignore[no-untyped-def]
    root, expected, good, summary = dirty
    assert summary.stored == good and summary.failed == len(expected)
    with StoreReader(root / "store") as reader:
        stored = reader.catalog.execute("SELECT count(*) FROM articles").fetchone()[0]
        texts = [r[0] for r in reader.catalog.execute("SELECT text FROM articles").fetchall()]
    assert stored == good
    for sentence in ("Peru recalled its ambassador", "Egypt and Sudan agreed", "Brazil's president", "Chile"):
        assert any(sentence in t for t in texts), sentence


def test_failures_are_queryable_later(dirty, capsys) -> None:  # type: ignore[no-untyped-def]
    root, expected, _, _ = dirty
    assert main(["failures", "--store", str(root / "store"), "--json"]) == 0
    out = capsys.readouterr().out
    rows = [json.loads(line) for line in out.splitlines()]
    assert {r["source"].removeprefix(str(root / "corpus") + "/"): r["code"] for r in rows} == expected


def test_a_rerun_adds_nothing_and_reports_again(dirty, pipeline) -> None:  # type: ignore[no-untyped-def]
    root, expected, _, _ = dirty
    limited = Pipeline(dataclasses.replace(pipeline.settings, max_document_bytes=LIMIT), pipeline.resources)
    again = ingest([str(root / "corpus")], root / "store", limited)
    assert again.stored == 0 and again.failed == len(expected)


def test_a_parse_that_crashes_fails_only_its_article(pipeline) -> None:  # type: ignore[no-untyped-def]
    """spaCy (or the selective parse) raising on one article of a batch: that article is a
    CodingError (E038) naming the reason; the others of the batch are coded as usual."""
    from eventwire.errors import CodingError
    from eventwire.models import Article

    class Fragile:
        def __init__(self, real: object) -> None:
            self.real = real

        def _check(self, text: str) -> None:
            if "BOOM" in text:
                raise RuntimeError("tokenizer exploded")

        def pipe(self, pairs, **kwargs):  # type: ignore[no-untyped-def]
            pairs = list(pairs)
            for text, _ in pairs:
                self._check(text)
            return self.real.pipe(pairs, **kwargs)  # type: ignore[attr-defined]

        def __call__(self, text: str) -> object:
            self._check(text)
            return self.real(text)  # type: ignore[operator]

    fragile = Pipeline(pipeline.settings, pipeline.resources)
    fragile._nlp = Fragile(pipeline.nlp)  # type: ignore[assignment]
    texts = [
        "Kenya accused Uganda of a border raid on Monday.",
        "BOOM goes the parser.",
        "Japan praised India.",
    ]
    arts = [Article(str(i), "", t, f"<{i}>", "2024-05-06") for i, t in enumerate(texts)]
    out = list(fragile.code_articles(arts))
    assert [type(o).__name__ for o in out] == ["CodedArticle", "CodingError", "CodedArticle"]
    assert isinstance(out[1], CodingError) and out[1].code == "E038" and "tokenizer exploded" in out[1].reason
    assert out[0].events and out[0].events == next(iter(pipeline.code_articles(arts[:1]))).events  # type: ignore[union-attr]


REUTERS_TABLE = (
    "Shr 1.20 dlrs vs 1.10 dlrs\n    Net 3,400,000 vs 2,900,000\n    Revs 45.6 mln vs 40.1 mln\n"
    "    Nine mths\n    Shr 3.05 dlrs vs 2.80 dlrs\n    Net 8,700,000 vs 7,900,000\n"
    "    Revs 131.2 mln vs 118.4 mln\n    NOTE: Company's 1986 results restated for Acme Corp, "
    "Globex Industries, Initech Holdings and Umbrella Bancorp acquisitions.\n Reuter\n"
)
NAMES = "Wang Yi, Sergey Lavrov, Antony Blinken, Josep Borrell, Annalena Baerbock, Catherine Colonna, " * 3


@pytest.mark.parametrize("text", [REUTERS_TABLE, NAMES, "Lavrov Wang Yi", GOOD["kenya.txt"]])
def test_english_tables_names_and_news_are_not_refused(text: str) -> None:
    from eventwire.extract.article import guess_language

    assert guess_language(text) in {"en", "und"}


def test_languages_follow_the_configured_pipeline() -> None:
    from eventwire.errors import LanguageError
    from eventwire.models import Limits, RawDocument
    from eventwire.pipeline import extract_all

    docs = [
        RawDocument("de", "text", f"Berlin\n\n{GERMAN}"),
        RawDocument("en", "text", GOOD["kenya.txt"]),
        RawDocument("table", "text", REUTERS_TABLE),
    ]
    german = [type(x).__name__ for x in extract_all(docs, Limits(languages=frozenset({"de"})))]
    assert german == ["Article", "LanguageError", "Article"]  # undetermined passes
    every = list(extract_all(docs, Limits(languages=frozenset({"xx"}))))
    assert not any(isinstance(x, LanguageError) for x in every)


TABLE_STORY = (
    "Kenya and Uganda agreed on Monday to reopen the border crossing at Busia. The two governments "
    "said trade would resume within a week.\n\n"
    + "USA 123 456 789 CHN 234 567 890 RUS 345 678 901 GBR 456 789 012 FRA 567 890 123\n" * 6
    + "\nOfficials from both countries will meet again in Kampala next month.\n"
)


def test_an_english_story_with_a_table_dump_is_not_refused() -> None:
    from eventwire.extract.article import guess_language
    from eventwire.models import RawDocument
    from eventwire.pipeline import extract_all

    assert guess_language(TABLE_STORY) in {"en", "und"}
    [article] = list(extract_all([RawDocument("story.txt", "text", TABLE_STORY)]))
    assert type(article).__name__ == "Article"


def test_languages_must_include_the_pipelines_own(pipeline) -> None:  # type: ignore[no-untyped-def]
    from eventwire.errors import ConfigError

    german_only = Pipeline(dataclasses.replace(pipeline.settings, languages="de"), pipeline.resources)
    with pytest.raises(ConfigError, match="leaves out the language of the spaCy pipeline"):
        german_only.check_model()
    assert main(["code", "--languages", "de", str(Path(__file__))]) == 2
    Pipeline(dataclasses.replace(pipeline.settings, languages="en,de"), pipeline.resources).check_model()


def test_an_html_fragment_is_read() -> None:
    from eventwire.extract.article import extract_article
    from eventwire.models import RawDocument

    fragment = (
        "<p>Nigeria accused Cameroon of border raids on Monday.<p>Cameroon denied it.<script>x=1</script>"
    )
    article = extract_article(RawDocument("frag.html", "html", fragment))
    assert "Nigeria accused Cameroon" in article.text and "Cameroon denied it" in article.text
    assert "x=1" not in article.text


def test_the_size_limit_is_exact_for_plain_files(tmp_path: Path) -> None:
    from eventwire.ingest.sources import iter_documents
    from eventwire.models import Limits

    (tmp_path / "at.txt").write_text("a" * 300)
    (tmp_path / "over.txt").write_text("a" * 301)
    got = {Path(x.source if hasattr(x, "source") else x.document).name: type(x).__name__  # type: ignore[union-attr]
           for x in iter_documents([str(tmp_path)], Limits(max_document_bytes=300))}  # fmt: skip
    assert got == {"at.txt": "RawDocument", "over.txt": "TooLargeError"}


def test_failures_name_files_absolutely_and_clear_once_stored(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    """A failure is recorded under the file's absolute path (whatever directory the command ran in)
    and disappears once the document is stored, by name or as a duplicate of a stored copy."""
    monkeypatch.chdir(tmp_path)
    store = str(tmp_path / "store")
    Path("a.txt").write_text(f"Paris\n\n{GERMAN}\n", "utf-8")
    Path("b.txt").write_text(f"Paris\n\n{GERMAN}\n", "utf-8")
    assert main(["ingest", "a.txt", "b.txt", "--store", store, "--json"]) == 1
    summary = json.loads(capsys.readouterr().out)
    assert {f["source"] for f in summary["failures"]} == {str(tmp_path / "a.txt"), str(tmp_path / "b.txt")}
    assert main(["ingest", "a.txt", "--store", store, "--languages", "xx", "--json"]) == 0
    capsys.readouterr()
    assert main(["ingest", str(tmp_path / "b.txt"), "--store", store, "--languages", "xx", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["duplicates"] == 1
    assert main(["failures", "--store", store]) == 0
    assert capsys.readouterr().out == "no failures recorded in this store\n"
