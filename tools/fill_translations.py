"""Fill unfinished entries of a Qt Linguist .ts file from a table of translations.

For translators who work in a text editor rather than Qt Linguist: write the new entries as a
Python dict ``TR = {source: translation}`` in a file and run
``python tools/fill_translations.py resources/i18n/workbench_ar.ts TABLE.py``. The table may
also be another .ts file (its finished translations are used), which is how two branches'
translations are combined after a merge: take one side's .ts, run
``packaging/update_translations.py``, then fill from the other side's .ts. Only entries marked
unfinished whose source is in the table are filled; the rest of the file is untouched.
Placeholders such as ``{count}`` must appear in the translation exactly as in the source.
"""

from __future__ import annotations

import re
import runpy
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

_FIELD_RE = re.compile(r"\{\w*\}|%n")


def fill(ts: Path, table: dict[str, str]) -> int:
    """Fill the unfinished entries of ``ts`` found in ``table``; returns how many were filled."""
    tree = ET.parse(ts)
    filled = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished" or source not in table:
            continue
        target = table[source]
        if sorted(_FIELD_RE.findall(source)) != sorted(_FIELD_RE.findall(target)):
            raise SystemExit(f"placeholders differ for {source!r}")
        translation.text = target
        del translation.attrib["type"]
        filled += 1
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return filled


def finished_translations(ts: Path) -> dict[str, str]:
    """source -> translation for every finished entry of a .ts file."""
    table = {}
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.get("type") is None and translation.text:
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
