"""Finding and reading the documents of a corpus folder.

A corpus is a folder of news articles: single-article files (.txt, .md, .html, .htm) and
collections with one article per record (.jsonl, .jsonl.gz, .json, .csv). ``scan_corpus``
lists them, ``read_file`` turns one into ``Article`` objects. A file that cannot be read never
stops a run: it becomes a ``SkippedFile`` with a reason code and a sentence telling the user
what to do. Only a problem with the folder itself raises ``CorpusError``.

How the pieces divide the work: ``formats`` decodes bytes and parses each format,
``metadata`` finds title/source/date/author in the text and reads the sidecar
(``workbench-metadata.csv``, documented there), ``boilerplate`` marks the spans that are not
reporting. Precedence for each field: sidecar cell > the format's own field (JSON key, CSV
column, HTML meta tag) > what the text rules found.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Generator, Mapping
from pathlib import Path

from workbench.core.errors import CorpusError
from workbench.core.ingest import formats
from workbench.core.ingest.article import Article, CorpusFile, SkippedFile
from workbench.core.ingest.boilerplate import find_boilerplate
from workbench.core.ingest.formats import FormatError, RawRecord
from workbench.core.ingest.metadata import (
    SIDECAR_NAME,
    apply_sidecar,
    canonical_source,
    extract_metadata,
    load_sidecar,
    parse_date,
)
from workbench.core.messages import Message, translatable

__all__ = [
    "MAX_COLLECTION_BYTES", "MAX_FILE_BYTES", "MAX_JSON_BYTES", "SIDECAR_NAME", "SUPPORTED_SUFFIXES",
    "iter_records", "make_article", "read_file", "scan_corpus",
]

SUPPORTED_SUFFIXES: frozenset[str] = frozenset(
    {".txt", ".md", ".html", ".htm", ".jsonl", ".json", ".csv", ".jsonl.gz"})

MAX_FILE_BYTES: int = 20 * 1024 * 1024
"""Limit for single-article files. The longest news article is well under 1 MB and a saved web
page with inline assets a few MB; a 20 MB "article" is a misplaced dump or log, which would
stall indexing and the reader view, so it is reported instead of read."""

MAX_COLLECTION_BYTES: int = 2 * 1024 * 1024 * 1024
"""Limit for JSONL and CSV collections, which are streamed record by record; 2 GB is about
two million articles, more than a laptop index should take in one file."""

MAX_JSON_BYTES: int = 512 * 1024 * 1024
"""Limit for JSON files: the standard library parses a JSON document whole, and a parsed
512 MB document already needs several GB of memory. Larger collections should be JSONL."""


def scan_corpus(root: Path) -> tuple[list[CorpusFile], list[SkippedFile]]:
    """All supported files under ``root``, recursively, sorted by relpath, and the skips.

    Hidden files and folders (name starting with ".") and the sidecar are left out; symlinked
    folders are not followed (they can loop). A subfolder that cannot be listed becomes a
    ``SkippedFile("permission")``; so does a sidecar that cannot be applied, with
    ``"parse_error"``. Raises ``CorpusError`` when ``root`` itself is unusable.
    """
    root = Path(root)
    _check_root(root)
    files: list[CorpusFile] = []
    skipped: list[SkippedFile] = []
    _scan_folder(root, "", files, skipped, top=True)
    files.sort(key=lambda item: item.relpath)
    problems = load_sidecar(root).problems
    if problems:
        skipped.append(SkippedFile(SIDECAR_NAME, "parse_error",
                                   translatable("Some metadata overrides were not applied. {problems}"),
                                   problems=list(problems)))
    skipped.sort(key=lambda item: item.relpath)
    return files, skipped


def _check_root(root: Path) -> None:
    """Raise CorpusError unless ``root`` is a folder this process may list."""
    if not root.exists():
        raise CorpusError(translatable("Corpus folder not found: {folder}. Check the path, or choose another "
                                       "folder."), folder=root)
    if not root.is_dir():
        raise CorpusError(translatable("Not a folder: {folder}. Choose the folder that holds the articles, not a "
                                       "single file."), folder=root)
    if not os.access(root, os.R_OK | os.X_OK):
        raise CorpusError(translatable("Permission denied for corpus folder {folder}. Give your user read access to "
                                       "it, or copy the articles to a folder you own."), folder=root)


def _scan_folder(folder: Path, prefix: str, files: list[CorpusFile],
                 skipped: list[SkippedFile], top: bool = False) -> None:
    """Add the supported files under ``folder`` (relpaths start with ``prefix``)."""
    try:
        with os.scandir(folder) as entries:
            children = list(entries)
    except PermissionError as exc:
        if top:
            raise CorpusError(translatable("Permission denied for corpus folder {folder}. Give your user read access "
                                           "to it."), folder=folder) from exc
        skipped.append(SkippedFile(prefix.rstrip("/"), "permission",
                                   translatable("This folder cannot be opened (permission denied); its files were "
                                                "not read. Give your user read access to it.")))
        return
    except FileNotFoundError as exc:
        if top:
            raise CorpusError(translatable("Corpus folder vanished while scanning: {folder}. Check that the drive is "
                                           "still connected."), folder=folder) from exc
        skipped.append(SkippedFile(prefix.rstrip("/"), "vanished",
                                   translatable("This folder disappeared while the corpus was scanned. Scan again.")))
        return
    for entry in children:
        name = entry.name
        relpath = prefix + name
        if name.startswith(".") or (top and name == SIDECAR_NAME):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                _scan_folder(Path(entry.path), relpath + "/", files, skipped)
            elif formats.kind_of(name) is not None and entry.is_file():
                stat = entry.stat()
                files.append(CorpusFile(relpath, stat.st_size, stat.st_mtime_ns))
        except OSError as exc:
            skipped.append(_os_skip(relpath, exc))


def read_file(root: Path, relpath: str) -> list[Article]:
    """The articles of one corpus file, with the sidecar overrides applied.

    Raises ``SkippedFile`` when the file cannot be read (see its reason codes); records of a
    collection that have no text are left out without failing the file.
    """
    return [make_article(root, relpath, record) for record in iter_records(root, relpath)]


def iter_records(root: Path, relpath: str) -> Generator[RawRecord, None, None]:
    """The raw records of one corpus file, streamed (``read_file`` without building articles).

    For indexing a large collection a batch of records at a time: memory stays bounded
    whatever the file's size. Raises ``SkippedFile`` like ``read_file``, possibly after some
    records were yielded (a collection found to be malformed further on).
    """
    root = Path(root)
    path = root / relpath
    kind = formats.kind_of(relpath)
    if kind is None:
        raise SkippedFile(relpath, "parse_error", translatable("This file type is not supported; use one of "
                                                               "{suffixes}."),
                          suffixes=", ".join(sorted(SUPPORTED_SUFFIXES)))
    try:
        size = path.stat().st_size
        _check_size(relpath, kind, size)
        yield from formats.iter_records(path, kind)
    except FormatError as exc:
        raise SkippedFile(relpath, exc.reason, exc.text) from exc
    except IsADirectoryError as exc:
        raise SkippedFile(relpath, "parse_error", translatable("This is a folder, not a file.")) from exc
    except OSError as exc:
        raise _os_skip(relpath, exc) from exc


def make_article(root: Path, relpath: str, record: RawRecord) -> Article:
    """The article of one raw record of ``relpath``: metadata, boilerplate, sidecar overrides."""
    sidecar = load_sidecar(Path(root))
    return _article(relpath, record, apply_sidecar(sidecar, relpath, _article_id(relpath, record)))


def _check_size(relpath: str, kind: str, size: int) -> None:
    """Raise SkippedFile for an empty file or one over its format's size limit."""
    if size == 0:
        raise SkippedFile(relpath, "empty", translatable("The file is empty (0 bytes)."))
    if kind == "json":
        limit, advice = MAX_JSON_BYTES, translatable("convert it to JSON Lines (.jsonl), which is streamed")
    elif kind in formats.COLLECTION_KINDS:
        limit, advice = MAX_COLLECTION_BYTES, translatable("split it into smaller files")
    else:
        limit, advice = MAX_FILE_BYTES, translatable("no article is this long; check that it belongs here")
    if size > limit:
        raise SkippedFile(relpath, "too_large", translatable("The file is {size}, over the {limit} limit for this "
                                                             "format: {advice}."),
                          size=_megabytes(size), limit=_megabytes(limit), advice=Message(advice))


def _megabytes(size: int) -> str:
    """A byte count for humans."""
    return f"{size / (1024 * 1024):.1f} MB"


def _os_skip(relpath: str, exc: OSError) -> SkippedFile:
    """The SkippedFile for an operating-system error while reading ``relpath``.

    Errors other than permission and not-found (a disconnected drive, EIO) are reported as
    "vanished": the remedy is the same, reconnect and scan again.
    """
    if isinstance(exc, PermissionError):
        return SkippedFile(relpath, "permission", translatable("Permission denied: this file cannot be read. Give "
                                                               "your user read access to it."))
    if isinstance(exc, FileNotFoundError):
        return SkippedFile(relpath, "vanished", translatable("The file was moved or deleted while the corpus was "
                                                             "being read. Scan the corpus again."))
    return SkippedFile(relpath, "vanished", translatable("The file could not be read ({error}). Check that its drive "
                                                         "is still connected, then scan again."),
                       error=exc.strerror or exc)


def _article_id(relpath: str, record: RawRecord) -> str:
    """``relpath`` for a single-article file, ``relpath#n`` for record n of a collection."""
    return f"{relpath}#{record.number}" if record.number else relpath


def _article(relpath: str, record: RawRecord, overrides: Mapping[str, str]) -> Article:
    """Build an Article: format fields first, text rules for the gaps, sidecar on top."""
    fields = record.fields
    text = record.text
    found = extract_metadata(text) if not all(
        fields.get(name) for name in ("title", "source", "date", "author")) else None
    values = {
        "title": fields.get("title") or (found.title if found else ""),
        "source": canonical_source(fields["source"]) if fields.get("source") else (
            found.source if found else ""),
        "date": (parse_date(fields["date"]) if fields.get("date") else None) or (
            found.date if found else ""),
        "url": fields.get("url", ""),
        "author": fields.get("author") or (found.author if found else ""),
    }
    values.update(overrides)
    return Article(
        id=_article_id(relpath, record),
        path=relpath,
        text=text,
        boilerplate=find_boilerplate(text),
        content_hash=hashlib.sha1(text.encode("utf-8")).hexdigest(),
        **values,
    )
