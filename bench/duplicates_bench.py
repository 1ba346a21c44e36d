"""What near-duplicate grouping (and quote finding) cost while indexing SaudiNewsNet, and what
grouping finds: prints tables, asserts nothing.

    python bench/duplicates_bench.py [--articles 30000] [--pairs 50] [--sample FILE]
    python bench/duplicates_bench.py --indexing [--articles 6000] [--rounds 2] [--processes 2]
    python bench/duplicates_bench.py --templated 6000

Default mode, the stages alone (quick, CPU time, so a busy machine barely matters): reads the
articles as the indexer does (one JSONL collection), then measures the CPU time per article of
each stage's ``analyse`` (what the indexing workers do; the entity stage on the first
``--tagged`` articles only, it is the slow one), and the time and memory the duplicate store
takes to take in every fingerprint in commits of 5,000 articles, as the indexer commits. The
cost of grouping relative to indexing is (its analyse + its store) / (all stages' analyse +
Whoosh's indexing), Whoosh's share taken from ``--whoosh-ms`` (per article, bench/index_bench.py).

``--indexing``: the real thing, slow. Indexes the corpus (one .txt per article) in fresh
processes without and with ``DuplicateStage``, interleaved ``--rounds`` times, and reports
wall time, CPU time (process and workers) and peak RSS of the main process.

Both then print the groups at the default threshold and write ``--pairs`` randomly chosen pairs
(seeded) to ``--sample`` (source, date, title and opening words of both) for judging by eye.

``--templated N``: the worst case for the store, N generated bulletins that differ by a few
numbers (market reports, weather, prayer times), so that every article shares every bucket:
CPU per article for each batch as the store fills (flat when the work per article is bounded),
pairs kept, file size and the groups found.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from index_bench import DEFAULT_DATA, print_facts, write_corpus  # noqa: E402

from workbench.core.compare import DEFAULT_DUPLICATE_THRESHOLD, DuplicateStage, DuplicateStore  # noqa: E402
from workbench.core.compare.duplicates import DuplicateGroup, Fingerprint, _signature_bytes  # noqa: E402
from workbench.core.index import CorpusIndex  # noqa: E402
from workbench.core.ingest import Article, read_file  # noqa: E402
from workbench.core.workspace import INDEX_STAGES, Workspace  # noqa: E402

BATCH_ARTICLES = 900
"""Articles the store takes per ``replace``: about one indexing task (index/planning.py MAX_TASK_BYTES)."""


def run_once(corpus: Path, home: Path, grouping: bool, processes: int) -> dict[str, float]:
    """Index ``corpus`` from scratch in this process; returns timings and peak RSS."""
    os.environ["WORKBENCH_HOME"] = str(home)
    stages = INDEX_STAGES if grouping else tuple(s for s in INDEX_STAGES if not isinstance(s, DuplicateStage))
    started, cpu_started = time.perf_counter(), _cpu()
    index = CorpusIndex.open(corpus, stages)
    report = index.update(processes=processes)
    index.close()
    return {"wall": time.perf_counter() - started, "cpu": _cpu() - cpu_started, "articles": report.articles,
            "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def stage_costs(corpus: Path, tagged: int, whoosh_ms: float) -> tuple[list[tuple[str, str]], dict[str, Article],
                                                                        list[DuplicateGroup]]:
    """CPU per article of each stage, and the duplicate store's time and memory at full size."""
    articles = read_file(corpus, "saudinewsnet.jsonl").articles
    rows = [("articles read", f"{len(articles)}")]
    per_article: dict[str, float] = {}
    fingerprints = []
    for stage in INDEX_STAGES:
        batch = articles[:tagged] if stage.name == "entities" else articles
        started = time.process_time()
        results = []
        for start in range(0, len(batch), 16):
            results += stage.analyse(batch[start:start + 16])
        per_article[stage.name] = (time.process_time() - started) * 1000 / len(batch)
        if isinstance(stage, DuplicateStage):
            fingerprints = results
        rows.append((f"{stage.name} analyse", f"{per_article[stage.name]:.2f} ms CPU per article "
                                              f"(over {len(batch)})"))
    with tempfile.TemporaryDirectory(prefix="wb-dup-store-") as folder:
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        store = DuplicateStore(Path(folder))
        started = time.process_time()
        for generation, start in enumerate(range(0, len(articles), BATCH_ARTICLES), 1):
            chunk = range(start, min(start + BATCH_ARTICLES, len(articles)))
            store.replace([], [(articles[i].id, articles[i].path, fingerprints[i]) for i in chunk], generation)
        store_ms = (time.process_time() - started) * 1000 / len(articles)
        started = time.perf_counter()
        groups = store.groups(DEFAULT_DUPLICATE_THRESHOLD)
        group_ms = (time.perf_counter() - started) * 1000
        rss_growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - rss_before
        size = Path(store.path).stat().st_size / 1e6
        store.close()
    grouping = per_article["duplicates"] + store_ms
    indexing = sum(per_article.values()) + whoosh_ms
    rows += [
        ("duplicate store", f"{store_ms:.2f} ms CPU per article, {size:.1f} MB on disk, peak RSS "
                            f"+{max(rss_growth, 0):.0f} MB while filling it"),
        ("reading the groups", f"{group_ms:.0f} ms"),
        ("grouping, per article", f"{grouping:.2f} ms of {indexing:.1f} ms for indexing "
                                  f"(Whoosh {whoosh_ms} ms assumed): {grouping / indexing:+.1%}"),
        ("quotes, per article", f"{per_article['quotes']:.2f} ms: {per_article['quotes'] / indexing:+.1%}"),
    ]
    return rows, {article.id: article for article in articles}, groups


def print_groups(groups: list[DuplicateGroup], articles: dict[str, Article] | Workspace, count: int,
                 target: Path) -> None:
    """Print the groups' sizes and write ``count`` sampled pairs to ``target``."""
    sizes: dict[int, int] = {}
    for group in groups:
        sizes[len(group.ids)] = sizes.get(len(group.ids), 0) + 1
    exact = sum(group.exact for group in groups)
    in_groups = sum(len(group.ids) for group in groups)
    print_facts([
        (f"groups (threshold {DEFAULT_DUPLICATE_THRESHOLD})", f"{len(groups)} ({exact} exact copies), "
                                                              f"{in_groups} articles in them"),
        ("group sizes", ", ".join(f"{size}: {n}" for size, n in sorted(sizes.items()))),
        ("largest groups", "; ".join(f"{len(g.ids)} x {g.ids[0]} (sim {g.similarity})" for g in groups[:3])),
    ])
    pairs = [(group.ids[0], other, group.similarity, group.exact) for group in groups for other in group.ids[1:]]
    chosen = random.Random(13).sample(pairs, min(count, len(pairs)))
    with target.open("w", encoding="utf-8") as out:
        for number, (first, second, similarity, exact) in enumerate(chosen, 1):
            out.write(f"## pair {number} (group similarity {similarity}{', exact' if exact else ''})\n")
            for article_id in (first, second):
                article = articles[article_id] if isinstance(articles, dict) else articles.index.article(article_id)
                out.write(f"{article_id} | {article.source} | {article.date} | {article.title}\n")
                out.write(" ".join(article.text.split()[:60]) + "\n")
            out.write("\n")
    print(f"{len(chosen)} sampled pairs written to {target}")


BULLETIN = ("أعلنت هيئة السوق المالية اليوم أن سعر سهم شركة الاتصالات بلغ {n} ريالا في ختام تداولات الجلسة "
            "وقال المتحدث باسم الهيئة إن حجم التداول وصل إلى {m} مليون سهم وأضاف أن المؤشر العام ارتفع "
            "بنسبة {p} بالمئة مقارنة بالجلسة السابقة")


def templated_store(count: int, folder: Path) -> None:
    """Fill a duplicate store with ``count`` templated bulletins; print the cost batch by batch."""
    rng = random.Random(3)
    fingerprints = []
    for number in range(count):
        text = BULLETIN.format(n=rng.randint(10, 99), m=number, p=rng.randint(1, 99))
        fingerprints.append((f"b{number}", "bulletins.jsonl", Fingerprint(f"h{number}", _signature_bytes(text.split()))))
    store = DuplicateStore(folder)
    rows = [("corpus", f"{count} generated bulletins differing by three numbers, batches of {BATCH_ARTICLES}")]
    for generation, start in enumerate(range(0, count, BATCH_ARTICLES), 1):
        batch = fingerprints[start:start + BATCH_ARTICLES]
        started = time.process_time()
        store.replace([], batch, generation)
        rows.append((f"articles {start + 1}-{start + len(batch)}",
                     f"{(time.process_time() - started) * 1000 / len(batch):.2f} ms CPU per article"))
    (pairs,) = store._db.execute("SELECT COUNT(*) FROM pairs").fetchone()
    groups = store.groups(0.3)
    rows += [("pairs kept", f"{pairs} ({pairs / count:.1f} per article)"),
             ("store on disk", f"{Path(store.path).stat().st_size / 1e6:.1f} MB"),
             ("groups at 0.3", ", ".join(f"{len(group.ids)} articles" for group in groups[:3]) or "none")]
    store.close()
    print_facts(rows)


def indexing_runs(args: argparse.Namespace, tmp: Path) -> None:
    """Index without and with grouping in fresh processes; print the table and the groups."""
    corpus = tmp / "corpus"
    count = write_corpus(args.data, corpus, args.articles, "files")
    results: dict[bool, list[dict[str, float]]] = {False: [], True: []}
    for round_number in range(args.rounds):
        for grouping in (False, True):
            home = tmp / f"home-{round_number}-{int(grouping)}"
            output = subprocess.run([sys.executable, __file__, "--processes", str(args.processes), "--run",
                                     str(corpus), str(home), str(int(grouping))],
                                    check=True, capture_output=True, text=True).stdout
            results[grouping].append(json.loads(output.strip().splitlines()[-1]))
    rows = [("corpus", f"{count} SaudiNewsNet articles, one file each, processes={args.processes}, "
                       f"rounds={args.rounds}")]
    for grouping in (False, True):
        label = "with grouping" if grouping else "without grouping"
        for run in results[grouping]:
            rows.append((label, f"wall {run['wall']:.1f} s, CPU {run['cpu']:.1f} s, peak RSS {run['rss']:.0f} MB"))
    base, grouped = results[False], results[True]
    rows += [("grouping adds (CPU)", f"{sum(r['cpu'] for r in grouped) / sum(r['cpu'] for r in base) - 1:+.1%}"),
             ("grouping adds (wall)", f"{sum(r['wall'] for r in grouped) / sum(r['wall'] for r in base) - 1:+.1%}"),
             ("grouping adds (peak RSS)", f"{max(r['rss'] for r in grouped) - max(r['rss'] for r in base):+.0f} MB")]
    print_facts(rows)
    os.environ["WORKBENCH_HOME"] = str(tmp / f"home-{args.rounds - 1}-1")
    workspace = Workspace.open(corpus)
    try:
        print_groups(workspace.compare.duplicate_groups(), workspace, args.pairs, args.sample)
    finally:
        workspace.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=30000)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--indexing", action="store_true", help="measure whole indexing runs (slow)")
    parser.add_argument("--templated", type=int, default=0, help="fill the store with N templated bulletins")
    parser.add_argument("--rounds", type=int, default=1, help="interleaved without/with pairs of indexing runs")
    parser.add_argument("--tagged", type=int, default=500, help="articles the entity stage is timed on")
    parser.add_argument("--whoosh-ms", type=float, default=2.0,
                        help="Whoosh's own indexing CPU per article (reading, analysis, writing)")
    parser.add_argument("--pairs", type=int, default=50)
    parser.add_argument("--sample", type=Path, default=Path("duplicate_pairs.txt"))
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--run", nargs=3, metavar=("CORPUS", "HOME", "GROUPING"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        corpus, home, grouping = args.run
        print(json.dumps(run_once(Path(corpus), Path(home), grouping == "1", args.processes)))
        return 0
    if args.templated:
        with tempfile.TemporaryDirectory(prefix="wb-dup-templated-") as tmp:
            templated_store(args.templated, Path(tmp))
        return 0
    if not args.data.is_file():
        print(f"no data at {args.data}: pass --data", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="wb-dup-bench-") as tmp:
        if args.indexing:
            indexing_runs(args, Path(tmp))
            return 0
        corpus = Path(tmp) / "corpus"
        write_corpus(args.data, corpus, args.articles, "jsonl")
        rows, articles, groups = stage_costs(corpus, args.tagged, args.whoosh_ms)
        print_facts(rows)
        print_groups(groups, articles, args.pairs, args.sample)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
