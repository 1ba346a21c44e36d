"""A corpus folder that was moved or renamed keeps its index and the user's work.

Everything the app keeps about a corpus lives under ``<home>/corpora/<key>/``, where the key
is made from the folder's absolute path (paths.corpus_key). Moving or renaming the folder (a
new drive letter, a tidied Documents folder) changes the key, and the user's selections, tags,
notes and entity corrections would seem lost, though they sit intact under the old key.

So when a folder is opened for the first time, ``adopt_moved_corpus`` looks for the data of a
corpus that is no longer where it was recorded and holds the same files (the same relative paths
with the same sizes: at least MATCH_SHARE of the old corpus's files are in the folder, and they
are at least half of the folder, which may have gained files since); if there is exactly
one, its folder is renamed to the new key, so the index (whose articles are named by relative
path) and the store come along whole, and the user is told. A corpus whose old folder still
exists is a copy, not a move: the copy starts afresh and the original keeps its data.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

from workbench.core import paths
from workbench.core.index.manifest import Manifest
from workbench.core.ingest import scan_corpus
from workbench.core.messages import Message, translatable

__all__ = ["MATCH_SHARE", "adopt_moved_corpus"]

log = logging.getLogger(__name__)

MATCH_SHARE = 0.9
"""The share of an old corpus's files (relative path and size) that a folder must hold to be
taken for it, moved: a few files removed or edited since still match."""


def adopt_moved_corpus(root: Path) -> Message | None:
    """If ``root`` (absolute) has no data yet and is the moved folder of a known corpus, move that
    corpus's data to ``root``'s key and say so; otherwise change nothing and return None."""
    target = paths.corpus_dir(root)
    corpora = target.parent
    if target.exists() or not corpora.is_dir():
        return None
    candidates = _orphans(corpora)
    if not candidates:
        return None
    files, _ = scan_corpus(root)
    here = {(f.relpath, f.size) for f in files}
    matches = [(folder, recorded) for folder, recorded, there in candidates if _same_files(here, there)]
    if len(matches) != 1:
        return None
    folder, recorded = matches[0]
    try:
        os.rename(folder, target)
    except OSError as error:  # another process adopted it first, or the system refuses: start afresh
        log.warning("could not carry the data of %s over to %s: %s", recorded, root, error)
        return None
    _record_location(target / "index", root)
    log.info("carried the data of %s over to %s", recorded, root)
    return Message(translatable("This folder looks like {old}, moved or renamed: your selections, tags, notes and "
                                "its index were carried over."), {"old": recorded})


def _orphans(corpora: Path) -> list[tuple[Path, str, set[tuple[str, int]]]]:
    """The data folders whose recorded corpus folder no longer exists: each with that recorded
    path and the files (relative path, size) its index lists."""
    found = []
    for folder in sorted(corpora.iterdir()):
        index_dir = folder / "index"
        if not (index_dir / Manifest.FILENAME).is_file():
            continue
        try:
            manifest = Manifest(index_dir, read_only=True)
            try:
                recorded = manifest.get_meta("corpus")
                if recorded is None or Path(recorded).exists():
                    continue
                files = {(relpath, row.size) for relpath, row in manifest.files().items()}
            finally:
                manifest.close()
        except sqlite3.Error:  # an unreadable index is nobody's to adopt
            continue
        found.append((folder, recorded, files))
    return found


def _same_files(here: set[tuple[str, int]], there: set[tuple[str, int]]) -> bool:
    """True when a folder's files (``here``) are about those an old index lists (``there``)."""
    shared = len(here & there)
    return shared > 0 and shared >= MATCH_SHARE * len(there) and 2 * shared >= len(here)


def _record_location(index_dir: Path, root: Path) -> None:
    """Record the corpus's new place in its manifest (a later move is then recognised too)."""
    try:
        manifest = Manifest(index_dir)
        try:
            manifest.set_meta({"corpus": str(root)})
        finally:
            manifest.close()
    except sqlite3.Error as error:
        log.warning("could not record the new location %s in %s: %s", root, index_dir, error)
