"""Tests for eventwire.ingest.sources: files, directories, gzip, JSONL, decoding."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from eventwire.errors import DecodeError, DocumentError, InputError, RecordError
from eventwire.ingest.sources import iter_documents
from eventwire.models import RawDocument

DEMO = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "data" / "demo"


def _docs(*paths: Path) -> list[RawDocument]:
    results = list(iter_documents([str(p) for p in paths]))
    assert all(isinstance(r, RawDocument) for r in results), results
    return [r for r in results if isinstance(r, RawDocument)]


def test_text_file_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Headline\n\nBody sentence.\n", encoding="utf-8")
    [doc] = _docs(path)
    assert doc.kind == "text"
    assert doc.source == str(path)
    assert doc.content == "Headline\n\nBody sentence.\n"


def test_file_without_extension_is_text(tmp_path: Path) -> None:
    path = tmp_path / "story"
    path.write_text("Just words.", encoding="utf-8")
    [doc] = _docs(path)
    assert doc.kind == "text"


def test_html_by_extension_and_by_sniffing(tmp_path: Path) -> None:
    (tmp_path / "a.htm").write_text("<p>hello</p>", encoding="utf-8")
    (tmp_path / "b.txt").write_text("<!DOCTYPE html><html><body><p>hi</p></body></html>", encoding="utf-8")
    docs = _docs(tmp_path)
    assert [d.kind for d in docs] == ["html", "html"]


def test_jsonl_records_with_meta_and_extra_keys(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    records = [
        {
            "id": "a1",
            "text": "First.",
            "title": "T1",
            "date": "2020-12-23",
            "url": "http://x/1",
            "licence": "CC",
        },
        {"id": 7, "text": "Second."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n\n", encoding="utf-8")
    first, second = _docs(path)
    assert first.kind == "jsonl"
    assert first.content == "First."
    assert first.meta["id"] == "a1"
    assert first.meta["title"] == "T1"
    assert first.meta["date"] == "2020-12-23"
    assert first.meta["url"] == "http://x/1"
    assert first.source == f"{path}:1"
    assert second.meta["id"] == "7"
    assert second.source == f"{path}:2"


def test_jsonl_bad_lines_are_errors_and_batch_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(
        '{"id": "ok1", "text": "One."}\n{not json\n{"id": "no-text"}\n["a list"]\n'
        '{"id": "ok2", "text": "Two."}\n',
        encoding="utf-8",
    )
    results = list(iter_documents([str(path)]))
    assert len(results) == 5
    docs = [r for r in results if isinstance(r, RawDocument)]
    errors = [r for r in results if isinstance(r, RecordError)]
    assert [d.meta["id"] for d in docs] == ["ok1", "ok2"]
    assert [e.document for e in errors] == [f"{path}:2", f"{path}:3", f"{path}:4"]
    assert f"{path}:2" in str(errors[0])
    assert str(errors[0]).startswith("[E033]")


def test_gzip_kind_from_inner_name(tmp_path: Path) -> None:
    (tmp_path / "x.jsonl.gz").write_bytes(gzip.compress(b'{"id": "g", "text": "Zipped."}\n'))
    (tmp_path / "y.html.gz").write_bytes(gzip.compress(b"<p>page</p>"))
    (tmp_path / "z.txt.gz").write_bytes(gzip.compress("Caf\u00e9 text.".encode()))
    docs = _docs(tmp_path)
    assert [(d.kind, d.content) for d in docs] == [
        ("jsonl", "Zipped."),
        ("html", "<p>page</p>"),
        ("text", "Caf\u00e9 text."),
    ]
    assert docs[0].source == f"{tmp_path / 'x.jsonl.gz'}:1"


def test_corrupt_gzip_is_a_document_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt.gz"
    path.write_bytes(b"definitely not gzip")
    [result] = list(iter_documents([str(path)]))
    assert isinstance(result, DocumentError)
    assert result.document == str(path)


def test_directory_recursion_sorted_and_hidden_skipped(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("B", encoding="utf-8")
    (tmp_path / "a.txt").write_text("A", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("H", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("G", encoding="utf-8")
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "c.txt").write_text("C", encoding="utf-8")
    (tmp_path / "sub" / "deeper" / "d.txt").write_text("D", encoding="utf-8")
    (tmp_path / "README.md").write_text("docs", encoding="utf-8")
    assert [d.content for d in _docs(tmp_path)] == ["A", "B", "C", "D"]


def test_missing_path_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        list(iter_documents([str(tmp_path / "nope.txt")]))
    assert "nope.txt" in str(info.value)


def test_decoding_fallbacks(tmp_path: Path) -> None:
    (tmp_path / "a_bom.txt").write_bytes("\ufeffCaf\u00e9".encode())
    (tmp_path / "b_cp1252.txt").write_bytes("\u201cQuoted\u201d caf\u00e9".encode("cp1252"))
    (tmp_path / "c_latin1.txt").write_bytes(b"na\xefve \x81")
    docs = _docs(tmp_path)
    assert [d.content for d in docs] == ["Caf\u00e9", "\u201cQuoted\u201d caf\u00e9", "na\u00efve \x81"]


def test_binary_file_is_a_decode_error(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    [result] = list(iter_documents([str(path)]))
    assert isinstance(result, DecodeError)
    assert result.document == str(path)


def test_unreadable_file_is_a_document_error(tmp_path: Path) -> None:
    """A file that cannot be read (here a dangling link, unreadable even as root) is reported by name."""
    (tmp_path / "good.txt").write_text("Kenya and Uganda signed a trade deal on Monday.", encoding="utf-8")
    broken = tmp_path / "broken.txt"
    broken.symlink_to(tmp_path / "missing-target.txt")
    results = list(iter_documents([str(tmp_path)]))
    errors = [r for r in results if isinstance(r, DocumentError)]
    docs = [r for r in results if not isinstance(r, DocumentError)]
    assert len(docs) == 1
    assert len(errors) == 1
    assert errors[0].document == str(broken)


def test_bundled_demo_data_reads_cleanly() -> None:
    docs = _docs(DEMO)
    kinds = [d.kind for d in docs]
    assert kinds.count("text") == 1
    assert 12 <= kinds.count("jsonl") <= 14
    assert all(d.meta.get("licence") == "CC BY 2.5" for d in docs if d.kind == "jsonl")


def test_csv_collection_one_document_per_row(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_text(
        "url,date,title,text\n"
        'https://ex.org/1,2020-01-02,First,"Kenya and Uganda signed a trade deal.\nA second paragraph."\n'
        "https://ex.org/2,2020-01-03,Empty,\n"
        "https://ex.org/3,2020-01-04,Third,Chile recalled its ambassador.\n",
        encoding="utf-8",
    )
    items = list(iter_documents([str(path)]))
    assert [type(i).__name__ for i in items] == ["RawDocument", "RecordError", "RawDocument"]
    first = items[0]
    assert isinstance(first, RawDocument) and first.kind == "jsonl"
    assert first.meta == {"url": "https://ex.org/1", "date": "2020-01-02", "title": "First"}
    assert first.content.endswith("A second paragraph.") and first.source == f"{path}:3"
    assert isinstance(items[1], RecordError) and "empty 'text'" in items[1].reason


def test_csv_without_text_column_is_reported(tmp_path: Path) -> None:
    (tmp_path / "t.tsv").write_text("id\ttitle\n1\tx\n", encoding="utf-8")
    (err,) = list(iter_documents([str(tmp_path / "t.tsv")]))
    assert isinstance(err, RecordError) and "no text column" in err.reason


def test_csv_quote_left_open_is_reported(tmp_path: Path) -> None:
    (tmp_path / "u.csv").write_text(
        'id,text\nb1,"opens a quote\nb2,second row\nb3,third row\n', encoding="utf-8"
    )
    items = list(iter_documents([str(tmp_path / "u.csv")]))
    assert [type(i).__name__ for i in items] == ["RecordError"]
    assert "quote left open" in items[0].reason
