"""Per-format readers: bytes to text (encoding detection) and files to raw records.

This module knows file formats and nothing about corpora, metadata rules or boilerplate: it
turns one file into ``RawRecord`` objects (the text plus whatever metadata fields the format
itself carries) and raises ``FormatError`` with a reason code when it cannot.
``workbench.core.ingest.corpus`` turns records into ``Article`` objects.

Encoding detection (plain text, HTML, CSV) never guesses blindly:

1. a byte-order mark decides (UTF-8, UTF-16 LE/BE);
2. without a BOM, NUL bytes mean a binary file (UTF-16 without a BOM is not supported);
3. strict UTF-8;
4. for HTML only, the charset the page declares in a ``<meta>`` tag;
5. Windows-1256 (legacy Arabic Windows), accepted only when the decoded text is plausibly
   Arabic: most of its letters are Arabic and it has almost no control characters.

Latin-1 is never guessed: a file that fails all of these is reported as an encoding problem so
the user can re-save it as UTF-8, instead of being indexed as mojibake.
Line endings are normalised to ``\\n`` and the BOM is dropped; nothing else in the text changes.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import re
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from workbench.core import arabic
from workbench.core.messages import Message, translatable

TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
COLLECTION_KINDS = frozenset({"jsonl", "json", "csv"})

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

_SNIFF_BYTES = 64 * 1024
_CSV_FIELD_LIMIT = 64 * 1024 * 1024
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_CONTROL_CHARS = frozenset(chr(c) for c in range(32)) - {"\t", "\n", "\r", "\f", "\v"}
_ARABIC_MIN_SHARE = 0.5
_CONTROL_MAX_SHARE = 0.01
_BLOCK_SEP = "\u2029"
_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
_SPACES_RE = re.compile(r"\s+")
_REMOVE_TAGS = ("script", "style", "noscript", "template", "nav", "footer", "aside", "form",
                "iframe", "svg", "button", "select", "object", "embed")
_REMOVE_ROLES = ("navigation", "banner", "contentinfo", "complementary", "search")
_JUNK_CLASS_TOKENS = frozenset({
    "menu", "nav", "navbar", "navigation", "footer", "sidebar", "breadcrumb", "breadcrumbs",
    "share", "sharing", "social", "comments", "related", "advert", "ads", "cookie", "newsletter",
})
_BLOCK_TAGS = ("p, div, section, article, main, h1, h2, h3, h4, h5, h6, li, ul, ol, dl, dt, dd, "
               "blockquote, pre, table, tr, td, th, figcaption, hr, br")
_HTML_META = {
    "title": ('meta[property="og:title"]', 'meta[name="twitter:title"]'),
    "date": ('meta[property="article:published_time"]', 'meta[itemprop="datePublished"]',
             'meta[name="date"]', 'meta[name="pubdate"]', 'meta[name="publish-date"]',
             'meta[name="DC.date.issued"]', 'meta[property="og:published_time"]'),
    "source": ('meta[property="og:site_name"]', 'meta[name="application-name"]'),
    "author": ('meta[name="author"]', 'meta[property="article:author"]'),
    "url": ('meta[property="og:url"]',),
}


class FormatError(Exception):
    """A file this module cannot turn into records; ``reason`` is a SkippedFile reason code and
    ``text`` the explanation, a ``translatable`` template with its fields."""

    def __init__(self, reason: str, template: str, **params: Any) -> None:
        self.text = Message(template, params)
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


def kind_of(name: str) -> str | None:
    """The reader for a file name: "text", "html", "jsonl", "json", "csv", or None."""
    lower = name.lower()
    if lower.endswith(".jsonl.gz"):
        return "jsonl"
    suffix = lower[lower.rfind("."):] if "." in lower else ""
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in (".jsonl", ".json", ".csv"):
        return suffix[1:]
    return None


def read_records(path: Path, kind: str) -> list[RawRecord]:
    """All records of one file of the given kind (see ``kind_of``); raises FormatError."""
    return list(iter_records(path, kind))


def iter_records(path: Path, kind: str) -> Iterator[RawRecord]:
    """The records of one file, streamed where the format allows (JSONL, CSV), so a large
    collection is never held in memory whole. Raises FormatError, possibly after yielding some
    records (a collection found to be malformed further on): callers that index as they read
    must then drop what they took from the file."""
    if kind == "text":
        yield _nonempty(RawRecord(0, decode_bytes(path.read_bytes())))
    elif kind == "html":
        yield read_html(path.read_bytes())
    elif kind == "jsonl":
        yield from iter_jsonl(path)
    elif kind == "json":
        yield from read_json(path.read_bytes())
    elif kind == "csv":
        yield from iter_csv(path)
    else:
        raise ValueError(f"unknown file kind {kind!r}")


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode a text file following the module's detection order; raises FormatError."""
    if data.startswith(codecs.BOM_UTF8):
        text = _decode_or_fail(data[len(codecs.BOM_UTF8):], "utf-8", "UTF-8")
    elif data.startswith(_UTF16_BOMS):
        text = _decode_or_fail(data, "utf-16", "UTF-16")
    elif b"\x00" in data:
        raise FormatError("binary", translatable("This is a binary file, not text (it contains NUL bytes). If it is "
                                                 "UTF-16 text without a byte-order mark, re-save it as UTF-8."))
    else:
        text = _decode_unmarked(data, declared)
    if _control_share(text) > _CONTROL_MAX_SHARE:
        raise FormatError("binary", translatable("This looks like a binary file, not text (it is full of control "
                                                 "characters). Export the document as plain UTF-8 text."))
    return normalize_newlines(text)


def normalize_newlines(text: str) -> str:
    """Turn Windows and old Mac line endings into ``\\n``."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def is_plausibly_arabic(text: str) -> bool:
    """True when most letters of ``text`` are Arabic and it has almost no control characters."""
    letters = sum(1 for char in text if char.isalpha())
    arabic_letters = arabic.count_arabic_letters(text)
    return arabic_letters > 0 and arabic_letters >= _ARABIC_MIN_SHARE * letters and (
        _control_share(text) <= _CONTROL_MAX_SHARE)


def _decode_unmarked(data: bytes, declared: str | None) -> str:
    """Decode bytes without a BOM: strict UTF-8, the declared charset, then Arabic cp1256."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared and _known_codec(declared) not in (None, "utf-8"):
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    text = data.decode("cp1256", errors="replace")
    if is_plausibly_arabic(text) and "\ufffd" not in text:
        return text
    raise FormatError("encoding", translatable("The text encoding is not UTF-8 and does not look like Arabic "
                                               "Windows-1256. Open the file in a text editor and save it as UTF-8."))


def _decode_or_fail(data: bytes, codec: str, label: str) -> str:
    """Decode strictly with the codec a BOM announced."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise FormatError("encoding", translatable("The file starts with a {encoding} byte-order mark but is not "
                                                   "valid {encoding} (byte {offset}). Re-save it as UTF-8."),
                          encoding=label, offset=exc.start) from exc


def _known_codec(name: str) -> str | None:
    """Python's canonical codec name for a declared charset, or None if Python has none."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _control_share(text: str) -> float:
    """Fraction of characters that are control characters other than whitespace."""
    if not text:
        return 0.0
    sample = text[:_SNIFF_BYTES]
    return sum(1 for char in sample if char in _CONTROL_CHARS) / len(sample)


def _nonempty(record: RawRecord) -> RawRecord:
    """The record itself, or FormatError("empty") when its text is only whitespace."""
    if not record.text.strip():
        raise FormatError("empty", translatable("The file has no text (it is empty or only whitespace)."))
    return record


# --- HTML -------------------------------------------------------------------------------------

def read_html(data: bytes) -> RawRecord:
    """The main text of an HTML page (no menus, scripts or footers) and its meta-tag fields."""
    match = _META_CHARSET_RE.search(data[:_SNIFF_BYTES])
    declared = match.group(1).decode("ascii") if match else None
    tree = LexborHTMLParser(decode_bytes(data, declared))
    fields = {name: value for name in _HTML_META if (value := _meta_value(tree, name))}
    canonical = tree.css_first('link[rel="canonical"]')
    if canonical is not None and (href := (canonical.attributes.get("href") or "").strip()):
        fields["url"] = href
    if "date" not in fields and (time := tree.css_first("time[datetime]")) is not None:
        fields["date"] = (time.attributes.get("datetime") or "").strip()
    page_title = _first_text(tree.head, "title")
    _remove_junk(tree)
    root = _content_root(tree)
    if "title" not in fields:
        title = _first_text(root, "h1") or page_title or _first_text(tree.root, "h1")
        if title:
            fields["title"] = _collapse(title)
    text = _block_text(root) if root is not None else ""
    return _nonempty(RawRecord(0, text, {k: v for k, v in fields.items() if v}))


def _meta_value(tree: LexborHTMLParser, name: str) -> str:
    """The first non-empty ``content`` of the meta tags that carry the field ``name``."""
    for selector in _HTML_META[name]:
        node = tree.css_first(selector)
        value = _collapse(node.attributes.get("content") or "") if node is not None else ""
        if value and not (name == "author" and value.startswith(("http://", "https://"))):
            return value
    return ""


def _remove_junk(tree: LexborHTMLParser) -> None:
    """Delete scripts, navigation, footers, sidebars and page-level headers from the tree."""
    for tag in _REMOVE_TAGS:
        for node in tree.css(tag):
            node.decompose()
    for role in _REMOVE_ROLES:
        for node in tree.css(f'[role="{role}"]'):
            node.decompose()
    for node in tree.css("header"):
        if not _inside(node, "article"):
            node.decompose()
    page_chars = len(tree.body.text(strip=True)) if tree.body is not None else 0
    for node in tree.css("[class], [id]"):
        attributes = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
        tokens = set(re.split(r"[\s_-]+", attributes.lower()))
        if tokens & _JUNK_CLASS_TOKENS and not _holds_content(node, page_chars):
            node.decompose()


def _holds_content(node: LexborNode, page_chars: int) -> bool:
    """True for elements that wrap the article (a layout ``div.has-sidebar``, say): the page
    itself, an element containing <article>/<main>, or one with most of the page's text."""
    return node.tag in ("html", "body", "article", "main") or (
        node.css_first('article, main, [role="main"]') is not None) or (
        2 * len(node.text(strip=True)) > page_chars)


def _inside(node: LexborNode, tag: str) -> bool:
    """True when one of the node's ancestors is a ``tag`` element."""
    parent = node.parent
    while parent is not None:
        if parent.tag == tag:
            return True
        parent = parent.parent
    return False


def _content_root(tree: LexborHTMLParser) -> LexborNode | None:
    """The element holding the article: the longest <article>, else <main>, else <body>."""
    articles = tree.css("article")
    if articles:
        return max(articles, key=lambda node: len(node.text(strip=True)))
    return tree.css_first("main") or tree.css_first('[role="main"]') or tree.body or tree.root


def _first_text(root: LexborNode | None, selector: str) -> str:
    """Text of the first element matching ``selector`` under ``root``, or ""."""
    node = root.css_first(selector) if root is not None else None
    return node.text(strip=True) if node is not None else ""


def _block_text(root: LexborNode) -> str:
    """Text of ``root`` with one line per block element and whitespace collapsed inside lines."""
    for node in root.css(_BLOCK_TAGS):
        node.insert_after(_BLOCK_SEP)
    pieces = (_collapse(piece) for piece in root.text(separator="").split(_BLOCK_SEP))
    return "\n".join(piece for piece in pieces if piece)


def _collapse(text: str) -> str:
    """Whitespace runs to one space, trimmed."""
    return _SPACES_RE.sub(" ", text).strip()


# --- collections ------------------------------------------------------------------------------

def record_from_mapping(number: int, obj: Any) -> RawRecord | None:
    """A record from one JSON object or CSV row, or None when it has no text."""
    if not isinstance(obj, dict):
        return None
    lowered = {str(key).strip().lower(): value for key, value in obj.items()}
    values = {name: _field_value(lowered, keys) for name, keys in FIELD_NAMES.items()}
    text = values.pop("text")
    if not text.strip():
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


def read_jsonl(path: Path) -> list[RawRecord]:
    """Records of a JSON Lines file (optionally gzip-compressed); see ``iter_jsonl``."""
    return list(iter_jsonl(path))


def iter_jsonl(path: Path) -> Iterator[RawRecord]:
    """Records of a JSON Lines file (optionally gzip-compressed), streamed line by line.

    Blank lines are ignored; a line that is not a JSON object is skipped. The file fails with
    "parse_error" only when bad lines are at least as many as good ones, so one truncated line
    does not lose a whole collection but a file that is not JSONL at all is reported.
    """
    records = 0
    good = bad = number = 0
    first_bad = 0
    try:
        with _open_binary(path) as stream:
            if b"\x00" in stream.peek(_SNIFF_BYTES)[:_SNIFF_BYTES]:
                raise FormatError("binary", translatable("This is a binary file, not JSON Lines text (it contains "
                                                         "NUL bytes). Export it as UTF-8 JSONL."))
            for line in stream:
                if not line.strip():
                    continue
                number += 1
                try:
                    obj = json.loads(line)
                except (ValueError, RecursionError):
                    bad += 1
                    first_bad = first_bad or number
                    continue
                if not isinstance(obj, dict):
                    bad += 1
                    first_bad = first_bad or number
                    continue
                good += 1
                if (record := record_from_mapping(number, obj)) is not None:
                    records += 1
                    yield record
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        raise FormatError("parse_error", translatable("The compressed file is damaged ({error}). Re-create it or "
                                                      "decompress it to .jsonl."), error=exc) from exc
    if bad and bad >= good:
        raise FormatError("parse_error", translatable("{bad} of {lines} lines are not JSON objects (first at record "
                                                      "{first}); this is not a JSON Lines file. Write one JSON object "
                                                      "per line, in UTF-8."),
                          bad=bad, lines=good + bad, first=first_bad)
    _check_nonempty_collection(records, good)


def _open_binary(path: Path) -> io.BufferedReader | gzip.GzipFile:
    """The file opened for binary reading, decompressing ``.gz`` transparently."""
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    return open(path, "rb")


def read_json(data: bytes) -> list[RawRecord]:
    """Records of a JSON file: an array of objects, one object, or an object holding an array.

    JSON has no streaming parser in the standard library, so the whole file is parsed at once;
    JSON Lines is the format for very large collections.
    """
    if not data.startswith(codecs.BOM_UTF8) and not data.startswith(_UTF16_BOMS) and (
            b"\x00" in data[:_SNIFF_BYTES]):
        raise FormatError("binary", translatable("This is a binary file, not JSON text (it contains NUL bytes). "
                                                 "Export it as UTF-8 JSON."))
    try:
        obj = json.loads(data)
    except UnicodeDecodeError as exc:
        raise FormatError("encoding", translatable("The JSON file is not UTF-8. Re-save it as UTF-8.")) from exc
    except (ValueError, RecursionError) as exc:
        raise FormatError("parse_error", translatable("The file is not valid JSON ({error}). Fix it or export it "
                                                      "again."), error=exc) from exc
    items = _json_items(obj)
    if items is None:
        raise FormatError("parse_error", translatable("The JSON holds no articles: expected an array of objects with "
                                                      "a content/text/body field. Export the articles again."))
    records = [record for number, item in enumerate(items, 1)
               if (record := record_from_mapping(number, item)) is not None]
    _check_nonempty_collection(len(records), len(items))
    return records


def _json_items(obj: Any) -> list[Any] | None:
    """The list of article objects inside a parsed JSON document, or None when there is none."""
    if isinstance(obj, list):
        return obj
    if not isinstance(obj, dict):
        return None
    if record_from_mapping(1, obj) is not None:
        return [obj]
    for value in obj.values():
        if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
            return value
    return None


def read_csv(path: Path) -> list[RawRecord]:
    """Records of a CSV file with a header row; see ``iter_csv``."""
    return list(iter_csv(path))


def iter_csv(path: Path) -> Iterator[RawRecord]:
    """Records of a CSV file with a header row, streamed row by row.

    The encoding is detected on the first 64 KiB (BOM, UTF-8, Arabic cp1256) and the delimiter
    from the header line (comma, semicolon, tab or bar: spreadsheet exports vary).
    """
    with open(path, "rb") as raw:
        encoding = _sniff_encoding(raw.read(_SNIFF_BYTES))
        raw.seek(0)
        stream = io.TextIOWrapper(raw, encoding=encoding, newline="")
        try:
            yield from _read_csv_rows(stream)
        except UnicodeDecodeError as exc:
            raise FormatError("encoding", translatable("The CSV file changes encoding part-way ({error}). Re-save it "
                                                       "as UTF-8."), error=exc.reason) from exc
        except csv.Error as exc:
            raise FormatError("parse_error", translatable("The CSV file is malformed ({error}). Fix the row or export "
                                                          "it again."), error=exc) from exc


def _read_csv_rows(stream: io.TextIOWrapper) -> Iterator[RawRecord]:
    """Parse CSV rows from a text stream positioned at the header line."""
    csv.field_size_limit(max(csv.field_size_limit(), _CSV_FIELD_LIMIT))
    header_line = stream.readline()
    delimiter = max(",;\t|", key=header_line.count)
    header = [name.strip().lower() for name in next(csv.reader([header_line], delimiter=delimiter))]
    if not set(header) & set(FIELD_NAMES["text"]):
        raise FormatError("parse_error", translatable("The CSV header has no text column: name the column holding the "
                                                      "article text one of {names}."),
                          names=", ".join(FIELD_NAMES["text"][:3]))
    records = rows = 0
    for rows, row in enumerate(csv.reader(stream, delimiter=delimiter), 1):
        if (record := record_from_mapping(rows, dict(zip(header, row, strict=False)))) is not None:
            records += 1
            yield record
    _check_nonempty_collection(records, rows)


def _sniff_encoding(head: bytes) -> str:
    """Codec for a streamed text file, judged on its first bytes; raises FormatError."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith(_UTF16_BOMS):
        return "utf-16"
    if b"\x00" in head:
        raise FormatError("binary", translatable("This is a binary file, not CSV text (it contains NUL bytes). "
                                                 "Export it as UTF-8 CSV."))
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if is_plausibly_arabic(head.decode("cp1256", errors="replace")):
        return "cp1256"
    raise FormatError("encoding", translatable("The CSV encoding is not UTF-8 and does not look like Arabic "
                                               "Windows-1256. Re-save it as UTF-8 (in Excel: CSV UTF-8)."))


def _check_nonempty_collection(records: int, seen: int) -> None:
    """FormatError("empty") when none of the ``seen`` records had text."""
    if not records:
        if seen:
            raise FormatError("empty", translatable("No article to read: none of its {records} records has a "
                                                    "content/text/body field."), records=seen)
        raise FormatError("empty", translatable("No article to read: it has no records with a content/text/body "
                                                "field."))

