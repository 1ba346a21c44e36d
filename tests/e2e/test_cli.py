"""The `workbench` command as a user runs it: JSON contract, batch search, info and error lines."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEEDS_DIR
from workbench.cli import main
from workbench.core import paths
from workbench.core.arabic import tokenize

HIT_KEYS = {"path", "id", "title", "source", "date", "url", "score", "snippets"}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_search_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", str(SEEDS_DIR), "سيرغي لافروف", "--json", "--limit", "3")
    assert code == 0
    lines = out.strip().splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert set(data) == {"query", "total", "variants", "warnings", "hits"}
    assert data["warnings"] == []
    assert data["query"] == "سيرغي لافروف"
    assert data["total"] == 4
    assert data["variants"] == {"سيرغي": ["سيرجي"]}
    assert len(data["hits"]) == 3
    for hit in data["hits"]:
        assert set(hit) == HIT_KEYS
        assert not Path(hit["path"]).is_absolute()
        original = (SEEDS_DIR / hit["path"]).read_text(encoding="utf-8")
        for snippet in hit["snippets"]:
            assert set(snippet) == {"text", "highlights"}
            for start, end in snippet["highlights"]:
                assert snippet["text"][start:end] in original
                assert "لافروف" in snippet["text"][start:end] or "سير" in snippet["text"][start:end]


def test_search_sorts_by_date_and_matches_any(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", str(SEEDS_DIR), "حلب", "--sort", "date", "--json", "--limit", "10")
    dates = [hit["date"] for hit in json.loads(out)["hits"] if hit["date"]]
    assert code == 0 and dates == sorted(dates, reverse=True)
    code, out, _ = run(capsys, "search", str(SEEDS_DIR), "شويغو كيري", "--match", "any", "--json")
    assert code == 0 and json.loads(out)["total"] == 4


def test_batch_queries_give_one_json_object_per_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    queries = tmp_path / "queries.txt"
    queries.write_text("# names to check\nلافروف\n\nدي ميستورا\n\"جبهة النصرة\"\n(حلب\n", encoding="utf-8")
    code, out, _ = run(capsys, "search", str(SEEDS_DIR), "--queries", str(queries), "--json")
    results = [json.loads(line) for line in out.strip().splitlines()]
    assert [r["query"] for r in results] == ["لافروف", "دي ميستورا", '"جبهة النصرة"', "(حلب"]
    assert results[0]["total"] == 4
    assert results[1]["total"] == 2
    assert results[2]["total"] == 2
    assert "closing parenthesis" in results[3]["error"]
    assert code == 2


def test_plain_output_marks_matches(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", str(SEEDS_DIR), "بحلب", "--limit", "1")
    assert code == 0
    assert out.startswith("4 result(s) for بحلب")
    assert "[حلب]" in out


def test_index_reports_progress_and_skipped_files(capsys: pytest.CaptureFixture[str], seeds_copy: Path) -> None:
    (seeds_copy / "broken.txt").write_bytes(b"\x00\x01binary")
    code, _, err = run(capsys, "index", str(seeds_copy))
    assert code == 0
    assert "indexing: 6/6 files" in err
    assert "5 articles in the index" in err
    assert "broken.txt: binary:" in err
    code, _, err = run(capsys, "index", str(seeds_copy))
    assert "0 new and 0 changed files" in err and "5 unchanged" in err


def test_info_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "info", str(SEEDS_DIR), "--json")
    info = json.loads(out)
    assert code == 0
    assert info["articles"] == 5 and info["files"] == 5
    assert info["date_min"] <= info["date_max"]
    assert info["index_bytes"] > 0 and Path(info["index_path"]).is_dir()
    assert info["sources"]["سانا"] >= 2


@pytest.mark.parametrize(
    ("args", "code", "fragment"),
    [
        (["search", "{missing}", "حلب"], 1, "does not exist"),
        (["search", "{empty}", "حلب"], 1, "no articles found"),
        (["index", "{empty}"], 1, "no articles found"),
        (["search", "{seeds}", '"حلب'], 2, "bad query: Missing closing quote"),
        (["search", "{seeds}"], 2, "give either a QUERY or --queries FILE"),
        (["search", "{seeds}", "--queries", "{missing}"], 1, "cannot read the queries file"),
    ],
)
def test_errors_print_one_clear_line_and_exit_non_zero(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str], code: int, fragment: str) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    values = {"missing": str(tmp_path / "missing"), "empty": str(empty), "seeds": str(SEEDS_DIR)}
    exit_code, out, err = run(capsys, *[a.format(**values) for a in args])
    assert exit_code == code
    assert fragment in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err + out


def test_home_option_puts_the_index_there(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    home = tmp_path / "elsewhere"
    code, _, _ = run(capsys, "--home", str(home), "index", str(SEEDS_DIR))
    assert code == 0
    assert any((home / "corpora").iterdir())


def test_console_script_runs_as_a_module(tmp_path: Path) -> None:
    env = {**os.environ, "WORKBENCH_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "workbench", "search", str(SEEDS_DIR), "للصليب", "--json"],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["total"] == 1


def test_entities_json_groups_spellings_and_applies_type_and_query(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "entities", str(SEEDS_DIR), "--type", "PERSON", "--json")
    people = json.loads(out)
    assert code == 0
    assert all(row["type"] == "PERSON" for row in people)
    assert [row["articles"] for row in people] == sorted((row["articles"] for row in people), reverse=True)
    lavrov = people[0]
    assert set(lavrov) >= {"name", "type", "aliases", "articles", "mentions", "docs"}
    assert lavrov["name"] == "سيرغي لافروف" and "سيرجي لافروف" in lavrov["aliases"]
    assert lavrov["articles"] == 4 and len(lavrov["docs"]) == 4
    code, out, _ = run(capsys, "entities", str(SEEDS_DIR), "--query", '"الصليب الأحمر"', "--json")
    assert code == 0
    assert {row["articles"] for row in json.loads(out)} == {1}


def test_output_cut_short_by_the_reader_ends_quietly(tmp_path: Path) -> None:
    """`workbench search ... | head`: when the reader goes away, no traceback, SIGPIPE's status."""
    queries = tmp_path / "queries.txt"
    queries.write_text("سورية\n" * 400, encoding="utf-8")
    env = {**os.environ, "WORKBENCH_HOME": str(tmp_path / "home")}
    process = subprocess.Popen([sys.executable, "-m", "workbench", "search", str(SEEDS_DIR), "--queries", str(queries),
                                "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read().decode("utf-8")
    process.stderr.close()

    assert process.wait(timeout=120) == 141
    assert json.loads(first)["total"] >= 1
    assert "Traceback" not in stderr


def test_a_query_that_starts_with_a_negated_word_is_not_taken_for_an_option(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "search", str(SEEDS_DIR), "-حلب", "--limit", "3", "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["query"] == "-حلب"
    assert result["total"] == 1


def test_empty_query_browses_every_article_with_sort_and_sources(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", str(SEEDS_DIR), "", "--sort", "date-asc", "--json", "--limit", "10")
    data = json.loads(out)
    assert code == 0 and data["total"] == 5 and len(data["hits"]) == 5
    dates = [hit["date"] for hit in data["hits"]]
    assert dates[0] == "2016-11-03" and set(dates[1:]) == {""}  # undated articles come last
    code, out, _ = run(capsys, "search", str(SEEDS_DIR), "*", "--source", "سانا", "--source", "صحيفة تشرين", "--json")
    assert code == 0 and {hit["source"] for hit in json.loads(out)["hits"]} == {"سانا", "صحيفة تشرين"}
    assert json.loads(out)["total"] == 3
    code, out, _ = run(capsys, "search", str(SEEDS_DIR), "", "--from", "2016-11", "--to", "2016-11", "--json")
    assert code == 0 and json.loads(out)["total"] == 1
    code, _, err = run(capsys, "search", str(SEEDS_DIR), "", "--from", "2016-13")
    assert code == 2 and "month 13 does not exist" in err


def test_histogram_counts_articles_per_week(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", str(SEEDS_DIR), "لافروف", "--histogram", "week", "--json", "--limit", "0")
    data = json.loads(out)
    assert code == 0 and data["hits"] == []
    histogram = data["histogram"]
    assert histogram["bucket"] == "week" and histogram["undated"] == data["total"] - 1
    assert histogram["buckets"] == [{"start": "2016-10-31", "end": "2016-11-06", "total": 1, "sources": {"سانا": 1}}]
    code, out, _ = run(capsys, "search", str(SEEDS_DIR), "لافروف", "--histogram", "day", "--limit", "0")
    assert "articles per day:" in out and "2016-11-03       1  سانا 1" in out


def test_kwic_prints_every_occurrence_aligned_and_sorted(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "kwic", str(SEEDS_DIR), "لافروف", "--json", "--limit", "0", "--sort", "right")
    data = json.loads(out)
    assert code == 0 and data["articles"] == 4
    lines = data["lines"]
    assert len(lines) >= 8 and all(line["match"] == "لافروف" for line in lines)
    for line in lines:
        original = (SEEDS_DIR / line["path"]).read_text(encoding="utf-8").replace("\n", " ")  # contexts are one line
        assert original[line["start"]:line["end"]] == "لافروف"
        assert original[:line["start"]].endswith(line["left"]) and original[line["end"]:].startswith(line["right"])
    firsts = [tuple(token.norm for token in tokenize(line["right"]))[:1] for line in lines]
    assert firsts == sorted(firsts)
    code, out, _ = run(capsys, "kwic", str(SEEDS_DIR), "لافروف", "--width", "20", "--limit", "3")
    rows = out.splitlines()
    assert code == 0 and len(rows) == 3
    assert len({row.index("[لافروف]") for row in rows}) == 1  # the matches line up in one column
    code, _, err = run(capsys, "kwic", str(SEEDS_DIR), "")
    assert code == 2 and "give a QUERY" in err
    code, _, err = run(capsys, "kwic", str(SEEDS_DIR), "حلب", "--width", "2")
    assert code == 2 and "context width" in err


def entities_json(capsys: pytest.CaptureFixture[str], corpus: Path, *extra: str) -> dict[str, dict[str, object]]:
    code, out, _ = run(capsys, "entities", str(corpus), "--json", *extra)
    assert code == 0
    return {row["name"]: row for row in json.loads(out)}


def test_entity_curation_from_the_command_line_survives_a_reindex(
        capsys: pytest.CaptureFixture[str], seeds_copy: Path) -> None:
    corpus = str(seeds_copy)
    assert run(capsys, "entity", "merge", corpus, "جون كيري", "ستافان دي ميستورا", "--into", "سيرغي لافروف")[0] == 0
    assert run(capsys, "entity", "hide", corpus, "LOCATION:حلب")[0] == 0
    assert run(capsys, "entity", "rename", corpus, "موسكو", "العاصمة الروسية")[0] == 0
    assert run(capsys, "entity", "type", corpus, "العاصمة الروسية", "--to", "ORGANIZATION")[0] == 0
    code, out, _ = run(capsys, "entity", "split", corpus, "سيرغي لافروف", "جون كيري")
    assert code == 0 and "user:" in out
    listed = entities_json(capsys, seeds_copy)
    assert "جون كيري" in listed and "جون كيري" not in listed["سيرغي لافروف"]["aliases"]
    assert "ستافان دى ميستورا" in listed["سيرغي لافروف"]["aliases"]
    assert "حلب" not in listed and listed["العاصمة الروسية"]["type"] == "ORGANIZATION"
    assert "حلب" in entities_json(capsys, seeds_copy, "--hidden")

    shutil.rmtree(paths.index_dir(seeds_copy))  # a rebuilt index keeps the curation (it is in the store)
    assert entities_json(capsys, seeds_copy) == listed
    code, out, _ = run(capsys, "entity", "history", corpus, "--json")
    assert [step["action"] for step in json.loads(out)["undo"]] == ["split", "type", "rename", "hide", "merge"]
    for expected in ("split", "type", "rename"):
        code, out, _ = run(capsys, "entity", "undo", corpus)
        assert code == 0 and out.startswith(f"undone: {expected}")
    assert "موسكو" in entities_json(capsys, seeds_copy)
    code, out, _ = run(capsys, "entity", "redo", corpus)
    assert code == 0 and out.startswith("redone: rename")
    assert entities_json(capsys, seeds_copy)["العاصمة الروسية"]["type"] == "LOCATION"
    code, out, _ = run(capsys, "entity", "unhide", corpus, "حلب")
    assert code == 0 and "حلب" in entities_json(capsys, seeds_copy)


def test_entity_show_explains_spellings_and_counts_sources(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "entity", "show", "--demo", "سيرجي لافروف", "--json")
    details = json.loads(out)
    assert code == 0 and details["name"] == "سيرغي لافروف" and details["articles"] == 4
    rules = {s["text"]: s["rule"] for s in details["spellings"]}
    assert rules == {"سيرغي لافروف": "", "سيرجي لافروف": "variant", "لافروف": "article"}
    assert sum(details["sources"].values()) == 4


def test_an_unknown_or_ambiguous_entity_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "entity", "hide", "--demo", "لافروفف")
    assert code == 2 and "no entity is called 'لافروفف'" in err and "سيرغي لافروف" in err
