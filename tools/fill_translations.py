"""Fill unfinished entries of a Qt Linguist .ts file from a table of translations.

For translators who work in a text editor rather than Qt Linguist: write the new entries as a
Python dict ``TR = {source: translation}`` in a file and run
``python tools/fill_translations.py resources/i18n/workbench_ar.ts TABLE.py``. The table may
also be another .ts file (its finished translations are used), which is how two branches'
translations are combined after a merge: take one side's .ts, run
``packaging/update_translations.py``, then fill from the other side's .ts. Only entries marked
unfinished whose source is in the table are filled; the rest of the file is untouched.
Placeholders such as ``{count}`` must appear in the translation exactly as in the source.
A string with plural forms (``numerus="yes"``, from ``tr("%n …", "", n)``) takes a list of its
forms in the language's order (English: one, other; Arabic: zero, one, two, few (3-10), many
(11-99), other (100-102…)); a form may leave out ``%n`` ("مقالة واحدة").
"""

from __future__ import annotations

import re
import runpy
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

_FIELD_RE = re.compile(r"\{\w*\}|%n")


def fill(ts: Path, table: dict[str, str | list[str]]) -> int:
    """Fill the unfinished entries of ``ts`` found in ``table``; returns how many were filled."""
    tree = ET.parse(ts)
    filled = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished" or source not in table:
            continue
        target = table[source]
        if message.get("numerus") == "yes":
            _fill_forms(source, translation, target)
        else:
            if not isinstance(target, str) or sorted(_FIELD_RE.findall(source)) != sorted(_FIELD_RE.findall(target)):
                raise SystemExit(f"placeholders differ for {source!r}")
            translation.text = target
        del translation.attrib["type"]
        filled += 1
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return filled


def _fill_forms(source: str, translation: ET.Element, forms: str | list[str]) -> None:
    """Write the plural forms of a numerus entry (as many as lupdate laid out for the language)."""
    slots = translation.findall("numerusform")
    if isinstance(forms, str) or len(forms) != len(slots):
        raise SystemExit(f"{source!r} needs {len(slots)} plural forms")
    fields = sorted(f for f in _FIELD_RE.findall(source) if f != "%n")
    for slot, form in zip(slots, forms, strict=True):
        if sorted(f for f in _FIELD_RE.findall(form) if f != "%n") != fields:
            raise SystemExit(f"placeholders differ for {source!r}: {form!r}")
        slot.text = form


def finished_translations(ts: Path) -> dict[str, str | list[str]]:
    """source -> translation (a list of forms for plurals) for every finished entry of a .ts file."""
    table: dict[str, str | list[str]] = {}
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") is not None:
            continue
        forms = [slot.text or "" for slot in translation.findall("numerusform")]
        if forms and all(forms):
            table[message.findtext("source") or ""] = forms
        elif translation.text and translation.text.strip():
            table[message.findtext("source") or ""] = translation.text
    return table


def main() -> int:
    """Command-line entry point."""
    ts, table_file = Path(sys.argv[1]), Path(sys.argv[2])
    if table_file.suffix == ".ts":
        table = finished_translations(table_file)
    else:
        table = runpy.run_path(str(table_file))["TR"]
    print(f"filled {fill(ts, table)} entries")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
