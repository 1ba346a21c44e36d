"""The ``workbench`` command: the GUI by default, and headless subcommands over workbench.core.

    workbench [--home DIR]                      open the GUI on the last corpus (or seeds/)
    workbench gui [CORPUS]                      open the GUI on CORPUS
    workbench index CORPUS                      index (incrementally); progress on stderr
    workbench search CORPUS QUERY [--limit N] [--sort relevance|date] [--match all|any] [--json]
    workbench search CORPUS --queries FILE [--json]
    workbench info CORPUS [--json]
    workbench entities CORPUS [--type T] [--query Q] [--json]   entities by article count, curation applied
    workbench tag-conll FILE                    tag `token [TAG]` lines with the entity tagger

Errors print one line on stderr and exit non-zero: 2 for usage and query errors, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any, TextIO

from workbench.core import paths
from workbench.core.corpus import CorpusError
from workbench.core.entities.service import ENTITY_TYPES, entities_json
from workbench.core.index import (
    CorpusIndex,
    IndexingError,
    QueryError,
    SearchRequest,
    SearchResults,
    UpdateReport,
)
from workbench.core.progress import Progress

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2
EXIT_BROKEN_PIPE = 141
"""What a shell reports for a program stopped by SIGPIPE (128 + 13)."""


class _CliError(Exception):
    """An error to print as one line, with its exit code."""

    def __init__(self, message: str, code: int = EXIT_FAILURE) -> None:
        super().__init__(message)
        self.code = code


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for tests and for generating help)."""
    parser = argparse.ArgumentParser(prog="workbench", description="Arabic news research workbench.")
    parser.add_argument("--home", help="data folder for indexes and settings (default: the user data folder; "
                                       "also WORKBENCH_HOME)")
    commands = parser.add_subparsers(dest="command")

    gui = commands.add_parser("gui", help="open the desktop app")
    gui.add_argument("corpus", nargs="?", type=Path, help="corpus folder (default: the last one, or seeds/)")

    index = commands.add_parser("index", help="index a corpus folder (incremental)")
    index.add_argument("corpus", type=Path)

    search = commands.add_parser("search", help="search a corpus (indexes it first when needed)")
    search.add_argument("corpus", type=Path)
    search.add_argument("query", nargs="?", help="the query (see README, 'Query language')")
    search.add_argument("--queries", type=Path, help="file of queries, one per line: one result set per query")
    search.add_argument("--limit", type=int, default=10, help="hits to show per query (default 10)")
    search.add_argument("--sort", choices=("relevance", "date"), default="relevance")
    search.add_argument("--match", choices=("all", "any"), default="all",
                        help="all: every word must match; any: rank by how well documents match any word")
    search.add_argument("--json", action="store_true", help="print JSON (one object per query and line)")

    info = commands.add_parser("info", help="counts, sources, date range, skipped files, index location")
    info.add_argument("corpus", type=Path)
    info.add_argument("--json", action="store_true")

    entities = commands.add_parser("entities", help="the corpus's entities (people, places, organisations) "
                                                    "by article count, with the user's curation applied")
    entities.add_argument("corpus", type=Path)
    entities.add_argument("--type", choices=ENTITY_TYPES, help="only entities of this type")
    entities.add_argument("--query", help="count only the articles matching this search query")
    entities.add_argument("--limit", type=int, default=50, help="entities to show without --json (default 50)")
    entities.add_argument("--json", action="store_true", help="print every entity as one JSON list")

    tag = commands.add_parser("tag-conll", help="tag a CoNLL file (`token [TAG]` lines) with entity tags")
    tag.add_argument("file", type=Path, help="input file; '-' reads standard input")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``workbench`` console script."""
    multiprocessing.freeze_support()  # a frozen build re-enters here in indexing worker processes
    args = _unshield(build_parser().parse_args(_shield_dash_queries(sys.argv[1:] if argv is None else argv)))
    if args.home:
        paths.set_data_home(args.home)
    try:
        if args.command in (None, "gui"):
            from workbench.ui.app import main as gui_main

            return gui_main(getattr(args, "corpus", None))
        handler = {"index": _cmd_index, "search": _cmd_search, "info": _cmd_info, "entities": _cmd_entities,
                   "tag-conll": _cmd_tag_conll}
        return handler[args.command](args)
    except _CliError as error:
        print(f"workbench: {error}", file=sys.stderr)
        return error.code
    except (CorpusError, IndexingError) as error:
        print(f"workbench: {error}", file=sys.stderr)
        return EXIT_FAILURE
    except BrokenPipeError:
        # The reader of the output went away (`workbench search ... | head`): stop quietly, and
        # point stdout at devnull so the interpreter's last flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        print("\nworkbench: interrupted; the index keeps everything committed before the interruption. "
              "Run the same command again to finish.", file=sys.stderr)
        return 130


_DASH_QUERY_MARK = "\x00"


def _shield_dash_queries(argv: Sequence[str]) -> list[str]:
    """The arguments with a query such as ``-داعش`` shielded from argparse (see ``_unshield``).

    Every option is ASCII, so a dash followed by a non-ASCII letter can only be a query that
    starts with a negated word; argparse would reject it as an unknown option.
    """
    if "search" not in argv:
        return list(argv)
    return [_DASH_QUERY_MARK + a if len(a) > 1 and a[0] == "-" and not a[1].isascii() else a for a in argv]


def _unshield(args: argparse.Namespace) -> argparse.Namespace:
    query = getattr(args, "query", None)
    if isinstance(query, str) and query.startswith(_DASH_QUERY_MARK):
        args.query = query[len(_DASH_QUERY_MARK):]
    return args


def _open_and_update(corpus: Path, show_progress: bool) -> tuple[CorpusIndex, UpdateReport]:
    index = CorpusIndex.open(corpus)
    printer = _ProgressPrinter(sys.stderr) if show_progress else None
    report = index.update(progress=printer, processes=min(2, os.cpu_count() or 1))
    if printer is not None:
        printer.finish()
    if report.rebuilt_reason:
        print(f"workbench: note: {report.rebuilt_reason}", file=sys.stderr)
    return index, report


def _cmd_index(args: argparse.Namespace) -> int:
    index, report = _open_and_update(args.corpus, show_progress=True)
    index.close()
    _print_skipped(report, sys.stderr)
    if report.articles == 0:
        raise _CliError(f"no articles found in {args.corpus}: it has no readable .txt, .md, .html, .json, "
                        ".jsonl or .csv files.")
    rate = report.indexed_articles / report.seconds if report.seconds > 0 else 0.0
    print(f"indexed {report.added} new and {report.changed} changed files, removed {report.removed}, "
          f"{report.unchanged} unchanged; {report.articles} articles in the index "
          f"({report.indexed_articles} read at {rate:.0f} articles/s, {report.seconds:.1f} s)", file=sys.stderr)
    return EXIT_OK


def _print_skipped(report: UpdateReport, stream: TextIO) -> None:
    if report.skipped:
        print(f"skipped {len(report.skipped)} file(s):", file=stream)
        for skipped in report.skipped:
            print(f"  {skipped.relpath}: {skipped.reason}: {skipped.message}", file=stream)


def _cmd_search(args: argparse.Namespace) -> int:
    if (args.query is None) == (args.queries is None):
        raise _CliError("give either a QUERY or --queries FILE", EXIT_USAGE)
    if args.limit < 0:
        raise _CliError("--limit must be 0 or more", EXIT_USAGE)
    queries = [args.query] if args.query is not None else _read_queries(args.queries)
    index, report = _open_and_update(args.corpus, show_progress=False)
    try:
        if report.articles == 0:
            raise _CliError(f"no articles found in {args.corpus}: nothing to search.")
        batch = args.queries is not None
        failures = 0
        for text in queries:
            request = SearchRequest(text, sort=args.sort, match=args.match, limit=args.limit)
            try:
                results = index.search(request)
            except QueryError as error:
                if not batch:
                    raise _CliError(f"bad query: {error}", EXIT_USAGE) from error
                failures += 1
                _emit_error(text, str(error), args.json)
                continue
            _emit_results(results, args.json)
        return EXIT_OK if failures == 0 else EXIT_USAGE
    finally:
        index.close()


def _read_queries(path: Path) -> list[str]:
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except OSError as error:
        raise _CliError(f"cannot read the queries file {path}: {error.strerror}") from error
    except UnicodeDecodeError as error:
        raise _CliError(f"the queries file {path} is not UTF-8 text: re-save it as UTF-8.") from error
    queries = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    if not queries:
        raise _CliError(f"the queries file {path} has no queries (one per line; # starts a comment).")
    return queries


def results_json(results: SearchResults) -> dict[str, Any]:
    """The JSON contract of one result set (see README, 'JSON output')."""
    return {
        "query": results.query,
        "total": results.total,
        "variants": results.variants,
        "hits": [
            {
                "path": hit.path, "id": hit.id, "title": hit.title, "source": hit.source, "date": hit.date,
                "url": hit.url, "score": hit.score,
                "snippets": [{"text": s.text, "highlights": [list(h) for h in s.highlights]} for s in hit.snippets],
            }
            for hit in results
        ],
    }


def _emit_results(results: SearchResults, as_json: bool) -> None:
    if as_json:
        print(json.dumps(results_json(results), ensure_ascii=False))
        return
    print(f"{results.total} result(s) for {results.query}")
    for word, variants in results.variants.items():
        print(f"  also matched for {word}: {', '.join(variants)}")
    for rank, hit in enumerate(results, start=1):
        meta = " · ".join(part for part in (hit.source, hit.date, hit.path) if part)
        print(f"\n{rank}. {hit.title}\n   {meta}   score {hit.score:.2f}")
        for snippet in hit.snippets:
            print(f"   … {_mark(snippet.text, snippet.highlights)} …")


def _emit_error(query: str, message: str, as_json: bool) -> None:
    if as_json:
        print(json.dumps({"query": query, "error": message}, ensure_ascii=False))
    else:
        print(f"bad query {query}: {message}", file=sys.stderr)


def _mark(text: str, highlights: list[tuple[int, int]]) -> str:
    """Bracket the highlighted spans for plain-text output."""
    out, last = [], 0
    for start, end in highlights:
        out += [text[last:start], "[", text[start:end], "]"]
        last = end
    out.append(text[last:])
    return "".join(out)


def _cmd_info(args: argparse.Namespace) -> int:
    index, report = _open_and_update(args.corpus, show_progress=False)
    try:
        info = index.info()
    finally:
        index.close()
    if args.json:
        data = asdict(info)
        data["corpus"], data["index_path"] = str(info.corpus), str(info.index_path)
        data["skipped"] = [{"path": s.relpath, "reason": s.reason, "message": s.message} for s in info.skipped]
        print(json.dumps(data, ensure_ascii=False))
        return EXIT_OK
    print(f"corpus:     {info.corpus}")
    print(f"articles:   {info.articles} in {info.files} file(s)")
    print(f"dates:      {info.date_min or '?'} .. {info.date_max or '?'}")
    print("sources:    " + (", ".join(f"{name} ({count})" for name, count in info.sources.items()) or "none found"))
    print(f"index:      {info.index_path} ({info.index_bytes / 1e6:.1f} MB)")
    if info.skipped:
        print(f"skipped:    {len(info.skipped)} file(s)")
        for skipped in info.skipped:
            print(f"  {skipped.relpath}: {skipped.reason}: {skipped.message}")
    return EXIT_OK


def _cmd_entities(args: argparse.Namespace) -> int:
    index, _ = _open_and_update(args.corpus, show_progress=False)
    try:
        rows = entities_json(index, type=args.type, query=args.query)
    except QueryError as error:
        raise _CliError(str(error), EXIT_USAGE) from error
    finally:
        index.close()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
        return EXIT_OK
    for row in rows[:args.limit]:
        aliases = f"  ({', '.join(row['aliases'])})" if row["aliases"] else ""
        print(f"{row['articles']:6d} {row['mentions']:7d}  {row['type']:<12} {row['name']}{aliases}")
    if len(rows) > args.limit:
        print(f"... {len(rows) - args.limit} more (--limit N, or --json for all)")
    return EXIT_OK


def _cmd_tag_conll(args: argparse.Namespace) -> int:
    from workbench.core.entities.conll import tag_conll

    try:
        if str(args.file) == "-":
            lines = sys.stdin.read().splitlines()
        else:
            lines = args.file.read_text(encoding="utf-8-sig").splitlines()
    except OSError as error:
        raise _CliError(f"cannot read {args.file}: {error.strerror}") from error
    except UnicodeDecodeError as error:
        raise _CliError(f"{args.file} is not UTF-8 text: re-save it as UTF-8.") from error
    for line in tag_conll(lines):
        sys.stdout.write(line + "\n")
    return EXIT_OK


class _ProgressPrinter:
    """Prints indexing progress on stderr: one updating line on a terminal, a line a second otherwise."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.interactive = stream.isatty()
        self.last_line = 0.0
        self.printed = False

    def __call__(self, progress: Progress) -> None:
        if progress.phase != "index":
            return
        eta = f", {progress.eta_seconds:.0f} s left" if progress.eta_seconds is not None else ""
        line = (f"indexing: {progress.done}/{progress.total} files, {progress.articles} articles, "
                f"{progress.rate:.0f} articles/s{eta}")
        now = time.monotonic()
        if self.interactive:
            self.stream.write("\r" + line.ljust(79))
            self.printed = True
        elif now - self.last_line >= 1.0 or progress.done == progress.total:
            self.stream.write(line + "\n")
            self.last_line = now
        self.stream.flush()

    def finish(self) -> None:
        """End the updating line."""
        if self.interactive and self.printed:
            self.stream.write("\n")
