"""Translations: every string translated into Arabic, compiled at build time, RTL layout applied."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from workbench.core.errors import QueryError
from workbench.core.messages import translatable
from workbench.ui import i18n
from workbench.ui import settings as S
from workbench.ui.core_text import core_text
from workbench.ui.main_window import MainWindow
from workbench.ui.models.results_model import ResultsModel
from workbench.ui.numbers import ARABIC_INDIC, WESTERN, apply_digit_style, digits, number

REPO = Path(__file__).resolve().parents[2]


def messages(ts: Path) -> list[ET.Element]:
    return list(ET.parse(ts).getroot().iter("message"))


@pytest.fixture
def arabic(qapp: QApplication) -> Iterator[None]:
    assert i18n.install_language(qapp, "ar")
    yield
    i18n.install_language(qapp, "en")


def test_every_string_has_an_arabic_translation() -> None:
    found = messages(i18n.ts_path("ar"))
    assert len(found) > 80
    for message in found:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None and translation.get("type") != "unfinished", source
        forms = [form.text or "" for form in translation.findall("numerusform")] or [translation.text or ""]
        for text in forms:
            assert text, source
            # Arabic words, or (quotes around a field) Arabic punctuation instead of the English one.
            arabic = any("\u0600" <= ch <= "\u06ff" for ch in text)
            words = re.sub(r"\{\w*\}|%L?n", "", text)
            assert arabic or (text != source and not any(ch.isascii() and ch.isalpha() for ch in words)), source
    plural = [m for m in found if m.get("numerus") == "yes"]
    assert plural and all(len(m.findall("translation/numerusform")) == 6 for m in plural)  # Arabic has six forms


def test_ts_file_covers_the_current_sources(tmp_path: Path) -> None:
    """lupdate over the GUI and the core's messages finds no string missing from the committed .ts."""
    copy = tmp_path / "workbench_ar.ts"
    shutil.copy(i18n.ts_path("ar"), copy)
    subprocess.run([sys.executable, str(REPO / "packaging" / "update_translations.py"), "--ts", str(copy), "ar"],
                   check=True, capture_output=True, timeout=120)
    unfinished = [m.find("source").text for m in messages(copy) if m.find("translation").get("type") == "unfinished"]
    assert unfinished == []


def test_english_plurals_come_from_their_own_translations(qapp: QApplication) -> None:
    english = messages(i18n.ts_path("en"))
    assert english and all(m.get("numerus") == "yes" for m in english)
    i18n.install_language(qapp, "en")
    assert QCoreApplication.translate("SearchPanel", "%Ln articles", "", 1) == "1 article"
    assert QCoreApplication.translate("SearchPanel", "%Ln articles", "", 1234) == "1,234 articles"


def test_arabic_plurals_and_digits(arabic: None) -> None:
    forms = [QCoreApplication.translate("SearchPanel", "%Ln articles", "", n) for n in (0, 1, 2, 5, 11, 100)]
    assert forms == ["0 مقالة", "مقالة واحدة", "مقالتان", "5 مقالات", "11 مقالة", "100 مقالة"]
    apply_digit_style(ARABIC_INDIC)
    try:
        assert QCoreApplication.translate("SearchPanel", "%Ln articles", "", 1234) == "١٬٢٣٤ مقالة"
        assert number(30676) == "٣٠٬٦٧٦" and digits("2016-11-03") == "٢٠١٦-١١-٠٣"
    finally:
        apply_digit_style(WESTERN)
    assert number(30676) == "30,676" and digits("2016-11-03") == "2016-11-03"


def test_core_messages_are_shown_in_the_interface_language(arabic: None) -> None:
    error = QueryError(translatable("Unexpected closing parenthesis at character {position}: remove it or "
                                    "add a matching '('."), position=4)
    shown = core_text(error.text)
    assert "4" in shown and any("\u0600" <= ch <= "\u06ff" for ch in shown)
    assert str(error).startswith("Unexpected closing parenthesis at character 4")


def test_compiled_translations_are_current() -> None:
    """The build compiled the .qm from the current .ts (reinstall after editing translations)."""
    qm, ts = i18n.qm_path("ar"), i18n.ts_path("ar")
    assert qm.is_file(), "no compiled translations: run `pip install -e .` (setup.py compiles them)"
    assert qm.stat().st_mtime >= ts.stat().st_mtime, "stale .qm: run `pip install -e .` again"


def test_missing_translations_fall_back_to_english(qapp: QApplication, monkeypatch: pytest.MonkeyPatch,
                                                   tmp_path: Path) -> None:
    monkeypatch.setattr(i18n, "qm_path", lambda language: tmp_path / f"workbench_{language}.qm")
    try:
        assert i18n.install_language(qapp, "ar") is False
        assert QCoreApplication.translate("IndexingPanel", "Cancel") == "Cancel"
    finally:
        i18n.install_language(qapp, "en")


def test_arabic_interface_is_translated_and_right_to_left(qtbot: QtBot, arabic: None) -> None:
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    window = MainWindow(S.Settings())
    qtbot.addWidget(window)
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.isRightToLeft()
    assert window.indexing_panel.cancel_button.text() == "إلغاء"
    assert window.menuBar().actions()[0].text() == "&ملف"
    assert window.results_model.headerData(ResultsModel.TITLE, Qt.Orientation.Horizontal) == "العنوان"
    window.close()


def test_english_interface_is_left_to_right(qtbot: QtBot, qapp: QApplication) -> None:
    i18n.install_language(qapp, "en")
    window = MainWindow(S.Settings())
    qtbot.addWidget(window)
    assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert window.indexing_panel.cancel_button.text() == "Cancel"
    window.close()
