"""``workbench selftest``: check that this installation works, end to end, without the user's data.

Run by ``packaging/build.py`` on every frozen build before it is packaged, and by anyone who
wants to know whether an installed copy works (no Python, no network needed). Everything
happens in a temporary data folder that is deleted afterwards: it indexes the demo corpus
shipped with the app, runs an Arabic-aware search with a clitic (بحلب finds the four Aleppo
articles) and one with a spelling variant (سيرغي لافروف also finds سيرجي), lists the entities
(سيرغي لافروف in four articles), writes an Excel export and reads it back, loads the desktop
toolkit with the Arabic interface and font, and indexes a generated corpus large enough for the
app's real indexing path: a child process whose worker processes analyse the articles (what a
frozen build must get right).

Each check prints one line, PASS / FAIL / SKIP with what it saw; the exit code is 0 only when
no check failed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from workbench.cli.common import EXIT_FAILURE, EXIT_OK
from workbench.core import paths
from workbench.core.export import ExportRequest
from workbench.core.index.updating import PARALLEL_MIN_BYTES
from workbench.core.search import SearchRequest
from workbench.core.workspace import Workspace

CLITIC_QUERY, CLITIC_WORD, CLITIC_ARTICLES = "بحلب", "حلب", 4
"""A clitic-prefixed query, the word it must match, and the demo articles that mention it."""
VARIANT_QUERY, VARIANT_WORD, VARIANT_SPELLING = "سيرغي لافروف", "سيرغي", "سيرجي"
PERSON, PERSON_ARTICLES = "سيرغي لافروف", 4
PARALLEL_PROCESSES = 2
"""Analysing processes of the parallel-indexing check: the indexing process and one spawned worker
process (a re-entry of this executable when frozen), the least the GUI uses on a 2-core laptop."""


@dataclass(frozen=True)
class Outcome:
    """What one check found: passed (True), failed (False) or was skipped (None), and why."""

    passed: bool | None
    detail: str


def passed(detail: str) -> Outcome:
    return Outcome(True, detail)


def failed(detail: str) -> Outcome:
    return Outcome(False, detail)


def skipped(detail: str) -> Outcome:
    return Outcome(None, detail)


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the selftest subcommand."""
    selftest = commands.add_parser(
        "selftest", help="check that this installation works, on the demo corpus in a temporary folder")
    selftest.add_argument("--quick", action="store_true",
                          help="skip the check of indexing with worker processes (a 2 MB corpus, "
                               "tens of seconds)")
    selftest.set_defaults(handler=_cmd_selftest)


def _cmd_selftest(args: argparse.Namespace) -> int:
    outcomes = run_selftest(quick=args.quick, report=_print_outcome)
    failures = sum(outcome.passed is False for outcome in outcomes.values())
    skips = sum(outcome.passed is None for outcome in outcomes.values())
    print(f"selftest: {len(outcomes) - failures - skips} passed, {failures} failed, {skips} skipped")
    return EXIT_OK if failures == 0 else EXIT_FAILURE


def _print_outcome(name: str, outcome: Outcome) -> None:
    label = {True: "PASS", False: "FAIL", None: "SKIP"}[outcome.passed]
    print(f"{label}  {name:<18} {outcome.detail}", flush=True)


def run_selftest(quick: bool = False,
                 report: Callable[[str, Outcome], None] = lambda name, outcome: None) -> dict[str, Outcome]:
    """Run every check in a temporary data home; ``report`` sees each outcome as it comes."""
    outcomes: dict[str, Outcome] = {}

    def check(name: str, run: Callable[[], Outcome]) -> None:
        try:
            outcome = run()
        except Exception as error:  # a check that crashes has failed; say how, and go on
            traceback.print_exc(file=sys.stderr)
            outcome = failed(f"{type(error).__name__}: {error}")
        outcomes[name] = outcome
        report(name, outcome)

    with _temporary_home() as home:
        demo = paths.demo_corpus_dir()
        check("bundled files", _check_bundled_files)
        workspace = Workspace.open(demo)
        try:
            check("index demo", lambda: _check_index(workspace))
            check("clitic search", lambda: _check_clitic_search(workspace, demo))
            check("spelling variant", lambda: _check_variant_search(workspace, demo))
            check("entities", lambda: _check_entities(workspace))
            check("export .xlsx", lambda: _check_export(workspace, home))
        finally:
            workspace.close()
        check("desktop app", _check_desktop)
        if quick:
            check("parallel indexing", lambda: skipped("--quick"))
        else:
            check("parallel indexing", lambda: _check_parallel_indexing(home / "generated"))
    return outcomes


@contextmanager
def _temporary_home() -> Iterator[Path]:
    """Point the process at a fresh data home for the duration, then delete it."""
    previous = os.environ.get(paths.HOME_ENV)
    with tempfile.TemporaryDirectory(prefix="workbench-selftest-") as folder:
        paths.set_data_home(folder)
        try:
            yield Path(folder)
        finally:
            if previous is None:
                del os.environ[paths.HOME_ENV]
            else:
                os.environ[paths.HOME_ENV] = previous


def _check_bundled_files() -> Outcome:
    resources = paths.resources_dir()
    needed = ["models/ner.npz", "models/word_clusters.tsv", "gazetteers/location.txt", "fonts/Amiri-Regular.ttf",
              "fonts/OFL.txt", "icons/workbench.svg", "LICENCES.md"]
    missing = [name for name in needed if not (resources / name).is_file()]
    if missing:
        return failed(f"missing from {resources}: {', '.join(missing)}")
    articles = len(list(paths.demo_corpus_dir().glob("*.txt")))
    if articles == 0:
        return failed(f"no demo articles in {paths.demo_corpus_dir()}")
    return passed(f"resources in {resources}; {articles} demo articles")


def _check_index(workspace: Workspace) -> Outcome:
    expected = len(list(workspace.corpus.glob("*.txt")))
    started = time.monotonic()
    report = workspace.update()
    if report.skipped:
        return failed(f"skipped files: {', '.join(f'{s.relpath} ({s.reason})' for s in report.skipped)}")
    if report.articles != expected:
        return failed(f"expected {expected} articles in the index, found {report.articles}")
    return passed(f"{report.articles} articles indexed in {time.monotonic() - started:.1f} s")


def _articles_containing(corpus: Path, word: str, unless: str | None = None) -> set[str]:
    """Demo articles whose raw text contains ``word`` (and not ``unless``): what a search must find."""
    found = set()
    for path in corpus.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        if word in text and (unless is None or unless not in text):
            found.add(path.name)
    return found


def _check_clitic_search(workspace: Workspace, corpus: Path) -> Outcome:
    expected = _articles_containing(corpus, CLITIC_WORD)
    if len(expected) != CLITIC_ARTICLES:
        return failed(f"the demo corpus should have {CLITIC_ARTICLES} articles with {CLITIC_WORD}, it has "
                      f"{len(expected)}")
    results = workspace.engine.search(SearchRequest(CLITIC_QUERY))
    found = {hit.path for hit in results}
    if found != expected:
        return failed(f"{CLITIC_QUERY}: expected {sorted(expected)}, found {sorted(found)}")
    unhighlighted = [hit.path for hit in results
                     if not any(CLITIC_WORD in snippet.text[start:end]
                                for snippet in hit.snippets for start, end in snippet.highlights)]
    if unhighlighted:
        return failed(f"{CLITIC_QUERY}: no highlighted {CLITIC_WORD} in {', '.join(unhighlighted)}")
    return passed(f"{CLITIC_QUERY} finds the {len(found)} articles with {CLITIC_WORD}, highlighted")


def _check_variant_search(workspace: Workspace, corpus: Path) -> Outcome:
    only_variant = _articles_containing(corpus, VARIANT_SPELLING, unless=VARIANT_WORD)
    results = workspace.engine.search(SearchRequest(VARIANT_QUERY))
    if results.variants.get(VARIANT_WORD) != [VARIANT_SPELLING]:
        return failed(f"{VARIANT_QUERY}: expected the variant {VARIANT_SPELLING}, got {results.variants}")
    found = {hit.path for hit in results}
    if not only_variant or not only_variant <= found:
        return failed(f"{VARIANT_QUERY}: the articles spelling it {VARIANT_SPELLING} ({sorted(only_variant)}) "
                      f"are not all among the hits {sorted(found)}")
    return passed(f"{VARIANT_QUERY} also matches {VARIANT_SPELLING}: {results.total} articles")


def _check_entities(workspace: Workspace) -> Outcome:
    people = {row["name"]: row for row in workspace.entities_json(type="PERSON")}
    person = people.get(PERSON)
    if person is None:
        return failed(f"{PERSON} is not among the people found: {sorted(people)[:10]}")
    if person["articles"] != PERSON_ARTICLES:
        return failed(f"{PERSON}: expected {PERSON_ARTICLES} articles, found {person['articles']}")
    return passed(f"{len(people)} people; {PERSON} in {person['articles']} articles "
                  f"(also spelled {', '.join(person['aliases']) or '-'})")


def _check_export(workspace: Workspace, folder: Path) -> Outcome:
    """Export the clitic query's articles to Excel and read the file back."""
    out = folder / "selftest.xlsx"
    report = workspace.export(ExportRequest(out=out, search=SearchRequest(CLITIC_QUERY)))
    import openpyxl  # only this check reads a workbook

    workbook = openpyxl.load_workbook(out, read_only=True)
    try:
        sheets = workbook.sheetnames
        rows = sum(any(cell is not None for cell in row)  # the articles, below the header row
                   for row in workbook.worksheets[0].iter_rows(min_row=2, values_only=True))
    finally:
        workbook.close()
    if rows != CLITIC_ARTICLES or report.articles != CLITIC_ARTICLES:
        return failed(f"expected {CLITIC_ARTICLES} articles in the first sheet of {out.name}, found {rows} rows "
                      f"({report.articles} reported)")
    return passed(f"{out.name}: {', '.join(sheets)}; {rows} articles for {CLITIC_QUERY}")


def _check_desktop() -> Outcome:
    """Qt loads (offscreen), with the Arabic interface translations, Qt's own, and the Amiri font."""
    try:
        from PySide6.QtCore import QLibraryInfo, QTranslator, qVersion
        from PySide6.QtWidgets import QApplication
    except ImportError as error:
        return failed(f"the desktop toolkit does not load: {error}")
    from workbench.ui.fonts import ARABIC_FAMILY, load_fonts
    from workbench.ui.i18n import qm_path

    app = QApplication.instance() or QApplication(["workbench", "-platform", "offscreen"])
    own, qt = QTranslator(app), QTranslator(app)
    if not own.load(str(qm_path("ar"))) or own.isEmpty():
        return failed(f"cannot load the Arabic interface translations {qm_path('ar')}")
    qt_translations = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / "qtbase_ar.qm"
    if not qt.load(str(qt_translations)):
        return failed(f"cannot load Qt's Arabic translations {qt_translations}")
    families = load_fonts()
    if ARABIC_FAMILY not in families:
        return failed(f"the {ARABIC_FAMILY} font did not register (found {families})")
    return passed(f"Qt {qVersion()}; Arabic interface and Qt translations; {ARABIC_FAMILY} font")


def _check_parallel_indexing(folder: Path) -> Outcome:
    """Index a generated corpus the way the app indexes a large folder: in a child process, with
    worker processes for the analysis (both are re-entries of this executable when frozen)."""
    articles, size, with_word = write_generated_corpus(folder, PARALLEL_MIN_BYTES * 21 // 20, CLITIC_WORD)
    workspace = Workspace.open(folder)
    try:
        started = time.monotonic()
        report = workspace.update(processes=PARALLEL_PROCESSES, in_child=True)
        seconds = time.monotonic() - started
        if report.articles != articles:
            return failed(f"expected {articles} articles in the index, found {report.articles}")
        if report.worker_processes != PARALLEL_PROCESSES - 1:
            return failed(f"the worker processes did not analyse the articles (workers: {report.worker_processes})")
        total = workspace.engine.search(SearchRequest(CLITIC_WORD)).total
        if total != with_word:
            return failed(f"{CLITIC_WORD}: expected {with_word} articles, found {total}")
    finally:
        workspace.close()
    return passed(f"{articles} articles ({size / 1e6:.1f} MB) by a child process and {report.worker_processes} "
                  f"worker process(es) in {seconds:.1f} s")


def write_generated_corpus(folder: Path, min_bytes: int, word: str) -> tuple[int, int, int]:
    """Write articles made from the demo corpus (each demo article, its paragraphs rotated a step
    further each round) until they hold ``min_bytes``; returns (articles, bytes, articles
    containing ``word``)."""
    folder.mkdir(parents=True, exist_ok=True)
    demo = [path.read_text(encoding="utf-8").split("\n") for path in sorted(paths.demo_corpus_dir().glob("*.txt"))]
    written = size = with_word = 0
    while size < min_bytes:
        paragraphs = demo[written % len(demo)]
        turn = (written // len(demo)) % len(paragraphs)
        text = "\n".join(paragraphs[turn:] + paragraphs[:turn])
        path = folder / f"generated_{written:05d}.txt"
        path.write_text(text, encoding="utf-8")
        size += path.stat().st_size
        written += 1
        with_word += word in text
    return written, size, with_word
