"""The entities of a corpus as the user sees them: catalog + automatic grouping + curation.

Built in two layers, each cached by the entity service until its source changes:

- ``AutoGroups`` (per catalog generation): the catalog loaded into arrays, and its link keys
  grouped into entities by merge.py. Each group's id is ``TYPE:key`` of its display name.
- ``EntityView`` (per catalog and store generation): the user's curation applied on top.

Curation records name entities by the ids the user saw. Ids are resolved by MEMBERSHIP, not by
equality, so they survive re-indexing even when a group's display name (and so its primary id)
changes: ``TYPE:key`` finds the group that holds ``key``, whatever ``TYPE``; ``user:<n>`` is a
user entity. A record whose id no longer resolves (its articles were deleted) is ignored.

Order of application: key assignments (splits, user aliases) move mentions by their own key;
merges join entities (the target keeps its id, name and type); then renames, types and hiding, in
the order they were made. Counts are numpy over (article, form) pairs, so restricting them to
a result set of 30,000 articles is a vectorised mask, not SQL per entity.
"""

from __future__ import annotations

import pickle
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass

import numpy as np

from workbench.core.arabic import name_key
from workbench.core.entities.catalog import EntityCatalog
from workbench.core.entities.extraction import entity_term
from workbench.core.entities.lexicon import default_lexicon
from workbench.core.entities.merge import KeyStats, Surface, canonical_form, group_keys, is_fragment
from workbench.core.userdata.store import Curation

__all__ = ["AutoGroups", "Counts", "EntityView", "ViewEntity"]


def _key_of(entity_id: str) -> str | None:
    """The key inside a ``TYPE:key`` id, or None for other ids."""
    type_, sep, key = entity_id.partition(":")
    return key if sep and type_.isupper() else None


class AutoGroups:
    """The catalog as arrays, and its automatic grouping (no curation)."""

    CACHE_NAME = "auto-groups"
    CACHE_VERSION = 3
    """Bump when the attributes or the grouping rules change: older saved groupings are ignored."""

    @classmethod
    def for_catalog(cls, catalog: EntityCatalog, generation: int) -> AutoGroups:
        """The grouping of the catalog at ``generation``: the saved one, else computed and saved.

        Grouping 50,000 entities takes several seconds; saving it in the catalog makes
        re-opening an unchanged corpus fast. A saved grouping that cannot be read is recomputed.
        """
        data = catalog.derived(cls.CACHE_NAME, generation)
        if data is not None:
            try:
                return cls._from_bytes(data)
            except (pickle.UnpicklingError, EOFError, ValueError, TypeError, KeyError, AttributeError):
                pass
        groups = cls(catalog)
        catalog.save_derived(cls.CACHE_NAME, generation, groups._to_bytes())
        return groups

    def _to_bytes(self) -> bytes:
        state = dict(self.__dict__)
        members = state.pop("group_members")
        state["members_flat"] = np.concatenate(members) if members else np.zeros(0, dtype=np.int64)
        state["members_sizes"] = np.array([len(m) for m in members], dtype=np.int64)
        return pickle.dumps((self.CACHE_VERSION, state), protocol=pickle.HIGHEST_PROTOCOL)

    @classmethod
    def _from_bytes(cls, data: bytes) -> AutoGroups:
        version, state = pickle.loads(data)
        if version != cls.CACHE_VERSION:
            raise ValueError(f"saved grouping version {version}")
        flat, sizes = state.pop("members_flat"), state.pop("members_sizes")
        state["group_members"] = np.split(flat, np.cumsum(sizes)[:-1]) if len(sizes) else []
        groups = cls.__new__(cls)
        groups.__dict__.update(state)
        return groups

    def __init__(self, catalog: EntityCatalog) -> None:
        forms = catalog.forms()
        size = max((f[0] for f in forms), default=0) + 1
        self.form_type = [""] * size
        self.form_text = [""] * size
        self.form_key = [""] * size
        self.form_link = [""] * size
        for number, type_, text, key, link in forms:
            self.form_type[number], self.form_text[number] = type_, text
            self.form_key[number], self.form_link[number] = key, link
        articles = catalog.article_ids()
        self.article_ids = np.empty(max(articles, default=0) + 1, dtype=object)
        for number, article_id in articles.items():
            self.article_ids[number] = article_id
        self.article_numbers = {article_id: number for number, article_id in articles.items()}
        self.ranked_ids = np.array(sorted(articles.values()) or [""], dtype=object)
        """Article ids in sorted order; ``article_rank`` maps an article number to its place here."""
        self.article_rank = np.zeros(len(self.article_ids), dtype=np.int64)
        for rank, article_id in enumerate(self.ranked_ids.tolist()):
            if article_id:
                self.article_rank[self.article_numbers[article_id]] = rank
        pairs = np.array(catalog.form_counts(), dtype=np.int64).reshape(-1, 3)
        self.pair_article, self.pair_form, self.pair_count = pairs[:, 0], pairs[:, 1], pairs[:, 2]
        self.form_mentions = np.bincount(self.pair_form, weights=self.pair_count, minlength=size).astype(np.int64)
        self.form_articles = np.bincount(self.pair_form, minlength=size)
        self._group()

    def _group(self) -> None:
        used = np.flatnonzero(self.form_articles)
        types: dict[str, Counter[str]] = {}
        for form in used:
            types.setdefault(self.form_link[form], Counter())[self.form_type[form]] += int(self.form_mentions[form])
        link_numbers = {link: i for i, link in enumerate(types)}
        form_link_number = np.full(len(self.form_link), -1, dtype=np.int64)
        for form in used:
            form_link_number[form] = link_numbers[self.form_link[form]]
        link_articles = _distinct_counts(self.pair_article, form_link_number[self.pair_form], len(link_numbers))
        linked_to = self._linked_elsewhere(used)
        stats = [KeyStats(link, counts, int(link_articles[i]), linked_to.get(link, {})) for link, counts in types.items()
                 for i in (link_numbers[link],)]
        lexicon = default_lexicon()
        grouping = group_keys(stats, lexicon)
        groups = grouping.groups
        self.reasons = grouping.reasons
        """Why each key that joined another one's entity did (rule, that key), see merge.RULES."""
        link_group = np.empty(len(link_numbers), dtype=np.int64)
        for g, links in enumerate(groups):
            link_group[[link_numbers[link] for link in links]] = g
        self.form_group = np.full(len(self.form_link), -1, dtype=np.int64)
        linked = form_link_number >= 0
        self.form_group[linked] = link_group[form_link_number[linked]]
        self.key_group: dict[str, int] = {}
        for g, links in enumerate(groups):
            self.key_group.update(dict.fromkeys(links, g))
        for form in used:
            self.key_group.setdefault(self.form_key[form], int(self.form_group[form]))
        group_articles = _distinct_counts(self.pair_article, self.form_group[self.pair_form], len(groups))
        self.group_members = _members(self.form_group, len(groups))
        self.group_names = [self.best_form(self.group_members[g], int(group_articles[g])) for g in range(len(groups))]
        self.group_types = [self.majority_type(members) for members in self.group_members]
        self.group_ids = [entity_term(type_, self.form_key[form]) for type_, form in
                          zip(self.group_types, self.group_names, strict=True)]
        self.group_spellings = [tuple(sorted({self.form_text[f] for f in members.tolist()}))
                                for members in self.group_members]
        self.id_group = {entity_id: g for g, entity_id in enumerate(self.group_ids)}
        self.group_fragments = [is_fragment(self.form_key[form], type_, lexicon)
                                for type_, form in zip(self.group_types, self.group_names, strict=True)]

    def _linked_elsewhere(self, used: np.ndarray) -> dict[str, dict[str, int]]:
        """Per key that some articles linked to a longer name: those names, with their article counts."""
        pair_numbers: dict[tuple[str, str], int] = {}
        form_pair = np.full(len(self.form_key), -1, dtype=np.int64)
        for form in used:
            if self.form_key[form] != self.form_link[form]:
                form_pair[form] = pair_numbers.setdefault((self.form_key[form], self.form_link[form]), len(pair_numbers))
        if not pair_numbers:
            return {}
        articles = _distinct_counts(self.pair_article, form_pair[self.pair_form], len(pair_numbers))
        linked: dict[str, dict[str, int]] = {}
        for (key, link), number in pair_numbers.items():
            linked.setdefault(key, {})[link] = int(articles[number])
        return linked

    def majority_type(self, forms: np.ndarray) -> str:
        """The type most of the mentions of ``forms`` were tagged with."""
        kinds: Counter[str] = Counter()
        for form in forms:
            kinds[self.form_type[form]] += int(self.form_mentions[form])
        return kinds.most_common(1)[0][0]

    def best_form(self, forms: np.ndarray, articles: int) -> int:
        """The form whose text is the display name of an entity made of ``forms`` (in ``articles``)."""
        surfaces = self.surfaces(forms)
        lexicon = default_lexicon()
        usual = {name_key(lexicon.alias_names[number]) for s in surfaces.values()
                 if (number := lexicon.aliases.get(s.key)) is not None}
        name = canonical_form(list(surfaces.values()), articles, usual)
        return next(int(f) for f in forms if self.form_text[f] == name)

    def surfaces(self, forms: np.ndarray) -> dict[str, Surface]:
        """Original spellings among ``forms`` with their (approximate: summed) counts."""
        found: dict[str, Surface] = {}
        for form in forms:
            text = self.form_text[form]
            old = found.get(text)
            found[text] = Surface(text, self.form_key[form],
                                  int(self.form_mentions[form]) + (old.mentions if old else 0),
                                  int(self.form_articles[form]) + (old.articles if old else 0))
        return found

    def resolve_group(self, entity_id: str) -> int | None:
        """The group an automatic id names (by primary id, else by the key it holds)."""
        group = self.id_group.get(entity_id)
        if group is None:
            key = _key_of(entity_id)
            # name_key again: ids saved before a change of the key rules (عبد الله -> عبدالله) still resolve.
            group = self.key_group.get(key, self.key_group.get(name_key(key))) if key is not None else None
        return group


def _members(labels: np.ndarray, size: int) -> list[np.ndarray]:
    """For each label 0..size-1, the indexes of ``labels`` that carry it (negatives ignored)."""
    order = np.argsort(labels, kind="stable")
    order = order[labels[order] >= 0]
    bounds = np.searchsorted(labels[order], np.arange(size + 1))
    return [order[bounds[i]:bounds[i + 1]] for i in range(size)]


def _distinct_counts(articles: np.ndarray, owners: np.ndarray, size: int) -> np.ndarray:
    """Per owner (0..size-1), the number of distinct articles among the (article, owner) pairs."""
    keep = owners >= 0
    if not keep.any():
        return np.zeros(size, dtype=np.int64)
    pairs = np.unique(articles[keep] * size + owners[keep])
    return np.bincount(pairs % size, minlength=size)


@dataclass(frozen=True)
class ViewEntity:
    """One entity of the view, without counts: id, name, type, hidden, its forms and spellings.

    ``fragment``: the automatic grouping left it a lone given name (merge.is_fragment) and the
    user has not touched it; the ranked lists leave it out, like a hidden one.
    """

    id: str
    name: str
    type: str
    hidden: bool
    forms: np.ndarray
    spellings: tuple[str, ...]
    fragment: bool = False


@dataclass(frozen=True)
class Counts:
    """Mentions, articles and article ids per entity index, for a set of articles (or all)."""

    mentions: np.ndarray
    articles: np.ndarray
    docs: dict[int, tuple[str, ...]]


class EntityView:
    """Entities with curation applied; ``resolve`` turns any id the user saw into an index."""

    def __init__(self, auto: AutoGroups, curation: Curation) -> None:
        self.auto = auto
        self.curation = curation
        groups = len(auto.group_ids)
        users = sorted(curation.user_entities, key=lambda u: int(u.partition(":")[2]))
        self._node_ids = [*auto.group_ids, *users]
        self._user_node = {u: groups + i for i, u in enumerate(users)}
        node_of_form = auto.form_group.copy()
        assignments = {name_key(key): entity_id for key, entity_id in curation.keys.items()}
        for form in np.flatnonzero(auto.form_articles):
            assigned = assignments.get(auto.form_key[form])
            node = self._node(assigned) if assigned is not None else None
            if node is not None:
                node_of_form[form] = node
        parent = list(range(len(self._node_ids)))
        for source, target in curation.merges:
            s, t = self._node(source), self._node(target)
            if s is not None and t is not None:
                s, t = _root(parent, s), _root(parent, t)
                if s != t:
                    parent[s] = t
        roots = np.array([_root(parent, n) for n in range(len(parent))], dtype=np.int64)
        self._root = roots
        form_root = np.full(len(node_of_form), -1, dtype=np.int64)
        placed = node_of_form >= 0
        form_root[placed] = roots[node_of_form[placed]]
        keep = sorted({int(r) for r in form_root[form_root >= 0]} | {int(roots[n]) for n in self._user_node.values()})
        self._index = {root: i for i, root in enumerate(keep)}
        self._roots = keep
        self._node_of_form = node_of_form
        self._key_texts: dict[str, str] | None = None
        self.form_entity = np.array([self._index[r] if r >= 0 else -1 for r in form_root.tolist()], dtype=np.int64)
        edits = self._edits()
        members = _members(form_root, len(self._node_ids))
        articles = _distinct_counts(auto.pair_article, form_root[auto.pair_form], len(self._node_ids))
        # Groups no merge or key assignment touched are the automatic ones as they are (most of them).
        moved = np.flatnonzero(node_of_form != auto.form_group)
        touched = ({int(r) for r in roots[np.flatnonzero(roots != np.arange(len(roots)))]}
                   | {int(roots[n]) for n in node_of_form[moved].tolist() if n >= 0}
                   | {int(roots[n]) for n in auto.form_group[moved].tolist() if n >= 0}
                   | {int(roots[n]) for n in self._user_node.values()})
        self.entities = [self._entity(root, members[root], node_of_form, int(articles[root]), edits.get(root, {}))
                         if root in touched else self._automatic(root, edits.get(root, {}))
                         for root in keep]
        self.hidden = np.array([e.hidden for e in self.entities], dtype=bool)
        self.listed = np.array([not (e.hidden or e.fragment) for e in self.entities], dtype=bool)
        """Per entity, whether the ranked lists show it (neither hidden nor a fragment)."""
        self.pair_entity = self.form_entity[auto.pair_form] if len(auto.pair_form) else np.zeros(0, dtype=np.int64)
        self._all_counts: Counts | None = None

    def _node(self, entity_id: str) -> int | None:
        node = self._user_node.get(entity_id)
        return node if node is not None else self.auto.resolve_group(entity_id)

    def resolve(self, entity_id: str) -> int | None:
        """The index in ``entities`` of the entity this id names now, or None."""
        node = self._node(entity_id)
        return self._index.get(int(self._root[node])) if node is not None else None

    def _edits(self) -> dict[int, dict[str, object]]:
        """Per root node, the latest name/type/hidden the user set (records applied in order)."""
        edits: dict[int, dict[str, object]] = {}
        for edit in self.curation.edits:
            node = self._node(edit.entity_id)
            if node is None:
                continue
            values = edits.setdefault(int(self._root[node]), {})
            values.update({k: v for k, v in (("name", edit.name), ("type", edit.type)) if v is not None})
            values["hidden"] = edit.hidden
        return edits

    def _automatic(self, group: int, edit: dict[str, object]) -> ViewEntity:
        """An automatic group that curation did not reshape (it may be renamed, retyped or hidden)."""
        auto = self.auto
        return ViewEntity(auto.group_ids[group], str(edit.get("name", auto.form_text[auto.group_names[group]])),
                          str(edit.get("type", auto.group_types[group])), bool(edit.get("hidden", False)),
                          auto.group_members[group], auto.group_spellings[group],
                          fragment=auto.group_fragments[group] and not edit)

    def _entity(self, root: int, forms: np.ndarray, node_of_form: np.ndarray, articles: int,
                edit: dict[str, object]) -> ViewEntity:
        auto = self.auto
        own = forms[node_of_form[forms] == root]
        user = self.curation.user_entities.get(self._node_ids[root])
        unchanged = root < len(auto.group_members) and np.array_equal(own, auto.group_members[root])
        basis = own if len(own) else forms
        if "name" in edit:
            name = str(edit["name"])
        elif user is not None:
            name = user[0]
        else:
            name = auto.form_text[auto.group_names[root] if unchanged else auto.best_form(basis, articles)]
        if "type" in edit:
            type_ = str(edit["type"])
        elif user is not None:
            type_ = user[1]
        else:
            type_ = auto.group_types[root] if unchanged else auto.majority_type(basis)
        spellings = tuple(sorted({auto.form_text[f] for f in forms}))
        return ViewEntity(self._node_ids[root], name, type_, bool(edit.get("hidden", False)), forms, spellings)

    def explain(self, index: int) -> list[tuple[str, str, int, int, str, str]]:
        """(text, key, articles, mentions, rule, via) of each spelling of entity ``index``, the
        display name first, then by articles: see ``service.Spelling``."""
        auto, entity = self.auto, self.entities[index]
        own_key = name_key(entity.name)
        why: dict[str, tuple[str, str, str]] = {}
        articles: Counter[str] = Counter()
        mentions: Counter[str] = Counter()
        for form in entity.forms.tolist():
            text, key, link = auto.form_text[form], auto.form_key[form], auto.form_link[form]
            group = int(auto.form_group[form])
            if int(self._node_of_form[form]) != group:
                rule, via = "assigned", ""
            elif int(self._root[group]) != group:
                rule, via = "merged", auto.form_text[auto.group_names[group]]
            elif key != link:
                rule, via = "article", self._key_text(link)
            elif link in auto.reasons:
                rule, other = auto.reasons[link]
                via = other if rule == "alias" else self._key_text(other)
            else:
                rule, via = ("spelling", entity.name) if text != entity.name and key == own_key else ("", "")
            why.setdefault(text, (key, rule, via))
            articles[text] += int(auto.form_articles[form])
            mentions[text] += int(auto.form_mentions[form])
        found = [(text, key, articles[text], mentions[text], rule, via) for text, (key, rule, via) in why.items()]
        return sorted(found, key=lambda row: (row[0] != entity.name, -row[2], row[0]))

    def _key_text(self, key: str) -> str:
        """The most mentioned original spelling of a key (how to show a key to the user)."""
        if self._key_texts is None:
            auto, best = self.auto, dict[str, int]()
            for form in np.flatnonzero(auto.form_articles).tolist():
                current = best.get(auto.form_key[form])
                if current is None or auto.form_mentions[form] > auto.form_mentions[current]:
                    best[auto.form_key[form]] = form
            self._key_texts = {key: auto.form_text[form] for key, form in best.items()}
        return self._key_texts.get(key, key)

    def counts(self, article_ids: Collection[str] | None) -> Counts:
        """Mentions, distinct articles and article ids of every entity, within ``article_ids`` if given."""
        if article_ids is None and self._all_counts is not None:
            return self._all_counts
        auto, size = self.auto, len(self.entities)
        entity, articles, weights = self.pair_entity, auto.pair_article, auto.pair_count
        if article_ids is not None:
            wanted = np.fromiter((auto.article_numbers.get(a, -1) for a in article_ids), dtype=np.int64)
            mask = np.isin(articles, wanted[wanted >= 0])
            entity, articles, weights = entity[mask], articles[mask], weights[mask]
        keep = entity >= 0
        entity, articles, weights = entity[keep], articles[keep], weights[keep]
        mentions = np.bincount(entity, weights=weights, minlength=size).astype(np.int64)
        # Distinct (entity, article) pairs, ordered by entity then article id: one sort, no per-entity sort.
        pairs = np.unique(entity * len(auto.article_rank) + auto.article_rank[articles])
        pair_entity = pairs // len(auto.article_rank)
        pair_ids = auto.ranked_ids[pairs % len(auto.article_rank)].tolist()
        starts = np.flatnonzero(np.r_[True, np.diff(pair_entity) != 0]).tolist() if len(pairs) else []
        entity_list = pair_entity.tolist()
        ends = [*starts[1:], len(pair_ids)] if starts else []
        docs = {entity_list[a]: tuple(pair_ids[a:b]) for a, b in zip(starts, ends, strict=True)}
        result = Counts(mentions, np.bincount(pair_entity, minlength=size), docs)
        if article_ids is None:
            self._all_counts = result
        return result

    def terms(self, index: int) -> list[str]:
        """The ``entities`` field terms (``TYPE:key``) of the mentions of entity ``index``."""
        auto = self.auto
        return sorted({entity_term(auto.form_type[f], auto.form_key[f]) for f in self.entities[index].forms})


def _root(parent: list[int], node: int) -> int:
    while parent[node] != node:
        node = parent[node]
    return node
