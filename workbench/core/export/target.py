"""Writing an export file so that it is either complete or not there.

The file is written under a temporary name in the target's own folder (so the final rename
stays on one file system and is atomic) and renamed over the target only when it is complete.
A failure or a cancel removes the temporary file: an existing file of the same name is kept as
it was. Every failure the user can meet (the folder is missing or read-only, the target is a
folder or is open in another program, the disk is full) is an ExportError naming the file.
"""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from workbench.core.errors import ExportError
from workbench.core.messages import translatable

__all__ = ["replacing"]


@contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """A temporary path beside ``target`` to write to; renamed to ``target`` when the block ends
    without an exception, removed otherwise."""
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(translatable("Cannot write {file}: the folder {folder} does not exist. Choose an existing "
                                       "folder."), file=target, folder=folder)
    if target.is_dir():
        raise ExportError(translatable("Cannot write {file}: it is a folder. Choose a file name."), file=target)
    temporary = folder / f".{target.name}.{secrets.token_hex(4)}.part"
    try:
        temporary.open("xb").close()  # claims the name; the file gets the usual permissions, unlike mkstemp's
    except OSError as error:
        raise _error(target, error) from error
    try:
        yield temporary
        os.replace(temporary, target)
    except OSError as error:
        raise _error(target, error) from error
    finally:
        temporary.unlink(missing_ok=True)


def _error(target: Path, error: OSError) -> ExportError:
    if error.errno == errno.ENOSPC:
        return ExportError(translatable("Cannot write {file}: the disk is full. Free some space or choose another "
                                        "folder."), file=target)
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        if target.exists() and not isinstance(error, IsADirectoryError):
            return ExportError(translatable("Cannot write {file}: it is open in another program (such as Excel) or "
                                            "read-only. Close it there, or choose another name."), file=target)
        return ExportError(translatable("Cannot write {file}: the folder {folder} is read-only. Choose another "
                                        "folder."), file=target, folder=target.parent)
    return ExportError(translatable("Cannot write {file} ({reason}). Choose another folder or name."),
                       file=target, reason=error.strerror or error)
