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
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from workbench.core.export.cells import FORMULA_STARTS, CellCleaner, split_long
from workbench.core.export.tables import Column, Kind, Link, Table, Tick

__all__ = ["MAX_LINK_LENGTH", "write_xlsx"]

MAX_LINK_LENGTH = 2079
"""The longest hyperlink address Excel accepts; a longer URL is written as plain text."""
_LINK_SCHEMES = ("http://", "https://", "mailto:")
"""Only these become clickable: a link in a shared file must not run or open anything else."""
_DATE_FORMAT = "yyyy-mm-dd"
LINE_HEIGHT = 15.0
"""Points per line of text in a row (Calibri 11 with Arabic, as Excel lays it out)."""



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
        rows, writer = getattr(sheet, "_rows", None), getattr(sheet, "_writer", None)
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

    def __init__(self, sheet: Any, cleaner: CellCleaner, right_to_left: bool, tall_rows: bool) -> None:
        self.sheet = sheet
        self.cleaner = cleaner
        self.tall_rows = tall_rows
        reading_order = 2 if right_to_left else 1
        self.wrapped = Alignment(wrap_text=True, vertical="top", readingOrder=reading_order)
        self.top = Alignment(vertical="top", readingOrder=reading_order)
        # In a right-to-left sheet the context before a match is the column to its right.
        self.toward_match = {Kind.BEFORE: Alignment(horizontal="left" if right_to_left else "right", vertical="top"),
                             Kind.AFTER: Alignment(horizontal="right" if right_to_left else "left", vertical="top")}
        self.bold = Font(bold=True)
        self.link_font = Font(color="0563C1", underline="single")

    def header(self, name: str) -> Cell:
        cell = WriteOnlyCell(self.sheet, name)
        cell.font = self.bold
        return cell

    def cell(self, value: Any, kind: str) -> Any:
        """What to append for one value: plain numbers as they are, everything else as a styled cell."""
        if value is None or value == "":
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if not self.tall_rows:
                return value
            cell = WriteOnlyCell(self.sheet, value)
        elif isinstance(value, datetime.date):
            cell = WriteOnlyCell(self.sheet, datetime.datetime.combine(value, datetime.time()))
            cell.number_format = _DATE_FORMAT
        else:
            return self._link(value.url) if isinstance(value, Link) else self.text(str(value), kind)
        cell.alignment = self.top  # in rows of several lines, numbers and dates line up with the text
        return cell

    def text(self, value: str, kind: str) -> Cell:
        cleaned = self.cleaner.clean(value)
        cell = WriteOnlyCell(self.sheet, cleaned)
        cell.data_type = "s"  # openpyxl makes a formula of text that begins with "="
        if cleaned.startswith(FORMULA_STARTS):
            self.cleaner.formula_like_cells += 1
        cell.alignment = self.toward_match.get(kind) or (self.wrapped if kind in (Kind.WRAPPED, Kind.LONG)
                                                          else self.top)
        return cell

    def _link(self, url: str) -> Cell:
        cell = self.text(url, Kind.TEXT)
        target = str(cell.value)
        if target.lower().startswith(_LINK_SCHEMES) and len(target) <= MAX_LINK_LENGTH:
            cell.hyperlink = target
            cell.font = self.link_font
        return cell


def _write_sheet(sheet: Any, table: Table, cleaner: CellCleaner, tick: Tick) -> None:
    """Write one table; ``sheet`` is openpyxl's write-only worksheet (its stubs lack most of what it has)."""
    parts = table.long_parts() if any(column.kind == Kind.LONG for column in table.columns) else 1
    headers: list[str] = []
    for column in table.columns:
        headers.append(column.name)
        if column.kind == Kind.LONG:
            headers += [f"{column.name} ({number})" for number in range(2, parts + 1)]
    sheet.sheet_view.rightToLeft = table.right_to_left
    sheet.freeze_panes = "A2"
    if table.row_lines > 1:  # every row the same height: the sheet's default, not one record per row
        sheet.sheet_format.defaultRowHeight = LINE_HEIGHT * table.row_lines
        sheet.sheet_format.customHeight = True
        sheet.row_dimensions[1].height = LINE_HEIGHT
    for number, width in enumerate(_widths(table.columns, parts), start=1):
        sheet.column_dimensions[get_column_letter(number)].width = width
    cells = _Cells(sheet, cleaner, table.right_to_left, tall_rows=table.row_lines != 1)
    sheet.append([cells.header(name) for name in headers])
    rows = 0
    for rows, row in enumerate(table.rows(), start=1):
        values: list[Any] = []
        for column, value in zip(table.columns, row, strict=True):
            if column.kind == Kind.LONG:
                values += _long_cells(cells, value or "", row[0], column.name, parts)
            else:
                values.append(cells.cell(value, column.kind))
        if table.row_lines == 0:
            sheet.row_dimensions[rows + 1].height = LINE_HEIGHT * _lines(table.columns, row)
        sheet.append(values)
        tick(table, rows)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{rows + 1}"


def _lines(columns: Sequence[Column], row: Sequence[Any]) -> int:
    """The lines a row's longest wrapped cell takes at its column's width (a small table's rows)."""
    lines = 1
    for column, value in zip(columns, row, strict=True):
        if column.kind == Kind.WRAPPED and isinstance(value, str):
            lines = max(lines, sum(-(-max(1, len(line)) // column.width) for line in value.split("\n")))
    return lines


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
