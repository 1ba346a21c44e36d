"""The naive Whoosh baseline of issue 16, and helpers shared by the indexing profiles.

    python bench/naive_whoosh.py materialise --articles 5000 --out /tmp/snn5k            # .txt files
    python bench/naive_whoosh.py materialise --articles 30000 --layout jsonl --out /tmp/snn30k
    python bench/naive_whoosh.py build /tmp/snn5k [--procs 2] [--filter normalize|lower] [--no-positions]

``build`` indexes a folder of .txt files (or every .jsonl/.jsonl.gz in it, one article a line)
into a fresh Whoosh index with ONE analysed field and nothing else the workbench does:

- schema: ``path`` (ID, stored) and ``body`` (TEXT: positions on by default, like Whoosh's TEXT);
- analyzer: Whoosh's ``RegexTokenizer(r"\\w+")`` then one filter, by default
  ``workbench.core.arabic.normalize`` applied per token (``--filter lower``: Whoosh's LowercaseFilter);
  no clitics, stems, stopwords, metadata, boilerplate, entities, stored text or manifest;
- reading: ``bytes.decode("utf-8")`` per file; for JSONL, ``json.loads`` per line and
  body = title + blank line + content;
- writing: ``ix.writer(procs=N, limitmb=32)`` (Whoosh's MpWriter: the parent pickles documents
  into job files, N forked children analyse and sort them, the parent merges their runs at commit),
  one commit at the end.

It prints articles/s (wall clock), CPU seconds of the whole process tree (getrusage self +
children, children are joined by the commit) and the peak RSS of the process tree: a sampler
thread reads VmRSS of this process and all its descendants from /proc every 50 ms and keeps
the largest SUM (Linux only; elsewhere only this process's ru_maxrss is shown).

``materialise`` writes N SaudiNewsNet articles (those with content, in file order) either as one
``<source>/<id>.txt`` file per article (text = title + blank line + content) or as one
``saudinewsnet.jsonl`` (the original lines). Never commit what it writes: SaudiNewsNet is
CC BY-NC-SA test data that lives in ../shared only.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from whoosh.analysis import Filter  # noqa: E402

from workbench.core.arabic import normalize  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "data" / "news" / "saudinewsnet.jsonl.gz"


# -- materialising a corpus -----------------------------------------------------------------------

def materialise(target: Path, count: int, layout: str = "files", data: Path = DEFAULT_DATA, copies: int = 1) -> int:
    """Write the first ``count`` SaudiNewsNet articles that have content into ``target``.

    ``layout="files"``: ``target/<source>/<id>.txt`` holding title + blank line + content (UTF-8);
    ``layout="jsonl"``: ``target/saudinewsnet.jsonl`` with the original JSON lines, the whole
    list written ``copies`` times (two copies of all 31,030 lines make the ~215 MB file of the
    issues). Returns how many articles were written.
    """
    target.mkdir(parents=True, exist_ok=True)
    written = 0
    collection = (target / "saudinewsnet.jsonl").open("w", encoding="utf-8") if layout == "jsonl" else None
    try:
        for _ in range(copies):
            written += _materialise_once(target, count, collection, data)
    finally:
        if collection is not None:
            collection.close()
    return written


def _materialise_once(target: Path, count: int, collection: Any, data: Path) -> int:
    written = 0
    with gzip.open(data, "rt", encoding="utf-8") as source:
        for line in source:
            record = json.loads(line)
            if not record.get("content", "").strip():
                continue
            if collection is not None:
                collection.write(line)
            else:
                folder = target / record["source"]
                folder.mkdir(exist_ok=True)
                title = record.get("title") or ""
                text = f"{title}\n\n{record['content']}" if title else record["content"]
                (folder / f"{record['id']}.txt").write_text(text, encoding="utf-8")
            written += 1
            if written == count:
                break
    return written


# -- measuring a process tree ---------------------------------------------------------------------

def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                found += [int(child) for child in handle.read().split()]
    except OSError:
        pass
    return found


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def process_tree(pid: int | None = None) -> list[int]:
    """``pid`` (default: this process) and all its descendants."""
    pids = [pid or os.getpid()]
    index = 0
    while index < len(pids):
        pids += _children(pids[index])
        index += 1
    return pids


class TreeMonitor:
    """Samples the RSS of this process tree in a thread; keeps the peak sum and per-process peaks.

    Per-process peaks are keyed by pid with the process's command line, so a report can say
    which process held what. Sampling every ``interval`` seconds can miss sub-interval spikes.
    """

    def __init__(self, interval: float = 0.05) -> None:
        self.interval = interval
        self.peak_total_mb = 0.0
        self.peak_by_pid: dict[int, tuple[str, float]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.available = os.path.exists(f"/proc/{os.getpid()}/task")

    def __enter__(self) -> TreeMonitor:
        if self.available:
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self.available:
            self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            total = 0.0
            for pid in process_tree():
                rss = _rss_mb(pid)
                total += rss
                name, peak = self.peak_by_pid.get(pid, ("", 0.0))
                if not name:
                    name = _cmdline(pid)
                self.peak_by_pid[pid] = (name, max(peak, rss))
            self.peak_total_mb = max(self.peak_total_mb, total)
            self._stop.wait(self.interval)


def _cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            return handle.read().replace(b"\0", b" ").decode(errors="replace").strip()[:80]
    except OSError:
        return "?"


@dataclass
class CpuClock:
    """CPU seconds (user + system) of this process and of its waited-for children since start()."""

    self_start: float = 0.0
    children_start: float = 0.0

    @staticmethod
    def _now() -> tuple[float, float]:
        me = resource.getrusage(resource.RUSAGE_SELF)
        kids = resource.getrusage(resource.RUSAGE_CHILDREN)
        return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime

    def start(self) -> CpuClock:
        self.self_start, self.children_start = self._now()
        return self

    def read(self) -> tuple[float, float]:
        """(this process, its children) CPU seconds since start()."""
        me, kids = self._now()
        return me - self.self_start, kids - self.children_start


# -- the naive build ------------------------------------------------------------------------------

class NormalizeFilter(Filter):
    """Each token's text through ``workbench.core.arabic.normalize`` (no memo: the naive path).

    Module-level so Whoosh can pickle the schema into its TOC."""

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))

    def __call__(self, tokens: Iterator[Any]) -> Iterator[Any]:
        for t in tokens:
            t.text = normalize(t.text)
            yield t


def naive_schema(token_filter: str = "normalize", positions: bool = True) -> Any:
    from whoosh import fields
    from whoosh.analysis import LowercaseFilter, RegexTokenizer

    tokenizer = RegexTokenizer(r"\w+")
    analyzer = tokenizer | (NormalizeFilter() if token_filter == "normalize" else LowercaseFilter())
    return fields.Schema(path=fields.ID(stored=True), body=fields.TEXT(analyzer=analyzer, phrase=positions))


def iter_documents(corpus: Path) -> Iterator[tuple[str, str]]:
    """(path, body) of every article: .txt files decoded as UTF-8, JSONL lines as title + content."""
    for folder, dirs, names in os.walk(corpus):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            path = Path(folder) / name
            relpath = path.relative_to(corpus).as_posix()
            if name.endswith(".txt"):
                yield relpath, path.read_bytes().decode("utf-8")
            elif name.endswith((".jsonl", ".jsonl.gz")):
                opener = gzip.open if name.endswith(".gz") else open
                with opener(path, "rb") as lines:
                    for number, line in enumerate(lines, 1):
                        record = json.loads(line)
                        title = record.get("title") or ""
                        content = record.get("content") or ""
                        yield f"{relpath}#{number}", f"{title}\n\n{content}" if title else content


def naive_build(corpus: Path, index_dir: Path, procs: int = 2, token_filter: str = "normalize",
                positions: bool = True, limitmb: int = 32) -> dict[str, float]:
    """Index ``corpus`` naively into ``index_dir``; returns the measurements."""
    from whoosh import index as windex

    index_dir.mkdir(parents=True, exist_ok=True)
    clock = CpuClock().start()
    started = time.perf_counter()
    with TreeMonitor() as monitor:
        ix = windex.create_in(str(index_dir), naive_schema(token_filter, positions))
        writer = ix.writer(procs=procs, limitmb=limitmb) if procs > 1 else ix.writer(limitmb=limitmb)
        count = 0
        for relpath, body in iter_documents(corpus):
            writer.add_document(path=relpath, body=body)
            count += 1
        added = time.perf_counter()
        writer.commit()
    seconds = time.perf_counter() - started
    cpu_self, cpu_children = clock.read()
    return {
        "articles": count, "seconds": seconds, "feed_seconds": added - started, "commit_seconds": seconds - (added - started),
        "rate": count / seconds, "cpu_self": cpu_self, "cpu_children": cpu_children,
        "peak_tree_mb": monitor.peak_total_mb if monitor.available else float("nan"),
        "peak_self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "peak_child_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "index_mb": sum(p.stat().st_size for p in index_dir.rglob("*") if p.is_file()) / 1e6,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("materialise", help="write N SaudiNewsNet articles as .txt files or one .jsonl")
    make.add_argument("--articles", type=int, default=5000)
    make.add_argument("--layout", choices=("files", "jsonl"), default="files")
    make.add_argument("--out", type=Path, required=True)
    make.add_argument("--data", type=Path, default=DEFAULT_DATA)
    build = commands.add_parser("build", help="index a folder naively and print the measurements")
    build.add_argument("corpus", type=Path)
    build.add_argument("--procs", type=int, default=2)
    build.add_argument("--filter", choices=("normalize", "lower"), default="normalize")
    build.add_argument("--no-positions", action="store_true")
    build.add_argument("--limitmb", type=int, default=32)
    args = parser.parse_args()

    if args.command == "materialise":
        count = materialise(args.out, args.articles, args.layout, args.data)
        print(f"wrote {count} articles to {args.out} ({args.layout})")
        return 0
    with tempfile.TemporaryDirectory(prefix="wb-naive-") as tmp:
        facts = naive_build(args.corpus, Path(tmp) / "index", args.procs, args.filter, not args.no_positions,
                            args.limitmb)
    print(f"naive Whoosh build of {args.corpus} (procs={args.procs}, filter={args.filter}, "
          f"positions={not args.no_positions})")
    print(f"  articles        {facts['articles']:.0f}")
    print(f"  wall            {facts['seconds']:.1f} s  (feeding {facts['feed_seconds']:.1f} s, "
          f"commit {facts['commit_seconds']:.1f} s)")
    print(f"  throughput      {facts['rate']:.0f} articles/s")
    print(f"  CPU             {facts['cpu_self'] + facts['cpu_children']:.1f} s "
          f"(main {facts['cpu_self']:.1f} s, workers {facts['cpu_children']:.1f} s)")
    print(f"  peak RSS        {facts['peak_tree_mb']:.0f} MB process tree (sampled); "
          f"main {facts['peak_self_mb']:.0f} MB, largest worker {facts['peak_child_mb']:.0f} MB")
    print(f"  index size      {facts['index_mb']:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
