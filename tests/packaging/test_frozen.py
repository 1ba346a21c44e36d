"""The frozen app, built as a release is built (packaging/build.py), works where users run it.

One build per run of this module (about two minutes on two cores), then the frozen program is
run from a folder outside the repository with an empty home folder, an empty PATH (no Python
to fall back on) and, where the system allows it, no network: ``--version``, the full
``selftest`` (including indexing by spawned worker processes), portable mode, and the Linux
archive's menu entry. build.py's own report must show the size targets met (the start time is
printed, not asserted: timings belong to benchmarks).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO_ROOT

pytestmark = [pytest.mark.packaging, pytest.mark.slow]

BUILD_TIMEOUT = 1200
MB = 1_000_000


def _version() -> str:
    with open(REPO_ROOT / "pyproject.toml", "rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """The bundle's folder and build.py's report, from a build into a temporary folder."""
    pytest.importorskip("PyInstaller", reason="install the packaging extra: pip install -e .[packaging]")
    out = tmp_path_factory.mktemp("frozen")
    command = [sys.executable, str(REPO_ROOT / "packaging" / "build.py"), "--dist", str(out / "dist"),
               "--work", str(out / "build" / "pyinstaller"), "--report", str(out / "report.json")]
    done = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, timeout=BUILD_TIMEOUT, check=False)
    assert done.returncode == 0, f"build.py failed:\n{done.stdout[-6000:]}\n{done.stderr[-6000:]}"
    print(done.stdout[-1500:])  # the targets table, in the test's output with -s
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return Path(report["bundle"]), report


def _program(bundle: Path) -> Path:
    if sys.platform == "win32":
        return bundle / "workbench-cli.exe"
    if sys.platform == "darwin":
        return bundle / "Contents" / "MacOS" / "Workbench"
    return bundle / "Workbench"


def _offline() -> list[str]:
    """build.py's prefix that cuts the network off, where the system allows it."""
    sys.path.insert(0, str(REPO_ROOT / "packaging"))
    try:
        from build import offline_prefix
    finally:
        sys.path.remove(str(REPO_ROOT / "packaging"))
    return offline_prefix()


def _user_run(bundle: Path, args: list[str], where: Path, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    """Run the frozen program as a fresh user: empty home and PATH, no Python variables, offscreen."""
    home, empty_path = where / "home", where / "empty-path"
    home.mkdir(exist_ok=True)
    empty_path.mkdir(exist_ok=True)
    env = {"HOME": str(home), "PATH": str(empty_path), "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen",
           "TMPDIR": str(where)}
    if sys.platform == "win32":
        env.update({"SYSTEMROOT": os.environ.get("SYSTEMROOT", r"C:\Windows"), "USERPROFILE": str(home),
                    "LOCALAPPDATA": str(home / "AppData" / "Local"), "TEMP": str(where), "TMP": str(where)})
    return subprocess.run([*_offline(), str(_program(bundle)), *args], cwd=where, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=timeout, check=False)


def test_build_meets_the_size_targets_and_passed_its_smoke_tests(build: tuple[Path, dict[str, Any]]) -> None:
    _, report = build
    assert report["version"] == _version()
    assert report["unpacked_bytes"] <= 150 * MB
    assert report["compressed_bytes"] <= 65 * MB
    assert report["smoke"] == {"--version": True, "selftest": True, "window start": True,
                               "writes only its data folder": True, "leaves no temporary files": True,
                               "bundle unchanged": True}
    assert report["offline"] == bool(_offline())
    assert report["undocumented_licences"] == []


def test_frozen_version_runs_outside_the_repository(build: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    done = _user_run(build[0], ["--version"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["workbench", _version()]


def test_frozen_selftest_passes_every_check_outside_the_repository(build: tuple[Path, dict[str, Any]],
                                                                   tmp_path: Path) -> None:
    done = _user_run(build[0], ["selftest"], tmp_path)
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr}"
    lines = done.stdout.strip().splitlines()
    checks = {line[6:24].strip(): line[:4] for line in lines[:-1]}
    assert checks.pop("export .xlsx") in ("PASS", "SKIP")  # SKIP until workbench.core.export lands
    assert set(checks.values()) == {"PASS"}, done.stdout
    assert set(checks) == {"bundled files", "index demo", "clitic search", "spelling variant", "entities",
                           "desktop app", "parallel indexing"}
    assert "by a child process and 1 worker process(es)" in done.stdout  # spawned workers run frozen
    assert not (tmp_path / "home").exists() or not any((tmp_path / "home").rglob("*.sqlite3")), \
        "the self-test works in a temporary home, not the user's data folder"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("workbench-selftest-")] == []


def test_portable_marker_keeps_all_data_beside_the_program(build: tuple[Path, dict[str, Any]],
                                                           tmp_path: Path) -> None:
    bundle = build[0]
    if sys.platform == "darwin":
        pytest.skip("the portable marker of a macOS app sits beside the .app: tested in tests/core/test_paths.py")
    portable = tmp_path / "usb-stick" / "Workbench"
    shutil.copytree(bundle, portable, symlinks=True, copy_function=os.link)  # hard links: quick, no space
    (portable / "portable.txt").write_text("", encoding="utf-8")
    done = _user_run(portable, ["info", "--demo", "--json"], tmp_path)
    assert done.returncode == 0, done.stderr
    index = Path(json.loads(done.stdout)["index_path"])
    assert portable / "WorkbenchData" in index.parents
    assert not any(path.is_file() for path in (tmp_path / "home").rglob("*")), "nothing in the user's home"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the .tar.gz and .desktop entry are Linux's")
def test_linux_archive_installs_a_menu_entry_for_its_own_folder(build: tuple[Path, dict[str, Any]],
                                                                tmp_path: Path) -> None:
    (archive,) = [Path(p) for p in build[1]["packages"] if str(p).endswith(".tar.gz")]
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
        top = f"ArabicNewsWorkbench-{_version()}"
        for member in ("Workbench", "arabic-news-workbench.desktop", "arabic-news-workbench.png",
                       "install-desktop-entry.sh", "LICENSE.txt", "NOTICE.txt", "licenses/PyArabic/LICENSE",
                       "licenses/PySide6_Essentials/LGPL-3.0.txt", "licenses/Python/LICENSE.txt",
                       "licenses/selectolax/Apache-2.0.txt", "licenses/selectolax/Lexbor-NOTICE.txt"):
            assert f"{top}/{member}" in names
        tar.extractall(tmp_path / "unpacked", filter="tar")
    folder = tmp_path / "unpacked" / top
    data = tmp_path / "xdg"
    done = subprocess.run(["sh", str(folder / "install-desktop-entry.sh")], env={**os.environ, "XDG_DATA_HOME": str(data)},
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    entry = (data / "applications" / "arabic-news-workbench.desktop").read_text(encoding="utf-8")
    assert f'Exec="{folder}/Workbench" gui %f' in entry.splitlines()
    assert (data / "icons" / "hicolor" / "256x256" / "apps" / "arabic-news-workbench.png").is_file()
    assert "Name[ar]=منصة بحث الأخبار العربية" in entry
    removed = subprocess.run(["sh", str(folder / "install-desktop-entry.sh"), "--remove"],
                             env={**os.environ, "XDG_DATA_HOME": str(data)}, capture_output=True, check=False)
    assert removed.returncode == 0 and not (data / "applications" / "arabic-news-workbench.desktop").exists()
