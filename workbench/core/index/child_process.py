"""Run CorpusIndex.update in a separate process, relaying progress and cancel.

For an interactive caller: Whoosh's segment writing and Python's garbage collector hold the
interpreter lock for hundreds of milliseconds at a time, which freezes any GUI sharing the
process. Run in a spawned child, indexing leaves the caller's process free; the caller's own
CorpusIndex sees the result at its next search (the index and the SQLite files are shared on
disk). The child is started with "spawn", which is safe from any thread.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.synchronize
import os
import queue
from collections.abc import Sequence
from pathlib import Path

from workbench.core import paths
from workbench.core.errors import IndexingError
from workbench.core.index.corpus_index import CorpusIndex, UpdateReport
from workbench.core.index.stages import IndexStage
from workbench.core.messages import translatable
from workbench.core.progress import CancelToken, Progress, ProgressCallback

POLL_SECONDS = 0.1


def update_in_child(corpus: Path, stages: Sequence[IndexStage] = (), progress: ProgressCallback | None = None,
                    cancel: CancelToken | None = None, processes: int = 1, writer_memory_mb: int = 32) -> UpdateReport:
    """CorpusIndex.open(corpus, stages).update(...) in a child process; same result, same exceptions."""
    context = multiprocessing.get_context("spawn")
    events = context.Queue()
    stop = context.Event()
    child = context.Process(target=_child_main, name="workbench-indexing",
                            args=(str(corpus), tuple(stages), str(paths.data_home()), events, stop, processes,
                                  writer_memory_mb))
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
        child.join(timeout=30)
        if child.is_alive():
            child.terminate()
        events.close()


def _child_main(corpus: str, stages: tuple[IndexStage, ...], home: str,
                events: multiprocessing.Queue,  # type: ignore[type-arg]
                stop: multiprocessing.synchronize.Event, processes: int, writer_memory_mb: int) -> None:
    os.environ[paths.HOME_ENV] = home
    token = CancelToken()
    parent = multiprocessing.parent_process()

    def relay(progress: Progress) -> None:
        # The stop flag is polled here rather than waited on by a thread: a process that exits
        # while waiting on a multiprocessing Event makes the parent's set() block for ever.
        # A parent that died (the app was killed) also stops the run, at a safe point.
        if stop.is_set():
            token.cancel()
        elif parent is not None and not parent.is_alive():
            token.cancel()
            events.cancel_join_thread()  # nobody reads the queue any more: do not block exit on it
        events.put(("progress", progress))

    try:
        index = CorpusIndex.open(Path(corpus), stages)
        try:
            report = index.update(progress=relay, cancel=token, processes=processes,
                                  writer_memory_mb=writer_memory_mb)
        finally:
            index.close()
        events.put(("done", report))
    except BaseException as error:
        events.put(("error", error))
