"""The raw record every reader produces, the error a reader raises, and the size limit of one article.

A ``RawRecord`` is one document as its file holds it (text plus the metadata fields the format
carries), before metadata rules and boilerplate detection turn it into an ``Article``.
``record_from_mapping`` builds one from a JSON object or a CSV row; every string it keeps has
gone through ``decoding.scrub``, so it always encodes to UTF-8.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from workbench.core.ingest.decoding import normalize_newlines, scrub, unescape_references
from workbench.core.ingest.problems import ProblemLog
from workbench.core.messages import Message

__all__ = ["FIELD_NAMES", "MAX_ARTICLE_BYTES", "FormatError", "RawRecord", "record_from_mapping"]

MAX_ARTICLE_BYTES: int = 4 * 1024 * 1024
"""The most one article may take: a single-article file, the text of an HTML page, one JSONL
line, one JSON array item, one CSV row (in bytes of the file, or of UTF-8 text for HTML).
The longest news articles are tens of KB and a 400-page book is about 4 MB of Arabic; anything
larger is a misplaced dump or a broken record (a CSV quote never closed) that would stall
indexing and the reader, so it is reported and left out instead of read. It also bounds the
memory reading needs (see corpus.py)."""

FIELD_NAMES: Mapping[str, tuple[str, ...]] = {
    "text": ("content", "text", "body", "article", "article_text", "full_text", "fulltext",
             "المحتوى", "النص"),
    "title": ("title", "headline", "heading", "العنوان", "عنوان"),
    "source": ("source", "outlet", "publisher", "newspaper", "site", "site_name", "المصدر"),
    "date": ("published", "published_at", "publish_date", "date_published", "pubdate", "date",
             "datetime", "created_at", "date_extracted", "التاريخ"),
    "url": ("url", "link", "href", "الرابط"),
    "author": ("author", "authors", "byline", "writer", "الكاتب"),
}
"""Collection field names per article field, case-insensitive, best first (``published`` beats
``date_extracted``, which SaudiNewsNet uses for the crawl time)."""


class FormatError(Exception):
    """A file a reader cannot turn into any record; ``reason`` is a SkippedFile reason code and
    ``text`` the explanation, a ``translatable`` template with its fields."""

    def __init__(self, reason: str, template: str | Message, **params: Any) -> None:
        self.text = template if isinstance(template, Message) else Message(template, params)
        super().__init__(str(self.text))
        self.reason = reason


@dataclass(frozen=True)
class RawRecord:
    """One document as the file holds it, before metadata rules and boilerplate detection."""

    number: int
    """0 for a single-document file, else the 1-based position of the record in its file."""
    text: str
    fields: Mapping[str, str] = field(default_factory=dict)
    """Non-empty metadata the format carries: any of title, source, date, url, author."""


def record_from_mapping(number: int, obj: Mapping[Any, Any], log: ProblemLog, where: Message,
                        encoding: str = "utf-8") -> RawRecord | None:
    """A record from one JSON object or CSV row (decoded from ``encoding`` with
    ``surrogateescape``), or None (logged as an empty record) when it has no text.

    HTML character references left by scrapers (``&quot;``) become their characters, except in
    the URL, whose ``&`` separates query parameters. Undecodable bytes, lone surrogates and control
    characters are then scrubbed from every value and logged (scrubbing the values, not the raw
    record, scans each text once).
    """
    lowered = {str(key).strip().lower(): value for key, value in obj.items()}
    values = {name: _field_value(lowered, keys) for name, keys in FIELD_NAMES.items()}
    escaped = surrogates = controls = 0
    for name, value in values.items():
        scrubbed = scrub(value if name == "url" else unescape_references(value))
        values[name] = scrubbed.text
        escaped += scrubbed.escaped_bytes
        surrogates += scrubbed.surrogates
        controls += scrubbed.controls
    log.add("replaced_bytes", where, escaped, detail=encoding.upper())
    log.add("replaced_surrogates", where, surrogates)
    log.add("removed_controls", where, controls)
    text = values.pop("text")
    if not text.strip():
        log.add("empty_records", where)
        return None
    return RawRecord(number, normalize_newlines(text), {k: v for k, v in values.items() if v})


def _field_value(obj: Mapping[str, Any], keys: Iterable[str]) -> str:
    """The first non-empty value among ``keys``, as a string (lists joined by newlines)."""
    for key in keys:
        value = obj.get(key)
        if isinstance(value, list):
            value = "\n".join(str(item) for item in value if item not in (None, ""))
        if value is None or isinstance(value, (dict, bool)):
            continue
        text = str(value)
        if text.strip():
            return text if key in FIELD_NAMES["text"] else text.strip()
    return ""
