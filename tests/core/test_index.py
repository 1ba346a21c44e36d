"""Index lifecycle: incremental updates, interrupted and cancelled runs, damaged and old indexes."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from workbench.core import paths
from workbench.core.entities.catalog import EntityCatalog
from workbench.core.entities.extraction import CatalogMention
from workbench.core.entities.stage import EntityStage
from workbench.core.errors import CorpusError
from workbench.core.index import CorpusIndex
from workbench.core.index.preparing import FilesTask
from workbench.core.index.running import TaskRunner
from workbench.core.ingest import Article, scan_corpus
from workbench.core.progress import CancelToken, Progress
from workbench.core.search import SearchRequest
from workbench.core.workspace import Workspace

ARTICLE = "{title}\nأعلنت وزارة الدفاع الروسية أن روسيا وجهت دعوات للعديد من الدول في {place}.\n"


def write_articles(folder: Path, count: int, place: str = "حلب", start: int = 0) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(start, start + count):
        text = ARTICLE.format(title=f"خبر رقم {n} عن {place}", place=place)
        (folder / f"article_{n:05d}.txt").write_text(text, encoding="utf-8")


def total(index: Workspace, query: str) -> int:
    return index.engine.search(SearchRequest(query)).total


def test_first_run_indexes_everything_and_second_run_nothing(seeds_copy: Path) -> None:
    index = Workspace.open(seeds_copy)
    first = index.update()
    assert (first.added, first.articles, first.skipped) == (5, 5, [])
    second = index.update()
    assert (second.added, second.changed, second.removed, second.unchanged) == (0, 0, 0, 5)
    assert second.indexed_articles == 0
    index.close()


def test_reopen_uses_the_manifest_and_finds_the_same_articles(seeds_copy: Path) -> None:
    index = Workspace.open(seeds_copy)
    index.update()
    index.close()
    reopened = Workspace.open(seeds_copy)
    report = reopened.update()
    assert report.unchanged == 5 and report.indexed_articles == 0
    assert total(reopened, "بحلب") == 4
    reopened.close()


def test_changed_new_and_deleted_files_are_picked_up(seeds_copy: Path) -> None:
    index = Workspace.open(seeds_copy)
    index.update()
    (seeds_copy / "002_2f2c9e1598c61b02.txt").unlink()
    changed = seeds_copy / "000_9f63ee594d7e422c.txt"
    changed.write_text("خبر جديد عن مدينة تدمر الأثرية\n" + changed.read_text(encoding="utf-8"), encoding="utf-8")
    os.utime(changed, ns=(changed.stat().st_atime_ns, changed.stat().st_mtime_ns + 10**9))
    (seeds_copy / "sub").mkdir()
    (seeds_copy / "sub" / "new.txt").write_text("وصل وفد إلى مدينة تدمر اليوم.", encoding="utf-8")
    report = index.update()
    assert (report.added, report.changed, report.removed, report.unchanged) == (1, 1, 1, 3)
    assert report.articles == 5
    assert total(index, "تدمر") == 2
    assert total(index, '"الصليب الأحمر"') == 0
    index.close()


def test_index_is_stored_under_the_data_home_not_in_the_corpus(seeds_copy: Path, isolated_home: Path) -> None:
    before = sorted(p.name for p in seeds_copy.iterdir())
    index = Workspace.open(seeds_copy)
    index.update()
    index.close()
    assert sorted(p.name for p in seeds_copy.iterdir()) == before
    assert isolated_home in paths.index_dir(seeds_copy).parents


def test_read_only_corpus_is_indexed(seeds_copy: Path) -> None:
    for path in seeds_copy.iterdir():
        path.chmod(0o444)
    seeds_copy.chmod(0o555)
    try:
        index = Workspace.open(seeds_copy)
        assert index.update().articles == 5
        index.close()
    finally:
        seeds_copy.chmod(0o755)


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="does not exist"):
        Workspace.open(tmp_path / "nowhere")


def test_folder_vanishing_after_open_is_a_clear_error(seeds_copy: Path) -> None:
    index = Workspace.open(seeds_copy)
    shutil.rmtree(seeds_copy)
    with pytest.raises(CorpusError):
        index.update()
    index.close()


def small_tasks(monkeypatch: pytest.MonkeyPatch, size: int = 600) -> None:
    """Make every task (and so every published batch) a few small files or records."""
    monkeypatch.setattr("workbench.core.index.planning.FIRST_TASK_BYTES", size)
    monkeypatch.setattr("workbench.core.index.planning.MAX_TASK_BYTES", size)
    monkeypatch.setattr("workbench.core.index.updating.PROGRESS_INTERVAL", 0.0)


def assert_consistent(workspace: Workspace) -> list[str]:
    """No article twice, and the entity catalog holds exactly the indexed articles that have
    mentions; returns the sorted article ids."""
    with workspace.index.reading() as searcher:
        ids = [fields["id"] for fields in searcher.all_stored_fields()]
    assert len(ids) == len(set(ids)), "an article is indexed twice"
    catalog = workspace.index.stage_store("entities")
    assert isinstance(catalog, EntityCatalog)
    catalogued = set(catalog.article_ids().values())
    assert catalogued <= set(ids)
    assert workspace.index.article_count() == len(ids)
    return sorted(ids)


def test_cancel_keeps_finished_work_and_the_next_run_completes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    write_articles(corpus, 60)
    small_tasks(monkeypatch)
    token = CancelToken()

    def cancel_after_25(progress: Progress) -> None:
        if progress.phase == "index" and progress.done >= 25:
            token.cancel()

    index = Workspace.open(corpus)
    report = index.update(progress=cancel_after_25, cancel=token)
    assert report.cancelled
    assert 25 <= report.articles < 60
    assert total(index, "حلب") == report.articles
    resumed = index.update()
    assert not resumed.cancelled
    assert resumed.articles == 60
    assert resumed.added == 60 - report.added
    assert len(assert_consistent(index)) == 60
    index.close()


def test_search_during_indexing_returns_committed_results(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    write_articles(corpus, 40)
    small_tasks(monkeypatch)
    indexing = Workspace.open(corpus)
    reader = Workspace.open(corpus)  # another reader of the same index, as a second process would be
    seen: list[int] = []

    def search_now(progress: Progress) -> None:
        if progress.phase == "index" and 0 < progress.done < progress.total:
            seen.append(total(reader, "حلب"))

    indexing.update(progress=search_now)
    assert seen and 0 < seen[0] < 40, seen
    assert seen == sorted(seen)
    assert total(reader, "حلب") == 40
    reader.close()
    indexing.close()


def test_searching_an_empty_index_finds_nothing(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    index = Workspace.open(corpus)
    assert index.update().articles == 0
    assert total(index, "حلب") == 0
    assert index.engine.search_ids(SearchRequest("حلب")) == []
    assert index.index.sources() == {}
    assert index.entities_json() == []
    index.close()


class _Crash(Exception):
    """Stands in for a crash (power loss, kill) in the middle of an indexing run."""


def test_crash_mid_run_keeps_what_was_committed_and_the_next_run_completes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    write_articles(corpus, 20)
    index = Workspace.open(corpus)
    index.update()
    write_articles(corpus, 20, place="دمشق", start=20)
    small_tasks(monkeypatch)

    def crash(progress: Progress) -> None:
        if progress.phase == "index" and progress.done >= 10:
            raise _Crash()

    with pytest.raises(_Crash):
        index.update(progress=crash)
    assert total(index, "حلب") == 20
    assert 10 <= total(index, "دمشق") < 20
    index.close()
    reopened = Workspace.open(corpus)
    report = reopened.update()
    assert report.articles == 40 and report.added + (40 - report.indexed_articles - 20) == 20
    assert total(reopened, "دمشق") == 20
    assert len(assert_consistent(reopened)) == 40
    reopened.close()


def _hold_lock_and_die(corpus: str, home: str, ready: multiprocessing.Event) -> None:  # type: ignore[valid-type]
    os.environ["WORKBENCH_HOME"] = home
    from workbench.core.index.locking import IndexLock

    root = Path(corpus).resolve()
    IndexLock(paths.index_dir(root).parent, root).acquire()
    ready.set()
    os._exit(1)


def test_stale_lock_of_a_dead_process_is_recovered(seeds_copy: Path, isolated_home: Path) -> None:
    index = Workspace.open(seeds_copy)
    index.update()
    context = multiprocessing.get_context("fork")
    ready = context.Event()
    process = context.Process(target=_hold_lock_and_die, args=(str(seeds_copy), str(isolated_home), ready))
    process.start()
    process.join(30)
    assert ready.is_set()
    (seeds_copy / "new.txt").write_text("خبر عن تدمر", encoding="utf-8")
    report = index.update()
    assert report.added == 1 and report.articles == 6
    index.close()


def test_a_busy_index_is_reported_at_once_when_not_waiting(seeds_copy: Path) -> None:
    from workbench.core.errors import IndexBusyError
    from workbench.core.index.locking import IndexLock

    index = Workspace.open(seeds_copy)
    lock = IndexLock(index.index.index_dir.parent, index.corpus)
    lock.acquire()
    try:
        with pytest.raises(IndexBusyError, match="Another workbench process"):
            index.update(wait=False)
    finally:
        lock.release()
    assert index.update(wait=False).articles == 5
    index.close()


def test_damaged_index_is_rebuilt_with_a_message(seeds_copy: Path) -> None:
    index = Workspace.open(seeds_copy)
    index.update()
    index.close()
    for segment in paths.index_dir(seeds_copy).glob("*.toc"):
        segment.write_bytes(b"\x00garbage")
    reopened = Workspace.open(seeds_copy)
    report = reopened.update()
    assert report.rebuilt_reason and "damaged" in report.rebuilt_reason
    assert report.articles == 5
    assert total(reopened, "بحلب") == 4
    reopened.close()


def test_index_of_another_format_version_is_rebuilt(seeds_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index = Workspace.open(seeds_copy)
    index.update()
    index.close()
    monkeypatch.setattr("workbench.core.index.corpus_index.SCHEMA_VERSION", 999)
    reopened = Workspace.open(seeds_copy)
    report = reopened.update()
    assert report.rebuilt_reason and "another version" in report.rebuilt_reason
    assert report.articles == 5
    reopened.close()


def test_index_made_with_an_older_stage_version_is_rebuilt(seeds_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A change to the entity rules (EntityStage.version bumped) rebuilds existing indexes, so
    no corpus keeps mentions found by the old rules."""
    index = Workspace.open(seeds_copy)
    index.update()
    index.close()
    monkeypatch.setattr(EntityStage, "version", EntityStage.version + 1)
    reopened = Workspace.open(seeds_copy)
    report = reopened.update()
    assert report.rebuilt_reason and f"entities.{EntityStage.version}" in report.rebuilt_reason
    assert report.articles == 5
    assert reopened.update().rebuilt_reason is None
    reopened.close()


def test_index_of_the_release_before_the_journal_is_rebuilt_as_another_version(seeds_copy: Path) -> None:
    """An index made by the previous format (5: no journal, no segment checksums) is rebuilt
    with the "another version" message, not reported as damaged."""
    index = Workspace.open(seeds_copy)
    index.update()
    index.close()
    manifest = sqlite3.connect(paths.index_dir(seeds_copy) / "manifest.sqlite3")
    with manifest:
        manifest.execute("DROP TABLE journal")
        manifest.execute("UPDATE meta SET value = '5:entities+quotes+duplicates' WHERE key = 'schema_version'")
    manifest.close()
    reopened = Workspace.open(seeds_copy)
    report = reopened.update()
    assert report.rebuilt_reason is not None and "another version of the workbench (format 5:" in report.rebuilt_reason
    assert report.articles == 5
    reopened.close()


def test_unreadable_files_are_skipped_with_reasons_and_reported_again(seeds_copy: Path) -> None:
    (seeds_copy / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (seeds_copy / "empty.txt").write_text("   \n", encoding="utf-8")
    index = Workspace.open(seeds_copy)
    report = index.update()
    reasons = {s.relpath: s.reason for s in report.skipped}
    assert reasons == {"image.txt": "binary", "empty.txt": "empty"}
    assert report.articles == 5
    again = index.update()
    assert {s.relpath for s in again.skipped} == {"image.txt", "empty.txt"}
    (seeds_copy / "image.txt").unlink()
    assert {s.relpath for s in index.update().skipped} == {"empty.txt"}
    index.close()


def test_parallel_indexing_gives_the_same_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    write_articles(corpus, 30, place="حلب")
    write_articles(corpus, 30, place="دمشق", start=30)
    monkeypatch.setattr("workbench.core.index.updating.PARALLEL_MIN_BYTES", 1000)
    small_tasks(monkeypatch, 2000)
    index = Workspace.open(corpus)
    report = index.update(processes=2)
    assert report.articles == 60 and report.worker_processes == 1  # beside the updating process's thread
    assert total(index, "حلب") == 30 and total(index, '"وزارة الدفاع"') == 60
    (corpus / "article_00000.txt").unlink()
    assert index.update(processes=2).articles == 59
    assert len(assert_consistent(index)) == 59
    index.close()


def test_the_runner_yields_every_planned_task_when_the_consumer_is_the_slow_side(tmp_path: Path) -> None:
    """Tasks that all finish while the consumer publishes an earlier result must not end the
    run: every planned task comes back, in plan order (a run once stopped there, silently,
    leaving a collection half indexed after reporting success)."""
    corpus = tmp_path / "corpus"
    write_articles(corpus, 24)
    files, _ = scan_corpus(corpus)
    plan = [FilesTask((corpus_file,)) for corpus_file in files]
    runner = TaskRunner(corpus, tmp_path / "index", (), processes=2)
    returned: list[object] = []
    try:
        assert len(list(runner.results(plan[:4], None, lambda articles: None))) == 4  # the worker is up
        plan = plan[4:]
        for item, result in runner.results(plan, None, lambda articles: None):
            assert result is not None and [o.articles for o in result.outcomes] == [1]
            returned.append(item)
            if len(returned) == 3:
                time.sleep(2.0)  # publishing is slow: every task in flight finishes meanwhile
    finally:
        runner.close()
    assert returned == plan


class DyingInWorkersStage(EntityStage):
    """Entity extraction that kills any worker process it runs in (the parent runs it fine)."""

    def __init__(self) -> None:
        self.parent = os.getpid()  # pickled with the stage (a class attribute would be the worker's own pid)

    def analyse(self, articles: Sequence[Article]) -> list[list[CatalogMention]]:
        if os.getpid() != self.parent:
            os._exit(9)
        return super().analyse(articles)


def test_run_goes_on_in_process_when_the_workers_die(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    write_articles(corpus, 12)
    monkeypatch.setattr("workbench.core.index.updating.PARALLEL_MIN_BYTES", 0)
    index = CorpusIndex.open(corpus, [DyingInWorkersStage()])
    report = index.update(processes=2)
    assert report.articles == 12 and report.added == 12
    assert report.worker_processes == 0, "the report says the workers did not do the work"
    index.close()


def test_cancel_inside_a_large_collection_keeps_its_committed_records_and_resumes_after_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    records = [{"title": f"خبر {n}", "content": f"أعلنت وزارة الدفاع الروسية خبرا رقم {n} عن حلب."} for n in range(96)]
    (corpus / "news.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records),
                                       encoding="utf-8")
    monkeypatch.setattr("workbench.core.index.planning.STREAM_COLLECTION_BYTES", 0)
    small_tasks(monkeypatch, 1500)
    token = CancelToken()

    def cancel_after_some(progress: Progress) -> None:
        if progress.phase == "index" and progress.articles >= 20:
            token.cancel()

    index = Workspace.open(corpus)
    report = index.update(progress=cancel_after_some, cancel=token)
    assert report.cancelled
    assert report.added == 0 and 20 <= report.articles < 96
    assert total(index, "حلب") == report.articles
    finished = index.update()
    assert (finished.added, finished.articles, finished.indexed_articles) == (1, 96, 96 - report.articles)
    assert total(index, "حلب") == 96
    assert assert_consistent(index) == sorted(f"news.jsonl#{n}" for n in range(1, 97))
    index.close()


def index_files_state(workspace: Workspace) -> dict[str, tuple[int, int]]:
    """Size and mtime of every file of the index folder (SQLite's shared-memory files aside)."""
    return {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in workspace.index.index_dir.iterdir()
            if not p.name.endswith("-shm")}


def test_an_unchanged_corpus_with_unreadable_files_is_checked_without_reading_or_writing_anything(
        seeds_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from workbench.core.index import preparing
    from workbench.core.index.locking import IndexLock

    (seeds_copy / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    workspace = Workspace.open(seeds_copy)
    assert [s.relpath for s in workspace.update().skipped] == ["image.txt"]
    before = index_files_state(workspace)
    reads: list[str] = []
    real_read = preparing.read_file
    monkeypatch.setattr(preparing, "read_file", lambda root, relpath: reads.append(relpath) or real_read(root, relpath))
    lock = IndexLock(workspace.index.index_dir.parent, workspace.corpus)
    lock.acquire()  # another process is writing: an unchanged corpus must not even wait for it
    try:
        report = workspace.update()
        assert total(workspace, "بحلب") == 4
        assert workspace.index.info().articles == 5
    finally:
        lock.release()
    assert reads == [] and [s.relpath for s in report.skipped] == ["image.txt"]
    assert index_files_state(workspace) == before
    (seeds_copy / "image.txt").write_text("خبر عن حلب", encoding="utf-8")
    assert workspace.update().articles == 6 and reads == ["image.txt"]
    workspace.close()
