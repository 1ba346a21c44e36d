"""The records of a corpus: a file found in the folder, a file that cannot be read, a problem
inside a file that was read, an article.

``Article`` is what every later stage (index, entities, search, comparison, export) works on:
the original text as the user should see it, its metadata, and the boilerplate spans.

Problems reach the user in two kinds, both with ``relpath``, ``reason`` (a code), ``text`` (a
translatable ``Message``) and ``message`` (its English):

- ``SkippedFile``: nothing of the file is indexed (binary, unreadable, a link that is not
  followed, not one readable record);
- ``FileWarning``: the file is indexed, but not all of it: records left out (invalid, empty,
  too large, an unclosed CSV quote), invalid bytes replaced by U+FFFD, control characters
  removed. One warning per kind and file, with a count and where the first one is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from workbench.core.messages import Message

__all__ = ["SKIP_REASONS", "WARNING_REASONS", "Article", "CorpusFile", "FileWarning", "SkippedFile"]

SKIP_REASONS = frozenset({"binary", "encoding", "permission", "vanished", "too_large", "empty",
                          "parse_error", "outside_link", "link_loop", "broken_link", "index_error"})
WARNING_REASONS = frozenset({"invalid_records", "empty_records", "too_large_records", "unclosed_quote",
                             "truncated", "replaced_bytes", "replaced_surrogates", "removed_controls"})


class SkippedFile(Exception):
    """One file (or folder) that cannot be read; reported, never fatal to a run.

    ``reason`` is one of SKIP_REASONS: "binary", "encoding", "permission", "vanished" (gone, or
    an I/O error: try again later), "too_large", "empty", "parse_error", and for symbolic links,
    which are never followed out of the corpus, "outside_link", "link_loop", "broken_link"; and
    "index_error" when it was read but analysing or indexing it failed (a bug to report);
    ``relpath`` may then name one record of a collection (``news.jsonl#12``);
    ``text`` is a sentence naming the problem and what to do about it, as a
    ``translatable`` template and its fields (see messages.py); ``message`` is that sentence in
    English.
    """

    def __init__(self, relpath: str, reason: str, template: str | Message, **params: Any) -> None:
        if reason not in SKIP_REASONS:
            raise ValueError(f"unknown skip reason {reason!r}")
        self.text = template if isinstance(template, Message) else Message(template, params)
        super().__init__(f"{relpath}: {self.text}")
        self.relpath = relpath
        self.reason = reason

    @property
    def message(self) -> str:
        """The explanation in English."""
        return str(self.text)

    def __reduce__(self) -> tuple[type[SkippedFile], tuple[str, str, Message]]:
        """Pickle with the constructor's arguments (workers may send skips across processes)."""
        return (SkippedFile, (self.relpath, self.reason, self.text))


@dataclass(frozen=True)
class FileWarning:
    """A problem inside a file that was still read: its other articles are indexed.

    ``reason`` is one of WARNING_REASONS; ``count`` is how many records (or bytes, or
    characters) it concerns; ``text`` says what happened, where the first case is and what to
    do, as a ``translatable`` template and its fields.
    """

    relpath: str
    reason: str
    text: Message
    count: int

    def __post_init__(self) -> None:
        if self.reason not in WARNING_REASONS:
            raise ValueError(f"unknown warning reason {self.reason!r}")

    @property
    def message(self) -> str:
        """The explanation in English."""
        return str(self.text)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready form (for the manifest and ``--json`` output)."""
        return {"path": self.relpath, "reason": self.reason, "count": self.count, "text": self.text.to_json()}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> FileWarning:
        """The inverse of ``to_json``."""
        return cls(str(data["path"]), str(data["reason"]), Message.from_json(data["text"]), int(data["count"]))


@dataclass(frozen=True)
class CorpusFile:
    """A readable-looking file found by ``scan_corpus``."""

    relpath: str
    """POSIX path relative to the corpus root."""
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class Article:
    """One news article: original text, metadata and the boilerplate spans of the text."""

    id: str
    """Stable id: the relpath, or ``relpath#n`` for the n-th (1-based) record of a collection."""
    path: str
    """Relpath of the file holding the article."""
    title: str
    source: str
    """The outlet, canonical for known agencies ("سانا"); "" when unknown."""
    date: str
    """ISO ``YYYY-MM-DD``; "" when unknown."""
    url: str
    author: str
    text: str
    """The text as the user should see it (extracted main text for HTML, newlines as \\n)."""
    boilerplate: tuple[tuple[int, int], ...]
    """[start, end) spans of ``text`` that are boilerplate."""
    content_hash: str
    """SHA-1 hex digest of ``text`` (UTF-8)."""

    def indexable_text(self) -> str:
        """``text`` with boilerplate spans replaced by spaces: same length, offsets stay valid."""
        if not self.boilerplate:
            return self.text
        parts = []
        position = 0
        for start, end in self.boilerplate:
            parts.append(self.text[position:start])
            parts.append(" " * (end - start))
            position = end
        parts.append(self.text[position:])
        return "".join(parts)
