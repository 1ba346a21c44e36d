"""The core's messages in the interface language.

The core writes every user-facing sentence as an English template with named fields
(``workbench.core.messages``); ``lupdate`` collects the templates into the translation files
under the empty context, and this module translates a template first and fills in its fields
after, so a translation can move the fields where its grammar needs them. Each field is
wrapped in Unicode isolate marks, so a Latin path or a number inside an Arabic sentence (and an
Arabic name inside an English one) keeps its own direction without reordering its neighbours.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from workbench.core.messages import Message
from workbench.ui.bidi import isolated

CORE_CONTEXT = ""
"""The translation context lupdate gives the core's templates (they are not inside a Qt class)."""


def core_text(message: Message) -> str:
    """The message in the interface language (English when no translation is installed)."""
    template = QCoreApplication.translate(CORE_CONTEXT, message.template)
    if not message.params:
        return template
    return template.format(**{name: _field(value) for name, value in message.params.items()})


def _field(value: Any) -> str:
    if isinstance(value, Message):
        return core_text(value)
    if isinstance(value, (list, tuple)):
        return " ".join(_field(item) for item in value)
    return isolated(str(value))
