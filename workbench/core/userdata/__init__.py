"""The user's own work on a corpus (entity curation today; selections, tags and notes next),
kept in a per-corpus SQLite store outside the index so it survives re-indexing and upgrades."""

from workbench.core.userdata.store import Store

__all__ = ["Store"]
