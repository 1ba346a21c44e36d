"""Finding and reading the documents of a corpus folder.

A corpus is a folder of news articles: single-article files (.txt, .md, .html, .htm) and
collections with one article per record (.jsonl, .jsonl.gz, .json, .csv). ``scan_corpus``
lists them, ``read_articles`` reads one as a stream of ``Article`` objects. A file that cannot
be read never stops a run: it becomes a ``SkippedFile`` with a reason code and a sentence
telling the user what to do; problems inside a file that is still read (records left out,
bytes replaced) become ``FileWarning`` objects (see article.py). Only a problem with the
folder itself raises ``CorpusError``.

Symbolic links are never followed out of the corpus: a link to a file inside it is read, a
link to anything outside is reported ("outside_link"), as are links that loop and links to
nothing. Links to folders are not followed (their files inside the corpus are read where they
are); one that points outside or to a folder containing it is reported.

Memory: single-article files are read whole, up to ``MAX_ARTICLE_BYTES`` (4 MB;
``MAX_HTML_BYTES``, 20 MB, for HTML with its markup); collections are streamed one record at a
time, and no record over ``MAX_ARTICLE_BYTES`` is ever held whole. Reading one file therefore
needs at most a few times the larger of these limits (the bytes, the decoded text, the parsed
record and the Article), whatever the file's size (``bench/ingest_memory.py`` measures it).

How the pieces divide the work: ``formats`` parses single-article files and dispatches,
``streams`` reads collections, ``decoding`` detects encodings and repairs text, ``metadata``
finds title/source/date/author in the text and reads the sidecar (``workbench-metadata.csv``,
documented there), ``boilerplate`` marks the spans that are not reporting. Precedence for each
field: sidecar cell > the format's own field (JSON key, CSV column, HTML meta tag) > what the
text rules found.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from workbench.core.errors import CorpusError
from workbench.core.ingest import formats
from workbench.core.ingest.article import Article, CorpusFile, FileWarning, SkippedFile
from workbench.core.ingest.boilerplate import find_boilerplate
from workbench.core.ingest.formats import MAX_HTML_BYTES, FormatError, RawRecord
from workbench.core.ingest.metadata import (
    SIDECAR_NAME,
    Sidecar,
    apply_sidecar,
    canonical_source,
    extract_metadata,
    load_sidecar,
    parse_date,
)
from workbench.core.ingest.problems import ProblemLog, at_record, megabytes
from workbench.core.ingest.records import MAX_ARTICLE_BYTES
from workbench.core.messages import translatable

__all__ = [
    "MAX_ARTICLE_BYTES", "MAX_HTML_BYTES", "SIDECAR_NAME", "SUPPORTED_SUFFIXES", "ArticleStream", "FileContents",
    "checked_root", "read_articles", "read_file", "scan_corpus",
]

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES: frozenset[str] = frozenset(
    {".txt", ".md", ".html", ".htm", ".jsonl", ".json", ".csv", ".jsonl.gz"})

_LOOP_ERRNOS = frozenset({errno.ELOOP})
"""errno of "too many levels of symbolic links"."""


def scan_corpus(root: Path) -> tuple[list[CorpusFile], list[SkippedFile]]:
    """All supported files under ``root``, recursively, sorted by relpath, and the skips.

    Hidden files and folders (name starting with ".") and the sidecar are left out; symbolic
    links follow the rules in the module docstring. A subfolder that cannot be listed becomes a
    ``SkippedFile("permission")``; so does a sidecar that cannot be applied, with
    ``"parse_error"``. Raises ``CorpusError`` when ``root`` itself is unusable.
    """
    checked_root(root)
    root = Path(root)
    files: list[CorpusFile] = []
    skipped: list[SkippedFile] = []
    _scan_folder(root, root.resolve(), "", files, skipped, top=True)
    files.sort(key=lambda item: item.relpath)
    problems = load_sidecar(root).problems
    if problems:
        skipped.append(SkippedFile(SIDECAR_NAME, "parse_error",
                                   translatable("Some metadata overrides were not applied. {problems}"),
                                   problems=list(problems)))
    skipped.sort(key=lambda item: item.relpath)
    return files, skipped


def checked_root(corpus: Path | str) -> Path:
    """The corpus folder as an absolute path; raises CorpusError unless it is a folder this
    process may list (the one check every entry point makes before touching a corpus)."""
    root = Path(corpus).expanduser().resolve()
    if not root.exists():
        raise CorpusError(translatable("The corpus folder {folder} does not exist: check the path or open "
                                       "another folder."), folder=root)
    if not root.is_dir():
        raise CorpusError(translatable("Not a folder: {folder}. Choose the folder that holds the articles, not a "
                                       "single file."), folder=root)
    if not os.access(root, os.R_OK | os.X_OK):
        raise CorpusError(translatable("Permission denied for corpus folder {folder}. Give your user read access to "
                                       "it, or copy the articles to a folder you own."), folder=root)
    return root


def _scan_folder(folder: Path, real_root: Path, prefix: str, files: list[CorpusFile],
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
            if entry.is_symlink():
                found = _scan_link(Path(entry.path), real_root, relpath)
                if isinstance(found, SkippedFile):
                    skipped.append(found)
                elif found is not None:
                    files.append(found)
            elif entry.is_dir(follow_symlinks=False):
                _scan_folder(Path(entry.path), real_root, relpath + "/", files, skipped)
            elif formats.kind_of(name) is not None and entry.is_file(follow_symlinks=False):
                stat = entry.stat(follow_symlinks=False)
                files.append(CorpusFile(relpath, stat.st_size, stat.st_mtime_ns))
        except OSError as exc:
            skipped.append(_os_skip(relpath, exc))


def _scan_link(path: Path, real_root: Path, relpath: str) -> CorpusFile | SkippedFile | None:
    """What a symbolic link found while scanning is: a file to read, a skip, or nothing to report."""
    target = _link_target(path, relpath)
    if isinstance(target, SkippedFile):
        return target if target.reason == "link_loop" or formats.kind_of(path.name) is not None else None
    if target.is_dir():
        if target == real_root or target in path.parents or target in real_root.parents:
            return SkippedFile(relpath, "link_loop", translatable("This folder is a link to {target}, a folder that "
                                                                  "contains it; it was not followed (it would loop)."),
                               target=target)
        if not target.is_relative_to(real_root):
            return _outside(relpath, target)
        return None  # its files are read where they are
    if formats.kind_of(path.name) is None:
        return None
    if not target.is_relative_to(real_root):
        return _outside(relpath, target)
    stat = target.stat()
    return CorpusFile(relpath, stat.st_size, stat.st_mtime_ns)


def _link_target(path: Path, relpath: str) -> Path | SkippedFile:
    """Where a symbolic link finally points, or the SkippedFile for a loop or a dangling link."""
    try:
        return path.resolve(strict=True)
    except RuntimeError:  # Python before 3.13 reports a loop this way
        return _loop(relpath)
    except FileNotFoundError:
        return SkippedFile(relpath, "broken_link", translatable("This is a link to {target}, which does not exist. "
                                                                "Fix or remove the link."),
                           target=os.readlink(path))
    except OSError as exc:
        if exc.errno in _LOOP_ERRNOS:
            return _loop(relpath)
        raise


def _loop(relpath: str) -> SkippedFile:
    return SkippedFile(relpath, "link_loop", translatable("This link points back to itself through other links (a "
                                                          "loop), so it leads to no file. Fix or remove the link."))


def _outside(relpath: str, target: Path) -> SkippedFile:
    return SkippedFile(relpath, "outside_link", translatable("This is a link to {target}, outside the corpus folder; "
                                                             "it was not followed. Copy the file into the corpus to "
                                                             "include it."),
                       target=target)


@dataclass(frozen=True)
class FileContents:
    """All the articles of one file and the warnings about it (``read_file``)."""

    articles: list[Article]
    warnings: list[FileWarning]


def read_file(root: Path, relpath: str) -> FileContents:
    """The articles of one corpus file and its warnings, read whole (see ``read_articles``).

    Raises ``SkippedFile`` when the file cannot be read.
    """
    stream = read_articles(root, relpath)
    articles = list(stream)
    return FileContents(articles, stream.warnings)


def read_articles(root: Path, relpath: str, start: int = 1) -> ArticleStream:
    """The articles of one corpus file, with the sidecar overrides applied, as a stream.

    ``start`` skips the records numbered below it (to resume a collection after the last
    record already indexed; single-article files have number 0 and are never skipped).
    """
    return ArticleStream(Path(root), relpath, start)


class ArticleStream:
    """The articles of one corpus file as they are read; iterate it once.

    Iterating raises ``SkippedFile`` when the file cannot be read: before the first article
    for anything about its content, but at any point for an operating-system error (the file
    vanished, permission was withdrawn, an I/O error). Articles already produced are valid, but
    the file was then not read whole and must not be recorded as indexed. An error while
    building one article leaves that article out with an "invalid_records" warning.

    When the iteration has ended, ``warnings`` lists the problems inside the file (one
    ``FileWarning`` per reason, over the whole file even with ``start``).
    """

    def __init__(self, root: Path, relpath: str, start: int = 1) -> None:
        self.root = root
        self.relpath = relpath
        self.start = start
        self.warnings: list[FileWarning] = []
        self._log = ProblemLog()

    def __iter__(self) -> Iterator[Article]:
        relpath = self.relpath
        try:
            path, kind = self._checked_path()
            sidecar = load_sidecar(self.root)
            for record in formats.iter_records(path, kind, self._log):
                if record.number and record.number < self.start:
                    continue
                article = self._article(record, sidecar)
                if article is not None:
                    yield article
        except FormatError as exc:
            raise SkippedFile(relpath, exc.reason, exc.text) from exc
        except IsADirectoryError as exc:
            raise SkippedFile(relpath, "parse_error", translatable("This is a folder, not a file.")) from exc
        except OSError as exc:
            raise _os_skip(relpath, exc) from exc
        except SkippedFile:
            raise
        except Exception as exc:  # a bug in a reader must cost one file, not the run
            log.exception("reading %s failed", relpath)
            raise SkippedFile(relpath, "parse_error", translatable("This file could not be read because of an "
                                                                   "unexpected error ({error}). Please report it."),
                              error=f"{type(exc).__name__}: {exc}") from exc
        self.warnings = self._log.warnings(relpath)

    def _checked_path(self) -> tuple[Path, str]:
        """The file's path and kind, after the checks that need no reading (type, links, size)."""
        relpath = self.relpath
        kind = formats.kind_of(relpath)
        if kind is None:
            raise SkippedFile(relpath, "parse_error", translatable("This file type is not supported; use one of "
                                                                   "{suffixes}."),
                              suffixes=", ".join(sorted(SUPPORTED_SUFFIXES)))
        path = self.root / relpath
        if path.is_symlink():
            target = _link_target(path, relpath)
            if isinstance(target, SkippedFile):
                raise target
            if not target.is_relative_to(self.root.resolve()):
                raise _outside(relpath, target)
        size = path.stat().st_size
        if size == 0:
            raise SkippedFile(relpath, "empty", translatable("The file is empty (0 bytes)."))
        limit = formats.size_limit(kind)
        if limit is not None and size > limit:
            raise SkippedFile(relpath, "too_large", translatable("The file is {size}, over the {limit} limit for one "
                                                                 "article: check that it belongs here, or split it."),
                              size=megabytes(size), limit=megabytes(limit))
        return path, kind

    def _article(self, record: RawRecord, sidecar: Sidecar) -> Article | None:
        """The Article of one record, or None (logged) if building it fails."""
        article_id = _article_id(self.relpath, record)
        try:
            return _article(self.relpath, record, apply_sidecar(sidecar, self.relpath, article_id))
        except (RecursionError, ValueError, UnicodeError) as exc:
            log.exception("building article %s failed", article_id)
            self._log.add("invalid_records", at_record(record.number), detail=f"{type(exc).__name__}: {exc}")
            return None


def _os_skip(relpath: str, exc: OSError) -> SkippedFile:
    """The SkippedFile for an operating-system error while reading ``relpath``.

    Errors other than permission, not-found and link loops (a disconnected drive, EIO) are
    reported as "vanished": the remedy is the same, reconnect and scan again.
    """
    if exc.errno in _LOOP_ERRNOS:
        return _loop(relpath)
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
