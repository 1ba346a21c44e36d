"""Search results folded by story: planted copies sit under the best-placed article of their group;
"one per story" leaves them out of the hits, the total and the timeline's counts."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.planted_copies import make_corpus
from workbench.core.compare import DuplicateGroup, fold_stories
from workbench.core.search import SearchRequest
from workbench.core.workspace import Workspace


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Workspace, dict[str, str]]]:
    folder = tmp_path_factory.mktemp("planted")
    names = make_corpus(folder / "corpus")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WORKBENCH_HOME", str(folder / "home"))
        workspace = Workspace.open(folder / "corpus")
        workspace.update()
        yield workspace, names
        workspace.close()


def test_copies_fold_under_the_first_of_their_group_in_result_order(planted: tuple[Workspace, dict[str, str]]) -> None:
    workspace, names = planted
    results = workspace.engine.search(SearchRequest("لافروف"))
    shown, folding = workspace.compare.stories(results)
    assert shown is results and list(folding.ids) == results.ids()
    copies_of_001 = {names["001"], "copy_of_001.txt", "feed.jsonl#1"}
    heads = [head for head, story in folding.stories.items() if set(story.ids()) == copies_of_001]
    assert len(heads) == 1
    head_row = folding.row_of(heads[0])
    assert head_row is not None
    assert head_row == min(results.ids().index(i) for i in copies_of_001)  # the best ranked copy heads the story
    story = folding.stories[heads[0]]
    assert len(story.copies) == 2 and len(story.sources) == 2 and story.group.exact
    assert sorted(folding.copy_rows(head_row)) == sorted(results.ids().index(c) for c in story.copies)
    top = folding.top_rows()
    assert head_row in top and not set(folding.copy_rows(head_row)) & set(top)
    assert len(top) == len(results) - sum(len(s.copies) for s in folding.stories.values())


def test_one_per_story_leaves_the_copies_out_of_hits_total_and_timeline(
        planted: tuple[Workspace, dict[str, str]]) -> None:
    workspace, names = planted
    everything = workspace.engine.search(SearchRequest(""))
    shown, folding = workspace.compare.stories(everything, one_per_story=True)
    kept = set(shown.ids())
    assert len(kept & {names["001"], "copy_of_001.txt", "feed.jsonl#1"}) == 1
    assert len(kept & {names["002"], "edited_002.txt"}) == 1
    assert {names["003"], "rewritten_000.txt", "feed.jsonl#2"} <= kept
    assert shown.total == everything.total - 3 == len(shown) and folding.left_out == 3
    assert sum(shown.histogram("day").totals()) + shown.histogram("day").undated == shown.total
    assert all(folding.copy_rows(row) == [] for row in range(len(shown)))
    assert sum(len(story.copies) for story in folding.stories.values()) == 3  # still known, for "+N similar"


def test_folding_without_groups_keeps_every_row() -> None:
    folding = fold_stories(["a", "b", "c"], ["x", "y", "z"], {})
    assert folding.top_rows() == [0, 1, 2] and folding.stories == {} and folding.copy_ids() == set()


def test_folding_keeps_result_order_and_records_sources() -> None:
    group = DuplicateGroup(("a", "c", "d"), 0.8, False)
    folding = fold_stories(["c", "b", "a", "d"], ["okaz", "sana", "alriyadh", "okaz"], dict.fromkeys(group.ids, group))
    story = folding.stories["c"]
    assert story.copies == ("a", "d") and story.sources == ("alriyadh", "okaz")
    assert folding.top_rows() == [0, 1] and folding.copy_rows(0) == [2, 3] and folding.story_at(1) is None
