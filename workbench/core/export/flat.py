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
from collections.abc import Callable
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
            writer.writerow([_plain(value, cleaner.csv_text) for value in row])  # None: an empty cell
            tick(table, rows)


def write_jsonl(path: Path, table: Table, cleaner: CellCleaner, tick: Tick) -> None:
    """Write ``table`` as JSON Lines: one object per row."""
    names = [column.name for column in table.columns]
    with path.open("w", encoding="utf-8") as stream:
        for rows, row in enumerate(table.rows(), start=1):
            record = {name: _plain(value, cleaner.clean) for name, value in zip(names, row, strict=True)}
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            tick(table, rows)


def _plain(value: Any, text: Callable[[str], str]) -> Any:
    """A cell as CSV or JSON holds it: dates as ISO text, links as their address, text through ``text``."""
    if isinstance(value, Link):
        value = value.url
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        return text(value)
    return value
