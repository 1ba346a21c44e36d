"""What every subcommand shares: opening a corpus, progress on stderr, one-line errors."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import TextIO

from workbench.core.errors import EXIT_FAILURE, EXIT_USAGE, IndexBusyError, IndexingError, WorkbenchError
from workbench.core.index import UpdateReport, default_processes
from workbench.core.ingest import FileWarning, SkippedFile
from workbench.core.paths import demo_corpus_dir
from workbench.core.progress import CancelToken, Progress
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
    if args.demo:
        # Without CORPUS, argparse may have put the first value in CORPUS's slot: pack the values
        # given into the positionals that follow it, in order (a list positional takes the rest).
        names = list(args.after_corpus)
        given = [args.corpus, *(getattr(args, name) for name in names)]
        listed = bool(names) and isinstance(given[-1], list)
        values = [value for value in (given[:-1] + given[-1] if listed else given) if value is not None]
        singles = names[:-1] if listed else names
        if len(values) > len(singles) and not listed:
            raise CliError("give either a CORPUS folder or --demo, not both", EXIT_USAGE)
        for name in singles:
            setattr(args, name, values.pop(0) if values else None)
        if listed:
            setattr(args, names[-1], values)
        args.corpus = demo_corpus_dir()
    elif args.corpus is not None:
        args.corpus = Path(args.corpus)
    elif not args.corpus_optional:
        raise CliError("give a CORPUS folder (or --demo for the sample articles shipped with the app)", EXIT_USAGE)


def indexing_processes() -> int:
    """Worker processes for indexing: one per core, as many as the free memory allows."""
    return default_processes()


@contextmanager
def open_workspace(corpus: Path, show_progress: bool = False,
                   read_only: bool = True) -> Iterator[tuple[Workspace, UpdateReport]]:
    """Open a corpus and bring its index up to date first (every command reads a current index).

    ``read_only`` commands (search, info, entities) do not wait for another process that is
    updating the index, nor fail when the index cannot be written: they read what is committed,
    with a note on stderr. Ctrl-C or SIGTERM during the update stops it like Cancel: the workers
    stop, what they did is kept, and the command ends with one line (exit 130 or 143).
    """
    workspace = Workspace.open(corpus)
    try:
        printer = ProgressPrinter(sys.stderr) if show_progress else None
        with cancel_on_signals() as stopping:
            try:
                report = workspace.update(progress=printer, cancel=stopping.token, processes=indexing_processes(),
                                          wait=not read_only)
            except IndexBusyError:
                if not read_only:
                    raise
                report = UpdateReport(articles=_first_articles(workspace, stopping.token))
                print(f"workbench: note: another workbench process is still indexing this corpus; reading the "
                      f"{report.articles} articles indexed so far.", file=sys.stderr)
            except IndexingError as error:
                if not read_only:
                    raise
                print(f"workbench: note: {error} Reading what is already indexed.", file=sys.stderr)
                report = UpdateReport(articles=workspace.index.article_count())
        if printer is not None:
            printer.finish()
        if report.rebuilt_reason:
            print(f"workbench: note: {report.rebuilt_reason}", file=sys.stderr)
        for notice in workspace.notices:
            print(f"workbench: note: {notice}", file=sys.stderr)
        if stopping.signal is not None:
            raise CliError(f"stopped by {signal.Signals(stopping.signal).name}: {report.articles} articles are indexed "
                           "and searchable; run the same command again to finish.", 128 + stopping.signal)
        yield workspace, report
    finally:
        workspace.close()


FIRST_BATCH_WAIT_SECONDS = 60.0
"""How long a reading command waits for another process's indexing to commit its first articles."""


def _first_articles(workspace: Workspace, cancel: CancelToken) -> int:
    """The articles in the index, once there are any (another process is indexing it now)."""
    deadline = time.monotonic() + FIRST_BATCH_WAIT_SECONDS
    while (articles := workspace.index.article_count()) == 0 and time.monotonic() < deadline and not cancel.cancelled:
        time.sleep(0.2)
    return articles


class _Stopping:
    """What ``cancel_on_signals`` hands out: the cancel token, and the signal that set it."""

    def __init__(self) -> None:
        self.token = CancelToken()
        self.signal: int | None = None


@contextmanager
def cancel_on_signals() -> Iterator[_Stopping]:
    """Turn the first SIGINT or SIGTERM into a cancel request for the block (a second one
    interrupts at once). Outside the main thread, signals are left alone."""
    stopping = _Stopping()
    if threading.current_thread() is not threading.main_thread():
        yield stopping
        return

    def handle(number: int, frame: FrameType | None) -> None:
        if stopping.signal is not None:
            raise KeyboardInterrupt
        stopping.signal = number
        stopping.token.cancel()

    previous = {number: signal.signal(number, handle) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield stopping
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def print_skipped(report: UpdateReport, stream: TextIO) -> None:
    """List the files that could not be indexed, and the problems inside indexed files, with reasons."""
    print_problems(report.skipped, report.warnings, stream)


def print_problems(skipped: Sequence[SkippedFile], warnings: Sequence[FileWarning], stream: TextIO) -> None:
    """One line per skipped file and per warning: path, reason code, explanation."""
    if skipped:
        print(f"skipped {len(skipped)} file(s):", file=stream)
        for item in skipped:
            print(f"  {item.relpath}: {item.reason}: {item.message}", file=stream)
    if warnings:
        print(f"{len(warnings)} warning(s) about indexed files:", file=stream)
        for warning in warnings:
            print(f"  {warning.relpath}: {warning.reason}: {warning.message}", file=stream)


class ProgressPrinter:
    """Prints indexing progress on stderr: one updating line on a terminal, a line a second otherwise."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.interactive = stream.isatty()
        self.last_line = 0.0
        self.printed = False

    def __call__(self, progress: Progress) -> None:
        if progress.phase == "waiting":
            self.stream.write("waiting for another workbench process that is updating this index...\n")
            self.stream.flush()
            return
        if progress.phase != "index":
            return
        eta = f", {progress.eta_seconds:.0f} s left" if progress.eta_seconds is not None else ""
        share = f" ({100 * progress.fraction:.0f}%)" if progress.fraction is not None else ""
        line = (f"indexing: {progress.done}/{progress.total} files{share}, {progress.articles} articles, "
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
