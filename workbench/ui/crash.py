"""Unexpected exceptions: written to a log file in ``paths.log_dir()``, shown to the user once.

The user never sees a traceback dialog: the trace goes to ``crash-<time>.log`` and the window gets
a one-line message naming that file (only for the first crash of a session, so a failure
repeating in a paint handler cannot flood the screen).
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from workbench.core.paths import log_dir

log = logging.getLogger(__name__)


def write_crash_log(trace: str) -> Path:
    """Save a formatted traceback to a new file in the log folder and return its path."""
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = folder / f"crash-{stamp}.log"
    from workbench import __version__

    path.write_text(f"Arabic News Workbench {__version__}\n{datetime.now().isoformat()}\n\n{trace}", encoding="utf-8")
    return path


class CrashHandler:
    """A ``sys.excepthook`` replacement: log to file, tell the user once via ``notify(path)``."""

    def __init__(self, notify: Callable[[Path], None] | None = None) -> None:
        self.notify = notify
        self.shown = False
        self.logs: list[Path] = []
        self._previous: Callable[..., object] | None = None

    def install(self) -> None:
        """Become sys.excepthook."""
        self._previous = sys.excepthook
        sys.excepthook = self

    def uninstall(self) -> None:
        """Restore the previous sys.excepthook."""
        if self._previous is not None and sys.excepthook is self:
            sys.excepthook = self._previous
        self._previous = None

    def __call__(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        trace = "".join(traceback.format_exception(exc_type, exc, tb))
        try:
            path = write_crash_log(trace)
        except OSError:
            sys.stderr.write(trace)
            return
        self.logs.append(path)
        log.error("unexpected error, details in %s", path)
        sys.stderr.write(f"Unexpected error ({exc_type.__name__}: {exc}); details in {path}\n")
        if not self.shown and self.notify is not None:
            self.shown = True
            self.notify(path)
