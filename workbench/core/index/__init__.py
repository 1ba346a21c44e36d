"""The per-corpus Whoosh index: schema, analyzers, incremental updates, and the stages run beside it.

``CorpusIndex.open(corpus, stages)`` opens (creating or repairing) a corpus's index;
``update`` brings it in line with the folder. The analysis stages (stages.py) are given by the
caller, so the index knows nothing of entities or any other stage's meaning.
"""

from workbench.core.index.corpus_index import CorpusIndex, IndexInfo, UpdateReport
from workbench.core.index.running import default_processes
from workbench.core.index.stages import IndexStage, StageStore

__all__ = ["CorpusIndex", "IndexInfo", "IndexStage", "StageStore", "UpdateReport", "default_processes"]
