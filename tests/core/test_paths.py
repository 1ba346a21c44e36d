"""Every folder the app uses comes from core/paths.py."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from workbench.core import paths


def test_data_home_follows_the_override(isolated_home: Path) -> None:
    assert paths.data_home() == isolated_home.resolve()
    assert isolated_home.resolve() in paths.index_dir(Path("/some/corpus")).parents


def test_corpus_keys_are_stable_and_distinct(tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "news", tmp_path / "b" / "news"
    assert paths.corpus_key(first) == paths.corpus_key(first)
    assert paths.corpus_key(first) != paths.corpus_key(second)
    assert paths.corpus_key(first).startswith("news-")


def test_resources_in_a_checkout_and_in_a_frozen_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert (paths.resources_dir() / "fonts" / "Amiri-Regular.ttf").is_file()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resources_dir() == tmp_path / "resources"
