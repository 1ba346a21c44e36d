"""`workbench select`, `tag`, `note`, `selections` and `export` as a user runs them."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from workbench.cli import main
from workbench.core import paths
from workbench.core.userdata import store

LAVROV = "001_31c937c15296effc.txt"
TRUCE = "004_e1c235ee45bedba9.txt"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _ids(capsys: pytest.CaptureFixture[str], corpus: Path, query: str) -> set[str]:
    code, out, err = run(capsys, "search", str(corpus), query, "--json", "--limit", "100")
    assert code == 0, err
    return {hit["id"] for hit in json.loads(out)["hits"]}


def test_marks_made_from_the_command_line_are_searchable_and_listed(
        capsys: pytest.CaptureFixture[str], seeds_copy: Path, tmp_path: Path) -> None:
    corpus = str(seeds_copy)
    aleppo = _ids(capsys, seeds_copy, "حلب")
    assert run(capsys, "select", corpus, "Aleppo truce", "--query", "حلب")[0] == 0
    ids = tmp_path / "ids.txt"
    ids.write_text(f"# one per line\n{TRUCE}\n{LAVROV}\n", encoding="utf-8")
    code, _, err = run(capsys, "select", corpus, "SANA only", "--ids", str(ids))
    assert code == 0 and "added 2 article(s) to SANA only" in err
    assert run(capsys, "select", corpus, "SANA only", "--ids", str(ids), "--remove")[0] == 0
    assert run(capsys, "tag", corpus, TRUCE, "هدنة", "وقف إطلاق النار")[0] == 0
    assert run(capsys, "note", corpus, LAVROV, "تصريح مهم عن حلب")[0] == 0

    assert _ids(capsys, seeds_copy, 'selection:"aleppo truce"') == aleppo
    assert _ids(capsys, seeds_copy, "tag:هدنه") == {TRUCE}
    assert _ids(capsys, seeds_copy, "has:note حلب") == {LAVROV}
    code, out, _ = run(capsys, "selections", corpus, "--json")
    listed = json.loads(out)
    assert code == 0 and [(s["name"], s["articles"], s["missing"]) for s in listed["selections"]] == [
        ("Aleppo truce", len(aleppo), []), ("SANA only", 0, [])]
    assert listed["tags"] == [{"tag": "هدنة", "articles": 1}, {"tag": "وقف إطلاق النار", "articles": 1}]
    assert listed["notes"] == 1

    (seeds_copy / LAVROV).unlink()
    code, out, _ = run(capsys, "selections", corpus)
    assert code == 0 and f"Aleppo truce: {len(aleppo)} article(s), 1 missing" in out


def test_demo_corpus_takes_the_article_id_and_tags_in_place_of_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "tag", "--demo", LAVROV, "هدنة", "حلب")
    assert code == 0 and f"{LAVROV}: هدنة, حلب" in err


@pytest.mark.parametrize("args, message", [
    (["tag", "{corpus}", "nope.txt", "x"], "No article with the id nope.txt"),
    (["select", "{corpus}", "x"], "give --query Q or --ids FILE"),
    (["search", "{corpus}", 'selection:"nope"'], "no selection named 'nope'"),
    (["export", "{corpus}", "--all", "--out", "{tmp}/missing/out.xlsx"], "the folder"),
    (["export", "{corpus}", "--all", "--out", "{tmp}/out.csv", "--sheets", "articles,hits"], "holds one table"),
    (["export", "{corpus}", "--out", "{tmp}/out.xlsx"], "--query Q, --selection NAME or --all"),
])
def test_mistakes_get_one_line_and_a_non_zero_code(
        capsys: pytest.CaptureFixture[str], seeds_copy: Path, tmp_path: Path, args: list[str], message: str) -> None:
    values = {"corpus": str(seeds_copy), "tmp": str(tmp_path)}
    code, _, err = run(capsys, *(arg.format(**values) for arg in args))
    assert code in (1, 2) and message in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_export_of_a_query_and_of_a_selection(capsys: pytest.CaptureFixture[str], seeds_copy: Path,
                                              tmp_path: Path) -> None:
    corpus = str(seeds_copy)
    out = tmp_path / "حلب.xlsx"
    code, _, err = run(capsys, "export", corpus, "--query", "سيرغي لافروف", "--out", str(out))
    assert code == 0 and f"to {out}" in err
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Articles", "Hits", "Entities", "Mentions", "About"]
    assert book["Articles"].max_row - 1 == len(_ids(capsys, seeds_copy, "سيرغي لافروف"))

    run(capsys, "select", corpus, "two", "--query", "جنيف")
    out = tmp_path / "two.jsonl"
    assert run(capsys, "export", corpus, "--selection", "two", "--out", str(out))[0] == 0
    exported = {json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()}
    assert exported == _ids(capsys, seeds_copy, "جنيف")


def test_a_restored_store_is_reported_and_a_newer_or_held_store_is_one_line(
        capsys: pytest.CaptureFixture[str], seeds_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = str(seeds_copy)
    run(capsys, "note", corpus, LAVROV, "لا تضيع")
    path = paths.store_path(seeds_copy)
    path.write_bytes(b"")
    code, _, err = run(capsys, "selections", corpus)
    assert code == 0 and "workbench: note: The store of your work on this corpus" in err and "restored" in err
    assert _ids(capsys, seeds_copy, "has:note") == {LAVROV}

    with sqlite3.connect(path) as raw:
        raw.execute(f"PRAGMA user_version = {store.SCHEMA_VERSION + 1}")
    code, _, err = run(capsys, "search", corpus, "حلب")
    assert code == 1 and "newer version of the workbench" in err and len(err.strip().splitlines()) == 1
    with sqlite3.connect(path) as raw:
        raw.execute(f"PRAGMA user_version = {store.SCHEMA_VERSION}")

    monkeypatch.setattr(store, "BUSY_TIMEOUT_SECONDS", 0.2)
    holder = subprocess.Popen([sys.executable, "-c", "import sqlite3, sys\n"
                               "db = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
                               "db.execute('BEGIN IMMEDIATE'); print('held', flush=True); sys.stdin.read()",
                               str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        code, _, err = run(capsys, "note", corpus, LAVROV, "تعديل")
        assert code == 1 and "in use by another program: close the other workbench window" in err
        assert "Traceback" not in err
    finally:
        assert holder.stdin is not None and holder.stdout is not None
        holder.stdin.close()
        holder.wait(timeout=10)
        holder.stdout.close()
