"""``workbench selftest`` from source: its checks pass on a sound installation, fail on a broken
one, and leave the user's data folder alone. (tests/packaging/test_frozen.py runs it, in full,
in the frozen app.)"""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import SEEDS_DIR
from workbench.cli import main
from workbench.cli import selftest_commands as selftest
from workbench.core import paths
from workbench.core.index.updating import PARALLEL_MIN_BYTES

pytestmark = pytest.mark.gui  # the desktop check loads Qt

EXPORT_BUILT = importlib.util.find_spec("workbench.core.export") is not None


def test_quick_selftest_passes_every_check_and_says_so(capsys: pytest.CaptureFixture[str],
                                                       isolated_home: Path) -> None:
    code = main(["selftest", "--quick"])
    out, _ = capsys.readouterr()
    lines = out.strip().splitlines()
    assert code == 0
    assert lines[-1] == f"selftest: {6 + EXPORT_BUILT} passed, 0 failed, {2 - EXPORT_BUILT} skipped"
    status = {line[6:24].strip(): line[:4] for line in lines[:-1]}
    assert status == {"bundled files": "PASS", "index demo": "PASS", "clitic search": "PASS",
                      "spelling variant": "PASS", "entities": "PASS",
                      "export .xlsx": "PASS" if EXPORT_BUILT else "SKIP", "desktop app": "PASS",
                      "parallel indexing": "SKIP"}
    assert "بحلب finds the 4 articles" in out and "سيرغي لافروف in 4 articles" in out


def test_selftest_works_in_a_temporary_home_and_leaves_the_users_alone(isolated_home: Path) -> None:
    homes: list[Path] = []
    outcomes = selftest.run_selftest(quick=True, report=lambda name, outcome: homes.append(paths.data_home()))
    assert all(outcome.passed is not False for outcome in outcomes.values())
    assert homes and all(home != isolated_home.resolve() for home in homes)
    assert not any(home.exists() for home in homes), "the temporary home is deleted afterwards"
    assert paths.data_home() == isolated_home.resolve()
    assert os.environ[paths.HOME_ENV] == str(isolated_home)
    assert list(isolated_home.iterdir()) == []


def test_selftest_fails_when_the_demo_corpus_is_damaged(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    damaged = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, damaged)
    aleppo = sorted(path for path in damaged.glob("*.txt") if "حلب" in path.read_text(encoding="utf-8"))
    aleppo[0].unlink()
    monkeypatch.setattr(paths, "demo_corpus_dir", lambda: damaged)
    code = main(["selftest", "--quick"])
    out, _ = capsys.readouterr()
    assert code == 1
    assert "FAIL  clitic search      the demo corpus should have 4 articles with حلب, it has 3" in out
    assert "FAIL  entities           سيرغي لافروف: expected 4 articles, found 3" in out
    assert out.strip().splitlines()[-1].startswith("selftest: ")


def test_a_crashing_check_fails_with_its_error_and_the_others_still_run(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> selftest.Outcome:
        raise OSError("disk on fire")

    monkeypatch.setattr(selftest, "_check_bundled_files", broken)
    outcomes = selftest.run_selftest(quick=True)
    assert outcomes["bundled files"] == selftest.Outcome(False, "OSError: disk on fire")
    assert outcomes["entities"].passed is True


def test_generated_corpus_is_large_enough_for_worker_processes(tmp_path: Path) -> None:
    articles, size, with_word = selftest.write_generated_corpus(tmp_path, PARALLEL_MIN_BYTES, "حلب")
    files = sorted(tmp_path.glob("*.txt"))
    assert len(files) == articles and size == sum(path.stat().st_size for path in files) >= PARALLEL_MIN_BYTES
    assert with_word == sum("حلب" in path.read_text(encoding="utf-8") for path in files)
    assert 0 < with_word < articles
