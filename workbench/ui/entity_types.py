"""How the four entity types look in the GUI: their translated names and highlight colours.

The sidebar (type nodes, "Change type" menu), the reader (mention highlights and their legend)
and the screenshots all take names and colours from here, so one type always looks the same.
Colours are light backgrounds: mentions are painted behind the text only, never by changing
weight or size inside an Arabic word (that would break letter joining).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from workbench.core.entities.service import ENTITY_TYPES

__all__ = ["ENTITY_TYPES", "TYPE_COLOURS", "type_label"]

TYPE_COLOURS: dict[str, QColor] = {
    "PERSON": QColor("#bbdefb"),
    "LOCATION": QColor("#c8e6c9"),
    "ORGANIZATION": QColor("#f8bbd0"),
    "MISC": QColor("#d7ccc8"),
}
"""Background of each type's mentions in the reader (and its swatch in the sidebar)."""


def type_label(entity_type: str) -> str:
    """The user-visible, translated name of an entity type (the code itself if unknown)."""
    labels = {
        "PERSON": QCoreApplication.translate("EntityTypes", "Person"),
        "LOCATION": QCoreApplication.translate("EntityTypes", "Place"),
        "ORGANIZATION": QCoreApplication.translate("EntityTypes", "Organization"),
        "MISC": QCoreApplication.translate("EntityTypes", "Other"),
    }
    return labels.get(entity_type, entity_type)
