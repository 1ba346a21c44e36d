"""CRF features for a sentence of words: the one definition shared by training and tagging.

Per word (computed once per distinct word and cached, which is what makes tagging fast):
normalised form, clitic-stripped key, light stem, prefixes and suffixes, the clitic letters,
shape, stopword and trigger-word flags, and word-cluster ids of the key at three
granularities (clusters from unlabeled news: the strongest single help for unseen names).
Per sentence: gazetteer hits (longest multi-word match) and a +/-2 window over a subset of
the neighbours' features. All Arabic letter rules come from ``workbench.core.arabic``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from workbench.core import arabic
from workbench.core.entities.gazetteer import Gazetteer

WINDOW = (-2, -1, 1, 2)
FIRST_WORD_FEATURE, LAST_WORD_FEATURE = "BOS", "EOS"
HIT_OFFSETS = ((0, "gz="), (1, "-1gz="), (-1, "1gz="))
"""A gazetteer hit ``h`` at word i adds feature ``prefix + h`` to word i + offset: to the word
itself, and to its neighbours as a hit before (-1gz) or after (1gz) them."""


CACHE_LIMIT = 20_000
"""Words whose full feature lists (about 1.5 KB each) are kept. The tagger caches each word's
scores itself, so a word's feature lists are rarely needed twice; a larger cache only cost
memory (300,000 entries grew the indexing process by ~70 MB per 1,000 news articles)."""
FORMS_LIMIT = 500_000
"""Words whose (normalised form, key) pair is memoised (small strings) before the memo restarts."""


class WordFeatures(NamedTuple):
    """What one word contributes to the features of a sentence."""

    norm: str
    key: str
    own: list[str]
    """Features of the word at the current position."""
    context: dict[int, list[str]]
    """Features the word contributes when it is the neighbour at a window offset."""


def load_clusters(path: Path) -> dict[str, tuple[str, ...]]:
    """Matching key -> cluster ids (one per granularity), from ``word_clusters.tsv``."""
    clusters: dict[str, tuple[str, ...]] = {}
    if path.is_file():
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if not line.startswith("#"):
                    key, *ids = line.rstrip("\n").split("\t")
                    clusters[key] = tuple(ids)
    return clusters


class FeatureExtractor:
    """Turns word sequences into crfsuite feature lists; caches per-word work."""

    def __init__(self, gazetteer: Gazetteer, clusters: dict[str, tuple[str, ...]]) -> None:
        self.gazetteer = gazetteer
        self.clusters = clusters
        self._cache: dict[str, WordFeatures] = {}
        self._forms: dict[str, tuple[str, str]] = {}

    def form(self, word: str, remember: bool = True) -> tuple[str, str]:
        """(normalised form, matching key) of one word, memoised apart from the bulky features
        (unless ``remember`` is False)."""
        found = self._forms.get(word)
        if found is None:
            found = (arabic.normalize(word), arabic.match_key(word))
            if remember:
                if len(self._forms) >= FORMS_LIMIT:
                    self._forms.clear()
                self._forms[word] = found
        return found

    def word(self, word: str, remember: bool = True) -> WordFeatures:
        """Normalised form, matching key and features of one word (cached unless ``remember``
        is False: the tagger keeps each word's scores instead, and a cached entry weighs ~4 KB)."""
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        norm, key = self.form(word, remember)
        clitic = norm[: len(norm) - len(key)] if norm.endswith(key) else "?"
        if arabic.is_arabic(norm):
            shape = "ar"
        elif any(c.isdigit() for c in norm):
            shape = "digit"
        elif any(c.isalpha() for c in norm):
            shape = "latin"
        else:
            shape = "punct"
        cluster_ids = self.clusters.get(key)
        cluster_feats = [f"c{i}={c}" for i, c in enumerate(cluster_ids)] if cluster_ids else ["c=none"]
        triggers = [f"tr={t}" for t in sorted(self.gazetteer.triggers.get(key, ()))]
        own = [
            "bias",
            f"n={norm}",
            f"k={key}",
            f"st={arabic.stem(norm)}",
            f"cl={clitic}",
            f"sh={shape}",
            f"len={min(len(key), 8)}",
            f"p2={key[:2]}",
            f"p3={key[:3]}",
            f"s1={key[-1:]}",
            f"s2={key[-2:]}",
            f"s3={key[-3:]}",
            *cluster_feats,
            *triggers,
        ]
        if arabic.is_stopword(norm):
            own.append("stop")
        near = [f"k={key}", f"sh={shape}", *cluster_feats, *triggers]
        context = {d: [f"{d}{f}" for f in near] for d in WINDOW}
        for d in (-1, 1):
            context[d] += [f"{d}n={norm}", f"{d}cl={clitic}"]
        entry = WordFeatures(norm, key, own, context)
        if remember and len(self._cache) < CACHE_LIMIT:
            self._cache[word] = entry
        return entry

    def sentence_extras(self, keys: Sequence[str]) -> list[list[str]]:
        """Per position, the features that depend on the sentence rather than on one word.

        The sentence edges, and gazetteer hits at the word and its direct neighbours
        (``HIT_OFFSETS``).
        """
        extras: list[list[str]] = [[] for _ in keys]
        extras[0].append(FIRST_WORD_FEATURE)
        extras[-1].append(LAST_WORD_FEATURE)
        for i, hits in self.gazetteer.match(keys).items():
            for hit in hits:
                for offset, prefix in HIT_OFFSETS:
                    if 0 <= i + offset < len(keys):
                        extras[i + offset].append(prefix + hit)
        return extras

    def sentence(self, words: Sequence[str]) -> list[list[str]]:
        """One feature list per word: own features, sentence extras, neighbours' context features.

        The tagger scores the same features without building these lists (per-word scores are
        cached and shifted over the window), so this is the definition both must follow.
        """
        entries = [self.word(w) for w in words]
        extras = self.sentence_extras([e.key for e in entries])
        n = len(words)
        result = []
        for i, entry in enumerate(entries):
            feats = entry.own + extras[i]
            for d in WINDOW:
                if 0 <= i + d < n:
                    feats += entries[i + d].context[d]
            result.append(feats)
        return result
