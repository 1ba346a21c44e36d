"""Quality of the ranked entity lists on a SaudiNewsNet slice, scored against hand judgements.

    python bench/entity_quality.py [--slice every10] [--top 50] [--work DIR] [--workbench CMD]
                                   [--judgements FILE] [--contexts N] [--summary-only]

1. Builds the slice: records of ../shared/data/news/saudinewsnet.jsonl.gz (``--data``) written,
   unchanged and in file order, one per line, to ``CORPUS/slice.jsonl`` in a temporary folder
   (or ``--work DIR``, kept and reused). The workbench names record n of that file
   ``slice.jsonl#n`` (n from 1), the ids found in the entity list's ``docs``.
   Slice names: ``everyN`` = records 0, N, 2N, ... of the file (0-based record numbers);
   ``everyN+K`` = records K, K+N, K+2N, ...; ``A-B`` = records A..B-1. The default,
   ``every10``, is 3,103 articles. A different slice (say ``every10+5``) checks a change
   against articles that were not used to tune it.
2. Indexes it and lists its entities through the command-line interface only (``workbench
   index CORPUS``, ``workbench entities CORPUS --json``, both with ``--home`` pointing into the
   work folder, so no real profile is touched), run as ``sys.executable -m workbench`` unless
   ``--workbench`` names another command, so it measures whichever checkout's venv runs it.
   No workbench module is imported.
3. Takes the top ``--top`` (50) PERSON, LOCATION and ORGANIZATION entities (the list is sorted
   by article count) and looks each one up in ``bench/entity_quality/judgements_<slice>.tsv``.
4. Prints, per type, every ranked entity with its verdict, then a table of right / wrong /
   duplicate / unjudged counts, then the unjudged names, which a person judges (reading the
   articles: ``--contexts N`` prints N snippets around each unjudged name) and appends to the
   judgement file. Nothing is asserted, nothing is timed.

Matching. Names are compared normalised (diacritics, tatweel and format characters removed,
NFKC, أ إ آ ٱ → ا, ى → ي, ة → ه, spaces collapsed; failing that, also with "عبد X" as one
word). An entity is looked up by its displayed name, else by its judged alias most similar to
that name (sharing at least half its words), so a judgement survives a respelling or a merge
that changed the displayed name; alias matches are marked and listed for a person to check.

Duplicates are resolved against the current list, not copied from the file: a judgement of
``right`` makes the name its own identity, ``duplicate`` of X gives it X's identity. Walking
the list from the top, the first entity of an identity counts as right and every later one as
duplicate. So when a change merges two spellings, or drops the higher one, the counts follow.
Judging rules: bench/entity_quality/README.md.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HERE = REPO / "bench" / "entity_quality"
DEFAULT_DATA = next((path for shared in (REPO.parent / "shared", REPO / "shared")
                     if (path := shared / "data" / "news" / "saudinewsnet.jsonl.gz").exists()),
                    REPO.parent / "shared" / "data" / "news" / "saudinewsnet.jsonl.gz")
SLICE_FILE = "slice.jsonl"
TYPES = ("PERSON", "LOCATION", "ORGANIZATION")
VERDICTS = ("right", "wrong", "duplicate")
COLUMNS = ("type", "name", "verdict", "duplicate_of", "reason")


# --- names -----------------------------------------------------------------------------------

_ALEFS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})


def normalise(name: str) -> str:
    """The matching key of a name: no diacritics or tatweel, one alef, ي for ى, ه for ة, single spaces."""
    text = unicodedata.normalize("NFKC", name)
    text = "".join(ch for ch in text if ch != "\u0640" and unicodedata.category(ch) not in ("Mn", "Cf"))
    return " ".join(text.translate(_ALEFS).split())


def loose(name: str) -> str:
    """``normalise``, and "عبد X" written as one word (عبد العزيز = عبدالعزيز, عبد ربه = عبدربه)."""
    return re.sub(r"(?:^|(?<= ))عبد (?=\S)", "عبد", normalise(name))


# --- the slice -------------------------------------------------------------------------------

def slice_records(spec: str) -> tuple[int, int, int | None]:
    """(step, first, stop) of a slice name: everyN, everyN+K or A-B."""
    if match := re.fullmatch(r"every(\d+)(?:\+(\d+))?", spec):
        step, first = int(match[1]), int(match[2] or 0)
        if step < 1 or first >= step:
            raise SystemExit(f"bad slice {spec!r}: need everyN+K with N >= 1 and K < N")
        return step, first, None
    if match := re.fullmatch(r"(\d+)-(\d+)", spec):
        return 1, int(match[1]), int(match[2])
    raise SystemExit(f"bad slice {spec!r}: use everyN, everyN+K or A-B (record numbers from 0)")


def write_slice(data: Path, spec: str, target: Path) -> int:
    """Write the slice's records to ``target`` (one JSON object a line); return how many."""
    step, first, stop = slice_records(spec)
    count = 0
    target.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(data, "rt", encoding="utf-8") as source, target.open("w", encoding="utf-8") as out:
        for number, line in enumerate(source):
            if stop is not None and number >= stop:
                break
            if number >= first and (number - first) % step == 0 and line.strip():
                out.write(line.rstrip("\n") + "\n")
                count += 1
    return count


def read_slice(path: Path) -> dict[str, dict]:
    """Records of the slice file by workbench article id (``slice.jsonl#n``, n from 1)."""
    with path.open(encoding="utf-8") as f:
        return {f"{SLICE_FILE}#{n}": json.loads(line) for n, line in enumerate(f, 1)}


# --- the workbench, through its command line -------------------------------------------------

def run_workbench(command: list[str], home: Path, *args: str) -> str:
    result = subprocess.run([*command, "--home", str(home), *args], capture_output=True, text=True,
                            encoding="utf-8", env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    if result.returncode != 0:
        raise SystemExit(f"{shlex.join([*command, *args])} failed ({result.returncode}):\n{result.stderr}")
    return result.stdout


def list_entities(command: list[str], home: Path, corpus: Path) -> list[dict]:
    print(f"indexing {corpus} ...", file=sys.stderr, flush=True)
    run_workbench(command, home, "index", str(corpus))
    return json.loads(run_workbench(command, home, "entities", str(corpus), "--json"))


def workbench_version(command: list[str]) -> str:
    """The commit of the checkout that provides the workbench command, when it is a git checkout."""
    probe = subprocess.run([*command[:-2], "-c", "import workbench, pathlib; "
                            "print(pathlib.Path(workbench.__file__).resolve().parent.parent)"]
                           if command[-2:] == ["-m", "workbench"] else ["true"],
                           capture_output=True, text=True)
    root = probe.stdout.strip()
    if not root:
        return "unknown"
    rev = subprocess.run(["git", "-C", root, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run(["git", "-C", root, "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True)
    return f"{root} @ {rev.stdout.strip() or '?'}{' (uncommitted changes)' if dirty.stdout.strip() else ''}"


# --- judgements ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Judgement:
    type: str
    name: str
    verdict: str
    duplicate_of: str
    reason: str


class Judgements:
    """The judgement file, looked up by type and name: exact normalised name first, then ``loose``."""

    def __init__(self, rows: list[Judgement]) -> None:
        self.rows = rows
        self.exact: dict[tuple[str, str], Judgement] = {}
        self.loose: dict[tuple[str, str], Judgement] = {}
        for row in rows:
            self.exact.setdefault((row.type, normalise(row.name)), row)
            self.loose.setdefault((row.type, loose(row.name)), row)

    def __len__(self) -> int:
        return len(self.rows)

    def get(self, type_: str, name: str) -> Judgement | None:
        return self.exact.get((type_, normalise(name))) or self.loose.get((type_, loose(name)))

    def identity(self, judgement: Judgement) -> str:
        """The (loose) name of the right entity a judged name stands for, following duplicate_of."""
        seen: set[str] = set()
        while judgement.verdict == "duplicate" and loose(judgement.name) not in seen:
            seen.add(loose(judgement.name))
            target = self.get(judgement.type, judgement.duplicate_of)
            if target is None:
                return loose(judgement.duplicate_of)
            judgement = target
        return loose(judgement.name)


def read_judgements(path: Path) -> Judgements:
    """The rows of a judgement file (tab-separated, header row; lines starting with # are comments)."""
    rows: list[Judgement] = []
    if not path.exists():
        return Judgements(rows)
    with path.open(encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    if tuple(reader.fieldnames or ()) != COLUMNS:
        raise SystemExit(f"{path}: the header must be {' '.join(COLUMNS)} (tab-separated)")
    seen: dict[tuple[str, str], Judgement] = {}
    for row in reader:
        judgement = Judgement(*((row.get(column) or "").strip() for column in COLUMNS))
        if judgement.type not in TYPES or judgement.verdict not in VERDICTS or not judgement.name:
            raise SystemExit(f"{path}: bad row {row}")
        if judgement.verdict == "duplicate" and not judgement.duplicate_of:
            raise SystemExit(f"{path}: {judgement.name}: a duplicate needs duplicate_of")
        key = (judgement.type, normalise(judgement.name))
        if key in seen:
            raise SystemExit(f"{path}: {judgement.type} {judgement.name} is judged twice")
        seen[key] = judgement
        rows.append(judgement)
    return Judgements(rows)


def _similarity(a: str, b: str) -> float:
    """Share of words in common (Jaccard), on loose forms."""
    words_a, words_b = set(loose(a).split()), set(loose(b).split())
    return len(words_a & words_b) / len(words_a | words_b) if words_a | words_b else 0.0


def find_judgement(judgements: Judgements, type_: str, entity: dict) -> tuple[Judgement | None, bool]:
    """(judgement, through an alias?) for an entity: its displayed name, else its most similar judged alias.

    An alias judgement is only a guess about a renamed entity (aliases also collect wrong
    merges), so it is used only when the alias shares at least half its words with the
    displayed name, and the report marks it for a person to check.
    """
    if judgement := judgements.get(type_, entity["name"]):
        return judgement, False
    candidates = [(similarity, judgement) for alias in entity.get("aliases", [])
                  if (judgement := judgements.get(type_, alias))
                  and (similarity := _similarity(alias, entity["name"])) >= 0.5]
    if not candidates:
        return None, False
    return max(candidates, key=lambda pair: pair[0])[1], True


@dataclass
class Scored:
    rank: int
    entity: dict
    verdict: str            # right | wrong | duplicate | unjudged
    judged_as: str          # the judged name it matched ("" when unjudged)
    via_alias: bool
    note: str


def score(entities: list[dict], type_: str, top: int, judgements: Judgements) -> list[Scored]:
    """The top entities of a type with their verdicts; duplicates decided by order in this list."""
    ranked = [entity for entity in entities if entity["type"] == type_][:top]
    first: dict[str, str] = {}   # identity -> displayed name of its first entity in the list
    scored: list[Scored] = []
    for rank, entity in enumerate(ranked, 1):
        judgement, via_alias = find_judgement(judgements, type_, entity)
        if judgement is None:
            scored.append(Scored(rank, entity, "unjudged", "", False, ""))
            continue
        via = f"[judged as {judgement.name}] " if via_alias else ""
        if judgement.verdict == "wrong":
            scored.append(Scored(rank, entity, "wrong", judgement.name, via_alias, via + judgement.reason))
            continue
        key = judgements.identity(judgement)
        if key in first:
            scored.append(Scored(rank, entity, "duplicate", judgement.name, via_alias, f"{via}same as {first[key]}"))
            continue
        first[key] = entity["name"]
        note = judgement.reason if judgement.verdict == "right" else \
            f"judged a duplicate of {judgement.duplicate_of}, which is not above it here"
        scored.append(Scored(rank, entity, "right", judgement.name, via_alias, via + note))
    return scored


# --- contexts, for judging -------------------------------------------------------------------

def _normalised_with_map(text: str) -> tuple[str, list[int]]:
    """``normalise`` character by character (spaces kept), with each output char's source offset."""
    chars, where = [], []
    for i, ch in enumerate(text):
        if ch == "\u0640" or unicodedata.category(ch) in ("Mn", "Cf"):
            continue
        for out in unicodedata.normalize("NFKC", ch).translate(_ALEFS):
            chars.append(out)
            where.append(i)
    return "".join(chars), where


def _name_pattern(name: str) -> re.Pattern[str]:
    words = [re.escape(word) for word in normalise(name).split()]
    return re.compile(r"(?<!\w)(?:[وفبلك]{0,2})" + r"\s+".join(words) + r"(?!\w)")


def contexts(entity: dict, records: dict[str, dict], limit: int, width: int = 60) -> Iterator[str]:
    """Up to ``limit`` snippets, one per article, around the displayed name (else its longest alias)."""
    names = [entity["name"], *sorted(entity.get("aliases", []), key=len, reverse=True)]
    patterns = [_name_pattern(name) for name in names if normalise(name)]
    shown = 0
    for doc in entity.get("docs", []):
        record = records.get(doc)
        if record is None:
            continue
        text = f"{record.get('title', '')} ¶ {record.get('content', '')}"
        flat, where = _normalised_with_map(text)
        for pattern in patterns:
            if match := pattern.search(flat):
                start, end = where[match.start()], where[match.end() - 1] + 1
                left = " ".join(text[max(0, start - width):start].split())
                right = " ".join(text[end:end + width].split())
                yield f"{doc}: …{left} [{text[start:end]}] {right}…"
                shown += 1
                break
        if shown == limit:
            return


# --- report ----------------------------------------------------------------------------------

COUNTED = ("right", "wrong", "duplicate", "unjudged")


def print_report(entities: list[dict], judgements: Judgements, top: int, records: dict[str, dict],
                 context_count: int, summary_only: bool) -> None:
    results = {type_: score(entities, type_, top, judgements) for type_ in TYPES}
    if not summary_only:
        for type_, scored in results.items():
            print(f"\n## {type_}: top {len(scored)}\n")
            print(f"{'#':>3} {'arts':>5}  {'verdict':<9}  name  — note")
            for s in scored:
                mark = "*" if s.via_alias else " "
                print(f"{s.rank:3d} {s.entity['articles']:5d} {mark}{s.verdict:<9}  {s.entity['name']}"
                      + (f"  — {s.note}" if s.note else ""))
        print("\n(* = matched through an alias: check it, and judge the displayed name)")
    print(f"\n## Summary: top {top} of each type\n")
    header = (f"{'type':<13} {'ranked':>6} {'right':>6} {'wrong':>6} {'duplicate':>9} {'unjudged':>8}"
              f" {'via alias':>9}  wrong+duplicate of judged")
    print(header)
    print("-" * len(header))
    everything = [s for scored in results.values() for s in scored]
    for type_, scored in [*results.items(), ("all", everything)]:
        if type_ == "all":
            print("-" * len(header))
        counts = {verdict: sum(s.verdict == verdict for s in scored) for verdict in COUNTED}
        judged = len(scored) - counts["unjudged"]
        bad = counts["wrong"] + counts["duplicate"]
        share = f"{bad:3d} = {bad / judged:5.1%}" if judged else "  -"
        print(f"{type_:<13} {len(scored):6d} {counts['right']:6d} {counts['wrong']:6d} {counts['duplicate']:9d}"
              f" {counts['unjudged']:8d} {sum(s.via_alias for s in scored):9d}  {share}")
    unjudged = [(type_, s) for type_, scored in results.items() for s in scored if s.verdict == "unjudged"]
    if unjudged:
        print(f"\n## Unjudged ({len(unjudged)}): judge these and append rows for them to the judgement file\n")
        for type_, s in unjudged:
            aliases = f"  (aliases: {', '.join(s.entity['aliases'])})" if s.entity.get("aliases") else ""
            print(f"{type_}\t{s.entity['name']}\t#{s.rank}, {s.entity['articles']} articles{aliases}")
            for line in contexts(s.entity, records, context_count):
                print(f"    {line}")
    via = [(type_, s) for type_, scored in results.items() for s in scored if s.via_alias]
    if via:
        print(f"\n## Matched only through an alias ({len(via)}): check, and add a row for the displayed name\n")
        for type_, s in via:
            print(f"{type_}\t{s.entity['name']}\t#{s.rank}: counted {s.verdict}, as {s.judged_as}")
            for line in contexts(s.entity, records, context_count):
                print(f"    {line}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slice", default="every10", help="everyN, everyN+K or A-B (default every10)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="saudinewsnet.jsonl.gz")
    parser.add_argument("--top", type=int, default=50, help="entities of each type to score (default 50)")
    parser.add_argument("--judgements", type=Path, help="default bench/entity_quality/judgements_<slice>.tsv")
    parser.add_argument("--workbench", help="command that runs the workbench (default: this Python -m workbench)")
    parser.add_argument("--work", type=Path,
                        help="keep the corpus, profile, index and entities.json here; an index there is updated, "
                             "not rebuilt (use a fresh folder after changing the tagger)")
    parser.add_argument("--contexts", type=int, default=0, metavar="N",
                        help="print N snippets around each unjudged name (to judge it)")
    parser.add_argument("--summary-only", action="store_true", help="no per-entity lists")
    args = parser.parse_args()

    slice_records(args.slice)
    command = shlex.split(args.workbench) if args.workbench else [sys.executable, "-m", "workbench"]
    judgement_file = args.judgements or HERE / f"judgements_{args.slice}.tsv"
    judgements = read_judgements(judgement_file)
    if not args.data.exists():
        raise SystemExit(f"{args.data}: no such file (--data names SaudiNewsNet's saudinewsnet.jsonl.gz)")
    with tempfile.TemporaryDirectory(prefix="entity-quality-") as temp:
        work = args.work or Path(temp)
        corpus, home = work / "corpus", work / "home"
        slice_path, slice_name = corpus / SLICE_FILE, work / "slice-name.txt"
        if slice_path.exists() and slice_name.exists() and slice_name.read_text().strip() != args.slice:
            raise SystemExit(f"{work} holds slice {slice_name.read_text().strip()}, not {args.slice}: "
                             "use another --work folder")
        if not slice_path.exists():
            write_slice(args.data, args.slice, slice_path)
            slice_name.write_text(args.slice + "\n")
        records = read_slice(slice_path)
        entities = list_entities(command, home, corpus)
        if args.work:
            (work / "entities.json").write_text(json.dumps(entities, ensure_ascii=False, indent=1), encoding="utf-8")
        resolved = judgement_file.resolve()
        shown = resolved.relative_to(REPO) if resolved.is_relative_to(REPO) else judgement_file
        print(f"# Entity list quality: slice {args.slice} of {args.data.name} ({len(records)} articles)\n")
        print(f"workbench:  {shlex.join(command)}")
        print(f"checkout:   {workbench_version(command)}")
        print(f"judgements: {shown} ({len(judgements)} rows)")
        print(f"entities:   {len(entities)} in all; " + ", ".join(
            f"{sum(e['type'] == t for e in entities)} {t}" for t in (*TYPES, "MISC")))
        print_report(entities, judgements, args.top, records, args.contexts, args.summary_only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
