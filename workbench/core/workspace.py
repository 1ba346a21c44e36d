"""One open corpus, everything the CLI and the GUI work with: its index (with the analysis
stages the app runs), the search engine, the user's store, the entity service and the
comparison service (comparisons, quotes, near-duplicates).

This is the only place that decides which stages indexing runs and how the pieces are wired:
the index does not know about entities, and entities do not know about the index.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from whoosh import query as wq

from workbench.core.compare import CompareService, DuplicateStage, DuplicateStore, QuoteStage, QuoteStore
from workbench.core.entities.catalog import EntityCatalog
from workbench.core.entities.service import LISTED, EntityService, checked_type, entity_json
from workbench.core.entities.stage import EntityStage
from workbench.core.export import ExportReport, ExportRequest, ExportSources, export
from workbench.core.index import CorpusIndex, IndexStage, UpdateReport
from workbench.core.index.child_process import update_in_child
from workbench.core.index.relocation import adopt_moved_corpus
from workbench.core.ingest import checked_root
from workbench.core.messages import Message
from workbench.core.progress import CancelToken, ProgressCallback
from workbench.core.search import Histogram, SearchEngine, SearchRequest
from workbench.core.search.columns import DocumentColumns
from workbench.core.search.histogram import build_histogram
from workbench.core.userdata import Annotations, Store

__all__ = ["INDEX_STAGES", "Workspace"]

INDEX_STAGES: tuple[IndexStage, ...] = (EntityStage(), QuoteStage(), DuplicateStage())
"""The analyses every indexed article goes through, beside Whoosh's own."""


class Workspace:
    """An open corpus. Safe for one updating thread beside reading threads; ``close()`` when done."""

    def __init__(self, index: CorpusIndex, store: Store, notices: Sequence[Message] = ()) -> None:
        self.index = index
        self._notices = list(notices)
        self.store = store
        self.engine = SearchEngine(index)
        self.userdata = Annotations(store, self.engine.records)
        """The user's selections, tags and notes (their ``generation()`` grows with every change)."""
        self.engine.annotations = self.userdata
        catalog = index.stage_store(EntityStage.name)
        assert isinstance(catalog, EntityCatalog)
        self.entities = EntityService(catalog, store)
        quotes, duplicates = index.stage_store(QuoteStage.name), index.stage_store(DuplicateStage.name)
        assert isinstance(quotes, QuoteStore) and isinstance(duplicates, DuplicateStore)
        self.compare = CompareService(index, self.entities, quotes, duplicates)

    @classmethod
    def open(cls, corpus: Path | str) -> Workspace:
        """Open (creating or repairing) the corpus's index and store; indexing is a separate step.

        A folder opened for the first time that is a known corpus, moved or renamed, takes over
        that corpus's index and store (see index/relocation.py), and ``notices`` says so."""
        root = checked_root(corpus)
        moved = adopt_moved_corpus(root)
        index = CorpusIndex.open(root, INDEX_STAGES)
        try:
            store = Store(index.corpus)
        except BaseException:
            index.close()
            raise
        return cls(index, store, [moved] if moved is not None else [])

    @property
    def notices(self) -> list[Message]:
        """What the user should be told about opening this corpus beyond errors (its data was
        carried over from where the folder used to be; the store of their work was restored from
        a backup); the CLI prints them, the GUI shows them."""
        return [*self._notices, *self.store.notices]

    @property
    def corpus(self) -> Path:
        """The corpus folder (absolute)."""
        return self.index.corpus

    def update(self, progress: ProgressCallback | None = None, cancel: CancelToken | None = None,
               processes: int = 1, in_child: bool = False, wait: bool = True) -> UpdateReport:
        """Bring the index in line with the folder (see ``CorpusIndex.update``).

        ``in_child`` runs the update in a spawned process (``index.child_process``), for a GUI
        whose event loop must not stall; this workspace sees each batch as it is published.
        An unchanged corpus is checked here, without starting that process (a reopen costs a
        folder scan). ``wait`` False raises IndexBusyError at once if another process is
        updating the index.
        """
        if not in_child or not self.index.needs_update():
            return self.index.update(progress, cancel, processes, wait)
        rebuilt = self.index.take_rebuilt()
        report = update_in_child(self.corpus, self.index.stages, progress, cancel, processes, wait)
        report.rebuilt = report.rebuilt or rebuilt
        return report

    def entities_json(self, type: str | None = None, query: str | None = None,
                      listing: str = LISTED) -> list[dict[str, Any]]:
        """``workbench entities``: the entities (curation applied) as JSON-ready dicts, by article count.

        With ``query``, only the articles that match it are counted (what the GUI's entity dock
        shows for a result set); ``listing`` as in ``EntityService.entities``.
        """
        article_ids = None if query is None else self.engine.search_ids(SearchRequest(query))
        wanted = None if type is None else checked_type(type)
        return [entity_json(e) for e in self.entities.entities(article_ids, type=wanted, listing=listing)]

    def source_counts(self, article_ids: Sequence[str]) -> dict[str, int]:
        """How many of these articles each source published, largest first (the sources that
        mention an entity, in its details)."""
        if not article_ids:
            return {}
        with self.index.reading() as searcher:
            ids = wq.Or([wq.Term("id", article_id) for article_id in article_ids])
            groups = searcher.search(ids, groupedby="source", limit=None).groups("source")
        counts = {name: len(docs) for name, docs in groups.items()}
        return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))

    def articles_over_time(self, article_ids: Sequence[str], bucket: str = "day") -> Histogram:
        """These articles counted per date and source (an entity's mentions over time, in its
        details), from the index's date and source columns."""
        if not article_ids:
            return build_histogram((), bucket)
        with self.index.reading() as searcher:
            ids = wq.Or([wq.Term("id", article_id) for article_id in article_ids])
            docnums = np.fromiter(searcher.search(ids, limit=None).docs(), dtype=np.int64)
            columns = DocumentColumns(searcher)
            pairs = zip(columns.dates()[docnums].tolist(), columns.sources()[docnums].tolist(), strict=True)
            return build_histogram(pairs, bucket)

    def export(self, request: ExportRequest, progress: ProgressCallback | None = None,
               cancel: CancelToken | None = None) -> ExportReport:
        """Write an export file (see ``core.export``): Excel, CSV or JSON Lines."""
        return export(ExportSources(self.corpus, self.engine, self.entities, self.userdata), request, progress, cancel)

    def close(self) -> None:
        """Close the store and the index."""
        self.store.close()
        self.index.close()
