"""The project's own structural rules, checked on the source tree."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "workbench"


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_never_imports_qt() -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(m for m in _imported_modules(path) if m.split(".")[0] in
                                                 ("PySide6", "shiboken6", "PyQt5", "PyQt6"))
        for path in (PACKAGE / "core").rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


_ARABIC_RULE = re.compile(r"maketrans|\\u06[0-9a-fA-F]{2}|normalize_hamza|normalize_alef|strip_tashkeel"
                          "|\\[[^\\]\n]*[\u0600-\u06ff]-[\u0600-\u06ff][^\\]\n]*\\]")
"""An Arabic rule written outside arabic.py: a translation table, an escaped Arabic code point, a
pyarabic normaliser, or a regex class with a range of Arabic characters ("[٠-٩]")."""


def test_arabic_normalisation_rules_live_only_in_arabic_py() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if path.name != "arabic.py" and _ARABIC_RULE.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
