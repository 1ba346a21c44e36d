"""The segment builder writes what Whoosh's own writer writes, and its codec takes any posting.

``SegmentBuilder`` replaces Whoosh's ``SegmentWriter`` for indexing (segments.py): these tests
build the same documents both ways and compare every term, term info, posting, field length
and stored field, on real news text. The fast analysis it uses (``exact_positions``,
``stem_frequencies``) is compared with the analyzers on arbitrary text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh import index as windex
from whoosh.codec.whoosh3 import W3Codec
from whoosh.filedb.filestore import RamStorage
from whoosh.index import TOC
from whoosh.query import Phrase, Term

from tests.conftest import SEEDS_DIR
from workbench.core.index.analysis import exact_analyzer, exact_positions, stem_analyzer, stem_frequencies
from workbench.core.index.mapped_storage import MappedStorage
from workbench.core.index.schema import build_schema, document_fields
from workbench.core.index.segments import INDEX_NAME, SegmentBuilder
from workbench.core.ingest import Article, read_file, scan_corpus

STAGE_TERMS = {"entities": ["PERSON:سيرغي لافروف", "LOCATION:حلب"]}


def articles(folder: Path) -> list[Article]:
    files, _ = scan_corpus(folder)
    return [article for f in files for article in read_file(folder, f.relpath).articles]


def built_both_ways(tmp_path: Path, docs: list[Article]) -> tuple[windex.Index, windex.Index]:
    """The documents indexed by SegmentBuilder and by Whoosh's writer, in two indexes."""
    (tmp_path / "ours").mkdir()
    ours = windex.FileIndex.create(MappedStorage(str(tmp_path / "ours"), durable=True), build_schema(("entities",)),
                                   INDEX_NAME)
    builder = SegmentBuilder(ours.storage, ours.schema)
    for article in docs:
        builder.add(document_fields(article, STAGE_TERMS))
    segment = builder.finish()
    TOC(ours.schema, [segment], 1).write(ours.storage, INDEX_NAME)
    (tmp_path / "whoosh").mkdir()
    theirs = windex.FileIndex.create(MappedStorage(str(tmp_path / "whoosh")), build_schema(("entities",)), INDEX_NAME)
    writer = theirs.writer()
    for article in docs:
        writer.add_document(**document_fields(article, STAGE_TERMS))
    writer.commit()
    return windex.FileIndex(MappedStorage(str(tmp_path / "ours")), indexname=INDEX_NAME), theirs


def assert_same_index(ours: windex.Index, theirs: windex.Index, every: int = 1) -> None:
    """Same terms, term infos, field lengths, stored fields and columns; the postings of every
    ``every``-th term (reading a posting list back is slow in Whoosh)."""
    with ours.reader() as a, theirs.reader() as b:
        terms = list(a.all_terms())
        assert terms == list(b.all_terms())
        for (field, text), (_, info) in zip(terms, a._terms.items(), strict=True):  # all term infos at once
            assert info.__dict__ == b.term_info(field, text).__dict__, (field, text)
        for field, text in terms[::every]:
            kind = "positions" if a.schema[field].format.supports("positions") else "frequency"
            assert list(a.postings(field, text).items_as(kind)) == list(b.postings(field, text).items_as(kind))
        assert a.doc_count_all() == b.doc_count_all()
        for docnum in range(a.doc_count_all()):
            assert a.stored_fields(docnum) == b.stored_fields(docnum)
            for field in ("body", "body_exact", "title", "title_exact", "source_text", "entities"):
                assert a.doc_field_length(docnum, field) == b.doc_field_length(docnum, field)
        for field in ("body", "body_exact", "title", "entities"):
            assert a.field_length(field) == b.field_length(field)
        for column in ("id", "source", "date"):
            assert list(a.column_reader(column)) == list(b.column_reader(column))


def test_the_builder_writes_what_whoosh_writes_for_the_seed_articles(tmp_path: Path) -> None:
    ours, theirs = built_both_ways(tmp_path, articles(SEEDS_DIR))
    assert_same_index(ours, theirs)


def test_the_builder_writes_what_whoosh_writes_for_news(tmp_path: Path, shared_dir: Path) -> None:
    from tests.reliability.helpers import make_corpus

    corpus = make_corpus(tmp_path / "corpus", shared_dir, files=150, records=0)
    ours, theirs = built_both_ways(tmp_path, articles(corpus))
    assert_same_index(ours, theirs, every=7)


def test_a_word_repeated_past_the_inline_limit_is_indexed_and_found(tmp_path: Path) -> None:
    """Whoosh's W3 codec cannot store such postings inline (struct.error); SafeCodec writes a block."""
    text = "تقرير عن الحرب\n" + " ".join(["حلب"] * 70_000) + "\nوقف إطلاق النار"
    article = Article(id="long.txt", path="long.txt", title="تقرير", source="", date="", url="", author="",
                      text=text, boilerplate=(), content_hash="")
    storage = RamStorage()
    ix = windex.FileIndex.create(storage, build_schema(), INDEX_NAME)
    with pytest.raises(Exception, match="'H' format requires"):
        writer = ix.writer(codec=W3Codec())
        writer.add_document(**document_fields(article))
        writer.commit()
    ix = windex.FileIndex.create(MappedStorage(str(tmp_path)), build_schema(), INDEX_NAME)
    builder = SegmentBuilder(ix.storage, ix.schema)
    builder.add(document_fields(article))
    TOC(ix.schema, [builder.finish()], 1).write(ix.storage, INDEX_NAME)
    with windex.FileIndex(MappedStorage(str(tmp_path)), indexname=INDEX_NAME).searcher() as searcher:
        assert searcher.search(Term("body_exact", "حلب")).estimated_length() == 1
        assert len(searcher.search(Phrase("body_exact", ["اطلاق", "نار"]))) == 1
        assert searcher.reader().frequency("body_exact", "حلب") == 70_000


ARABIC_TEXT = st.text(alphabet=st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةى ًٌٍَُِّْـ٠١٢3 .،\n")),
                      max_size=300)


@settings(max_examples=200, deadline=None)
@given(ARABIC_TEXT)
def test_the_fast_analysis_is_the_analyzers(text: str) -> None:
    positions: dict[str, list[int]] = {}
    for token in exact_analyzer()(text, positions=True):
        positions.setdefault(token.text, []).append(token.pos)
    assert exact_positions(text) == (positions, sum(len(p) for p in positions.values()))
    frequencies: dict[str, int] = {}
    for token in stem_analyzer()(text):
        frequencies[token.text] = frequencies.get(token.text, 0) + 1
    assert stem_frequencies(text) == (frequencies, sum(frequencies.values()))
