"""Collections (JSON Lines, JSON, CSV) read as streams, one record at a time, in bounded memory.

Each reader finds the boundaries of the next record in the raw bytes first (a line; an element
of the top-level JSON array; a CSV row, which may span lines inside quotes), so a record over
``MAX_ARTICLE_BYTES`` is counted and skipped without ever being held whole, then decodes and
parses that one record. Memory is therefore bounded by the record limit plus one read buffer
(``CHUNK_BYTES``), whatever the size of the file.

Problems inside a file never stop it: an invalid line or item, a row the CSV parser rejects, a
record without text, a record over the limit, an unclosed CSV quote, invalid bytes, are logged
in the ``ProblemLog`` and reading goes on. Damage that makes the rest unreadable (a truncated
or corrupt ``.gz``, a JSON syntax error between items) stops the reading there with a
"truncated" entry; the records before it are kept.

Encodings: detected on the first 64 KiB (decoding.py). UTF-8 and Windows-1256 keep every
structural character (quotes, brackets, delimiters, newlines) a single ASCII byte, so the
boundaries are found on bytes; UTF-16 files are recoded to UTF-8 first.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import re
import zlib
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol

from workbench.core.ingest.decoding import SNIFF_BYTES, DecodingError, sniff_encoding
from workbench.core.ingest.problems import ProblemLog, at_item, at_line, at_record, megabytes
from workbench.core.ingest.records import (
    FIELD_NAMES,
    MAX_ARTICLE_BYTES,
    FormatError,
    RawRecord,
    record_from_mapping,
)
from workbench.core.messages import Message, translatable

__all__ = ["CHUNK_BYTES", "read_csv", "read_json", "read_jsonl"]

CHUNK_BYTES = 1024 * 1024
"""How much is read at a time from a collection."""

_DAMAGE_ERRORS = (gzip.BadGzipFile, EOFError, zlib.error)
"""What a damaged or truncated ``.gz`` raises part-way through."""


class _ByteStream(Protocol):
    """What the readers need of a file: buffered binary reads."""

    def read(self, size: int = ..., /) -> bytes: ...

    def readline(self, size: int = ..., /) -> bytes: ...


# --- opening ----------------------------------------------------------------------------------

class _Utf8Recoder:
    """A UTF-16 text file read as UTF-8 bytes (lone surrogates pass through, for ``scrub``)."""

    def __init__(self, raw: gzip.GzipFile | io.BufferedReader, encoding: str) -> None:
        self._text = io.TextIOWrapper(raw, encoding=encoding, errors="surrogatepass", newline="")

    def read(self, size: int = -1, /) -> bytes:
        return self._text.read(size).encode("utf-8", "surrogatepass")

    def readline(self, size: int = -1, /) -> bytes:
        return self._text.readline(size).encode("utf-8", "surrogatepass")


class _Opened(AbstractContextManager["_Opened"]):
    """A collection file opened for reading: its byte stream and the codec of its records."""

    def __init__(self, path: Path, kind_label: str) -> None:
        # Closed by __exit__: the stream lives as long as this context.
        self._raw: gzip.GzipFile | io.BufferedReader = (
            gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb"))  # noqa: SIM115
        try:
            head = self._raw.read(SNIFF_BYTES)
            self._raw.seek(0)
            try:
                encoding = sniff_encoding(head, whole=len(head) < SNIFF_BYTES)
            except DecodingError as error:
                raise FormatError(error.reason, _COLLECTION_DECODING[error.reason], format=kind_label) from error
        except _DAMAGE_ERRORS as error:
            self._raw.close()
            raise FormatError("parse_error", translatable("The compressed file is damaged ({error}). Re-create it "
                                                          "or decompress it."), error=error) from error
        except BaseException:
            self._raw.close()
            raise
        self.stream: _ByteStream
        if encoding.startswith("utf-16"):
            self.stream, self.codec = _Utf8Recoder(self._raw, encoding), "utf-8"
        else:
            if encoding == "utf-8-sig":
                self._raw.read(len(codecs.BOM_UTF8))
            self.stream, self.codec = self._raw, "cp1256" if encoding == "cp1256" else "utf-8"

    def __exit__(self, *exc: object) -> None:
        self._raw.close()


_COLLECTION_DECODING = {
    "binary": translatable("This is a binary file, not {format} text (it contains NUL or control bytes). Export "
                           "it again as UTF-8 {format}."),
    "encoding": translatable("The {format} file is not UTF-8 and does not look like Arabic Windows-1256. Re-save it "
                             "as UTF-8 (in Excel: CSV UTF-8)."),
}


def _decode(data: bytes, codec: str) -> str:
    """One record's bytes as text; undecodable bytes become lone surrogates, which
    ``record_from_mapping`` replaces and counts in the values it keeps."""
    return data.decode(codec, "surrogateescape")


def _read_line(stream: _ByteStream, limit: int) -> tuple[bytes | None, int]:
    """The next physical line (with its newline), or None when it is longer than ``limit``
    (it is then consumed in pieces, never held whole); and its size. (b"", 0) at the end."""
    line = stream.readline(limit + 1)
    if len(line) <= limit or line.endswith(b"\n"):
        return line, len(line)
    size = len(line)
    while not line.endswith(b"\n"):
        line = stream.readline(CHUNK_BYTES)
        if not line:
            break
        size += len(line)
    return None, size


def _guarded(records: Iterator[RawRecord], log: ProblemLog, where: Callable[[], Message]) -> Iterator[RawRecord]:
    """``records``, ending with a "truncated" entry when damage (a corrupt or cut ``.gz``, a
    file that ends inside a JSON value) makes the rest of the file unreadable."""
    try:
        yield from records
    except _DAMAGE_ERRORS as error:
        detail = error.detail if isinstance(error, _TruncatedJson) else (str(error) or type(error).__name__)
        log.add("truncated", where(), detail=detail)


# --- JSON Lines -------------------------------------------------------------------------------

def read_jsonl(path: Path, log: ProblemLog) -> Iterator[RawRecord]:
    """Records of a JSON Lines file (optionally gzip-compressed), one line at a time.

    Blank lines are not records; every other line is record n (its number in the article id),
    whether or not it can be read.
    """
    with _Opened(path, "JSON Lines") as opened:
        state = {"number": 0}
        yield from _guarded(_jsonl_records(opened, log, state), log, lambda: at_record(state["number"] + 1))


def _jsonl_records(opened: _Opened, log: ProblemLog, state: dict[str, int]) -> Iterator[RawRecord]:
    line_number = 0
    while True:
        line, size = _read_line(opened.stream, MAX_ARTICLE_BYTES)
        if not size:
            return
        line_number += 1
        if line is not None and not line.strip():
            continue
        state["number"] += 1
        number, where = state["number"], at_line(line_number)
        if line is None:
            log.add("too_large_records", where, detail=megabytes(size), limit=megabytes(MAX_ARTICLE_BYTES))
            continue
        try:
            obj = json.loads(_decode(line, opened.codec), strict=False)
        except (ValueError, RecursionError) as error:
            log.add("invalid_records", where, detail=_json_error(error))
            continue
        if not isinstance(obj, dict):
            log.add("invalid_records", where, detail=Message(translatable("not a JSON object")))
            continue
        if (record := record_from_mapping(number, obj, log, where, opened.codec)) is not None:
            yield record


def _json_error(error: Exception) -> str | Message:
    """A short description of a JSON parse failure."""
    if isinstance(error, json.JSONDecodeError):
        return error.msg
    if isinstance(error, RecursionError):
        return Message(translatable("nested too deeply"))
    return str(error)


# --- JSON -------------------------------------------------------------------------------------

def read_json(path: Path, log: ProblemLog) -> Iterator[RawRecord]:
    """Records of a JSON file: an array of objects, one object, or an object holding an array.

    The array is read one element at a time (``_JsonScanner``); a top-level object is parsed
    whole when it is within the article limit, else its first member that is an array of
    objects is read as the collection.
    """
    with _Opened(path, "JSON") as opened:
        scanner = _JsonScanner(opened.stream)
        state = {"item": 0}
        whole = path.stat().st_size <= MAX_ARTICLE_BYTES
        yield from _guarded(_json_records(scanner, opened.codec, log, state, whole), log,
                            lambda: at_item(state["item"]))


def _json_records(scanner: _JsonScanner, codec: str, log: ProblemLog, state: dict[str, int],
                  whole: bool) -> Iterator[RawRecord]:
    first = scanner.peek()
    if first == ord("["):
        yield from _json_array(scanner, codec, log, state)
    elif first == ord("{"):
        yield from _json_object(scanner, codec, log, state, whole)
    else:
        raise FormatError("parse_error", _NO_ARTICLES)


_NO_ARTICLES = translatable("The JSON holds no articles: expected an array of objects with a content/text/body "
                            "field. Export the articles again.")


def _json_array(scanner: _JsonScanner, codec: str, log: ProblemLog, state: dict[str, int]) -> Iterator[RawRecord]:
    """The records of the array starting at the scanner's position."""
    scanner.take()
    if scanner.peek() == ord("]"):
        scanner.take()
        return
    while True:
        state["item"] += 1
        number, where = state["item"], at_item(state["item"])
        data, size = scanner.value(MAX_ARTICLE_BYTES)
        if data is None:
            log.add("too_large_records", where, detail=megabytes(size), limit=megabytes(MAX_ARTICLE_BYTES))
        else:
            record = _json_record(number, data, codec, log, where)
            if record is not None:
                yield record
        separator = scanner.take()
        if separator == ord("]"):
            return
        if separator != ord(","):
            log.add("truncated", at_item(number + 1), detail=_syntax_detail(scanner, separator))
            return


def _json_object(scanner: _JsonScanner, codec: str, log: ProblemLog, state: dict[str, int],
                 whole: bool) -> Iterator[RawRecord]:
    """A top-level object: one article, or a wrapper whose array member holds the articles.

    A file within the article limit (``whole``) is parsed at once; a larger one is walked
    member by member to the first array of objects, which is read like a top-level array.
    """
    if whole:
        data, _ = scanner.value(MAX_ARTICLE_BYTES)
        obj = _load(data or b"", codec)
        items = _wrapped_items(obj)
        if items is None:
            raise FormatError("parse_error", _NO_ARTICLES)
        for number, item in enumerate(items, 1):
            state["item"] = number
            if isinstance(item, dict):
                if (record := record_from_mapping(number, item, log, at_item(number), codec)) is not None:
                    yield record
            else:
                log.add("invalid_records", at_item(number), detail=Message(translatable("not a JSON object")))
        return
    scanner.take()  # "{"
    while scanner.peek() == ord('"'):
        scanner.value(MAX_ARTICLE_BYTES)  # the member's name
        if scanner.take() != ord(":"):
            break
        if scanner.peek() == ord("[") and scanner.peek_second() == ord("{"):
            yield from _json_array(scanner, codec, log, state)
            return
        scanner.value(MAX_ARTICLE_BYTES)
        if scanner.take() != ord(","):
            break
    raise FormatError("parse_error", _NO_ARTICLES)


def _wrapped_items(obj: Any) -> list[Any] | None:
    """The article objects of a parsed top-level object: itself, or its first array of objects."""
    if not isinstance(obj, dict):
        return None
    if any(isinstance(obj.get(key), (str, list)) for key in obj if str(key).strip().lower() in FIELD_NAMES["text"]):
        return [obj]
    for value in obj.values():
        if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
            return value
    return None


def _load(data: bytes, codec: str) -> Any:
    try:
        return json.loads(_decode(data, codec), strict=False)
    except (ValueError, RecursionError) as error:
        raise FormatError("parse_error", translatable("The file is not valid JSON ({error}). Fix it or export it "
                                                      "again."), error=_json_error(error)) from error


def _json_record(number: int, data: bytes, codec: str, log: ProblemLog, where: Message) -> RawRecord | None:
    try:
        obj = json.loads(_decode(data, codec), strict=False)
    except (ValueError, RecursionError) as error:
        log.add("invalid_records", where, detail=_json_error(error))
        return None
    if not isinstance(obj, dict):
        log.add("invalid_records", where, detail=Message(translatable("not a JSON object")))
        return None
    return record_from_mapping(number, obj, log, where, codec)


def _syntax_detail(scanner: _JsonScanner, found: int | None) -> Message:
    if found is None:
        return Message(translatable("the file ends inside the array"))
    return Message(translatable("expected ',' or ']' at byte {offset}"), {"offset": scanner.offset})


class _TruncatedJson(EOFError):
    """The file ends inside a JSON value."""

    def __init__(self) -> None:
        super().__init__("the file ends inside a JSON value")
        self.detail = Message(translatable("the file ends inside a JSON value"))


_STRING_BODY = re.compile(rb'[^"\\]*(?:\\.[^"\\]*)*', re.S)
_STRUCTURE = re.compile(rb'["\[\]{}]')
_SCALAR_END = re.compile(rb"[,\]}\s]")
_WHITESPACE = b" \t\r\n"


class _JsonScanner:
    """Finds the extent of JSON values in a byte stream without parsing them.

    Strings are skipped with one regular-expression match (escapes included) and brackets are
    counted outside them, so a value's end is found at C speed; ``value`` returns the value's
    bytes for ``json.loads``, or only its size when it is over the limit (then it is skipped
    without being kept).
    """

    def __init__(self, stream: _ByteStream) -> None:
        self._stream = stream
        self._buf = b""
        self._pos = 0
        self.offset = 0
        """Bytes of the stream before the current position (for messages)."""

    def _fill(self) -> bool:
        """Append the next chunk to the buffer (dropping what was consumed); False at the end."""
        data = self._stream.read(CHUNK_BYTES)
        if not data:
            return False
        self._buf = self._buf[self._pos:] + data
        self._pos = 0
        return True

    def peek(self) -> int | None:
        """The next byte that is not whitespace (not consumed), or None at the end."""
        while True:
            while self._pos < len(self._buf) and self._buf[self._pos] in _WHITESPACE:
                self._pos += 1
                self.offset += 1
            if self._pos < len(self._buf):
                return self._buf[self._pos]
            if not self._fill():
                return None

    def peek_second(self) -> int | None:
        """The first byte that is not whitespace after the next one (nothing is consumed)."""
        if self.peek() is None:
            return None
        index = self._pos + 1
        while True:
            while index < len(self._buf) and self._buf[index] in _WHITESPACE:
                index += 1
            if index < len(self._buf):
                return self._buf[index]
            consumed = self._pos
            if not self._fill():
                return None
            index -= consumed

    def take(self) -> int | None:
        """Consume and return the next byte that is not whitespace (None at the end)."""
        byte = self.peek()
        if byte is not None:
            self._pos += 1
            self.offset += 1
        return byte

    def value(self, limit: int) -> tuple[bytes | None, int]:
        """Consume the next value: its bytes (None when over ``limit``: then they are never
        held whole) and its size. Raises _TruncatedJson when the stream ends inside it."""
        if self.peek() is None:
            raise _TruncatedJson
        scalar = self._buf[self._pos] not in b'[{"'
        parts: list[bytes] | None = []
        size = depth = 0
        in_string = False
        index = self._pos
        while True:
            end, index, depth, in_string = self._scan(index, depth, in_string, scalar)
            stop = end if end is not None else index
            size += stop - self._pos
            if parts is not None:
                parts = None if size > limit else [*parts, self._buf[self._pos:stop]]
            self.offset += stop - self._pos
            self._pos = stop
            if end is not None:
                return (None if parts is None else b"".join(parts)), size
            if not self._fill():
                if scalar:
                    return (None if parts is None else b"".join(parts)), size
                raise _TruncatedJson
            index = 0

    def _scan(self, index: int, depth: int, in_string: bool,
              scalar: bool) -> tuple[int | None, int, int, bool]:
        """Scan the buffer from ``index``: (end of the value or None, where scanning stopped,
        bracket depth, inside a string)."""
        buf = self._buf
        while index < len(buf):
            if scalar:
                match = _SCALAR_END.search(buf, index)
                return (match.start(), match.start(), 0, False) if match else (None, len(buf), 0, False)
            if in_string:
                end = _STRING_BODY.match(buf, index).end()  # type: ignore[union-attr]
                if end >= len(buf) or buf[end] != ord('"'):
                    return None, end, depth, True  # the buffer ends inside the string (maybe after a \)
                index, in_string = end + 1, False
                if depth == 0:
                    return index, index, 0, False
                continue
            match = _STRUCTURE.search(buf, index)
            if match is None:
                return None, len(buf), depth, False
            index = match.end()
            char = buf[match.start()]
            if char == ord('"'):
                in_string = True
            elif char in b"[{":
                depth += 1
            else:
                depth -= 1
                if depth == 0:
                    return index, index, 0, False
        return None, index, depth, in_string


# --- CSV --------------------------------------------------------------------------------------

def read_csv(path: Path, log: ProblemLog) -> Iterator[RawRecord]:
    """Records of a CSV file with a header row, one row at a time.

    The delimiter is read from the header line (comma, semicolon, tab or bar: spreadsheet
    exports vary). A quote that is never closed would make the rest of the file one field:
    it is reported, that row is left out, and reading starts again at the line after it.
    """
    csv.field_size_limit(max(csv.field_size_limit(), MAX_ARTICLE_BYTES + 1))
    with _Opened(path, "CSV") as opened:
        header_line, _ = _read_line(opened.stream, MAX_ARTICLE_BYTES)
        header_text = _decode(header_line or b"", opened.codec)
        delimiter = max(",;\t|", key=header_text.count)
        try:
            header = [name.strip().lower() for name in next(csv.reader([header_text], delimiter=delimiter), [])]
        except csv.Error:
            header = []
        if not set(header) & set(FIELD_NAMES["text"]):
            raise FormatError("parse_error", translatable("The CSV header has no text column: name the column holding "
                                                          "the article text one of {names}."),
                              names=", ".join(FIELD_NAMES["text"][:3]))
        rows = _CsvRows(opened, delimiter, log)
        yield from rows.records(header)
    resume = rows.unclosed_at
    while resume is not None:
        with _Opened(path, "CSV") as opened:
            for _ in range(resume):
                _read_line(opened.stream, MAX_ARTICLE_BYTES)
            rows = _CsvRows(opened, delimiter, log, first_line=resume + 1, first_number=rows.number)
            yield from rows.records(header)
        resume = rows.unclosed_at


_LINE_RE = re.compile(r"[^\n]*\n|[^\n]+")
"""Physical lines with their newline (``str.splitlines`` would also split at U+2028 and more)."""


class _CsvRows:
    """Splits a CSV byte stream into rows, following quotes the way Python's csv module does
    (a quote opens a quoted field only at the start of a field; ``""`` inside one is a quote)."""

    def __init__(self, opened: _Opened, delimiter: str, log: ProblemLog, first_line: int = 2,
                 first_number: int = 0) -> None:
        self._opened = opened
        self._delimiter = delimiter.encode("ascii")
        self._log = log
        self._next_line = first_line
        self.number = first_number
        self.unclosed_at: int | None = None
        """The line of a row whose quote never closes (reading should resume after it)."""

    def records(self, header: list[str]) -> Iterator[RawRecord]:
        """The rows as records; problems are logged."""
        for start, lines, size in self._rows():
            self.number += 1
            where = at_line(start)
            if lines is None:
                self._log.add("too_large_records", where, detail=megabytes(size), limit=megabytes(MAX_ARTICLE_BYTES))
                continue
            text = _decode(b"".join(lines), self._opened.codec)
            try:
                row = next(csv.reader(_LINE_RE.findall(text), delimiter=self._delimiter.decode("ascii")), [])
            except csv.Error as error:
                self._log.add("invalid_records", where, detail=str(error))
                continue
            if not any(cell.strip() for cell in row):
                continue  # a blank line or a spreadsheet's empty row: not a record
            record = record_from_mapping(self.number, dict(zip(header, row, strict=False)), self._log, where,
                                         self._opened.codec)
            if record is not None:
                yield record

    def _rows(self) -> Iterator[tuple[int, list[bytes] | None, int]]:
        """(first line, the row's pieces of lines or None when over the limit, size) for each row;
        a row whose quote never closes ends the iteration and sets ``unclosed_at``."""
        stream = self._opened.stream
        while piece := stream.readline(CHUNK_BYTES):
            start = self._next_line
            state = _QuoteState()
            lines: list[bytes] | None = []
            size = 0
            while piece:
                self._next_line += piece.endswith(b"\n")
                size += len(piece)
                state.feed(piece, self._delimiter)
                if lines is not None:
                    lines = None if size > MAX_ARTICLE_BYTES else [*lines, piece]
                if piece.endswith(b"\n") and not state.quoted:
                    break
                piece = stream.readline(CHUNK_BYTES)
            if not piece and state.quoted:
                self._log.add("unclosed_quote", at_line(start))
                self.unclosed_at = start
                self.number += 1
                return
            yield start, lines, size


class _QuoteState:
    """Whether a CSV row is inside a quoted field, fed the row's bytes piece by piece."""

    def __init__(self) -> None:
        self.quoted = False
        self._at_field_start = True
        self._quote_pending = False
        """A quote ended the previous piece inside a quoted field: closing, or the first of ``""``."""

    def feed(self, piece: bytes, delimiter: bytes) -> None:
        position, quoted, at_start = 0, self.quoted, self._at_field_start
        if self._quote_pending:
            self._quote_pending = False
            if piece.startswith(b'"'):
                position = 1  # an escaped quote: still inside the field
            else:
                quoted, at_start = False, False
        while position < len(piece):
            if quoted:
                found = piece.find(b'"', position)
                if found < 0:
                    position = len(piece)
                elif found + 1 == len(piece):
                    self._quote_pending = True
                    position = len(piece)
                elif piece[found + 1] == ord('"'):
                    position = found + 2
                else:
                    quoted, at_start, position = False, False, found + 1
            elif at_start and piece[position] == ord('"'):
                quoted, position = True, position + 1
            else:
                found = piece.find(delimiter, position)
                if found < 0:
                    at_start = piece.endswith(b"\n")
                    position = len(piece)
                else:
                    at_start, position = True, found + 1
        self.quoted, self._at_field_start = quoted, at_start
