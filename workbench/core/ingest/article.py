"""The records of a corpus: a file found in the folder, a file that cannot be read, an article.

``Article`` is what every later stage (index, entities, search, comparison, export) works on:
the original text as the user should see it, its metadata, and the boilerplate spans.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workbench.core.messages import Message

__all__ = ["SKIP_REASONS", "Article", "CorpusFile", "SkippedFile"]

SKIP_REASONS = frozenset({"binary", "encoding", "permission", "vanished", "too_large", "empty",
                          "parse_error", "index_error"})


class SkippedFile(Exception):
    """One file (or folder) that cannot be read; reported, never fatal to a run.

    ``reason`` is one of "binary", "encoding", "permission", "vanished", "too_large", "empty",
    "parse_error", or "index_error" (read, but analysing or indexing it failed: a bug to
    report); ``text`` is a sentence naming the problem and what to do about it, as a
    ``translatable`` template and its fields (see messages.py); ``message`` is that sentence in
    English. ``relpath`` may name one record of a collection (``news.jsonl#12``).
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
