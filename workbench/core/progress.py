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
    """One progress report of a long job.

    The phases of an index update (``CorpusIndex.update``), in the order they can occur:

    - ``"waiting"``: another process is updating this index; this one waits for it to finish
      (done = total = 0).
    - ``"index"``: reading, analysing and indexing. done/total count FILES (a collection
      counts when its last record is in); ``articles`` counts the articles analysed so far
      (searchable a few seconds later, as each batch is published); ``fraction`` is the share
      of the work done, by bytes of the files to index, which moves steadily even inside one
      large collection (use it for a progress bar); ``message`` names the file last published.
      Reported about five times a second; cancelling stops the workers within one article.
    - ``"merge"``: merging the run's small segments into one (done 0 of 1, then 1 of 1);
      a cancel skips it (nothing is lost, it happens at the next update).
    - ``"entities"``: the GUI groups the entities' spellings after indexing (done = total = 0).
    """

    phase: str
    """Machine-readable step name (see above)."""
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
    fraction: float | None = None
    """Share of the phase's work done, 0 to 1, when it is known more finely than done/total."""

    def expected_articles(self) -> int | None:
        """The articles an indexing run will hold at its end, estimated from the share of the
        work done (by bytes, so it holds inside one large collection file, where files say
        nothing), else from the files done; None outside indexing or before there is a basis."""
        if self.phase != "index" or not self.articles:
            return None
        if self.fraction:
            return max(self.articles, round(self.articles / self.fraction))
        if not self.total or not self.done:
            return None
        return max(self.articles, round(self.articles / self.done * self.total))


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
