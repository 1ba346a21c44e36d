"""The user's work on articles: named selections, tags and a note per article.

Everything is keyed by the article id (the file's path in the corpus, or ``file#N`` for a record
of a collection file), never by anything the index assigns, so it survives re-indexing, a
changed file that keeps its id, a rebuilt index and an upgrade. When the user marks an
article, what it was (path, title, source, date) is recorded beside the marks, so an article
whose file disappeared keeps its tags, note and selections and is shown as missing, with its
title, instead of vanishing.

Tags and selection names are matched by their normalised key (``arabic.name_key``): هدنة,
هُدنة and هدنه are one tag, "Aleppo truce" and "aleppo  truce" one selection; each keeps the
spelling the user first gave it.

Every change is one transaction of the store (committed at once, write-ahead log) that bumps
the store's generation, which a view compares to know when to refresh (``generation()``).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.core.arabic import name_key
from workbench.core.errors import AnnotationError
from workbench.core.messages import translatable

if TYPE_CHECKING:
    from workbench.core.userdata.store import Store

__all__ = ["HAS_VALUES", "AnnotatedArticle", "AnnotationError", "Annotations", "ArticleLookup", "ArticleMarks",
           "ArticleRecord", "Selection", "add_annotation_tables"]

HAS_VALUES = ("note", "tag", "selection")
"""What ``has:`` can ask for: articles with a note, with any tag, in any selection."""
FEW_ARTICLES = 500
"""Up to this many articles' marks are read by id; more by reading every mark (one pass)."""


def add_annotation_tables(db: sqlite3.Connection) -> None:
    """Store migration: the tables of selections, tags and notes (and what marked articles were)."""
    for statement in (
        ("CREATE TABLE article_records (article_id TEXT PRIMARY KEY, path TEXT NOT NULL, title TEXT NOT NULL, "
         "source TEXT NOT NULL, date TEXT NOT NULL)"),
        ("CREATE TABLE selections (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, key TEXT NOT NULL "
         "UNIQUE, created TEXT NOT NULL)"),
        ("CREATE TABLE selection_articles (selection INTEGER NOT NULL REFERENCES selections (id) ON DELETE CASCADE, "
         "article_id TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (selection, article_id))"),
        "CREATE INDEX selection_articles_article ON selection_articles (article_id)",
        ("CREATE TABLE tags (article_id TEXT NOT NULL, key TEXT NOT NULL, tag TEXT NOT NULL, seq INTEGER NOT NULL, "
         "PRIMARY KEY (article_id, key))"),
        "CREATE INDEX tags_key ON tags (key)",
        ("CREATE TABLE notes (article_id TEXT PRIMARY KEY, text TEXT NOT NULL, updated TEXT NOT NULL, "
         "seq INTEGER NOT NULL)"),
    ):
        db.execute(statement)


@dataclass(frozen=True)
class ArticleRecord:
    """What an article was when the user last marked it: shown if its file disappears."""

    id: str
    path: str
    title: str
    source: str
    date: str


ArticleLookup = Callable[[Collection[str]], dict[str, ArticleRecord]]
"""The records of those of the given ids that are in the index now (the workspace asks the index)."""


@dataclass(frozen=True)
class Selection:
    """A named set of articles."""

    name: str
    articles: int
    """Articles in it, missing ones included."""
    created: str
    """When it was made, ISO date and time (local)."""


@dataclass(frozen=True)
class ArticleMarks:
    """The user's marks on one article, as a view shows them beside the article."""

    tags: tuple[str, ...]
    note: str
    selections: tuple[str, ...]
    """The names of the selections it is in, by name."""


@dataclass(frozen=True)
class AnnotatedArticle:
    """An article with the user's marks on it; ``missing`` when it is no longer in the index."""

    record: ArticleRecord
    tags: tuple[str, ...]
    note: str
    selections: tuple[str, ...]
    missing: bool


class Annotations:
    """Selections, tags and notes of one corpus, in its store; safe to share between threads.

    ``lookup`` tells which article ids are in the index now, with their metadata: marking an
    id that is not there is refused (a typo), and reading marks tells which articles are missing.
    """

    def __init__(self, store: Store, lookup: ArticleLookup) -> None:
        self._store = store
        self._lookup = lookup

    def generation(self) -> int:
        """Grows with every change (from any process): a view is current while it is unchanged."""
        return self._store.generation()

    # -- tags -------------------------------------------------------------------------------

    def tag(self, article_ids: Sequence[str], tags: Sequence[str]) -> None:
        """Add ``tags`` to each of the articles (a tag it already has stays as it is)."""
        keyed = _keyed(tags, translatable("A tag needs at least one letter or digit: '{name}' has none."))
        records = self._records(article_ids)
        with self._store.writing() as (db, seq):
            _remember(db, records)
            db.executemany("INSERT INTO tags (article_id, key, tag, seq) VALUES (?, ?, ?, ?) "
                           "ON CONFLICT (article_id, key) DO NOTHING",
                           [(record.id, key, tag, seq) for record in records for key, tag in keyed.items()])

    def untag(self, article_ids: Sequence[str], tags: Sequence[str]) -> None:
        """Remove ``tags`` (in any spelling with the same key) from the articles."""
        keys = [name_key(tag) for tag in tags]
        with self._store.writing() as (db, _):
            db.executemany("DELETE FROM tags WHERE article_id = ? AND key = ?",
                           [(article_id, key) for article_id in article_ids for key in keys])
            _forget_unmarked(db, article_ids)

    def set_tags(self, article_id: str, tags: Sequence[str]) -> None:
        """Make ``tags`` the article's tags (what a tag editor saves)."""
        keyed = _keyed(tags, translatable("A tag needs at least one letter or digit: '{name}' has none."))
        records = self._records([article_id]) if keyed else []
        with self._store.writing() as (db, seq):
            db.execute("DELETE FROM tags WHERE article_id = ?", (article_id,))
            _remember(db, records)
            db.executemany("INSERT INTO tags (article_id, key, tag, seq) VALUES (?, ?, ?, ?)",
                           [(article_id, key, tag, seq) for key, tag in keyed.items()])
            _forget_unmarked(db, [article_id])

    def tags(self) -> list[tuple[str, int]]:
        """Every tag in use with its number of articles, most used first (for completion)."""
        with self._store.reading() as db:
            rows = db.execute("SELECT min(tag), COUNT(*) FROM tags GROUP BY key").fetchall()
        return sorted(((tag, count) for tag, count in rows), key=lambda row: (-row[1], row[0]))

    # -- notes ------------------------------------------------------------------------------

    def set_note(self, article_id: str, text: str) -> None:
        """Make ``text`` the article's note; an empty (or blank) text deletes it."""
        if not text.strip():
            with self._store.writing() as (db, _):
                db.execute("DELETE FROM notes WHERE article_id = ?", (article_id,))
                _forget_unmarked(db, [article_id])
            return
        records = self._records([article_id])
        with self._store.writing() as (db, seq):
            _remember(db, records)
            db.execute("INSERT INTO notes (article_id, text, updated, seq) VALUES (?, ?, ?, ?) ON CONFLICT "
                       "(article_id) DO UPDATE SET text = excluded.text, updated = excluded.updated, seq = excluded.seq",
                       (article_id, text, _now(), seq))

    def note(self, article_id: str) -> str:
        """The article's note ("" when it has none)."""
        with self._store.reading() as db:
            row = db.execute("SELECT text FROM notes WHERE article_id = ?", (article_id,)).fetchone()
        return str(row[0]) if row else ""

    # -- selections -------------------------------------------------------------------------

    def selections(self) -> list[Selection]:
        """Every selection with its size, by name."""
        with self._store.reading() as db:
            rows = db.execute("SELECT s.name, COUNT(a.article_id), s.created FROM selections s LEFT JOIN "
                              "selection_articles a ON a.selection = s.id GROUP BY s.id").fetchall()
        return sorted((Selection(name, count, created) for name, count, created in rows),
                      key=lambda s: (name_key(s.name), s.name))

    def create_selection(self, name: str) -> Selection:
        """A new, empty selection; AnnotationError if one with this name exists."""
        key = _name_key(name)
        with self._store.writing() as (db, _):
            if self._selection_number(db, key) is not None:
                raise AnnotationError(translatable("There is already a selection named '{name}': choose another "
                                                   "name."), name=name.strip())
            created = _now()
            db.execute("INSERT INTO selections (name, key, created) VALUES (?, ?, ?)", (name.strip(), key, created))
        return Selection(name.strip(), 0, created)

    def rename_selection(self, name: str, new_name: str) -> None:
        """Give a selection another name (AnnotationError if it is taken by another selection)."""
        new_key = _name_key(new_name)
        with self._store.writing() as (db, _):
            number = self._existing(db, name)
            other = self._selection_number(db, new_key)
            if other is not None and other != number:
                raise AnnotationError(translatable("There is already a selection named '{name}': choose another "
                                                   "name."), name=new_name.strip())
            db.execute("UPDATE selections SET name = ?, key = ? WHERE id = ?", (new_name.strip(), new_key, number))

    def delete_selection(self, name: str) -> None:
        """Delete a selection (its articles and their tags and notes stay)."""
        with self._store.writing() as (db, _):
            number = self._existing(db, name)
            ids = [row[0] for row in db.execute("SELECT article_id FROM selection_articles WHERE selection = ?",
                                                (number,))]
            db.execute("DELETE FROM selections WHERE id = ?", (number,))
            _forget_unmarked(db, ids)

    def add_to_selection(self, name: str, article_ids: Sequence[str], create: bool = True) -> int:
        """Put the articles in the selection (made first when ``create`` and it does not exist);
        returns how many were not in it yet."""
        key = _name_key(name)
        records = self._records(article_ids)
        with self._store.writing() as (db, seq):
            number = self._selection_number(db, key)
            if number is None and not create:
                number = self._existing(db, name)
            if number is None:
                number = db.execute("INSERT INTO selections (name, key, created) VALUES (?, ?, ?)",
                                    (name.strip(), key, _now())).lastrowid
            _remember(db, records)
            before = db.total_changes
            db.executemany("INSERT INTO selection_articles (selection, article_id, seq) VALUES (?, ?, ?) "
                           "ON CONFLICT DO NOTHING", [(number, record.id, seq) for record in records])
            return db.total_changes - before

    def remove_from_selection(self, name: str, article_ids: Sequence[str]) -> int:
        """Take the articles out of the selection; returns how many were in it."""
        with self._store.writing() as (db, _):
            number = self._existing(db, name)
            before = db.total_changes
            db.executemany("DELETE FROM selection_articles WHERE selection = ? AND article_id = ?",
                           [(number, article_id) for article_id in article_ids])
            removed = db.total_changes - before
            _forget_unmarked(db, article_ids)
        return removed

    def selection_ids(self, name: str) -> list[str]:
        """The article ids of a selection, in the order they were added (missing ones included)."""
        with self._store.reading() as db:
            number = self._existing(db, name)
            return [row[0] for row in db.execute("SELECT article_id FROM selection_articles WHERE selection = ? "
                                                 "ORDER BY rowid", (number,))]

    def has_selection(self, name: str) -> bool:
        """True if a selection has this name (in any spelling with the same key)."""
        key = name_key(name)
        with self._store.reading() as db:
            return bool(key) and self._selection_number(db, key) is not None

    @staticmethod
    def _selection_number(db: sqlite3.Connection, key: str) -> int | None:
        row = db.execute("SELECT id FROM selections WHERE key = ?", (key,)).fetchone()
        return None if row is None else int(row[0])

    def _existing(self, db: sqlite3.Connection, name: str) -> int:
        number = self._selection_number(db, name_key(name))
        if number is None:
            names = [row[0] for row in db.execute("SELECT name FROM selections ORDER BY name")]
            raise AnnotationError(translatable("There is no selection named '{name}'. The selections are: {names}."),
                                  name=name, names=", ".join(names) or "-")
        return number

    # -- reading marks --------------------------------------------------------------------

    def article_ids(self, field: str, value: str = "") -> set[str]:
        """The articles a query filter names: ``tag`` (with the tag ``value``), ``selection``
        (in the selection named ``value``; AnnotationError if there is none) or ``has``
        (with a ``note``, any ``tag``, in any ``selection``)."""
        with self._store.reading() as db:
            if field == "tag":
                rows = db.execute("SELECT article_id FROM tags WHERE key = ?", (name_key(value),))
            elif field == "selection":
                rows = db.execute("SELECT article_id FROM selection_articles WHERE selection = ?",
                                  (self._existing(db, value),))
            elif field == "has" and value in HAS_VALUES:
                table = {"note": "notes", "tag": "tags", "selection": "selection_articles"}[value]
                rows = db.execute(f"SELECT DISTINCT article_id FROM {table}")
            else:
                raise ValueError(f"unknown article filter {field}:{value}")
            return {row[0] for row in rows}

    def marks(self, article_ids: Iterable[str] | None = None) -> dict[str, ArticleMarks]:
        """The marks of the given articles (of every marked article when None); articles
        without any mark are left out. Only the store is read, never the index: what a view
        needs beside the articles it lists (``annotated`` also says which are missing)."""
        ids = None if article_ids is None else list(dict.fromkeys(article_ids))
        with self._store.reading() as db:
            return self._marks(db, ids)

    def annotated(self, article_ids: Iterable[str] | None = None) -> list[AnnotatedArticle]:
        """The marks of the given articles (of every marked article when None), in the given
        order; articles without any mark are left out. ``missing`` says which are gone."""
        ids = None if article_ids is None else list(dict.fromkeys(article_ids))
        where, params = _where_ids(ids)
        with self._store.reading() as db:
            marks = self._marks(db, ids)
            records = {row[0]: ArticleRecord(*row) for row in
                       db.execute(f"SELECT article_id, path, title, source, date FROM article_records{where}", params)}
        wanted = list(records) if ids is None else [i for i in ids if i in records]
        present = self._lookup(wanted)
        annotated = []
        for article_id in wanted:
            mark = marks.get(article_id, ArticleMarks((), "", ()))
            annotated.append(AnnotatedArticle(present.get(article_id, records[article_id]), mark.tags, mark.note,
                                              mark.selections, article_id not in present))
        return annotated

    @staticmethod
    def _marks(db: sqlite3.Connection, ids: list[str] | None) -> dict[str, ArticleMarks]:
        where, params = _where_ids(ids)
        tags = _grouped(db.execute(f"SELECT article_id, tag FROM tags{where} ORDER BY article_id, rowid", params))
        notes = dict(db.execute(f"SELECT article_id, text FROM notes{where}", params).fetchall())
        selections = _grouped(db.execute("SELECT article_id, s.name FROM selection_articles a JOIN selections s "
                                         f"ON s.id = a.selection{where} ORDER BY article_id, s.name", params))
        marked = set(tags) | set(notes) | set(selections)
        if ids is not None:
            marked &= set(ids)
        return {i: ArticleMarks(tuple(tags.get(i, ())), notes.get(i, ""), tuple(selections.get(i, ()))) for i in marked}

    def _records(self, article_ids: Sequence[str]) -> list[ArticleRecord]:
        """The records of these ids, in order: from the index, or as remembered for an article that
        is missing now; AnnotationError naming any id that is neither.

        Called outside the store's lock: a search holds the index's lock while it asks the store
        for a filter's articles, so the store's lock is never held while the index is asked.
        """
        unique = list(dict.fromkeys(article_ids))
        found = self._lookup(unique)
        unknown = [i for i in unique if i not in found]
        if unknown:
            with self._store.reading() as db:
                for article_id in unknown:
                    row = db.execute("SELECT article_id, path, title, source, date FROM article_records "
                                     "WHERE article_id = ?", (article_id,)).fetchone()
                    if row is not None:
                        found[article_id] = ArticleRecord(*row)
            unknown = [i for i in unknown if i not in found]
        if unknown:
            shown = ", ".join(unknown[:5]) + (f" (+{len(unknown) - 5})" if len(unknown) > 5 else "")
            raise AnnotationError(translatable("No article with the id {ids} is in this corpus's index: use the ids "
                                               "that search prints (a file's path, or file#N for a record)."),
                                  ids=shown)
        return [found[i] for i in unique]


def _where_ids(ids: list[str] | None) -> tuple[str, list[str]]:
    """The WHERE clause that keeps the marks of a few articles (a reader's, a page of results);
    for more (or every article) every mark is read in one pass and the caller keeps what it needs."""
    if ids is not None and len(ids) <= FEW_ARTICLES:
        return f" WHERE article_id IN ({', '.join('?' * len(ids))})", ids
    return "", []


def _keyed(names: Sequence[str], empty_message: str) -> dict[str, str]:
    """key -> the name as given (first spelling wins); AnnotationError for a name with no key."""
    keyed: dict[str, str] = {}
    for name in names:
        key = name_key(name)
        if not key:
            raise AnnotationError(empty_message, name=name)
        keyed.setdefault(key, " ".join(name.split()))
    return keyed


def _name_key(name: str) -> str:
    key = name_key(name)
    if not key:
        raise AnnotationError(translatable("A selection name needs at least one letter or digit: '{name}' has none."),
                              name=name)
    return key


def _remember(db: sqlite3.Connection, records: Iterable[ArticleRecord]) -> None:
    db.executemany("INSERT INTO article_records (article_id, path, title, source, date) VALUES (?, ?, ?, ?, ?) "
                   "ON CONFLICT (article_id) DO UPDATE SET path = excluded.path, title = excluded.title, "
                   "source = excluded.source, date = excluded.date",
                   [(r.id, r.path, r.title, r.source, r.date) for r in records])


def _forget_unmarked(db: sqlite3.Connection, article_ids: Iterable[str]) -> None:
    """Drop the records of articles that no longer carry any mark."""
    db.executemany("DELETE FROM article_records WHERE article_id = ? AND NOT EXISTS (SELECT 1 FROM tags t WHERE "
                   "t.article_id = article_records.article_id) AND NOT EXISTS (SELECT 1 FROM notes n WHERE "
                   "n.article_id = article_records.article_id) AND NOT EXISTS (SELECT 1 FROM selection_articles s "
                   "WHERE s.article_id = article_records.article_id)", [(i,) for i in set(article_ids)])


def _grouped(rows: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for key, value in rows:
        grouped.setdefault(key, []).append(value)
    return grouped


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S")
