"""Near-duplicates: planted exact and edited copies among unrelated articles, found while indexing,
kept up to date incrementally; MinHash estimates checked against exact Jaccard."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np

from tests.conftest import SEEDS_DIR
from tests.planted_copies import make_corpus
from workbench.core.compare.duplicates import MAX_PAIRS, DuplicateStore, Fingerprint
from workbench.core.compare.minhash import SHINGLE_WORDS, band_keys, estimated_similarity, signature
from workbench.core.workspace import Workspace


def test_planted_copies_are_grouped_and_unrelated_articles_are_not(tmp_path: Path) -> None:
    names = make_corpus(tmp_path / "corpus")
    workspace = Workspace.open(tmp_path / "corpus")
    try:
        workspace.update()
        groups = workspace.compare.duplicate_groups()
        assert [set(group.ids) for group in groups] == [
            {names["001"], "copy_of_001.txt", "feed.jsonl#1"}, {names["002"], "edited_002.txt"}]
        assert groups[0].exact and groups[0].similarity == 1.0
        assert not groups[1].exact and 0.5 <= groups[1].similarity < 1.0
        lower = workspace.compare.duplicate_groups(0.3)
        assert {names["000"], "rewritten_000.txt"} not in [set(g.ids) for g in groups]
        assert len(lower) >= len(groups)
        by_article = workspace.compare.duplicates_by_article()
        assert by_article["copy_of_001.txt"] is groups[0] and names["003"] not in by_article

        (tmp_path / "corpus" / "copy_of_001.txt").unlink()
        (tmp_path / "corpus" / "second_copy_of_003.txt").write_text(
            (SEEDS_DIR / names["003"]).read_text(encoding="utf-8"), encoding="utf-8")
        workspace.update()
        after = [set(group.ids) for group in workspace.compare.duplicate_groups()]
        assert {names["001"], "feed.jsonl#1"} in after and {names["003"], "second_copy_of_003.txt"} in after
        assert all("copy_of_001.txt" not in ids for ids in after)
    finally:
        workspace.close()


def test_minhash_estimates_jaccard_and_bands_find_similar_pairs() -> None:
    rng = random.Random(5)
    vocabulary = [f"كلمة{n}" for n in range(3000)]
    base = [rng.choice(vocabulary) for _ in range(600)]
    for share in (0.02, 0.1, 0.3):
        copy = list(base)
        for i in rng.sample(range(len(copy)), int(len(copy) * share)):
            copy[i] = rng.choice(vocabulary)
        exact = jaccard(base, copy)
        first, second = signature(base), signature(copy)
        assert first is not None and second is not None
        assert abs(estimated_similarity(first, second) - exact) < 0.1
        shared_band = bool(set(band_keys(first)) & set(band_keys(second)))
        assert shared_band == (exact > 0.2)
    unrelated = signature([rng.choice(vocabulary) for _ in range(600)])
    assert unrelated is not None and estimated_similarity(signature(base), unrelated) < 0.05  # type: ignore[arg-type]
    assert signature([]) is None and signature(["وحيدة"]) is not None


def jaccard(first: list[str], second: list[str]) -> float:
    def shingles(words: list[str]) -> set[tuple[str, ...]]:
        return {tuple(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}
    a, b = shingles(first), shingles(second)
    return len(a & b) / len(a | b)


def test_the_store_forgets_removed_files_and_reopens_with_its_pairs(tmp_path: Path) -> None:
    words = [f"w{n}" for n in range(200)]
    fingerprint = Fingerprint("h1", signature(words).tobytes())  # type: ignore[union-attr]
    store = DuplicateStore(tmp_path)
    store.replace([], [("a", "a.txt", fingerprint), ("b", "b.txt", fingerprint._replace(content_hash="h2")),
                       ("c", "c.txt", Fingerprint("h3", None))], generation=1)
    assert [(g.ids, g.similarity, g.exact) for g in store.groups()] == [(("a", "b"), 1.0, False)]
    store.close()
    store = DuplicateStore(tmp_path)
    assert len(store.groups()) == 1
    generation = store.generation()
    store.replace(["b.txt"], [], generation=2)
    assert store.groups() == [] and store.generation() == generation + 1
    store.replace([], [("c", "c.txt", Fingerprint("h3", None))], generation=2)
    assert store.applied_generation() == 2 and store.groups() == [], "applying a batch again changes nothing"
    assert np.frombuffer(fingerprint.signature or b"", dtype=np.uint32).size == 126
    store.close()


def test_templated_copy_keeps_a_bounded_number_of_pairs_and_one_group(tmp_path: Path) -> None:
    """Bulletins that differ by a number share every bucket: each is compared with a bounded
    number of recent articles (indexing stays linear) and all still form one group."""
    template = ("أعلنت هيئة السوق المالية اليوم أن سعر سهم شركة الاتصالات بلغ {n} ريالا في ختام تداولات "
                "الجلسة وقال المتحدث باسم الهيئة إن حجم التداول وصل إلى {m} مليون سهم").split()
    bulletins = 300
    results = []
    for number in range(bulletins):
        words = [word.format(n=number % 7, m=number) for word in template]
        results.append((f"b{number}", "bulletins.jsonl", Fingerprint(f"h{number}", signature(words).tobytes())))  # type: ignore[union-attr]
    store = DuplicateStore(tmp_path)
    try:
        store.replace([], results, generation=1)
        (pairs,) = store._db.execute("SELECT COUNT(*) FROM pairs").fetchone()
        assert bulletins * 2 < pairs <= bulletins * MAX_PAIRS < bulletins * (bulletins - 1) // 2
        (group,) = store.groups(0.3)
        assert len(group.ids) == bulletins and not group.exact
        store.replace([], [results[0], results[150]], generation=2)  # changed again: the group holds
        assert [len(g.ids) for g in store.groups(0.3)] == [bulletins]
    finally:
        store.close()
