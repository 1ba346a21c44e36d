"""Which passage similarity aligns rewritten news best: prints a table, asserts nothing.

    python bench/compare_alignment.py [--pairs 100] [--data PATH]

Constructed pairs with known overlap, from SaudiNewsNet: article A is a real article (at least
eight passages); article B holds a third of A's passages, each copied verbatim, lightly edited
(10% of words dropped or changed, a clitic added) or heavily rewritten (40% of words changed and
the two halves swapped, as a desk moves a clause), shuffled among passages of other articles of
the same outlet that share the most words with A (same topic, different statements). Every method aligns A and B with the
same rule (``alignment.passage_links``: at or above the threshold and one passage the other's
best counterpart); the table gives, per method, the threshold with the best F1 over all pairs,
precision, recall per kind of copy at that threshold, and the time per comparison.

Methods, all over the tokens the index uses: TF-IDF cosine over light stems (IDF from the
sample), word-bigram Jaccard over exact keys (clitics stripped), and difflib's
``SequenceMatcher.ratio`` over exact keys.
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from workbench.core.compare.alignment import pair_scores, passage_links, smoothed_idf  # noqa: E402
from workbench.core.compare.passages import Passage, text_passages  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "data" / "news" / "saudinewsnet.jsonl.gz"
KINDS = ("verbatim", "light", "heavy")
THRESHOLDS = [round(t, 2) for t in np.arange(0.1, 0.95, 0.05)]


def load(data: Path, count: int) -> list[tuple[str, str]]:
    """(source, content) of the first ``count`` articles with eight passages or more."""
    found = []
    with gzip.open(data, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            content = record.get("content", "")
            if len(text_passages(content)) >= 8:
                found.append((record["source"], content))
                if len(found) == count:
                    break
    return found


def edit(text: str, rng: random.Random, share: float, swap: bool) -> str:
    words = [w.strip(".!?؟") for w in text.split()]
    for i in rng.sample(range(len(words)), int(len(words) * share)):
        words[i] = rng.choice(["", "و" + words[i], words[i] + "ه", "كذلك"])
    words = [w for w in words if w]
    if swap:
        middle = len(words) // 2
        words = words[middle:] + words[:middle]
    return " ".join(words)


def construct(articles: list[tuple[str, str]], rng: random.Random) -> list[tuple[str, str, dict[tuple[int, int], str]]]:
    """(A, B, {(A passage, B passage): kind}) for each article."""
    pairs = []
    for number, (source, content) in enumerate(articles):
        passages = [content[p.start:p.end] for p in text_passages(content)]
        chosen = sorted(rng.sample(range(len(passages)), max(3, len(passages) // 3)))
        own = {stem for p in text_passages(content) for stem in p.stems}
        candidates = [(len(own & set(p.stems)), c[p.start:p.end]) for n, (s, c) in enumerate(articles)
                      if s == source and n != number for p in text_passages(c)]
        others = [text for _, text in sorted(candidates, key=lambda item: -item[0])[:40]]
        if len(others) < 6:
            continue
        copies = []
        for rank, index in enumerate(chosen):
            kind = KINDS[rank % 3]
            text = passages[index] if kind == "verbatim" else edit(passages[index], rng, 0.1 if kind == "light" else 0.4,
                                                                   kind == "heavy")
            copies.append((index, kind, text))
        filler = rng.sample(others, min(len(others), len(copies) * 2))
        lines: list[tuple[str, tuple[int, str] | None]] = [(t, None) for t in filler]
        lines += [(text, (index, kind)) for index, kind, text in copies]
        rng.shuffle(lines)
        second = "\n".join(text for text, _ in lines)
        b_passages = text_passages(second)
        if len(b_passages) != len(lines):
            continue
        truth = {(origin[0], position): origin[1] for position, (_, origin) in enumerate(lines) if origin}
        pairs.append(("\n".join(passages), second, truth))
    return pairs


def cosine_scores(first: Sequence[Passage], second: Sequence[Passage], idf: Callable[[str], float]) -> np.ndarray:
    return pair_scores([first, second], idf)[(0, 1)]


def jaccard_scores(first: Sequence[Passage], second: Sequence[Passage], idf: Callable[[str], float]) -> np.ndarray:
    def bigrams(p: Passage) -> set[tuple[str, str]]:
        return set(zip(p.exact, p.exact[1:], strict=False))
    a, b = [bigrams(p) for p in first], [bigrams(p) for p in second]
    return np.array([[len(x & y) / len(x | y) if x | y else 0.0 for y in b] for x in a])


def sequence_scores(first: Sequence[Passage], second: Sequence[Passage], idf: Callable[[str], float]) -> np.ndarray:
    return np.array([[difflib.SequenceMatcher(None, p.exact, q.exact, autojunk=False).ratio() for q in second]
                     for p in first])


METHODS = {"TF-IDF cosine (stems)": cosine_scores, "bigram Jaccard (exact)": jaccard_scores,
           "SequenceMatcher (exact)": sequence_scores}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=100)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    if not args.data.is_file():
        print(f"no data at {args.data}: pass --data", file=sys.stderr)
        return 1
    articles = load(args.data, args.pairs * 2)
    pairs = construct(articles, random.Random(11))[:args.pairs]
    frequencies: Counter[str] = Counter()
    for _, content in articles:
        frequencies.update({s for p in text_passages(content) for s in p.stems})
    idf = lambda stem: smoothed_idf(frequencies[stem], len(articles))  # noqa: E731
    print(f"{len(pairs)} constructed pairs, {sum(len(t) for _, _, t in pairs)} copied passages "
          f"({', '.join(f'{k} {sum(v == k for _, _, t in pairs for v in t.values())}' for k in KINDS)})\n")
    print(f"{'method':<26}| best t | precision | recall | {' | '.join(f'{k:>8}' for k in KINDS)} |   F1  | ms/pair")
    for name, method in METHODS.items():
        started = time.process_time()
        scored = [(method(text_passages(a), text_passages(b), idf), truth) for a, b, truth in pairs]
        per_pair = (time.process_time() - started) * 1000 / len(pairs)
        best = None
        for threshold in THRESHOLDS:
            found = [{(link.a_passage, link.b_passage) for link in passage_links(0, 1, scores, threshold)}
                     for scores, _ in scored]
            hits = sum(len(f & t.keys()) for f, (_, t) in zip(found, scored, strict=True))
            predicted = sum(len(f) for f in found)
            gold = sum(len(t) for _, t in scored)
            precision, recall = hits / predicted if predicted else 0.0, hits / gold
            f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
            if best is None or f1 > best[0]:
                by_kind = [sum(1 for f, (_, t) in zip(found, scored, strict=True) for key, kind in t.items()
                               if kind == k and key in f) / sum(1 for _, t in scored for v in t.values() if v == k)
                           for k in KINDS]
                best = (f1, threshold, precision, recall, by_kind)
        assert best is not None
        f1, threshold, precision, recall, by_kind = best
        print(f"{name:<26}| {threshold:6.2f} | {precision:9.3f} | {recall:6.3f} | "
              f"{' | '.join(f'{r:8.3f}' for r in by_kind)} | {f1:.3f} | {per_pair:7.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
