"""The reader's marks panel draws what the user types (Arabic tags and notes) in the Arabic font,
and its placeholders, which are in the interface language, in the interface font."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from workbench.core.userdata.marks import ArticleMarks
from workbench.ui.fonts import ARABIC_FAMILY
from workbench.ui.widgets.article_marks import ArticleMarksPanel

from .conftest import type_text


def test_typed_text_is_drawn_in_the_arabic_font_and_placeholders_in_the_interface_font(qtbot: QtBot) -> None:
    panel = ArticleMarksPanel()
    qtbot.addWidget(panel)
    panel.show_article("truce", ArticleMarks((), "", ()), "")
    interface = panel.font().family()
    assert interface != ARABIC_FAMILY
    assert (panel.tags_edit.font().family(), panel.note_edit.font().family()) == (interface, interface)

    # Marks loaded from the store, the note set while the box's own signals are blocked.
    panel.show_article("ceasefire", ArticleMarks(("هدنة", "حلب"), "يقارن بتصريحات الخارجية", ()), "")
    assert (panel.tags_edit.font().family(), panel.note_edit.font().family()) == (ARABIC_FAMILY, ARABIC_FAMILY)

    # Typed by the user, then erased: the placeholder is back in the interface font.
    panel.show_article("truce", ArticleMarks((), "", ()), "")
    panel.note_edit.setFocus()
    type_text(panel.note_edit, "مصدر")
    assert panel.note_edit.font().family() == ARABIC_FAMILY
    panel.note_edit.clear()
    assert panel.note_edit.font().family() == interface
