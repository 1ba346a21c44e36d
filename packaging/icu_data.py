"""Shrink the ICU data library that PySide6's Linux wheels ship (32 MB, a fifth of the bundle).

Qt calls few ICU functions: its libraries import only case mapping (``u_strToLower``,
``u_strToUpper``), time zone ids and names (``ucal_*``), legacy codecs (``ucnv_*``) and
collation (``ucol_*``); see ``nm -D --undefined-only libQt6Core.so.6``. It takes locale,
language, country and currency names from its own CLDR tables. ICU's data library carries far
more: every locale's display names, currencies, units, time zone names, spelled-out numbers,
transliterators, break-iterator rules and dictionaries, character names and spoofing data:
about 19 MB that nothing in Qt reads. ``trim`` removes those and rebuilds the library. (Time
zone display names are among them: ``QTimeZone::displayName`` then falls back to the zone's
abbreviation; the app shows no time zones.)

How: the data is one ICU "common data" package, exported as the symbol ``icudtNN_dat``. It is
cut out of the ELF file, ``icupkg`` (ICU's own tool, Debian package ``icu-devtools``) removes
the items, and the C compiler assembles a new shared library holding the smaller package under
the same symbol and soname. Windows and macOS wheels use the system's ICU: nothing to do there.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import elf

REMOVED_CATEGORIES = ("curr", "lang", "region", "unit", "zone", "translit", "rbnf", "brkitr")
"""ICU data folders Qt never reads: currency, language, region, unit and time zone display names,
transliterators, rule-based number formats (spelled-out numbers), break iterators."""
REMOVED_ITEMS = ("unames.icu", "confusables.cfu")
"""Single items Qt never reads: Unicode character names, the spoof checker's confusables."""

TOOLS = ("icupkg", "cc")


@dataclass(frozen=True)
class Trimmed:
    """What ``trim`` did to the library: sizes in bytes, and the items it removed."""

    before: int
    after: int
    removed_items: int


def missing_tools() -> list[str]:
    """The programs ``trim`` needs that are not on PATH."""
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def data_symbol(library: bytes) -> tuple[str, int, int]:
    """(name, file offset, size) of the ICU data package in an ICU data library."""
    try:
        return elf.exported_symbol(library, "icudt*_dat")
    except ValueError as error:
        raise ValueError(f"not an ICU data library: {error}") from error


def trim(library: Path, categories: tuple[str, ...] = REMOVED_CATEGORIES) -> Trimmed:
    """Replace ``library`` (e.g. libicudata.so.73) by one without the ICU data ``categories``."""
    data = library.read_bytes()
    symbol, offset, size = data_symbol(data)
    package_name = symbol.removesuffix("_dat") + "l"  # icudt73_dat -> icudt73l (little-endian data)
    with tempfile.TemporaryDirectory(prefix="icu-") as scratch:
        folder = Path(scratch)
        package = folder / f"{package_name}.dat"
        package.write_bytes(data[offset:offset + size])
        items = _run(["icupkg", "--list", package.name], folder).split()
        removed = [item for item in items if item.split("/", 1)[0] in categories or item in REMOVED_ITEMS]
        (folder / "removed.txt").write_text("\n".join(removed) + "\n", encoding="ascii")
        _run(["icupkg", "--remove", "removed.txt", package.name], folder)
        (folder / "data.S").write_text(_ASSEMBLY.format(symbol=symbol, package=package.name), encoding="ascii")
        rebuilt = folder / library.name
        _run(["cc", "-shared", "-nostdlib", f"-Wl,-soname,{library.name}", "-o", rebuilt.name, "data.S"], folder)
        if data_symbol(rebuilt.read_bytes())[2] != package.stat().st_size:
            raise RuntimeError(f"the rebuilt {library.name} does not hold the trimmed data package")
        shutil.copyfile(rebuilt, library)
    return Trimmed(before=len(data), after=library.stat().st_size, removed_items=len(removed))


def _run(command: list[str], folder: Path) -> str:
    done = subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}): {done.stderr.strip()}")
    return done.stdout


_ASSEMBLY = """\
    .section .rodata
    .globl {symbol}
    .type {symbol}, @object
    .balign 16
{symbol}:
    .incbin "{package}"
    .size {symbol}, . - {symbol}
    .section .note.GNU-stack, "", @progbits
"""
"""A read-only data symbol holding the package, aligned as ICU's own generated code aligns it."""
