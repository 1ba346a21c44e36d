"""The concordance (keyword in context, KWIC): every occurrence of a query in a result set, one
line each, the words before | the match | the words after, on the article's original text.

AntConc's core view, which corpus researchers know: lines are aligned on the match and sorted by
the words to its left (the words before it, L1 L2 L3 outwards) or to its right (R1 R2 R3). For
Arabic the words before the match are shown to its right; "left" and "right" keep the corpus
linguistics names and mean before and after in reading order.

Occurrences are the spans the reader highlights (``MatchPlan.spans``), so a concordance line
and the reader agree on what matched; ``occurrence`` is the number of the match in its article,
which the reader opens at. Lines come lazily, article by article in the order of the results,
so the first thousand lines of a frequent word come long before the last one; sorting needs
them all.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from workbench.core.arabic import normalize, tokenize
from workbench.core.errors import QueryError
from workbench.core.messages import translatable
from workbench.core.progress import CancelToken
from workbench.core.search.results import SearchResults, flatten, word_end, word_start

DEFAULT_WIDTH = 50
"""Characters of context on each side of the match (whole words only)."""
MIN_WIDTH, MAX_WIDTH = 5, 500
SORT_SIDES = ("left", "right")
SORT_WORDS = 3
"""Context words compared when sorting (then the match, then the next words of the other side)."""


@dataclass(frozen=True)
class ConcordanceLine:
    """One occurrence: where it is, and the text around it."""

    row: int
    """The hit's row in the results the line came from."""
    article_id: str
    path: str
    title: str
    source: str
    date: str
    occurrence: int
    """The number of this match among the article's matches (0-based, in text order)."""
    start: int
    """The match in the article's original text: [start, end)."""
    end: int
    left: str
    """Up to ``width`` characters before the match (whole words, line breaks as spaces)."""
    match: str
    right: str
    """Up to ``width`` characters after the match."""


def checked_width(width: int) -> int:
    """``width`` if it is a usable context width; QueryError (a message for the user) otherwise."""
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        raise QueryError(translatable("The context width must be between {low} and {high} characters."),
                         low=MIN_WIDTH, high=MAX_WIDTH)
    return width


def checked_side(side: str) -> str:
    """``side`` if it is a sort side; QueryError otherwise."""
    if side not in SORT_SIDES:
        raise QueryError(translatable("Unknown concordance sort '{side}': use left or right."), side=side)
    return side


def article_lines(results: SearchResults, row: int, width: int = DEFAULT_WIDTH) -> list[ConcordanceLine]:
    """The concordance lines of one hit of ``results``, in text order."""
    article, spans = results.article(row)
    text = article.text
    lines = []
    for occurrence, (start, end) in enumerate(spans):
        left_start = _context_start(text, start, width)
        right_end = _context_end(text, end, width)
        lines.append(ConcordanceLine(
            row=row, article_id=article.id, path=article.path, title=article.title, source=article.source,
            date=article.date, occurrence=occurrence, start=start, end=end,
            left=flatten(text[left_start:start]), match=flatten(text[start:end]), right=flatten(text[end:right_end]),
        ))
    return lines


def concordance(results: SearchResults, width: int = DEFAULT_WIDTH, sources: Sequence[str] = (),
                first_row: int = 0, cancel: CancelToken | None = None) -> Iterator[ConcordanceLine]:
    """Every occurrence in ``results`` from row ``first_row`` on, in result order then text order;
    ``sources`` keeps only articles of those sources (the others are not even read)."""
    checked_width(width)
    for row in _rows(results, first_row, sources):
        if cancel is not None and cancel.cancelled:
            return
        yield from article_lines(results, row, width)


def concordance_chunk(results: SearchResults, first_row: int, width: int = DEFAULT_WIDTH, sources: Sequence[str] = (),
                      max_lines: int | None = None, seconds: float | None = None) -> tuple[list[ConcordanceLine], int]:
    """The lines of the articles from ``first_row`` on, stopping after the article that makes
    ``max_lines`` lines or takes the time past ``seconds``; returns them and the next row to read
    (``len(results)`` when done). A GUI loads a long concordance this way, a slice at a time."""
    checked_width(width)
    started = time.monotonic()
    lines: list[ConcordanceLine] = []
    next_row = len(results)
    for row in _rows(results, first_row, sources):
        lines += article_lines(results, row, width)
        if (max_lines is not None and len(lines) >= max_lines) or (
                seconds is not None and time.monotonic() - started >= seconds):
            next_row = row + 1
            break
    return lines, next_row


def _rows(results: SearchResults, first_row: int, sources: Sequence[str]) -> Iterator[int]:
    """The rows of ``results`` from ``first_row`` on whose article is of one of ``sources`` (any if none)."""
    wanted = frozenset(sources)
    for row in range(first_row, len(results)):
        if not wanted or results.source(row) in wanted:
            yield row


def sort_key(line: ConcordanceLine, side: str) -> tuple[tuple[str, ...], str, tuple[str, ...]]:
    """What lines are ordered by: the normalised words on ``side`` outwards from the match, then
    the match, then the words on the other side (so equal contexts still sort stably)."""
    before = _words(line.left)[::-1]
    after = _words(line.right)
    first, second = (before, after) if side == "left" else (after, before)
    return first[:SORT_WORDS], normalize(line.match), second[:SORT_WORDS]


def sorted_lines(lines: Iterable[ConcordanceLine], side: str) -> list[ConcordanceLine]:
    """Lines ordered by the words to the ``side`` ("left": before the match; "right": after it)."""
    checked_side(side)
    return sorted(lines, key=lambda line: sort_key(line, side))


def _words(text: str) -> tuple[str, ...]:
    return tuple(token.norm for token in tokenize(text))


def _context_start(text: str, start: int, width: int) -> int:
    """Where ``width`` characters of context before ``start`` begin, moved forward to a word start."""
    limit = max(0, start - width)
    begin = word_start(text, limit)
    if begin < limit:  # the word at the limit does not fit whole: start after it
        begin = word_end(text, limit)
        while begin < start and text[begin].isspace():
            begin += 1
    return begin


def _context_end(text: str, end: int, width: int) -> int:
    """Where ``width`` characters of context after ``end`` stop, moved back to a word end."""
    limit = min(len(text), end + width)
    stop = word_end(text, limit)
    if stop > limit:  # the word at the limit does not fit whole: stop before it
        stop = word_start(text, limit)
        while stop > end and text[stop - 1].isspace():
            stop -= 1
    return stop
