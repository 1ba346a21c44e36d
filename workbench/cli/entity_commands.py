"""``workbench entities``, ``workbench entity …`` and ``tag-conll``: a corpus's people, places and
organisations, their curation from the command line (scriptable), and the tagger alone.

An ENTITY argument is an id from ``workbench entities --json`` (``PERSON:سيرغي لافروف``,
``user:3``) or a name as the list shows it (one of its spellings also works when only one
entity has it). Every curation subcommand is one step of the corpus's undo/redo log, the same
one the app's Ctrl+Z reverts, and is kept in the corpus's store, so it survives re-indexing.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from workbench.cli.common import EXIT_OK, EXIT_USAGE, CliError, add_corpus_argument, open_workspace
from workbench.core.arabic import name_key
from workbench.core.entities.service import ALL, ENTITY_TYPES, HIDDEN, LISTED, Entity, EntityService
from workbench.core.userdata.store import CurationStep
from workbench.core.workspace import Workspace

SPELLING_RULES = {
    "": "its name",
    "spelling": "the same name written differently",
    "article": "linked in the same article to {via}",
    "variant": "spelling variant of {via}",
    "alias": "another name of {via} (alias list)",
    "lineage": "the full name, with the father's name, of {via}",
    "part": "part of the longer name {via}",
    "linked": "given name that articles link to {via}",
    "merged": "you merged {via} into it",
    "assigned": "you assigned it",
}
"""How ``entity show`` explains each spelling (service.Spelling.rule)."""


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the entities, entity and tag-conll subcommands."""
    entities = commands.add_parser("entities", help="the corpus's entities (people, places, organisations) "
                                                    "by article count, with the user's curation applied")
    add_corpus_argument(entities)
    entities.add_argument("--type", choices=ENTITY_TYPES, help="only entities of this type")
    entities.add_argument("--query", help="count only the articles matching this search query")
    entities.add_argument("--limit", type=int, default=50, help="entities to show without --json (default 50)")
    entities.add_argument("--json", action="store_true", help="print every entity as one JSON list")
    which = entities.add_mutually_exclusive_group()
    which.add_argument("--hidden", dest="listing", action="store_const", const=HIDDEN, default=LISTED,
                       help="list the hidden entities and the lone given names left out of the lists")
    which.add_argument("--all", dest="listing", action="store_const", const=ALL, help="list every entity")
    entities.set_defaults(handler=_cmd_entities)

    entity = commands.add_parser("entity", help="show or curate entities: merge, split, rename, type, hide, "
                                                "unhide, undo, redo, history")
    actions = entity.add_subparsers(dest="action", required=True, metavar="ACTION")
    _action(actions, "show", "an entity's spellings (and why each belongs), counts and sources", _cmd_show,
            ("entity",), json_flag=True)
    merge = _action(actions, "merge", "merge entities into one (it keeps its id, name and type)", _cmd_merge,
                    ("entities",))
    merge.add_argument("--into", required=True, metavar="ENTITY", help="the entity the others become part of")
    _action(actions, "split", "move one spelling of an entity out into an entity of its own", _cmd_split,
            ("entity", "alias"))
    _action(actions, "rename", "show an entity under another name", _cmd_rename, ("entity", "name"))
    retype = _action(actions, "type", "change the type of entities", _cmd_type, ("entities",))
    retype.add_argument("--to", required=True, choices=ENTITY_TYPES, help="the new type")
    _action(actions, "hide", "leave entities out of every list, filter and highlight", _cmd_hide, ("entities",))
    _action(actions, "unhide", "list hidden entities (or left-out given names) again", _cmd_unhide, ("entities",))
    _action(actions, "undo", "undo the latest curation step", _cmd_undo, ())
    _action(actions, "redo", "redo the curation step undone last", _cmd_redo, ())
    _action(actions, "history", "the curation steps that undo and redo would revert or make again", _cmd_history,
            (), json_flag=True)

    tag = commands.add_parser("tag-conll", help="tag a CoNLL file (`token [TAG]` lines) with entity tags")
    tag.add_argument("file", type=Path, help="input file; '-' reads standard input")
    tag.set_defaults(handler=_cmd_tag_conll)


_POSITIONALS = {
    "entity": {"metavar": "ENTITY", "help": "an entity id or name"},
    "entities": {"metavar": "ENTITY", "nargs": "+", "help": "entity ids or names"},
    "alias": {"metavar": "ALIAS", "help": "the spelling to split out, as `entity show` lists it"},
    "name": {"metavar": "NAME", "help": "the new name"},
}


def _action(actions: argparse._SubParsersAction, name: str, help: str,  # type: ignore[type-arg]
            handler: Callable[[argparse.Namespace], int], positionals: tuple[str, ...],
            json_flag: bool = False) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = actions.add_parser(name, help=help, description=help)
    add_corpus_argument(parser, then=positionals)
    for positional in positionals:
        parser.add_argument(positional, **_POSITIONALS[positional])  # type: ignore[arg-type]
    if json_flag:
        parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=handler)
    return parser


def _cmd_entities(args: argparse.Namespace) -> int:
    with open_workspace(args.corpus) as (workspace, _):
        rows = workspace.entities_json(type=args.type, query=args.query, listing=args.listing)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
        return EXIT_OK
    for row in rows[:args.limit]:
        aliases = f"  ({', '.join(row['aliases'])})" if row["aliases"] else ""
        left_out = " [hidden]" if row.get("hidden") else " [given name only]" if row.get("fragment") else ""
        print(f"{row['articles']:6d} {row['mentions']:7d}  {row['type']:<12} {row['name']}{left_out}{aliases}")
    if len(rows) > args.limit:
        print(f"... {len(rows) - args.limit} more (--limit N, or --json for all)")
    return EXIT_OK


def resolve(service: EntityService, reference: str) -> Entity:
    """The entity an id or a name names; CliError (with candidates) when none or several do."""
    try:
        return service.entity(reference)
    except KeyError:
        pass
    key = name_key(reference)
    everything = service.entities(listing=ALL)
    found = [e for e in everything if name_key(e.name) == key] or [
        e for e in everything if key in {name_key(alias) for alias in e.aliases}]
    if len(found) == 1:
        return found[0]
    if found:
        choices = "; ".join(f"{e.id} ({e.type}, {e.articles} articles)" for e in found[:10])
        raise CliError(f"'{reference}' names {len(found)} entities: give one of their ids: {choices}", EXIT_USAGE)
    completer = service.completer()
    near = next((found for cut in range(len(reference), 1, -1) if (found := completer.complete(reference[:cut], limit=5))),
                [])  # a typo: suggest what its longest matching beginning finds
    hint = f"; did you mean {', '.join(repr(e.name) for e in near)}?" if near else ""
    raise CliError(f"no entity is called '{reference}' (list them with `workbench entities`){hint}", EXIT_USAGE)


def _curate(args: argparse.Namespace, change: Callable[[EntityService], str]) -> int:
    """Run one curation step on the corpus and print what it did."""
    with open_workspace(args.corpus) as (workspace, _):
        print(change(workspace.entities))
    return EXIT_OK


def _cmd_merge(args: argparse.Namespace) -> int:
    def change(service: EntityService) -> str:
        target = resolve(service, args.into)
        sources = [resolve(service, reference) for reference in args.entities]
        service.merge([e.id for e in sources], into=target.id)
        merged = service.entity(target.id)
        return f"merged {', '.join(e.name for e in sources if e.id != target.id)} into {merged.name} ({merged.id}): " \
               f"{merged.articles} articles"
    return _curate(args, change)


def _cmd_split(args: argparse.Namespace) -> int:
    def change(service: EntityService) -> str:
        entity = resolve(service, args.entity)
        new = service.entity(service.split(entity.id, args.alias))
        return f"split {args.alias} out of {entity.name}: {new.name} ({new.id}), {new.articles} articles"
    return _curate(args, change)


def _cmd_rename(args: argparse.Namespace) -> int:
    def change(service: EntityService) -> str:
        entity = resolve(service, args.entity)
        service.rename(entity.id, args.name)
        return f"renamed {entity.name} ({entity.id}) to {service.entity(entity.id).name}"
    return _curate(args, change)


def _on_each(apply: Callable[[EntityService, list[str], argparse.Namespace], None],
             done: str) -> Callable[[argparse.Namespace], int]:
    """A subcommand that resolves its ENTITY arguments and applies one step to all of them."""
    def command(args: argparse.Namespace) -> int:
        def change(service: EntityService) -> str:
            found = [resolve(service, reference) for reference in args.entities]
            apply(service, [e.id for e in found], args)
            return f"{done.format(**vars(args))}: {', '.join(e.name for e in found)}"
        return _curate(args, change)
    return command


_cmd_type = _on_each(lambda service, ids, args: service.set_type(ids, args.to), "now {to}")
_cmd_hide = _on_each(lambda service, ids, args: service.hide(ids), "hidden")
_cmd_unhide = _on_each(lambda service, ids, args: service.unhide(ids), "listed again")


def _step_line(step: CurationStep) -> str:
    return f"{step.action} {', '.join(step.entity_ids)}"


def _cmd_undo(args: argparse.Namespace) -> int:
    def change(service: EntityService) -> str:
        step = service.undo()
        return f"undone: {_step_line(step)}" if step else "nothing to undo"
    return _curate(args, change)


def _cmd_redo(args: argparse.Namespace) -> int:
    def change(service: EntityService) -> str:
        step = service.redo()
        return f"redone: {_step_line(step)}" if step else "nothing to redo"
    return _curate(args, change)


def _cmd_history(args: argparse.Namespace) -> int:
    with open_workspace(args.corpus) as (workspace, _):
        done, undone = workspace.entities.history()
    if args.json:
        steps = {"undo": [_step_json(s) for s in done], "redo": [_step_json(s) for s in undone]}
        print(json.dumps(steps, ensure_ascii=False))
        return EXIT_OK
    for step in reversed(undone):
        print(f"  (undone) {_step_line(step)}")
    for step in done:
        print(f"           {_step_line(step)}")
    if not done and not undone:
        print("no curation yet")
    return EXIT_OK


def _step_json(step: CurationStep) -> dict[str, Any]:
    return {"step": step.step, "action": step.action, "entities": list(step.entity_ids)}


def _cmd_show(args: argparse.Namespace) -> int:
    with open_workspace(args.corpus) as (workspace, _):
        entity = resolve(workspace.entities, args.entity)
        details = _details(workspace, entity)
    if args.json:
        print(json.dumps(details, ensure_ascii=False))
        return EXIT_OK
    state = " (hidden)" if entity.hidden else " (a given name only: left out of the lists)" if entity.fragment else ""
    print(f"{entity.name}  [{entity.type}] {entity.id}{state}")
    print(f"{entity.articles} articles, {entity.mentions} mentions")
    print("spellings:")
    for spelling in details["spellings"]:
        why = SPELLING_RULES.get(spelling["rule"], spelling["rule"]).format(via=spelling["via"])
        print(f"  {spelling['articles']:6d}  {spelling['text']}  — {why}")
    print("sources:")
    for source, count in details["sources"].items():
        print(f"  {count:6d}  {source or '(unknown)'}")
    return EXIT_OK


def _details(workspace: Workspace, entity: Entity) -> dict[str, Any]:
    spellings = workspace.entities.explain(entity.id)
    return {"id": entity.id, "name": entity.name, "type": entity.type, "articles": entity.articles,
            "mentions": entity.mentions, "hidden": entity.hidden, "fragment": entity.fragment,
            "spellings": [{"text": s.text, "articles": s.articles, "mentions": s.mentions, "rule": s.rule,
                           "via": s.via} for s in spellings],
            "sources": workspace.source_counts(entity.docs)}


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
