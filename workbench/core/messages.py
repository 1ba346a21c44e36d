"""User-facing sentences of the core, in English, translatable by the GUI without Qt in the core.

Every message a user may read (an error, a skipped file's reason) is written as an English
template with named fields, wrapped in ``translatable``:

    raise QueryError(translatable("Unexpected closing parenthesis at character {position}."),
                     position=lexeme.position + 1)

A field's value may itself be a ``Message``, or a list of them (joined by spaces), for a
sentence that lists several problems.

``translatable`` returns its argument unchanged; it exists so Qt's ``lupdate`` finds the
templates (``packaging/update_translations.py`` declares it as an alias of ``QT_TR_NOOP``), and
the GUI translates the template before filling in the fields (``workbench.ui.core_text``). The
command line prints the English sentence. Templates use ``str.format`` fields, so in a template
that has fields a literal brace is written twice.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["Message", "translatable"]


def translatable(template: str) -> str:
    """Mark an English message template for translation; returns it unchanged."""
    return template


class Message:
    """An English template and the values of its fields; ``str()`` is the English sentence."""

    __slots__ = ("params", "template")

    def __init__(self, template: str, params: Mapping[str, Any] | None = None) -> None:
        self.template = template
        self.params: dict[str, Any] = dict(params or {})

    def __str__(self) -> str:
        if not self.params:
            return self.template
        return self.template.format(**{name: _text(value) for name, value in self.params.items()})

    def __repr__(self) -> str:
        return f"Message({self.template!r}, {self.params!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (self.template, self.params) == (other.template, other.params)

    def __hash__(self) -> int:
        return hash(self.template)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready form (the manifest stores skip reasons this way)."""
        return {"template": self.template, "params": {k: _plain(v) for k, v in self.params.items()}}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Message:
        """The inverse of ``to_json``."""
        return cls(str(data["template"]), {k: _unplain(v) for k, v in dict(data.get("params", {})).items()})


def _text(value: Any) -> str:
    """A field value as English text: a nested message, or several joined by spaces."""
    if isinstance(value, (list, tuple)):
        return " ".join(_text(item) for item in value)
    return str(value)


def _plain(value: Any) -> Any:
    """A field value as JSON can hold it (nested messages as dicts, paths and other objects as text)."""
    if isinstance(value, Message):
        return {"message": value.to_json()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value if isinstance(value, (str, int, float, bool)) or value is None else str(value)


def _unplain(value: Any) -> Any:
    if isinstance(value, dict) and "message" in value:
        return Message.from_json(value["message"])
    if isinstance(value, list):
        return [_unplain(item) for item in value]
    return value
