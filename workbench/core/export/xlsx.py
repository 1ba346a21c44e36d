"""The .xlsx writer: openpyxl's write-only mode, which streams each sheet's rows to a temporary
file, so memory stays flat whatever the number of rows.

Every sheet gets a bold, frozen header row with an autofilter, column widths for its content,
wrapped text where a cell holds sentences, real dates (shown as yyyy-mm-dd) and numbers, and
hyperlinks for web addresses; Arabic sheets are laid out right-to-left. Text cells are always
written as text (never as a formula) and cleaned of what XML cannot hold (``cells.py``).
"""

from __future__ import annotations

import contextlib
import datetime
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from workbench.core.export.cells import FORMULA_STARTS, CellCleaner, split_long
from workbench.core.export.tables import Column, Kind, Link, Table, Tick

__all__ = ["MAX_LINK_LENGTH", "write_xlsx"]

MAX_LINK_LENGTH = 2079
"""The longest hyperlink address Excel accepts; a longer URL is written as plain text."""
_LINK_SCHEMES = ("http://", "https://", "mailto:")
"""Only these become clickable: a link in a shared file must not run or open anything else."""
_DATE_FORMAT = "yyyy-mm-dd"



def write_xlsx(path: Path, tables: Sequence[Table], cleaner: CellCleaner, tick: Tick) -> None:
    """Write ``tables`` as the sheets of a new workbook at ``path``."""
    workbook = Workbook(write_only=True)
    try:
        for table in tables:
            _write_sheet(workbook.create_sheet(table.name), table, cleaner, tick)
    except BaseException:
        _discard(workbook)
        raise
    workbook.save(path)


def _discard(workbook: Workbook) -> None:
    """Close and delete the temporary files of an abandoned workbook's sheets.

    openpyxl streams each write-only sheet through generators into a temporary file; left to the
    garbage collector, they would write to files already closed (and stay on disk until exit).
    """
    for sheet in workbook.worksheets:
        rows, writer = sheet._rows, sheet._writer
        with contextlib.suppress(Exception):
            if rows is not None:
                rows.close()
        with contextlib.suppress(Exception):
            if writer is not None:
                writer.close()
        with contextlib.suppress(Exception):
            if writer is not None:
                writer.cleanup()


class _Cells:
    """Makes the cells of one sheet, sharing one style object per kind of column."""

    def __init__(self, sheet: WriteOnlyWorksheet, cleaner: CellCleaner, right_to_left: bool) -> None:
        self.sheet = sheet
        self.cleaner = cleaner
        reading_order = 2 if right_to_left else 1
        self.wrapped = Alignment(wrap_text=True, vertical="top", readingOrder=reading_order)
        self.top = Alignment(vertical="top", readingOrder=reading_order)
        # In a right-to-left sheet the context before a match is the column to its right.
        self.toward_match = {Kind.BEFORE: Alignment(horizontal="left" if right_to_left else "right", vertical="top"),
                             Kind.AFTER: Alignment(horizontal="right" if right_to_left else "left", vertical="top")}
        self.bold = Font(bold=True)
        self.link_font = Font(color="0563C1", underline="single")

    def header(self, name: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(self.sheet, name)
        cell.font = self.bold
        return cell

    def cell(self, value: Any, kind: str) -> Any:
        """What to append for one value: plain numbers as they are, everything else as a styled cell."""
        if value is None or value == "":
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return value
        if isinstance(value, datetime.date):
            cell = WriteOnlyCell(self.sheet, value)
            cell.number_format = _DATE_FORMAT
            return cell
        if isinstance(value, Link):
            return self._link(value.url)
        return self.text(str(value), kind)

    def text(self, value: str, kind: str) -> WriteOnlyCell:
        cleaned = self.cleaner.clean(value)
        cell = WriteOnlyCell(self.sheet, cleaned)
        cell.data_type = "s"  # openpyxl makes a formula of text that begins with "="
        if cleaned.startswith(FORMULA_STARTS):
            self.cleaner.formula_like_cells += 1
        cell.alignment = self.toward_match.get(kind) or (self.wrapped if kind in (Kind.WRAPPED, Kind.LONG)
                                                          else self.top)
        return cell

    def _link(self, url: str) -> WriteOnlyCell:
        cell = self.text(url, Kind.TEXT)
        target = str(cell.value)
        if target.lower().startswith(_LINK_SCHEMES) and len(target) <= MAX_LINK_LENGTH:
            cell.hyperlink = target
            cell.font = self.link_font
        return cell


def _write_sheet(sheet: WriteOnlyWorksheet, table: Table, cleaner: CellCleaner, tick: Tick) -> None:
    parts = table.long_parts() if any(column.kind == Kind.LONG for column in table.columns) else 1
    headers: list[str] = []
    for column in table.columns:
        headers.append(column.name)
        if column.kind == Kind.LONG:
            headers += [f"{column.name} ({number})" for number in range(2, parts + 1)]
    sheet.sheet_view.rightToLeft = table.right_to_left
    sheet.freeze_panes = "A2"
    for number, width in enumerate(_widths(table.columns, parts), start=1):
        sheet.column_dimensions[get_column_letter(number)].width = width
    cells = _Cells(sheet, cleaner, table.right_to_left)
    sheet.append([cells.header(name) for name in headers])
    rows = 0
    for rows, row in enumerate(table.rows(), start=1):
        values: list[Any] = []
        for column, value in zip(table.columns, row, strict=True):
            if column.kind == Kind.LONG:
                values += _long_cells(cells, value or "", row[0], column.name, parts)
            else:
                values.append(cells.cell(value, column.kind))
        sheet.append(values)
        tick(table, rows)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{rows + 1}"


def _widths(columns: Sequence[Column], parts: int) -> list[int]:
    widths: list[int] = []
    for column in columns:
        widths += [column.width] * (parts if column.kind == Kind.LONG else 1)
    return widths


def _long_cells(cells: _Cells, text: str, row_id: Any, column: str, parts: int) -> list[Any]:
    """A long text as up to ``parts`` cells of at most Excel's cell limit each; a split is recorded."""
    pieces = list(split_long(cells.cleaner.clean(text)))
    if len(pieces) > 1:
        cells.cleaner.split_cells.append(f"{row_id}: {column}, {len(text):,} characters in {len(pieces)} cells")
    made = [cells.text(piece, Kind.LONG) for piece in pieces[:parts]]
    return made + [None] * (parts - len(made))
