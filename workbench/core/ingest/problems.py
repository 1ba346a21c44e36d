"""What went wrong inside one file while it was read, collected into ``FileWarning`` objects.

Readers call ``ProblemLog.add`` for each record they leave out or each repair they make; the
log keeps a count per reason and the place and detail of the first case, and turns them into
one ``FileWarning`` per reason at the end (``warnings``). Places are ``Message`` objects made by
``at_line``, ``at_item`` and ``at_record``, so the GUI translates them too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from workbench.core.ingest.article import WARNING_REASONS, FileWarning
from workbench.core.messages import Message, translatable

__all__ = ["ProblemLog", "at_item", "at_line", "at_record", "megabytes"]

_TEMPLATES = {
    "invalid_records": translatable("{count} record(s) could not be read and were left out; the first, in {where}: "
                                    "{detail}. Fix them and the file will be read again."),
    "empty_records": translatable("{count} record(s) have no text (no content, text or body value) and were left "
                                  "out; the first is in {where}."),
    "too_large_records": translatable("{count} record(s) are over the {limit} limit for one article and were left "
                                      "out; the first, in {where}, is {detail}."),
    "unclosed_quote": translatable("The quote opened in {where} is never closed, so that row was left out and "
                                   "reading went on at the next line. Close the quote to read the row."),
    "truncated": translatable("Reading stopped in {where} ({detail}): the records before it were read, the rest "
                              "of the file could not be. Fix the file or export it again."),
    "replaced_bytes": translatable("{count} byte(s) are not valid {detail} and are shown as \ufffd (the first in "
                                   "{where}). Re-save the file as UTF-8 to restore them."),
    "replaced_surrogates": translatable("{count} unpaired UTF-16 surrogate(s) (such as \\ud83d, left by a cut "
                                        "emoji) are shown as \ufffd (the first in {where})."),
    "removed_controls": translatable("{count} control character(s) (such as NUL or \\x1a) were removed from the "
                                     "text (the first in {where})."),
}
"""One sentence per warning reason; fields: count, where (a Message), detail, limit."""


def at_line(line: int) -> Message:
    """The place of a record that starts on physical ``line`` (1-based)."""
    return Message(translatable("line {line}"), {"line": line})


def at_item(item: int) -> Message:
    """The place of the ``item``-th element of a JSON array (1-based)."""
    return Message(translatable("item {item}"), {"item": item})


def at_record(record: int) -> Message:
    """The place of the ``record``-th record of a collection (1-based)."""
    return Message(translatable("record {record}"), {"record": record})


def whole_file() -> Message:
    """The place of a problem in a single-article file."""
    return Message(translatable("this file"))


def megabytes(size: int) -> str:
    """A byte count for humans."""
    return f"{size / (1024 * 1024):.1f} MB"


@dataclass
class _Entry:
    count: int
    where: Message
    params: dict[str, Any] = field(default_factory=dict)


class ProblemLog:
    """The problems of one file so far: a count per reason, and where the first one was."""

    def __init__(self) -> None:
        self._entries: dict[str, _Entry] = {}

    def add(self, reason: str, where: Message, count: int = 1, **params: Any) -> None:
        """Count ``count`` cases of ``reason``; the first case's ``where`` and fields are kept."""
        if reason not in WARNING_REASONS:
            raise ValueError(f"unknown warning reason {reason!r}")
        if count <= 0:
            return
        entry = self._entries.get(reason)
        if entry is None:
            self._entries[reason] = _Entry(count, where, dict(params))
        else:
            entry.count += count

    def count(self, reason: str) -> int:
        """How many cases of ``reason`` were logged."""
        entry = self._entries.get(reason)
        return entry.count if entry is not None else 0

    def first(self, reason: str) -> Message | None:
        """Where the first case of ``reason`` was, or None."""
        entry = self._entries.get(reason)
        return entry.where if entry is not None else None

    def warnings(self, relpath: str) -> list[FileWarning]:
        """One FileWarning per reason logged, in a fixed order."""
        return [FileWarning(relpath, reason, Message(_TEMPLATES[reason],
                                                     {"count": entry.count, "where": entry.where, **entry.params}),
                            entry.count)
                for reason in _TEMPLATES if (entry := self._entries.get(reason)) is not None]
