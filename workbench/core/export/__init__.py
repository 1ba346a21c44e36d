"""Export articles, their concordance, entities and the user's marks to Excel, CSV or JSON Lines.

``export(ExportSources(...), ExportRequest(out, search, selection, sheets), progress, cancel)``;
the workspace wires the sources (``Workspace.export``). Tables: tables.py; safe cells: cells.py;
formats: xlsx.py, flat.py; the atomic write: target.py.
"""

from workbench.core.export.exporter import FORMATS, ExportReport, ExportRequest, ExportSources, export
from workbench.core.export.tables import SHEETS

__all__ = ["FORMATS", "SHEETS", "ExportReport", "ExportRequest", "ExportSources", "export"]
