"""The entity API the CLI and the GUI use: list, filter, explain and curate a corpus's entities.

Reads the entity catalog (derived: filled by the indexing stage, rebuilt with the index) and
the corpus's store (the user's curation, kept across rebuilds), and shows them as one list of
``Entity``. It knows neither the index nor the search: the workspace hands it both files.
The combined view is cached and rebuilt only when the catalog (indexing) or the store (curation,
from this or another process) has changed, so the sidebar can re-count for every new result
set cheaply.

User-added entities (``add``) own the mentions the tagger found whose key equals the key of
their name or of an alias. The texts are not rescanned for names the tagger missed, so a name
the model never tags gets no articles (a known limitation).
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from workbench.core.arabic import name_key
from workbench.core.entities.catalog import EntityCatalog
from workbench.core.entities.view import AutoGroups, Counts, EntityView
from workbench.core.errors import CurationError
from workbench.core.messages import translatable
from workbench.core.userdata.store import Store

__all__ = ["ENTITY_TYPES", "Entity", "EntityMention", "EntityService", "UnknownEntityError", "checked_type", "entity_json"]

ENTITY_TYPES = ("PERSON", "LOCATION", "ORGANIZATION", "MISC")

EntityMention = tuple[int, int, str, str]
"""(start, end, type, entity id) of one mention, offsets into the article's ORIGINAL text."""


@dataclass(frozen=True)
class Entity:
    """One entity as the user sees it, curation applied; counts are for the articles asked about."""

    id: str
    """Stable across re-indexing: ``TYPE:key`` of its display name, or ``user:<n>`` for user-made ones."""
    name: str
    """Display name: the most complete common original spelling, unless renamed."""
    type: str
    aliases: tuple[str, ...]
    """The other original spellings seen, sorted."""
    articles: int
    mentions: int
    docs: tuple[str, ...]
    """Article ids (== paths for single-article files), sorted."""
    hidden: bool = False


class UnknownEntityError(CurationError, KeyError):
    """No entity has this id now (it was merged away, or its articles were removed)."""

    def __init__(self, template: str, **params: Any) -> None:
        super().__init__(template, **params)
        self.entity_id = str(params.get("entity_id", ""))

    def __str__(self) -> str:
        return str(self.text)


class EntityService:
    """Entities of one indexed corpus; safe to share between threads.

    The catalog and the store belong to the caller, which closes them.
    """

    def __init__(self, catalog: EntityCatalog, store: Store) -> None:
        self._catalog = catalog
        self._store = store
        self._lock = threading.RLock()
        self._auto: tuple[int, AutoGroups] | None = None
        self._view: tuple[tuple[int, int], EntityView] | None = None

    # -- reading --------------------------------------------------------------------------

    def _current(self) -> EntityView:
        with self._lock:
            catalog_generation, store_generation = self._catalog.generation(), self._store.generation()
            if self._auto is None or self._auto[0] != catalog_generation:
                self._auto = (catalog_generation, AutoGroups.for_catalog(self._catalog, catalog_generation))
            stamp = (catalog_generation, store_generation)
            if self._view is None or self._view[0] != stamp:
                self._view = (stamp, EntityView(self._auto[1], self._store.curation()))
            return self._view[1]

    def entities(self, article_ids: Collection[str] | None = None, type: str | None = None,
                 include_hidden: bool = False) -> list[Entity]:
        """Entities by article count (desc), then name; counts within ``article_ids`` when given.

        With ``article_ids``, entities with no mention in them are left out; without, every
        entity is listed, including user-made ones that have no mentions yet.
        """
        view = self._current()
        counts = view.counts(article_ids)
        found = []
        for i, entity in enumerate(view.entities):
            if (entity.hidden and not include_hidden) or (type is not None and entity.type != type):
                continue
            if article_ids is not None and not counts.articles[i]:
                continue
            found.append(self._make(view, i, counts))
        found.sort(key=lambda e: (-e.articles, e.name, e.id))
        return found

    def entity(self, entity_id: str) -> Entity:
        """The entity this id names now (hidden ones too); KeyError if none does."""
        view = self._current()
        return self._make(view, self._index(view, entity_id), view.counts(None))

    @staticmethod
    def _make(view: EntityView, i: int, counts: Counts) -> Entity:
        entity = view.entities[i]
        return Entity(
            id=entity.id, name=entity.name, type=entity.type,
            aliases=tuple(s for s in entity.spellings if s != entity.name),
            articles=int(counts.articles[i]), mentions=int(counts.mentions[i]),
            docs=counts.docs.get(i, ()), hidden=entity.hidden,
        )

    @staticmethod
    def _index(view: EntityView, entity_id: str) -> int:
        index = view.resolve(entity_id)
        if index is None:
            raise UnknownEntityError(translatable("There is no entity '{entity_id}' in this corpus (any more): list "
                                                  "the entities again and use an id from the list."),
                                     entity_id=entity_id)
        return index

    def article_ids_with(self, entity_ids: Sequence[str]) -> set[str]:
        """The articles that mention ALL of these entities."""
        view = self._current()
        docs = view.counts(None).docs
        found: set[str] | None = None
        for entity_id in entity_ids:
            articles = set(docs.get(self._index(view, entity_id), ()))
            found = articles if found is None else found & articles
        return found or set()

    def entity_filter_terms(self, entity_ids: Sequence[str]) -> list[list[str]]:
        """Per entity, the ``entities`` field terms of its mentions: a Whoosh filter ANDs the
        entities and ORs each one's terms (``SearchRequest.entities``).

        Exact except where one spelling belongs to two entities (a surname linked to different
        full names in different articles): the filter then also admits the other's articles;
        ``article_ids_with`` is always exact.
        """
        view = self._current()
        return [view.terms(self._index(view, entity_id)) for entity_id in entity_ids]

    def mentions(self, article_id: str, entity_ids: Sequence[str] | None = None) -> list[EntityMention]:
        """(start, end, type, entity id) of the visible entity mentions of an article, as offsets
        into its ORIGINAL text, in text order; only those of ``entity_ids`` when given."""
        view = self._current()
        wanted = None if entity_ids is None else {self._index(view, e) for e in entity_ids}
        found = []
        for start, end, form in self._catalog.article_mentions(article_id):
            index = int(view.form_entity[form]) if form < len(view.form_entity) else -1
            if index < 0 or view.entities[index].hidden or (wanted is not None and index not in wanted):
                continue
            entity = view.entities[index]
            found.append((start, end, entity.type, entity.id))
        return found

    def cooccurring(self, entity_id: str, limit: int = 20) -> list[tuple[Entity, int]]:
        """Visible entities that share articles with this one, with the number of shared articles."""
        view = self._current()
        index = self._index(view, entity_id)
        everywhere = view.counts(None)
        shared = view.counts(everywhere.docs.get(index, ()))
        ranked = [(self._make(view, i, everywhere), int(n)) for i, n in enumerate(shared.articles)
                  if n and i != index and not view.entities[i].hidden]
        ranked.sort(key=lambda pair: (-pair[1], pair[0].name))
        return ranked[:limit]

    # -- curation -------------------------------------------------------------------------

    def merge(self, entity_ids: Sequence[str], into: str) -> None:
        """Make these entities one: ``into`` keeps its id and name, the others become its aliases."""
        view = self._current()
        target = view.entities[self._index(view, into)].id
        sources = [view.entities[self._index(view, e)].id for e in entity_ids]
        self._store.merge_entities([s for s in sources if s != target], target)

    def split(self, entity_id: str, alias: str) -> str:
        """Move one spelling (and every mention keyed like it) out into a new entity; its id."""
        view = self._current()
        entity = view.entities[self._index(view, entity_id)]
        key = name_key(alias)
        if key not in {name_key(s) for s in entity.spellings}:
            raise CurationError(translatable("'{alias}' is not a spelling of {name}: split one of {spellings}."),
                                alias=alias, name=entity.name, spellings=", ".join(entity.spellings))
        return self._store.create_entity(alias, entity.type, [key])

    def rename(self, entity_id: str, name: str) -> None:
        """Show the entity under ``name`` from now on."""
        if not name.strip():
            raise CurationError(translatable("An entity name cannot be empty: type the name to show."))
        self._store.edit_entity(self._id(entity_id), name=name.strip())

    def set_type(self, entity_id: str, type: str) -> None:
        """Change the entity's type (one of ENTITY_TYPES)."""
        self._store.edit_entity(self._id(entity_id), type=checked_type(type))

    def hide(self, entity_id: str) -> None:
        """Hide a false positive from every list, highlight and export."""
        self._store.edit_entity(self._id(entity_id), hidden=True)

    def unhide(self, entity_id: str) -> None:
        """Show a hidden entity again."""
        self._store.edit_entity(self._id(entity_id), hidden=False)

    def add(self, name: str, type: str, aliases: Sequence[str] = ()) -> str:
        """Make an entity the user knows about; it owns the mentions keyed like its name or aliases."""
        keys = list(dict.fromkeys(k for k in map(name_key, [name, *aliases]) if k))
        if not keys:
            raise CurationError(translatable("An entity name needs at least one word: type the name."))
        return self._store.create_entity(name.strip(), checked_type(type), keys)

    def _id(self, entity_id: str) -> str:
        view = self._current()
        return view.entities[self._index(view, entity_id)].id


def checked_type(type_: str) -> str:
    """``type_`` if it is one of ENTITY_TYPES; CurationError otherwise."""
    if type_ not in ENTITY_TYPES:
        raise CurationError(translatable("Unknown entity type '{type}': use one of {types}."),
                            type=type_, types=", ".join(ENTITY_TYPES))
    return type_


def entity_json(entity: Entity) -> dict[str, Any]:
    """One entity as the JSON the CLI prints (``workbench entities --json``)."""
    return {"id": entity.id, "name": entity.name, "type": entity.type, "aliases": list(entity.aliases),
            "articles": entity.articles, "mentions": entity.mentions, "docs": list(entity.docs)}

