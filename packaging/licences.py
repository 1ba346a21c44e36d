"""The licence texts of everything a frozen bundle redistributes, gathered into its ``licenses/``.

A bundle hands out third-party code along with ours: Python, Qt and PySide6 (LGPL-3.0, which
asks for its text and the GPL-3.0's to go with the libraries), pyarabic (GPL-3.0), numpy and
the libraries its wheel carries, and on Linux the system libraries PyInstaller copied from the
build machine. ``collect`` writes, for each of them, the licence files its distribution
declares (or the system package's copyright file), and returns what it could not document so
that build.py can say so.

The spec records what it bundled (``write_manifest``): the top-level Python modules and the
shared libraries with their source paths.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import sysconfig
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
OWN_DISTRIBUTION = "arabic-news-workbench"
VENDORED = {"PySide6_Essentials": ("LGPL-3.0.txt", "GPL-3.0.txt"), "shiboken6": ("LGPL-3.0.txt", "GPL-3.0.txt"),
            "selectolax": ("Apache-2.0.txt", "Lexbor-NOTICE.txt")}
"""Licence texts from packaging/licenses/ that a distribution's wheel lacks: PySide6 and shiboken6
carry none (they are offered under LGPL-3.0-only, GPL-2.0-only or GPL-3.0-only; the bundle uses
them under the LGPL, which incorporates the GPL-3.0); selectolax's wheel carries its own MIT
licence but not that of Lexbor, the HTML parser compiled into it (Apache-2.0: its text and
Lexbor's NOTICE must go with it)."""
LICENCE_NAME = re.compile(r"^(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.IGNORECASE)


@dataclass
class Collected:
    """What ``collect`` wrote, and what it could not document."""

    distributions: list[str] = field(default_factory=list)
    system_packages: list[str] = field(default_factory=list)
    undocumented: list[str] = field(default_factory=list)


def write_manifest(path: Path, modules: list[str], binaries: list[tuple[str, str]]) -> None:
    """Record (from the spec) the top-level modules and the (destination, source) binaries bundled."""
    tops = sorted({name.split(".")[0] for name in modules})
    path.write_text(json.dumps({"modules": tops, "binaries": binaries}, indent=1), encoding="utf-8")


def collect(manifest: Path, target: Path) -> Collected:
    """Write the licence files of every bundled distribution, of Python, and (Linux, Debian
    family) of every bundled system library into ``target``; returns what was done."""
    recorded = json.loads(manifest.read_text(encoding="utf-8"))
    binary_tops = {Path(destination).parts[0] for destination, _ in recorded["binaries"]}
    tops = set(recorded["modules"]) | {top.split(".")[0] for top in binary_tops}
    collected = Collected()
    owners = metadata.packages_distributions()
    for name in sorted({dist for top in tops for dist in owners.get(top, ())} - {OWN_DISTRIBUTION}):
        if _write_distribution(name, target / name):
            collected.distributions.append(name)
        else:
            collected.undocumented.append(name)
    _write_python(target / "Python")
    collected.distributions.append("Python")
    if sys.platform.startswith("linux"):
        _write_system_packages(recorded["binaries"], target / "system", collected)
    return collected


def _write_distribution(name: str, folder: Path) -> bool:
    dist = metadata.distribution(name)
    info = dist_info_folder(dist)
    declared = [f for f in dist.files or () if str(f).startswith(f"{info}/licenses/")  # PEP 639
                or (str(f.parent) == info and LICENCE_NAME.match(f.name))]
    copies = {Path(*f.parts[2:]) if f.parts[1:2] == ("licenses",) else Path(f.name): Path(str(dist.locate_file(f)))
              for f in declared}
    copies.update({Path(text): HERE / "licenses" / text for text in VENDORED.get(name, ())})
    if not copies:
        return False
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "README.txt").write_text(
        f"{dist.metadata['Name']} {dist.version}\nLicence: {_licence_field(dist)}\n", encoding="utf-8")
    for relative, source in copies.items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, folder / relative)
    return True


def dist_info_folder(dist: metadata.Distribution) -> str:
    """The name of a distribution's ``.dist-info`` folder (the one holding its METADATA)."""
    found = next((f.parts[0] for f in dist.files or () if f.name == "METADATA" and len(f.parts) == 2), None)
    if found is None:
        raise SystemExit(f"{dist.metadata['Name']} is installed without a dist-info folder")
    return found


def _licence_field(dist: metadata.Distribution) -> str:
    return str(dist.metadata.get("License-Expression") or dist.metadata.get("License") or "see the files here")


def _write_python(folder: Path) -> None:
    candidates = [Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt", Path(sys.base_prefix) / "LICENSE.txt"]
    found = next((path for path in candidates if path.is_file()), None)
    if found is None:
        raise SystemExit(f"cannot find Python's LICENSE.txt (looked at {', '.join(map(str, candidates))})")
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(found, folder / "LICENSE.txt")


def _write_system_packages(binaries: list[tuple[str, str]], folder: Path, collected: Collected) -> None:
    """The Debian copyright file of each system package a bundled library came from."""
    environment = {Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve()}
    system = sorted({source for _, source in binaries
                     if not any(root in Path(source).resolve().parents for root in environment)})
    if not system:
        return
    if shutil.which("dpkg") is None:
        collected.undocumented += [f"system library {path} (no dpkg to find its package)" for path in system]
        return
    packages: dict[str, str] = {}
    for path in system:
        package = _debian_package(path)
        if package is None:
            collected.undocumented.append(f"system library {path} (no package owns it)")
        else:
            packages[package] = path
    folder.mkdir(parents=True, exist_ok=True)
    for package in sorted(packages):
        copyright_file = Path("/usr/share/doc") / package / "copyright"
        if copyright_file.is_file():
            shutil.copyfile(copyright_file, folder / f"{package}.txt")
            collected.system_packages.append(package)
        else:
            collected.undocumented.append(f"system package {package} (no {copyright_file})")


def _debian_package(path: str) -> str | None:
    """The Debian package that installed a library: dpkg knows each file by the path its package
    gave it, which may be the link or, on merged-/usr systems, the target without ``/usr``."""
    resolved = str(Path(path).resolve())
    for candidate in dict.fromkeys([path, resolved, resolved.removeprefix("/usr")]):
        done = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True, check=False)
        if done.returncode == 0:
            return done.stdout.split(":", 1)[0]
    return None
