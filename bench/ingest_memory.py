"""Peak memory and CPU time of READING awkward corpus files: prints a table, asserts nothing.

    python bench/ingest_memory.py [--data PATH] [--baseline CHECKOUT] [--skip-big]

Generates the files the reliability issue measured in a temporary folder: a CSV with one 70 MB
field, single-line .txt files of just under 4 MB (the limit) and 19 MB, a JSONL of 30,000 SaudiNewsNet articles
(~140 MB, repeated to 215 MB for the big one), a JSON array of 10,000 articles, a 20 MB HTML
page. Each file is read by ``read_articles`` in a fresh child process that consumes and drops
the articles (what indexing does before analysis); the child reports its peak RSS
(``VmHWM``, the high-water mark of its resident memory) and CPU time. ``--baseline`` runs the same with another checkout's
``workbench`` (e.g. ../main) for a before/after table. Reading only: the indexing pipeline's
own memory (Whoosh, tagging workers) is bench/index_bench.py's job.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "news" / "saudinewsnet.jsonl.gz"
MB = 1024 * 1024

CHILD = r"""
import sys, time
from pathlib import Path
# Import the checkout named on the command line, not the editable install of this environment.
sys.meta_path[:] = [finder for finder in sys.meta_path if "editable" not in repr(finder)]
sys.path.insert(0, sys.argv[3])
from workbench.core import ingest
start = time.process_time()
articles = chars = 0
try:
    if hasattr(ingest, "read_articles"):
        stream = ingest.read_articles(Path(sys.argv[1]), sys.argv[2])
        for article in stream:
            articles += 1
            chars += len(article.text)
        outcome = ", ".join(f"{w.reason} {w.count}" for w in stream.warnings) or "read"
    else:
        for article in ingest.read_file(Path(sys.argv[1]), sys.argv[2]):
            articles += 1
            chars += len(article.text)
        outcome = "read"
except ingest.SkippedFile as skip:
    outcome = "skipped: " + skip.reason
status = Path("/proc/self/status").read_text()
peak = int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:"))) / 1024
print(f"{articles}\t{chars}\t{peak:.0f}\t{time.process_time() - start:.2f}\t{outcome}")
"""


def snn_records(data: Path, count: int) -> list[bytes]:
    """The first ``count`` SaudiNewsNet lines (repeated when the set is smaller)."""
    with gzip.open(data, "rb") as stream:
        lines = list(itertools.islice(stream, count))
    return list(itertools.islice(itertools.cycle(lines), count))


def make_files(folder: Path, data: Path, skip_big: bool) -> list[str]:
    """Write the awkward files; returns their names in table order."""
    text = "أعلنت وزارة الخارجية اليوم عن اتفاق جديد بين البلدين في دمشق بعد مفاوضات طويلة. "
    names: list[str] = []

    def unit(size: int) -> str:
        return text * (size // len(text.encode()) + 1)

    with (folder / "field_70mb.csv").open("w", encoding="utf-8") as out:
        out.write(f'title,content\nأول,{text}\nضخم,"{unit(70 * MB)}"\nأخير,{text}\n')
    names.append("field_70mb.csv")
    (folder / "line_4mb.txt").write_text(unit(4 * MB - 2 * len(text.encode())), encoding="utf-8")
    (folder / "line_19mb.txt").write_text(unit(19 * MB), encoding="utf-8")
    names += ["line_4mb.txt", "line_19mb.txt"]
    (folder / "page_20mb.html").write_text("<html><body><article><p>" + text * 20 + "</p></article><script>"
                                           + "x" * (19 * MB) + "</script></body></html>", encoding="utf-8")
    names.append("page_20mb.html")
    records = snn_records(data, 30_000)
    (folder / "snn_30k.jsonl").write_bytes(b"".join(records))
    names.append("snn_30k.jsonl")
    (folder / "snn_10k.json").write_text(json.dumps([json.loads(r) for r in records[:10_000]], ensure_ascii=False),
                                         encoding="utf-8")
    names.append("snn_10k.json")
    if not skip_big:
        with (folder / "snn_215mb.jsonl").open("wb") as out:
            written = 0
            for record in itertools.cycle(records):
                out.write(record)
                written += len(record)
                if written >= 215 * MB:
                    break
        names.append("snn_215mb.jsonl")
    return names


def measure(checkout: Path, folder: Path, name: str) -> list[str]:
    """Read one file in a child process running ``checkout``'s workbench."""
    run = subprocess.run([sys.executable, "-c", CHILD, str(folder), name, str(checkout)], capture_output=True,
                         text=True, check=False)
    if run.returncode != 0:
        return ["-", "-", "-", "-", f"crashed: {run.stderr.strip().splitlines()[-1][:60]}"]
    return run.stdout.strip().split("\t")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--baseline", type=Path, help="another checkout to compare with (e.g. ../main)")
    parser.add_argument("--skip-big", action="store_true", help="leave out the 215 MB JSONL")
    args = parser.parse_args()
    checkouts = [("this", REPO)] + ([("baseline", args.baseline.resolve())] if args.baseline else [])
    with tempfile.TemporaryDirectory(prefix="ingest-memory-") as tmp:
        folder = Path(tmp)
        names = make_files(folder, args.data, args.skip_big)
        print(f"{'file':<18} {'size MB':>8} {'code':<9} {'articles':>8} {'peak RSS MB':>11} {'CPU s':>6}  outcome")
        for name in names:
            size = (folder / name).stat().st_size / MB
            for label, checkout in checkouts:
                articles, _, peak, cpu, outcome = measure(checkout, folder, name)
                print(f"{name:<18} {size:>8.1f} {label:<9} {articles:>8} {peak:>11} {cpu:>6}  {outcome}")
    print("\npeak RSS is the child's VmHWM; Python and the imports alone take about 25 MB of it.")


if __name__ == "__main__":
    main()
