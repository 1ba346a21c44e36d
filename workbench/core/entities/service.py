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

The ranked lists leave out hidden entities and fragments (lone given names the grouping could
not place, merge.is_fragment); ``entities(listing=HIDDEN)`` lists those two, so the user can
bring one back. Every curation method is one step of the store's undo/redo log (``undo``,
``redo``), and ``explain`` says, spelling by spelling, which rule (or which of the user's
steps) put each alias into an entity.
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from workbench.core.arabic import name_key
from workbench.core.entities.catalog import EntityCatalog
from workbench.core.entities.completion import EntityCompleter
from workbench.core.entities.view import AutoGroups, Counts, EntityView
from workbench.core.errors import CurationError
from workbench.core.messages import translatable
from workbench.core.userdata.store import CurationStep, Store

__all__ = ["ALL", "ENTITY_TYPES", "HIDDEN", "LISTED", "Entity", "EntityMention", "EntityService", "Spelling",
           "UnknownEntityError", "checked_type", "entity_json"]

ENTITY_TYPES = ("PERSON", "LOCATION", "ORGANIZATION", "MISC")
LISTED, HIDDEN, ALL = "listed", "hidden", "all"
"""Which entities ``EntityService.entities`` lists: the ranked lists' (neither hidden nor a
fragment), the hidden ones and fragments, or every one."""

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
    """The user hid it."""
    fragment: bool = False
    """A lone given name the grouping could not place (merge.is_fragment); listed only on request."""


@dataclass(frozen=True)
class Spelling:
    """One spelling of an entity and why it belongs to it (``EntityService.explain``)."""

    text: str
    key: str
    articles: int
    mentions: int
    rule: str
    """How it joined: "" (the entity's own name), "spelling" (the same name written differently:
    spacing of عبد, hamza, diacritics), "article" (linked in its articles to the longer name
    ``via``), one of merge.RULES (``via`` is the name it joined), "merged" or "assigned" (the
    user's merge of ``via``, or the user's assignment)."""
    via: str


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
                 listing: str = LISTED) -> list[Entity]:
        """Entities by article count (desc), then name; counts within ``article_ids`` when given.

        ``listing`` is LISTED (the ranked lists: neither hidden nor fragments), HIDDEN (hidden
        ones and fragments) or ALL. With ``article_ids``, entities with no mention in them are
        left out; without, every entity is listed, including user-made ones without mentions.
        """
        view = self._current()
        counts = view.counts(article_ids)
        found = []
        for i, entity in enumerate(view.entities):
            if listing != ALL and bool(view.listed[i]) != (listing == LISTED):
                continue
            if type is not None and entity.type != type:
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
            docs=counts.docs.get(i, ()), hidden=entity.hidden, fragment=entity.fragment,
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
                  if n and i != index and view.listed[i]]
        ranked.sort(key=lambda pair: (-pair[1], pair[0].name))
        return ranked[:limit]

    def explain(self, entity_id: str) -> list[Spelling]:
        """Every spelling of the entity with its counts and why it belongs (see ``Spelling``),
        the display name first, then by article count."""
        view = self._current()
        return [Spelling(*row) for row in view.explain(self._index(view, entity_id))]

    def completer(self) -> EntityCompleter[Entity]:
        """Finds entities by typed text, Arabic-aware (completion.py); hidden ones are left out."""
        return EntityCompleter([e for e in self.entities(listing=ALL) if not e.hidden])

    # -- curation: each method is one step of the store's undo/redo log ----------------------

    def merge(self, entity_ids: Sequence[str], into: str) -> None:
        """Make these entities one: ``into`` keeps its id and name, the others become its aliases."""
        view = self._current()
        target = view.entities[self._index(view, into)].id
        sources = list(dict.fromkeys(view.entities[self._index(view, e)].id for e in entity_ids))
        sources = [source for source in sources if source != target]
        if not sources:
            raise CurationError(translatable("Nothing to merge: choose entities other than the one they merge into."))
        self._store.merge_entities(sources, target)

    def split(self, entity_id: str, alias: str) -> str:
        """Move one spelling (and every mention keyed like it, in whatever entity) out into a new
        entity; its id."""
        view = self._current()
        entity = view.entities[self._index(view, entity_id)]
        key = name_key(alias)
        if key not in {name_key(s) for s in entity.spellings}:
            raise CurationError(translatable("'{alias}' is not a spelling of {name}: split one of {spellings}."),
                                alias=alias, name=entity.name, spellings=", ".join(entity.spellings))
        if key == name_key(entity.name) and len({name_key(s) for s in entity.spellings}) == 1:
            raise CurationError(translatable("'{alias}' is the only name of {name}: there is nothing to split it from."),
                                alias=alias, name=entity.name)
        return self._store.create_entity(alias, entity.type, [key])

    def rename(self, entity_id: str, name: str) -> None:
        """Show the entity under ``name`` from now on."""
        if not name.strip():
            raise CurationError(translatable("An entity name cannot be empty: type the name to show."))
        self._store.edit_entity(self._id(entity_id), name=name.strip())

    def set_type(self, entity_ids: str | Sequence[str], type: str) -> None:
        """Change the type of one or several entities (one of ENTITY_TYPES)."""
        self._store.edit_entities(self._ids(entity_ids), type=checked_type(type))

    def hide(self, entity_ids: str | Sequence[str]) -> None:
        """Hide false positives from every list, highlight and export."""
        self._store.edit_entities(self._ids(entity_ids), hidden=True)

    def unhide(self, entity_ids: str | Sequence[str]) -> None:
        """Show hidden entities again; a fragment unhidden is listed from now on."""
        self._store.edit_entities(self._ids(entity_ids), hidden=False)

    def add(self, name: str, type: str, aliases: Sequence[str] = ()) -> str:
        """Make an entity the user knows about; it owns the mentions keyed like its name or aliases."""
        keys = list(dict.fromkeys(k for k in map(name_key, [name, *aliases]) if k))
        if not keys:
            raise CurationError(translatable("An entity name needs at least one word: type the name."))
        return self._store.create_entity(name.strip(), checked_type(type), keys)

    def undo(self) -> CurationStep | None:
        """Undo the latest curation step (from any session, kept in the store); None when none is left."""
        return self._store.undo()

    def redo(self) -> CurationStep | None:
        """Redo the curation step undone last; None when there is none."""
        return self._store.redo()

    def history(self, limit: int = 50) -> tuple[list[CurationStep], list[CurationStep]]:
        """(steps undo would revert, newest first; steps redo would make again, next first)."""
        return self._store.curation_history(limit)

    def _id(self, entity_id: str) -> str:
        view = self._current()
        return view.entities[self._index(view, entity_id)].id

    def _ids(self, entity_ids: str | Sequence[str]) -> list[str]:
        view = self._current()
        wanted = [entity_ids] if isinstance(entity_ids, str) else list(entity_ids)
        if not wanted:
            raise CurationError(translatable("No entity chosen: select at least one entity."))
        return list(dict.fromkeys(view.entities[self._index(view, e)].id for e in wanted))


def checked_type(type_: str) -> str:
    """``type_`` if it is one of ENTITY_TYPES; CurationError otherwise."""
    if type_ not in ENTITY_TYPES:
        raise CurationError(translatable("Unknown entity type '{type}': use one of {types}."),
                            type=type_, types=", ".join(ENTITY_TYPES))
    return type_


def entity_json(entity: Entity) -> dict[str, Any]:
    """One entity as the JSON the CLI prints (``workbench entities --json``)."""
    found = {"id": entity.id, "name": entity.name, "type": entity.type, "aliases": list(entity.aliases),
             "articles": entity.articles, "mentions": entity.mentions, "docs": list(entity.docs)}
    if entity.hidden or entity.fragment:
        found.update(hidden=entity.hidden, fragment=entity.fragment)
    return found

