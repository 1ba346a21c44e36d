"""Finding an entity by what the user types, among tens of thousands: the merge target box.

Typed text and every name and alias are compared as ``arabic.name_key`` forms, the way the
catalog keys names: hamza and alef forms, taa marbuta, alef maqsura, diacritics and digits do
not matter, and عبد joins the next word (عبد العزيز finds عبدالعزيز). Each typed word of four
letters or more also matches its spelling variants (arabic.spelling_variants: سيرجي finds
سيرغي, سورية finds سوريا). Best first: the name starts with the text, then a word of the
name does, then an alias matches, then the text is anywhere in the name; more articles first.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import product
from typing import Generic, Protocol, TypeVar

from workbench.core.arabic import name_key, spelling_variants

__all__ = ["EntityCompleter"]


class Named(Protocol):
    """What the completer needs of an entity."""

    @property
    def name(self) -> str: ...

    @property
    def aliases(self) -> tuple[str, ...]: ...

    @property
    def articles(self) -> int: ...


MAX_NEEDLES = 16
"""Variant spellings of the typed text tried at most (each word's variants multiply)."""

EntityT = TypeVar("EntityT", bound=Named)


class EntityCompleter(Generic[EntityT]):
    """The entities given, with their names keyed once; ``complete`` is fast enough per keystroke."""

    def __init__(self, entities: Sequence[EntityT]) -> None:
        self.entities = list(entities)
        self._names = [name_key(entity.name) for entity in self.entities]
        self._aliases = ["\n".join(name_key(alias) for alias in entity.aliases) for entity in self.entities]

    def complete(self, text: str, limit: int = 50) -> list[EntityT]:
        """Up to ``limit`` entities matching ``text``, best first (see the module docstring)."""
        needles = _needles(text)
        if not needles:
            return []
        ranked: list[tuple[int, int, int]] = []
        for i, (name, aliases) in enumerate(zip(self._names, self._aliases, strict=True)):
            rank = min((_rank(needle, name, aliases) for needle in needles), default=4)
            if rank < 4:
                ranked.append((rank, -self.entities[i].articles, i))
        ranked.sort()
        return [self.entities[i] for _, _, i in ranked[:limit]]


def _rank(needle: str, name: str, aliases: str) -> int:
    if name.startswith(needle):
        return 0
    if f" {needle}" in name:
        return 1
    if needle in aliases:
        return 2
    return 3 if needle in name else 4


def _needles(text: str) -> list[str]:
    """The typed text as a name key, and with its words' spelling variants."""
    key = name_key(text)
    if not key:
        return []
    choices = [[word, *sorted(spelling_variants(word))] for word in key.split(" ")]
    needles = [" ".join(combination) for combination in product(*choices)]
    return needles[:MAX_NEEDLES]
