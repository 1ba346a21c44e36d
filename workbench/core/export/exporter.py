"""Export articles with everything known about them: what to export, in which file, with progress.

``export(sources, ExportRequest(...), progress, cancel)`` chooses the articles (a search, which
may be empty for the whole corpus, and/or a selection), writes the tables asked for in the
format the file's extension names (.xlsx: every table as a sheet; .csv and .jsonl: one table)
to a temporary file that replaces the target only when complete (``target.py``), and reports
what it did. Cancelling stops at the next row and leaves no file (and any existing one intact).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import workbench
from workbench.core.entities.service import EntityService
from workbench.core.errors import ExportError
from workbench.core.export.cells import EXCEL_CELL_LIMIT, CellCleaner
from workbench.core.export.flat import write_csv, write_jsonl
from workbench.core.export.tables import SHEETS, ArticleSource, Table, build_tables
from workbench.core.export.target import replacing
from workbench.core.index.schema import SCHEMA_VERSION
from workbench.core.messages import translatable
from workbench.core.progress import CancelToken, Progress, ProgressCallback
from workbench.core.search import SearchEngine, SearchRequest
from workbench.core.userdata import Annotations

__all__ = ["FORMATS", "ExportReport", "ExportRequest", "ExportSources", "export"]

FORMATS = (".xlsx", ".csv", ".jsonl")
PROGRESS_INTERVAL = 0.1
SPLITS_LISTED = 20
"""Split texts named one by one in About; more are counted."""


@dataclass(frozen=True)
class ExportSources:
    """What an export reads: the workspace hands these over (``Workspace.export``)."""

    corpus: Path
    engine: SearchEngine
    entities: EntityService
    userdata: Annotations


@dataclass(frozen=True)
class ExportRequest:
    """What to export, and where."""

    out: Path
    """The file to write; its extension (.xlsx, .csv, .jsonl) chooses the format."""
    search: SearchRequest = field(default_factory=lambda: SearchRequest(""))
    """The articles matching this search, in its order (an empty query: every article); its
    words make the Hits table."""
    selection: str | None = None
    """Only the articles of this selection (missing ones included, from what the store remembers)."""
    sheets: tuple[str, ...] = SHEETS
    """The tables to write (names from SHEETS); a .csv or .jsonl file holds exactly one."""


@dataclass
class ExportReport:
    """What an export did."""

    path: Path
    cancelled: bool = False
    articles: int = 0
    missing: int = 0
    hits: int = 0
    entities: int = 0
    mentions: int = 0
    notes: list[str] = field(default_factory=list)
    """Clean-ups and limits the user should know of, in English (also in the About sheet)."""
    neutralised: int = 0
    """Cells that began like a formula (=, +, -, @, tab, CR), kept as text: typed as text in
    .xlsx, given a leading ' in CSV."""
    split: int = 0
    """Texts longer than a spreadsheet cell, continued in the next columns."""
    removed_characters: int = 0
    """Characters the file cannot hold (control characters, U+FFFE/U+FFFF...), removed."""
    seconds: float = 0.0


class _Cancelled(Exception):
    """Raised inside the writers to stop at the next row."""


def export(sources: ExportSources, request: ExportRequest, progress: ProgressCallback | None = None,
           cancel: CancelToken | None = None) -> ExportReport:
    """Write the export; ExportError (or AnnotationError, QueryError) with a message for the user."""
    started = time.monotonic()
    out = Path(request.out)
    extension = out.suffix.lower()
    sheets = _checked_sheets(request.sheets, extension, out)
    source = _article_source(sources, request)
    cleaner = CellCleaner(xml=extension == ".xlsx")
    report = ExportReport(out, articles=len(source.results) + len(source.missing), missing=len(source.missing),
                          entities=len(source.entity_list) if "entities" in sheets else 0)
    tables = build_tables(source, sheets, lambda: _about_rows(sources, request, source, cleaner, report))
    tick = _ticker(tables, progress, cancel)
    try:
        with replacing(out) as temporary:
            if extension == ".xlsx":
                from workbench.core.export.xlsx import write_xlsx  # openpyxl: ~0.1 s to import, only when used

                write_xlsx(temporary, tables, cleaner, tick)
            elif extension == ".csv":
                write_csv(temporary, tables[0], cleaner, tick)
            else:
                write_jsonl(temporary, tables[0], cleaner, tick)
    except _Cancelled:
        report.cancelled = True
    _finish(report, source, cleaner)
    report.seconds = time.monotonic() - started
    return report


def _checked_sheets(sheets: tuple[str, ...], extension: str, out: Path) -> tuple[str, ...]:
    if extension not in FORMATS:
        raise ExportError(translatable("Cannot export to {file}: the file name must end in .xlsx, .csv or .jsonl."),
                          file=out)
    unknown = [sheet for sheet in sheets if sheet not in SHEETS]
    if unknown or not sheets:
        raise ExportError(translatable("Unknown table '{sheet}': choose from {sheets}."),
                          sheet=", ".join(unknown), sheets=", ".join(SHEETS))
    if extension != ".xlsx":
        tables = [sheet for sheet in sheets if sheet != "about"] if sheets != SHEETS else ["articles"]
        if len(tables) != 1:
            raise ExportError(translatable("A {format} file holds one table: choose one of {sheets} (or export to "
                                           ".xlsx for several)."), format=extension, sheets=", ".join(SHEETS[:-1]))
        return (tables[0],)
    return sheets


def _article_source(sources: ExportSources, request: ExportRequest) -> ArticleSource:
    search = replace(request.search, limit=None)
    missing = []
    if request.selection is not None:
        members = sources.userdata.selection_ids(request.selection)
        within = frozenset(members) if search.article_ids is None else search.article_ids & frozenset(members)
        search = replace(search, article_ids=within)
        if not request.search.query.strip():  # a filtered search cannot say whether a missing article matches
            missing = [marked for marked in sources.userdata.annotated(members) if marked.missing]
    results = sources.engine.search(search)
    ids = sources.engine.search_ids(search)
    marks = {marked.record.id: marked for marked in sources.userdata.annotated(ids)}
    plan = results.plan
    return ArticleSource(results=results, missing=missing, marks=marks, entities=sources.entities,
                         entity_list=sources.entities.entities(ids),
                         has_hits=bool(plan.exact_terms or plan.stem_terms or plan.phrases))


def _ticker(tables: list[Table], progress: ProgressCallback | None,
            cancel: CancelToken | None) -> Callable[[Table, int], None]:
    total = sum(table.size for table in tables)
    offsets = {table.name: sum(t.size for t in tables[:number]) for number, table in enumerate(tables)}
    last = 0.0

    def tick(table: Table, rows: int) -> None:
        nonlocal last
        if cancel is not None and cancel.cancelled:
            raise _Cancelled
        now = time.monotonic()
        if progress is not None and now - last >= PROGRESS_INTERVAL:
            last = now
            done = offsets[table.name] + min(table.size, table.done(rows))
            progress(Progress("export", done, total, message=table.name))

    return tick


def _finish(report: ExportReport, source: ArticleSource, cleaner: CellCleaner) -> None:
    report.hits = source.counts["hits"]
    report.mentions = source.counts["mentions"]
    report.notes = _cleanup_notes(cleaner)
    report.neutralised = cleaner.formula_like_cells + cleaner.quoted_cells
    report.split = len(cleaner.split_cells)
    report.removed_characters = cleaner.removed_characters


def _cleanup_notes(cleaner: CellCleaner) -> list[str]:
    notes = []
    if cleaner.removed_characters:
        notes.append(f"{cleaner.removed_characters:,} characters that a spreadsheet file cannot hold (control "
                     f"characters, U+FFFE, U+FFFF, lone surrogates) were removed from {cleaner.cells_with_removed:,} "
                     "cells.")
    if cleaner.split_cells:
        listed = "; ".join(cleaner.split_cells[:SPLITS_LISTED])
        more = len(cleaner.split_cells) - SPLITS_LISTED
        notes.append(f"{len(cleaner.split_cells):,} texts are longer than a cell can hold ({EXCEL_CELL_LIMIT:,} "
                     f"characters) and continue in the next columns (text (2), text (3), ...): {listed}"
                     + (f"; and {more:,} more." if more > 0 else "."))
    if cleaner.formula_like_cells:
        notes.append(f"{cleaner.formula_like_cells:,} cells begin with =, +, -, @, a tab or a carriage return; they "
                     "are stored as text, never as formulas.")
    if cleaner.quoted_cells:
        notes.append(f"{cleaner.quoted_cells:,} cells begin with =, +, -, @, a tab or a carriage return and were "
                     "given a leading ' so that a spreadsheet shows them as text instead of running them.")
    return notes


def _about_rows(sources: ExportSources, request: ExportRequest, source: ArticleSource, cleaner: CellCleaner,
                report: ExportReport) -> list[list[Any]]:
    """The About sheet, built when it is written (last), so the counts and clean-ups are final."""
    search = request.search
    filters = [f"sources: {', '.join(search.sources)}" if search.sources else "",
               f"dates: {search.date_from or '…'} to {search.date_to or '…'}" if search.date_from or search.date_to
               else "", f"{len(search.entities)} entities" if search.entities else "",
               f"match: {search.match}" if search.query.strip() else ""]
    _finish(report, source, cleaner)
    rows: list[list[Any]] = [
        ["corpus", str(sources.corpus)],
        ["query", search.query or "(every article)"],
        ["filters", "; ".join(f for f in filters if f) or "none"],
        ["selection", request.selection or "none"],
        ["order", "by date, newest first" if search.sort == "date" else "by relevance"],
        ["exported at", time.strftime("%Y-%m-%d %H:%M:%S")],
        ["app version", workbench.__version__],  # read here: package metadata costs every command ~20 ms
        ["index format", SCHEMA_VERSION],
        ["articles", report.articles],
        ["missing articles (file gone; kept from your store)", report.missing],
        ["hits", report.hits],
        ["entities", report.entities],
        ["mentions", report.mentions],
    ]
    rows += [["note", note] for note in report.notes] or [["note", "no text had to be changed or cut"]]
    return rows
