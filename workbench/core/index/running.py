"""Running planned tasks in worker processes (or in this process), results in plan order.

``TaskRunner.results`` feeds the planned tasks to the workers, keeping each one busy plus one
task queued, and yields each task with its result in the order planned, so that the records
of a collection are published in order and resume points stay exact. While it waits it
reports the articles analysed so far (``tick``) and watches the cancel token: cancelling sets
the workers' stop flag, they end their current task early with what they did (which is still
published), and no further task starts.

With one process, tasks run here, in the updating process (small updates: see updating.py).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import Any

from workbench.core.index.planning import FileFailure
from workbench.core.index.preparing import Preparer, Task, TaskResult, start_worker, worker_run
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
    """Runs tasks for one update; ``close()`` stops and removes the workers."""

    def __init__(self, root: Path, index_dir: Path, stages: Sequence[IndexStage], processes: int) -> None:
        self.processes = processes
        self._context = multiprocessing.get_context("spawn")
        self._pool: ProcessPoolExecutor | None = None
        self._preparer: Preparer | None = None
        self._live_local = 0
        if processes > 1:
            self._stop: Any = self._context.Event()
            self._live: Any = self._context.Value("q", 0)
            self._pool = ProcessPoolExecutor(processes, mp_context=self._context, initializer=start_worker,
                                             initargs=(str(root), str(index_dir), tuple(stages), self._stop,
                                                       self._live))
        else:
            self._stop = threading.Event()
            self._preparer = Preparer(root, index_dir, stages, self._stop, self._count_local)

    def _count_local(self, articles: int) -> None:
        self._live_local += articles
        self._tick()

    def results(self, plan: Iterable[Planned], cancel: CancelToken | None,
                tick: Callable[[int], None]) -> Iterator[tuple[Planned, TaskResult | None]]:
        """Each planned item with its result (None for a FileFailure), in plan order.

        ``tick`` is called with the number of articles analysed so far (committed or not),
        about every TICK_SECONDS.
        """
        self._cancel = cancel
        self._tick_to = tick
        if self._pool is None:
            yield from self._in_process(plan)
        else:
            yield from self._in_workers(plan, self._pool)

    @property
    def stopping(self) -> bool:
        """True once the run was cancelled: the workers finish early and nothing new starts."""
        return bool(self._stop.is_set())

    def _check_cancel(self) -> None:
        if self._cancel is not None and self._cancel.cancelled:
            self._stop.set()

    def _tick(self) -> None:
        self._check_cancel()
        self._tick_to(self._live.value if self._pool is not None else self._live_local)

    def _in_process(self, plan: Iterable[Planned]) -> Iterator[tuple[Planned, TaskResult | None]]:
        assert self._preparer is not None
        for item in plan:
            self._tick()
            if self.stopping:
                return
            yield item, None if isinstance(item, FileFailure) else self._preparer.run(item)

    def _in_workers(self, plan: Iterable[Planned],
                    pool: ProcessPoolExecutor) -> Iterator[tuple[Planned, TaskResult | None]]:
        items = iter(plan)
        pending: deque[tuple[Planned, Future[TaskResult] | None]] = deque()
        running = 0
        exhausted = False
        while True:
            self._check_cancel()
            while not exhausted and not self.stopping and running <= self.processes:
                item = next(items, None)
                if item is None:
                    exhausted = True
                elif isinstance(item, FileFailure):
                    pending.append((item, None))
                else:
                    pending.append((item, pool.submit(worker_run, item)))
                    running += 1
            if not pending:
                return
            item, future = pending[0]
            if future is not None:
                try:
                    result = future.result(timeout=TICK_SECONDS)
                except FutureTimeout:
                    self._tick()
                    continue
                running -= 1
            pending.popleft()
            yield item, None if future is None else result

    def close(self) -> None:
        """Stop the workers (they end their current task early) and wait for them to exit."""
        self._stop.set()
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
