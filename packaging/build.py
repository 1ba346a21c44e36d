"""Build the frozen app, check it, measure it, then package it: ``python packaging/build.py``.

1. Prepare: check that the installed package's version is pyproject.toml's (PyInstaller takes
   it from the installed metadata), compile the translations, render the icons.
2. Build the one-folder bundle with PyInstaller (``workbench.spec``); on Linux shrink Qt's ICU
   data library (``icu_data.py``); add the licence files (``LICENSE.txt``, ``NOTICE.txt`` and
   ``licenses/`` with every bundled component's terms).
3. Smoke-test the bundle as a user would run it: from a folder outside the repository, with a
   new empty home folder, no Python variables, no network where the system allows it (Linux:
   ``unshare``), and offscreen Qt: ``Workbench --version``, ``Workbench selftest``, and a start
   of the window (``gui --demo``), timed. Then check that nothing was written outside the data
   folder and that the bundle itself did not change.
4. Package: a portable archive everywhere (``.tar.gz`` on Linux with a ``.desktop`` file, icon
   and menu installer; ``.zip`` on Windows and macOS), then the platform's installer where its
   tool is present: Inno Setup's ``iscc`` on Windows, ``hdiutil`` (a ``.dmg``) on macOS.
5. Print the targets (bundle size unpacked and compressed, start time) against what was
   measured; ``--report FILE`` also writes them as JSON.

Exit code 0 when the bundle was built and every smoke test passed (a missed size or time
target is printed, not fatal); 1 otherwise. See packaging/README.md for each platform's steps.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

import bundle
import elf
import icu_data
import licences

ROOT = bundle.ROOT
HERE = Path(__file__).resolve().parent
MAX_UNPACKED_MB = 150
MAX_COMPRESSED_MB = 65
MAX_START_SECONDS = 2.0
START_RUNS = 4
"""Timed starts of the window: the first (a new user: no index, no settings), then warm ones."""
READY_LINE = "workbench: window ready"
"""What the app prints when started with WORKBENCH_QUIT_WHEN_READY (workbench.ui.app)."""
SELFTEST_TIMEOUT = 300


class BuildError(Exception):
    """A step failed; the message says which and why."""


@dataclass
class Report:
    """What the build measured (``--report`` writes it as JSON)."""

    version: str = ""
    bundle: str = ""
    packages: list[str] = field(default_factory=list)
    unpacked_bytes: int = 0
    compressed_bytes: int = 0
    cold_start_seconds: float = 0.0
    start_seconds: float = 0.0
    """Median of the warm starts."""
    smoke: dict[str, bool] = field(default_factory=dict)
    offline: bool = False
    """Whether the smoke tests ran without network access."""
    stripped_bytes: int = 0
    icu_trimmed_bytes: int = 0
    undocumented_licences: list[str] = field(default_factory=list)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller",
                        help="PyInstaller's work folder; keep it between builds to reuse its analysis")
    parser.add_argument("--no-package", action="store_true", help="stop after the smoke tests and measurements")
    parser.add_argument("--keep-icu-data", action="store_true",
                        help="Linux: ship Qt's ICU data library whole (when icupkg or a C compiler is missing)")
    parser.add_argument("--report", type=Path, help="also write the measurements to this JSON file")
    args = parser.parse_args(argv)
    report = Report()
    try:
        build(args, report)
    except BuildError as error:
        print(f"build.py: {error}", file=sys.stderr)
        return 1
    finally:
        if args.report:
            args.report.write_text(json.dumps(asdict(report), indent=1), encoding="utf-8")
    print_targets(report)
    return 0


def build(args: argparse.Namespace, report: Report) -> None:
    """Every step, in order; raises BuildError at the first failure."""
    report.version = checked_version()
    step(f"Arabic News Workbench {report.version}: compiling translations and rendering icons")
    compile_translations()
    icons = render_icons(args.work.parent / "icons")
    step("building the bundle with PyInstaller")
    folder = run_pyinstaller(args.dist, args.work)
    report.bundle = str(shipped(folder))
    if sys.platform.startswith("linux"):
        report.stripped_bytes = strip_debug_information(folder)
    if sys.platform.startswith("linux") and not args.keep_icu_data:
        report.icu_trimmed_bytes = trim_icu(folder)
    report.undocumented_licences = add_licences(folder, args.work / "workbench" / "bundled.json")
    if sys.platform.startswith("linux"):
        add_desktop_files(folder, icons)
    step("smoke-testing the bundle outside the repository")
    smoke_test(folder, report)
    report.unpacked_bytes = folder_size(shipped(folder))
    archive = make_archive(shipped(folder), args.dist, report.version)
    report.compressed_bytes = archive.stat().st_size
    if not args.no_package:
        report.packages = [str(archive), *(str(p) for p in platform_installers(folder, args.dist, report.version,
                                                                                 icons))]
    else:
        archive.unlink()


def step(message: str) -> None:
    print(f"\n== {message}", flush=True)


def checked_version() -> str:
    """The version to bundle; the installed metadata must match pyproject.toml's."""
    with open(ROOT / "pyproject.toml", "rb") as handle:
        declared = tomllib.load(handle)["project"]["version"]
    try:
        installed = bundle.version()
    except Exception as error:
        raise BuildError(f"the package is not installed ({error}): pip install -e .[packaging]") from error
    if installed != declared:
        raise BuildError(f"installed version {installed} is not pyproject.toml's {declared}: pip install -e . again")
    return str(declared)


def compile_translations() -> None:
    import update_translations

    if update_translations.compile_all() != 0:
        raise BuildError("compiling the translations failed (packaging/update_translations.py --compile)")


def render_icons(folder: Path) -> dict[str, Path]:
    """The icon files (by suffix) rendered from the SVG, offscreen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from icons import write_icons
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # alive while rendering
    written = write_icons(ROOT / "resources" / "icons" / "workbench.svg", folder)
    return {path.suffix: path for path in written}


def run_pyinstaller(dist: Path, work: Path) -> Path:
    """Run the spec in a separate interpreter (PyInstaller keeps global state); the bundle's folder."""
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(dist), "--workpath", str(work), str(HERE / "workbench.spec")]
    started = time.monotonic()
    done = subprocess.run(command, cwd=ROOT, check=False)
    if done.returncode != 0:
        raise BuildError(f"PyInstaller failed ({done.returncode})")
    print(f"built in {time.monotonic() - started:.0f} s")
    return dist / bundle.EXECUTABLE


def strip_debug_information(folder: Path) -> int:
    """Linux: strip the libraries that carry debug information (a Python built from source often
    does: libpython grows fourfold), except those of wheels' ``.libs`` folders, which auditwheel
    patched and stripping breaks; the bytes saved."""
    if shutil.which("strip") is None:
        raise BuildError("strip (binutils) is not on PATH; PyInstaller needs binutils on Linux anyway")
    saved = stripped = 0
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file() or any(part.endswith(".libs") for part in path.parts):
            continue
        with path.open("rb") as handle:
            if not elf.is_elf(handle.read(6)):
                continue
        if ".debug_info" not in elf.section_names(path.read_bytes()):
            continue
        before = path.stat().st_size
        if subprocess.run(["strip", "--strip-unneeded", str(path)], check=False).returncode != 0:
            raise BuildError(f"strip failed on {path}")
        saved += before - path.stat().st_size
        stripped += 1
    print(f"stripped debug information from {stripped} libraries: {saved / 1e6:.1f} MB saved")
    return saved


def trim_icu(folder: Path) -> int:
    """Shrink the bundle's ICU data library (Linux); the bytes saved."""
    missing = icu_data.missing_tools()
    if missing:
        raise BuildError(f"trimming Qt's ICU data needs {' and '.join(missing)} (Debian/Ubuntu: apt install "
                         "icu-devtools gcc); or pass --keep-icu-data for a bundle 15 MB larger")
    libraries = sorted(folder.glob("_internal/PySide6/Qt/lib/libicudata.so.*"))
    if len(libraries) != 1:
        raise BuildError(f"expected one ICU data library in the bundle, found {[str(p) for p in libraries]}")
    trimmed = icu_data.trim(libraries[0])
    print(f"ICU data: {trimmed.before / 1e6:.1f} MB -> {trimmed.after / 1e6:.1f} MB "
          f"({trimmed.removed_items} items Qt never reads removed)")
    return trimmed.before - trimmed.after


def add_licences(folder: Path, manifest: Path) -> list[str]:
    """LICENSE.txt, NOTICE.txt and licenses/ at the top of the bundle; the components left undocumented."""
    target = documents_folder(folder)
    shutil.copyfile(ROOT / "LICENSE", target / "LICENSE.txt")
    shutil.copyfile(ROOT / "NOTICE", target / "NOTICE.txt")
    shutil.rmtree(target / "licenses", ignore_errors=True)
    collected = licences.collect(manifest, target / "licenses")
    print(f"licences: {len(collected.distributions)} Python distributions, {len(collected.system_packages)} "
          "system packages")
    for missing in collected.undocumented:
        print(f"WARNING: no licence file found for {missing}: add its terms to licenses/ by hand")
    return collected.undocumented


def shipped(folder: Path) -> Path:
    """What users get: the bundle's folder, or on macOS the .app PyInstaller made from it."""
    return folder.parent / f"{bundle.EXECUTABLE}.app" if sys.platform == "darwin" else folder


def documents_folder(folder: Path) -> Path:
    """Where the licence files go: beside the executable, or in the .app's Resources (macOS signs
    everything under Contents/MacOS as code)."""
    return shipped(folder) / "Contents" / "Resources" if sys.platform == "darwin" else folder


def add_desktop_files(folder: Path, icons: dict[str, Path]) -> None:
    """Linux: the .desktop file, the icons and the script that adds them to the user's menu."""
    shutil.copyfile(HERE / "linux" / "arabic-news-workbench.desktop", folder / "arabic-news-workbench.desktop")
    shutil.copyfile(icons[".png"], folder / "arabic-news-workbench.png")
    shutil.copyfile(ROOT / "resources" / "icons" / "workbench.svg", folder / "arabic-news-workbench.svg")
    script = folder / "install-desktop-entry.sh"
    shutil.copyfile(HERE / "linux" / "install-desktop-entry.sh", script)
    script.chmod(0o755)


# -- smoke tests -----------------------------------------------------------------------------

def executable(folder: Path) -> Path:
    """The program the smoke tests run: on Windows the console twin, which can print."""
    if sys.platform == "win32":
        return folder / f"{bundle.CONSOLE_EXECUTABLE}.exe"
    if sys.platform == "darwin":
        return shipped(folder) / "Contents" / "MacOS" / bundle.EXECUTABLE
    return folder / bundle.EXECUTABLE


def offline_prefix() -> list[str]:
    """A command prefix that cuts the network off (a new network namespace), where the system allows it."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return []
    prefix = [unshare, "--user", "--map-root-user", "--net"]
    probe = subprocess.run([*prefix, "true"], capture_output=True, check=False)
    return prefix if probe.returncode == 0 else []


def user_environment(home: Path) -> dict[str, str]:
    """The environment of a fresh user: an empty home folder, no Python or workbench variables,
    the repository's virtual environment off PATH, offscreen Qt."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("PYTHON", "WORKBENCH_", "XDG_", "QT_")) and key not in ("VIRTUAL_ENV", "PWD")}
    venv_bin = str(Path(sys.executable).parent)
    env["PATH"] = os.pathsep.join(part for part in env.get("PATH", "").split(os.pathsep) if part != venv_bin)
    env.update({"HOME": str(home), "USERPROFILE": str(home), "APPDATA": str(home / "AppData" / "Roaming"),
                "LOCALAPPDATA": str(home / "AppData" / "Local"), "TMPDIR": str(home.parent / "tmp"),
                "TEMP": str(home.parent / "tmp"), "TMP": str(home.parent / "tmp"), "QT_QPA_PLATFORM": "offscreen"})
    (home.parent / "tmp").mkdir(exist_ok=True)
    return env


def smoke_test(folder: Path, report: Report) -> None:
    """Run the bundle as a user would; raises BuildError on the first failure."""
    program = executable(folder)
    prefix = offline_prefix()
    report.offline = bool(prefix)
    print(f"network: {'cut off (unshare --net)' if prefix else 'left on: unshare is not available here'}")
    before = snapshot(shipped(folder))
    with tempfile.TemporaryDirectory(prefix="workbench-smoke-") as scratch:
        home = Path(scratch) / "home"
        home.mkdir()
        outside = Path(scratch) / "cwd"
        outside.mkdir()
        env = user_environment(home)

        version = run_checked([*prefix, str(program), "--version"], outside, env, 60, report, "--version")
        if version.split() != ["workbench", report.version]:
            report.smoke["--version"] = False
            raise BuildError(f"--version printed {version!r}, expected 'workbench {report.version}'")
        print(version.strip())
        output = run_checked([*prefix, str(program), "selftest"], outside, env, SELFTEST_TIMEOUT, report, "selftest")
        print(output.rstrip())

        starts = [time_start([*prefix, str(program), "gui", "--demo"], outside, env) for _ in range(START_RUNS)]
        report.smoke["window start"] = True
        report.cold_start_seconds, report.start_seconds = starts[0], statistics.median(starts[1:])
        load = f" (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)" if hasattr(os, "getloadavg") else ""
        print("window starts (s): " + ", ".join(f"{seconds:.2f}" for seconds in starts) + load)

        data = data_folder(home)
        stray = [str(path.relative_to(home)) for path in home.rglob("*")
                 if path.is_file() and data not in path.parents and not is_font_cache(path, home)]
        report.smoke["writes only its data folder"] = not stray
        if stray:
            raise BuildError(f"the app wrote outside its data folder {data}: {stray[:10]}")
        if not (data / "settings.ini").is_file():
            raise BuildError(f"the app kept no settings in its data folder {data}")
        leftovers = list((home.parent / "tmp").iterdir())
        report.smoke["leaves no temporary files"] = not leftovers
        if leftovers:
            raise BuildError(f"temporary files left behind: {[str(p) for p in leftovers[:10]]}")
    changed = snapshot(shipped(folder)) != before
    report.smoke["bundle unchanged"] = not changed
    if changed:
        raise BuildError("running the app changed files inside the bundle (it must write only to the data folder)")


def run_checked(command: list[str], cwd: Path, env: dict[str, str], timeout: int, report: Report,
                name: str) -> str:
    """Run a smoke-test command; its stdout, or BuildError with what it printed."""
    try:
        done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8",
                              timeout=timeout, check=False)
    except subprocess.TimeoutExpired as error:
        report.smoke[name] = False
        raise BuildError(f"{name} did not finish within {timeout} s") from error
    report.smoke[name] = done.returncode == 0
    if done.returncode != 0:
        raise BuildError(f"{name} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return done.stdout


def time_start(command: list[str], cwd: Path, env: dict[str, str]) -> float:
    """Seconds from starting the process to the window shown with its event loop idle."""
    env = {**env, "WORKBENCH_QUIT_WHEN_READY": "1"}
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True, encoding="utf-8")
    assert process.stdout is not None
    ready, output = None, []
    for line in process.stdout:
        output.append(line)
        if line.strip() == READY_LINE and ready is None:
            ready = time.monotonic() - started
    try:
        process.wait(timeout=120)
    except subprocess.TimeoutExpired as error:
        process.kill()
        raise BuildError("the window did not close after the start-up probe") from error
    if ready is None or process.returncode != 0:
        raise BuildError(f"the window did not start ({process.returncode}):\n{''.join(output)}")
    return ready


def data_folder(home: Path) -> Path:
    """The user data folder (platformdirs' rule) the app must keep everything in, for this home."""
    if sys.platform == "win32":
        return home / "AppData" / "Local" / "ArabicNewsWorkbench"
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / "ArabicNewsWorkbench"
    return home / ".local" / "share" / "ArabicNewsWorkbench"


def is_font_cache(path: Path, home: Path) -> bool:
    """Fontconfig's per-user cache (Linux): the system's font library writes it, for every program."""
    return (home / ".cache" / "fontconfig") in path.parents


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file of a folder with its size and modification time."""
    return {str(path.relative_to(folder)): (path.lstat().st_size, path.lstat().st_mtime_ns)
            for path in folder.rglob("*") if not path.is_dir()}


def folder_size(folder: Path) -> int:
    """Bytes of the files under ``folder`` (links counted as links, as an archive holds them)."""
    return sum(path.lstat().st_size for path in folder.rglob("*") if not path.is_dir())


# -- packages --------------------------------------------------------------------------------

def platform_tag() -> str:
    machine = {"amd64": "x64", "x86_64": "x86_64", "arm64": "arm64", "aarch64": "aarch64"}.get(
        platform.machine().lower(), platform.machine().lower())
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")
    return f"{system}-{machine}"


def make_archive(folder: Path, dist: Path, version: str) -> Path:
    """The portable archive of what users get (``shipped``): .tar.gz on Linux (keeps permissions
    and links), .zip elsewhere (Windows: a portable copy; macOS: the .app)."""
    name = f"ArabicNewsWorkbench-{version}-{platform_tag()}"
    top = f"{bundle.DISPLAY_NAME}.app" if sys.platform == "darwin" else f"ArabicNewsWorkbench-{version}"
    if sys.platform.startswith("linux"):
        archive = dist / f"{name}.tar.gz"
        with tarfile.open(archive, "w:gz", compresslevel=9) as tar:
            tar.add(folder, arcname=top)
    else:
        archive = dist / f"{name}.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bundle_zip:
            for path in sorted(folder.rglob("*")):
                bundle_zip.write(path, Path(top) / path.relative_to(folder))
    print(f"archive: {archive} ({archive.stat().st_size / 1e6:.1f} MB)")
    return archive


def platform_installers(folder: Path, dist: Path, version: str, icons: dict[str, Path]) -> list[Path]:
    """Windows: the Inno Setup installer; macOS: the .dmg; where their tools are installed."""
    if sys.platform == "win32":
        return [inno_setup(folder, dist, version, icons[".ico"])]
    if sys.platform == "darwin":
        return [disk_image(folder, dist, version)]
    return []


def inno_setup(folder: Path, dist: Path, version: str, icon: Path) -> Path:
    compiler = shutil.which("iscc") or shutil.which("ISCC")
    if compiler is None:
        raise BuildError("Inno Setup's iscc is not on PATH: install Inno Setup 6.5+ (https://jrsoftware.org), "
                         "or pass --no-package")
    command = [compiler, f"/DAppVersion={version}", f"/DSourceDir={folder}", f"/DOutputDir={dist}",
               f"/DIconFile={icon}", str(HERE / "windows" / "workbench.iss")]
    if subprocess.run(command, check=False).returncode != 0:
        raise BuildError("Inno Setup failed")
    return dist / f"ArabicNewsWorkbench-{version}-windows-x64-setup.exe"


def disk_image(folder: Path, dist: Path, version: str) -> Path:
    app = folder.parent / f"{bundle.EXECUTABLE}.app"
    image = dist / f"ArabicNewsWorkbench-{version}-{platform_tag()}.dmg"
    with tempfile.TemporaryDirectory() as staging:
        shutil.copytree(app, Path(staging) / f"{bundle.DISPLAY_NAME}.app", symlinks=True)
        (Path(staging) / "Applications").symlink_to("/Applications")
        command = ["hdiutil", "create", "-volname", bundle.DISPLAY_NAME, "-srcfolder", staging, "-ov",
                   "-format", "UDZO", str(image)]
        if subprocess.run(command, check=False).returncode != 0:
            raise BuildError("hdiutil could not create the disk image")
    return image


def print_targets(report: Report) -> None:
    """The issue's targets against what this build measured."""
    rows = [
        ("bundle, unpacked", f"{report.unpacked_bytes / 1e6:.1f} MB ({report.unpacked_bytes / 2**20:.1f} MiB)",
         f"{MAX_UNPACKED_MB} MB", report.unpacked_bytes <= MAX_UNPACKED_MB * 1e6),
        ("bundle, compressed", f"{report.compressed_bytes / 1e6:.1f} MB ({report.compressed_bytes / 2**20:.1f} MiB)",
         f"{MAX_COMPRESSED_MB} MB", report.compressed_bytes <= MAX_COMPRESSED_MB * 1e6),
        ("start to a usable window", f"{report.start_seconds:.2f} s (first start {report.cold_start_seconds:.2f} s)",
         f"{MAX_START_SECONDS:.0f} s", report.start_seconds <= MAX_START_SECONDS),
    ]
    step(f"targets ({platform_tag()}; start timed offscreen, median of {START_RUNS - 1} warm starts)")
    for name, measured, limit, met in rows:
        print(f"{name:<26} {measured:<36} limit {limit:<6} {'met' if met else 'MISSED'}")
    for package in report.packages:
        print(f"package: {package}")


if __name__ == "__main__":
    raise SystemExit(main())
