"""Render the first rows of an export as LibreOffice Calc prints them: docs/export-articles.png.

    python tools/render_export.py [OUT.png]

Exports the bundled seed articles for the query حلب (after tagging one and writing its note,
as a user would), then asks LibreOffice to print the first rows and columns of the Articles
sheet, as the sheet is (right-to-left, header, dates, wrapped cells), to PDF, and turns the page
into a PNG cropped to the printed cells. Needs ``soffice`` (apt-get install libreoffice-calc) and
``pdftoppm`` (poppler-utils). Only the print settings of a copy are changed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import openpyxl
from PySide6.QtGui import QImage

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from workbench.core.export import ExportRequest  # noqa: E402
from workbench.core.paths import demo_corpus_dir  # noqa: E402
from workbench.core.search import SearchRequest  # noqa: E402
from workbench.core.workspace import Workspace  # noqa: E402

TRUCE = "004_e1c235ee45bedba9.txt"
SHOWN = "A1:K5"
"""The header, four articles, and the columns before the article text ..."""
HIDDEN = ("E", "F", "G")
"""... except author, URL and path (the seed articles have little in them), to fit the page."""


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "export-articles.png"
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        os.environ["WORKBENCH_HOME"] = str(work / "home")
        corpus = work / "seeds"
        shutil.copytree(demo_corpus_dir(), corpus)
        workspace = Workspace.open(corpus)
        workspace.update()
        workspace.userdata.tag([TRUCE], ["هدنة", "إجلاء"])
        workspace.userdata.set_note(TRUCE, "الجيش يوقف العمليات لإجلاء المدنيين من شرق حلب")
        exported = work / "حلب.xlsx"
        workspace.export(ExportRequest(exported, SearchRequest("حلب")))
        workspace.close()

        book = openpyxl.load_workbook(exported)
        for sheet in book.worksheets:
            if sheet.title != "Articles":
                sheet.sheet_state = "hidden"
        articles = book["Articles"]
        articles.print_area = SHOWN
        for column in HIDDEN:
            articles.column_dimensions[column].hidden = True
        articles.page_setup.orientation = "landscape"
        articles.page_setup.fitToWidth = 1
        articles.page_setup.fitToHeight = 0
        articles.sheet_properties.pageSetUpPr.fitToPage = True
        articles.print_options.gridLines = True
        articles.print_options.headings = True
        preview = work / "preview.xlsx"
        book.save(preview)

        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(work), str(preview)],
                       check=True, capture_output=True)
        subprocess.run(["pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", "-singlefile", str(work / "preview.pdf"),
                        str(work / "page")], check=True)
        _crop(work / "page.png", out)
    print(f"wrote {out}")


def _crop(page: Path, out: Path, margin: int = 12) -> None:
    """Save ``page`` cut to its printed content, with a white margin."""
    image = QImage(str(page)).convertToFormat(QImage.Format.Format_Grayscale8)
    pixels = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(image.height(), image.bytesPerLine())
    rows, columns = np.nonzero(pixels[:, :image.width()] < 250)
    top, bottom = max(0, rows.min() - margin), min(image.height(), rows.max() + margin)
    left, right = max(0, columns.min() - margin), min(image.width(), columns.max() + margin)
    QImage(str(page)).copy(int(left), int(top), int(right - left), int(bottom - top)).save(str(out))


if __name__ == "__main__":
    main()
