"""Refresh the Qt Linguist sources in resources/i18n from the strings in workbench/ui.

Run after changing user-visible strings: ``python packaging/update_translations.py``. It runs
PySide6's ``lupdate`` (shipped in the wheel), which keeps existing translations, adds new source
strings as unfinished and drops vanished ones. Translate the new entries with Qt Linguist
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
LANGUAGES = ("ar",)


def lupdate() -> Path:
    """The lupdate executable bundled with PySide6."""
    name = "lupdate.exe" if sys.platform == "win32" else "lupdate"
    return Path(PySide6.__file__).resolve().parent / name


def ui_sources() -> list[str]:
    """Every Python file of the GUI package, relative to the repository root."""
    return sorted(str(path.relative_to(ROOT)) for path in (ROOT / "workbench" / "ui").rglob("*.py"))


def compile_all() -> int:
    """Compile every .ts next to itself as .qm (for frozen builds); returns lrelease's status."""
    lrelease = lupdate().with_name("lrelease.exe" if sys.platform == "win32" else "lrelease")
    for language in LANGUAGES:
        ts = ROOT / "resources" / "i18n" / f"workbench_{language}.ts"
        status = subprocess.run([str(lrelease), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=False).returncode
        if status:
            return status
    return 0


def main() -> int:
    """Update each language's .ts file (or compile them with --compile); returns the tool's status."""
    if "--compile" in sys.argv[1:]:
        return compile_all()
    for language in LANGUAGES:
        ts = f"resources/i18n/workbench_{language}.ts"
        command = [str(lupdate()), "-extensions", "py", "-no-obsolete", "-locations", "none",
                   "-source-language", "en", "-target-language", language, *ui_sources(), "-ts", ts]
        status = subprocess.run(command, cwd=ROOT, check=False).returncode
        if status:
            return status
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
