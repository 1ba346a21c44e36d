"""Just enough of the ELF format (64-bit, little-endian: Linux on x86-64 and arm64) for the build:
the section names of a shared library, and where one of its exported symbols lies in the file."""

from __future__ import annotations

import struct
from typing import NamedTuple

SHT_DYNAMIC = 6
SHT_DYNSYM = 11
DT_NEEDED = 1


class Section(NamedTuple):
    """One section header (``Elf64_Shdr``), the fields the build reads."""

    name_offset: int
    kind: int
    address: int
    offset: int
    size: int
    link: int
    entry_size: int


def is_elf(data: bytes) -> bool:
    """Whether ``data`` starts like a 64-bit little-endian ELF file."""
    return data[:4] == b"\x7fELF" and data[4:6] == b"\x02\x01"


def sections(data: bytes) -> list[Section]:
    """The section headers of an ELF file."""
    if not is_elf(data):
        raise ValueError("not a 64-bit little-endian ELF file")
    table, = struct.unpack_from("<Q", data, 0x28)
    entry_size, count = struct.unpack_from("<HH", data, 0x3A)
    found = []
    for index in range(count):
        name, kind, _, address, offset, size, link, _, _, entry = struct.unpack_from(
            "<IIQQQQIIQQ", data, table + index * entry_size)
        found.append(Section(name, kind, address, offset, size, link, entry))
    return found


def section_names(data: bytes) -> list[str]:
    """The names of an ELF file's sections (e.g. ``.debug_info`` when it carries debug information)."""
    headers = sections(data)
    names_index, = struct.unpack_from("<H", data, 0x3E)
    names_at = headers[names_index].offset if headers else 0
    return [_string(data, names_at + section.name_offset) for section in headers]


def needed_libraries(data: bytes) -> list[str]:
    """The libraries an ELF file links against directly (its ``DT_NEEDED`` entries), by soname;
    unlike ``ldd``, not the libraries those need in turn."""
    headers = sections(data)
    needed = []
    for table in (section for section in headers if section.kind == SHT_DYNAMIC):
        strings = headers[table.link].offset
        for start in range(table.offset, table.offset + table.size, 16):
            tag, value = struct.unpack_from("<qQ", data, start)
            if tag == DT_NEEDED:
                needed.append(_string(data, strings + value))
    return needed


def exported_symbol(data: bytes, accept: str) -> tuple[str, int, int]:
    """(name, file offset, size) of the first dynamic symbol whose name ``accept`` matches as a
    prefix-and-suffix pattern ``"prefix*suffix"``."""
    prefix, _, suffix = accept.partition("*")
    headers = sections(data)
    for table in (section for section in headers if section.kind == SHT_DYNSYM):
        strings = headers[table.link].offset
        for start in range(table.offset, table.offset + table.size, table.entry_size):
            name_at, _, _, index, value, size = struct.unpack_from("<IBBHQQ", data, start)
            name = _string(data, strings + name_at)
            if name.startswith(prefix) and name.endswith(suffix) and len(name) >= len(prefix) + len(suffix):
                home = headers[index]
                return name, value - home.address + home.offset, size
    raise ValueError(f"no exported symbol {accept}")


def _string(data: bytes, start: int) -> str:
    return data[start:data.index(b"\0", start)].decode("ascii")
