"""Selections, tags and notes: keyed by article id, kept through re-indexing, rebuilds and restarts,
searchable with tag:, selection: and has:."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from workbench.core import paths
from workbench.core.errors import AnnotationError, QueryError
from workbench.core.search import SearchRequest
from workbench.core.userdata import ArticleMarks
from workbench.core.workspace import Workspace

LAVROV = "001_31c937c15296effc.txt"
TRUCE = "004_e1c235ee45bedba9.txt"


@pytest.fixture
def workspace(seeds_copy: Path) -> Iterator[Workspace]:
    opened = Workspace.open(seeds_copy)
    opened.update()
    yield opened
    opened.close()


def _ids(workspace: Workspace, query: str) -> set[str]:
    return set(workspace.engine.search_ids(SearchRequest(query)))


def test_tags_match_by_their_normalised_form_and_keep_the_first_spelling(workspace: Workspace) -> None:
    marks = workspace.userdata
    marks.tag([LAVROV, TRUCE], ["هُدنة", "Aleppo"])
    marks.tag([TRUCE], ["هدنه", "وقف   إطلاق النار"])
    assert marks.tags() == [("Aleppo", 2), ("هُدنة", 2), ("وقف إطلاق النار", 1)]
    assert _ids(workspace, "tag:هدنة") == {LAVROV, TRUCE}
    assert _ids(workspace, "tag:aleppo") == {LAVROV, TRUCE}
    assert _ids(workspace, 'tag:"وقف اطلاق النار"') == {TRUCE}
    marks.untag([LAVROV], ["هدنة"])
    assert _ids(workspace, "tag:هدنة") == {TRUCE}
    marks.set_tags(TRUCE, ["جديد"])
    assert [m.tags for m in marks.annotated([LAVROV, TRUCE])] == [("Aleppo",), ("جديد",)]
    with pytest.raises(AnnotationError, match="at least one letter"):
        marks.tag([LAVROV], ["!!!"])


def test_notes_are_one_per_article_and_an_empty_note_deletes_it(workspace: Workspace) -> None:
    marks = workspace.userdata
    start = marks.generation()
    marks.set_note(LAVROV, "تصريح مهم\nعن حلب")
    marks.set_note(LAVROV, "تصريح مهم جدا")
    assert marks.note(LAVROV) == "تصريح مهم جدا" and marks.generation() == start + 2
    assert _ids(workspace, "has:note") == {LAVROV}
    assert _ids(workspace, "حلب -has:note") == _ids(workspace, "حلب") - {LAVROV}
    marks.set_note(LAVROV, "  ")
    assert marks.note(LAVROV) == "" and _ids(workspace, "has:note") == set()
    assert marks.annotated([LAVROV]) == []  # nothing marked is left behind


def test_selections_are_named_sets_of_articles(workspace: Workspace) -> None:
    marks = workspace.userdata
    aleppo = sorted(_ids(workspace, "حلب"))
    assert marks.add_to_selection("Aleppo truce", aleppo) == len(aleppo)
    assert marks.add_to_selection("aleppo  TRUCE", [LAVROV]) == 0  # same name, already in it
    marks.create_selection("SANA only")
    assert [(s.name, s.articles) for s in marks.selections()] == [("Aleppo truce", len(aleppo)), ("SANA only", 0)]
    assert _ids(workspace, 'selection:"Aleppo truce"') == set(aleppo)
    assert _ids(workspace, 'selection:"Aleppo truce" لافروف') == set(aleppo) & _ids(workspace, "لافروف")
    assert _ids(workspace, "has:selection") == set(aleppo)
    assert marks.remove_from_selection("Aleppo truce", [LAVROV]) == 1
    marks.rename_selection("Aleppo truce", "هدنة حلب")
    assert marks.selection_ids("هدنة حلب") == [i for i in aleppo if i != LAVROV]
    with pytest.raises(AnnotationError, match="already a selection named"):
        marks.rename_selection("SANA only", "هدنه حلب")
    with pytest.raises(QueryError, match=r"no selection named 'Aleppo truce'\. The selections are: SANA only, هدنة حلب"):
        workspace.engine.search(SearchRequest('selection:"Aleppo truce"'))
    marks.delete_selection("SANA only")
    assert [s.name for s in marks.selections()] == ["هدنة حلب"]


def test_marks_of_articles_are_read_from_the_store_alone(workspace: Workspace) -> None:
    marks = workspace.userdata
    marks.tag([TRUCE], ["هدنة", "حلب"])
    marks.set_note(LAVROV, "ملاحظة")
    marks.add_to_selection("Aleppo truce", [TRUCE, LAVROV])
    marks.add_to_selection("SANA only", [TRUCE])
    assert marks.marks() == {
        TRUCE: ArticleMarks(("هدنة", "حلب"), "", ("Aleppo truce", "SANA only")),
        LAVROV: ArticleMarks((), "ملاحظة", ("Aleppo truce",)),
    }
    assert marks.marks([LAVROV, "unmarked.txt"]) == {LAVROV: ArticleMarks((), "ملاحظة", ("Aleppo truce",))}
    many = [f"other-{number}.txt" for number in range(600)] + [TRUCE]  # more ids than are read one by one
    assert list(marks.marks(many)) == [TRUCE]


def test_an_id_that_is_not_in_the_index_is_refused(workspace: Workspace) -> None:
    with pytest.raises(AnnotationError, match=r"No article with the id nope\.txt"):
        workspace.userdata.tag(["nope.txt"], ["x"])
    with pytest.raises(AnnotationError):
        workspace.userdata.add_to_selection("s", [LAVROV, "nope.txt"])
    assert workspace.userdata.selections() == []


@pytest.mark.parametrize("query, message", [("has:notes", "is not a filter"), ("tag:", "needs a value"),
                                             ("tag:(حلب OR دمشق)", "needs a value")])
def test_malformed_filters_say_what_to_write(workspace: Workspace, query: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        workspace.engine.search(SearchRequest(query))


def test_marks_survive_a_changed_file_a_rebuilt_index_and_a_restart(seeds_copy: Path) -> None:
    workspace = Workspace.open(seeds_copy)
    workspace.update()
    workspace.userdata.tag([TRUCE], ["هدنة"])
    workspace.userdata.set_note(TRUCE, "ملاحظة")
    workspace.userdata.add_to_selection("Aleppo truce", [TRUCE, LAVROV])
    workspace.close()

    changed = seeds_copy / TRUCE
    changed.write_text(changed.read_text(encoding="utf-8") + "\nفقرة أضيفت لاحقا عن الهدنة.", encoding="utf-8")
    workspace = Workspace.open(seeds_copy)  # a restart, then a re-index of the changed file
    assert workspace.update().changed == 1
    assert _ids(workspace, "tag:هدنة لاحقا") == {TRUCE}
    workspace.close()

    shutil.rmtree(paths.index_dir(seeds_copy))  # the index is derived data: gone, rebuilt
    workspace = Workspace.open(seeds_copy)
    workspace.update()
    assert _ids(workspace, "has:note") == {TRUCE}
    assert workspace.userdata.selection_ids("Aleppo truce") == [TRUCE, LAVROV]
    assert workspace.userdata.note(TRUCE) == "ملاحظة"
    workspace.close()


def test_an_article_whose_file_disappeared_keeps_its_marks_and_is_shown_missing(seeds_copy: Path) -> None:
    workspace = Workspace.open(seeds_copy)
    workspace.update()
    title = workspace.index.article(TRUCE).title
    workspace.userdata.set_note(TRUCE, "أين ذهب؟")
    workspace.userdata.add_to_selection("Aleppo truce", [TRUCE, LAVROV])
    moved = (seeds_copy / TRUCE).rename(seeds_copy.parent / TRUCE)
    workspace.update()
    [gone, present] = workspace.userdata.annotated(workspace.userdata.selection_ids("Aleppo truce"))
    assert (gone.record.id, gone.missing, gone.note, gone.record.title) == (TRUCE, True, "أين ذهب؟", title)
    assert (present.record.id, present.missing) == (LAVROV, False)
    workspace.userdata.set_note(TRUCE, "ما زال مفقودا")  # a missing article's note can still be edited
    assert _ids(workspace, 'selection:"Aleppo truce"') == {LAVROV}
    moved.rename(seeds_copy / TRUCE)
    workspace.update()
    assert [m.missing for m in workspace.userdata.annotated([TRUCE])] == [False]
    workspace.close()


def test_records_of_collection_files_keep_their_marks_when_the_file_changes(tmp_path: Path) -> None:
    corpus = tmp_path / "collection"
    corpus.mkdir()
    records = [{"title": f"خبر {n}", "content": f"نص الخبر رقم {n} عن الهدنة في حلب", "source": "سانا",
                "date": "2016-11-0" + str(n)} for n in range(1, 5)]
    feed = corpus / "news.jsonl"
    feed.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    workspace = Workspace.open(corpus)
    workspace.update()
    workspace.userdata.tag(["news.jsonl#2"], ["مهم"])
    records[1]["content"] += " وتحديث لاحق"
    feed.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    workspace.update()
    assert _ids(workspace, "tag:مهم تحديث") == {"news.jsonl#2"}
    workspace.close()
