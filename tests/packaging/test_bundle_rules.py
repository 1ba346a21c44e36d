"""The rules packaging/ applies to a frozen build, checked without building one (seconds, always
run): what the bundle keeps and leaves out, the icon containers, the ELF reading and the ICU
data trimming. tests/packaging/test_frozen.py checks the built result."""

from __future__ import annotations

import ast
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

sys.path.insert(0, str(REPO_ROOT / "packaging"))

import bundle
import elf
import icu_data

LINUX = sys.platform.startswith("linux")
QT_LIB = Path(__import__("PySide6").__file__).resolve().parent / "Qt" / "lib"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize(("destination", "kept"), [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", True),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
    ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
    ("PySide6/plugins/platforms/qwindows.dll", True),  # Windows wheels keep plugins beside the package
    ("PySide6/Qt/lib/libQt6Gui.so.6", True),
    ("numpy/_core/_multiarray_umath.cpython-311-x86_64-linux-gnu.so", True),
])
def test_qt_plugins_kept_are_those_a_desktop_app_loads(destination: str, kept: bool) -> None:
    assert bundle.qt_plugin_kept(destination) is kept


def test_data_kept_drops_build_sources_and_other_languages_qt_translations() -> None:
    assert not bundle.data_kept("selectolax/lexbor.c")
    assert not bundle.data_kept("selectolax/lexbor.pyx")
    assert bundle.data_kept("PySide6/Qt/translations/qtbase_ar.qm")
    assert not bundle.data_kept("PySide6/Qt/translations/qtbase_de.qm")
    assert not bundle.data_kept("PySide6/Qt/translations/qtdeclarative_ar.qm")
    assert bundle.data_kept("resources/i18n/workbench_ar.qm")
    assert bundle.data_kept("resources/models/ner.npz")


def test_system_libraries_left_to_the_system() -> None:
    assert not bundle.system_library_kept("libstdc++.so.6")
    assert not bundle.system_library_kept("libdbus-1.so.3")
    assert bundle.system_library_kept("libX11.so.6")
    assert bundle.system_library_kept("PySide6/Qt/lib/libQt6DBus.so.6")


def test_only_binaries_reached_from_extensions_plugins_and_python_stay() -> None:
    binaries = [
        ("libpython3.11.so.1.0", "/py/libpython3.11.so.1.0", "BINARY"),
        ("numpy/core.so", "/site/numpy/core.so", "EXTENSION"),
        ("numpy.libs/libblas.so", "/site/numpy.libs/libblas.so", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/site/qxcb.so", "BINARY"),
        ("libxcb-cursor.so.0", "/usr/lib/libxcb-cursor.so.0", "BINARY"),
        ("libgtk-3.so.0", "/usr/lib/libgtk-3.so.0", "BINARY"),  # only the removed GTK theme needed it
        ("libcairo.so.2", "/usr/lib/libcairo.so.2", "BINARY"),
        ("libz.so.1", "/usr/lib/libz.so.1", "BINARY"),
        ("libblas.so", "numpy.libs/libblas.so", "SYMLINK"),
    ]
    needs = {"/site/numpy/core.so": ["libblas.so", "libc.so.6"], "/site/qxcb.so": ["libxcb-cursor.so.0"],
             "/usr/lib/libxcb-cursor.so.0": ["libz.so.1"], "/usr/lib/libgtk-3.so.0": ["libcairo.so.2"]}
    kept = bundle.reachable_binaries(binaries, lambda path: needs.get(path, []))
    assert [entry[0] for entry in kept] == ["libpython3.11.so.1.0", "numpy/core.so", "numpy.libs/libblas.so",
                                            "PySide6/Qt/plugins/platforms/libqxcb.so", "libxcb-cursor.so.0",
                                            "libz.so.1", "libblas.so"]


def test_dangling_symbolic_links_are_dropped() -> None:
    entries = [("PySide6/Qt/lib/libQt6Core.so.6", "/site/libQt6Core.so.6", "BINARY"),
               ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
               ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK")]
    assert [entry[0] for entry in bundle.symlinks_kept(entries, entries)] == [
        "PySide6/Qt/lib/libQt6Core.so.6", "libQt6Core.so.6"]


def test_app_data_files_ship_compiled_translations_models_and_the_demo_corpus() -> None:
    files = {(Path(source).relative_to(REPO_ROOT).as_posix(), folder) for source, folder in bundle.app_data_files()}
    assert ("resources/i18n/workbench_ar.qm", "resources/i18n") in files
    assert ("resources/models/ner.npz", "resources/models") in files
    assert ("resources/LICENCES.md", "resources") in files
    assert {source for source, _ in files if source.startswith("seeds/")} == {
        f"seeds/{path.name}" for path in (REPO_ROOT / "seeds").iterdir()}
    assert not any(source.endswith(".ts") for source, _ in files)


def test_bundled_metadata_is_the_installed_packages_without_the_checkouts_path() -> None:
    ((source, folder),) = bundle.metadata_files()
    assert Path(source).name == "METADATA" and folder.endswith(".dist-info")
    assert f"Version: {bundle.version()}" in Path(source).read_text(encoding="utf-8")


def test_icons_are_valid_ico_and_icns_holding_pngs(qapp: object, tmp_path: Path) -> None:
    from icons import ICNS_TYPES, ICO_SIZES, write_icons

    written = {path.suffix: path.read_bytes() for path in
               write_icons(REPO_ROOT / "resources" / "icons" / "workbench.svg", tmp_path)}
    assert written[".png"].startswith(PNG_SIGNATURE)

    ico = written[".ico"]
    reserved, kind, count = struct.unpack_from("<HHH", ico)
    assert (reserved, kind, count) == (0, 1, len(ICO_SIZES))
    for index, size in enumerate(ICO_SIZES):
        width, height, _, _, planes, bits, length, offset = struct.unpack_from("<BBBBHHII", ico, 6 + 16 * index)
        assert (width, height) == ((0, 0) if size == 256 else (size, size)) and (planes, bits) == (1, 32)
        assert ico[offset:offset + length].startswith(PNG_SIGNATURE)

    icns = written[".icns"]
    assert icns[:4] == b"icns" and struct.unpack_from(">I", icns, 4)[0] == len(icns)
    position, kinds = 8, []
    while position < len(icns):
        kinds.append(icns[position:position + 4])
        length = struct.unpack_from(">I", icns, position + 4)[0]
        assert icns[position + 8:position + 16] == PNG_SIGNATURE
        position += length
    assert kinds == list(ICNS_TYPES)


@pytest.mark.skipif(not LINUX, reason="ELF libraries: Linux")
def test_elf_reading_finds_direct_dependencies_and_debug_sections() -> None:
    gui = (QT_LIB / "libQt6Gui.so.6").read_bytes()
    needed = elf.needed_libraries(gui)
    assert "libQt6Core.so.6" in needed and "libicudata.so.73" not in needed  # direct ones only, unlike ldd
    assert ".dynsym" in elf.section_names(gui) and ".debug_info" not in elf.section_names(gui)
    with pytest.raises(ValueError):
        elf.sections(b"MZ not an ELF file")


@pytest.mark.skipif(not LINUX or icu_data.missing_tools() != [], reason="needs Linux, icupkg and a C compiler")
def test_icu_trim_keeps_what_qt_reads_and_drops_the_rest(tmp_path: Path) -> None:
    (original,) = QT_LIB.glob("libicudata.so.*")
    library = tmp_path / original.name
    shutil.copyfile(original, library)
    trimmed = icu_data.trim(library)
    assert trimmed.after < trimmed.before * 0.5 and trimmed.after == library.stat().st_size

    name, offset, size = icu_data.data_symbol(library.read_bytes())
    assert name.startswith("icudt") and name.endswith("_dat")
    package = tmp_path / f"{name.removesuffix('_dat')}l.dat"
    package.write_bytes(library.read_bytes()[offset:offset + size])
    items = set(subprocess.run(["icupkg", "--list", package.name], cwd=tmp_path, capture_output=True, text=True,
                               check=True).stdout.split())
    assert {"coll/root.res", "coll/ar.res", "ar.res", "ibm-1256_P110-1997.cnv", "zoneinfo64.res"} <= items
    assert not {item for item in items if item.split("/")[0] in icu_data.REMOVED_CATEGORIES}
    assert "unames.icu" not in items


def test_the_app_imports_none_of_the_modules_the_bundle_leaves_out() -> None:
    """A module the bundle excludes must not be imported by the app (numpy.random once was: the
    frozen app then failed at start-up while every test of the checkout passed)."""
    offenders = []
    for path in (REPO_ROOT / "workbench").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else (
                [node.module] if isinstance(node, ast.ImportFrom) and node.module else [])
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in ("np", "numpy"):
                names.append(f"numpy.{node.attr}")
            offenders += [f"{path.relative_to(REPO_ROOT)}: {name}" for name in names
                          if any(name == excluded or name.startswith(excluded + ".")
                                 for excluded in bundle.EXCLUDED_MODULES)]
    assert offenders == []
