"""Every setting the GUI remembers, declared once, stored with QSettings in an INI file.

Each ``Setting`` names its key, Python type, default and a description; the rest of the UI reads
and writes settings only through ``Settings.get`` / ``Settings.set`` with these declarations, so
the file format is documented here and nowhere else. The file lives at
``workbench.core.paths.settings_path()`` (inside WORKBENCH_HOME, so tests never touch a real
profile) and carries a schema version; ``_MIGRATIONS`` upgrades older files step by step.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QByteArray, QSettings

from workbench.core.paths import settings_path

T = TypeVar("T")

SCHEMA_VERSION = 1
"""Version of the settings layout written by this code."""

SCHEMA_KEY = "meta/schema_version"

MAX_RECENT_CORPORA = 10
MAX_SEARCH_HISTORY = 50


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One remembered value: where it is stored, what type it has, its default and meaning."""

    key: str
    type: type
    default: T
    description: str


WINDOW_GEOMETRY = Setting("window/geometry", bytes, b"", "Main window position and size (Qt saveGeometry).")
WINDOW_STATE = Setting("window/state", bytes, b"", "Main window toolbars and docks (Qt saveState).")
MAIN_SPLITTER = Setting("window/main_splitter", bytes, b"", "Sizes of the results | reader splitter.")
RECENT_CORPORA: Setting[list[str]] = Setting("corpus/recent", list, [], "Recently opened corpus folders, newest first.")
LAST_CORPUS = Setting("corpus/last", str, "", "Corpus folder opened at start-up when none is given.")
READER_FONT_SIZE = Setting("reader/font_size", int, 16, "Point size of the article text in the reader.")
UI_LANGUAGE = Setting("ui/language", str, "en", "Language of the interface: 'en' or 'ar'.")
DIGIT_STYLE = Setting("ui/digits", str, "western",
                      "Digits of every number the interface shows: 'western' (0123) or 'arabic-indic' (٠١٢٣).")
TIMELINE_VISIBLE = Setting("view/timeline", bool, True, "Whether the timeline strip is shown above the results.")
ONE_PER_STORY = Setting("search/one_per_story", bool, False,
                        "List one article per story: near-duplicate copies are left out of the results.")
SEARCH_HISTORY: Setting[list[str]] = Setting("search/history", list, [],
                                             "Past queries, oldest first, for Up/Down in the search box.")
CURRENT_SELECTIONS: Setting[dict[str, str]] = Setting(
    "marks/current_selections", dict, {},
    "The selection ticks go into, by corpus folder (JSON object; the recent corpora's only).")

ALL_SETTINGS: tuple[Setting[Any], ...] = (
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    MAIN_SPLITTER,
    RECENT_CORPORA,
    LAST_CORPUS,
    READER_FONT_SIZE,
    UI_LANGUAGE,
    DIGIT_STYLE,
    TIMELINE_VISIBLE,
    ONE_PER_STORY,
    SEARCH_HISTORY,
    CURRENT_SELECTIONS,
)

_MIGRATIONS: dict[int, Callable[[QSettings], None]] = {}
"""Upgrade functions keyed by the version they upgrade *from* (v -> v + 1)."""


def _coerce(setting: Setting[T], raw: Any) -> T:
    """Turn what QSettings read from the INI file into the declared type, or (a copy of, so that
    no caller can change it) the default."""
    if raw is None:
        return copy.copy(setting.default)
    value: object
    try:
        if setting.type is bytes:
            value = bytes(raw.data()) if isinstance(raw, QByteArray) else bytes(raw)
        elif setting.type is list:
            value = ([raw] if raw else []) if isinstance(raw, str) else [str(item) for item in raw]
        elif setting.type is bool:
            value = raw.lower() in ("1", "true", "yes") if isinstance(raw, str) else bool(raw)
        elif setting.type is dict:
            value = json.loads(raw)
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                return copy.copy(setting.default)
        else:
            value = setting.type(raw)
    except (TypeError, ValueError):
        return copy.copy(setting.default)
    return cast(T, value)


class Settings:
    """Typed access to the GUI's settings file."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else settings_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)
        self._migrate()

    def _migrate(self) -> None:
        """Bring an older file up to SCHEMA_VERSION; stamp a new file with it."""
        if not self._qsettings.allKeys():
            self._qsettings.setValue(SCHEMA_KEY, SCHEMA_VERSION)
            return
        version = int(cast(int, self._qsettings.value(SCHEMA_KEY, 1)))
        while version < SCHEMA_VERSION:
            _MIGRATIONS[version](self._qsettings)
            version += 1
        self._qsettings.setValue(SCHEMA_KEY, version)

    @property
    def schema_version(self) -> int:
        """The schema version stored in the file."""
        return int(cast(int, self._qsettings.value(SCHEMA_KEY, SCHEMA_VERSION)))

    def get(self, setting: Setting[T]) -> T:
        """The stored value of a declared setting, or its default."""
        return _coerce(setting, self._qsettings.value(setting.key))

    def set(self, setting: Setting[T], value: T) -> None:
        """Store a declared setting."""
        if isinstance(value, bytes):
            self._qsettings.setValue(setting.key, QByteArray(value))
        elif isinstance(value, list):
            self._qsettings.setValue(setting.key, [str(item) for item in value])
        elif isinstance(value, dict):
            self._qsettings.setValue(setting.key, json.dumps(value, ensure_ascii=False))
        else:
            self._qsettings.setValue(setting.key, setting.type(value))

    def add_recent_corpus(self, corpus: Path) -> list[str]:
        """Put a corpus first in the recent list (deduplicated, capped) and make it the last one."""
        path = _corpus_key(corpus)
        recent = [path] + [p for p in self.get(RECENT_CORPORA) if p != path]
        recent = recent[:MAX_RECENT_CORPORA]
        self.set(RECENT_CORPORA, recent)
        self.set(LAST_CORPUS, path)
        return recent

    def current_selection(self, corpus: Path) -> str:
        """The selection ticks went into when ``corpus`` was last open ("" when none is remembered)."""
        return self.get(CURRENT_SELECTIONS).get(_corpus_key(corpus), "")

    def set_current_selection(self, corpus: Path, name: str) -> None:
        """Remember the selection ticks go into in ``corpus`` ("": none); only the corpora used
        most recently are kept."""
        remembered = self.get(CURRENT_SELECTIONS)
        key = _corpus_key(corpus)
        remembered.pop(key, None)
        if name:
            remembered[key] = name  # insertion order: most recent last
        self.set(CURRENT_SELECTIONS, dict(list(remembered.items())[-MAX_RECENT_CORPORA:]))

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._qsettings.sync()


def _corpus_key(corpus: Path) -> str:
    """How a corpus folder is named in the settings: its absolute, resolved path."""
    return str(Path(corpus).expanduser().resolve())
