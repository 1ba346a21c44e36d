"""The awkward-input corpus: every kind of file a messy research folder holds, through real processes.

Each file carries a marker word; the test indexes the folder with the ``workbench`` command in
a child process and checks that nothing printed a traceback, that every readable article can
be found by its marker (and nothing from outside the corpus can), and that every problem is
reported with its reason: skipped files by ``info --json``'s ``skipped``, problems inside
indexed files by its ``warnings``, with their counts. Big files are generated in tmp.
"""

from __future__ import annotations

import json
import os
import random
import stat
import subprocess
import sys
from pathlib import Path

from workbench.core.index import CorpusIndex
from workbench.core.ingest import MAX_ARTICLE_BYTES, read_file
from workbench.core.progress import Progress

ARABIC = "أعلنت وزارة الخارجية اليوم عن اتفاق جديد بين البلدين في دمشق بعد مفاوضات طويلة."


def article(marker: str, repeat: int = 3) -> str:
    """A short Arabic article that contains ``marker`` once."""
    return f"{ARABIC} {marker}\n" + "\n".join([ARABIC] * repeat)


def jsonl(*records: object, ensure_ascii: bool = False) -> str:
    return "".join(json.dumps(r, ensure_ascii=ensure_ascii) + "\n" for r in records)


def build_awkward_corpus(root: Path, outside: Path) -> tuple[dict[str, str], dict[str, str], dict[str, dict[str, int]]]:
    """Write the corpus; returns (marker -> article id), (skipped path -> reason), (path -> warning counts)."""
    root.mkdir()
    found: dict[str, str] = {}
    skipped: dict[str, str] = {}
    warnings: dict[str, dict[str, int]] = {}
    rng = random.Random(10)

    def put(relpath: str, data: bytes | str) -> None:
        path = root / relpath
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)

    put("binary.txt", b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(4000)) + b"\x00" * 400)
    skipped["binary.txt"] = "binary"
    put("empty.txt", b"")
    skipped["empty.txt"] = "empty"
    put("huge.txt", (ARABIC + " ") .encode() * (MAX_ARTICLE_BYTES // len(ARABIC.encode()) + 2))
    skipped["huge.txt"] = "too_large"
    put("cp1256.txt", article("mkcpone").encode("cp1256"))
    found["mkcpone"] = "cp1256.txt"
    put("utf16.txt", article("mkutfsixteen").encode("utf-16-le"))
    found["mkutfsixteen"] = "utf16.txt"
    put("broken_utf8.txt", f"{ARABIC} mkbroken ".encode() + b"\xff\xfe" + article("ok").encode() + b"\xc3")
    found["mkbroken"] = "broken_utf8.txt"
    warnings["broken_utf8.txt"] = {"replaced_bytes": 3}
    put("tweets.jsonl", jsonl({"content": "تغريدة مقطوعة mktweetone \ud83d"},
                              {"content": "تغريدة أخرى mktweettwo", "title": "\udc00عنوان"}, ensure_ascii=True))
    found["mktweetone"], found["mktweettwo"] = "tweets.jsonl#1", "tweets.jsonl#2"
    warnings["tweets.jsonl"] = {"replaced_surrogates": 2}
    put("nul.txt", article("mknul", repeat=10).replace(".", ".\x00", 2))
    found["mknul"] = "nul.txt"
    warnings["nul.txt"] = {"removed_controls": 2}
    put("nul_heavy.txt", b"\x00\x00\x00\x01" * 3000 + ARABIC.encode())
    skipped["nul_heavy.txt"] = "binary"
    words = article("mksub", repeat=25).split(" ")
    put("sub1a.txt", " ".join(f"{w}\x1a" if n % 9 == 5 and n < 9 * 26 else w for n, w in enumerate(words)))
    found["mksub"] = "sub1a.txt"
    warnings["sub1a.txt"] = {"removed_controls": 26}
    put("long_line.txt", (ARABIC + " ") * (1024 * 1024 // len((ARABIC + " ").encode())) + "mklongline")
    found["mklongline"] = "long_line.txt"
    good = [{"content": article(f"mkjsonl{chr(97 + n)}")} for n in range(10)]
    lines = [json.dumps(r, ensure_ascii=False) for r in good]
    lines[3:3] = ['{"content": "سطر مقطوع', "not json", "[1, 2]", '"نص"', "{}}", '{"content": tru}']
    lines += [json.dumps({"title": "بلا نص", "content": "   "})] * 84
    put("invalid.jsonl", "\n".join(lines) + "\n")
    for n in range(10):
        found[f"mkjsonl{chr(97 + n)}"] = f"invalid.jsonl#{n + 1 if n < 3 else n + 7}"
    warnings["invalid.jsonl"] = {"invalid_records": 6, "empty_records": 84}
    put("unclosed.csv", "title,content\n"
                        f"أول,{ARABIC} mkcsvbefore\n"
                        f'مكسور,"{ARABIC} mkcsvbroken\n'
                        f"ثان,{ARABIC} mkcsvafter\n"
                        f"ثالث,{ARABIC} mkcsvlast\n")
    found.update(mkcsvbefore="unclosed.csv#1", mkcsvafter="unclosed.csv#3", mkcsvlast="unclosed.csv#4")
    warnings["unclosed.csv"] = {"unclosed_quote": 1}
    outside.mkdir()
    (outside / "passwd.txt").write_text("root:x:0:0:mksecret:/root:/bin/bash\n")
    (root / "passwd.txt").symlink_to(outside / "passwd.txt")
    skipped["passwd.txt"] = "outside_link"
    (root / "loop_a.txt").symlink_to(root / "loop_b.txt")
    (root / "loop_b.txt").symlink_to(root / "loop_a.txt")
    skipped["loop_a.txt"] = skipped["loop_b.txt"] = "link_loop"
    return found, skipped, warnings


def workbench(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the ``workbench`` command in a child process (the test's WORKBENCH_HOME)."""
    return subprocess.run([sys.executable, "-m", "workbench", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=600, env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def test_awkward_corpus_every_article_found_every_problem_reported(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    found, skipped, warnings = build_awkward_corpus(corpus, tmp_path / "outside")

    indexed = workbench("index", str(corpus))
    assert indexed.returncode == 0, indexed.stderr
    assert "Traceback" not in indexed.stderr
    for relpath, reason in skipped.items():
        assert f"  {relpath}: {reason}: " in indexed.stderr
    for relpath, reasons in warnings.items():
        for reason in reasons:
            assert f"  {relpath}: {reason}: " in indexed.stderr

    info = workbench("info", str(corpus), "--json")
    assert info.returncode == 0 and "Traceback" not in info.stderr
    data = json.loads(info.stdout)
    again = json.loads(workbench("info", str(corpus), "--json").stdout)
    assert {**again, "index_bytes": 0} == {**data, "index_bytes": 0}  # the same report on every run
    assert {item["path"]: item["reason"] for item in data["skipped"]} == skipped
    reported: dict[str, dict[str, int]] = {}
    for item in data["warnings"]:
        reported.setdefault(item["path"], {})[item["reason"]] = item["count"]
    assert reported == warnings
    assert data["articles"] == len(found)

    queries = tmp_path / "markers.txt"
    markers = [*found, "mksecret", "mkcsvbroken"]
    queries.write_text("\n".join(markers) + "\n", encoding="utf-8")
    searched = workbench("search", str(corpus), "--queries", str(queries), "--json", "--limit", "5")
    assert searched.returncode == 0 and "Traceback" not in searched.stderr
    results = [json.loads(line) for line in searched.stdout.splitlines()]
    assert [r["query"] for r in results] == markers
    hits = {r["query"]: [hit["id"] for hit in r["hits"]] for r in results}
    assert hits == {**{marker: [article_id] for marker, article_id in found.items()},
                    "mksecret": [], "mkcsvbroken": []}


def test_a_file_vanishing_mid_run_is_reported_and_the_rest_indexed(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(6):
        (corpus / f"{n}.txt").write_text(article(f"mkvanish{chr(97 + n)}"), encoding="utf-8")
    doomed = corpus / "5.txt"

    def delete_on_first_progress(progress: Progress) -> None:
        if progress.phase == "index" and doomed.exists():
            doomed.unlink()

    index = CorpusIndex.open(corpus)
    try:
        report = index.update(progress=delete_on_first_progress)
    finally:
        index.close()
    assert [(s.relpath, s.reason) for s in report.skipped] == [("5.txt", "vanished")]
    assert report.articles == 5 and "Scan the corpus again" in report.skipped[0].message


def test_a_read_only_corpus_is_indexed_and_never_written(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "cp1256.txt").write_bytes(article("mkcpone").encode("cp1256"))
    (corpus / "sub" / "n.jsonl").write_text(jsonl({"content": article("mkro")}, {"x": 1}), encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    before = {p: p.lstat().st_mtime_ns for p in corpus.rglob("*")}
    modes = {p: p.lstat().st_mode for p in [corpus, *corpus.rglob("*")] if not p.is_symlink()}
    for path in modes:
        path.chmod(stat.S_IMODE(modes[path]) & ~0o222)
    try:
        indexed = workbench("index", str(corpus))
        searched = workbench("search", str(corpus), "mkcpone", "--json")
    finally:
        for path, mode in modes.items():
            path.chmod(stat.S_IMODE(mode))
    assert indexed.returncode == 0 and "Traceback" not in indexed.stderr
    assert json.loads(searched.stdout)["total"] == 1
    assert {p: p.lstat().st_mtime_ns for p in corpus.rglob("*")} == before


def test_a_70_mb_csv_field_is_left_out_and_its_neighbours_read(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    field = (ARABIC + " ") * (70 * 1024 * 1024 // len((ARABIC + " ").encode()))
    with (corpus / "dump.csv").open("w", encoding="utf-8") as out:
        out.write(f"title,content\nأول,{ARABIC} mkfirst\n")
        out.write(f'ضخم,"{field}"\n')
        out.write(f"أخير,{ARABIC} mklast\n")
    contents = read_file(corpus, "dump.csv")
    assert [(a.id, a.title) for a in contents.articles] == [("dump.csv#1", "أول"), ("dump.csv#3", "أخير")]
    (warning,) = contents.warnings
    assert (warning.reason, warning.count) == ("too_large_records", 1)
    assert "line 3" in warning.message and "70.0 MB" in warning.message and "4.0 MB limit" in warning.message
