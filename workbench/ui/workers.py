"""The one way core jobs run off the GUI thread.

A *job* is a plain function ``job(progress, cancel) -> result`` taking the core's
``ProgressCallback`` and ``CancelToken`` (see ``workbench.core.progress``), so the very same core
functions serve the CLI and the GUI. ``WorkerPool.submit`` runs it on a private ``QThreadPool``
and returns a ``Task`` (a QObject living on the GUI thread) whose signals report progress,
the result or the error, and always ``finished`` last. Signals are emitted from the worker
thread and delivered to GUI-thread receivers through queued connections, so widgets only
change on the GUI thread.

Each pool runs ONE job at a time, in submission order; the session keeps a pool per lane
(indexing, reading, exporting), so a search waits neither for indexing nor for an export. A task
counts as busy until its outcome has been delivered on the GUI thread, so a follow-up job its
receivers submit keeps the pool busy without a gap.
"""

from __future__ import annotations

import logging
import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from workbench.core.progress import CancelToken, Progress, ProgressCallback

log = logging.getLogger(__name__)

Job = Callable[[ProgressCallback, CancelToken], Any]
"""A function a worker runs: receives a progress callback and a cancel token, returns a result."""

PROGRESS_INTERVAL = 0.05
"""Minimum seconds between two progress signals: the core may report per file."""


class Task(QObject):
    """One submitted job, observed from the GUI thread through its signals."""

    progressed = Signal(object)
    """A ``Progress`` report (throttled to one per PROGRESS_INTERVAL, last one always sent)."""
    succeeded = Signal(object)
    """The job returned; carries its result."""
    failed = Signal(object)
    """The job raised; carries the exception (``traceback_text`` holds the formatted trace)."""
    finished = Signal()
    """Sent last, after succeeded or failed: the job is over and the worker is free."""

    def __init__(self, name: str, job: Job, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.cancel_token = CancelToken()
        self.result: Any = None
        self.error: BaseException | None = None
        self.traceback_text = ""
        self.done = False
        self.delivered = False
        """Set on the GUI thread once ``finished`` was handled there (see WorkerPool.active_tasks)."""
        self._job = job
        self._last_emit = 0.0
        self._last_phase = ""
        """Phase of the last report sent: a new phase ("commit", "entities") is shown at once."""
        self._pending: Progress | None = None

    def cancel(self) -> None:
        """Ask the job to stop at its next safe point (the core decides what that means)."""
        self.cancel_token.cancel()

    @property
    def cancelled(self) -> bool:
        """True once cancel() was called."""
        return self.cancel_token.cancelled

    def _report(self, progress: Progress) -> None:
        """Progress callback handed to the job; runs on the worker thread."""
        now = time.monotonic()
        new_phase = progress.phase != self._last_phase
        if new_phase or now - self._last_emit >= PROGRESS_INTERVAL or (progress.total and progress.done >= progress.total):
            self._last_emit, self._last_phase = now, progress.phase
            self._pending = None
            self.progressed.emit(progress)
        else:
            self._pending = progress

    def run_job(self) -> None:
        """Run the job on the current (worker) thread and emit the outcome."""
        try:
            self.result = self._job(self._report, self.cancel_token)
        except BaseException as exc:
            self.error = exc
            self.traceback_text = traceback.format_exc()
            log.debug("task %s failed:\n%s", self.name, self.traceback_text)
            self.done = True
            self.failed.emit(exc)
        else:
            if self._pending is not None:
                self.progressed.emit(self._pending)
            self.done = True
            self.succeeded.emit(self.result)
        self.finished.emit()


class WorkerPool(QObject):
    """Runs jobs one at a time off the GUI thread; owns the thread and joins it on shutdown."""

    task_finished = Signal(object)
    """A task is over (after its own signals); carries the Task."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._tasks: list[Task] = []
        self._closed = False

    def submit(
        self,
        name: str,
        job: Job,
        *,
        progressed: Callable[[Any], None] | None = None,
        succeeded: Callable[[Any], None] | None = None,
        failed: Callable[[Any], None] | None = None,
        finished: Callable[[], None] | None = None,
    ) -> Task:
        """Queue a job and return its Task.

        Pass the receivers here (bound methods of GUI-thread QObjects): they are connected
        before the job starts, so a fast job cannot report before anyone listens. After
        ``shutdown`` nothing runs any more: the task is returned cancelled and never started
        (a result that arrives while the window closes may still ask for more work).
        """
        task = Task(name, job)
        if self._closed:
            task.cancel()
            return task
        for signal, receiver in (
            (task.progressed, progressed),
            (task.succeeded, succeeded),
            (task.failed, failed),
            (task.finished, finished),
        ):
            if receiver is not None:
                signal.connect(receiver)
        task.finished.connect(self._on_task_finished)
        self._tasks.append(task)
        self._pool.start(task.run_job)
        return task

    def active_tasks(self) -> list[Task]:
        """Tasks queued, running, or finished whose outcome the GUI thread has not handled yet."""
        return [task for task in self._tasks if not task.delivered]

    def is_busy(self) -> bool:
        """True while any submitted task is queued, running or not yet delivered."""
        return bool(self.active_tasks())

    def cancel_all(self) -> None:
        """Ask every queued or running task to stop."""
        for task in self._tasks:
            task.cancel()

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Block until the running and queued jobs have returned (safe from any thread, such as
        another pool's worker); True when they did in time."""
        return self._pool.waitForDone(timeout_ms)

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Cancel everything, refuse new jobs and join the worker thread; True when it stopped in time."""
        self._closed = True
        self.cancel_all()
        return self._pool.waitForDone(timeout_ms)

    def _on_task_finished(self) -> None:
        task = self.sender()
        if isinstance(task, Task):
            task.delivered = True  # ``finished`` comes after the outcome's receivers have run
            self.task_finished.emit(task)
            # Drop our reference on the next event-loop turn, never inside the task's own
            # signal emission, so the Task is destroyed on the GUI thread once nobody needs it.
            QTimer.singleShot(0, self, lambda: self._release(task))

    def _release(self, task: Task) -> None:
        if task in self._tasks:
            self._tasks.remove(task)
