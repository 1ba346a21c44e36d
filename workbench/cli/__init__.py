"""The ``workbench`` command: the GUI by default, and headless subcommands over workbench.core.

    workbench [--home DIR]                      open the GUI on the last corpus (or the demo corpus)
    workbench gui [CORPUS | --demo]             open the GUI on CORPUS
    workbench index CORPUS                      index (incrementally); progress on stderr
    workbench search CORPUS QUERY [--limit N] [--sort ORDER] [--match all|any] [--source S]... [--from D] [--to D]
                                [--histogram day|week|month] [--json]      QUERY "" or "*": every article
    workbench search CORPUS --queries FILE [--json]
    workbench kwic CORPUS QUERY [--width N] [--sort left|right] [--limit N] [--json]   concordance lines
    workbench info CORPUS [--json]
    workbench entities CORPUS [--type T] [--query Q] [--json]   entities by article count, curation applied
    workbench tag-conll FILE                    tag `token [TAG]` lines with the entity tagger
    workbench select CORPUS NAME (--query Q | --ids FILE) [--remove]   put articles in a selection
    workbench tag CORPUS ID TAG... [--remove]   workbench note CORPUS ID TEXT
    workbench selections CORPUS [--json]        selections, tags in use, notes
    workbench export CORPUS (--query Q | --selection NAME | --all) --out FILE.xlsx|.csv|.jsonl [--sheets ...]
    workbench compare CORPUS ID ID [ID ...] [--threshold T] [--json]   shared passages, entities, numbers
    workbench quotes CORPUS [--speaker NAME] [--json]                  quotations and their speakers
    workbench duplicates CORPUS [--threshold T] [--json]               near-duplicate groups, largest first
    workbench selftest [--quick]                check this installation on the demo corpus (temporary folder)

Every command that takes a CORPUS also takes ``--demo`` instead: the five sample articles
shipped with the app. Each group of subcommands lives in its own module with a ``register``
function; errors a user can meet (``WorkbenchError``) print one line on stderr and exit
non-zero: 2 for usage and query errors, 1 otherwise.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from workbench.cli import (
    compare_commands,
    concordance_commands,
    corpus_commands,
    entity_commands,
    export_commands,
    selftest_commands,
    userdata_commands,
)
from workbench.cli.common import EXIT_FAILURE, CliError, add_corpus_argument, resolve_corpus
from workbench.core import paths
from workbench.core.errors import WorkbenchError

EXIT_BROKEN_PIPE = 141
"""What a shell reports for a program stopped by SIGPIPE (128 + 13)."""
EXIT_INTERRUPTED = 130

COMMAND_GROUPS = (corpus_commands, concordance_commands, entity_commands, userdata_commands, export_commands,
                  compare_commands, selftest_commands)
"""Modules that add subcommands (each has ``register(subparsers)``), in the order help lists them."""


class _VersionAction(argparse.Action):
    """``--version``: reads the version only when asked (see ``workbench.__getattr__``)."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: object,
                 option_string: str | None = None) -> None:
        import workbench

        print(f"{parser.prog} {workbench.__version__}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for tests and for generating help)."""
    parser = argparse.ArgumentParser(prog="workbench", description="Arabic news research workbench.")
    parser.add_argument("--version", action=_VersionAction, nargs=0, help="show the version and exit")
    parser.add_argument("--home", help="data folder for indexes and settings (default: the user data folder; "
                                       "also WORKBENCH_HOME)")
    commands = parser.add_subparsers(dest="command")
    gui = commands.add_parser("gui", help="open the desktop app")
    add_corpus_argument(gui, optional=True, help="corpus folder (default: the last one, or the demo corpus)")
    for group in COMMAND_GROUPS:
        group.register(commands)
    for subcommand in commands.choices.values():  # --home also after the subcommand's name
        subcommand.add_argument("--home", default=argparse.SUPPRESS, help="data folder (as before the subcommand)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``workbench`` console script."""
    multiprocessing.freeze_support()  # a frozen build re-enters here in indexing worker processes
    raw = list(sys.argv[1:] if argv is None else argv)
    args = corpus_commands.unshield(build_parser().parse_args(corpus_commands.shield_dash_queries(raw)))
    if args.home:
        paths.set_data_home(args.home)
    try:
        resolve_corpus(args)
        if args.command in (None, "gui"):
            return _run_gui(getattr(args, "corpus", None))
        return int(args.handler(args))
    except WorkbenchError as error:
        print(f"workbench: {error}", file=sys.stderr)
        return error.exit_code
    except BrokenPipeError:
        # The reader of the output went away (`workbench search ... | head`): stop quietly, and
        # point stdout at devnull so the interpreter's last flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        print("\nworkbench: interrupted; the index keeps everything committed before the interruption. "
              "Run the same command again to finish.", file=sys.stderr)
        return EXIT_INTERRUPTED


def _run_gui(corpus: Path | None) -> int:
    """Start the desktop app; a clear line instead of a traceback when its toolkit is missing."""
    try:
        from workbench.ui.app import main as gui_main
    except ImportError as error:
        raise CliError(f"the desktop app cannot start ({error}): reinstall the workbench with its dependencies "
                       "(pip install arabic-news-workbench), or use the command line.") from error
    return gui_main(corpus)


__all__ = ["EXIT_FAILURE", "build_parser", "main"]
