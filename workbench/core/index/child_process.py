"""Run CorpusIndex.update in a separate process, relaying progress and cancel.

For an interactive caller: the updating process publishes segments and writes SQLite, and
Python's garbage collector can hold its interpreter lock for a long time, which would freeze
a GUI sharing the process. Run in a spawned child, indexing leaves the caller's process free;
the caller's own CorpusIndex sees each batch as soon as it is published (the index and the
SQLite files are shared on disk). The child is started with "spawn", which is safe from any
thread.

The child never outlives the caller: a watchdog thread cancels the run when the caller's
process disappears (the workers of the run stop in turn, and what they finished is kept), and
exits outright if that takes more than EXIT_GRACE_SECONDS.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import multiprocessing.synchronize
import os
import queue
import threading
from collections.abc import Sequence
from pathlib import Path

from workbench.core import paths
from workbench.core.errors import IndexingError
from workbench.core.index.corpus_index import CorpusIndex, UpdateReport
from workbench.core.index.stages import IndexStage
from workbench.core.messages import translatable
from workbench.core.progress import CancelToken, Progress, ProgressCallback

POLL_SECONDS = 0.1
EXIT_GRACE_SECONDS = 30.0
"""How long an orphaned child may take to stop its workers and save what they did."""


def update_in_child(corpus: Path, stages: Sequence[IndexStage] = (), progress: ProgressCallback | None = None,
                    cancel: CancelToken | None = None, processes: int = 1, wait: bool = True) -> UpdateReport:
    """CorpusIndex.open(corpus, stages).update(...) in a child process; same result, same exceptions."""
    context = multiprocessing.get_context("spawn")
    events = context.Queue()
    stop = context.Event()
    child = context.Process(target=_child_main, name="workbench-indexing",
                            args=(str(corpus), tuple(stages), str(paths.data_home()), events, stop, processes, wait))
    child.start()
    try:
        while True:
            if cancel is not None and cancel.cancelled:
                stop.set()
            try:
                kind, payload = events.get(timeout=POLL_SECONDS)
            except queue.Empty:
                if not child.is_alive():
                    raise IndexingError(translatable("The indexing process stopped unexpectedly (exit code {code}); "
                                                     "the index keeps what was saved. Update the index to go on."),
                                        code=child.exitcode) from None
                continue
            if kind == "progress" and progress is not None:
                progress(payload)
            elif kind == "done":
                assert isinstance(payload, UpdateReport)
                return payload
            elif kind == "error":
                raise payload
    finally:
        child.join(timeout=EXIT_GRACE_SECONDS)
        if child.is_alive():
            child.terminate()
        events.close()


def _child_main(corpus: str, stages: tuple[IndexStage, ...], home: str,
                events: multiprocessing.Queue,  # type: ignore[type-arg]
                stop: multiprocessing.synchronize.Event, processes: int, wait: bool) -> None:
    os.environ[paths.HOME_ENV] = home
    token = CancelToken()
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_watch_parent, args=(parent.sentinel, token, events), name="parent-watchdog",
                         daemon=True).start()

    def relay(progress: Progress) -> None:
        # The stop flag is polled here rather than waited on by a thread: a process that exits
        # while waiting on a multiprocessing Event makes the parent's set() block for ever.
        if stop.is_set():
            token.cancel()
        if not token.cancelled or parent is None or parent.is_alive():
            events.put(("progress", progress))

    try:
        index = CorpusIndex.open(Path(corpus), stages)
        try:
            report = index.update(progress=relay, cancel=token, processes=processes, wait=wait)
        finally:
            index.close()
        events.put(("done", report))
    except BaseException as error:
        events.put(("error", error))


def _watch_parent(sentinel: int, token: CancelToken,
                  events: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    """Cancel the run when the parent process dies; exit if stopping takes too long."""
    multiprocessing.connection.wait([sentinel])
    events.cancel_join_thread()  # nobody reads the queue any more: do not block exit on it
    token.cancel()
    deadline = threading.Timer(EXIT_GRACE_SECONDS, os._exit, args=(1,))
    deadline.daemon = True
    deadline.start()
