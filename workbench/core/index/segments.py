"""Whoosh segments written straight from analysed articles, and the codec they are written with.

Indexing used to hand every document to Whoosh's ``SegmentWriter``, which analyses each field,
pushes every posting through a sorting pool (pickled to temporary runs when the pool fills),
sorts a million tuples at commit and looks up every posting's field length again while
writing. ``SegmentBuilder`` writes the same segment files (Whoosh's W3 format, read back by
Whoosh unchanged) from per-term lists it fills as articles come: the text of the two Arabic
analyses is tokenised once (``arabic.tokenize`` keeps its last result), postings are grouped
by term as they arrive, and only the distinct terms are sorted. A worker process builds one
segment per task (preparing.py) and the publishing process only adds it to the index.

``SafeCodec`` is Whoosh's W3 codec with one fix: W3 stores a term's postings inline in the
term table when it has at most eight, with each posting's value length packed as a 16-bit
number, so a word repeated more than ~65,000 times in one article (its positions take more
than 65,535 bytes) made the whole commit fail with ``struct.error: 'H' format requires 0 <=
number <= 65535``. Such postings are written as a normal posting block instead.
"""

from __future__ import annotations

import os
import struct
from array import array
from collections.abc import Iterator, Mapping
from typing import Any

import numpy as np
from whoosh import formats
from whoosh.codec.whoosh3 import W3Codec, W3FieldWriter, W3PostingsWriter, W3Segment
from whoosh.fields import Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.system import pack_uint, pack_ushort
from whoosh.util.numeric import length_to_byte

from workbench.core.index.analysis import exact_analyzer, exact_positions, stem_analyzer, stem_frequencies

__all__ = ["INDEX_NAME", "SafeCodec", "SegmentBuilder", "segment_file_name"]

INDEX_NAME = "MAIN"
"""Whoosh's name for the index in its folder (its default, so older indexes open unchanged)."""

MAX_INLINE_VALUE = 0xFFFF
"""The longest posting value W3 can store inline (its length is packed as an unsigned short)."""


class _SafePostingsWriter(W3PostingsWriter):
    """W3's postings writer, which writes a posting block instead of an inline entry whose
    value length would overflow the inline format, and takes a term's postings in bulk."""

    _maxweight: float
    _minlength: int | None
    _maxlength: int

    def finish_postings(self, allow_compact: bool = True) -> Any:
        if allow_compact and any(len(value) > MAX_INLINE_VALUE for value in self._values):
            allow_compact = False
        return super().finish_postings(allow_compact)

    def add_postings(self, ids: list[int], weights: list[float], values: list[bytes], lengths: list[int]) -> None:
        """``add_posting`` for each (id, weight, value, length), filling whole blocks at a time.

        Keeps exactly the statistics ``add_posting`` keeps (the block's maximum weight and its
        shortest and longest non-zero length; empty values are not stored), so the blocks and
        term infos written are byte for byte the same.
        """
        limit = self._blocklimit
        start, count = 0, len(ids)
        while start < count:
            if len(self._ids) >= limit:
                self._write_block()
            end = min(count, start + limit - len(self._ids))
            self._ids.extend(ids[start:end])
            block_weights = weights[start:end]
            self._weights.extend(block_weights)
            self._maxweight = max(self._maxweight, *block_weights)
            self._values.extend(value for value in values[start:end] if value)
            block_lengths = [length for length in lengths[start:end] if length]
            if block_lengths:
                shortest = min(block_lengths)
                if self._minlength is None or shortest < self._minlength:
                    self._minlength = shortest
                self._maxlength = max(self._maxlength, *block_lengths)
            start = end


class _BulkFieldWriter(W3FieldWriter):
    """W3's field writer, with a term's postings added at once (``add_term``).

    A term with at most eight postings (most terms of a segment) is stored inline in the term
    table; for those, the term info is packed here directly, exactly as ``W3TermInfo.to_bytes``
    packs it after ``W3PostingsWriter.finish_postings`` (tests/core/test_index_segments.py
    compares every term with Whoosh's own writer), which is several times faster than building
    the objects. Longer posting lists go through the postings writer, in whole blocks.
    """

    def add_term(self, term: bytes, ids: list[int], weights: list[float], values: list[bytes],
                 lengths: list[int]) -> None:
        """One term and all its postings, in document order."""
        count = len(ids)
        if count > MAX_COMPACT_POSTINGS or any(len(value) > MAX_INLINE_VALUE for value in values):
            self.start_term(term)
            self._postwriter.add_postings(ids, weights, values, lengths)
            self.finish_term()
            return
        weights = array("f", weights).tolist()  # what Whoosh keeps: 32-bit floats
        present = [length for length in lengths if length]
        header = _TERM_INFO.pack(
            _FLAG_COMPACT if count == 1 else _FLAG_COMPACT_SHORT, sum(weights), count,
            length_to_byte(min(present)) if present else 0, length_to_byte(max(present, default=0)),
            max(weights), ids[0], ids[-1])
        kept = [value for value in values if value]
        if count == 1:
            value = kept[0] if kept else b""
            body = _ONE_POSTING.pack(ids[0], weights[0]) + _VALUE_LENGTH.pack(len(value)) + value
        else:
            kept += [b""] * (count - len(kept))
            body = (bytes((count,)) + struct.pack(f"!{count}I{count}f{count}H", *ids, *weights, *map(len, kept))
                    + b"".join(kept))
        self._tindex.add(self._field_key + term, header + body)

    def start_field(self, fieldname: str, fieldobj: Any) -> None:
        super().start_field(fieldname, fieldobj)
        self._field_key = pack_ushort(self._fieldid)


MAX_COMPACT_POSTINGS = 8
"""W3 stores a term's postings inline in its term info up to this many (finish_postings)."""
_TERM_INFO = struct.Struct("!BfIBBfII")
"""W3TermInfo._struct: flags, weight, doc frequency, min and max length bytes, max weight, first and last id."""
_FLAG_COMPACT = 2
_FLAG_COMPACT_SHORT = 3
_ONE_POSTING = struct.Struct("!If")
_VALUE_LENGTH = struct.Struct("!H")


class SafeCodec(W3Codec):
    """Whoosh's W3 codec with postings of any length (see the module docstring).

    Readers need nothing special: the segments it writes are plain W3 segments, and the codec
    object pickled with each segment only changes how postings are written.
    """

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> _SafePostingsWriter:
        return _SafePostingsWriter(dbfile, blocklimit=self._blocklimit, byteids=byteids,
                                   compression=self._compression, inlinelimit=self._inlinelimit)

    def field_writer(self, storage: Any, segment: Any) -> _BulkFieldWriter:
        return _BulkFieldWriter(self, storage, segment)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))


def segment_file_name(segment: W3Segment) -> str:
    """The file holding a compound segment (``MAIN_<id>.seg``)."""
    return str(segment.make_filename(W3Segment.COMPOUND_EXT))


_EXACT = "exact"
_STEM = "stem"


def _fast_kinds(schema: Schema) -> dict[str, str]:
    """Fields whose terms the builder computes itself: the Arabic exact (positions) and stem
    (frequencies) fields. Any other field is analysed by Whoosh's own ``field.index``."""
    exact, stem = exact_analyzer(), stem_analyzer()
    kinds = {}
    for name, field in schema.items():
        if not field.indexed:
            continue
        if field.analyzer == exact and type(field.format) is not formats.Frequency and isinstance(
                field.format, formats.Positions) and field.format.field_boost == 1.0:
            kinds[name] = _EXACT
        elif field.analyzer == stem and type(field.format) is formats.Frequency and field.format.field_boost == 1.0:
            kinds[name] = _STEM
    return kinds


class _FieldPostings:
    """The postings of one field in a segment being built, in flat arrays (about 30 bytes a
    posting, against ~150 as Python tuples): for each posting its term number, document,
    weight and the end of its value in one shared byte string. Postings arrive in document
    order; ``by_term`` regroups them by term at the end."""

    def __init__(self) -> None:
        self.numbers: dict[str | bytes, int] = {}
        """Term -> term number, in order of first appearance."""
        self.terms = array("I")
        self.docs = array("I")
        self.weights = array("d")
        self.value_ends = array("Q")
        self.values = bytearray()
        self.lengths = array("I")
        """Field length of each document (0 where the field is empty)."""

    def add(self, docnum: int, length: int, postings: list[tuple[str | bytes, float, bytes]]) -> None:
        numbers, values = self.numbers, self.values
        for term, weight, value in postings:
            number = numbers.get(term)
            if number is None:
                number = numbers[term] = len(numbers)
            self.terms.append(number)
            self.docs.append(docnum)
            self.weights.append(weight)
            values += value
            self.value_ends.append(len(values))
        if length:
            self.lengths.extend([0] * (docnum + 1 - len(self.lengths)))
            self.lengths[docnum] = length

    def by_term(self) -> Iterator[tuple[bytes, list[int], list[float], list[bytes], list[int]]]:
        """(term, documents, weights, values, field lengths) of each term, in term order."""
        if not self.numbers:
            return
        keys = [term.encode("utf-8") if isinstance(term, str) else term for term in self.numbers]
        ranked = sorted(range(len(keys)), key=keys.__getitem__)
        rank = np.empty(len(keys), dtype=np.int64)
        rank[ranked] = np.arange(len(keys))
        terms = np.frombuffer(self.terms, dtype=np.uint32)
        order = np.argsort(rank[terms], kind="stable")  # by term, documents still in order
        starts = np.concatenate(([0], np.cumsum(np.bincount(terms, minlength=len(keys))[ranked])))
        docs, weights = np.frombuffer(self.docs, dtype=np.uint32), np.frombuffer(self.weights, dtype=np.float64)
        ends = np.frombuffer(self.value_ends, dtype=np.uint64)
        begins = np.concatenate((np.zeros(1, dtype=np.uint64), ends[:-1]))
        values, lengths = bytes(self.values), self.lengths
        for position, number in enumerate(ranked):
            chosen = order[starts[position]:starts[position + 1]]
            ids = docs[chosen].tolist()
            yield (keys[number], ids, weights[chosen].tolist(),
                   [values[begin:end] for begin, end in zip(begins[chosen].tolist(), ends[chosen].tolist(), strict=True)],
                   [lengths[docnum] if docnum < len(lengths) else 0 for docnum in ids])


class SegmentBuilder:
    """Builds one compound Whoosh segment in ``storage`` from documents added one by one.

    ``add`` takes the same field values as ``IndexWriter.add_document`` (see
    schema.document_fields); ``finish`` writes the segment's files, assembles them into one
    ``.seg`` file (flushed to disk) and returns the segment to publish, or None if nothing
    was added. Not thread-safe; one builder per segment.
    """

    def __init__(self, storage: FileStorage, schema: Schema, codec: SafeCodec | None = None) -> None:
        self.storage = storage
        self.schema = schema
        self.codec = codec or SafeCodec()
        self.segment: W3Segment = self.codec.new_segment(storage, INDEX_NAME)
        self._perdoc = self.codec.per_document_writer(storage, self.segment)
        self._fast = _fast_kinds(schema)
        self._fields: dict[str, _FieldPostings] = {}
        self.doc_count = 0

    def add(self, fields: Mapping[str, Any]) -> None:
        """Add one document; raises (adding nothing) if a value cannot be indexed."""
        docnum = self.doc_count
        analysed = [(name, self._analyse(name, value)) for name, value in sorted(fields.items())
                    if value is not None and not name.startswith("_")]
        perdoc = self._perdoc
        perdoc.start_doc(docnum)
        for name, (length, postings) in analysed:
            field = self.schema[name]
            if postings:
                if name not in self._fields:
                    self._fields[name] = _FieldPostings()
                self._fields[name].add(docnum, length, postings)
            value = fields[name]
            stored = fields.get(f"_stored_{name}", value)
            perdoc.add_field(name, field, stored if field.stored else None, length)
            if field.column_type and stored is not None:
                perdoc.add_column_value(name, field.column_type, field.to_column_value(stored))
        perdoc.finish_doc()
        self.doc_count += 1

    def _analyse(self, name: str, value: Any) -> tuple[int, list[tuple[str | bytes, float, bytes]]]:
        """(field length, [(term, weight, encoded value)]) of one field value."""
        field = self.schema[name]
        if not field.indexed:
            return 0, []
        kind = self._fast.get(name)
        if kind == _EXACT:
            positions, length = exact_positions(value)
            encode = field.format.encode
            return length, [(term, float(len(where)), encode(where)) for term, where in positions.items()]
        if kind == _STEM:
            frequencies, length = stem_frequencies(value)
            return length, [(term, float(count), pack_uint(count)) for term, count in frequencies.items()]
        items = list(field.index(value))
        length = sum(frequency for _, frequency, _, _ in items) if field.scorable else 0
        return length, [(term, weight, encoded) for term, _, weight, encoded in items]

    def finish(self) -> W3Segment | None:
        """Write the segment (compound, flushed to disk) and return it; None when empty."""
        self._perdoc.close()
        if not self.doc_count:
            return None
        writer = self.codec.field_writer(self.storage, self.segment)
        for name in sorted(self._fields):
            writer.start_field(name, self.schema[name])
            for term, ids, weights, values, lengths in self._fields.pop(name).by_term():
                writer.add_term(term, ids, weights, values, lengths)
            writer.finish_field()
        writer.close()
        self.segment.set_doc_count(self.doc_count)
        self.segment.create_compound_file(self.storage)
        self.segment.compound = True
        _flush_to_disk(os.path.join(self.storage.folder, segment_file_name(self.segment)))
        return self.segment


def _flush_to_disk(path: str) -> None:
    """fsync one file, so a power loss after it is published cannot leave it half-written."""
    descriptor = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
