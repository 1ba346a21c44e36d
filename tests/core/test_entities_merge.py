"""Entities of a corpus: spelling merges, surname links, counts, filters and curation round-trips."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SEEDS_DIR
from workbench.core.arabic import name_key as mention_key
from workbench.core.entities.catalog import EntityCatalog
from workbench.core.entities.lexicon import default_lexicon
from workbench.core.entities.merge import KeyStats, group_keys, link_in_article
from workbench.core.entities.service import EntityService
from workbench.core.entities.view import AutoGroups
from workbench.core.search import SearchRequest
from workbench.core.userdata import Store
from workbench.core.workspace import Workspace

LAVROV = "PERSON:سيرغي لافروف"
S000, S001, S002, S003, S004 = sorted(p.name for p in SEEDS_DIR.iterdir())


@pytest.fixture(scope="module")
def seeds_index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """The seed corpus indexed once for the read-only tests of this module."""
    corpus = tmp_path_factory.mktemp("entities-corpus") / "seeds"
    shutil.copytree(SEEDS_DIR, corpus)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WORKBENCH_HOME", str(tmp_path_factory.mktemp("entities-home")))
        index = Workspace.open(corpus)
        index.update()
    yield index
    index.close()


class _Service(EntityService):
    """An entity service over a workspace's catalog with a store of its own (in the test's data
    home, so each test curates afresh); ``close()`` closes that store."""

    def __init__(self, workspace: Workspace) -> None:
        self._own_store = Store(workspace.corpus)
        super().__init__(catalog(workspace), self._own_store)

    def close(self) -> None:
        self._own_store.close()


def catalog(workspace: Workspace) -> EntityCatalog:
    found = workspace.index.stage_store("entities")
    assert isinstance(found, EntityCatalog)
    return found


@pytest.fixture
def service(seeds_index: Workspace) -> Iterator[EntityService]:
    """A service over the shared index with a fresh store (each test has its own WORKBENCH_HOME)."""
    svc = _Service(seeds_index)
    yield svc
    svc.close()


# -- grouping --------------------------------------------------------------------------------


def test_mention_key_normalises_but_keeps_names_whole() -> None:
    assert mention_key("ستافان دى ميستورا") == "ستافان دي ميستورا"
    assert mention_key("كيري") == "كيري"
    assert mention_key("الأمم المتحدة") == "الامم المتحده"


def test_surnames_link_to_the_full_name_in_the_same_article() -> None:
    mentions = [("PERSON", "ستافان دي ميستورا", ""), ("PERSON", "ميستورا", ""), ("PERSON", "دي ميستورا", ""),
                ("LOCATION", "ميستورا", ""), ("PERSON", "كيري", "")]
    assert link_in_article(mentions, default_lexicon()) == ["ستافان دي ميستورا"] * 3 + ["ميستورا", "كيري"]


def test_spelling_variants_and_surnames_group_across_the_corpus() -> None:
    stats = [KeyStats("سيرغي لافروف", {"PERSON": 3}, 3), KeyStats("سيرجي لافروف", {"PERSON": 1}, 1),
             KeyStats("لافروف", {"PERSON": 2}, 2), KeyStats("سوريه", {"LOCATION": 5}, 5),
             KeyStats("سوريا", {"LOCATION": 2, "ORGANIZATION": 1}, 2), KeyStats("كيري", {"PERSON": 1}, 1),
             KeyStats("جون كيري", {"PERSON": 1}, 1), KeyStats("لاري كيري", {"PERSON": 1}, 1)]
    groups = group_keys(stats, default_lexicon()).groups
    assert ["سيرجي لافروف", "سيرغي لافروف", "لافروف"] in groups
    assert ["سوريا", "سوريه"] in groups
    assert ["كيري"] in groups  # two equally likely full names: left alone


def test_lavrov_is_one_entity_over_both_spellings(service: EntityService) -> None:
    lavrov = service.entity(LAVROV)
    assert lavrov.name == "سيرغي لافروف"
    assert lavrov.type == "PERSON"
    assert {"سيرجي لافروف", "لافروف"} <= set(lavrov.aliases)
    assert lavrov.docs == (S000, S001, S003, S004)
    assert service.entity("PERSON:سيرجي لافروف") == lavrov == service.entity("PERSON:لافروف")


def test_de_mistura_is_one_entity_over_his_two_articles(service: EntityService) -> None:
    mistura = service.entity("PERSON:ستافان دي ميستورا")
    assert mistura.docs == (S003, S004)
    assert {mistura.name, *mistura.aliases} >= {"ستافان دى ميستورا", "ستافان دي ميستورا", "دى ميستورا"}


def test_a_name_glued_to_a_clitic_is_found_and_sliced_from_the_original(
        service: EntityService, seeds_index: Workspace) -> None:
    germany = service.entity("LOCATION:المانيا")
    assert germany.name == "ألمانيا" and germany.docs == (S004,)
    text = seeds_index.index.article(S004).text
    spans = service.mentions(S004, [germany.id])
    assert [text[start:end] for start, end, _, _ in spans] == ["ألمانيا"]
    assert text[spans[0][0] - 1] == "ب"
    for start, end, type_, entity_id in service.mentions(S004):
        assert text[start:end].strip() == text[start:end] and type_ == service.entity(entity_id).type


def test_entities_are_sorted_by_articles_and_counts_restrict_to_a_result_set(service: EntityService) -> None:
    everything = service.entities()
    assert [e.articles for e in everything] == sorted((e.articles for e in everything), reverse=True)
    restricted = {e.id: e for e in service.entities(article_ids=[S001, S002])}
    assert restricted[LAVROV].docs == (S001,) and restricted[LAVROV].articles == 1
    assert all(set(e.docs) <= {S001, S002} for e in restricted.values())
    assert "PERSON:ستافان دي ميستورا" not in restricted
    assert {e.type for e in service.entities(type="PERSON")} == {"PERSON"}


def test_article_ids_with_means_all_of_them(service: EntityService) -> None:
    assert service.article_ids_with([LAVROV]) == {S000, S001, S003, S004}
    assert service.article_ids_with([LAVROV, "PERSON:ستافان دي ميستورا"]) == {S003, S004}
    assert service.article_ids_with([LAVROV, "LOCATION:المانيا"]) == {S004}


def test_search_filtered_by_entities_returns_only_their_articles(
        service: EntityService, seeds_index: Workspace) -> None:
    terms = service.entity_filter_terms([LAVROV])
    results = seeds_index.engine.search(SearchRequest("روسيا", entities=tuple(tuple(t) for t in terms)))
    assert {hit.id for hit in results} == {S000, S001, S003, S004}
    both = service.entity_filter_terms([LAVROV, "PERSON:ستافان دي ميستورا"])
    results = seeds_index.engine.search(SearchRequest("الأمم", entities=tuple(tuple(t) for t in both)))
    assert {hit.id for hit in results} <= {S003, S004} and results.total >= 1


def test_cooccurring_counts_shared_articles(service: EntityService) -> None:
    shared = {e.id: n for e, n in service.cooccurring(LAVROV, limit=100)}
    assert shared["LOCATION:حلب"] == 4
    assert shared["PERSON:ستافان دي ميستورا"] == 2
    assert LAVROV not in shared


def test_entities_json_is_sorted_and_query_restricts(seeds_index: Workspace) -> None:
    rows = seeds_index.entities_json(type="PERSON")
    assert rows[0]["name"] == "سيرغي لافروف" and rows[0]["articles"] == 4
    assert set(rows[0]) >= {"name", "type", "aliases", "articles", "mentions", "docs"}
    hamburg = seeds_index.entities_json(query="هامبورج")
    assert {d for row in hamburg for d in row["docs"]} == {S004}


# -- curation ------------------------------------------------------------------------------


def test_curation_round_trip_survives_update_and_rebuild(seeds_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index = Workspace.open(seeds_copy)
    index.update()
    service = _Service(index)
    kerry = service.entity("PERSON:جون كيري").id
    service.merge(["LOCATION:جنيف"], into=kerry)  # nonsense on purpose: easy to see survive
    service.hide("LOCATION:حلب")
    service.rename(LAVROV, "لافروف (وزير الخارجية)")
    service.set_type("LOCATION:موسكو", "ORGANIZATION")
    new = service.split("PERSON:ستافان دي ميستورا", "دى ميستورا")
    turkey = service.entity("LOCATION:تركيا").docs
    added = service.add("الجمهورية التركية", "ORGANIZATION", aliases=["تركيا", "تركية"])

    def check(svc: EntityService) -> None:
        names = {e.name: e for e in svc.entities()}
        assert "حلب" not in names and svc.entity("LOCATION:حلب").hidden
        assert svc.entity("LOCATION:جنيف").id == kerry
        assert "جنيف" in svc.entity(kerry).aliases
        assert names["لافروف (وزير الخارجية)"].docs == (S000, S001, S003, S004)
        assert svc.entity(new).name == "دى ميستورا" and svc.entity(new).docs == (S003,)
        assert "دى ميستورا" not in svc.entity("PERSON:ستافان دي ميستورا").aliases
        assert svc.entity(added).type == "ORGANIZATION" and svc.entity(added).docs == turkey
        assert svc.entity("LOCATION:موسكو").type == "ORGANIZATION"
        assert svc.entity(kerry).type == "PERSON" and svc.entity(kerry).name == "جون كيري"
        assert all(entity_id != svc.entity("LOCATION:حلب").id for _, _, _, entity_id in svc.mentions(S004))

    check(service)
    service.close()
    touched = seeds_copy / S004
    touched.write_text(touched.read_text(encoding="utf-8") + "\nخبر إضافي.\n", encoding="utf-8")
    os.utime(touched, ns=(touched.stat().st_atime_ns, touched.stat().st_mtime_ns + 10**9))
    assert index.update().changed == 1
    service = _Service(index)
    check(service)
    service.close()
    index.close()

    monkeypatch.setattr("workbench.core.index.corpus_index.SCHEMA_VERSION", 99)
    rebuilt = Workspace.open(seeds_copy)
    assert rebuilt.update().rebuilt_reason
    service = _Service(rebuilt)
    check(service)
    service.unhide("LOCATION:حلب")
    assert not service.entity("LOCATION:حلب").hidden
    service.close()
    rebuilt.close()


def test_curation_rejects_unknown_entities_types_and_spellings(service: EntityService) -> None:
    with pytest.raises(KeyError):
        service.rename("PERSON:لا يوجد", "x")
    with pytest.raises(ValueError, match="type"):
        service.set_type(LAVROV, "ANIMAL")
    with pytest.raises(ValueError, match="spelling"):
        service.split(LAVROV, "كيري")


def test_catalog_is_replaced_per_file_and_cleared_by_a_rebuild(seeds_copy: Path) -> None:
    index = Workspace.open(seeds_copy)
    index.update()
    before = len(catalog(index).article_mentions(S004))
    (seeds_copy / S002).unlink()
    touched = seeds_copy / S004
    os.utime(touched, ns=(touched.stat().st_atime_ns, touched.stat().st_mtime_ns + 10**9))
    index.update()
    assert len(catalog(index).article_mentions(S004)) == before
    assert catalog(index).article_mentions(S002) == []
    assert S002 not in catalog(index).article_ids().values()
    index.close()


def test_a_rebuild_starts_an_empty_catalog(seeds_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index = Workspace.open(seeds_copy)
    index.update()
    assert len(catalog(index).article_ids()) == 5
    index.close()
    monkeypatch.setattr("workbench.core.index.corpus_index.SCHEMA_VERSION", 99)
    rebuilt = Workspace.open(seeds_copy)
    assert catalog(rebuilt).article_ids() == {}
    rebuilt.update()
    assert len(catalog(rebuilt).article_ids()) == 5
    rebuilt.close()


def test_corpus_without_entities_lists_none(tmp_path: Path) -> None:
    (tmp_path / "plain.txt").write_text("كان الجو جميلا اليوم والناس سعداء.", encoding="utf-8")
    index = Workspace.open(tmp_path)
    index.update()
    service = _Service(index)
    assert service.entities() == []
    service.close()
    index.close()


# -- saved grouping --------------------------------------------------------------------------


def _listing(index: Workspace) -> list[tuple[str, str, str, tuple[str, ...], tuple[str, ...], int]]:
    service = _Service(index)
    try:
        return [(e.id, e.name, e.type, e.aliases, e.docs, e.mentions) for e in service.entities()]
    finally:
        service.close()


@pytest.fixture
def copy_index(seeds_copy: Path) -> Iterator[Workspace]:
    """A freshly indexed, writable copy of the seeds (for tests that change the catalog)."""
    index = Workspace.open(seeds_copy)
    index.update(processes=0)
    yield index
    index.close()


def test_grouping_is_saved_and_reused_until_the_catalog_changes(copy_index: Workspace, seeds_copy: Path) -> None:
    index, entity_catalog = copy_index, catalog(copy_index)
    listing = _listing(index)
    generation = entity_catalog.generation()
    assert entity_catalog.derived(AutoGroups.CACHE_NAME, generation) is not None
    assert _listing(index) == listing
    assert LAVROV in [entity_id for entity_id, *_ in listing]

    (seeds_copy / S002).unlink()
    index.update(processes=0)

    assert entity_catalog.generation() > generation
    assert entity_catalog.derived(AutoGroups.CACHE_NAME, entity_catalog.generation()) is None
    after = _listing(index)
    assert after != listing
    assert all(S002 not in docs for *_, docs, _ in after)


def test_unreadable_saved_grouping_is_recomputed(copy_index: Workspace) -> None:
    index, entity_catalog = copy_index, catalog(copy_index)
    expected = _listing(index)
    entity_catalog.save_derived(AutoGroups.CACHE_NAME, entity_catalog.generation(), b"not a pickle")

    assert _listing(index) == expected
    assert entity_catalog.derived(AutoGroups.CACHE_NAME, entity_catalog.generation()) != b"not a pickle"


# -- undo, redo, completion ------------------------------------------------------------------------


def test_each_curation_step_undoes_and_redoes_as_one_and_survives_a_rebuild(
        seeds_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index = Workspace.open(seeds_copy)
    index.update(processes=0)
    service = _Service(index)
    kerry, mistura = "PERSON:جون كيري", "PERSON:ستافان دي ميستورا"
    service.hide(["LOCATION:حلب", "LOCATION:جنيف"])
    service.merge([kerry, mistura], into=LAVROV)
    assert [step.action for step in service.history()[0]] == ["merge", "hide"]
    assert service.undo() is not None and service.entity(kerry).id == kerry
    assert service.entity("LOCATION:حلب").hidden and service.entity("LOCATION:جنيف").hidden
    step = service.undo()
    assert step is not None and step.action == "hide" and set(step.entity_ids) == {"LOCATION:حلب", "LOCATION:جنيف"}
    assert not service.entity("LOCATION:حلب").hidden and not service.entity("LOCATION:جنيف").hidden
    assert service.undo() is None
    assert service.redo() is not None and service.entity("LOCATION:جنيف").hidden
    service.close()
    index.close()

    monkeypatch.setattr("workbench.core.index.corpus_index.SCHEMA_VERSION", 99)
    rebuilt = Workspace.open(seeds_copy)
    assert rebuilt.update(processes=0).rebuilt_reason
    service = _Service(rebuilt)
    assert service.entity("LOCATION:حلب").hidden and service.entity(kerry).id == kerry
    assert service.redo() is not None and service.entity(kerry).id == LAVROV  # the merge, redone after the rebuild
    service.rename(LAVROV, "لافروف")
    assert service.redo() is None  # a new step drops what was undone
    service.close()
    rebuilt.close()


def test_completion_finds_a_name_however_it_is_typed(service: EntityService) -> None:
    completer = service.completer()
    assert completer.complete("لافر")[0].id == LAVROV  # start of the name
    assert completer.complete("سيرجي")[0].id == LAVROV  # an alias, and a spelling variant of the name
    assert completer.complete("الامم المتحده")[0].name == "الأمم المتحدة"  # no hamza, ه for ة
    assert completer.complete("ميستورا")[0].id == service.entity("PERSON:ستافان دي ميستورا").id  # a word inside
    assert completer.complete("") == [] and completer.complete("zzz") == []


def test_explain_names_the_rule_behind_each_spelling(service: EntityService) -> None:
    why = {s.text: (s.rule, s.via) for s in service.explain(LAVROV)}
    assert why["سيرغي لافروف"] == ("", "")
    assert why["سيرجي لافروف"] == ("variant", "سيرغي لافروف")
    assert why["لافروف"] == ("article", "سيرغي لافروف")
    service.merge(["PERSON:جون كيري"], into=LAVROV)
    assert {s.text: s.rule for s in service.explain(LAVROV)}["جون كيري"] == "merged"
