"""The worker pool: results, errors, progress and cancel arrive as signals on the GUI thread."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, QThread
from pytestqt.qtbot import QtBot

from workbench.core.progress import CancelToken, Progress, ProgressCallback
from workbench.ui.workers import Job, WorkerPool


class Receiver(QObject):
    """Records what a task reports, and on which thread it was delivered."""

    def __init__(self) -> None:
        super().__init__()
        self.progress: list[Progress] = []
        self.results: list[object] = []
        self.errors: list[BaseException] = []
        self.threads: set[QThread] = set()

    def on_progressed(self, progress: Progress) -> None:
        self.threads.add(QThread.currentThread())
        self.progress.append(progress)

    def on_succeeded(self, result: object) -> None:
        self.threads.add(QThread.currentThread())
        self.results.append(result)

    def on_failed(self, error: BaseException) -> None:
        self.threads.add(QThread.currentThread())
        self.errors.append(error)


@pytest.fixture
def pool(qtbot: QtBot) -> Iterator[WorkerPool]:
    workers = WorkerPool()
    yield workers
    assert workers.shutdown(10_000)


def run(qtbot: QtBot, pool: WorkerPool, receiver: Receiver, job: Job) -> object:
    """Submit inside the wait block and wait for the pool's own task_finished signal."""
    with qtbot.waitSignal(pool.task_finished, timeout=10_000) as blocker:
        pool.submit("test", job, progressed=receiver.on_progressed, succeeded=receiver.on_succeeded, failed=receiver.on_failed)
    return blocker.args[0]


def test_result_and_progress_reach_the_gui_thread(qtbot: QtBot, pool: WorkerPool) -> None:
    receiver = Receiver()
    worker_threads: list[threading.Thread] = []

    def job(progress: ProgressCallback, cancel: CancelToken) -> str:
        worker_threads.append(threading.current_thread())
        for done in range(1, 4):
            progress(Progress("index", done, 3))
        return "ok"

    task = run(qtbot, pool, receiver, job)
    assert receiver.results == ["ok"] and task.result == "ok" and task.done
    assert receiver.progress[-1] == Progress("index", 3, 3)
    assert receiver.threads == {QThread.currentThread()}
    assert worker_threads[0] is not threading.main_thread()
    assert not pool.is_busy()


def test_failure_is_a_signal_not_a_crash(qtbot: QtBot, pool: WorkerPool) -> None:
    receiver = Receiver()

    def job(progress: ProgressCallback, cancel: CancelToken) -> None:
        raise OSError(28, "No space left on device")

    task = run(qtbot, pool, receiver, job)
    assert isinstance(receiver.errors[0], OSError)
    assert "No space left" in task.traceback_text
    assert receiver.results == []


def test_cancel_stops_a_running_job(qtbot: QtBot, pool: WorkerPool) -> None:
    receiver = Receiver()
    started = threading.Event()

    def job(progress: ProgressCallback, cancel: CancelToken) -> str:
        started.set()
        while not cancel.cancelled:
            time.sleep(0.01)
        return "stopped"

    with qtbot.waitSignal(pool.task_finished, timeout=10_000):
        task = pool.submit("loop", job, succeeded=receiver.on_succeeded)
        assert started.wait(5)
        assert pool.is_busy() and pool.active_tasks() == [task]
        pool.cancel_all()
    assert task.cancelled and receiver.results == ["stopped"]


def test_jobs_run_one_at_a_time_in_order(qtbot: QtBot, pool: WorkerPool) -> None:
    order: list[int] = []
    active = threading.Semaphore(1)

    def make(number: int) -> Job:
        def job(progress: ProgressCallback, cancel: CancelToken) -> int:
            assert active.acquire(blocking=False), "two jobs ran at once"
            order.append(number)
            active.release()
            return number

        return job

    with qtbot.waitSignal(pool.task_finished, timeout=10_000):
        for number in range(5):
            pool.submit(f"job {number}", make(number))
    qtbot.waitUntil(lambda: not pool.is_busy(), timeout=10_000)
    assert order == [0, 1, 2, 3, 4]
