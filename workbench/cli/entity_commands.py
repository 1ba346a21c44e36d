"""``workbench entities`` and ``tag-conll``: a corpus's people, places and organisations, and the tagger alone."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from workbench.cli.common import EXIT_OK, CliError, add_corpus_argument, open_workspace
from workbench.core.entities.service import ENTITY_TYPES


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the entities and tag-conll subcommands."""
    entities = commands.add_parser("entities", help="the corpus's entities (people, places, organisations) "
                                                    "by article count, with the user's curation applied")
    add_corpus_argument(entities)
    entities.add_argument("--type", choices=ENTITY_TYPES, help="only entities of this type")
    entities.add_argument("--query", help="count only the articles matching this search query")
    entities.add_argument("--limit", type=int, default=50, help="entities to show without --json (default 50)")
    entities.add_argument("--json", action="store_true", help="print every entity as one JSON list")
    entities.set_defaults(handler=_cmd_entities)

    tag = commands.add_parser("tag-conll", help="tag a CoNLL file (`token [TAG]` lines) with entity tags")
    tag.add_argument("file", type=Path, help="input file; '-' reads standard input")
    tag.set_defaults(handler=_cmd_tag_conll)


def _cmd_entities(args: argparse.Namespace) -> int:
    with open_workspace(args.corpus) as (workspace, _):
        rows = workspace.entities_json(type=args.type, query=args.query)
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
        raise CliError(f"cannot read {args.file}: {error.strerror}") from error
    except UnicodeDecodeError as error:
        raise CliError(f"{args.file} is not UTF-8 text: re-save it as UTF-8.") from error
    for line in tag_conll(lines):
        sys.stdout.write(line + "\n")
    return EXIT_OK
