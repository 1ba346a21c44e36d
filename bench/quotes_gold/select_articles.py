"""List the SaudiNewsNet articles of the quote gold set (deterministic; prints ids).

One article per source (sources in alphabetical order), cycling through three length bands
(short, medium, long) so the set mixes lengths. Within a source, records are taken in the
order of sha1(id) (a fixed shuffle), and the first record in the source's band that contains
a verb of saying is chosen. Articles are not filtered for having quotation marks, so
the set also holds articles whose quotes are all reported speech.

    python bench/quotes_gold/select_articles.py [--data ../shared/data/news/saudinewsnet.jsonl.gz]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "news" / "saudinewsnet.jsonl.gz"
BANDS = [(400, 1000), (1000, 2000), (2000, 3200)]
SAYING = re.compile(r"(?:^|\s)(?:و|ف)?(?:قال|أكد|أضاف|أوضح|أشار|صرح|ذكر|أعلن|كشف)")


def select(data: Path) -> list[str]:
    by_source: dict[str, list[dict]] = defaultdict(list)
    with gzip.open(data, "rt", encoding="utf-8") as stream:
        for line in stream:
            record = json.loads(line)
            by_source[record["source"]].append(record)
    chosen = []
    for number, source in enumerate(sorted(by_source)):
        low, high = BANDS[number % len(BANDS)]
        records = sorted(by_source[source], key=lambda r: hashlib.sha1(r["id"].encode()).hexdigest())
        for record in records:
            if low <= len(record["content"]) < high and SAYING.search(record["content"]):
                chosen.append(record["id"])
                break
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    for article_id in select(parser.parse_args().data):
        print(article_id)


if __name__ == "__main__":
    main()
