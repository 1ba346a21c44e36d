"""Concordance (KWIC), browse and timeline speed on SaudiNewsNet: prints a table, asserts nothing.

    python bench/kwic_bench.py [--articles 30000] [--corpus FOLDER] [--data PATH]

Writes N articles of ../shared/data/news/saudinewsnet.jsonl.gz into a temporary ``.jsonl``
corpus and indexes it (or, with ``--corpus``, uses a folder already indexed under
WORKBENCH_HOME, which saves the indexing minutes), then measures, per query word:

- search: the engine's search with every hit (what the GUI asks for);
- first 1,000 lines: the concordance until its 1,000th line (what the KWIC view shows first);
- every line: the whole concordance, and sorting it by the words to the left;
- browse: every article newest first, and by title (its first run reads every title);
- timeline: the per-day histogram of the results.

Times are CPU seconds of this process (wall-clock is noisy on a shared machine) and the best of
``--rounds`` runs; the first run of each measure is reported apart where caches matter.
Target from issue 11: the first 1,000 lines of a frequent word in under 1 s at 30k articles.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from itertools import islice
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.index_bench import DEFAULT_DATA, print_facts, write_corpus  # noqa: E402
from workbench.core.search import SearchRequest  # noqa: E402
from workbench.core.search.kwic import concordance, sorted_lines  # noqa: E402
from workbench.core.workspace import Workspace  # noqa: E402

WORDS = ["السعودية", "الرياض", "النفط", "الحوثي", '"مجلس الوزراء"']
FIRST_LINES = 1000


def cpu(action: Callable[[], Any], rounds: int) -> tuple[float, float, Any]:
    """(first run, best run) CPU seconds of ``action`` and its last result."""
    times, result = [], None
    for _ in range(rounds):
        started = time.process_time()
        result = action()
        times.append(time.process_time() - started)
    return times[0], min(times), result


def measure(workspace: Workspace, rounds: int) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    engine = workspace.engine
    for word in WORDS:
        _, search_s, results = cpu(lambda w=word: engine.search(SearchRequest(w)), rounds)
        first, best, lines = cpu(lambda r=results: list(islice(concordance(r), FIRST_LINES)), rounds)
        articles_read = lines[-1].row + 1 if lines else 0
        every_first, _, every = cpu(lambda r=results: list(concordance(r)), 1)
        _, sort_s, _ = cpu(lambda e=every: sorted_lines(e, "left"), rounds)
        rows.append((f"{word}: search", f"{results.total} articles, {search_s * 1000:.0f} ms"))
        rows.append((f"{word}: first {FIRST_LINES} lines",
                     f"{best:.2f} s (first run {first:.2f} s; {articles_read} articles read)"))
        rows.append((f"{word}: every line", f"{len(every)} lines in {every_first:.1f} s, sorted by left in {sort_s:.2f} s"))
    _, browse_s, browse = cpu(lambda: engine.search(SearchRequest("")), rounds)
    title_first, title_best, _ = cpu(lambda: engine.search(SearchRequest("", sort="title")), rounds)
    _, histogram_s, histogram = cpu(lambda: browse.histogram("day"), rounds)
    rows.append(("browse every article, newest first", f"{browse.total} articles, {browse_s * 1000:.0f} ms"))
    rows.append(("browse by title", f"{title_best * 1000:.0f} ms (first run {title_first:.2f} s: reads every title)"))
    rows.append(("timeline of every article, per day",
                 f"{len(histogram.starts)} days x {len(histogram.sources)} sources, {histogram_s * 1000:.0f} ms"))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=30000)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--corpus", type=Path, help="an indexed corpus folder to use instead of writing one")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="wb-kwic-bench-") as tmp:
        corpus = args.corpus
        if corpus is None:
            if not args.data.is_file():
                print(f"no data at {args.data}: pass --data or --corpus", file=sys.stderr)
                return 1
            os.environ.setdefault("WORKBENCH_HOME", str(Path(tmp) / "home"))
            corpus = Path(tmp) / "corpus"
            write_corpus(args.data, corpus, args.articles, "jsonl")
        workspace = Workspace.open(corpus)
        try:
            report = workspace.update(processes=2)
            rows = [("corpus", f"{corpus} ({report.articles} articles)")]
            rows += measure(workspace, args.rounds)
        finally:
            workspace.close()
    print_facts(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
