"""What may go into a spreadsheet cell: hostile or impossible text made safe, and counted.

- **Characters a file cannot hold**: C0 control characters (except tab, line feed and carriage
  return), U+FFFE and U+FFFF are forbidden in XML, so in an .xlsx file (openpyxl refuses the
  first and writes the others into a file it then cannot read); a lone UTF-16 surrogate cannot
  be encoded at all. They are removed, and the number removed is reported in the About sheet.
- **Formulas**: a text cell beginning with ``=``, ``+``, ``-``, ``@``, tab or carriage return
  is what a spreadsheet may run as a formula. In .xlsx such cells are written with the string
  type, which Excel and LibreOffice never evaluate; in CSV, which has no types, they get a
  leading apostrophe (OWASP's advice for CSV injection), and the About notes of the export say so.
- **Length**: an Excel cell holds at most 32,767 characters. Longer text is cut into parts of
  that size, written into the next columns, and the export says which articles were split.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

__all__ = ["EXCEL_CELL_LIMIT", "FORMULA_STARTS", "CellCleaner", "split_long"]

EXCEL_CELL_LIMIT = 32_767
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_FORBIDDEN_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_UNENCODABLE_RE = re.compile("[\ud800-\udfff]")


@dataclass
class CellCleaner:
    """Cleans cell text for one export and counts what it changed (for the About sheet)."""

    xml: bool = True
    """True for .xlsx (remove every character XML forbids), False for CSV and JSON Lines
    (remove only what UTF-8 cannot encode)."""
    removed_characters: int = 0
    cells_with_removed: int = 0
    quoted_cells: int = 0
    """CSV cells given a leading apostrophe so they stay text."""
    formula_like_cells: int = 0
    """.xlsx cells that begin like a formula and were written as text."""
    split_cells: list[str] = field(default_factory=list)
    """Descriptions of the texts that were continued in the next columns."""

    def clean(self, text: str) -> str:
        """``text`` without the characters this format cannot hold."""
        pattern = _FORBIDDEN_RE if self.xml else _UNENCODABLE_RE
        cleaned, count = pattern.subn("", text)
        if count:
            self.removed_characters += count
            self.cells_with_removed += 1
        return cleaned

    def csv_text(self, text: str) -> str:
        """A CSV cell: cleaned, and made inert if a spreadsheet could read it as a formula."""
        cleaned = self.clean(text)
        if cleaned.startswith(FORMULA_STARTS):
            self.quoted_cells += 1
            return "'" + cleaned
        return cleaned


def split_long(text: str, limit: int = EXCEL_CELL_LIMIT) -> Iterator[str]:
    """``text`` in consecutive parts of at most ``limit`` characters (one part if it fits)."""
    if len(text) <= limit:
        yield text
        return
    for start in range(0, len(text), limit):
        yield text[start:start + limit]
