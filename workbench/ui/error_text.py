"""What the user reads when a background job fails.

Errors the user can cause or meet (``WorkbenchError``) carry their own message, which says what
to do; a full disk and other operating-system errors are named with the file concerned; anything
else is unexpected: its trace goes to a crash log, and the message says where.
"""

from __future__ import annotations

import errno
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from workbench.core.errors import WorkbenchError
from workbench.ui.bidi import isolated
from workbench.ui.core_text import core_text
from workbench.ui.crash import write_crash_log

log = logging.getLogger(__name__)


def describe_error(exc: BaseException, trace: str = "") -> str:
    """A one-line message for the user, in the interface language; unexpected errors are logged
    with their trace (``trace``, or the exception's repr when the job passed none)."""
    if isinstance(exc, WorkbenchError):
        return core_text(exc.text)
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return QCoreApplication.translate(
            "ErrorText", "The disk is full, so the index could not be saved. Free some space, then update the index.")
    if isinstance(exc, OSError):
        return QCoreApplication.translate("ErrorText", "Could not read or write {path}: {reason}").format(
            path=isolated(exc.filename or ""), reason=exc.strerror or exc)
    path = write_crash_log(trace or repr(exc))
    log.error("unexpected error in a background job, details in %s", path)
    return unexpected_error_text(path)


def unexpected_error_text(log_path: Path) -> str:
    """The message for an unexpected error whose details were saved to ``log_path``."""
    return QCoreApplication.translate("ErrorText", "An unexpected error occurred. Details were saved to {path}").format(
        path=isolated(str(log_path)))
