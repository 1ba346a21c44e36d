"""The errors a user can cause or meet, under one base class.

Every failure that is not a bug reaches the user as a ``WorkbenchError`` whose ``str()`` is one
sentence naming the problem and what to do about it. The CLI prints that sentence and exits
with ``exit_code``; the GUI shows it in its message bar. Anything else that escapes is a bug:
the CLI prints a traceback, the GUI writes a crash log.

The subclasses live here, not beside the code that raises them, so the CLI and the GUI can
catch them without importing the layers that raise them. Each error carries its ``Message``
(an English template and its fields, see messages.py), so the GUI can show it in the user's
language.
"""

from __future__ import annotations

from typing import Any

from workbench.core.messages import Message

EXIT_FAILURE = 1
EXIT_USAGE = 2


class WorkbenchError(Exception):
    """Base of every user-facing error; ``str()`` says what happened and what to do.

    Raise with a ``translatable`` template and its fields:
    ``CorpusError(translatable("The corpus folder {folder} does not exist: ..."), folder=root)``.
    """

    exit_code: int = EXIT_FAILURE
    """What the CLI exits with: 2 for mistakes in what the user typed, 1 otherwise."""

    def __init__(self, template: str, **params: Any) -> None:
        self.text = Message(template, params)
        """The sentence as a translatable template and its fields (``str(error)`` is the English)."""
        super().__init__(str(self.text))

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle with the template and fields (errors cross from the indexing process)."""
        return (_rebuild, (type(self), self.text.template, self.text.params))


def _rebuild(cls: type[WorkbenchError], template: str, params: dict[str, Any]) -> WorkbenchError:
    return cls(template, **params)


class CorpusError(WorkbenchError):
    """The corpus folder itself cannot be used (missing, not a folder, permission denied)."""


class IndexingError(WorkbenchError):
    """The index could not be opened or written (disk full, permissions, a damaged file)."""


class IndexBusyError(IndexingError):
    """Another process is updating this corpus's index right now."""


class QueryError(WorkbenchError, ValueError):
    """A malformed search query; the message says what to fix."""

    exit_code = EXIT_USAGE


class StoreError(WorkbenchError):
    """The per-corpus store of the user's work cannot be used (newer version, unreadable)."""


class AnnotationError(WorkbenchError, ValueError):
    """A change to selections, tags or notes that cannot be made (unknown article or selection, empty name)."""

    exit_code = EXIT_USAGE


class ExportError(WorkbenchError):
    """An export that could not be written (target folder missing, read-only or locked, disk full)."""


class CurationError(WorkbenchError, ValueError):
    """An entity curation step that cannot be done (unknown entity, empty name, wrong type)."""

    exit_code = EXIT_USAGE


class CompareError(WorkbenchError, ValueError):
    """A comparison that cannot be made (too few or too many articles, an unknown article id)."""

    exit_code = EXIT_USAGE
