"""Processes that open a corpus never indexed before, all at once, end with one correct index.

Two or four real ``workbench`` processes (``index`` and ``search``, half each) start together
on a new corpus: creating the index, indexing and repairing all take the same lock, so one of
them builds the index while the others wait (``index``) or search what is committed so far
(``search``). Every process must succeed without a traceback, and the index must then equal
the one a single run builds: every article once, the same entity mentions and counts.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT
from tests.reliability.helpers import make_corpus, run_index, snapshot
from workbench.core import paths


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, shared_dir: Path) -> Path:
    return make_corpus(tmp_path_factory.mktemp("concurrent") / "corpus", shared_dir, files=40, records=60)


def workbench(home: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, paths.HOME_ENV: str(home), "PYTHONPATH": str(REPO_ROOT)}
    return subprocess.Popen([sys.executable, "-m", "workbench", *args], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


@pytest.mark.parametrize("count", [2, 4])
def test_processes_opening_a_new_corpus_together_end_with_one_correct_index(
        corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, count: int) -> None:
    home = tmp_path / "home"
    processes = [workbench(home, "index", str(corpus)) if n % 2 == 0 else
                 workbench(home, "search", str(corpus), "السعودية", "--json") for n in range(count)]
    outcomes = [(process.args, *process.communicate(timeout=300), process.returncode) for process in processes]
    for args, out, err, code in outcomes:
        assert code == 0, (args, err)
        assert "Traceback" not in err, err
        if "search" in args:
            assert json.loads(out)["query"] == "السعودية"
    clean = tmp_path / "clean"
    run_index(corpus, clean)
    assert snapshot(corpus, home, monkeypatch) == snapshot(corpus, clean, monkeypatch)
