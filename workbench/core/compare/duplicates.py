"""Near-duplicate and republished articles, found corpus-wide while indexing.

``DuplicateStage`` is an indexing stage (``workbench.core.index.stages``): in the worker
processes it turns each article's content (boilerplate left out) into a MinHash signature
(``minhash``), ~500 bytes. ``DuplicateStore`` keeps the signatures in ``duplicates.sqlite3`` in
the index folder, with their LSH band keys, and when an article arrives it looks up the
articles that share a band with it, estimates their similarity and keeps the pairs at or above
MIN_SIMILARITY. So grouping is incremental: an added article costs BANDS indexed look-ups, a
removed one deletes its rows, and nothing is recomputed over the corpus.

The work per article is bounded, whatever the corpus: templated copy (market bulletins, weather,
prayer times: thousands of articles that differ by a few numbers) puts every article in the same
buckets, and comparing each with all before it made indexing quadratic (6,000 bulletins: 24
articles/s at the end, 18 million pairs). Each article is compared with the BUCKET_RECENT latest
members of each of its buckets and keeps its MAX_PAIRS most similar pairs. Groups are single-link,
so a copy linked to some members of a large group joins all of it; in news corpora buckets hold a
few articles, and nothing changes.

Groups are read from the pairs for a threshold (``groups``): articles linked by pairs at or
above it, directly or through each other (single link), largest group first. A group's
``similarity`` is its weakest link; it is ``exact`` when all its articles have the same text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import numpy as np

from workbench.core import sqlite
from workbench.core.compare.minhash import band_keys, estimated_similarity, signature
from workbench.core.compare.passages import article_passage_words
from workbench.core.ingest import Article

__all__ = ["DEFAULT_DUPLICATE_THRESHOLD", "MIN_SIMILARITY", "DuplicateGroup", "DuplicateStage", "DuplicateStore"]

MIN_SIMILARITY = 0.3
"""Pairs below this estimated Jaccard similarity are not kept (LSH finds few of them anyway)."""
DEFAULT_DUPLICATE_THRESHOLD = 0.5
"""What ``workbench duplicates`` and the results list count as the same story by default."""
BUCKET_RECENT = 16
"""Latest members of each LSH bucket an added article is compared with."""
MAX_PAIRS = 24
"""Most similar pairs an added article keeps (exact copies first)."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY, article_id TEXT NOT NULL UNIQUE, path TEXT NOT NULL, hash TEXT NOT NULL,
    signature BLOB
);
CREATE INDEX IF NOT EXISTS articles_path ON articles (path);
CREATE INDEX IF NOT EXISTS articles_hash ON articles (hash);
CREATE TABLE IF NOT EXISTS bands (key INTEGER NOT NULL, article INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS bands_key ON bands (key);
CREATE INDEX IF NOT EXISTS bands_article ON bands (article);
CREATE TABLE IF NOT EXISTS pairs (
    a INTEGER NOT NULL, b INTEGER NOT NULL, similarity REAL NOT NULL, PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS pairs_b ON pairs (b);
"""


class Fingerprint(NamedTuple):
    """What the stage sends back for one article: the hash of its text and its signature."""

    content_hash: str
    signature: bytes | None
    """NUM_PERM uint32 values; None for an article without content words."""


@dataclass(frozen=True)
class DuplicateGroup:
    """Articles that tell the same story: ids in corpus order, the weakest link's similarity."""

    ids: tuple[str, ...]
    similarity: float
    exact: bool
    """Every article of the group has exactly the same text."""


class DuplicateStage:
    """The MinHash signature of every indexed article. Stateless, so it pickles for free."""

    name = "duplicates"
    version = 1
    """Bump when signatures change (shingling, the words they are made of, the hash functions)."""

    def analyse(self, articles: Sequence[Article]) -> list[Fingerprint]:
        """Each article's content hash and signature (over its passages' words, boilerplate out)."""
        found = []
        for article in articles:
            found.append(Fingerprint(article.content_hash, _signature_bytes(article_passage_words(article))))
        return found

    def terms(self, result: Fingerprint) -> Sequence[str]:
        """No search terms: groups change as other articles come and go."""
        return ()

    def open_store(self, index_dir: Path) -> DuplicateStore:
        """The store (``duplicates.sqlite3``) in the index folder."""
        return DuplicateStore(index_dir)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))


def _signature_bytes(words: Sequence[str]) -> bytes | None:
    found = signature(words)
    return None if found is None else found.tobytes()


class DuplicateStore(sqlite.StageDatabase):
    """``duplicates.sqlite3`` of one index folder: signatures, band keys and similar pairs.

    Thread-safe (one connection, a lock). ``generation`` grows with every write.
    """

    DESCRIPTION = "the near-duplicate store"
    SCHEMA = _SCHEMA
    FILENAME = "duplicates.sqlite3"

    def __init__(self, index_dir: Path) -> None:
        super().__init__(index_dir)
        self._groups: dict[float, tuple[int, list[DuplicateGroup]]] = {}

    def replace(self, paths: Iterable[str], results: Sequence[tuple[str, str, Fingerprint]], generation: int) -> None:
        """After the Whoosh commit of ``generation``: forget the articles of the files in
        ``paths`` and those in ``results``, then add ``results`` as (article id, path,
        fingerprint) and pair each with the similar articles already here, in one durable
        transaction; applying it twice is harmless (index/stages.py). A large collection comes
        in several batches, so only the articles given are replaced."""
        with self._lock, sqlite.transaction(self._db):
            for path in set(paths):
                self._forget("path", path)
            for article_id, _, _ in results:
                self._forget("article_id", article_id)
            for article_id, path, fingerprint in results:
                self._add(article_id, path, fingerprint)
            self._db.execute("INSERT INTO meta (key, value) VALUES ('generation', '1') ON CONFLICT (key) "
                             "DO UPDATE SET value = CAST(value AS INTEGER) + 1")
            sqlite.set_indexed_generation(self._db, generation)

    def _forget(self, column: str, value: str) -> None:
        """Forget the articles whose ``column`` ("path" or "article_id") is ``value``, with their pairs."""
        numbers = [row[0] for row in self._db.execute(f"SELECT id FROM articles WHERE {column} = ?", (value,))]
        for number in numbers:
            self._db.execute("DELETE FROM pairs WHERE a = ? OR b = ?", (number, number))
            self._db.execute("DELETE FROM bands WHERE article = ?", (number,))
        self._db.execute(f"DELETE FROM articles WHERE {column} = ?", (value,))

    def _add(self, article_id: str, path: str, fingerprint: Fingerprint) -> None:
        number = int(self._db.execute(
            "INSERT INTO articles (article_id, path, hash, signature) VALUES (?, ?, ?, ?)",
            (article_id, path, fingerprint.content_hash, fingerprint.signature)).lastrowid or 0)
        pairs = {other: 1.0 for (other,) in self._db.execute(
            "SELECT id FROM articles WHERE hash = ? AND id != ? ORDER BY id DESC LIMIT ?",
            (fingerprint.content_hash, number, MAX_PAIRS))}
        if fingerprint.signature is not None:
            mine = np.frombuffer(fingerprint.signature, dtype=np.uint32)
            keys = band_keys(mine)
            if len(pairs) < MAX_PAIRS:
                for other, other_signature in self._recent_in_buckets(keys, exclude=pairs):
                    similarity = estimated_similarity(mine, np.frombuffer(other_signature, dtype=np.uint32))
                    if similarity >= MIN_SIMILARITY:
                        pairs[other] = similarity
            self._db.executemany("INSERT INTO bands (key, article) VALUES (?, ?)", [(key, number) for key in keys])
        kept = sorted(pairs.items(), key=lambda pair: (-pair[1], -pair[0]))[:MAX_PAIRS]
        self._db.executemany("INSERT OR REPLACE INTO pairs (a, b, similarity) VALUES (?, ?, ?)",
                             [(other, number, similarity) for other, similarity in kept])

    def _recent_in_buckets(self, keys: Sequence[int], exclude: dict[int, float]) -> list[tuple[int, bytes]]:
        """(id, signature) of the BUCKET_RECENT latest articles of each bucket in ``keys``, each once,
        leaving out those in ``exclude``; each bucket is read from its index, newest first."""
        latest = " UNION ".join(["SELECT article FROM (SELECT article FROM bands WHERE key = ? "
                                 "ORDER BY rowid DESC LIMIT ?)"] * len(keys))
        arguments = [value for key in keys for value in (key, BUCKET_RECENT)]
        rows = self._db.execute(f"SELECT id, signature FROM articles WHERE id IN ({latest})", arguments).fetchall()
        return [(other, other_signature) for other, other_signature in rows if other not in exclude]

    # -- reading ------------------------------------------------------------------------------

    def groups(self, threshold: float = DEFAULT_DUPLICATE_THRESHOLD) -> list[DuplicateGroup]:
        """The groups of articles linked at or above ``threshold``, largest first (then most similar).

        Kept per threshold until the store changes: the results list asks for every search.
        """
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
            generation = int(row[0]) if row else 0
            cached = self._groups.get(threshold)
            if cached is not None and cached[0] == generation:
                return cached[1]
            pairs = self._db.execute("SELECT a, b, similarity FROM pairs WHERE similarity >= ? "
                                     "ORDER BY similarity DESC, a, b", (threshold,)).fetchall()
            members = sorted({number for a, b, _ in pairs for number in (a, b)})
            facts = {row[0]: (row[1], row[2]) for row in self._db.execute(
                f"SELECT id, article_id, hash FROM articles WHERE id IN ({','.join(map(str, members))})")}
            found = _single_link(pairs, facts)
            self._groups = {key: value for key, value in self._groups.items() if value[0] == generation}
            self._groups[threshold] = (generation, found)
            return found


def _single_link(pairs: Sequence[tuple[int, int, float]], facts: dict[int, tuple[str, str]]) -> list[DuplicateGroup]:
    """Kruskal over the pairs, strongest first: each group's weakest merging link is its similarity."""
    parent: dict[int, int] = {}
    weakest: dict[int, float] = {}

    def root(node: int) -> int:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for a, b, similarity in pairs:
        first, second = root(a), root(b)
        if first != second:
            parent[second] = first
            weakest[first] = min(similarity, weakest.get(first, 1.0), weakest.get(second, 1.0))
    members: dict[int, list[int]] = {}
    for node in parent:
        members.setdefault(root(node), []).append(node)
    groups = []
    for top, numbers in members.items():
        numbers.sort()
        hashes = {facts[n][1] for n in numbers}
        groups.append(DuplicateGroup(tuple(facts[n][0] for n in numbers), round(weakest[top], 4), len(hashes) == 1))
    groups.sort(key=lambda group: (-len(group.ids), -group.similarity, group.ids))
    return groups
