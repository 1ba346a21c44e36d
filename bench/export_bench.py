"""Export speed and memory on SaudiNewsNet: prints a table, asserts nothing.

    python bench/export_bench.py [--articles 10000] [--data PATH] [--formats .xlsx,.csv] [--work DIR]

Writes N articles of ../shared/data/news/saudinewsnet.jsonl.gz into a temporary corpus (one
.jsonl collection), indexes it, then exports every article with every sheet (Articles, Hits,
Entities, Mentions, About) for the query ``السعودية`` and for the whole corpus, each in a fresh
process so its peak RSS is the export's own (plus opening the workspace, reported apart). With
lxml installed (it is not a dependency), the .xlsx export runs twice: with openpyxl's lxml writer
and with its default et_xmlfile writer (``OPENPYXL_LXML=False``), to show what lxml would be
worth. ``--work DIR`` keeps the corpus and its index there, so a second run skips indexing.

Target from issue 12: 10,000 articles, all sheets, <= 15 s with bounded memory.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from index_bench import DEFAULT_DATA, write_corpus  # noqa: E402

from workbench.core.export import ExportRequest  # noqa: E402
from workbench.core.search import SearchRequest  # noqa: E402
from workbench.core.workspace import Workspace  # noqa: E402

QUERY = "السعودية"


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(corpus: Path, out: Path, query: str) -> None:
    """Run one export in this (fresh) process and print its measurements as JSON."""
    workspace = Workspace.open(corpus)
    workspace.update()
    opened_mb = _rss_mb()
    wall, cpu = time.perf_counter(), time.process_time()
    report = workspace.export(ExportRequest(out, SearchRequest(query)))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    workspace.close()
    print(json.dumps({"wall": wall, "cpu": cpu, "opened_mb": opened_mb, "peak_mb": _rss_mb(),
                      "articles": report.articles, "hits": report.hits, "entities": report.entities,
                      "mentions": report.mentions, "bytes": out.stat().st_size}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--formats", default=".xlsx,.csv")
    parser.add_argument("--work", type=Path, help="keep the corpus and index in this folder and reuse them")
    parser.add_argument("--child", nargs=3, metavar=("CORPUS", "OUT", "QUERY"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), Path(args.child[1]), args.child[2])
        return
    if not args.data.is_file():
        sys.exit(f"no data at {args.data}")
    with tempfile.TemporaryDirectory() as scratch:
        work = args.work or Path(scratch)
        os.environ["WORKBENCH_HOME"] = str(work / "home")
        corpus = work / "corpus"
        if not corpus.exists():
            write_corpus(args.data, corpus, args.articles, "jsonl")
        started = time.perf_counter()
        workspace = Workspace.open(corpus)
        report = workspace.update(processes=2)
        workspace.close()
        print(f"{report.articles:,} articles in the index ({report.indexed_articles:,} indexed now in "
              f"{time.perf_counter() - started:.0f} s, not part of the export times)\n")
        variants = []
        for extension in args.formats.split(","):
            writers = ["lxml", "et_xmlfile"] if extension == ".xlsx" and importlib.util.find_spec("lxml") else [""]
            variants += [(extension, writer) for writer in writers]
        print(f"{'export':<26}{'format':<8}{'xml writer':<12}{'wall s':>8}{'cpu s':>8}{'open MB':>9}{'peak MB':>9}"
              f"{'file MB':>9}  rows")
        for query, label in ((QUERY, f"query {QUERY}"), ("", "every article")):
            for extension, writer in variants:
                env = dict(os.environ, OPENPYXL_LXML="False" if writer == "et_xmlfile" else "True")
                out = work / f"export{extension}"
                result = subprocess.run([sys.executable, __file__, "--child", str(corpus), str(out), query],
                                        env=env, capture_output=True, text=True, check=True)
                row = json.loads(result.stdout.strip().splitlines()[-1])
                print(f"{label:<26}{extension:<8}{writer or '-':<12}{row['wall']:>8.1f}{row['cpu']:>8.1f}"
                      f"{row['opened_mb']:>9.0f}{row['peak_mb']:>9.0f}{row['bytes'] / 1e6:>9.1f}  "
                      f"{row['articles']:,} articles, {row['hits']:,} hits, {row['entities']:,} entities, "
                      f"{row['mentions']:,} mentions")


if __name__ == "__main__":
    main()
