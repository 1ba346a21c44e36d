"""2,000 hypothesis-generated hostile queries through ``workbench search --queries FILE --json``.

One real process runs the whole batch over a small indexed corpus: it must print no traceback,
exactly one JSON object per query (results or an error), in order, and finish.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from tests.conftest import SEEDS_DIR
from tests.reliability.query_strategies import hostile_query
from workbench.core.search import SearchRequest, SearchResults

QUERIES = 2000


def generate_queries(count: int) -> list[str]:
    """``count`` queries drawn by hypothesis, the same on every run (derandomised)."""
    drawn: list[str] = []

    @settings(max_examples=count, derandomize=True, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(hostile_query)
    def collect(query: str) -> None:
        drawn.append(query)

    collect()
    return drawn


def test_2000_fuzzed_queries_in_batch_mode_never_crash(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS_DIR, corpus)
    queries = generate_queries(QUERIES)
    assert len(queries) >= QUERIES * 0.95  # hypothesis may skip a few duplicates
    assert any(query.count("(") > 250 for query in queries) and any(len(query) > 10_000 for query in queries)
    query_file = tmp_path / "queries.txt"
    query_file.write_text("\n".join(queries) + "\n", encoding="utf-8")

    run = subprocess.run([sys.executable, "-m", "workbench", "search", str(corpus), "--queries", str(query_file),
                          "--json", "--limit", "3"], capture_output=True, text=True, encoding="utf-8", timeout=900,
                         env={**os.environ, "PYTHONIOENCODING": "utf-8"})

    assert "Traceback" not in run.stderr
    assert run.returncode in (0, 2), run.stderr[-2000:]
    lines = run.stdout.splitlines()
    assert len(lines) == len(queries)
    results = [json.loads(line) for line in lines]
    assert [result["query"] for result in results] == [query.strip() for query in queries]
    for result in results:
        assert ("error" in result) != ("total" in result)
        assert "internal error" not in result.get("error", "")
    errors = sum("error" in result for result in results)
    assert 0 < errors < len(results)


def test_batch_mode_goes_on_after_a_query_that_fails_unexpectedly(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from workbench.cli import main
    from workbench.core.search import SearchEngine

    real_search = SearchEngine.search

    def search(self: SearchEngine, request: SearchRequest) -> SearchResults:
        if request.query == "دمشق":
            raise RecursionError("maximum recursion depth exceeded")
        return real_search(self, request)

    monkeypatch.setattr(SearchEngine, "search", search)
    query_file = tmp_path / "queries.txt"
    query_file.write_text("حلب\nدمشق\n(\nلافروف\n", encoding="utf-8")
    code = main(["search", str(SEEDS_DIR), "--queries", str(query_file), "--json"])
    results = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["query"] for r in results] == ["حلب", "دمشق", "(", "لافروف"]
    assert results[0]["total"] == 4 and results[3]["total"] > 0
    assert "internal error (RecursionError" in results[1]["error"]
    assert "closing parenthesis" in results[2]["error"]
    assert code == 1
