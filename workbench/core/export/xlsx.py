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
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from workbench.core.export.cells import FORMULA_STARTS, CellCleaner, split_long
from workbench.core.export.tables import Column, Kind, Link, Table, Tick

__all__ = ["MAX_LINK_LENGTH", "write_xlsx"]

MAX_LINK_LENGTH = 2079
"""The longest hyperlink address Excel accepts; a longer URL is written as plain text."""
_LINK_SCHEMES = ("http://", "https://", "mailto:")
"""Only these become clickable: a link in a shared file must not run or open anything else."""
_DATE_FORMAT = "yyyy-mm-dd"
ZIP_LEVEL = 1
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
    _save(workbook, path)


def _save(workbook: Workbook, path: Path) -> None:
    """``workbook.save(path)`` with faster compression.

    At zlib's default level, deflating the sheets' XML took about 30 % of a large export (10,000
    articles, every sheet: 41 s of CPU, 25 MB); level 1 made it 29 s and 33 MB. This is what
    ``Workbook.save`` does, with a ZipFile of our choosing (openpyxl is pinned; the tests read the
    files back).
    """
    workbook.properties.modified = datetime.datetime.now(tz=datetime.UTC).replace(tzinfo=None)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True, compresslevel=ZIP_LEVEL) as archive:
        ExcelWriter(workbook, archive).write_data()


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
    """Makes the cells of one sheet.

    Each kind of cell gets its style once: openpyxl looks every assigned alignment or font up in
    the workbook's style tables (hashing it), which cost more than writing the cell when done per
    cell, so cells are made with a prepared style array instead (``Cell``'s ``style_array``;
    openpyxl is pinned, and the tests read every style back).
    """

    def __init__(self, sheet: Any, cleaner: CellCleaner, right_to_left: bool, tall_rows: bool) -> None:
        self.sheet = sheet
        self.cleaner = cleaner
        self.tall_rows = tall_rows
        order = 2 if right_to_left else 1
        top = Alignment(vertical="top", readingOrder=order)
        wrapped = Alignment(wrap_text=True, vertical="top", readingOrder=order)
        # In a right-to-left sheet the context before a match is the column to its right.
        before = Alignment(horizontal="left" if right_to_left else "right", vertical="top", readingOrder=order)
        after = Alignment(horizontal="right" if right_to_left else "left", vertical="top", readingOrder=order)
        self.text_styles = {Kind.BEFORE: self._style(alignment=before), Kind.AFTER: self._style(alignment=after)}
        if tall_rows:
            self.text_styles |= {kind: self._style(alignment=wrapped) for kind in (Kind.WRAPPED, Kind.LONG)}
        self.top = self._style(alignment=top)
        self.date = self._style(alignment=top, number_format=_DATE_FORMAT)
        self.bold = self._style(font=Font(bold=True))
        self.link = self._style(alignment=top, font=Font(color="0563C1", underline="single"))

    def _style(self, **attributes: Any) -> Any:
        template = WriteOnlyCell(self.sheet)
        for name, value in attributes.items():
            setattr(template, name, value)
        return cast(Any, template)._style  # the style array the attributes made (not in openpyxl's stubs)

    def _make(self, value: Any, style: Any) -> Cell:
        return Cell(self.sheet, row=1, column=1, value=value, style_array=style)

    def header(self, name: str) -> Cell:
        return self._make(name, self.bold)

    def cell(self, value: Any, kind: str) -> Any:
        """What to append for one value: a styled cell, or in one-line rows, where it needs no
        style, the value itself (openpyxl then writes it through one reused cell, much faster)."""
        if isinstance(value, str):
            if not value:
                return None
            if self.tall_rows or kind in self.text_styles or value.startswith(FORMULA_STARTS):
                return self.text(value, kind)
            return self.cleaner.clean(value)
        if value is None:
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            # In rows of several lines, numbers line up with the text at the top.
            return self._make(value, self.top) if self.tall_rows else value
        if isinstance(value, datetime.date):
            return self._make(datetime.datetime.combine(value, datetime.time()), self.date)
        if isinstance(value, Link):
            return self._link(value.url)
        return self.text(str(value), kind)

    def text(self, value: str, kind: str) -> Cell:
        cleaned = self.cleaner.clean(value)
        cell = self._make(cleaned, self.text_styles.get(kind, self.top))
        cell.data_type = "s"  # openpyxl makes a formula of text that begins with "="
        if cleaned.startswith(FORMULA_STARTS):
            self.cleaner.formula_like_cells += 1
        return cell

    def _link(self, url: str) -> Cell:
        target = self.cleaner.clean(url)
        if not target.lower().startswith(_LINK_SCHEMES) or len(target) > MAX_LINK_LENGTH:
            return self.text(target, Kind.TEXT)
        cell = self._make(target, self.link)
        cell.data_type = "s"
        cell.hyperlink = target
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
