"""Mixed-direction text: which way a text runs, and keeping an embedded run in its own order.

A Latin path or a date inside an Arabic sentence (or an Arabic name inside an English one) is
wrapped in Unicode isolate marks, so it keeps its own order and does not reorder its neighbours;
a text laid out on its own (a title, a concordance context) is painted in its own direction.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt

FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2068", "\u2069"


def text_direction(text: str) -> Qt.LayoutDirection:
    """The direction of a text's first strongly directional character (right-to-left when it
    has none: the corpora are Arabic)."""
    for character in text:
        kind = unicodedata.bidirectional(character)
        if kind in ("R", "AL"):
            return Qt.LayoutDirection.RightToLeft
        if kind == "L":
            return Qt.LayoutDirection.LeftToRight
    return Qt.LayoutDirection.RightToLeft


def isolated(text: str) -> str:
    """``text`` in first-strong isolate marks (its direction from its first letter)."""
    return f"{FIRST_STRONG_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}" if text else text

