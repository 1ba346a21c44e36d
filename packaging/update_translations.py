"""Refresh the Qt Linguist sources in resources/i18n from the strings in workbench/ui.

Run after changing user-visible strings: ``python packaging/update_translations.py``. It runs
PySide6's ``lupdate`` (shipped in the wheel), which keeps existing translations, adds new source
strings as unfinished and drops vanished ones. ``workbench_en.ts`` gets only the strings with
plural forms (``self.tr("%n articles", "", n)``): their English singular and plural. Translate the new entries with Qt Linguist
(``pyside6-linguist resources/i18n/workbench_ar.ts``); tests/ui/test_i18n.py fails while any
string is untranslated. The compiled .qm files are built with the package (setup.py); a frozen
build runs ``python packaging/update_translations.py --compile`` first, which writes
``resources/i18n/workbench_<lang>.qm`` (ignored by git) for the bundle to ship.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("ar", "en")
"""Arabic: every string. English, the source language: only the plural forms of ``%n`` strings."""


def lupdate() -> Path:
    """The lupdate executable bundled with PySide6."""
    name = "lupdate.exe" if sys.platform == "win32" else "lupdate"
    return Path(PySide6.__file__).resolve().parent / name


TR_ALIASES = "QT_TR_NOOP+=translatable,QT_TRANSLATE_NOOP+=translate_noop"
"""The core marks its message templates with ``workbench.core.messages.translatable``; the GUI
marks texts declared at import time with ``workbench.ui.i18n.translate_noop``."""


def translated_sources() -> list[str]:
    """Every Python file whose strings are translated: the GUI package and the core, whose
    user-facing messages are ``translatable`` templates. Relative to the repository root."""
    folders = (ROOT / "workbench" / "ui", ROOT / "workbench" / "core")
    return sorted(str(path.relative_to(ROOT)) for folder in folders for path in folder.rglob("*.py"))


def compile_all() -> int:
    """Compile every .ts next to itself as .qm (for frozen builds); returns lrelease's status."""
    lrelease = lupdate().with_name("lrelease.exe" if sys.platform == "win32" else "lrelease")
    for language in LANGUAGES:
        ts = ROOT / "resources" / "i18n" / f"workbench_{language}.ts"
        status = subprocess.run([str(lrelease), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=False).returncode
        if status:
            return status
    return 0


def update(ts: Path, language: str) -> int:
    """Refresh one .ts file from the sources; returns lupdate's status."""
    plural_only = ["-pluralonly"] if language == "en" else []
    command = [str(lupdate()), "-extensions", "py", "-no-obsolete", "-locations", "none", *plural_only,
               "-tr-function-alias", TR_ALIASES, "-source-language", "en", "-target-language", language,
               *translated_sources(), "-ts", str(ts)]
    return subprocess.run(command, cwd=ROOT, check=False, capture_output=True).returncode


def main() -> int:
    """Update each language's .ts file (``--compile``: compile them; ``--ts FILE LANG``: update
    that file instead); returns the tool's status."""
    arguments = sys.argv[1:]
    if "--compile" in arguments:
        return compile_all()
    if arguments[:1] == ["--ts"]:
        return update(Path(arguments[1]), arguments[2])
    for language in LANGUAGES:
        status = update(ROOT / "resources" / "i18n" / f"workbench_{language}.ts", language)
        if status:
            return status
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
