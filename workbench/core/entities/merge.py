"""Grouping entity mentions into entities: one person, however news copy spells them.

Three steps, none of them curation (the service applies the user's curation on top):

1. In one article (at indexing time, ``link_in_article``): a person named by part of a name
   mentioned in full in the same article (لافروف, دي ميستورا after ستافان دي ميستورا) is
   linked to that full name.
2. Across the corpus (``group_keys``): keys whose words are spelling variants of each other
   (arabic.spelling_variants: سيرغي/سيرجي, final ة/ه/ا, ...) form one group, whatever type
   the tagger gave each mention; the group's type is its majority type.
3. Across the corpus: a person group whose name is the end of exactly one longer person name
   (or of one that has most of their articles) joins it, so an article that only says
   لافروف still counts for سيرغي لافروف.

``canonical_form`` picks the display name: the most complete of the spellings that are common.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from workbench.core.arabic import spelling_variants

__all__ = ["KeyStats", "Surface", "canonical_form", "group_keys", "link_in_article"]

PERSON = "PERSON"
MIN_VARIANT_WORD = 3
"""Words shorter than this are never joined as spelling variants (too many collisions)."""
DOMINANCE = 3
"""A short name joins the longest candidate only if it has DOMINANCE times the articles of the next."""
COMMON_SHARE = 0.1
"""A spelling is 'common' if it occurs in at least this share of its entity's articles."""


def _extends(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """True when ``long`` is a longer name ending with ``short`` (or, for 2+ words, starting with it)."""
    if len(long) <= len(short):
        return False
    return long[-len(short):] == short or (len(short) >= 2 and long[:len(short)] == short)


def _extensions(names: Sequence[tuple[str, ...]]) -> dict[tuple[str, ...], list[tuple[str, ...]]]:
    """For every shorter name that some of ``names`` extend (see _extends), those names, in input order."""
    found: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for name in names:
        shorter = {name[i:] for i in range(1, len(name))} | {name[:i] for i in range(2, len(name))}
        for part in shorter:
            found.setdefault(part, []).append(name)
    return found


def link_in_article(mentions: Sequence[tuple[str, str]]) -> list[str]:
    """For the (type, key) mentions of one article, in text order, the key each is linked to.

    A PERSON key that a longer PERSON key of the article extends is linked to it (the one
    mentioned most, then first); chains resolve to the longest (ميستورا -> دي ميستورا ->
    ستافان دي ميستورا). Other mentions keep their own key.
    """
    counts = Counter(key for type_, key in mentions if type_ == PERSON)
    order = {key: i for i, (type_, key) in reversed(list(enumerate(mentions))) if type_ == PERSON}
    words = {key: tuple(key.split()) for key in counts}
    link: dict[str, str] = {}
    for key in sorted(counts, key=lambda k: (-len(words[k]), order[k])):
        candidates = [k for k in link if _extends(words[key], words[k])]
        best = min(candidates, key=lambda k: (-counts[k], order[k]), default=None)
        link[key] = link[best] if best is not None else key
    return [link[key] if type_ == PERSON else key for type_, key in mentions]


@dataclass(frozen=True)
class KeyStats:
    """One key of the catalog (a ``link`` key): its mention count per type and its article count."""

    key: str
    types: Mapping[str, int]
    articles: int


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        root = self.parent.setdefault(item, item)
        while root != self.parent[root]:
            root = self.parent[root]
        while item != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _variant_classes(keys: Sequence[str]) -> _UnionFind:
    """Words of the keys joined with the spelling variants of theirs that also occur in keys."""
    vocabulary = {word for key in keys for word in key.split()}
    classes = _UnionFind()
    for word in vocabulary:
        if len(word) >= MIN_VARIANT_WORD:
            for variant in spelling_variants(word):
                if variant in vocabulary:
                    classes.union(word, variant)
    return classes


def _majority(counts: Sequence[Mapping[str, int]]) -> str:
    """The type with the most mentions over several keys (first seen wins a tie)."""
    total: Counter[str] = Counter()
    for item in counts:
        total.update(item)
    return total.most_common(1)[0][0]


def group_keys(stats: Sequence[KeyStats]) -> list[list[str]]:
    """Partition the keys into entities (steps 2 and 3 of the module docstring), deterministically."""
    classes = _variant_classes([s.key for s in stats])
    by_signature: dict[tuple[str, ...], list[KeyStats]] = {}
    for item in stats:
        by_signature.setdefault(tuple(classes.find(w) for w in item.key.split()), []).append(item)
    types = {sig: _majority([s.types for s in items]) for sig, items in by_signature.items()}
    articles = {sig: sum(s.articles for s in items) for sig, items in by_signature.items()}
    persons = sorted((sig for sig in by_signature if types[sig] == PERSON), key=lambda sig: (-len(sig), sig))
    extended_by = _extensions(persons)
    target: dict[tuple[str, ...], tuple[str, ...]] = {}
    for sig in persons:  # longest first, so every longer name's target is final when it is read
        roots: Counter[tuple[str, ...]] = Counter()
        for longer in extended_by.get(sig, ()):
            roots[target.get(longer, longer)] += articles[longer]
        ranked = roots.most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] >= DOMINANCE * ranked[1][1]):
            target[sig] = ranked[0][0]
    groups: dict[tuple[str, ...], list[str]] = {}
    for sig, items in by_signature.items():
        groups.setdefault(target.get(sig, sig), []).extend(s.key for s in items)
    return sorted((sorted(keys) for keys in groups.values()), key=lambda keys: keys[0])


@dataclass(frozen=True)
class Surface:
    """One original spelling of an entity with its key, mention and article counts."""

    text: str
    key: str
    mentions: int
    articles: int


def canonical_form(surfaces: Sequence[Surface], entity_articles: int) -> str:
    """The display name: among spellings seen in at least COMMON_SHARE of the entity's articles,
    the one with the most words, then the most articles, then the most mentions."""
    threshold = COMMON_SHARE * entity_articles
    common = [s for s in surfaces if s.articles >= threshold] or list(surfaces)
    return min(common, key=lambda s: (-len(s.key.split()), -s.articles, -s.mentions, s.text)).text
