"""The Whoosh schema of a corpus index and how articles are stored in it.

One home for field names and the stored-document codec, shared by the indexer (index.py) and
the searcher (search.py). Bump SCHEMA_VERSION whenever fields or their analysis change (and a
stage's ``version`` when only that stage's results change): an index with another version is
rebuilt on open.
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from whoosh import fields, formats
from whoosh.system import pack_uint
from whoosh.util.varints import varint

from workbench.core.index.analysis import exact_analyzer, stem_analyzer
from workbench.core.ingest import Article

SCHEMA_VERSION = 7
"""The index format. 6: the journal, segment checksums and placements in the manifest, resumable
collections and the quotation and near-duplicate stores (issues 10, 13, 16). 7: HTML character
references in collection fields are decoded, so stored titles, offsets and mentions of such
records changed. An index of another format is rebuilt, with a message saying so."""


class SafePositions(formats.Positions):
    """Whoosh-ng's Positions format with postings that are always read back correctly.

    whoosh-ng 5.4 encodes positions as varints but decides between that and its legacy pickle
    encoding by checking whether the value ends with b"." — which a varint ends with whenever
    the last position gap is 46, so such postings fail to decode (UnpicklingError) and phrase
    queries crash. A trailing marker byte that is never "." keeps the detection honest; the
    varint decoder reads exactly the count it stored and ignores it.
    """

    _MARKER = b"!"

    def encode(self, poslist: list[int]) -> bytes:
        if len(poslist) == 1:  # most words of an article: the varint of its position is memoised
            return b"".join((_ONE_POSITION, _varint(poslist[0]), self._MARKER))
        encoded: bytes = super().encode(poslist)
        return encoded + self._MARKER


_ONE_POSITION = pack_uint(1)
"""How Positions.encode starts a list of one position: its length."""
_varint = lru_cache(maxsize=16_384)(varint)
"""A new bytes object is still built for every posting: a posting block whose values share one
object was written in different bytes (tests/core/test_index_segments.py compares term infos)."""


def _phrase_text(analyzer: Any) -> fields.TEXT:
    """A TEXT field with positions (for phrases) in the SafePositions format."""
    field = fields.TEXT(analyzer=analyzer)
    field.format = SafePositions(field_boost=field.format.field_boost)
    return field


def build_schema(stage_fields: Sequence[str] = ()) -> fields.Schema:
    """Fields: identity and metadata (stored), exact and stemmed body and title, and one
    keyword field per analysis stage (``entities``: ``TYPE:key`` terms, see index/stages.py)."""
    exact = exact_analyzer()
    stem = stem_analyzer()
    schema = fields.Schema(
        id=fields.ID(stored=True, unique=True, sortable=True),
        path=fields.ID(stored=True),
        title=fields.TEXT(analyzer=stem, stored=True, phrase=False),
        title_exact=_phrase_text(exact),
        source=fields.ID(stored=True, sortable=True),
        source_text=_phrase_text(exact),
        date=fields.ID(stored=True, sortable=True),
        url=fields.STORED(),
        author=fields.STORED(),
        hash=fields.STORED(),
        body_exact=_phrase_text(exact),
        body=fields.TEXT(analyzer=stem, phrase=False),
        text_z=fields.STORED(),
        boilerplate=fields.STORED(),
    )
    for name in stage_fields:
        schema.add(name, fields.KEYWORD(stored=True, commas=True, scorable=True))
    return schema


def document_fields(article: Article, stage_terms: Mapping[str, Sequence[str]] | None = None) -> dict[str, Any]:
    """The values to index for one article. Boilerplate is blanked out of the analysed body
    (same length, so offsets stay valid) and the original text is stored compressed.
    ``stage_terms`` are the article's keyword terms per stage field (``entities``: ``TYPE:key``).
    The body fields also get the title, so a plain search looks in two fields, not four (Whoosh
    matches in Python: every field searched costs time); ``title:`` searches the title alone."""
    body = f"{article.title}\n{article.indexable_text()}"
    return {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "title_exact": article.title,
        "source": article.source,
        "source_text": article.source,
        "date": article.date,
        "url": article.url,
        "author": article.author,
        "hash": article.content_hash,
        "body_exact": body,
        "body": body,
        **{name: ",".join(terms) for name, terms in (stage_terms or {}).items()},
        "text_z": zlib.compress(article.text.encode("utf-8"), 6),
        "boilerplate": [list(span) for span in article.boilerplate],
    }


def article_from_stored(stored: dict[str, Any]) -> Article:
    """Rebuild the Article (original text included) from a document's stored fields."""
    return Article(
        id=stored["id"],
        path=stored["path"],
        title=stored.get("title", ""),
        source=stored.get("source", ""),
        date=stored.get("date", ""),
        url=stored.get("url", ""),
        author=stored.get("author", ""),
        text=zlib.decompress(stored["text_z"]).decode("utf-8"),
        boilerplate=tuple((int(start), int(end)) for start, end in stored.get("boilerplate", ())),
        content_hash=stored.get("hash", ""),
    )
