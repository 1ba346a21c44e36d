"""Declared settings: defaults, types, persistence in the INI file, schema version."""

from __future__ import annotations

from pathlib import Path

from workbench.core.paths import settings_path
from workbench.ui import settings as S


def test_defaults_and_file_location(isolated_home: Path) -> None:
    settings = S.Settings()
    assert settings.path == settings_path() and isolated_home in settings.path.parents
    for setting in S.ALL_SETTINGS:
        assert settings.get(setting) == setting.default
        assert setting.description
    assert settings.schema_version == S.SCHEMA_VERSION


def test_values_round_trip_with_their_types() -> None:
    settings = S.Settings()
    settings.set(S.READER_FONT_SIZE, 22)
    settings.set(S.UI_LANGUAGE, "ar")
    settings.set(S.WINDOW_GEOMETRY, b"\x01\x02\xff")
    settings.set(S.SEARCH_HISTORY, ["حلب"])
    settings.sync()
    again = S.Settings()
    assert again.get(S.READER_FONT_SIZE) == 22
    assert again.get(S.UI_LANGUAGE) == "ar"
    assert again.get(S.WINDOW_GEOMETRY) == b"\x01\x02\xff"
    assert again.get(S.SEARCH_HISTORY) == ["حلب"]
    assert "schema_version=1" in settings_path().read_text(encoding="utf-8")


def test_recent_corpora_are_deduplicated_and_capped(tmp_path: Path) -> None:
    settings = S.Settings()
    folders = [tmp_path / f"c{i}" for i in range(S.MAX_RECENT_CORPORA + 2)]
    for folder in folders:
        settings.add_recent_corpus(folder)
    settings.add_recent_corpus(folders[3])
    recent = settings.get(S.RECENT_CORPORA)
    assert len(recent) == S.MAX_RECENT_CORPORA
    assert recent[0] == str(folders[3].resolve()) and recent.count(recent[0]) == 1
    assert settings.get(S.LAST_CORPUS) == str(folders[3].resolve())


def test_bad_stored_value_falls_back_to_default() -> None:
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text("[reader]\nfont_size=huge\n[meta]\nschema_version=1\n", encoding="utf-8")
    assert S.Settings().get(S.READER_FONT_SIZE) == S.READER_FONT_SIZE.default


def test_current_selection_is_remembered_per_corpus_and_capped(tmp_path: Path) -> None:
    settings = S.Settings()
    name = 'ملف "حلب", «الهدنة»\tو[تشرين]'  # quotes, a comma, a tab and brackets survive the INI file
    settings.set_current_selection(tmp_path / "a", name)
    settings.set_current_selection(tmp_path / "b" / ".." / "b", "SANA only")
    settings.sync()
    again = S.Settings()
    assert again.current_selection(tmp_path / "a") == name
    assert again.current_selection(tmp_path / "b") == "SANA only"
    again.set_current_selection(tmp_path / "b", "")
    assert again.current_selection(tmp_path / "b") == ""
    for number in range(S.MAX_RECENT_CORPORA):
        again.set_current_selection(tmp_path / f"c{number}", "x")
    assert again.current_selection(tmp_path / "a") == ""  # the oldest corpus is forgotten
    assert len(again.get(S.CURRENT_SELECTIONS)) == S.MAX_RECENT_CORPORA
    broken = tmp_path / "broken.ini"
    broken.write_text("[marks]\ncurrent_selections=[1, 2]\n[meta]\nschema_version=1\n", encoding="utf-8")
    assert S.Settings(broken).get(S.CURRENT_SELECTIONS) == {}
