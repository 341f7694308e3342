"""Tests for eventwire.extract.article: titles, datelines, furniture, HTML, JSONL."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from eventwire.errors import EmptyDocumentError
from eventwire.extract.article import extract_article, guess_language
from eventwire.ingest.sources import iter_documents
from eventwire.models import Article, RawDocument

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "src" / "eventwire" / "data" / "demo" / "china-russia-2020-12-23.txt"
TRAFILATURA_EVAL = REPO.parent / "shared" / "corpora" / "trafilatura-eval"

BODY = (
    "The foreign ministers of both countries met on Tuesday and agreed to expand cooperation.\n\n"
    "Officials said the talks would continue next month in the capital."
)


def _text(content: str, source: str = "page.txt") -> Article:
    return extract_article(RawDocument(source=source, kind="text", content=content))


def _record(content: str, **meta: str) -> Article:
    return extract_article(RawDocument(source="c.jsonl:3", kind="jsonl", content=content, meta=meta))


# --------------------------------------------------------------------------- seed


def test_seed_page_dump() -> None:
    [doc] = list(iter_documents([str(SEED)]))
    assert isinstance(doc, RawDocument)
    article = extract_article(doc)
    assert article.title == "China, Russia hail close ties, look forward to further cooperation"
    assert article.published == "2020-12-23T19:47"
    assert article.date_source == "updated-line"
    assert "Search Trends" not in article.text
    assert "Updated" not in article.text
    assert article.text.startswith("On Tuesday")
    assert article.text.endswith("spreads chaos in the world.")
    assert "\n\n" in article.text
    assert article.language == "en"
    normalised = " ".join(article.text.split()).lower()
    assert article.id == hashlib.sha1(normalised.encode()).hexdigest()[:16]


# --------------------------------------------------------------------------- datelines


def test_published_line_with_iso_time() -> None:
    article = _text(f"Ministers meet in Paris\nPublished: 2020-12-23 10:00\n\n{BODY}")
    assert article.title == "Ministers meet in Paris"
    assert article.published == "2020-12-23T10:00"
    assert article.date_source == "published-line"
    assert article.text == BODY


def test_published_time_first_form() -> None:
    article = _text(f"Ministers meet in Paris\nPublished 10:05, 22-Dec-2020\n\n{BODY}")
    assert article.published == "2020-12-22T10:05"


def test_most_recent_timestamp_wins() -> None:
    content = f"Ministers meet in Paris\nPublished 10:05, 22-Dec-2020\nUpdated 19:47, 23-Dec-2020\n\n{BODY}"
    article = _text(content)
    assert article.published == "2020-12-23T19:47"
    assert article.date_source == "updated-line"
    assert "Published" not in article.text and "Updated" not in article.text


def test_weekday_date_line() -> None:
    article = _text(f"Ministers meet in Paris\n\nFriday, January 4, 2019\n\n{BODY}")
    assert article.published == "2019-01-04"
    assert article.date_source == "weekday-line"
    assert article.text == BODY


def test_weekday_date_at_start_of_first_paragraph_is_stripped() -> None:
    article = _text(f"Ministers meet in Paris\n\nFriday, January 4, 2019 {BODY}")
    assert article.published == "2019-01-04"
    assert article.date_source == "weekday-prefix"
    assert article.text == BODY


def test_wire_dateline_with_date_takes_year_from_other_evidence() -> None:
    content = f"Ministers meet in Paris\nPublished: 2020-12-23 10:00\n\nBEIJING, Dec 22 (Reuters) - {BODY}"
    article = _text(content)
    assert article.text == BODY
    assert article.published == "2020-12-23T10:00"


def test_wire_dateline_takes_year_from_filename() -> None:
    article = _text(f"BEIJING, Dec 22 (Reuters) - {BODY}", source="/x/story-2021-01-03.txt")
    assert article.text == BODY
    assert article.published == "2020-12-22"  # the page's own date beats the file name
    assert article.date_source == "wire-dateline"


def test_wire_dateline_without_year_keeps_text_and_no_date() -> None:
    article = _text(f"BEIJING, Dec 22 (Reuters) - {BODY}")
    assert article.text == BODY
    assert article.title == ""
    assert article.published is None
    assert article.date_source is None


def test_ap_style_wire_dateline() -> None:
    article = _text(f"Ministers meet in Washington\n\nWASHINGTON (AP) — {BODY}")
    assert article.text == BODY


def test_body_starting_with_caps_word_is_not_a_dateline() -> None:
    body = "US - China talks resumed on Monday, officials said.\n\nMore meetings are planned."
    assert _text(body).text == body


def test_filename_date_is_last_resort() -> None:
    article = _text(f"Ministers meet in Paris\n\n{BODY}", source="/data/paris-2021-03-04.txt")
    assert article.published == "2021-03-04"
    assert article.date_source == "filename"


# --------------------------------------------------------------------------- title


def test_first_line_that_is_a_sentence_is_not_a_title() -> None:
    article = _text(BODY)
    assert article.title == ""
    assert article.text == BODY


def test_single_line_document_is_body_not_title() -> None:
    article = _text("Troops withdrew from the border area")
    assert article.title == ""
    assert article.text == "Troops withdrew from the border area"


# --------------------------------------------------------------------------- furniture


def test_furniture_is_removed_and_body_kept() -> None:
    content = (
        "Ministers meet in Paris\n"
        "Share\n\n"
        "We use cookies to give you the best experience on our website.\n"
        "Accept cookies\n\n"
        f"{BODY}\n\n"
        "Advertisement\n\n"
        "A third paragraph says the deal on cookies and other baked goods was signed.\n\n"
        "Follow us on Twitter and Facebook\n"
        "Copyright © 2020 Example News. All rights reserved.\n\n"
        "Related stories\n"
        "China and Russia sign deal\n"
        "Talks collapse in Geneva\n"
    )
    article = _text(content)
    assert article.title == "Ministers meet in Paris"
    expected = BODY + "\n\nA third paragraph says the deal on cookies and other baked goods was signed."
    assert article.text == expected


def test_search_trends_cuts_the_rest() -> None:
    content = f"Ministers meet in Paris\n\n{BODY}\n\nSearch Trends\nlong tail of trending words\n"
    assert _text(content).text == BODY


def test_read_more_followed_by_body_is_kept() -> None:
    long_paragraph = (
        "The minister added that " + "the negotiations were long and difficult, " * 6 + "he said."
    )
    content = f"Ministers meet in Paris\n\n{BODY}\n\nRead more\n\n{long_paragraph}"
    assert _text(content).text == f"{BODY}\n\nRead more\n\n{long_paragraph}"


def test_more_from_block_at_end_is_removed() -> None:
    content = f"Ministers meet in Paris\n\n{BODY}\n\nMore from World News\n\nA headline\n\nAnother headline\n"
    assert _text(content).text == BODY


# --------------------------------------------------------------------------- empty, id, language


@pytest.mark.parametrize(
    "content", ["", "   \n\n  ", "Share\n\nAdvertisement", "Updated 19:47, 23-Dec-2020\nShare\n"]
)
def test_empty_document_raises(content: str) -> None:
    with pytest.raises(EmptyDocumentError) as info:
        _text(content, source="empty.txt")
    assert info.value.document == "empty.txt"


def test_id_is_stable_under_whitespace_and_case() -> None:
    first = _text("Troops withdrew from the border.\n\nTalks continue.")
    second = _text("troops   withdrew from the BORDER.\n\n\n\nTalks continue.  ")
    assert first.id == second.id
    assert len(first.id) == 16


def test_language_guess() -> None:
    assert guess_language(BODY) == "en"
    german = (
        "Die Regierung hat am Montag mit der Opposition gesprochen und eine Einigung für das Land erzielt."
    )
    assert guess_language(german) == "de"
    french = "Le ministre a rencontré les représentants des deux pays pour une réunion sur la sécurité."
    assert guess_language(french) == "fr"
    assert guess_language("Hola") == "und"  # too short to tell: undetermined, coded


# --------------------------------------------------------------------------- jsonl


def test_jsonl_record_fields() -> None:
    article = _record(
        "Wednesday, January 23, 2019 Germany on Monday banned Iranian airline Mahan Air.",
        id="wn-1",
        title="Germany bans Mahan Air",
        date="2019-01-23",
        url="https://en.wikinews.org/wiki/X",
    )
    assert article.id == "wn-1"
    assert article.title == "Germany bans Mahan Air"
    assert article.published == "2019-01-23"
    assert article.date_source == "jsonl"
    assert article.url == "https://en.wikinews.org/wiki/X"
    assert article.source == "https://en.wikinews.org/wiki/X"
    assert article.text == "Germany on Monday banned Iranian airline Mahan Air."


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("2020-12-23", "2020-12-23"),
        ("2020-12-23T19:47:00Z", "2020-12-23T19:47"),
        ("23 Dec 2020", "2020-12-23"),
    ],
)
def test_jsonl_dates_are_normalised(given: str, expected: str) -> None:
    assert _record(BODY, date=given).published == expected


def test_jsonl_without_meta_uses_line_as_source_and_hash_id() -> None:
    article = _record(BODY)
    assert article.source == "c.jsonl:3"
    assert article.url is None
    assert article.published is None
    assert len(article.id) == 16


def test_jsonl_title_repeated_in_text_is_dropped() -> None:
    article = _record(f"Ministers meet in Paris\n\n{BODY}", title="Ministers meet in Paris")
    assert article.text == BODY


def test_jsonl_end_to_end_with_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    good = {"id": "r1", "title": "T", "date": "2021-06-16", "text": BODY}
    path.write_text(json.dumps(good) + "\n{oops\n", encoding="utf-8")
    articles = [extract_article(d) for d in iter_documents([str(path)]) if isinstance(d, RawDocument)]
    assert [a.id for a in articles] == ["r1"]
    assert articles[0].source == f"{path}:1"


def test_bundled_wikinews_demo_extracts() -> None:
    path = SEED.parent / "wikinews-2019-2020.jsonl"
    articles = [extract_article(d) for d in iter_documents([str(path)]) if isinstance(d, RawDocument)]
    assert 12 <= len(articles) <= 14
    for article in articles:
        assert article.title and article.published and article.url
        assert not article.text.startswith(("Monday", "Tuesday", "Wednesday", "Thursday, January", "Friday"))


# --------------------------------------------------------------------------- html

PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>Leaders meet in Geneva | Example News</title>
<meta property="og:title" content="Leaders meet in Geneva">
<meta property="article:published_time" content="2021-06-16T14:30:00+02:00">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Leaders meet in Geneva</h1>
<p>The presidents of the United States and Russia met in Geneva on Wednesday for their first summit.</p>
<p>Both sides described the talks as constructive and agreed to return their ambassadors to their posts.</p>
<p>The two leaders also agreed to begin a dialogue on strategic stability, according to a joint statement.</p>
</article>
<footer><p>Copyright © 2021 Example News. All rights reserved.</p></footer>
</body></html>
"""


def test_html_page(tmp_path: Path) -> None:
    path = tmp_path / "geneva.html"
    path.write_text(PAGE, encoding="utf-8")
    [doc] = list(iter_documents([str(path)]))
    assert isinstance(doc, RawDocument)
    article = extract_article(doc)
    assert article.title == "Leaders meet in Geneva"
    assert article.text.startswith("The presidents of the United States and Russia met in Geneva")
    assert "strategic stability" in article.text
    assert "\n\n" in article.text
    assert "Home" not in article.text
    assert "Copyright" not in article.text
    assert article.published == "2021-06-16T14:30"
    assert article.date_source == "htmldate"
    assert article.source == str(path)


def test_html_date_without_time_is_date_only() -> None:
    page = PAGE.replace("2021-06-16T14:30:00+02:00", "2021-06-16")
    article = extract_article(RawDocument(source="p.html", kind="html", content=page))
    assert article.published == "2021-06-16"


def test_empty_html_raises() -> None:
    with pytest.raises(EmptyDocumentError):
        extract_article(RawDocument(source="e.html", kind="html", content="<html><body></body></html>"))


def test_trafilatura_eval_corpus_pages_can_be_read() -> None:
    html_dir = TRAFILATURA_EVAL / "html"
    if not html_dir.is_dir():
        pytest.skip("shared trafilatura-eval corpus not available")
    gold = json.loads((TRAFILATURA_EVAL / "evaldata.subset.json").read_text(encoding="utf-8"))
    by_file = {entry["file"] + ".gz": entry for entry in gold.values()}
    files = sorted(html_dir.iterdir())[:12]
    dates_right = 0
    for path in files:
        [doc] = list(iter_documents([str(path)]))
        assert isinstance(doc, RawDocument) and doc.kind == "html"
        article = extract_article(doc)
        assert article.text and article.title
        dates_right += (article.published or "")[:10] == by_file[path.name]["date"]
    assert dates_right >= len(files) * 2 // 3


def test_cookie_policy_heading_and_notice_are_removed() -> None:
    content = (
        "Japan and Australia sign defence pact\nPublished: 2022-01-06 09:30\n\n"
        "Japan and Australia signed a defence treaty on Thursday.\n\n"
        "Cookie policy\nWe use cookies to improve your experience.\n"
    )
    article = extract_article(RawDocument(source="pact.txt", kind="text", content=content))
    assert "ookie" not in article.text
    assert article.text.startswith("Japan and Australia signed")


def test_wire_dateline_with_a_year_gives_the_date() -> None:
    content = (
        "Kenya and Tanzania agree on railway\n\n"
        "NAIROBI, March 3, 2024 (Reuters) - Kenya and Tanzania agreed on Saturday to build a railway.\n"
    )
    article = extract_article(RawDocument(source="k.txt", kind="text", content=content))
    assert article.published == "2024-03-03"
    assert article.date_source == "wire-dateline"
    assert article.text.startswith("Kenya and Tanzania agreed")
