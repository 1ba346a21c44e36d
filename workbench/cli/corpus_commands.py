"""``workbench index``, ``search`` and ``info``: build a corpus's index, search it, describe it."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from workbench.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    CliError,
    add_corpus_argument,
    open_workspace,
    print_problems,
    print_skipped,
)
from workbench.core.errors import EXIT_FAILURE, QueryError, WorkbenchError
from workbench.core.search import BUCKETS, SORT_ORDERS, Histogram, Hit, SearchRequest, SearchResults
from workbench.core.search.query import parse_date_range
from workbench.core.workspace import Workspace


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the index, search and info subcommands."""
    index = commands.add_parser("index", help="index a corpus folder (incremental)")
    add_corpus_argument(index)
    index.set_defaults(handler=_cmd_index)

    search = commands.add_parser("search", help="search a corpus (indexes it first when needed)")
    add_corpus_argument(search, then=("query",))
    search.add_argument("query", nargs="?",
                        help="the query (see README, 'Query language'); \"\" or \"*\" lists every article")
    search.add_argument("--queries", type=Path, help="file of queries, one per line: one result set per query")
    search.add_argument("--limit", type=int, default=10, help="hits to show per query (default 10)")
    search.add_argument("--sort", choices=SORT_ORDERS, default="relevance",
                        help="relevance (newest first when listing every article), date (newest first), "
                             "date-asc (oldest first), source, title")
    search.add_argument("--match", choices=("all", "any"), default="all",
                        help="all: every word must match; any: rank by how well documents match any word")
    add_filter_arguments(search)
    search.add_argument("--histogram", choices=BUCKETS,
                        help="also count every matching article per day, week or month and source")
    search.add_argument("--one-per-story", action="store_true",
                        help="leave republished copies (near-duplicates) out: one article per story, "
                             "each with the ids of its copies")
    search.add_argument("--json", action="store_true", help="print JSON (one object per query and line)")
    search.set_defaults(handler=_cmd_search)

    info = commands.add_parser("info", help="counts, sources, date range, skipped files, index location")
    add_corpus_argument(info)
    info.add_argument("--json", action="store_true")
    info.set_defaults(handler=_cmd_info)


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    """``--source`` (repeatable) and ``--from``/``--to``: the filters beside the query."""
    parser.add_argument("--source", action="append", default=[], metavar="SOURCE",
                        help="only articles of this source (repeat for several)")
    parser.add_argument("--from", dest="date_from", metavar="DATE",
                        help="only articles dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)")
    parser.add_argument("--to", dest="date_to", metavar="DATE",
                        help="only articles dated on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD)")


def search_request(args: argparse.Namespace, query: str, limit: int | None) -> SearchRequest:
    """The SearchRequest of a query with the command's sort, match mode and filters."""
    date_from = date_to = None
    if args.date_from or args.date_to:
        try:
            dates = parse_date_range(f"{args.date_from or ''}..{args.date_to or ''}")
        except QueryError as error:
            raise CliError(f"bad --from/--to: {error}", EXIT_USAGE) from error
        date_from, date_to = dates.start, dates.end
    return SearchRequest(query, sort=getattr(args, "sort", "relevance"), match=args.match, limit=limit,
                         sources=tuple(args.source), date_from=date_from, date_to=date_to)


_DASH_QUERY_MARK = "\x00"


def shield_dash_queries(argv: Sequence[str]) -> list[str]:
    """The arguments with a query such as ``-داعش`` shielded from argparse (see ``unshield``).

    Every option is ASCII, so a dash followed by a non-ASCII letter can only be a query that
    starts with a negated word; argparse would reject it as an unknown option.
    """
    if "search" not in argv and "kwic" not in argv:
        return list(argv)
    return [_DASH_QUERY_MARK + a if len(a) > 1 and a[0] == "-" and not a[1].isascii() else a for a in argv]


def unshield(args: argparse.Namespace) -> argparse.Namespace:
    """Undo ``shield_dash_queries`` on whichever positional took the query."""
    for name in ("query", "corpus"):
        value = getattr(args, name, None)
        if isinstance(value, str) and value.startswith(_DASH_QUERY_MARK):
            setattr(args, name, value[len(_DASH_QUERY_MARK):])
    return args


def _cmd_index(args: argparse.Namespace) -> int:
    with open_workspace(args.corpus, show_progress=True, read_only=False) as (_, report):
        pass
    print_skipped(report, sys.stderr)
    if report.articles == 0:
        raise CliError(f"no articles found in {args.corpus}: it has no readable .txt, .md, .html, .json, "
                       ".jsonl or .csv files.")
    rate = report.indexed_articles / report.seconds if report.seconds > 0 else 0.0
    print(f"indexed {report.added} new and {report.changed} changed files, removed {report.removed}, "
          f"{report.unchanged} unchanged; {report.articles} articles in the index "
          f"({report.indexed_articles} read at {rate:.0f} articles/s, {report.seconds:.1f} s)", file=sys.stderr)
    return EXIT_OK


def _cmd_search(args: argparse.Namespace) -> int:
    if (args.query is None) == (args.queries is None):
        raise CliError("give either a QUERY or --queries FILE", EXIT_USAGE)
    if args.limit < 0:
        raise CliError("--limit must be 0 or more", EXIT_USAGE)
    queries = [args.query] if args.query is not None else _read_queries(args.queries)
    with open_workspace(args.corpus) as (workspace, report):
        if report.articles == 0:
            raise CliError(f"no articles found in {args.corpus}: nothing to search.")
        if args.queries is None:
            _emit_stories(workspace, _search_one(workspace, args, queries[0]), args)
            return EXIT_OK
        return _search_batch(workspace, args, queries)


def _search_one(workspace: Workspace, args: argparse.Namespace, text: str) -> SearchResults:
    request = _request(args, text)
    try:
        return workspace.engine.search(request)
    except QueryError as error:
        raise CliError(f"bad query: {error}", EXIT_USAGE) from error


def _search_batch(workspace: Workspace, args: argparse.Namespace, queries: list[str]) -> int:
    """Run every query; one that fails is reported on its own line and the batch goes on.

    Exit code: 0; 2 when a query was malformed; 1 when one failed for another reason.
    """
    exit_code = EXIT_OK
    for text in queries:
        try:
            _emit_stories(workspace, workspace.engine.search(_request(args, text)), args)
        except QueryError as error:
            exit_code = exit_code or EXIT_USAGE
            _emit_error(text, str(error), args.json)
        except WorkbenchError as error:
            exit_code = EXIT_FAILURE
            _emit_error(text, str(error), args.json)
        except OSError:
            raise  # the disk or the output pipe, not the query: stop the batch
        except Exception as error:  # a bug: reported on its line, and the batch goes on
            exit_code = EXIT_FAILURE
            _emit_error(text, f"internal error ({type(error).__name__}: {error}); please report it", args.json)
    return exit_code


def _request(args: argparse.Namespace, text: str) -> SearchRequest:
    """The request of one query; with --one-per-story every match is ranked (copies are left out
    before the first ``--limit`` are shown)."""
    return search_request(args, text, None if args.one_per_story else args.limit)


def _emit_stories(workspace: Workspace, results: SearchResults, args: argparse.Namespace) -> None:
    """Print results, folded to one article per story with --one-per-story."""
    if not args.one_per_story:
        _emit_results(results, args.json, args.histogram)
        return
    shown, folding = workspace.compare.stories(results, one_per_story=True)
    similar = {head: list(story.copies) for head, story in folding.stories.items()}
    _emit_results(shown, args.json, args.histogram, limit=args.limit, similar=similar)


def _read_queries(path: Path) -> list[str]:
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except OSError as error:
        raise CliError(f"cannot read the queries file {path}: {error.strerror}") from error
    except UnicodeDecodeError as error:
        raise CliError(f"the queries file {path} is not UTF-8 text: re-save it as UTF-8.") from error
    queries = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    if not queries:
        raise CliError(f"the queries file {path} has no queries (one per line; # starts a comment).")
    return queries


def results_json(results: SearchResults, limit: int | None = None,
                 similar: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """The JSON contract of one result set (see README, 'JSON output'); ``similar`` (one article
    per story) adds each hit's copies."""
    data: dict[str, Any] = {
        "query": results.query,
        "total": results.total,
        "variants": results.variants,
        "warnings": [str(notice) for notice in results.notices],
        "hits": [
            {
                "path": hit.path, "id": hit.id, "title": hit.title, "source": hit.source, "date": hit.date,
                "url": hit.url, "score": hit.score,
                "snippets": [{"text": s.text, "highlights": [list(h) for h in s.highlights]} for s in hit.snippets],
            }
            for hit in _hits(results, limit)
        ],
    }
    if similar is not None:
        for hit_data in data["hits"]:
            hit_data["similar"] = similar.get(hit_data["id"], [])
    return data


def _hits(results: SearchResults, limit: int | None) -> Iterator[Hit]:
    return (results.hit(i) for i in range(len(results) if limit is None else min(limit, len(results))))


def _emit_results(results: SearchResults, as_json: bool, bucket: str | None = None, limit: int | None = None,
                  similar: dict[str, list[str]] | None = None) -> None:
    histogram = results.histogram(bucket) if bucket else None
    if as_json:
        data = results_json(results, limit, similar)
        if histogram is not None:
            data["histogram"] = histogram.to_json()
        print(json.dumps(data, ensure_ascii=False))
        return
    print(f"{results.total} result(s) for {results.query or '(every article)'}")
    for word, variants in results.variants.items():
        print(f"  also matched for {word}: {', '.join(variants)}")
    for notice in results.notices:
        print(f"  note: {notice}")
    for rank, hit in enumerate(_hits(results, limit), start=1):
        meta = " · ".join(part for part in (hit.source, hit.date, hit.path) if part)
        score = "" if results.browsing else f"   score {hit.score:.2f}"
        print(f"\n{rank}. {hit.title}\n   {meta}{score}")
        if similar and similar.get(hit.id):
            print(f"   +{len(similar[hit.id])} similar: {', '.join(similar[hit.id])}")
        for snippet in hit.snippets:
            print(f"   … {_mark(snippet.text, snippet.highlights)} …")
    if histogram is not None:
        _print_histogram(histogram)


def _print_histogram(histogram: Histogram) -> None:
    """One line per bucket: its first day, the total, and the count of each source in it."""
    print(f"\narticles per {histogram.bucket}:")
    for start, row in zip(histogram.starts, histogram.counts, strict=True):
        parts = ", ".join(f"{source} {count}" for source, count in zip(histogram.sources, row, strict=True) if count)
        print(f"  {start}  {sum(row):>6}  {parts}")
    if histogram.undated:
        print(f"  undated     {histogram.undated:>6}")


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
    with open_workspace(args.corpus) as (workspace, _):
        info = workspace.index.info()
    if args.json:
        data = asdict(info)
        data["corpus"], data["index_path"] = str(info.corpus), str(info.index_path)
        data["skipped"] = [{"path": s.relpath, "reason": s.reason, "message": s.message} for s in info.skipped]
        data["warnings"] = [{"path": w.relpath, "reason": w.reason, "count": w.count, "message": w.message}
                            for w in info.warnings]
        print(json.dumps(data, ensure_ascii=False))
        return EXIT_OK
    print(f"corpus:     {info.corpus}")
    print(f"articles:   {info.articles} in {info.files} file(s)")
    print(f"dates:      {info.date_min or '?'} .. {info.date_max or '?'}")
    print("sources:    " + (", ".join(f"{name} ({count})" for name, count in info.sources.items()) or "none found"))
    print(f"index:      {info.index_path} ({info.index_bytes / 1e6:.1f} MB)")
    print_problems(info.skipped, info.warnings, sys.stdout)
    return EXIT_OK
