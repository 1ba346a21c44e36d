"""Per-format readers: one corpus file to raw records, and the HTML main-text extractor.

This module knows file formats and nothing about corpora, metadata rules or boilerplate:
``iter_records`` turns one file into ``RawRecord`` objects (the text plus whatever metadata
fields the format itself carries), logs what it had to leave out or repair in a
``ProblemLog``, and raises ``FormatError`` with a reason code when nothing of the file can be
read. Single-article files (.txt, .md, .html) are read whole, within ``MAX_ARTICLE_BYTES``
(``MAX_HTML_BYTES`` for a page with its markup); collections are streamed (streams.py).
Encodings: decoding.py. ``workbench.core.ingest.corpus`` turns records into ``Article`` objects.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from workbench.core.ingest import streams
from workbench.core.ingest.decoding import SNIFF_BYTES, Decoded, DecodingError, decode_bytes
from workbench.core.ingest.problems import ProblemLog, megabytes, whole_file
from workbench.core.ingest.records import MAX_ARTICLE_BYTES, FormatError, RawRecord
from workbench.core.messages import translatable

__all__ = ["COLLECTION_KINDS", "MAX_HTML_BYTES", "FormatError", "RawRecord", "iter_records", "kind_of", "read_html",
           "read_text"]

TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
COLLECTION_KINDS = frozenset({"jsonl", "json", "csv"})

MAX_HTML_BYTES: int = 20 * 1024 * 1024
"""Limit for an HTML file, markup included: a saved page with inline scripts and images can be
several MB around a short article, and the page is parsed whole. Its text must still be
within ``MAX_ARTICLE_BYTES``."""

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


def size_limit(kind: str) -> int | None:
    """The largest file of this kind that is read (None: collections are streamed, any size)."""
    if kind == "text":
        return MAX_ARTICLE_BYTES
    if kind == "html":
        return MAX_HTML_BYTES
    return None


def iter_records(path: Path, kind: str, log: ProblemLog) -> Iterator[RawRecord]:
    """The records of one file of the given kind (see ``kind_of``), as they are read.

    Problems with single records are logged and reading goes on; FormatError is raised when
    the file has no readable record at all (after the last record, for collections). OSError
    propagates, at any point.
    """
    if kind == "text":
        yield read_text(path.read_bytes(), log)
    elif kind == "html":
        yield read_html(path.read_bytes(), log)
    elif kind in COLLECTION_KINDS:
        readers = {"jsonl": streams.read_jsonl, "json": streams.read_json, "csv": streams.read_csv}
        count = 0
        for record in readers[kind](path, log):
            count += 1
            yield record
        if count == 0:
            raise _nothing_read(log)
    else:
        raise ValueError(f"unknown file kind {kind!r}")


def _nothing_read(log: ProblemLog) -> FormatError:
    """The error for a collection none of whose records could be read: what the log says."""
    problems = [warning.text for warning in log.warnings("")]
    if not problems:
        return FormatError("empty", translatable("No article to read: the file has no records."))
    damaged = any(log.count(reason) for reason in ("invalid_records", "unclosed_quote", "truncated"))
    reason = "parse_error" if damaged else "too_large" if log.count("too_large_records") else "empty"
    return FormatError(reason, translatable("No article could be read from this file. {problems}"), problems=problems)


def _decoded(data: bytes, log: ProblemLog, declared: str | None = None) -> str:
    """A whole single-article file decoded; repairs are logged, undecodable files raise FormatError."""
    try:
        decoded: Decoded = decode_bytes(data, declared)
    except DecodingError as error:
        raise FormatError(error.reason, error.template) from error
    log.add("replaced_bytes", whole_file(), decoded.replaced_bytes, detail=decoded.encoding.upper())
    log.add("removed_controls", whole_file(), decoded.controls)
    return decoded.text


def read_text(data: bytes, log: ProblemLog) -> RawRecord:
    """The one record of a plain-text (.txt, .md) file."""
    return _nonempty(RawRecord(0, _decoded(data, log)))


def _nonempty(record: RawRecord) -> RawRecord:
    """The record itself, or FormatError("empty") when its text is only whitespace."""
    if not record.text.strip():
        raise FormatError("empty", translatable("The file has no text (it is empty or only whitespace)."))
    return record


# --- HTML -------------------------------------------------------------------------------------

def read_html(data: bytes, log: ProblemLog) -> RawRecord:
    """The main text of an HTML page (no menus, scripts or footers) and its meta-tag fields."""
    match = _META_CHARSET_RE.search(data[:SNIFF_BYTES])
    declared = match.group(1).decode("ascii") if match else None
    tree = LexborHTMLParser(_decoded(data, log, declared))
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
    size = len(text.encode("utf-8"))
    if size > MAX_ARTICLE_BYTES:
        raise FormatError("too_large", translatable("The page's text is {size}, over the {limit} limit for one "
                                                    "article: check that it belongs here."),
                          size=megabytes(size), limit=megabytes(MAX_ARTICLE_BYTES))
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
