"""What every subcommand shares: opening a corpus, progress on stderr, one-line errors."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from workbench.core.errors import EXIT_FAILURE, EXIT_USAGE, WorkbenchError
from workbench.core.index import UpdateReport
from workbench.core.paths import demo_corpus_dir
from workbench.core.progress import Progress
from workbench.core.workspace import Workspace

__all__ = ["EXIT_FAILURE", "EXIT_OK", "EXIT_USAGE", "CliError", "add_corpus_argument", "open_workspace",
           "print_skipped", "resolve_corpus"]

EXIT_OK = 0


class CliError(WorkbenchError):
    """A mistake in how the command was called, or a condition it cannot work under."""

    def __init__(self, message: str, code: int = EXIT_FAILURE) -> None:
        super().__init__(message)
        self.exit_code = code


def add_corpus_argument(parser: argparse.ArgumentParser, optional: bool = False, then: Sequence[str] = (),
                        help: str = "corpus folder") -> None:
    """The CORPUS positional, and ``--demo`` to use the bundled demo corpus instead.

    ``then`` names the positionals that follow CORPUS: with ``--demo`` the user leaves CORPUS
    out, so what argparse read as CORPUS is the first of them (``search --demo حلب``).
    """
    parser.add_argument("corpus", nargs="?", help=help)
    parser.add_argument("--demo", action="store_true", help="use the demo corpus shipped with the app (no CORPUS)")
    parser.set_defaults(corpus_optional=optional, after_corpus=tuple(then))


def resolve_corpus(args: argparse.Namespace) -> None:
    """Turn the CORPUS / ``--demo`` arguments into ``args.corpus`` (a Path, or None where optional)."""
    if not hasattr(args, "corpus_optional"):
        return
    if args.demo and args.after_corpus and isinstance(getattr(args, args.after_corpus[-1]), list):
        # the positional after CORPUS takes any number of values (compare's IDs): CORPUS was the first
        if args.corpus is not None:
            getattr(args, args.after_corpus[-1]).insert(0, args.corpus)
        args.corpus = demo_corpus_dir()
    elif args.demo:
        shifted = [args.corpus, *(getattr(args, name) for name in args.after_corpus)]
        if shifted[-1] is not None:
            raise CliError("give either a CORPUS folder or --demo, not both", EXIT_USAGE)
        for name, value in zip(args.after_corpus, shifted, strict=False):
            setattr(args, name, value)
        args.corpus = demo_corpus_dir()
    elif args.corpus is not None:
        args.corpus = Path(args.corpus)
    elif not args.corpus_optional:
        raise CliError("give a CORPUS folder (or --demo for the sample articles shipped with the app)", EXIT_USAGE)


def indexing_processes() -> int:
    """Worker processes for indexing: one per core, two at most (the writer needs a core too)."""
    return min(2, os.cpu_count() or 1)


@contextmanager
def open_workspace(corpus: Path, show_progress: bool = False) -> Iterator[tuple[Workspace, UpdateReport]]:
    """Open a corpus and bring its index up to date first (every command reads a current index)."""
    workspace = Workspace.open(corpus)
    try:
        printer = ProgressPrinter(sys.stderr) if show_progress else None
        report = workspace.update(progress=printer, processes=indexing_processes())
        if printer is not None:
            printer.finish()
        if report.rebuilt_reason:
            print(f"workbench: note: {report.rebuilt_reason}", file=sys.stderr)
        yield workspace, report
    finally:
        workspace.close()


def print_skipped(report: UpdateReport, stream: TextIO) -> None:
    """List the files that could not be indexed, with their reasons."""
    if report.skipped:
        print(f"skipped {len(report.skipped)} file(s):", file=stream)
        for skipped in report.skipped:
            print(f"  {skipped.relpath}: {skipped.reason}: {skipped.message}", file=stream)


class ProgressPrinter:
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
