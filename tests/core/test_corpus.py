"""Finding and reading corpus files: formats, encodings, skip reasons, sidecar, Article model."""

from __future__ import annotations

import gzip
import hashlib
import itertools
import json
import os
import shutil
from pathlib import Path

import pytest

from workbench.core.errors import CorpusError
from workbench.core.ingest import SUPPORTED_SUFFIXES, Article, CorpusFile, SkippedFile, corpus, formats, read_file, scan_corpus
from workbench.core.ingest.corpus import MAX_ARTICLE_BYTES, SIDECAR_NAME

ARABIC = "أعلنت وزارة الخارجية اليوم عن اتفاق جديد بين البلدين في دمشق."
ARABIC_TITLE = "اتفاق جديد بين البلدين"


def write(root: Path, relpath: str, data: bytes | str) -> Path:
    """Write a file under ``root`` (text as UTF-8) and return its path."""
    path = root / relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="")
    else:
        path.write_bytes(data)
    return path


def read(root: Path, relpath: str) -> list[Article]:
    """The articles of ``relpath`` (its warnings are checked where they matter)."""
    return read_file(root, relpath).articles


def skip_of(root: Path, relpath: str) -> SkippedFile:
    """The SkippedFile raised when reading ``relpath``."""
    with pytest.raises(SkippedFile) as info:
        read(root, relpath)
    return info.value


# --- scanning ---------------------------------------------------------------------------------

def test_scan_seeds(seeds_copy: Path) -> None:
    files, skipped = scan_corpus(seeds_copy)
    assert [f.relpath for f in files] == sorted(p.name for p in seeds_copy.iterdir())
    assert len(files) == 5 and skipped == []
    first = files[0]
    stat = (seeds_copy / first.relpath).stat()
    assert (first.size, first.mtime_ns) == (stat.st_size, stat.st_mtime_ns)


def test_scan_is_recursive_sorted_and_skips_hidden_unsupported_and_sidecar(tmp_path: Path) -> None:
    for relpath in ("b.txt", "a/z.HTML", "a/b/c.jsonl", "a/m.md", "x.csv", "y.json",
                    "dump.jsonl.gz", "notes.docx", "image.png", ".hidden.txt",
                    ".git/config.txt", "a/.cache/c.txt"):
        write(tmp_path, relpath, "x")
    write(tmp_path, SIDECAR_NAME, "path,title\nb.txt,عنوان\n")
    files, skipped = scan_corpus(tmp_path)
    assert [f.relpath for f in files] == ["a/b/c.jsonl", "a/m.md", "a/z.HTML", "b.txt",
                                          "dump.jsonl.gz", "x.csv", "y.json"]
    assert skipped == []


def test_supported_suffixes() -> None:
    assert {".txt", ".md", ".html", ".htm", ".jsonl", ".json", ".csv",
                                  ".jsonl.gz"} == SUPPORTED_SUFFIXES
    assert all(formats.kind_of("file" + suffix) for suffix in SUPPORTED_SUFFIXES)


def test_scan_missing_folder_says_what_to_do(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    with pytest.raises(CorpusError) as info:
        scan_corpus(missing)
    message = str(info.value)
    assert "does not exist" in message and str(missing) in message and "\n" not in message


def test_scan_file_instead_of_folder(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", ARABIC)
    with pytest.raises(CorpusError, match="Not a folder"):
        scan_corpus(path)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root ignores permission bits")
def test_scan_unreadable_subfolder_chmod(tmp_path: Path) -> None:
    write(tmp_path, "ok.txt", ARABIC)
    locked = tmp_path / "locked"
    write(tmp_path, "locked/a.txt", ARABIC)
    locked.chmod(0)
    try:
        files, skipped = scan_corpus(tmp_path)
    finally:
        locked.chmod(0o755)
    assert [f.relpath for f in files] == ["ok.txt"]
    assert [(s.relpath, s.reason) for s in skipped] == [("locked", "permission")]


def test_scan_unreadable_subfolder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "ok.txt", ARABIC)
    write(tmp_path, "locked/a.txt", ARABIC)
    real_scandir = os.scandir

    def scandir(path: str | os.PathLike[str]) -> object:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(corpus.os, "scandir", scandir)
    files, skipped = scan_corpus(tmp_path)
    assert [f.relpath for f in files] == ["ok.txt"]
    (skip,) = skipped
    assert (skip.relpath, skip.reason) == ("locked", "permission")
    assert "read access" in skip.message


def test_scan_reports_a_broken_sidecar_without_failing(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", ARABIC)
    write(tmp_path, SIDECAR_NAME, "file,title\na.txt,x\n")
    files, skipped = scan_corpus(tmp_path)
    assert [f.relpath for f in files] == ["a.txt"]
    assert [(s.relpath, s.reason) for s in skipped] == [(SIDECAR_NAME, "parse_error")]


# --- seeds and the Article model --------------------------------------------------------------

def test_read_seed_article(seeds_copy: Path) -> None:
    relpath = next(p.name for p in seeds_copy.iterdir() if p.name.startswith("001"))
    (article,) = read(seeds_copy, relpath)
    raw = (seeds_copy / relpath).read_text(encoding="utf-8")
    assert article.id == article.path == relpath
    assert article.text == raw
    assert article.source == "سانا" and article.date == "2016-11-03"
    assert article.content_hash == hashlib.sha1(raw.encode("utf-8")).hexdigest()
    assert article.boilerplate == ((raw.index("(المصدر"), len(raw)),)


def test_indexable_text_blanks_boilerplate_and_keeps_offsets() -> None:
    text = "عنوان\nنص الخبر.\nتابعونا على تيلغرام"
    start = text.index("تابعونا")
    article = Article(id="a", path="a", title="", source="", date="", url="", author="",
                      text=text, boilerplate=((start, len(text)),), content_hash="")
    indexable = article.indexable_text()
    assert len(indexable) == len(text)
    assert indexable[:start] == text[:start]
    assert indexable[start:].strip() == ""


def test_skipped_file_carries_its_fields() -> None:
    skip = SkippedFile("a/b.txt", "empty", "The file is empty.")
    assert (skip.relpath, skip.reason, skip.message) == ("a/b.txt", "empty", "The file is empty.")
    assert str(skip) == "a/b.txt: The file is empty."
    with pytest.raises(ValueError):
        SkippedFile("a", "bogus", "x")


# --- plain-text encodings ---------------------------------------------------------------------

@pytest.mark.parametrize("encode", [
    lambda text: text.encode("utf-8"),
    lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"),
    lambda text: text.encode("utf-16"),  # BOM, native order
    lambda text: b"\xff\xfe" + text.encode("utf-16-le"),
    lambda text: b"\xfe\xff" + text.encode("utf-16-be"),
    lambda text: text.encode("cp1256"),
], ids=["utf8", "utf8-bom", "utf16", "utf16-le", "utf16-be", "cp1256"])
def test_text_encodings(tmp_path: Path, encode: object) -> None:
    text = f"{ARABIC_TITLE}\r\n{ARABIC}\r\nدمشق-سانا"
    write(tmp_path, "a.txt", encode(text))  # type: ignore[operator]
    (article,) = read(tmp_path, "a.txt")
    assert article.text == text.replace("\r\n", "\n")
    assert article.title == ARABIC_TITLE


def test_markdown_is_text(tmp_path: Path) -> None:
    write(tmp_path, "a.md", f"{ARABIC_TITLE}\n\n{ARABIC}\n")
    assert read(tmp_path, "a.md")[0].title == ARABIC_TITLE


def test_latin1_is_never_guessed(tmp_path: Path) -> None:
    write(tmp_path, "fr.txt", "Le ministère a annoncé un accord signé à Genève.".encode("latin-1"))
    skip = skip_of(tmp_path, "fr.txt")
    assert skip.reason == "encoding"
    assert "UTF-8" in skip.message


def test_broken_utf16_keeps_its_text_and_counts_the_bad_unit(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", b"\xff\xfe" + "نص".encode("utf-16-le") + b"\x00\xd8" + "آخر".encode("utf-16-le"))
    contents = read_file(tmp_path, "a.txt")
    assert [a.text for a in contents.articles] == ["نص\ufffdآخر"]
    assert [(w.reason, w.count) for w in contents.warnings] == [("replaced_bytes", 2)]


# --- HTML -------------------------------------------------------------------------------------

PAGE = """<!doctype html><html lang="ar" dir="rtl"><head>
<meta charset="{charset}"><title>{title} | موقع الأخبار</title>
<meta property="article:published_time" content="2016-11-03T10:00:00+03:00">
<meta property="og:site_name" content="وكالة سانا للأنباء">
<meta name="author" content="سامي العلي">
<link rel="canonical" href="https://example.org/a/1">
<script>var menu = "القائمة";</script><style>p {{ color: red }}</style>
</head><body>
<header><a href="/">الرئيسية</a> <a href="/world">دولي</a></header>
<nav><ul><li>سياسة</li><li>اقتصاد</li></ul></nav>
<div class="share-buttons">شارك على فيسبوك</div>
<article><h1>{title}</h1>
<p>{body}</p><p>فقرة <b>ثانية</b> من
   الخبر.</p></article>
<aside>الأكثر قراءة</aside>
<footer>جميع الحقوق محفوظة</footer>
<script>track();</script></body></html>"""


def test_html_main_text_and_meta(tmp_path: Path) -> None:
    write(tmp_path, "a.html", PAGE.format(charset="utf-8", title=ARABIC_TITLE, body=ARABIC))
    (article,) = read(tmp_path, "a.html")
    assert article.text == f"{ARABIC_TITLE}\n{ARABIC}\nفقرة ثانية من الخبر."
    assert article.title == ARABIC_TITLE
    assert (article.date, article.source, article.author, article.url) == (
        "2016-11-03", "سانا", "سامي العلي", "https://example.org/a/1")


def test_html_og_title_wins_and_title_tag_is_the_fallback(tmp_path: Path) -> None:
    write(tmp_path, "og.htm", '<html><head><meta property="og:title" content="عنوان أوغ">'
                              f"<title>عنوان الصفحة</title></head><body><h1>رأس</h1><p>{ARABIC}</p>")
    write(tmp_path, "t.htm", f"<html><head><title>عنوان الصفحة</title></head><body><p>{ARABIC}</p>")
    assert read(tmp_path, "og.htm")[0].title == "عنوان أوغ"
    assert read(tmp_path, "t.htm")[0].title == "عنوان الصفحة"


def test_html_layout_wrapper_with_a_junk_class_is_not_removed(tmp_path: Path) -> None:
    write(tmp_path, "a.html", '<html><body><div class="layout has-sidebar"><h1>عنوان</h1>'
                              f'<p>{ARABIC}</p><div class="sidebar">روابط</div></div></body></html>')
    write(tmp_path, "b.html", '<html><body><div id="page" class="with-nav"><div class="menu">'
                              f'قائمة</div><article><p>{ARABIC}</p></article></div></body></html>')
    assert read(tmp_path, "a.html")[0].text == f"عنوان\n{ARABIC}"
    assert read(tmp_path, "b.html")[0].text == ARABIC


def test_html_declared_cp1256(tmp_path: Path) -> None:
    page = PAGE.format(charset="windows-1256", title=ARABIC_TITLE, body=ARABIC)
    write(tmp_path, "a.html", page.encode("cp1256"))
    assert read(tmp_path, "a.html")[0].title == ARABIC_TITLE


def test_html_without_text_is_empty(tmp_path: Path) -> None:
    write(tmp_path, "a.html", "<html><body><nav>القائمة</nav><script>x()</script></body></html>")
    assert skip_of(tmp_path, "a.html").reason == "empty"


# --- collections ------------------------------------------------------------------------------

def jsonl(*records: object) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def test_jsonl_keeps_good_lines_around_a_bad_one(tmp_path: Path) -> None:
    write(tmp_path, "n.jsonl", jsonl({"title": "أول", "content": ARABIC, "date": "2015-07-21"})
          + '{"title": "مقطوع", "content": "نص\n\n'
          + jsonl({"title": "بلا نص", "content": "  "},
                  {"headline": "ثالث", "text": ARABIC, "published": "3/11/2016",
                   "date_extracted": "2015-01-01 00:00:00", "source": "SANA"}))
    articles = read(tmp_path, "n.jsonl")
    assert [(a.id, a.title, a.date, a.source) for a in articles] == [
        ("n.jsonl#1", "أول", "2015-07-21", ""),
        ("n.jsonl#4", "ثالث", "2016-11-03", "سانا"),
    ]
    assert all(a.path == "n.jsonl" for a in articles)


def test_jsonl_bad_lines_are_reported_and_the_good_one_read(tmp_path: Path) -> None:
    write(tmp_path, "n.jsonl", "not json\n\n[1, 2]\n" + jsonl({"content": ARABIC}))
    contents = read_file(tmp_path, "n.jsonl")
    assert [a.id for a in contents.articles] == ["n.jsonl#3"]
    (warning,) = contents.warnings
    assert (warning.reason, warning.count) == ("invalid_records", 2)
    assert "line 1" in warning.message and "Expecting value" in warning.message


def test_jsonl_with_no_readable_line_is_a_parse_error(tmp_path: Path) -> None:
    write(tmp_path, "n.jsonl", "title,content\nعنوان,نص\n")
    skip = skip_of(tmp_path, "n.jsonl")
    assert skip.reason == "parse_error" and "2 record(s) could not be read" in skip.message


def test_jsonl_gz(tmp_path: Path) -> None:
    write(tmp_path, "n.jsonl.gz", gzip.compress(jsonl({"content": ARABIC}).encode("utf-8")))
    (article,) = read(tmp_path, "n.jsonl.gz")
    assert article.id == "n.jsonl.gz#1" and article.text == ARABIC


def test_damaged_gzip(tmp_path: Path) -> None:
    write(tmp_path, "n.jsonl.gz", gzip.compress(jsonl({"content": ARABIC}).encode())[:-12])
    assert skip_of(tmp_path, "n.jsonl.gz").reason == "parse_error"


def test_truncated_gzip_keeps_the_records_before_the_damage(tmp_path: Path) -> None:
    records = [{"content": f"{ARABIC} {n}"} for n in range(3000)]
    data = gzip.compress(jsonl(*records).encode())
    write(tmp_path, "n.jsonl.gz", data[:len(data) // 2])
    contents = read_file(tmp_path, "n.jsonl.gz")
    assert 0 < len(contents.articles) < 3000
    assert [a.text for a in contents.articles] == [r["content"] for r in records[:len(contents.articles)]]
    (warning,) = contents.warnings
    assert warning.reason == "truncated" and f"record {len(contents.articles) + 1}" in warning.message


def test_collection_without_any_text_is_empty(tmp_path: Path) -> None:
    write(tmp_path, "n.jsonl", jsonl({"title": "عنوان"}, {"title": "آخر", "content": ""}))
    skip = skip_of(tmp_path, "n.jsonl")
    assert skip.reason == "empty" and "content" in skip.message


def test_json_array_and_wrapped_object(tmp_path: Path) -> None:
    records = [{"title": "أ", "body": ARABIC, "url": "https://x/1", "author": ["س", "ص"]},
               {"title": "ب"}, {"title": "ج", "content": ARABIC}]
    write(tmp_path, "a.json", json.dumps(records, ensure_ascii=False))
    write(tmp_path, "w.json", json.dumps({"count": 3, "articles": records}))
    write(tmp_path, "one.json", json.dumps({"title": "وحيد", "text": ARABIC}))
    for name in ("a.json", "w.json"):
        articles = read(tmp_path, name)
        assert [(a.id, a.title) for a in articles] == [(f"{name}#1", "أ"), (f"{name}#3", "ج")]
        assert (articles[0].url, articles[0].author) == ("https://x/1", "س\nص")
    assert [a.id for a in read(tmp_path, "one.json")] == ["one.json#1"]


def test_malformed_json(tmp_path: Path) -> None:
    write(tmp_path, "a.json", '[{"content": "نص"},')
    contents = read_file(tmp_path, "a.json")
    assert [a.text for a in contents.articles] == ["نص"]
    assert [(w.reason, "item 2" in w.message) for w in contents.warnings] == [("truncated", True)]
    write(tmp_path, "b.json", '{"count": 3}')
    assert skip_of(tmp_path, "b.json").reason == "parse_error"
    write(tmp_path, "c.json", '[{"content": "أ"} {"content": "ب"}]')
    contents = read_file(tmp_path, "c.json")
    assert [a.text for a in contents.articles] == ["أ"]
    assert [w.reason for w in contents.warnings] == ["truncated"]
    write(tmp_path, "d.json", '[{"content": tru}, 7, {"content": "ب", "x": [1, {"y": "]}"}]}]')
    contents = read_file(tmp_path, "d.json")
    assert [(a.id, a.text) for a in contents.articles] == [("d.json#3", "ب")]
    assert [(w.reason, w.count) for w in contents.warnings] == [("invalid_records", 2)]


def test_csv_with_quoted_newlines(tmp_path: Path) -> None:
    write(tmp_path, "a.csv", 'Title,Content,Date,Source\r\n'
                             f'{ARABIC_TITLE},"{ARABIC}\r\nفقرة ثانية",3/11/2016,وكالة سانا\r\n'
                             'بلا نص,,,\r\n')
    (article,) = read(tmp_path, "a.csv")
    assert (article.id, article.title, article.date, article.source) == (
        "a.csv#1", ARABIC_TITLE, "2016-11-03", "سانا")
    assert article.text == f"{ARABIC}\nفقرة ثانية"


def test_csv_semicolon_cp1256_and_utf8_bom(tmp_path: Path) -> None:
    text = f"title;text\n{ARABIC_TITLE};{ARABIC}\n"
    write(tmp_path, "a.csv", text.encode("cp1256"))
    write(tmp_path, "b.csv", b"\xef\xbb\xbf" + text.encode("utf-8"))
    for name in ("a.csv", "b.csv"):
        (article,) = read(tmp_path, name)
        assert (article.title, article.text) == (ARABIC_TITLE, ARABIC)


def test_csv_without_text_column(tmp_path: Path) -> None:
    write(tmp_path, "a.csv", "title,url\nعنوان,https://x\n")
    skip = skip_of(tmp_path, "a.csv")
    assert skip.reason == "parse_error" and "content" in skip.message


def test_saudinewsnet_records(tmp_path: Path, shared_dir: Path) -> None:
    source = shared_dir / "data" / "news" / "saudinewsnet.jsonl.gz"
    with gzip.open(source, "rb") as stream:
        lines = list(itertools.islice(stream, 50))
    write(tmp_path, "snn.jsonl", b"".join(lines))
    articles = read(tmp_path, "snn.jsonl")
    first = json.loads(lines[0])
    article = articles[0]
    assert article.id == "snn.jsonl#1"
    assert (article.title, article.source, article.url, article.author, article.text) == (
        first["title"], first["source"], first["url"], first["author"], first["content"])
    assert article.date == first["date_extracted"][:10]
    assert len(articles) == sum(1 for line in lines if json.loads(line)["content"].strip())


def test_html_character_references_in_records_become_characters(tmp_path: Path) -> None:
    record = {"title": "&quot;سبق&quot;: نمو 3&nbsp;% &#8220;فعلي&#8221; &amp; مستمر",
              "content": f"{ARABIC} &#x627;&#1604; AT&T وR&D &copy 2015 &unknownreference",
              "url": "https://sabq.org/a?id=1&copy=2&amp;x=3"}
    write(tmp_path, "a.jsonl", json.dumps(record, ensure_ascii=False) + "\n")
    (article,) = read(tmp_path, "a.jsonl")
    assert article.title == '"سبق": نمو 3\u00a0% “فعلي” & مستمر'
    # Only complete references: a bare & and the legacy form without a semicolon stay as written.
    assert article.text == f"{ARABIC} ال AT&T وR&D &copy 2015 &unknownreference"
    assert article.url == record["url"]  # a URL's & separates parameters


def test_saudinewsnet_titles_keep_no_character_references(tmp_path: Path, shared_dir: Path) -> None:
    with gzip.open(shared_dir / "data" / "news" / "saudinewsnet.jsonl.gz", "rb") as stream:
        lines = [line for line in stream if b"&quot;" in line][:20]
    assert len(lines) == 20
    write(tmp_path, "snn.jsonl", b"".join(lines))
    articles = read(tmp_path, "snn.jsonl")
    assert articles and all("&quot;" not in a.title + a.text for a in articles)
    assert any('"' in a.title + a.text for a in articles)


# --- skip reasons -----------------------------------------------------------------------------

def test_binary(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    write(tmp_path, "b.jsonl", b'{"content": "x"}\n\x00\x01\x02')
    write(tmp_path, "c.csv", b"content\n\x00\x00")
    for name in ("a.txt", "b.jsonl", "c.csv"):
        skip = skip_of(tmp_path, name)
        assert skip.reason == "binary", name


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf\n"])
def test_empty(tmp_path: Path, data: bytes) -> None:
    write(tmp_path, "a.txt", data)
    assert skip_of(tmp_path, "a.txt").reason == "empty"


def test_too_large_single_article_file(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", b"x" * (MAX_ARTICLE_BYTES + 1))
    write(tmp_path, "b.txt", ARABIC.encode() * (MAX_ARTICLE_BYTES // len(ARABIC.encode())))
    skip = skip_of(tmp_path, "a.txt")
    assert skip.reason == "too_large" and "4.0 MB limit" in skip.message
    assert len(read(tmp_path, "b.txt")[0].text) > 2_000_000


def test_limits_are_sane() -> None:
    assert 1024 * 1024 <= MAX_ARTICLE_BYTES < formats.MAX_HTML_BYTES


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root ignores permission bits")
def test_permission_denied_chmod(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", ARABIC)
    path.chmod(0)
    try:
        assert skip_of(tmp_path, "a.txt").reason == "permission"
    finally:
        path.chmod(0o644)


@pytest.mark.parametrize("name", ["a.txt", "a.html", "a.json", "a.jsonl", "a.csv"])
def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    write(tmp_path, name, ARABIC)

    def denied(*args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", denied)
    monkeypatch.setattr("builtins.open", denied)
    skip = skip_of(tmp_path, name)
    assert skip.reason == "permission" and "read access" in skip.message


def test_vanished(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", ARABIC)
    files, _ = scan_corpus(tmp_path)
    assert files == [CorpusFile("a.txt", path.stat().st_size, path.stat().st_mtime_ns)]
    path.unlink()
    skip = skip_of(tmp_path, files[0].relpath)
    assert skip.reason == "vanished" and "Scan" in skip.message


def test_vanished_while_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "a.jsonl", jsonl({"content": ARABIC}))

    def gone(*args: object, **kwargs: object) -> object:
        raise FileNotFoundError(2, "No such file or directory")

    monkeypatch.setattr("builtins.open", gone)
    assert skip_of(tmp_path, "a.jsonl").reason == "vanished"


# --- sidecar ----------------------------------------------------------------------------------

def test_sidecar_overrides_extracted_and_record_fields(seeds_copy: Path) -> None:
    seed = next(p.name for p in seeds_copy.iterdir() if p.name.startswith("004"))
    write(seeds_copy, "more/n.jsonl", jsonl({"title": "أصلي", "content": ARABIC, "source": "x"},
                                            {"title": "ثان", "content": ARABIC}))
    write(seeds_copy, SIDECAR_NAME, "path,title,source,date,url,author\n"
                                    f"{seed},,الجزيرة,2016-12-08,https://aljazeera.net/x,\n"
                                    "more/n.jsonl,,مصدر الملف,,,\n"
                                    "more/n.jsonl#2,عنوان مصحح,,,,محرر\n")
    (article,) = read(seeds_copy, seed)
    assert (article.title, article.source, article.date, article.url) == (
        "هدنة بحلب وجيش النظام يوقف عملياته", "الجزيرة", "2016-12-08", "https://aljazeera.net/x")
    first, second = read(seeds_copy, "more/n.jsonl")
    assert (first.title, first.source, first.author) == ("أصلي", "مصدر الملف", "")
    assert (second.title, second.source, second.author) == ("عنوان مصحح", "مصدر الملف", "محرر")


def test_unsupported_file_type(tmp_path: Path) -> None:
    write(tmp_path, "a.docx", b"PK")
    assert skip_of(tmp_path, "a.docx").reason == "parse_error"


def test_reading_a_copied_corpus_twice_is_stable(seeds_copy: Path, tmp_path: Path) -> None:
    other = tmp_path / "again"
    shutil.copytree(seeds_copy, other)
    files, _ = scan_corpus(seeds_copy)
    for item in files:
        assert read(seeds_copy, item.relpath) == read(other, item.relpath)


# --- decoding: repaired, not rejected ---------------------------------------------------------

@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_detected(tmp_path: Path, codec: str) -> None:
    text = f"{ARABIC_TITLE}\n{ARABIC}\nدمشق-سانا"
    write(tmp_path, "a.txt", text.encode(codec))
    contents = read_file(tmp_path, "a.txt")
    assert [a.text for a in contents.articles] == [text] and contents.warnings == []


def test_utf16_without_bom_csv(tmp_path: Path) -> None:
    write(tmp_path, "a.csv", f"title,content\n{ARABIC_TITLE},{ARABIC}\n".encode("utf-16-le"))
    (article,) = read(tmp_path, "a.csv")
    assert (article.title, article.text) == (ARABIC_TITLE, ARABIC)


def test_mostly_valid_utf8_keeps_its_arabic_and_counts_the_bad_bytes(tmp_path: Path) -> None:
    data = ARABIC.encode() + b"\xff\xfe" + ("\n" + ARABIC).encode() * 3 + b"\xd8"
    write(tmp_path, "a.txt", data)
    contents = read_file(tmp_path, "a.txt")
    (article,) = contents.articles
    assert article.text == ARABIC + "\ufffd" + ("\n" + ARABIC) * 3 + "\ufffd"
    (warning,) = contents.warnings
    assert (warning.reason, warning.count) == ("replaced_bytes", 3)
    assert "3 byte(s) are not valid UTF-8" in warning.message


def test_cp1256_is_not_mistaken_for_broken_utf8(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", (ARABIC + "\n") .encode("cp1256") * 20)
    contents = read_file(tmp_path, "a.txt")
    assert contents.articles[0].text == (ARABIC + "\n") * 20 and contents.warnings == []


def test_control_characters_in_real_text_are_removed_not_binary(tmp_path: Path) -> None:
    words = ARABIC.split()
    text = " ".join(f"{word}\x1a" if n % 8 == 0 else word for n, word in enumerate(words * 4))
    assert 0.01 < text.count("\x1a") / len(text) < 0.05
    write(tmp_path, "a.txt", text)
    contents = read_file(tmp_path, "a.txt")
    assert contents.articles[0].text == text.replace("\x1a", "")
    assert [(w.reason, w.count) for w in contents.warnings] == [("removed_controls", text.count("\x1a"))]


def test_a_few_nul_bytes_are_removed_but_nul_heavy_files_are_binary(tmp_path: Path) -> None:
    write(tmp_path, "few.txt", (ARABIC * 20).encode() + b"\x00" + ARABIC.encode())
    write(tmp_path, "many.txt", b"\x00\x01\x02\x03" * 2000 + ARABIC.encode())
    assert read(tmp_path, "few.txt")[0].text == ARABIC * 21
    assert skip_of(tmp_path, "many.txt").reason == "binary"


def test_lone_surrogates_in_json_are_replaced(tmp_path: Path) -> None:
    write(tmp_path, "t.jsonl", '{"content": "تغريدة مقطوعة \\ud83d", "title": "\\udc00عنوان"}\n')
    write(tmp_path, "t.json", '[{"content": "نص \\ud83d\\ude00 كامل \\ud83d"}]')
    contents = read_file(tmp_path, "t.jsonl")
    (article,) = contents.articles
    assert (article.text, article.title) == ("تغريدة مقطوعة \ufffd", "\ufffdعنوان")
    article.text.encode("utf-8")  # never a UnicodeEncodeError downstream
    assert [(w.reason, w.count) for w in contents.warnings] == [("replaced_surrogates", 2)]
    assert read(tmp_path, "t.json")[0].text == "نص \U0001f600 كامل \ufffd"


# --- collections: records left out are reported, the rest is read ----------------------------

def test_jsonl_reports_invalid_and_empty_records_with_counts(tmp_path: Path) -> None:
    good = [{"content": f"{ARABIC} {n}"} for n in range(10)]
    lines = [json.dumps(r, ensure_ascii=False) for r in good]
    lines[2:2] = ['{"content": "نص مقطوع'] * 6
    lines += [json.dumps({"title": "بلا نص", "content": ""})] * 84
    write(tmp_path, "n.jsonl", "\n".join(lines) + "\n")
    contents = read_file(tmp_path, "n.jsonl")
    assert [a.text for a in contents.articles] == [r["content"] for r in good]
    assert [(w.reason, w.count) for w in contents.warnings] == [("invalid_records", 6), ("empty_records", 84)]
    assert "line 3" in contents.warnings[0].message and "line 17" in contents.warnings[1].message


def test_too_large_records_are_skipped_in_every_collection(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from workbench.core.ingest import records, streams
    monkeypatch.setattr(streams, "MAX_ARTICLE_BYTES", 1000)
    monkeypatch.setattr(streams, "CHUNK_BYTES", 64)  # record boundaries cross read chunks
    big = "كلمة " * 400
    write(tmp_path, "a.jsonl", jsonl({"content": ARABIC}, {"content": big}, {"content": "آخر"}))
    write(tmp_path, "a.json", json.dumps([{"content": ARABIC}, {"content": big, "x": ["]", "{"]},
                                          {"content": "آخر"}], ensure_ascii=False))
    write(tmp_path, "a.csv", f'title,content\nأ,{ARABIC}\nب,"{big}\n{big}"\nج,آخر\n')
    for name in ("a.jsonl", "a.json", "a.csv"):
        contents = read_file(tmp_path, name)
        assert [a.text for a in contents.articles] == [ARABIC, "آخر"], name
        assert [a.id for a in contents.articles] == [f"{name}#1", f"{name}#3"], name
        (warning,) = contents.warnings
        assert (warning.reason, warning.count) == ("too_large_records", 1), name
        assert "0.0 MB limit" in warning.message or "limit" in warning.message
    assert records.MAX_ARTICLE_BYTES == 4 * 1024 * 1024


def test_json_scanner_handles_escapes_and_brackets_across_chunks(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from workbench.core.ingest import streams
    items = [{"content": f'نص {n} "مقتبس" \\ [قوس] {{ }}', "tags": [{"a": "]}"}, n, None, True]}
             for n in range(40)]
    write(tmp_path, "a.json", json.dumps(items, ensure_ascii=True))
    write(tmp_path, "w.json", json.dumps({"meta": {"n": [1, 2]}, "articles": items}, ensure_ascii=False))
    for chunk in (1, 7, 1024 * 1024):
        monkeypatch.setattr(streams, "CHUNK_BYTES", chunk)
        for name in ("a.json", "w.json"):
            assert [a.text for a in read(tmp_path, name)] == [item["content"] for item in items], (chunk, name)


def test_a_large_json_wrapper_is_streamed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from workbench.core.ingest import streams
    monkeypatch.setattr(streams, "MAX_ARTICLE_BYTES", 2000)
    items = [{"content": f"{ARABIC} {n}"} for n in range(100)]
    write(tmp_path, "w.json", json.dumps({"count": 100, "source": "x", "articles": items}, ensure_ascii=False))
    assert [a.id for a in read(tmp_path, "w.json")] == [f"w.json#{n}" for n in range(1, 101)]


def test_csv_unclosed_quote_keeps_rows_before_and_after(tmp_path: Path) -> None:
    write(tmp_path, "a.csv", "title,content\n"
                             f"أول,{ARABIC}\n"
                             f'مكسور,"{ARABIC}\n'
                             f"ثان,{ARABIC}\n"
                             "ثالث,آخر\n")
    contents = read_file(tmp_path, "a.csv")
    assert [(a.id, a.title) for a in contents.articles] == [("a.csv#1", "أول"), ("a.csv#3", "ثان"),
                                                            ("a.csv#4", "ثالث")]
    assert contents.articles[1].text == ARABIC
    (warning,) = contents.warnings
    assert warning.reason == "unclosed_quote" and "line 3" in warning.message


def test_csv_quote_state_follows_python_csv(tmp_path: Path) -> None:
    rows = [["أ", 'قال "نعم" ثم مضى'], ["ب", 'سطر\nثان, مع "اقتباس"'], ["ج", '"مقتبس" في البداية'], ["د", ""]]
    import csv as csv_module
    import io
    buffer = io.StringIO()
    writer = csv_module.writer(buffer)
    writer.writerow(["title", "content"])
    writer.writerows(rows)
    write(tmp_path, "a.csv", buffer.getvalue() + 'هـ,نص فيه " علامة وحيدة\n')
    contents = read_file(tmp_path, "a.csv")
    assert [(a.title, a.text) for a in contents.articles] == [
        ("أ", 'قال "نعم" ثم مضى'), ("ب", 'سطر\nثان, مع "اقتباس"'), ("ج", '"مقتبس" في البداية'),
        ("هـ", 'نص فيه " علامة وحيدة')]
    assert [w.reason for w in contents.warnings] == ["empty_records"]


def test_read_articles_resumes_at_a_record(tmp_path: Path) -> None:
    write(tmp_path, "n.jsonl", jsonl(*({"content": f"{ARABIC} {n}"} for n in range(1, 6))) + "bad\n")
    stream = corpus.read_articles(tmp_path, "n.jsonl", start=4)
    assert [a.id for a in stream] == ["n.jsonl#4", "n.jsonl#5"]
    assert [w.reason for w in stream.warnings] == ["invalid_records"]


def test_file_warning_round_trips_through_json() -> None:
    from workbench.core.ingest import FileWarning
    from workbench.core.ingest.problems import ProblemLog, at_line
    log = ProblemLog()
    log.add("invalid_records", at_line(3), detail="Expecting value")
    log.add("invalid_records", at_line(9), detail="other")
    (warning,) = log.warnings("a.jsonl")
    assert FileWarning.from_json(json.loads(json.dumps(warning.to_json()))) == warning
    assert warning.message.startswith("2 record(s) could not be read") and "line 3: Expecting value" in warning.message


# --- links ------------------------------------------------------------------------------------

def test_symlinks_outside_the_corpus_are_not_followed_and_loops_are_loops(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    write(root, "a.txt", ARABIC)
    secret = write(tmp_path, "outside/secret.txt", "root:x:0:0")
    (root / "inside.txt").symlink_to(root / "a.txt")
    (root / "passwd.txt").symlink_to(secret)
    (root / "outdir").symlink_to(tmp_path / "outside")
    (root / "loop1.txt").symlink_to(root / "loop2.txt")
    (root / "loop2.txt").symlink_to(root / "loop1.txt")
    (root / "sub").mkdir()
    (root / "sub" / "up").symlink_to(root)
    (root / "dangling.txt").symlink_to(root / "nowhere.txt")
    (root / "ignored.bin").symlink_to(root / "nowhere.bin")
    files, skipped = scan_corpus(root)
    assert [f.relpath for f in files] == ["a.txt", "inside.txt"]
    assert [(s.relpath, s.reason) for s in skipped] == [
        ("dangling.txt", "broken_link"), ("loop1.txt", "link_loop"), ("loop2.txt", "link_loop"),
        ("outdir", "outside_link"), ("passwd.txt", "outside_link"), ("sub/up", "link_loop")]
    assert all("vanished" not in s.message and "drive" not in s.message for s in skipped)
    assert read(root, "inside.txt")[0].text == ARABIC
    assert skip_of(root, "passwd.txt").reason == "outside_link"
    assert skip_of(root, "loop1.txt").reason == "link_loop"
