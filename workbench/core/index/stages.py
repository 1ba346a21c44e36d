"""Analysis stages the indexer runs on every article beside its own: entity extraction, and any
later per-article analysis (near-duplicate signatures, quotes) that must stay in step with the
index.

The indexer knows stages only through this protocol, so the index does not depend on what
the stages compute, and the stages do not depend on the index. Whoever opens an index
(``workbench.core.workspace``) decides which stages it runs.

A stage has two halves:

- ``analyse`` runs where articles are prepared: in worker processes on large runs, so a stage
  object and everything ``analyse`` returns must be picklable and small;
- a ``StageStore`` keeps the results beside the Whoosh index, in the index folder (derived
  data, deleted on rebuild). The indexer writes it right after each Whoosh commit and before
  the manifest records the commit (manifest.py: the journal replays the write if a run stops
  in between), so ``replace`` must be idempotent, and each store remembers the generation of
  the last commit it applied: a store behind the manifest (deleted, emptied, replaced) is
  detected and the index rebuilt with a message.

A stage may also give each article search terms (``terms``): they are indexed in a keyword
field named after the stage, so a search can be restricted to articles with a given result
(the entity filter searches ``entities`` terms such as ``PERSON:سيرغي لافروف``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Protocol

from workbench.core.ingest import Article


class StageStore(Protocol):
    """Where a stage keeps its results for the indexed articles."""

    def replace(self, paths: Iterable[str], results: Sequence[tuple[str, str, Any]], generation: int) -> None:
        """Drop every result of the files in ``paths`` and of the articles in ``results``, then
        add ``results`` as (article id, path, result) and remember ``generation`` (the Whoosh
        generation that indexed them), in one durable transaction. Applying the same call
        twice leaves the store as applying it once."""

    def applied_generation(self) -> int:
        """The ``generation`` of the last ``replace`` (0 for a new or emptied store)."""

    def check(self) -> None:
        """Raise (any exception) if the store's files are damaged: a quick structural check,
        run each time the index is opened (the index is then rebuilt with a message)."""

    def close(self) -> None:
        """Release the store's files."""


class IndexStage(Protocol):
    """One kind of per-article analysis run while indexing."""

    name: str
    """Names the stage's keyword field and its store (``index.stage_store(name)``)."""
    version: int
    """Bump it when the stage's results change for the same article (its rules, its model, the
    gazetteers it reads): the index records every stage's version, and an index made with other
    versions is rebuilt on open, so no corpus keeps results of the old rules."""

    def analyse(self, articles: Sequence[Article]) -> list[Any]:
        """One picklable result per article, in order (a batch is analysed at once, for speed)."""

    def terms(self, result: Any) -> Sequence[str]:
        """The keyword terms one article's result adds to the stage's field (may be empty)."""

    def open_store(self, index_dir: Path) -> StageStore:
        """Open (or create) the stage's store in the index folder."""
