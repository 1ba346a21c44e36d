"""``workbench compare``, ``quotes`` and ``duplicates`` as a user runs them: the JSON contracts and errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import SEEDS_DIR
from workbench.cli import main

SEED_000 = "000_9f63ee594d7e422c.txt"
SEED_001 = "001_31c937c15296effc.txt"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_compare_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "compare", str(SEEDS_DIR), SEED_000, SEED_001, "--threshold", "0.2", "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"articles", "similarity", "passages", "entities", "numbers"}
    assert data["articles"] == [SEED_000, SEED_001] and 0 < data["similarity"] < 1
    texts = {name: (SEEDS_DIR / name).read_text(encoding="utf-8") for name in data["articles"]}
    assert data["passages"]
    for pair in data["passages"]:
        assert set(pair) == {"a", "b", "similarity"} and 0.2 <= pair["similarity"] <= 1
        for side in (pair["a"], pair["b"]):
            assert set(side) == {"id", "start", "end", "text"}
            assert texts[side["id"]][side["start"]:side["end"]] == side["text"]
    assert set(data["entities"]) == {"shared", "only"} and "سيرغي لافروف" in data["entities"]["shared"]
    assert set(data["entities"]["only"]) == {SEED_000, SEED_001}
    for number in data["numbers"]:
        assert set(number) == {"id", "text", "start", "end"}
        assert texts[number["id"]][number["start"]:number["end"]] == number["text"]
    assert {(n["id"], n["text"]) for n in data["numbers"]} == {(SEED_000, "48 ساعة"), (SEED_001, "10 ساعات")}


def test_compare_plain_output_and_the_demo_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "compare", "--demo", SEED_000, SEED_001)
    assert code == 0 and out.startswith("similarity ") and "numbers that differ: 48 ساعة" in out


def test_compare_errors_are_one_line_with_exit_code_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "compare", str(SEEDS_DIR), SEED_000, "missing.txt")
    assert code == 2 and err.strip().count("\n") == 0 and "missing.txt" in err
    code, _, err = run(capsys, "compare", str(SEEDS_DIR), SEED_000)
    assert code == 2 and "two to four" in err


def test_quotes_json_contract_and_speaker_filter(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "quotes", str(SEEDS_DIR), "--json")
    quotes = json.loads(out)
    assert code == 0 and len(quotes) > 60
    for quote in quotes:
        assert set(quote) == {"id", "speaker", "entity", "verb", "text", "start", "end"}
        text = (SEEDS_DIR / quote["id"]).read_text(encoding="utf-8")
        assert text[quote["start"]:quote["end"]] == quote["text"]
    assert any(q["entity"] is None and q["speaker"] for q in quotes)  # المصدر: named by no one
    code, out, _ = run(capsys, "quotes", str(SEEDS_DIR), "--speaker", "بورودافكين", "--json")
    borodavkin = json.loads(out)
    assert code == 0 and len(borodavkin) >= 5
    assert {q["entity"] for q in borodavkin} == {"أليكسي بورودافكين"} and {q["id"] for q in borodavkin} == {SEED_000}


def test_duplicates_json_lists_groups_largest_first(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS_DIR, corpus)
    for copy in ("a.txt", "b.txt"):
        shutil.copy(SEEDS_DIR / SEED_001, corpus / copy)
    shutil.copy(SEEDS_DIR / SEED_000, corpus / "c.txt")
    code, out, _ = run(capsys, "duplicates", str(corpus), "--json")
    assert code == 0
    assert json.loads(out) == [{"ids": [SEED_001, "a.txt", "b.txt"], "similarity": 1.0, "exact": True},
                               {"ids": [SEED_000, "c.txt"], "similarity": 1.0, "exact": True}]
    code, out, _ = run(capsys, "duplicates", str(SEEDS_DIR))
    assert code == 0 and out.strip() == "no near-duplicate articles"
    code, _, err = run(capsys, "duplicates", str(SEEDS_DIR), "--threshold", "0.1")
    assert code == 2 and "0.3" in err


def test_search_one_per_story_leaves_copies_out_and_names_them(capsys: pytest.CaptureFixture[str],
                                                               tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS_DIR, corpus)
    for copy in ("a.txt", "b.txt"):
        shutil.copy(SEEDS_DIR / SEED_001, corpus / copy)
    code, out, _ = run(capsys, "search", str(corpus), "لافروف", "--json")
    everything = json.loads(out)
    assert code == 0 and everything["total"] == 6 and "similar" not in everything["hits"][0]
    code, out, _ = run(capsys, "search", str(corpus), "لافروف", "--json", "--one-per-story", "--limit", "2")
    data = json.loads(out)
    assert code == 0 and data["total"] == 4 and len(data["hits"]) == 2
    story = next(hit for hit in data["hits"] if hit["similar"])
    assert {story["id"], *story["similar"]} == {SEED_001, "a.txt", "b.txt"}
    code, out, _ = run(capsys, "search", str(corpus), "لافروف", "--one-per-story")
    assert code == 0 and "4 result(s)" in out and out.count("+2 similar: ") == 1
