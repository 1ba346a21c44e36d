"""The lock every writer of a corpus's index holds: to build, repair or update it.

An operating-system file lock on ``<corpus data folder>/index.lock``, outside the index folder
so that rebuilding the folder cannot delete it from under its holder. The system releases it
when the holding process dies, so a crashed run never leaves a stale lock behind. Readers
never take it: searching needs no lock, and sees whatever was committed last.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import time
from pathlib import Path
from types import TracebackType

from workbench.core.errors import IndexBusyError, IndexingError
from workbench.core.messages import translatable

__all__ = ["IndexLock"]

POLL_SECONDS = 0.1


class IndexLock:
    """An exclusive, non-reentrant lock on one corpus's index (between processes and threads)."""

    FILENAME = "index.lock"

    def __init__(self, folder: Path, corpus: Path) -> None:
        self.path = folder / self.FILENAME
        self.corpus = corpus
        self._descriptor: int | None = None

    @property
    def held(self) -> bool:
        """True while this object holds the lock."""
        return self._descriptor is not None

    def try_acquire(self) -> bool:
        """Take the lock if it is free; False if another process (or thread) holds it.

        Raises IndexingError when the lock file cannot be used at all (a folder in its place,
        no permission to create it).
        """
        if self._descriptor is not None:
            raise RuntimeError("the index lock is already held by this object")
        descriptor = self._open()
        if _lock(descriptor):
            self._descriptor = descriptor
            return True
        os.close(descriptor)
        return False

    def acquire(self, timeout: float | None = None) -> None:
        """Wait for the lock (``None``: as long as it takes); IndexBusyError after ``timeout`` seconds."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while not self.try_acquire():
            if deadline is not None and time.monotonic() >= deadline:
                raise IndexBusyError(translatable("Another workbench process is updating the index of {corpus}: "
                                                  "wait for it to finish, then try again."), corpus=self.corpus)
            time.sleep(POLL_SECONDS)

    def release(self) -> None:
        """Release the lock (it stays free if the process dies)."""
        descriptor, self._descriptor = self._descriptor, None
        if descriptor is not None:
            with contextlib.suppress(OSError):
                _unlock(descriptor)
            os.close(descriptor)

    def __enter__(self) -> IndexLock:
        self.acquire()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.release()

    def _open(self) -> int:
        """The lock file, opened for locking; a read-only lock file works as well."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                return os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
            except PermissionError:
                if not self.path.is_file():
                    raise
                return os.open(self.path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        except IsADirectoryError as error:
            raise IndexingError(translatable("The index lock {path} is a folder, not a file: delete or rename it, "
                                             "then try again."), path=self.path) from error
        except OSError as error:
            if self.path.is_dir():
                raise IndexingError(translatable("The index lock {path} is a folder, not a file: delete or rename "
                                                 "it, then try again."), path=self.path) from error
            raise IndexingError(translatable("Cannot use the index lock {path} ({reason}): give your user write "
                                             "access to its folder, or set WORKBENCH_HOME to another folder."),
                                path=self.path, reason=error.strerror or error) from error


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(descriptor: int) -> bool:
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
            return True
        except OSError as error:
            if error.errno in (errno.EACCES, errno.EDEADLK, errno.EAGAIN):
                return False
            raise

    def _unlock(descriptor: int) -> None:
        msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock(descriptor: int) -> bool:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError as error:
            if error.errno in (errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK):
                return False
            raise

    def _unlock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_UN)
