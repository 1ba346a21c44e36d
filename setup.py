"""Build steps pyproject.toml cannot declare: ship the top-level resources/ and seeds/ folders
inside the package, and compile the Qt translations (.ts -> .qm) at build time.

The repository keeps ``resources/`` (fonts, translations, gazetteers, models, icons) and
``seeds/`` (the demo corpus) at its top level; a wheel carries them as ``workbench/resources``
and ``workbench/seeds``, where ``workbench.core.paths`` looks first. Translations are compiled
with the ``lrelease`` of the PySide6 wheel (a build requirement); an editable install writes
the ``.qm`` files beside their sources in ``resources/i18n/`` (ignored by git).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
BUNDLED = ("resources", "seeds")
"""Top-level folders shipped inside the package, as ``workbench.<name>``."""
SOURCE_ONLY = ("*.ts",)
"""Files of those folders that only the build reads."""


def _data_packages() -> dict[str, str]:
    """``workbench.<folder>[.<sub>...]`` -> its folder, for every folder under BUNDLED."""
    mapping = {}
    for name in BUNDLED:
        for folder in [ROOT / name, *sorted(p for p in (ROOT / name).rglob("*") if p.is_dir())]:
            relative = folder.relative_to(ROOT)
            package = ".".join(("workbench", *relative.parts))
            mapping[package] = relative.as_posix()
    return mapping


def _lrelease() -> Path:
    import PySide6

    return Path(PySide6.__file__).resolve().parent / ("lrelease.exe" if sys.platform == "win32" else "lrelease")


class BuildWithTranslations(build_py):
    """build_py that also compiles resources/i18n/*.ts into .qm files next to the packaged resources."""

    def run(self) -> None:
        super().run()
        sources = sorted((ROOT / "resources" / "i18n").glob("*.ts"))
        target = ROOT / "resources" / "i18n" if self.editable_mode else (
            Path(self.build_lib) / "workbench" / "resources" / "i18n")
        target.mkdir(parents=True, exist_ok=True)
        for ts in sources:
            qm = target / ts.with_suffix(".qm").name
            subprocess.run([str(_lrelease()), "-silent", str(ts), "-qm", str(qm)], check=True)


DATA_PACKAGES = _data_packages()

setup(
    packages=[*find_packages(include=["workbench", "workbench.*"]), *DATA_PACKAGES],
    package_dir={"workbench": "workbench", **DATA_PACKAGES},
    package_data={package: ["*"] for package in DATA_PACKAGES},
    exclude_package_data={package: list(SOURCE_ONLY) for package in DATA_PACKAGES},
    cmdclass={"build_py": BuildWithTranslations},
)
