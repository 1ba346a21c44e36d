"""What the frozen bundle contains: the app's own files, and the parts of Qt and Python it keeps.

``workbench.spec`` (PyInstaller) asks this module what to add and what to leave out, so the
rules live in plain, linted Python rather than in the spec:

- the app's files: ``resources/`` without the translation sources (the compiled ``.qm`` files
  instead), the ``seeds/`` demo corpus, and the package's METADATA (``workbench.__version__``
  reads the version from it);
- Qt: only the plugins a desktop app on Linux, Windows or macOS loads (windowing systems, input
  methods, the SVG icon engine), and only the Qt translations of the interface's languages;
  PyInstaller's hooks collect every plugin of QtGui's dependencies, including GTK's platform
  theme, which alone brings about 10 MB of GTK, Cairo and Pango libraries;
- shared libraries: after the plugins are filtered, only the libraries the remaining Python
  extensions and Qt plugins load, directly or through each other (``reachable_binaries``).
"""

from __future__ import annotations

import fnmatch
import os
import sys
import sysconfig
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path, PurePosixPath

from licences import dist_info_folder
from update_translations import LANGUAGES as INTERFACE_LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
DISTRIBUTION = "arabic-news-workbench"
EXECUTABLE = "Workbench"
"""Name of the frozen executable and of the bundle's folder."""
CONSOLE_EXECUTABLE = "workbench-cli"
"""On Windows, the console twin of the windowed ``Workbench.exe``, for the command line and the
self-test (a windowed program has no console to print to)."""
DISPLAY_NAME = "Arabic News Workbench"

TocEntry = tuple[str, str, str]
"""PyInstaller's (destination name, source path, type code)."""

QT_PLUGINS_KEPT: dict[str, tuple[str, ...]] = {
    # windowing systems: X11, Wayland, Windows, macOS, and offscreen for the headless smoke tests
    "platforms": ("*qxcb*", "*qwayland*", "*qwindows*", "*qcocoa*", "*qoffscreen*"),
    "platforminputcontexts": ("*",),  # input methods (IBus, compose keys): typing Arabic
    "platformthemes": ("*xdgdesktopportal*",),  # native file dialogs through the desktop portal
    "iconengines": ("*qsvgicon*",),  # the window icon is an SVG
    "imageformats": ("*qsvg*",),
    "styles": ("*",),  # the Windows and macOS native styles
    "xcbglintegrations": ("*",),
    "wayland-decoration-client": ("*",),
    "wayland-graphics-integration-client": ("*",),
    "wayland-shell-integration": ("*",),
}
"""Qt plugin folders the bundle keeps, with the file patterns kept in each; other folders go."""

EXCLUDED_MODULES = (
    # PySide6's hooks add these although the app uses only QtCore, QtGui and QtWidgets (their
    # libraries stay wherever QtGui links them)
    "PySide6.QtNetwork", "PySide6.QtDBus",
    # TLS and OpenSSL's hashes (5 MB of libssl and libcrypto): the app never opens a network
    # connection; asyncio (which whoosh imports) works without ssl, and hashlib and hmac fall
    # back to Python's own SHA and MD5 modules
    "ssl", "_ssl", "_hashlib",
    # numpy's random-number and FFT extensions (3 MB) and its developer tools: loaded only when a
    # program asks for numpy.random, numpy.fft, f2py or numpy.testing, which the app never does
    "numpy.random", "numpy.fft", "numpy.f2py", "numpy.testing",
    "tkinter", "readline",
)
"""Modules PyInstaller's import analysis finds but the app does not need."""

SYSTEM_LIBRARIES = ("libstdc++.so", "libgcc_s.so", "libdbus-1.so")
"""Linux libraries left to the user's system although PyInstaller would copy the build machine's:
the C++ runtime (a bundled one older than the system's breaks the system's OpenGL drivers when
Qt loads them) and the D-Bus client library (part of every desktop, and best matched to its bus
daemon), which also brings systemd's, libgcrypt's and three compression libraries: 6 MB."""

SOURCE_SUFFIXES = (".c", ".h", ".pyx", ".pxd", ".pxi", ".pyi")
"""Source and stub files some packages ship beside their compiled modules (selectolax: 3.4 MB)."""


def qt_plugin_kept(destination: str) -> bool:
    """Whether a collected file that is a Qt plugin should stay (other files always stay)."""
    parts = PurePosixPath(_posix(destination)).parts
    if "plugins" not in parts[:-2]:
        return True
    folder, name = parts[-2], parts[-1]
    return any(fnmatch.fnmatch(name, pattern) for pattern in QT_PLUGINS_KEPT.get(folder, ()))


def qt_translation_kept(destination: str) -> bool:
    """Whether a collected data file that is a Qt translation should stay: only qtbase, in the
    interface's languages (``workbench.ui.i18n`` loads ``qtbase_<lang>.qm``)."""
    path = PurePosixPath(_posix(destination))
    if "translations" not in path.parts or path.suffix != ".qm" or "PySide6" not in path.parts:
        return True
    return path.name in {f"qtbase_{language}.qm" for language in INTERFACE_LANGUAGES}


def system_library_kept(destination: str) -> bool:
    """Whether a collected binary stays, rather than being left to the system (SYSTEM_LIBRARIES)."""
    return not os.path.basename(destination).startswith(SYSTEM_LIBRARIES)


def data_kept(destination: str) -> bool:
    """Whether a collected data file should stay: no build sources, and only the Qt translations
    of the interface's languages."""
    return PurePosixPath(_posix(destination)).suffix not in SOURCE_SUFFIXES and qt_translation_kept(destination)


def reachable_binaries(binaries: list[TocEntry], needed: Callable[[str], Iterable[str]]) -> list[TocEntry]:
    """The binaries that a root loads, directly or through others; roots are the Python extension
    modules, the Qt plugins and the Python library itself. Symbolic links pass unchanged
    (``symlinks_kept`` drops those left dangling).

    ``needed(path)`` lists the sonames a binary links against directly (its DT_NEEDED entries).
    A library that only a removed plugin or a library left to the system needed goes with it.
    """
    files = [entry for entry in binaries if entry[2] != "SYMLINK"]
    by_name = {os.path.basename(entry[0]): entry for entry in files}
    pending = [entry for entry in files
               if entry[2] == "EXTENSION" or "plugins" in PurePosixPath(_posix(entry[0])).parts
               or os.path.basename(entry[0]).lower().startswith(("libpython", "python"))]
    reached: set[str] = set()
    while pending:
        entry = pending.pop()
        if entry[0] in reached:
            continue
        reached.add(entry[0])
        pending.extend(by_name[name] for name in needed(entry[1]) if name in by_name)
    return [entry for entry in binaries if entry[2] == "SYMLINK" or entry[0] in reached]


def symlinks_kept(entries: list[TocEntry], collected: Iterable[TocEntry]) -> list[TocEntry]:
    """``entries`` without the symbolic links whose target is not collected (PyInstaller links
    libraries of Qt's folder into the bundle's top folder, also for libraries filtered out)."""
    targets = {_posix(destination) for destination, _, kind in collected if kind != "SYMLINK"}
    return [entry for entry in entries if entry[2] != "SYMLINK"
            or _posix(os.path.normpath(os.path.join(os.path.dirname(entry[0]), entry[1]))) in targets]


def _posix(path: str) -> str:
    return path.replace(os.sep, "/")


def app_data_files() -> list[tuple[str, str]]:
    """(source file, destination folder) of every file the app reads from its bundle."""
    compiled = [ROOT / "resources" / "i18n" / f"workbench_{language}.qm" for language in INTERFACE_LANGUAGES]
    missing = [str(path) for path in compiled if not path.is_file()]
    if missing:
        raise SystemExit(f"compiled translations missing: {', '.join(missing)}; "
                         "run python packaging/update_translations.py --compile (build.py does)")
    files = []
    for folder in ("resources", "seeds"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and path.suffix != ".ts":
                files.append((str(path), str(path.parent.relative_to(ROOT))))
    return files


def installed_distribution() -> metadata.Distribution:
    """The workbench as installed in this environment's site-packages (not an ``.egg-info`` a
    source build may have left in the checkout, which the spec's search path also reaches)."""
    folders = sorted({sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]})
    found = next(iter(metadata.distributions(name=DISTRIBUTION, path=folders)), None)
    if found is None:
        raise SystemExit(f"{DISTRIBUTION} is not installed in {sys.prefix}: pip install -e .[packaging]")
    return found


def metadata_files() -> list[tuple[str, str]]:
    """The installed package's METADATA (its version), without the rest of its dist-info: an
    editable install's ``direct_url.json`` names the build machine's checkout."""
    dist = installed_distribution()
    folder = dist_info_folder(dist)
    return [(str(dist.locate_file(f"{folder}/METADATA")), folder)]


def version() -> str:
    """The version being bundled: the installed package's, which pyproject.toml declares."""
    return installed_distribution().version


def icon_file(build_dir: Path) -> str | None:
    """The executable's icon for this platform, as build.py rendered it (None on Linux, where
    the .desktop file names the icon)."""
    suffix = {"win32": ".ico", "darwin": ".icns"}.get(sys.platform)
    if suffix is None:
        return None
    path = build_dir / f"workbench{suffix}"
    return str(path) if path.is_file() else None
