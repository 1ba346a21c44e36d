"""Quotations as an indexing stage: found while indexing, kept in ``quotes.sqlite3`` beside the index.

Why at index time: finding quotes costs ~1 ms an article (tokens, rules), which the indexing
workers absorb, while reading them back is one SQLite query; on demand, ``workbench quotes``
over 30,000 articles would first decompress every stored text. Who the speaker is, on the
other hand, is decided when quotes are read (``attribution``), from the entity mentions with
the user's curation applied, so merging or renaming an entity needs no re-indexing.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from workbench.core import sqlite
from workbench.core.compare.quotes import QuoteSpan, find_quotes
from workbench.core.ingest import Article

__all__ = ["QuoteRecord", "QuoteStage", "QuoteStore"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS quotes (
    article_id TEXT NOT NULL, path TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
    kind TEXT NOT NULL, verb_start INTEGER NOT NULL, verb_end INTEGER NOT NULL,
    window_start INTEGER NOT NULL, window_end INTEGER NOT NULL, head_start INTEGER NOT NULL,
    head_end INTEGER NOT NULL, title_start INTEGER NOT NULL, title_end INTEGER NOT NULL,
    text TEXT NOT NULL, verb TEXT NOT NULL, window TEXT NOT NULL, title TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes (article_id);
CREATE INDEX IF NOT EXISTS quotes_path ON quotes (path);
"""


class QuoteRecord(NamedTuple):
    """A quote as stored: where it is (``span``) and the texts the reader needs without the article."""

    span: QuoteSpan
    text: str
    verb: str
    window: str
    """The subject window's text (``span.window_start`` onwards)."""
    title: str
    """The words after another occurrence of the head's title (``span.title_start`` onwards)."""


def article_quotes(article: Article) -> list[QuoteRecord]:
    """The quotes of an article's content (boilerplate left out), with their texts."""
    text = article.text
    return [QuoteRecord(span, text[span.start:span.end], text[span.verb_start:span.verb_end],
                        text[span.window_start:span.window_end], text[span.title_start:span.title_end])
            for span in find_quotes(article.indexable_text())]


class QuoteStage:
    """The quotations of every indexed article. Stateless, so it pickles for free."""

    name = "quotes"
    version = 1
    """Bump when quote finding or speaker attribution changes."""

    def analyse(self, articles: Sequence[Article]) -> list[list[QuoteRecord]]:
        """Each article's quotes."""
        return [article_quotes(article) for article in articles]

    def terms(self, result: list[QuoteRecord]) -> Sequence[str]:
        """No search terms (speakers are linked when read, with the user's curation)."""
        return ()

    def open_store(self, index_dir: Path) -> QuoteStore:
        """The store (``quotes.sqlite3``) in the index folder."""
        return QuoteStore(index_dir)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))


class QuoteStore(sqlite.StageDatabase):
    """``quotes.sqlite3`` of one index folder. Thread-safe (one connection, a lock)."""

    DESCRIPTION = "the quotation store"
    SCHEMA = _SCHEMA
    FILENAME = "quotes.sqlite3"

    def replace(self, paths: Iterable[str], results: Sequence[tuple[str, str, list[QuoteRecord]]],
                generation: int) -> None:
        """After the Whoosh commit of ``generation``: drop the quotes of the files in ``paths``
        and of the articles in ``results``, then add ``results`` as (article id, path, quotes),
        in one durable transaction; applying it twice is harmless (index/stages.py). A large
        collection comes in several batches, so only the articles given are replaced."""
        with self._lock, sqlite.transaction(self._db):
            self._db.executemany("DELETE FROM quotes WHERE path = ?", [(path,) for path in set(paths)])
            self._db.executemany("DELETE FROM quotes WHERE article_id = ?", [(i,) for i, _, _ in results])
            self._db.executemany(
                "INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(article_id, path, *record.span, record.text, record.verb, record.window, record.title)
                 for article_id, path, records in results for record in records])
            sqlite.set_indexed_generation(self._db, generation)

    def quotes(self, article_ids: Collection[str] | None = None) -> dict[str, list[QuoteRecord]]:
        """Article id -> its quotes in text order; every article with quotes, or those of ``article_ids``."""
        columns = ("article_id, start, end, kind, verb_start, verb_end, window_start, window_end, head_start, "
                   "head_end, title_start, title_end, text, verb, window, title")
        with self._lock:
            if article_ids is None:
                rows = self._db.execute(f"SELECT {columns} FROM quotes ORDER BY rowid").fetchall()
            else:
                rows = []
                for article_id in article_ids:
                    rows += self._db.execute(f"SELECT {columns} FROM quotes WHERE article_id = ? ORDER BY start",
                                             (article_id,)).fetchall()
        found: dict[str, list[QuoteRecord]] = {}
        for row in rows:
            found.setdefault(row[0], []).append(QuoteRecord(QuoteSpan(*row[1:12]), *row[12:]))
        for records in found.values():
            records.sort(key=lambda record: record.span.start)
        return found
