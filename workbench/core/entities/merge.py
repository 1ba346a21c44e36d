"""Grouping entity mentions into entities: one person, however news copy spells them.

None of this is curation (the view applies the user's curation on top). Steps:

1. In one article (at indexing time, ``link_in_article``): a person named by part of a name
   mentioned in full in the same article is linked to that full name: a surname (لافروف,
   دي ميستورا after ستافان دي ميستورا), a name's beginning (سلمان بن عبدالعزيز before
   سلمان بن عبدالعزيز آل سعود), and a lone given name, bare or after a rank title (محمد,
   الملك سلمان), when exactly one full name of the article starts with it. A name's end after
   بن, ابن, بنت or آل is a father's or a family's name, not this person's (سلمان بن عبدالعزيز
   is not محمد بن سلمان بن عبدالعزيز, عبدالعزيز not فيصل بن بندر بن عبدالعزيز).
2. Across the corpus (``group_keys``), each key gets the rule that joined it (``Grouping.reasons``):
   - ``variant``: keys whose words are spelling variants of each other (arabic.spelling_variants:
     سيرغي/سيرجي, final ة/ه/ا) form one group, whatever type the tagger gave each mention;
   - ``alias``: names of one entity in the shipped alias list (lexicon: السعودية = المملكة
     العربية السعودية, داعش = تنظيم داعش), when the tagger mostly gives them the same type;
   - ``lineage``: a person's name with the father's name joins the same name without it, when
     the corpus has both (عادل بن أحمد الجبير = عادل الجبير);
   - ``part``: a person named by the end of exactly one longer person name (or of one that
     has most of their articles) joins it, so an article that only says لافروف still counts
     for سيرغي لافروف; so does a name that starts a longer one, unless the longer is rare
     beside it;
   - ``linked``: a lone given name (or rank title and given name) that the articles naming it
     beside a full name link, overwhelmingly and in most of its articles, to one entity joins
     it everywhere (الملك سلمان where the article has no full name). One left alone is a
     fragment (see ``is_fragment``).
3. ``canonical_form`` picks the display name: the usual name of an entity in the alias list,
   else the most complete of the spellings that are common.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from workbench.core.arabic import name_key, spelling_variants
from workbench.core.entities.lexicon import Lexicon

__all__ = ["RULES", "Grouping", "KeyStats", "Surface", "canonical_form", "group_keys", "link_in_article"]

PERSON = "PERSON"
MIN_VARIANT_WORD = 3
"""Words shorter than this are never joined as spelling variants (too many collisions)."""
DOMINANCE = 3
"""A short name joins the longest candidate only if it has DOMINANCE times the articles of the next."""
MIN_LINKED_ARTICLES = 2
"""A lone given name joins a full name across the corpus only if at least this many articles link them."""
LINKED_SHARE = 0.5
"""... and only if those articles are at least this share of all the articles that name it."""
PREFIX_SHARE = 0.25
"""A name joins a longer one it starts only if the longer has this share of its articles."""
COMMON_SHARE = 0.1
"""A spelling is 'common' if it occurs in at least this share of its entity's articles, and in
COMMON_ARTICLES at least (a span with a glued word, أمثال عبد الملك الحوثي, is seen once)."""
COMMON_ARTICLES = 2
GENEALOGY = frozenset(name_key(word) for word in ("بن", "ابن", "بنت", "آل"))
"""Words after which a name's end is a father's or a family's name."""

RULES = ("variant", "alias", "lineage", "part", "linked")
Signature = tuple[str, ...]
"""A key's words, each replaced by its spelling-variant class."""
"""The automatic grouping rules, as ``Grouping.reasons`` names them (module docstring, step 2)."""


def _extends(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """True when ``long`` is a longer name ending with ``short`` (not after بن/آل: a father's or a
    family's name), or, for 2+ words, starting with it."""
    size = len(short)
    if len(long) <= size:
        return False
    if long[-size:] == short:
        return long[-size - 1] not in GENEALOGY
    return size >= 2 and long[:size] == short


def _without_fathers(sig: Signature, words: list[str]) -> Signature | None:
    """The signature left when every بن/ابن/بنت + name pair after the first name is dropped, if that
    leaves a first name and a family name (عادل بن أحمد الجبير -> عادل الجبير), else None."""
    kept: list[str] = []
    i = 0
    while i < len(sig):
        if i and words[i] in GENEALOGY and words[i] != name_key("آل") and i + 1 < len(sig):
            i += 2
            continue
        kept.append(sig[i])
        i += 1
    return tuple(kept) if 2 <= len(kept) < len(sig) else None


def _extensions(names: Sequence[tuple[str, ...]]) -> dict[tuple[str, ...], list[tuple[str, ...]]]:
    """For every shorter name that some of ``names`` extend (see _extends), those names, in input order."""
    found: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for name in names:
        shorter = {name[i:] for i in range(1, len(name)) if name[i - 1] not in GENEALOGY}
        shorter |= {name[:i] for i in range(2, len(name))}
        for part in shorter:
            found.setdefault(part, []).append(name)
    return found


def link_in_article(mentions: Sequence[tuple[str, str, str]], lexicon: Lexicon) -> list[str]:
    """For the (type, key, rank title) mentions of one article, in text order, the key each is linked to.

    A PERSON key that a longer PERSON key of the article extends is linked to it (the one
    mentioned most, then first); chains resolve to the longest (ميستورا -> دي ميستورا ->
    ستافان دي ميستورا). A lone given name, or a rank title and a given name (الملك سلمان), is
    linked to the one full name of the article that starts with that given name, if there is
    exactly one and its rank title (the title before it, if any) is the same. Other mentions
    keep their own key. ``rank title`` is the name key of a rank title before the mention, or "".
    """
    counts = Counter(key for type_, key, _ in mentions if type_ == PERSON)
    order = {key: i for i, (type_, key, _) in reversed(list(enumerate(mentions))) if type_ == PERSON}
    ranks: dict[str, str] = {}
    for type_, key, rank in mentions:
        if type_ == PERSON and rank:
            ranks.setdefault(key, rank)
    words = {key: tuple(key.split()) for key in counts}
    first_names = {key: lexicon.first_name(words[key]) for key in counts}
    link: dict[str, str] = {}
    for key in sorted(counts, key=lambda k: (first_names[k] is not None, -len(words[k]), order[k])):
        candidates = [k for k in link if _extends(words[key], words[k])]
        best = min(candidates, key=lambda k: (-counts[k], order[k]), default=None)
        given = first_names[key]
        if best is None and given is not None:
            rank = words[key][0] if len(words[key]) == 2 else ranks.get(key, "")
            full = {link[k]: k for k in link if first_names[k] is None and len(words[k]) >= 2
                    and words[k][0] == given and (not rank or ranks.get(k, rank) == rank)}
            best = next(iter(full.values())) if len(full) == 1 else None
        link[key] = link[best] if best is not None else key
    return [link[key] if type_ == PERSON else key for type_, key, _ in mentions]


@dataclass(frozen=True)
class KeyStats:
    """One key of the catalog (a ``link`` key): its mention count per type, its article count, and,
    for a key that articles also linked to a longer name, those names with their article counts."""

    key: str
    types: Mapping[str, int]
    articles: int
    linked: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Grouping:
    """The entities: groups of keys, and for every key that another joined, why (rule, that key)."""

    groups: list[list[str]]
    reasons: dict[str, tuple[str, str]]


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


class _Grouper:
    """One run of ``group_keys``: keys by signature (their words' variant classes), joined by rules."""

    def __init__(self, stats: Sequence[KeyStats], lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        classes = _variant_classes([s.key for s in stats])
        self.members: dict[Signature, list[KeyStats]] = {}
        for item in stats:
            self.members.setdefault(tuple(classes.find(w) for w in item.key.split()), []).append(item)
        self.types = {sig: _majority([s.types for s in items]) for sig, items in self.members.items()}
        self.articles = {sig: sum(s.articles for s in items) for sig, items in self.members.items()}
        self.main = {sig: max(items, key=lambda s: (s.articles, s.key)).key for sig, items in self.members.items()}
        self.signature = {s.key: sig for sig, items in self.members.items() for s in items}
        self.joined = _UnionFind()
        self.reasons: dict[str, tuple[str, str]] = {}
        for sig, items in self.members.items():
            for item in items:
                if item.key != self.main[sig]:
                    self.reasons[item.key] = ("variant", self.main[sig])

    def _join(self, sig: Signature, into: Signature, rule: str, why: str) -> None:
        self.joined.union("\t".join(sig), "\t".join(into))
        for item in self.members[sig]:
            self.reasons.setdefault(item.key, (rule, why))

    def _root(self, sig: Signature) -> str:
        return self.joined.find("\t".join(sig))

    def aliases(self) -> None:
        """Signatures whose keys are names of one entity in the alias list, of the same type."""
        first: dict[tuple[int, str], Signature] = {}
        for sig in sorted(self.members, key=lambda s: (-self.articles[s], s)):
            for item in self.members[sig]:
                number = self.lexicon.aliases.get(item.key)
                if number is None:
                    continue
                slot = (number, self.types[sig])
                if slot not in first:
                    first[slot] = sig
                elif self._root(first[slot]) != self._root(sig):
                    self._join(sig, first[slot], "alias", self.lexicon.alias_names[number])
                break

    def lineages(self) -> None:
        """A full name with the father's name joins the same name without it, when the corpus has
        both (عادل بن أحمد الجبير = عادل الجبير, عزام بن محمد الدخيل = عزام الدخيل)."""
        persons = {sig for sig in self.members if self.types[sig] == PERSON}
        for sig in sorted(persons, key=lambda s: (-len(s), s)):
            shorter = _without_fathers(sig, self.members[sig][0].key.split())
            if shorter is not None and shorter in persons and self._root(shorter) != self._root(sig):
                self._join(sig, shorter, "lineage", self.main[shorter])

    def parts(self) -> None:
        """A person named by the end of one longer person name (or of one that dominates) joins it.
        Lone given names are left to ``linked_names``: as a name's end they are often a surname."""
        persons = sorted((sig for sig in self.members if self.types[sig] == PERSON
                          and self.lexicon.first_name(tuple(self.main[sig].split())) is None),
                         key=lambda s: (-len(s), s))
        extended_by = _extensions(persons)
        target: dict[Signature, Signature] = {}
        for sig in persons:  # longest first, so every longer name's target is final when it is read
            roots: Counter[Signature] = Counter()
            for longer in extended_by.get(sig, ()):
                if longer[:len(sig)] == sig and self.articles[longer] < PREFIX_SHARE * self.articles[sig]:
                    continue  # محمد عمر is not the rare محمد عمر باعيشرة
                roots[target.get(longer, longer)] += self.articles[longer]
            ranked = roots.most_common(2)
            if ranked and (len(ranked) == 1 or ranked[0][1] >= DOMINANCE * ranked[1][1]):
                target[sig] = ranked[0][0]
        for sig, into in target.items():
            self._join(sig, into, "part", self.main[into])

    def linked_names(self) -> None:
        """A lone given name joins the entity the articles link it to, when one dominates."""
        for sig, items in self.members.items():
            if self.types[sig] != PERSON or not any(self.lexicon.first_name(tuple(s.key.split())) for s in items):
                continue
            roots: Counter[str] = Counter()
            names: dict[str, str] = {}
            for item in items:
                for link, articles in item.linked.items():
                    into = self.signature.get(link)
                    if into is not None and self.types[into] == PERSON:
                        roots[self._root(into)] += articles
                        names.setdefault(self._root(into), self.main[into])
            ranked = roots.most_common(2)
            if not ranked or ranked[0][1] < MIN_LINKED_ARTICLES or self._root(sig) == ranked[0][0]:
                continue
            if ranked[0][1] < LINKED_SHARE * (self.articles[sig] + sum(roots.values())):
                continue  # most of its articles name no one in full: حسن, the noun and many people
            if len(ranked) == 1 or ranked[0][1] >= DOMINANCE * ranked[1][1]:
                into = self.signature[names[ranked[0][0]]]
                self._join(sig, into, "linked", self.main[into])

    def groups(self) -> list[list[str]]:
        groups: dict[str, list[str]] = {}
        for sig, items in self.members.items():
            groups.setdefault(self._root(sig), []).extend(s.key for s in items)
        return sorted((sorted(keys) for keys in groups.values()), key=lambda keys: keys[0])


def group_keys(stats: Sequence[KeyStats], lexicon: Lexicon) -> Grouping:
    """Partition the keys into entities (step 2 of the module docstring), deterministically."""
    grouper = _Grouper(stats, lexicon)
    grouper.aliases()
    grouper.lineages()
    grouper.parts()
    grouper.linked_names()
    return Grouping(grouper.groups(), grouper.reasons)


def is_fragment(key: str, type_: str, lexicon: Lexicon) -> bool:
    """True for a person entity named only by a lone given name (محمد, عبدالعزيز): it could be
    many people, so it is left out of the ranked lists (its articles are still searchable)."""
    return type_ == PERSON and lexicon.is_given_name(key)


@dataclass(frozen=True)
class Surface:
    """One original spelling of an entity with its key, mention and article counts."""

    text: str
    key: str
    mentions: int
    articles: int


def canonical_form(surfaces: Sequence[Surface], entity_articles: int, usual: Collection[str] = ()) -> str:
    """The display name: among spellings seen in at least COMMON_SHARE of the entity's articles,
    the usual name of an entity in the alias list (keys ``usual``: السعودية rather than المملكة
    العربية السعودية), else the one with the most words, then the most articles, then the most
    mentions."""
    threshold = max(COMMON_SHARE * entity_articles, min(COMMON_ARTICLES, entity_articles))
    common = [s for s in surfaces if s.articles >= threshold] or list(surfaces)
    return min(common, key=lambda s: (s.key not in usual, -len(s.key.split()), -s.articles, -s.mentions, s.text)).text
