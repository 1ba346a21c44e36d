"""Indexing killed at random instants resumes to exactly the index of an uninterrupted run.

Real processes (``workbench index``, with tiny tasks so that every second holds several
commits) are killed with SIGKILL at seeded random instants, again and again on the same index,
and then run to the end: the articles, the entity mentions, the manifest's counts and the
entity list must equal those of a clean run. Between kills, the index must never hold an
article twice, and its entity catalog never an article the index lacks. The worker processes
of a killed run must exit by themselves.
"""

from __future__ import annotations

import random
import signal
import time
from pathlib import Path

import pytest

from tests.reliability.helpers import (
    children,
    make_corpus,
    run_index,
    snapshot,
    start_index,
    wait_for_commits,
    wait_gone,
)
from workbench.core import paths


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, shared_dir: Path) -> Path:
    return make_corpus(tmp_path_factory.mktemp("kill") / "corpus", shared_dir)


@pytest.fixture(scope="module")
def clean_home(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("clean-home")
    run_index(corpus, home)
    return home


def kill_at_random(corpus: Path, home: Path, seed: int, kills: int, workers: bool,
                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Start and SIGKILL the indexing process ``kills`` times, checking the index after each."""
    rng = random.Random(seed)
    for _ in range(kills):
        process = start_index(corpus, home, workers)
        time.sleep(rng.uniform(0.3, 3.0))
        pool = [pid for child in children(process.pid) for pid in [child, *children(child)]]
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=60)
        assert wait_gone(pool) == [], "worker processes outlived their killed parent"
        if paths.index_dir(corpus).exists():
            snapshot(corpus, home, monkeypatch)  # consistent at every instant: no duplicate, no stray mention


@pytest.mark.parametrize("seed", [1])
def test_killed_in_process_runs_resume_to_the_clean_index(corpus: Path, clean_home: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch, seed: int) -> None:
    home = tmp_path / "home"
    kill_at_random(corpus, home, seed, kills=4, workers=False, monkeypatch=monkeypatch)
    run_index(corpus, home)
    assert snapshot(corpus, home, monkeypatch) == snapshot(corpus, clean_home, monkeypatch)


@pytest.mark.slow
@pytest.mark.parametrize(("seed", "workers"), [(2, True), (3, False), (4, True)])
def test_killed_runs_with_workers_resume_to_the_clean_index(corpus: Path, clean_home: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch, seed: int,
                                                            workers: bool) -> None:
    home = tmp_path / "home"
    kill_at_random(corpus, home, seed, kills=4, workers=workers, monkeypatch=monkeypatch)
    run_index(corpus, home, workers)
    assert snapshot(corpus, home, monkeypatch) == snapshot(corpus, clean_home, monkeypatch)


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_sigint_and_sigterm_stop_like_cancel(corpus: Path, clean_home: Path, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch, stop: signal.Signals) -> None:
    home = tmp_path / "home"
    process = start_index(corpus, home, workers=True)
    wait_for_commits(corpus, home, 3)
    pool = [pid for child in children(process.pid) for pid in [child, *children(child)]]
    process.send_signal(stop)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 128 + stop
    lines = [line for line in err.splitlines() if line.startswith("workbench:")]
    assert len(lines) == 1 and "run the same command again to finish" in lines[0], err
    assert "Traceback" not in err
    assert wait_gone(pool) == []
    index_dir = home / "corpora" / paths.corpus_key(corpus.resolve()) / "index"
    leftovers = [p.name for p in index_dir.iterdir() if p.name.startswith(".build-") or p.name.endswith(".tmp")]
    assert leftovers == []
    run_index(corpus, home)
    assert snapshot(corpus, home, monkeypatch) == snapshot(corpus, clean_home, monkeypatch)
