"""What the reliability tests share: a corpus of real news, the indexing process, and a snapshot
of everything an index holds, to compare an interrupted and resumed index with a clean one."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT
from workbench.core import paths
from workbench.core.entities.catalog import EntityCatalog
from workbench.core.workspace import Workspace

DRIVER = Path(__file__).with_name("index_driver.py")


def news_records(shared_dir: Path, count: int, skip: int = 0) -> list[dict[str, str]]:
    """``count`` SaudiNewsNet records that have text, after the first ``skip``."""
    records: list[dict[str, str]] = []
    if count == 0:
        return records
    with gzip.open(shared_dir / "data" / "news" / "saudinewsnet.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record.get("content", "").strip():
                if skip:
                    skip -= 1
                    continue
                records.append(record)
                if len(records) == count:
                    break
    return records


def make_corpus(folder: Path, shared_dir: Path, files: int = 60, records: int = 90) -> Path:
    """A corpus of ``files`` single-article .txt files and one .jsonl of ``records`` records."""
    folder.mkdir(parents=True)
    for number, record in enumerate(news_records(shared_dir, files)):
        (folder / f"{number:03d}.txt").write_text(f"{record['title']}\n\n{record['content']}", encoding="utf-8")
    if records:
        lines = [json.dumps(r, ensure_ascii=False) for r in news_records(shared_dir, records, skip=files)]
        (folder / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def start_index(corpus: Path, home: Path, workers: bool = False) -> subprocess.Popen[str]:
    """``workbench index`` (tiny tasks, see index_driver.py) as a separate process."""
    env = {**os.environ, paths.HOME_ENV: str(home), "PYTHONPATH": str(REPO_ROOT)}
    command = [sys.executable, str(DRIVER), str(corpus), *(["--workers"] if workers else [])]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def run_index(corpus: Path, home: Path, workers: bool = False) -> str:
    """Run the indexing process to its end; returns its stderr (fails the test on a non-zero exit)."""
    process = start_index(corpus, home, workers)
    _, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    return err


def wait_for_commits(corpus: Path, home: Path, generation: int, seconds: float = 60.0) -> None:
    """Wait until the index of ``corpus`` in ``home`` has committed ``generation`` batches."""
    index_dir = home / "corpora" / paths.corpus_key(corpus.resolve()) / "index"
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if any(int(toc.stem.rsplit("_", 1)[1]) >= generation for toc in index_dir.glob("_MAIN_*.toc")):
            return
        time.sleep(0.05)
    raise AssertionError(f"the index did not reach generation {generation}")


def children(pid: int) -> list[int]:
    """The process ids of ``pid``'s children (Linux)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def wait_gone(pids: list[int], seconds: float = 20.0) -> list[int]:
    """Wait until none of ``pids`` runs; returns those still running after ``seconds``."""
    deadline = time.monotonic() + seconds
    alive = pids
    while alive and time.monotonic() < deadline:
        time.sleep(0.1)
        alive = [pid for pid in alive if _running(pid)]
    return alive


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


@dataclass(frozen=True)
class Snapshot:
    """Everything an index holds, in a comparable form."""

    articles: tuple[str, ...]
    """Article ids, sorted (each must appear once)."""
    mentions: tuple[tuple[str, int, int, str, str], ...]
    """(article id, start, end, type, text) of every entity mention."""
    files: tuple[tuple[str, int], ...]
    """(relpath, articles) of every file the manifest lists."""
    entities: tuple[tuple[str, int, int], ...]
    """(name, articles, mentions) of every entity, as the entity list shows them."""


def snapshot(corpus: Path, home: Path, monkeypatch: pytest.MonkeyPatch) -> Snapshot:
    """Open the corpus's index in ``home`` (replaying any unfinished batch) and read it all."""
    monkeypatch.setenv(paths.HOME_ENV, str(home))
    workspace = Workspace.open(corpus)
    try:
        with workspace.index.reading() as searcher:
            ids = [fields["id"] for fields in searcher.all_stored_fields()]
        assert len(ids) == len(set(ids)), "an article is indexed twice"
        catalog = workspace.index.stage_store("entities")
        assert isinstance(catalog, EntityCatalog)
        forms = {number: (kind, text) for number, kind, text, _, _ in catalog.forms()}
        mentions = sorted((article_id, start, end, *forms[form]) for article_id in ids
                          for start, end, form in catalog.article_mentions(article_id))
        assert set(catalog.article_ids().values()) <= set(ids), "the catalog has articles the index lacks"
        files = sorted((relpath, row.articles) for relpath, row in workspace.index._manifest.files().items())
        assert sum(count for _, count in files) == len(ids)
        entities = sorted((e["name"], e["articles"], e["mentions"]) for e in workspace.entities_json())
        return Snapshot(tuple(sorted(ids)), tuple(mentions), tuple(files), tuple(entities))
    finally:
        workspace.close()
