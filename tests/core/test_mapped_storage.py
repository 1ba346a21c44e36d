"""The memory-mapped Whoosh storage: file semantics, and no whole-file copies when searching."""

from __future__ import annotations

import io
import mmap
import os
import pickle
import shutil
from array import array
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from whoosh.filedb import structfile

from workbench.core.index.mapped_storage import MappedFile, MappedReader, MappedStorage
from workbench.core.search import SearchRequest
from workbench.core.workspace import Workspace

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _mapping(tmp_path: Path, data: bytes) -> mmap.mmap:
    path = tmp_path / "data.bin"
    path.write_bytes(data)
    with open(path, "rb") as handle:
        return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)


_operations = st.lists(
    st.one_of(
        st.tuples(st.just("read"), st.integers(-1, 40)),
        st.tuples(st.just("readline"), st.integers(-1, 40)),
        st.tuples(st.just("readinto"), st.integers(0, 40)),
        st.tuples(st.just("seek"), st.integers(0, 60)),
        st.tuples(st.just("seek_cur"), st.integers(-5, 20)),
        st.tuples(st.just("seek_end"), st.integers(-30, 0)),
    ),
    max_size=25,
)


def _outcome(call: Callable[..., int], *args: int) -> tuple[str, object]:
    try:
        return "ok", call(*args)
    except ValueError:
        return "ValueError", None


@given(data=st.binary(min_size=1, max_size=50), base=st.integers(0, 10), operations=_operations)
def test_reader_behaves_like_bytesio_on_its_window(tmp_path_factory: pytest.TempPathFactory, data: bytes,
                                                   base: int, operations: list[tuple[str, int]]) -> None:
    padding = b"\n#" * base
    mapping = _mapping(tmp_path_factory.mktemp("map"), padding + data + padding)
    try:
        ours, reference = MappedReader(mapping, len(padding), len(data)), io.BytesIO(data)
        for name, value in operations:
            if name in ("read", "readline"):
                assert getattr(ours, name)(value) == getattr(reference, name)(value)
            elif name == "readinto":
                ours_buffer, reference_buffer = bytearray(value), bytearray(value)
                assert ours.readinto(ours_buffer) == reference.readinto(reference_buffer)
                assert ours_buffer == reference_buffer
            else:
                whence = {"seek": os.SEEK_SET, "seek_cur": os.SEEK_CUR, "seek_end": os.SEEK_END}[name]
                assert _outcome(ours.seek, value, whence) == _outcome(reference.seek, value, whence)
            assert ours.tell() == reference.tell()
    finally:
        mapping.close()


def test_pickles_arrays_and_windows_read_from_the_mapping(tmp_path: Path) -> None:
    numbers = array("i", range(10))
    payload = pickle.dumps({"name": "حلب"}, -1) + numbers.tobytes()
    path = tmp_path / "file.bin"
    path.write_bytes(b"head" + payload)
    storage = MappedStorage(str(tmp_path))
    whole = storage.open_file("file.bin")
    assert isinstance(whole, MappedFile)
    window = whole.subset(4, len(payload))
    assert window.read_pickle() == {"name": "حلب"}
    read_back = array("i")
    read_back.fromfile(window.file, len(numbers))
    assert read_back == numbers
    assert window.get(0, 2) == payload[:2]
    window.close()
    whole.close()


def test_empty_files_open_as_plain_files(tmp_path: Path) -> None:
    (tmp_path / "empty").write_bytes(b"")
    handle = MappedStorage(str(tmp_path)).open_file("empty")
    assert handle.read() == b""
    handle.close()


def test_searching_copies_no_index_file_into_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    index = Workspace.open(corpus)
    index.update()
    index.close()
    copied: list[int] = []

    def recording_bytesio(initial: bytes = b"") -> io.BytesIO:
        copied.append(len(initial))
        return io.BytesIO(initial)

    monkeypatch.setattr(structfile, "BytesIO", recording_bytesio)
    index = Workspace.open(corpus)
    results = index.engine.search(SearchRequest("لافروف"))
    assert results.total == 4
    assert all(results.hit(i).snippets for i in range(len(results)))
    index.close()
    assert sum(copied) == 0, copied
