"""``workbench select``, ``tag``, ``note`` and ``selections``: the user's marks on articles.

Article ids are what ``search`` prints as ``id`` (a file's path in the corpus, or ``file#N``
for the N-th record of a collection file). Every change is saved at once in the corpus's
store, outside the index, so it survives re-indexing and rebuilds.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from workbench.cli.common import EXIT_OK, EXIT_USAGE, CliError, add_corpus_argument, open_workspace
from workbench.core.search import SearchRequest


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the select, tag, note and selections subcommands."""
    select = commands.add_parser("select", help="put articles in a named selection (made if new), or take them out")
    add_corpus_argument(select, then=("name",))
    select.add_argument("name", nargs="?", help="the selection's name")
    chosen = select.add_mutually_exclusive_group()
    chosen.add_argument("--query", help="the articles matching this search query")
    chosen.add_argument("--ids", type=Path, help="a file of article ids, one per line ('-' reads standard input)")
    chosen.add_argument("--rename", metavar="NEW_NAME", help="give the selection a new name")
    chosen.add_argument("--delete", action="store_true", help="delete the selection (its articles keep tags and notes)")
    select.add_argument("--remove", action="store_true", help="take the articles out of the selection instead")
    select.set_defaults(handler=_cmd_select)

    tag = commands.add_parser("tag", help="add tags to an article (or --remove them)")
    add_corpus_argument(tag, then=("article_id", "tags"))
    tag.add_argument("article_id", nargs="?", help="the article's id (as search prints it)")
    tag.add_argument("tags", nargs="*", help="one or more tags")
    tag.add_argument("--remove", action="store_true", help="remove these tags instead")
    tag.set_defaults(handler=_cmd_tag)

    note = commands.add_parser("note", help="write an article's note (an empty TEXT deletes it)")
    add_corpus_argument(note, then=("article_id", "text"))
    note.add_argument("article_id", nargs="?", help="the article's id (as search prints it)")
    note.add_argument("text", nargs="?", help="the note; '-' reads it from standard input")
    note.set_defaults(handler=_cmd_note)

    selections = commands.add_parser("selections", help="the selections with their articles, and the tags in use")
    add_corpus_argument(selections)
    selections.add_argument("--json", action="store_true", help="print one JSON object")
    selections.set_defaults(handler=_cmd_selections)


def _cmd_select(args: argparse.Namespace) -> int:
    if not args.name:
        raise CliError("give the selection's NAME", EXIT_USAGE)
    if args.remove and (args.rename or args.delete):
        raise CliError("--remove goes with --query or --ids", EXIT_USAGE)
    if not (args.query or args.ids or args.rename or args.delete):
        raise CliError("give --query Q or --ids FILE (or --rename NEW_NAME, --delete)", EXIT_USAGE)
    with open_workspace(args.corpus) as (workspace, _):
        userdata = workspace.userdata
        if args.delete:
            userdata.delete_selection(args.name)
            print(f"deleted the selection {args.name}", file=sys.stderr)
            return EXIT_OK
        if args.rename:
            userdata.rename_selection(args.name, args.rename)
            print(f"renamed the selection {args.name} to {args.rename}", file=sys.stderr)
            return EXIT_OK
        if args.query is not None:
            ids = workspace.engine.search_ids(SearchRequest(args.query))
        else:
            ids = _read_ids(args.ids)
        if args.remove:
            changed = userdata.remove_from_selection(args.name, ids)
            print(f"took {changed} article(s) out of {args.name}", file=sys.stderr)
        else:
            changed = userdata.add_to_selection(args.name, ids)
            print(f"added {changed} article(s) to {args.name} ({len(ids) - changed} were in it already)",
                  file=sys.stderr)
    return EXIT_OK


def _read_ids(path: Path) -> list[str]:
    try:
        text = sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise CliError(f"cannot read the ids file {path}: {error.strerror}") from error
    except UnicodeDecodeError as error:
        raise CliError(f"the ids file {path} is not UTF-8 text: re-save it as UTF-8.") from error
    ids = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    if not ids:
        raise CliError(f"the ids file {path} has no article ids (one per line; # starts a comment).")
    return ids


def _cmd_tag(args: argparse.Namespace) -> int:
    if not args.article_id or not args.tags:
        raise CliError("give an article ID and one or more TAGs", EXIT_USAGE)
    with open_workspace(args.corpus) as (workspace, _):
        if args.remove:
            workspace.userdata.untag([args.article_id], args.tags)
        else:
            workspace.userdata.tag([args.article_id], args.tags)
        marked = workspace.userdata.annotated([args.article_id])
    tags = marked[0].tags if marked else ()
    print(f"{args.article_id}: {', '.join(tags) if tags else 'no tags'}", file=sys.stderr)
    return EXIT_OK


def _cmd_note(args: argparse.Namespace) -> int:
    if not args.article_id or args.text is None:
        raise CliError("give an article ID and the note's TEXT ('' deletes the note, '-' reads standard input)",
                       EXIT_USAGE)
    text = sys.stdin.read() if args.text == "-" else args.text
    with open_workspace(args.corpus) as (workspace, _):
        workspace.userdata.set_note(args.article_id, text)
    print(f"{args.article_id}: {'note saved' if text.strip() else 'note deleted'}", file=sys.stderr)
    return EXIT_OK


def _cmd_selections(args: argparse.Namespace) -> int:
    with open_workspace(args.corpus) as (workspace, _):
        userdata = workspace.userdata
        rows: list[dict[str, Any]] = []
        for selection in userdata.selections():
            ids = userdata.selection_ids(selection.name)
            missing = [marked.record.id for marked in userdata.annotated(ids) if marked.missing]
            rows.append({"name": selection.name, "articles": selection.articles, "missing": missing,
                         "created": selection.created, "ids": ids})
        tags = [{"tag": tag, "articles": count} for tag, count in userdata.tags()]
        notes = len(userdata.article_ids("has", "note"))
    if args.json:
        print(json.dumps({"selections": rows, "tags": tags, "notes": notes}, ensure_ascii=False))
        return EXIT_OK
    if not rows:
        print("no selections yet (workbench select CORPUS NAME --query Q)")
    for row in rows:
        gone = f", {len(row['missing'])} missing" if row["missing"] else ""
        print(f"{row['name']}: {row['articles']} article(s){gone}, created {row['created']}")
    if tags:
        print("tags: " + ", ".join(f"{t['tag']} ({t['articles']})" for t in tags))
    print(f"notes: {notes} article(s)")
    return EXIT_OK
