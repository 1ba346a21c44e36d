"""Whoosh analyzers over the Arabic rules in ``arabic.py``: an exact field and a stemmed field.

Whoosh pickles the schema, so the tokenizer and filter are plain module-level classes with no
state besides a flag; all caches live in ``arabic.py`` at module level and are not pickled.
Offsets (``startchar``/``endchar``) index the value passed in: the index blanks boilerplate
with spaces of the same length, so they are offsets into the original article text.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from functools import lru_cache
from typing import NamedTuple

from whoosh.analysis import Analyzer, Filter, Token, Tokenizer

from workbench.core import arabic


class _Stateless:
    """Equality by type: the components have no settings, and Whoosh compares analyzers when
    it checks that a schema is unchanged."""

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))


class ArabicTokenizer(_Stateless, Tokenizer):
    """Yields ``arabic.tokenize`` words with their normalised form as the token text."""

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: object,
    ) -> Iterator[Token]:
        """Whoosh tokenizer protocol; with ``tokenize=False`` the value is one (normalised) term."""
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        t.boost = 1.0
        t.stopped = False
        if not tokenize:
            t.text = arabic.normalize(value)
            if keeporiginal:
                t.original = value
            if positions:
                t.pos = start_pos
            if chars:
                t.startchar = start_char
                t.endchar = start_char + len(value)
            yield t
            return
        for pos, word in enumerate(arabic.tokenize(value), start_pos):
            t.text = word.norm
            t.stopped = False
            if keeporiginal:
                t.original = word.text
            if positions:
                t.pos = pos
            if chars:
                t.startchar = start_char + word.start
                t.endchar = start_char + word.end
            yield t


class ArabicStemFilter(_Stateless, Filter):
    """Replaces each normalised token by its light stem and drops (or marks) stopwords.

    Positions are left untouched, so removed stopwords leave gaps and phrase distances hold.
    """

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for t in tokens:
            key = stem_key(t.text)
            if key[1]:
                if t.removestops:
                    continue
                t.stopped = True
            t.text = key[0]
            yield t


class ArabicCliticFilter(_Stateless, Filter):
    """Replaces each normalised token by its form without proclitics and article (للصليب -> صليب).

    This is the "exact" key: unstemmed, so phrases and exact matches stay precise, but a phrase
    such as "الصليب الأحمر" still finds للصليب الأحمر. Stopwords are kept for phrases.
    """

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for t in tokens:
            t.text = exact_key(t.text)
            yield t


_KEYS: dict[str, tuple[str, str, bool]] = {}
"""Memo of normalised word -> (exact term, stem, is stopword): one lookup per token when indexing."""
_CACHE_LIMIT = 60_000
"""Words memoised (about 300 bytes each) before the memo restarts: the commonest words come back
at once, and an indexing worker's memory stays bounded however large the corpus (30,000 news
articles use about 250,000 distinct words)."""


def _keys(norm: str) -> tuple[str, str, bool]:
    keys = _KEYS.get(norm)
    if keys is None:
        if len(_KEYS) >= _CACHE_LIMIT:
            _KEYS.clear()
        keys = _KEYS[norm] = (arabic.strip_clitics(norm), arabic.stem(norm), arabic.is_stopword(norm))
    return keys


def exact_key(norm: str) -> str:
    """The exact-field term of a normalised word (clitics and article stripped), memoised."""
    return _keys(norm)[0]


def stem_key(norm: str) -> tuple[str, bool]:
    """The stemmed-field term of a normalised word and whether it is a stopword, memoised."""
    _, stem, stopword = _keys(norm)
    return stem, stopword


def exact_positions(text: str) -> tuple[dict[str, list[int]], int]:
    """What ``exact_analyzer`` indexes for ``text``: each term's positions, and the token count.

    The segment builder's fast path (segments.py): the same terms and positions as the
    analyzer yields, without a Token object per word. ``tests/core/test_index_segments.py``
    checks the two agree.
    """
    positions: dict[str, list[int]] = {}
    tokens = arabic.tokenize(text)
    keys = _KEYS
    for position, token in enumerate(tokens):
        found = keys.get(token.norm)
        key = (found or _keys(token.norm))[0]
        where = positions.get(key)
        if where is None:
            positions[key] = [position]
        else:
            where.append(position)
    return positions, len(tokens)


def stem_frequencies(text: str) -> tuple[dict[str, int], int]:
    """What ``stem_analyzer`` indexes for ``text``: each stem's frequency (stopwords left out,
    as when indexing), and the number of tokens kept (the field length)."""
    frequencies: dict[str, int] = {}
    kept = 0
    keys = _KEYS
    for token in arabic.tokenize(text):
        _, stem, stopword = keys.get(token.norm) or _keys(token.norm)
        if not stopword:
            frequencies[stem] = frequencies.get(stem, 0) + 1
            kept += 1
    return frequencies, kept


class KeyedToken(NamedTuple):
    """A word of a text that may match: its place, offsets, and its terms as the index has them."""

    position: int
    start: int
    end: int
    exact: str
    stem: str
    """"" for a stopword (the stem field does not index it)."""


def keyed_candidates(text: str, needles: Collection[str]) -> list[KeyedToken]:
    """The words of ``text`` that could carry one of the terms in ``needles``, with their terms
    computed exactly as the analyzers index them: what highlighting compares query terms with.

    Both terms of a word are slices of its normalised form (clitics come off the front,
    suffixes off the end), so a word whose normalised form contains no needle cannot match
    and its terms are not computed: one regular-expression search per word instead of
    stemming every word of every hit. ``position`` counts all words, so phrases can check
    that candidates are consecutive.
    """
    if not needles:
        return []
    pattern = _needle_pattern(frozenset(needles))
    found = []
    for position, token in enumerate(arabic.tokenize(text)):
        if pattern.search(token.norm) is not None:
            stem, stopword = stem_key(token.norm)
            found.append(KeyedToken(position, token.start, token.end, exact_key(token.norm), "" if stopword else stem))
    return found


@lru_cache(maxsize=256)
def _needle_pattern(needles: frozenset[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(n) for n in sorted(needles, key=len, reverse=True) if n) or "(?!)")


def exact_analyzer() -> Analyzer:
    """Normalised, clitic-stripped, unstemmed words with stopwords kept: phrases and exact matches."""
    return ArabicTokenizer() | ArabicCliticFilter()


def stem_analyzer() -> Analyzer:
    """Normalised, light-stemmed words without stopwords (positions keep the gaps)."""
    return ArabicTokenizer() | ArabicStemFilter()
