"""The entity catalog's own bookkeeping: forms are read only when the catalog is written, and a
failed write leaves no stale form numbers behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.core import sqlite
from workbench.core.entities.catalog import EntityCatalog
from workbench.core.entities.extraction import CatalogMention

LAVROV = CatalogMention(0, 6, "PERSON", "لافروف", "لافروف", "")
ALEPPO = CatalogMention(10, 13, "LOCATION", "حلب", "حلب", "")


def test_a_failed_write_leaves_no_stale_form_numbers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    catalog = EntityCatalog(tmp_path)
    try:
        catalog.replace([], [("a.txt", "a.txt", [LAVROV])], generation=1)

        def fail(*_args: object) -> None:
            raise OSError("disk full")

        with monkeypatch.context() as patch:  # the new form is inserted, then the transaction rolls back
            patch.setattr(sqlite, "set_indexed_generation", fail)
            with pytest.raises(OSError):
                catalog.replace([], [("b.txt", "b.txt", [ALEPPO])], generation=2)
        catalog.replace([], [("b.txt", "b.txt", [ALEPPO, LAVROV])], generation=2)

        forms = {number: text for number, _type, text, _key, _link in catalog.forms()}
        assert [forms.get(form) for _start, _end, form in catalog.article_mentions("b.txt")] == ["لافروف", "حلب"]
    finally:
        catalog.close()


def test_reopening_reads_the_forms_it_needs(tmp_path: Path) -> None:
    catalog = EntityCatalog(tmp_path)
    catalog.replace([], [("a.txt", "a.txt", [LAVROV])], generation=1)
    catalog.close()
    reopened = EntityCatalog(tmp_path)
    try:
        reopened.replace([], [("b.txt", "b.txt", [LAVROV])], generation=2)
        assert len(reopened.forms()) == 1, "the known form is reused, not inserted again"
    finally:
        reopened.close()
