"""Every folder the app uses, from one place.

The base is, in this order: ``WORKBENCH_HOME`` when set (the CLI's ``--home`` sets it for the
process); the ``WorkbenchData`` folder beside a frozen app that is in portable mode (a file
named ``portable.txt`` next to its executable: for a copy on a USB stick); the platform's user
data directory (platformdirs). Nothing is ever written into a corpus folder: per-corpus data
lives under ``<home>/corpora/<key>/``.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path
from typing import Literal

import platformdirs

APP_NAME = "ArabicNewsWorkbench"
HOME_ENV = "WORKBENCH_HOME"
PORTABLE_MARKER = "portable.txt"
"""A file of this name next to the frozen executable puts all data beside it (portable mode)."""
PORTABLE_DATA_FOLDER = "WorkbenchData"
"""The data folder of a portable installation, beside the executable."""

HomeOrigin = Literal["override", "portable", "user"]


def data_home() -> Path:
    """The root folder for all of the app's data (indexes, stores, settings, logs)."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser().resolve()
    portable = portable_root()
    if portable is not None:
        return portable / PORTABLE_DATA_FOLDER
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def data_home_origin() -> HomeOrigin:
    """Why ``data_home`` is where it is: set by WORKBENCH_HOME or --home, the portable marker, or the
    platform's user data folder."""
    if os.environ.get(HOME_ENV):
        return "override"
    return "portable" if portable_root() is not None else "user"


def portable_root() -> Path | None:
    """The folder of a frozen app in portable mode (its executable's folder, or the folder holding
    the .app on macOS) when it has the PORTABLE_MARKER file; None otherwise, and always when run
    from Python, where the executable is the interpreter."""
    if not getattr(sys, "frozen", False):
        return None
    folder = Path(sys.executable).resolve().parent
    if sys.platform == "darwin" and folder.name == "MacOS" and folder.parent.name == "Contents":
        folder = folder.parent.parent.parent  # Workbench.app/Contents/MacOS -> the .app's folder
    return folder if (folder / PORTABLE_MARKER).is_file() else None


def set_data_home(path: str | os.PathLike[str]) -> None:
    """Point the whole process at another data home (the CLI's ``--home``)."""
    os.environ[HOME_ENV] = str(Path(path).expanduser().resolve())


def corpus_key(corpus: Path) -> str:
    """A stable folder name for a corpus: readable stem plus a hash of its absolute path."""
    resolved = str(Path(corpus).expanduser().resolve())
    digest = hashlib.sha1(resolved.encode("utf-8")).hexdigest()[:12]
    stem = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in Path(resolved).name)[:40]
    return f"{stem or 'corpus'}-{digest}"


def corpus_dir(corpus: Path) -> Path:
    """Folder holding everything the app keeps about one corpus."""
    return data_home() / "corpora" / corpus_key(corpus)


def index_dir(corpus: Path) -> Path:
    """Folder of the corpus's Whoosh index."""
    return corpus_dir(corpus) / "index"


def store_path(corpus: Path) -> Path:
    """The per-corpus SQLite store of the user's work (selections, tags, notes, curation)."""
    return corpus_dir(corpus) / "store.sqlite3"


def settings_path() -> Path:
    """The GUI's settings file."""
    return data_home() / "settings.ini"


def log_dir() -> Path:
    """Folder for crash and diagnostic logs."""
    return data_home() / "logs"


_PACKAGE_DIR = Path(__file__).resolve().parent.parent
"""The ``workbench`` package folder."""


def _bundled(name: str) -> Path:
    """A folder the app ships: ``resources`` or ``seeds``.

    A frozen bundle (PyInstaller) has it inside the bundle; an installed wheel has it inside the
    package (pyproject.toml maps the repository's top-level folders into ``workbench/``); a
    checkout or editable install has it at the repository root, beside the package.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / name
    inside = _PACKAGE_DIR / name
    return inside if inside.is_dir() else _PACKAGE_DIR.parent / name


def resources_dir() -> Path:
    """The bundled resources folder (fonts, i18n, gazetteers, models, icons)."""
    return _bundled("resources")


def demo_corpus_dir() -> Path:
    """The bundled demo corpus: the five sample articles of the repository's ``seeds/``."""
    return _bundled("seeds")
