"""``workbench kwic``: the concordance of a query, one occurrence per line (see core/search/kwic.py)."""

from __future__ import annotations

import argparse
import json
from itertools import islice
from typing import Any

from workbench.cli.common import EXIT_OK, EXIT_USAGE, CliError, add_corpus_argument, open_workspace
from workbench.cli.corpus_commands import add_filter_arguments, search_request
from workbench.core.errors import QueryError
from workbench.core.search import is_browse
from workbench.core.search.kwic import DEFAULT_WIDTH, SORT_SIDES, ConcordanceLine, concordance, sorted_lines

DEFAULT_LIMIT = 100


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the kwic subcommand."""
    kwic = commands.add_parser("kwic", help="every occurrence of a query in context (concordance)")
    add_corpus_argument(kwic, then=("query",))
    kwic.add_argument("query", nargs="?", help="the query (see README, 'Query language')")
    kwic.add_argument("--width", type=int, default=DEFAULT_WIDTH,
                      help=f"characters of context on each side, whole words only (default {DEFAULT_WIDTH})")
    kwic.add_argument("--sort", dest="side", choices=SORT_SIDES,
                      help="order lines by the words before the match (left) or after it (right); "
                           "default: the articles' relevance, then text order")
    kwic.add_argument("--limit", type=int, default=DEFAULT_LIMIT,
                      help=f"lines to print (default {DEFAULT_LIMIT}; 0 prints every line)")
    kwic.add_argument("--match", choices=("all", "any"), default="all", help="as for search")
    add_filter_arguments(kwic)
    kwic.add_argument("--json", action="store_true", help="print one JSON object with every line printed")
    kwic.set_defaults(handler=_cmd_kwic)


def _cmd_kwic(args: argparse.Namespace) -> int:
    if not args.query or is_browse(args.query):
        raise CliError("give a QUERY: the concordance lists the places where it matches", EXIT_USAGE)
    if args.limit < 0:
        raise CliError("--limit must be 0 or more", EXIT_USAGE)
    with open_workspace(args.corpus) as (workspace, report):
        if report.articles == 0:
            raise CliError(f"no articles found in {args.corpus}: nothing to search.")
        try:
            results = workspace.engine.search(search_request(args, args.query, None))
            found = concordance(results, width=args.width)
            limit = args.limit or None
            lines = sorted_lines(found, args.side)[:limit] if args.side else list(islice(found, limit))
        except QueryError as error:
            raise CliError(f"bad query: {error}", EXIT_USAGE) from error
        if args.json:
            print(json.dumps({"query": args.query, "articles": results.total, "lines": [_line_json(line) for line in lines]},
                             ensure_ascii=False))
        else:
            for line in lines:
                print(_line_text(line, args.width))
    return EXIT_OK


def _line_json(line: ConcordanceLine) -> dict[str, Any]:
    return {"id": line.article_id, "path": line.path, "title": line.title, "source": line.source, "date": line.date,
            "occurrence": line.occurrence, "start": line.start, "end": line.end,
            "left": line.left, "match": line.match, "right": line.right}


def _line_text(line: ConcordanceLine, width: int) -> str:
    """The contexts padded to ``width`` so the matches line up in a column; then where it is."""
    where = " · ".join(part for part in (line.source, line.date, line.article_id) if part)
    return f"{line.left.strip().rjust(width)}  [{line.match}]  {line.right.strip().ljust(width)}  ({where})"
