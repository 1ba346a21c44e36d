"""The entity catalog: every entity mention of every indexed article, beside the Whoosh index.

``entities.sqlite3`` lives in the index folder because it is derived data, exactly like the
index: it is deleted when the index is rebuilt and refilled by indexing. (The user's curation
is NOT here but in the per-corpus store, userdata/store.py, so it survives rebuilds.) This
module only stores and reads; extraction.py finds the mentions, stage.py connects the two to
the indexer.

The indexer writes it right AFTER the Whoosh commit that indexed the same articles and before
the manifest records that commit (index/manifest.py); a run stopped in between is completed
by replaying the same ``replace`` from the manifest's journal, so ``replace`` is idempotent
(it deletes the rows of the files and articles it is about to add) and durable, and
``meta.indexed_generation`` says which index generation the catalog matches.

Layout, normalised because a large corpus has about a million mentions that repeat a few tens
of thousands of spellings:

- ``articles(id, article_id, path)``: one row per article that has mentions;
- ``forms(id, type, text, key, link)``: one row per distinct (type, original text, key, link);
- ``mentions(article, form, start, end)``: offsets into the article's ORIGINAL text.

``key`` is the matching form of the name (``arabic.name_key``); ``link`` is the key of the longer
name the mention was linked to inside its article (لافروف after سيرغي لافروف), else ``key``
(see merge.link_in_article). ``meta.generation`` grows with every write, so readers can cache.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

from workbench.core import sqlite
from workbench.core.entities.extraction import CatalogMention

__all__ = ["EntityCatalog"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS derived (name TEXT PRIMARY KEY, generation INTEGER NOT NULL, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY, article_id TEXT NOT NULL UNIQUE, path TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_path ON articles (path);
CREATE TABLE IF NOT EXISTS forms (
    id INTEGER PRIMARY KEY, type TEXT NOT NULL, text TEXT NOT NULL, key TEXT NOT NULL, link TEXT NOT NULL,
    UNIQUE (type, text, key, link)
);
CREATE TABLE IF NOT EXISTS mentions (
    article INTEGER NOT NULL, form INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions (article);
"""


class EntityCatalog(sqlite.StageDatabase):
    """Read and write ``entities.sqlite3`` of one index folder. Thread-safe (one connection, a lock)."""

    DESCRIPTION = "the entity catalog"
    SCHEMA = _SCHEMA
    FILENAME = "entities.sqlite3"

    def __init__(self, index_dir: Path) -> None:
        super().__init__(index_dir)
        self._forms: dict[tuple[str, str, str, str], int] | None = None
        """Form -> row number, read on the first write: opening the catalog to read or to check it
        (every open of a corpus) does not pay for it (0.28 s on 30,000 articles)."""

    def replace(self, paths: Iterable[str], articles: Sequence[tuple[str, str, Sequence[CatalogMention]]],
                generation: int) -> None:
        """After the Whoosh commit of ``generation``: drop every row of the files in ``paths``
        and of the articles in ``articles``, then add ``articles`` as (article id, path,
        mentions), in one durable transaction (see the module docstring)."""
        with self._lock:
            try:
                self._replace(paths, articles, generation)
            except BaseException:
                self._forms = None  # rows added by the rolled-back transaction are gone: read them again
                raise

    def _replace(self, paths: Iterable[str], articles: Sequence[tuple[str, str, Sequence[CatalogMention]]],
                 generation: int) -> None:
        with sqlite.transaction(self._db):
            for path in set(paths):
                self._db.execute("DELETE FROM mentions WHERE article IN (SELECT id FROM articles WHERE path = ?)",
                                 (path,))
                self._db.execute("DELETE FROM articles WHERE path = ?", (path,))
            ids = [(article_id,) for article_id, _, _ in articles]
            self._db.executemany("DELETE FROM mentions WHERE article IN (SELECT id FROM articles WHERE article_id = ?)",
                                 ids)
            self._db.executemany("DELETE FROM articles WHERE article_id = ?", ids)
            rows = []
            for article_id, path, mentions in articles:
                if not mentions:
                    continue
                number = self._db.execute("INSERT INTO articles (article_id, path) VALUES (?, ?)",
                                          (article_id, path)).lastrowid
                rows += [(number, self._form(m), m.start, m.end) for m in mentions]
            self._db.executemany("INSERT INTO mentions (article, form, start, end) VALUES (?, ?, ?, ?)", rows)
            self._db.execute("INSERT INTO meta (key, value) VALUES ('generation', '1') ON CONFLICT (key) "
                             "DO UPDATE SET value = CAST(value AS INTEGER) + 1")
            sqlite.set_indexed_generation(self._db, generation)

    def _form(self, mention: CatalogMention) -> int:
        if self._forms is None:
            self._forms = {(row[1], row[2], row[3], row[4]): row[0] for row in self._db.execute("SELECT * FROM forms")}
        form = (mention.type, mention.text, mention.key, mention.link)
        number = self._forms.get(form)
        if number is None:
            cursor = self._db.execute("INSERT INTO forms (type, text, key, link) VALUES (?, ?, ?, ?)", form)
            number = self._forms[form] = int(cursor.lastrowid or 0)
        return number

    # -- reading (the entity service) -----------------------------------------------------

    def forms(self) -> list[tuple[int, str, str, str, str]]:
        """Every (form id, type, text, key, link)."""
        with self._lock:
            return self._db.execute("SELECT id, type, text, key, link FROM forms").fetchall()

    def article_ids(self) -> dict[int, str]:
        """Article number -> article id, for the articles that have mentions."""
        with self._lock:
            return dict(self._db.execute("SELECT id, article_id FROM articles").fetchall())

    def form_counts(self) -> list[tuple[int, int, int]]:
        """(article number, form id, mentions) for every form used in every article."""
        with self._lock:
            return self._db.execute(
                "SELECT article, form, COUNT(*) FROM mentions GROUP BY article, form").fetchall()

    def derived(self, name: str, generation: int) -> bytes | None:
        """Data a reader computed from this catalog at ``generation`` and saved, if still current."""
        with self._lock:
            row = self._db.execute("SELECT generation, data FROM derived WHERE name = ?", (name,)).fetchone()
        return bytes(row[1]) if row is not None and row[0] == generation else None

    def save_derived(self, name: str, generation: int, data: bytes) -> None:
        """Keep data computed from the catalog at ``generation`` (does not count as a catalog write).

        Best effort: while another process writes the catalog, the database may be locked,
        and the data is simply computed again next time.
        """
        try:
            with self._lock, sqlite.transaction(self._db):
                self._db.execute("INSERT INTO derived (name, generation, data) VALUES (?, ?, ?) ON CONFLICT (name) "
                                 "DO UPDATE SET generation = excluded.generation, data = excluded.data",
                                 (name, generation, data))
        except sqlite3.OperationalError:
            return

    def article_mentions(self, article_id: str) -> list[tuple[int, int, int]]:
        """(start, end, form id) of the mentions of one article, in text order."""
        with self._lock:
            return self._db.execute(
                "SELECT m.start, m.end, m.form FROM mentions m JOIN articles a ON a.id = m.article "
                "WHERE a.article_id = ? ORDER BY m.start", (article_id,)).fetchall()
