"""Running planned tasks in worker processes (or in this process), results in plan order.

``TaskRunner.results`` feeds the planned tasks to the workers (and to an analysing thread of
this process), keeping each one busy plus one task queued, and yields each task with its
result in the order planned, so that the records of a collection are published in order and
resume points stay exact. While it waits it reports the articles analysed so far (``tick``)
and watches the cancel token: cancelling sets the workers' stop flag, they end their current
task early with what they did (which is still published), and no further task starts.

With one process, tasks run here, in the updating process (small updates: see updating.py).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, ThreadPoolExecutor, wait
from pathlib import Path
from typing import Any

from workbench.core.index.planning import FileFailure
from workbench.core.index.preparing import (
    Preparer,
    Task,
    TaskResult,
    collect_garbage_rarely,
    start_worker,
    worker_run,
)
from workbench.core.index.stages import IndexStage
from workbench.core.progress import CancelToken

__all__ = ["TICK_SECONDS", "TaskRunner", "default_processes"]

TICK_SECONDS = 0.2
"""How often progress is reported while waiting for a task."""

WORKER_MEMORY_MB = 250
"""What one worker needs at most: the entity tagger, a task's articles and its segment in progress."""

Planned = Task | FileFailure


def default_processes() -> int:
    """Worker processes for indexing: one per core, as many as the free memory allows.

    The publishing process needs little CPU (it renames finished segments and writes small
    transactions), so every core gets a worker.
    """
    cores = os.cpu_count() or 1
    return max(1, min(cores, _available_megabytes() // WORKER_MEMORY_MB))


def _available_megabytes() -> int:
    """Memory free for new processes, in MB (all of it counts as free where it cannot be read)."""
    try:
        return int(os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") // (1024 * 1024))
    except (AttributeError, ValueError, OSError):
        return 1 << 30


class TaskRunner:
    """Runs tasks for one update; ``close()`` stops and removes the workers.

    With ``processes`` = N > 1, this process analyses too, in a thread (it has little else to
    do: publishing a batch takes milliseconds), beside N - 1 worker processes: N analysers
    for one process fewer, which saves the memory of a whole worker (~100 MB with the tagger
    loaded). With one, tasks run here, one after the other.
    """

    def __init__(self, root: Path, index_dir: Path, stages: Sequence[IndexStage], processes: int) -> None:
        self.processes = processes
        self.worker_processes = processes - 1 if processes > 1 else 0
        """Worker processes started beside this process's analysing thread."""
        self._gc_thresholds = gc.get_threshold()
        collect_garbage_rarely()  # this process analyses too (see preparing.collect_garbage_rarely)
        self._stop = threading.Event()
        self._local_articles = 0
        self._preparer = Preparer(root, index_dir, stages, self._stop, self._count_local)
        self._pool: ProcessPoolExecutor | None = None
        self._thread: ThreadPoolExecutor | None = None
        if processes > 1:
            context = multiprocessing.get_context("spawn")
            self._worker_stop: Any = context.Event()
            self._live: Any = context.Value("q", 0)
            self._pool = ProcessPoolExecutor(processes - 1, mp_context=context, initializer=start_worker,
                                             initargs=(str(root), str(index_dir), tuple(stages), self._worker_stop,
                                                       self._live))
            self._thread = ThreadPoolExecutor(1, thread_name_prefix="indexing")

    def _count_local(self, articles: int) -> None:
        self._local_articles += articles
        if self._thread is None:  # running on the caller's thread: report now
            self._tick()

    def results(self, plan: Iterable[Planned], cancel: CancelToken | None,
                tick: Callable[[int], None]) -> Iterator[tuple[Planned, TaskResult | None]]:
        """Each planned item with its result (None for a FileFailure), in plan order.

        ``tick`` is called on this thread with the number of articles analysed so far
        (committed or not), about every TICK_SECONDS.
        """
        self._cancel = cancel
        self._tick_to = tick
        if self._pool is None or self._thread is None:
            yield from self._in_process(plan)
        else:
            yield from self._in_parallel(plan, self._thread, self._pool)

    @property
    def stopping(self) -> bool:
        """True once the run was cancelled: the workers finish early and nothing new starts."""
        return self._stop.is_set()

    def _check_cancel(self) -> None:
        if self._cancel is not None and self._cancel.cancelled:
            self._stop_all()

    def _stop_all(self) -> None:
        self._stop.set()
        if self._pool is not None:
            self._worker_stop.set()

    def _tick(self) -> None:
        self._check_cancel()
        self._tick_to(self._local_articles + (self._live.value if self._pool is not None else 0))

    def _in_process(self, plan: Iterable[Planned]) -> Iterator[tuple[Planned, TaskResult | None]]:
        for item in plan:
            self._tick()
            if self.stopping:
                return
            yield item, None if isinstance(item, FileFailure) else self._preparer.run(item)

    def _in_parallel(self, plan: Iterable[Planned], thread: ThreadPoolExecutor,
                     pool: ProcessPoolExecutor) -> Iterator[tuple[Planned, TaskResult | None]]:
        """Each executor keeps one task queued beside those it runs, so none waits for the next."""
        items = iter(plan)
        pending: deque[tuple[Planned, Future[TaskResult] | None]] = deque()
        running: dict[Future[TaskResult], str] = {}
        capacity = {"thread": 2, "pool": self.processes}
        exhausted = False
        while True:
            self._check_cancel()
            while not exhausted and not self.stopping:
                load = {name: sum(1 for kind in running.values() if kind == name) for name in capacity}
                free = [name for name in ("pool", "thread") if load[name] < capacity[name]]
                if not free:
                    break
                item = next(items, None)
                if item is None:
                    exhausted = True
                elif isinstance(item, FileFailure):
                    pending.append((item, None))
                else:
                    name = min(free, key=lambda n: load[n] / capacity[n])
                    task: Future[TaskResult] = (thread.submit(self._preparer.run, item) if name == "thread"
                                                else pool.submit(worker_run, item))
                    running[task] = name
                    pending.append((item, task))
            while pending and (pending[0][1] is None or pending[0][1].done()):
                item, future = pending.popleft()
                if future is None:
                    yield item, None
                else:
                    running.pop(future, None)
                    yield item, future.result()
            if not pending:
                if exhausted or self.stopping:
                    return
                continue  # every task in flight finished while its result was being published: plan more
            wait(list(running), timeout=TICK_SECONDS, return_when=FIRST_COMPLETED)
            for done in [future for future in running if future.done()]:
                del running[done]
            self._tick()

    def close(self) -> None:
        """Stop the workers (they end their current task early) and wait for them to exit."""
        self._stop_all()
        if self._thread is not None:
            self._thread.shutdown(wait=True, cancel_futures=True)
            self._thread = None
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        gc.set_threshold(*self._gc_thresholds)
