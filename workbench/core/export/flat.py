"""CSV and JSON Lines writers: one table per file.

CSV is written in UTF-8 with a byte-order mark, which is how Excel recognises UTF-8 (without
it, Arabic opens as mojibake); cells a spreadsheet could run as formulas get a leading
apostrophe (``cells.py``). JSON Lines has one object per row, keyed by the column names, dates
as ISO text, the text whole. Neither format has a cell limit, so long texts are not split.
"""

from __future__ import annotations

import csv
import datetime
import json
from pathlib import Path
from typing import Any

from workbench.core.export.cells import CellCleaner
from workbench.core.export.tables import Link, Table, Tick

__all__ = ["write_csv", "write_jsonl"]


def write_csv(path: Path, table: Table, cleaner: CellCleaner, tick: Tick) -> None:
    """Write ``table`` as CSV (UTF-8 with BOM, a header row)."""
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow([column.name for column in table.columns])
        for rows, row in enumerate(table.rows(), start=1):
            writer.writerow([_csv_value(value, cleaner) for value in row])
            tick(table, rows)


def write_jsonl(path: Path, table: Table, cleaner: CellCleaner, tick: Tick) -> None:
    """Write ``table`` as JSON Lines: one object per row."""
    names = [column.name for column in table.columns]
    with path.open("w", encoding="utf-8") as stream:
        for rows, row in enumerate(table.rows(), start=1):
            record = {name: _json_value(value, cleaner) for name, value in zip(names, row, strict=True)}
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            tick(table, rows)


def _csv_value(value: Any, cleaner: CellCleaner) -> Any:
    if value is None:
        return ""
    if isinstance(value, Link):
        return cleaner.csv_text(value.url)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        return cleaner.csv_text(value)
    return value


def _json_value(value: Any, cleaner: CellCleaner) -> Any:
    if isinstance(value, Link):
        return cleaner.clean(value.url)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        return cleaner.clean(value)
    return value
