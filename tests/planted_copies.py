"""A corpus with planted near-duplicates, for the core's and the GUI's tests of duplicate groups.

The seeds, an exact copy of 001, an edited copy of 002 (4% of words), a heavily rewritten copy
of 000 (45%: not the same story any more), and a JSONL collection with another copy of 001 and
an unrelated record. Groups at the default threshold: {001, copy_of_001.txt, feed.jsonl#1} and
{002, edited_002.txt}.
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

from tests.conftest import SEEDS_DIR


def edited(text: str, rng: random.Random, share: float) -> str:
    """The text with ``share`` of its words replaced or dropped, as a rewriting desk would."""
    words = text.split()
    for i in rng.sample(range(len(words)), int(len(words) * share)):
        words[i] = rng.choice(["", "كذلك", "أيضا", words[i] + "ه"])
    return " ".join(word for word in words if word)


def make_corpus(folder: Path) -> dict[str, str]:
    """The seeds, an exact copy of 001, an edited copy of 002 (4% of words), a heavily rewritten
    copy of 000 (45%), and a JSONL collection holding another copy of 001 and an unrelated record."""
    shutil.copytree(SEEDS_DIR, folder)
    rng = random.Random(3)
    names = {path.name[:3]: path.name for path in SEEDS_DIR.glob("*.txt")}
    texts = {key: (SEEDS_DIR / name).read_text(encoding="utf-8") for key, name in names.items()}
    (folder / "copy_of_001.txt").write_text(texts["001"], encoding="utf-8")
    (folder / "edited_002.txt").write_text(edited(texts["002"], rng, 0.04), encoding="utf-8")
    (folder / "rewritten_000.txt").write_text(edited(texts["000"], rng, 0.45), encoding="utf-8")
    records = [{"title": "نسخة", "content": texts["001"]}, {"title": "خبر آخر", "content": "ارتفع مؤشر السوق "
                                                                                            "السعودية اليوم " * 20}]
    (folder / "feed.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    return names
