"""Search results folded by story: the copies of a republished article under its best-placed one.

A near-duplicate group (``duplicates``) may have several articles in one result list (two
identical almadina rows for one story). Folding keeps the first of them, in the results' own
order (the best ranked, or the newest when sorted by date), as the story's row, and puts the
others under it. With "one per story" the copies are left out of the results altogether
(``SearchResults.excluding``); the story's row still knows them, to say "+3 similar" and to
compare them.

Everything here works from the ids and sources of the hits, read from the index's columns, so
folding 30,000 results reads no article.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from workbench.core.compare.duplicates import DuplicateGroup

__all__ = ["Story", "StoryFolding", "fold_stories"]


@dataclass(frozen=True)
class Story:
    """One story of a result list: its row's article and the copies that matched the same search."""

    head: str
    """The article id of the story's row (the first of the group in the results)."""
    copies: tuple[str, ...]
    """The other articles of the group in the results, in their order."""
    sources: tuple[str, ...]
    """The copies' sources, in the same order."""
    group: DuplicateGroup
    """The whole group (it may have articles that did not match the search)."""

    def ids(self) -> tuple[str, ...]:
        """The story's row first, then its copies."""
        return (self.head, *self.copies)


class StoryFolding:
    """The rows of a result list as stories: which rows head a story, which sit under one."""

    def __init__(self, ids: Sequence[str], stories: Mapping[str, Story] | None = None, left_out: int = 0) -> None:
        self.ids = tuple(ids)
        """The article id of every row of the results shown, in order."""
        self.stories = dict(stories or {})
        """Story by the article id of its row."""
        self.left_out = left_out
        """Copies taken out of the results ("one per story")."""
        self._rows = {article_id: row for row, article_id in enumerate(self.ids)}
        self._folded = frozenset(self._rows[copy] for story in self.stories.values()
                                 for copy in story.copies if copy in self._rows)

    def row_of(self, article_id: str) -> int | None:
        """The row of an article in the results shown, or None."""
        return self._rows.get(article_id)

    def top_rows(self) -> list[int]:
        """The rows shown when every story is folded: every row that is not a copy, in order."""
        return [row for row in range(len(self.ids)) if row not in self._folded]

    def story_at(self, row: int) -> Story | None:
        """The story whose row is ``row``, if it heads one."""
        return self.stories.get(self.ids[row]) if 0 <= row < len(self.ids) else None

    def copy_rows(self, row: int) -> list[int]:
        """The rows of the copies under row ``row`` (none when they were left out)."""
        story = self.story_at(row)
        if story is None:
            return []
        found = (self.row_of(copy) for copy in story.copies)
        return [found_row for found_row in found if found_row is not None]

    def copy_ids(self) -> set[str]:
        """Every copy under a story (what "one per story" leaves out)."""
        return {copy for story in self.stories.values() for copy in story.copies}

    def without_copies(self, ids: Sequence[str]) -> StoryFolding:
        """The same stories over the results without their copies (whose ids, in order, are ``ids``)."""
        shown = set(ids)
        stories = {head: story for head, story in self.stories.items() if head in shown}
        return StoryFolding(ids, stories, left_out=len(self.ids) - len(ids))


def fold_stories(ids: Sequence[str], sources: Sequence[str], groups: Mapping[str, DuplicateGroup]) -> StoryFolding:
    """Fold result rows (their article ids and sources, in order) by the near-duplicate group of
    each article (``CompareService.duplicates_by_article``)."""
    heads: dict[tuple[str, ...], str] = {}
    copies: dict[str, list[tuple[str, str]]] = {}
    for article_id, source in zip(ids, sources, strict=True):
        group = groups.get(article_id)
        if group is None:
            continue
        head = heads.setdefault(group.ids, article_id)
        if head != article_id:
            copies.setdefault(head, []).append((article_id, source))
    stories = {head: Story(head, tuple(i for i, _ in found), tuple(s for _, s in found), groups[head])
               for head, found in copies.items()}
    return StoryFolding(tuple(ids), stories)
