"""Ranked full-text search over the stored articles (SQLite FTS5, BM25 ranking, snippets)."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from eventwire.errors import QueryError
from eventwire.store.store import StoreReader, timeout_error

__all__ = ["MARK_END", "MARK_START", "RANK_WINDOW", "SearchHit", "fts_query", "search"]

MARK_START, MARK_END = "\x02", "\x03"  # highlight markers in snippets (rendered by the CLI / UI)
#: A query without filters ranks its newest matches only, at most this many (see _ranked_newest).
RANK_WINDOW = 20_000
_BM25 = "bm25(article_fts, 4.0, 1.0)"  # the title weighs four times the text
_COUNTRY = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True, slots=True)
class SearchHit:
    article_id: str
    title: str
    url: str | None
    published: str | None
    source_name: str
    snippet: str  # with MARK_START/MARK_END around matched terms
    score: float  # BM25 (lower is better in SQLite; reported negated: higher is better)

    def to_dict(self, marks: tuple[str, str] = ("<mark>", "</mark>")) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "title": self.title,
            "url": self.url,
            "published": self.published,
            "source_name": self.source_name,
            "snippet": self.snippet.replace(MARK_START, marks[0]).replace(MARK_END, marks[1]),
            "score": round(self.score, 4),
        }


_TOKEN = re.compile(r'"[^"]*"?|\(|\)|[^\s()"]+')
_OPERATORS = frozenset({"OR", "AND", "NOT"})
_PREFIX = re.compile(r"^\w+\*$")
_WORD = re.compile(r"\w")


def fts_query(query: str) -> str:
    """The user's query in valid FTS5 syntax: "phrases", OR/AND/NOT, parentheses and ``prefix*`` are
    kept; any other word is quoted, so that news terms with punctuation ("COVID-19", "U.S.", "Xi's")
    match as phrases instead of being read as FTS5 syntax.  What FTS5 would refuse is mended: an
    explicit AND joins a group to its neighbours ("U.S. (sanctions)"), operators with nothing on one
    side are dropped ("Kenya AND"), unmatched brackets are closed or dropped, a "word" without a
    letter or digit ("-") is left out.  "" when nothing is left."""
    query = query.replace("\x00", " ")  # FTS5 reads a NUL as the end of the string
    items: list[str] = []
    depth = 0

    def ends_operand() -> bool:
        return bool(items) and items[-1] not in _OPERATORS and items[-1] != "("

    def trim() -> None:  # no operator, no empty group at the end
        nonlocal depth
        while items and (items[-1] in _OPERATORS or items[-1] == "("):
            depth -= items.pop() == "("

    for token in _TOKEN.findall(query):
        if token in _OPERATORS:
            if ends_operand():
                items.append(token)
        elif token == "(":
            if ends_operand():
                items.append("AND")
            items.append("(")
            depth += 1
        elif token == ")":
            if depth == 0:
                continue
            trim()
            if depth > 0 and ends_operand():
                items.append(")")
                depth -= 1
        else:
            if _PREFIX.match(token):
                term = token
            else:
                inner = token.strip('"').replace('"', "") if token.startswith('"') else token.replace('"', "")
                if not _WORD.search(inner):  # no word at all ("-", "<"): FTS5 would match nothing
                    continue
                term = f'"{inner}"'
            if items and items[-1] == ")":  # FTS5 joins a group to a term only with an explicit AND
                items.append("AND")
            items.append(term)
    trim()
    return " ".join(items + [")"] * depth)


def search(
    reader: StoreReader,
    query: str,
    since: dt.date | None = None,
    until: dt.date | None = None,
    country: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> list[SearchHit]:
    """Articles matching ``query`` (words, "exact phrases", OR, AND, NOT, parentheses, prefix*), best
    first (BM25, the title weighted 4x; without filters, the first pages among the newest
    :data:`RANK_WINDOW` matches, a page past them among all); ``country`` keeps articles with an
    actor of that country (ISO3 or body code)."""
    if not query.strip():
        raise QueryError("search: empty query")
    if since and until and since > until:
        raise QueryError(f"search: --since {since} is after --until {until}")
    if not 0 < limit <= 1000:
        raise QueryError(f"--limit must be between 1 and 1000, not {limit}")
    match = fts_query(query)
    if not match:
        raise QueryError(f"search: nothing to search for in {query!r}")
    conditions = ["article_fts MATCH ?"]
    params: list[Any] = [match]
    if since:
        conditions.append("a.day >= ?")
        params.append(since.isoformat())
    if until:
        conditions.append("a.day <= ?")
        params.append(until.isoformat())
    if country:
        code = country.strip().upper()
        if not _COUNTRY.match(code):
            raise QueryError(f"--country: {country!r} is not a three-letter code")
        conditions.append("a.countries LIKE ?")
        params.append(f"% {code} %")
    try:
        if len(conditions) == 1 and offset + limit <= RANK_WINDOW:  # rank the newest matches only
            rows = _ranked_newest(reader, match, limit, offset)
        else:
            sql = (
                "SELECT a.article_id, a.title, a.url, a.published, a.source_name, "
                f"snippet(article_fts, 1, '{MARK_START}', '{MARK_END}', ' … ', 24), {_BM25} "
                "FROM article_fts JOIN articles a ON a.rowid = article_fts.rowid "
                f"WHERE {' AND '.join(conditions)} ORDER BY {_BM25} LIMIT ? OFFSET ?"
            )
            rows = reader.catalog.execute(sql, [*params, limit, offset]).fetchall()
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):  # stopped at the request's deadline (store.query_deadline)
            raise timeout_error() from exc
        raise QueryError(f"search: invalid query {query!r}: {exc}") from exc
    return [SearchHit(r[0], r[1], r[2], r[3], r[4], r[5], -float(r[6])) for r in rows]


def _ranked_newest(reader: StoreReader, match: str, limit: int, offset: int) -> list[Any]:
    """The page of the best matches among the :data:`RANK_WINDOW` most recently stored ones (all of
    them when fewer match): BM25 is computed per match, so a query that matches a large share of a
    big store would otherwise rank hundreds of thousands of articles.  Then the page's rows only are
    joined with their articles and given snippets."""
    con = reader.catalog
    cut = con.execute(
        "SELECT rowid FROM article_fts WHERE article_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
        (match, RANK_WINDOW - 1),
    ).fetchone()
    window = "AND rowid >= ?" if cut else ""
    top = con.execute(
        f"SELECT rowid, {_BM25} AS score FROM article_fts WHERE article_fts MATCH ? {window} "
        "ORDER BY score, rowid DESC LIMIT ? OFFSET ?",
        [match, *([cut[0]] if cut else []), limit, offset],
    ).fetchall()
    if not top:
        return []
    marks = ", ".join("?" * len(top))
    found = {
        r[0]: r[1:]
        for r in con.execute(
            "SELECT a.rowid, a.article_id, a.title, a.url, a.published, a.source_name, "
            f"snippet(article_fts, 1, '{MARK_START}', '{MARK_END}', ' … ', 24) "
            "FROM article_fts JOIN articles a ON a.rowid = article_fts.rowid "
            f"WHERE article_fts MATCH ? AND article_fts.rowid IN ({marks})",
            [match, *(r[0] for r in top)],
        )
    }
    return [(*found[rowid], score) for rowid, score in top if rowid in found]
