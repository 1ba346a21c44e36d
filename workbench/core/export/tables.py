"""The tables an export holds, as columns and streams of plain rows, independent of the file format.

- **Articles**: id, title, source, date, author, URL, path, tags, note, word count, top
  entities, status ("missing" for a selected article whose file is gone), text.
- **Hits**: the query's concordance: every match with the text before and after it.
- **Entities**: the people, places and organisations of the exported articles, with the user's
  curation applied (merged, renamed, retyped; hidden ones left out), counted in those articles.
- **Mentions**: every mention of those entities: entity, article, offset, the words, the sentence
  (the entity's type is in Entities: a column less on the longest sheet).
- **About**: what was exported, when, from which corpus and version, and every clean-up made.

Rows are produced lazily, one article at a time, so an export of any size holds one article in
memory; each table is one pass over the articles (``ArticleSource``).
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from workbench.core.arabic import Sentences
from workbench.core.entities.service import Entity, EntityService
from workbench.core.export.cells import EXCEL_CELL_LIMIT
from workbench.core.ingest import Article
from workbench.core.search import SearchResults
from workbench.core.search.results import flatten, word_end, word_start
from workbench.core.userdata import AnnotatedArticle

__all__ = ["SHEETS", "ArticleSource", "Column", "Kind", "Link", "Table", "Tick", "build_tables"]

SHEETS = ("articles", "hits", "entities", "mentions", "about")
"""Every table an export can hold, in the order they are written."""
HIT_CONTEXT = 60
"""Characters of context on each side of a match in the Hits table (cut at a word boundary)."""
TOP_ENTITIES = 5
LIST_SEPARATOR = "; "


Tick = Callable[["Table", int], None]
"""Called after each row a writer wrote, with the table and its rows so far (progress; may cancel)."""


class Kind:
    """How a column's values are written."""

    TEXT = "text"
    WRAPPED = "wrapped"
    """Text shown on several lines in its cell."""
    NUMBER = "number"
    DATE = "date"
    LINK = "link"
    LONG = "long"
    """Text that may exceed a spreadsheet cell; continued in the next columns."""
    BEFORE = "before"
    """Concordance context before the match (aligned towards the match)."""
    AFTER = "after"


@dataclass(frozen=True)
class Column:
    """One column: its header, width in characters and kind."""

    name: str
    width: int
    kind: str = Kind.TEXT


@dataclass(frozen=True)
class Link:
    """A URL to write as a hyperlink where the format has them."""

    url: str


@dataclass
class Table:
    """One table: a name, its columns, and a fresh stream of its rows on each call of ``rows``."""

    name: str
    columns: list[Column]
    rows: Callable[[], Iterator[list[Any]]]
    size: int
    """Units of work for progress: the articles it reads, or its rows."""
    done: Callable[[int], int] = lambda rows: rows
    """Units done once ``rows`` rows are written."""
    right_to_left: bool = True
    row_lines: int = 1
    """Lines of text every row shows (its height); 0: each row as tall as its longest wrapped cell.
    Tables of one-line rows are data for filtering and counting, and may be very long (a row per
    mention): their cells get a style only where they need one, which is what makes them fast."""
    long_parts: Callable[[], int] = lambda: 1
    """How many cells the LONG column needs at most (formats with a cell limit ask before writing)."""


@dataclass
class ArticleSource:
    """The exported articles and everything known about them."""

    results: SearchResults
    """The articles in the index, in export order, with the query's match plan."""
    missing: list[AnnotatedArticle]
    """Selected articles whose file is gone: exported from what the store remembers."""
    marks: dict[str, AnnotatedArticle]
    """The user's tags, notes and selections, per article id."""
    entities: EntityService
    entity_list: list[Entity]
    """The entities of the exported articles, curation applied, by article count."""
    has_hits: bool
    """The query has words whose matches make a concordance."""
    counts: Counter[str] = field(default_factory=Counter)
    """What the tables wrote (hits, mentions), filled as they are written, for About."""
    position: int = 0
    """Articles read so far by the current pass (progress of the table being written)."""

    def articles(self, spans: bool = False) -> Iterator[tuple[Article, list[tuple[int, int]]]]:
        """Each exported article, with the spans of its text that match the query if ``spans``."""
        for position in range(len(self.results)):
            self.position = position
            yield self.results.article(position, spans)
        self.position = len(self.results)

    def read(self, rows: int) -> int:
        """Progress of a table written from one pass over the articles."""
        return self.position

    def names(self) -> dict[str, str]:
        """Entity id -> display name."""
        return {entity.id: entity.name for entity in self.entity_list}


def build_tables(source: ArticleSource, sheets: Sequence[str], about: Callable[[], list[list[Any]]]) -> list[Table]:
    """The tables of ``sheets`` (names from SHEETS), in SHEETS order; About rows come from ``about``
    when it is written (last), so it can report what the other tables did."""
    articles = len(source.results) + len(source.missing)
    builders: dict[str, Callable[[], Table]] = {
        "articles": lambda: Table("Articles", ARTICLE_COLUMNS, lambda: _article_rows(source), articles, row_lines=3,
                                  long_parts=lambda: _longest_text_parts(source)),
        "hits": lambda: Table("Hits", HIT_COLUMNS, lambda: _hit_rows(source), len(source.results), source.read),
        "entities": lambda: Table("Entities", ENTITY_COLUMNS, lambda: _entity_rows(source), len(source.entity_list)),
        "mentions": lambda: Table("Mentions", MENTION_COLUMNS, lambda: _mention_rows(source), len(source.results),
                                  source.read),
        "about": lambda: Table("About", ABOUT_COLUMNS, lambda: iter(about()), 1, right_to_left=False, row_lines=0),
    }
    return [builders[name]() for name in SHEETS if name in sheets]


ARTICLE_COLUMNS = [
    Column("id", 24), Column("title", 45, Kind.WRAPPED), Column("source", 16), Column("date", 12, Kind.DATE),
    Column("author", 18), Column("url", 30, Kind.LINK), Column("path", 24), Column("tags", 20, Kind.WRAPPED),
    Column("note", 40, Kind.WRAPPED), Column("words", 8, Kind.NUMBER), Column("top entities", 36, Kind.WRAPPED),
    Column("status", 10), Column("text", 90, Kind.LONG),
]
HIT_COLUMNS = [
    Column("context before", 50, Kind.BEFORE), Column("match", 16), Column("context after", 50, Kind.AFTER),
    Column("offset", 9, Kind.NUMBER), Column("article id", 24), Column("title", 40), Column("source", 16),
    Column("date", 12, Kind.DATE),
]
ENTITY_COLUMNS = [
    Column("name", 30), Column("type", 14), Column("aliases", 50, Kind.WRAPPED), Column("articles", 10, Kind.NUMBER),
    Column("mentions", 10, Kind.NUMBER), Column("id", 30),
]
MENTION_COLUMNS = [
    Column("entity", 30), Column("article id", 24), Column("offset", 9, Kind.NUMBER), Column("as written", 24),
    Column("sentence", 90, Kind.WRAPPED),
]
ABOUT_COLUMNS = [Column("item", 34), Column("value", 100, Kind.WRAPPED)]


def iso_date(text: str) -> datetime.date | None:
    """An article's ISO date as a date (None when unknown or not a valid date)."""
    try:
        return datetime.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _article_rows(source: ArticleSource) -> Iterator[list[Any]]:
    names = source.names()
    for article, _ in source.articles():
        marks = source.marks.get(article.id)
        counts = Counter(entity_id for _, _, _, entity_id in source.entities.mentions(article.id))
        top = [f"{names[entity_id]} ({count})" for entity_id, count in counts.most_common()
               if entity_id in names][:TOP_ENTITIES]
        yield [article.id, article.title, article.source, iso_date(article.date), article.author,
               Link(article.url) if article.url else "", article.path,
               LIST_SEPARATOR.join(marks.tags) if marks else "", marks.note if marks else "",
               len(article.text.split()), LIST_SEPARATOR.join(top), "", article.text]
    for missing in source.missing:
        record = missing.record
        yield [record.id, record.title, record.source, iso_date(record.date), "", "", record.path,
               LIST_SEPARATOR.join(missing.tags), missing.note, None, "", "missing", ""]


def _longest_text_parts(source: ArticleSource) -> int:
    longest = max((len(article.text) for article, _ in source.articles()), default=0)
    return max(1, -(-longest // EXCEL_CELL_LIMIT))


def _hit_rows(source: ArticleSource) -> Iterator[list[Any]]:
    if not source.has_hits:
        return
    for article, spans in source.articles(spans=True):
        text = article.text
        date = iso_date(article.date)
        for start, end in spans:
            source.counts["hits"] += 1
            before = text[word_start(text, max(0, start - HIT_CONTEXT)):start]
            after = text[end:word_end(text, min(len(text), end + HIT_CONTEXT))]
            yield [flatten(before).lstrip(), flatten(text[start:end]), flatten(after).rstrip(), start, article.id,
                   article.title, article.source, date]


def _entity_rows(source: ArticleSource) -> Iterator[list[Any]]:
    for entity in source.entity_list:
        yield [entity.name, entity.type, LIST_SEPARATOR.join(entity.aliases), entity.articles, entity.mentions,
               entity.id]


def _mention_rows(source: ArticleSource) -> Iterator[list[Any]]:
    names = source.names()
    for article, _ in source.articles():
        text = article.text
        sentences = Sentences(text)
        for start, end, _, entity_id in source.entities.mentions(article.id):
            if entity_id not in names:
                continue
            begin, finish = sentences.around(start, end)
            source.counts["mentions"] += 1
            yield [names[entity_id], article.id, start, text[start:end], flatten(text[begin:finish])]
