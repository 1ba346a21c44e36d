"""An article cut into passages (sentences, or clauses of over-long sentences) with their words
keyed the way the index keys them, for aligning articles with one another.

Passages are taken from the article's indexable text (``Article.indexable_text``: boilerplate
blanked to spaces, offsets unchanged), so a repeated title or lede, a share footer or a byline
never takes part in a comparison. Every offset is into the article's ORIGINAL text.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from workbench.core.arabic import Token, sentence_spans, tokenize
from workbench.core.index.analysis import index_keys
from workbench.core.ingest import Article

__all__ = ["CLAUSE_WORDS", "MIN_PASSAGE_WORDS", "Passage", "article_passage_words", "article_passages"]

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


def article_passage_words(article: Article) -> list[str]:
    """The ``exact`` words of all of an article's passages, in order (what near-duplicate
    signatures are made of), without building the passages."""
    return [index_keys(token.norm)[0] for _, _, tokens in _passage_tokens(article.indexable_text()) for token in tokens]


def text_passages(text: str) -> list[Passage]:
    """The passages of a text whose boilerplate is already blanked out."""
    passages = []
    for start, end, tokens in _passage_tokens(text):
        keys = [index_keys(token.norm) for token in tokens]
        passages.append(Passage(start, end, tuple(exact for exact, _, _ in keys),
                                tuple(stem for _, stem, stopword in keys if not stopword)))
    return passages


def _passage_tokens(text: str) -> Iterator[tuple[int, int, list[Token]]]:
    """(start, end, words) of each passage of a text (sentences and clauses, tiny ones left out)."""
    words = tokenize(text)
    starts = [word.start for word in words]
    for start, end in sentence_spans(text, CLAUSE_WORDS):
        tokens = _span_words(text, words, starts, start, end)
        if len(tokens) >= MIN_PASSAGE_WORDS:
            yield start, end, tokens


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
