"""``workbench export``: articles with their concordance, entities and the user's marks, to a file.

The file's extension chooses the format: .xlsx (every table as a sheet), .csv or .jsonl (one
table, Articles unless ``--sheets`` names another).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workbench.cli.common import EXIT_OK, EXIT_USAGE, CliError, add_corpus_argument, open_workspace
from workbench.core.export import SHEETS, ExportRequest
from workbench.core.progress import Progress
from workbench.core.search import SORT_ORDERS, SearchRequest


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the export subcommand."""
    export = commands.add_parser("export", help="export articles to Excel (.xlsx), CSV or JSON Lines")
    add_corpus_argument(export)
    what = export.add_mutually_exclusive_group()
    what.add_argument("--query", help="the articles matching this search query (its matches make the Hits sheet)")
    what.add_argument("--selection", help="the articles of this selection (missing ones included)")
    what.add_argument("--all", action="store_true", help="every article of the corpus")
    export.add_argument("--out", type=Path, required=True, help="the file to write: FILE.xlsx, FILE.csv or FILE.jsonl")
    export.add_argument("--sheets", default=None,
                        help=f"comma-separated tables to write (default: all for .xlsx, articles otherwise): "
                             f"{', '.join(SHEETS)}")
    export.add_argument("--sort", choices=SORT_ORDERS, default="relevance", help="article order (with --query)")
    export.add_argument("--match", choices=("all", "any"), default="all")
    export.set_defaults(handler=_cmd_export)


def _cmd_export(args: argparse.Namespace) -> int:
    if not (args.query or args.selection or args.all):
        raise CliError("say what to export: --query Q, --selection NAME or --all", EXIT_USAGE)
    sheets = tuple(s.strip().lower() for s in args.sheets.split(",") if s.strip()) if args.sheets else SHEETS
    sort = args.sort if args.query else "date"
    request = ExportRequest(args.out.expanduser().absolute(), SearchRequest(args.query or "", sort=sort, match=args.match),
                            selection=args.selection, sheets=sheets)
    with open_workspace(args.corpus) as (workspace, report):
        if report.articles == 0:
            raise CliError(f"no articles found in {args.corpus}: nothing to export.")
        exported = workspace.export(request, progress=_print_progress)
    for note in exported.notes:
        print(f"workbench: note: {note}", file=sys.stderr)
    missing = f" ({exported.missing} missing)" if exported.missing else ""
    print(f"exported {exported.articles} article(s){missing}, {exported.hits} hit(s), {exported.entities} "
          f"entities, {exported.mentions} mention(s) to {exported.path} in {exported.seconds:.1f} s", file=sys.stderr)
    return EXIT_OK


def _print_progress(progress: Progress) -> None:
    if sys.stderr.isatty():
        sys.stderr.write(f"\rexporting {progress.message}: {progress.done}/{progress.total}".ljust(60))
        sys.stderr.flush()
