"""An article cut into passages (sentences, or clauses of over-long sentences) with their words
keyed the way the index keys them, for aligning articles with one another.

Passages are taken from the article's indexable text (``Article.indexable_text``: boilerplate
blanked to spaces, offsets unchanged), so a repeated title or lede, a share footer or a byline
never takes part in a comparison. Every offset is into the article's ORIGINAL text.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import NamedTuple

from workbench.core.arabic import Token, sentence_spans, tokenize
from workbench.core.index.analysis import exact_key, stem_key
from workbench.core.ingest import Article

__all__ = ["CLAUSE_WORDS", "MIN_PASSAGE_WORDS", "Passage", "article_passages"]

CLAUSE_WORDS = 40
"""A sentence longer than this many words is cut at its commas into clauses of 20 or more."""
MIN_PASSAGE_WORDS = 4
"""Shorter passages (a dateline, "elmaouid", a lone name) carry no statement worth aligning."""


class Passage(NamedTuple):
    """One sentence or clause of an article."""

    start: int
    end: int
    """[start, end) in the article's original text."""
    exact: tuple[str, ...]
    """Every word, normalised, clitics and article stripped (the index's ``body_exact`` terms)."""
    stems: tuple[str, ...]
    """The content words' light stems, stopwords left out (the index's ``body`` terms)."""


def article_passages(article: Article) -> list[Passage]:
    """The passages of an article's content, in text order (boilerplate and tiny ones left out)."""
    return text_passages(article.indexable_text())


def text_passages(text: str) -> list[Passage]:
    """The passages of a text whose boilerplate is already blanked out."""
    passages = []
    words = tokenize(text)
    starts = [word.start for word in words]
    for start, end in sentence_spans(text, CLAUSE_WORDS):
        tokens = _span_words(text, words, starts, start, end)
        if len(tokens) < MIN_PASSAGE_WORDS:
            continue
        keys = [stem_key(token.norm) for token in tokens]
        passages.append(Passage(start, end, tuple(exact_key(token.norm) for token in tokens),
                                tuple(stem for stem, stopword in keys if not stopword)))
    return passages


def _span_words(text: str, words: list[Token], starts: list[int], start: int, end: int) -> list[Token]:
    """The words of ``text[start:end]``, as ``tokenize`` finds them in that slice (offsets aside).

    Taken from the words of the whole text (tokenised once, and memoised for every stage of
    indexing), which are the slice's own words unless a word of the whole text crosses one of
    the slice's ends (a clause cut inside 1,000): then the slice is tokenised by itself.
    """
    first, last = bisect_left(starts, start), bisect_left(starts, end)
    if (first and words[first - 1].end > start) or (last and words[last - 1].end > end):
        return tokenize(text[start:end])
    return words[first:last]


def passage_texts(text: str, passages: Sequence[Passage]) -> list[str]:
    """The original text of each passage."""
    return [text[p.start:p.end] for p in passages]
