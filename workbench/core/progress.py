"""How long core jobs report progress and stop on request, without any GUI toolkit.

A job takes an optional ``ProgressCallback`` and an optional ``CancelToken``. The CLI prints
the reports to stderr; the GUI's workers forward them through Qt signals.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Progress:
    """One progress report of a long job."""

    phase: str
    """Machine-readable step name, e.g. ``"scan"``, ``"index"``, ``"commit"``."""
    done: int
    """Units finished in this phase (files for indexing)."""
    total: int
    """Units in this phase, 0 when unknown."""
    articles: int = 0
    """Articles processed so far."""
    rate: float = 0.0
    """Articles per second so far."""
    eta_seconds: float | None = None
    """Estimated seconds left, None when unknown."""
    message: str = ""
    """Human-readable detail (current file, skipped file reason, ...)."""


ProgressCallback = Callable[[Progress], None]


class CancelToken:
    """Thread-safe flag a caller sets to ask a running job to stop at its next safe point."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        """Ask the job to stop."""
        self._event.set()

    @property
    def cancelled(self) -> bool:
        """True once cancel() was called."""
        return self._event.is_set()
