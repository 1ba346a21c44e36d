"""Load the entity gazetteers and trigger-word lists from resources/gazetteers/.

Files are written by ``tools/build_gazetteers.py`` in display spelling, one entry per line
(``#`` starts a comment). Each entry is keyed here by the matching form of its words
(``arabic.match_key``), so ``بألمانيا`` in a text meets
``ألمانيا`` in the list without any letter rule living in this module.

A file's stem names its category: ``location``, ``organization`` and ``person_first`` are
name lists (matched as longest word sequences), ``trigger_*`` are single head words
(titles, organisation and location heads).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from workbench.core import arabic

NAME_LISTS = ("location", "organization", "person_first")
TRIGGER_LISTS = ("trigger_person", "trigger_org", "trigger_loc")


def _read_entries(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@dataclass(frozen=True)
class Gazetteer:
    """Name lists (multi-word, longest match) and trigger words, keyed by matching form."""

    names: dict[tuple[str, ...], frozenset[str]]
    """Word-key tuple -> the categories of the lists it is in."""
    triggers: dict[str, frozenset[str]]
    """Single word key -> the trigger lists it is in."""
    entry_lengths: dict[str, tuple[int, ...]]
    """Per key that starts some entry, the word counts of those entries, longest first: lets
    ``match`` skip most positions at once and try only lengths that exist."""

    @classmethod
    def load(cls, folder: Path) -> Gazetteer:
        """Read every known list present in ``folder``."""
        names: dict[tuple[str, ...], set[str]] = {}
        triggers: dict[str, set[str]] = {}
        for category in NAME_LISTS:
            path = folder / f"{category}.txt"
            if path.is_file():
                for entry in _read_entries(path):
                    key = tuple(arabic.match_key(w) for w in entry.split())
                    if all(key):
                        names.setdefault(key, set()).add(category)
        for category in TRIGGER_LISTS:
            path = folder / f"{category}.txt"
            if path.is_file():
                for entry in _read_entries(path):
                    for word in entry.split():
                        word_key = arabic.match_key(word)
                        if word_key:
                            triggers.setdefault(word_key, set()).add(category)
        return cls(
            names={k: frozenset(v) for k, v in names.items()},
            triggers={k: frozenset(v) for k, v in triggers.items()},
            entry_lengths=_entry_lengths(names),
        )

    def contains(self, keys: Sequence[str], category: str) -> bool:
        """True when the word-key sequence is an entry of the given name list."""
        return category in self.names.get(tuple(keys), ())

    def match(self, keys: Sequence[str]) -> dict[int, list[str]]:
        """The name-list hits of the word-key sequence: position -> ``category:B`` / ``category:I``.

        Longest match first, left to right; a shorter entry inside a longer hit is not
        reported again. Positions without a hit are absent (most are). ``keys`` are matching
        forms (see ``arabic.match_key``).
        """
        hits: dict[int, list[str]] = {}
        n, covered = len(keys), 0
        entry_lengths = self.entry_lengths
        for i in [i for i, key in enumerate(keys) if key in entry_lengths]:
            if i < covered:
                continue
            for length in entry_lengths[keys[i]]:
                categories = self.names.get(tuple(keys[i : i + length])) if i + length <= n else None
                if categories:
                    for category in categories:
                        hits.setdefault(i, []).append(f"{category}:B")
                        for j in range(i + 1, i + length):
                            hits.setdefault(j, []).append(f"{category}:I")
                    covered = i + length
                    break
        return hits


def _entry_lengths(names: Collection[tuple[str, ...]]) -> dict[str, tuple[int, ...]]:
    lengths: dict[str, set[int]] = {}
    for entry in names:
        lengths.setdefault(entry[0], set()).add(len(entry))
    return {first: tuple(sorted(found, reverse=True)) for first, found in lengths.items()}
