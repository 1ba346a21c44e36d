"""Quote and speaker extraction scored on the hand-labelled gold set (prints a table).

The gold set (bench/quotes_gold/, guidelines in its README.md) labels every quote of the five
seeds and of 14 SaudiNewsNet articles. This script builds a temporary corpus of those articles
(the seeds as .txt files, the SaudiNewsNet records in one ``saudinewsnet.jsonl``, so their ids
are ``saudinewsnet.jsonl#N``), runs ``python -m workbench --home TMP quotes CORPUS --json`` and
scores its output:

* quote detection: a predicted quote matches a gold quote of the same article when their texts
  (whitespace collapsed) share a common substring at least half as long as the shorter text;
  matching is one-to-one, best overlap first (ties go to the nearest offsets);
* speakers: over matched quotes, the predicted ``entity`` (or ``speaker`` when ``entity`` is
  null) is correct when, normalised as the search normalises words, it equals the gold
  ``speaker_entity`` or one contains the other as whole words (لافروف ~ سيرغي لافروف). Where the
  article names nobody (``speaker_entity`` null, e.g. "مصدر مسؤول"), a prediction is checked
  against the gold ``speaker`` instead. Precision = correct / predicted quotes with a speaker
  (unmatched predictions included); recall = correct / gold quotes with a ``speaker_entity``.

SaudiNewsNet text is not committed (its licence): the gold file holds offsets and a checksum for
those quotes, and their texts are read from ../shared/data/news/saudinewsnet.jsonl.gz here.
Nothing is asserted except in --selftest.

    python bench/quotes_eval.py                      # run `workbench quotes` on the gold articles
    python bench/quotes_eval.py --predictions FILE   # score a JSON list of predictions instead
    python bench/quotes_eval.py --selftest           # the scorer on the gold set and a perturbed copy
    python bench/quotes_eval.py --write-corpus DIR   # the gold articles as a corpus, for other tools
    python bench/quotes_eval.py --export-gold FILE   # the gold set with every text filled in (keep it local)
    python bench/quotes_eval.py --details            # also list misses, false alarms and wrong speakers
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from workbench.core.arabic import tokenize  # noqa: E402

GOLD_DIR = REPO / "bench" / "quotes_gold"
DEFAULT_SEEDS = REPO / "seeds"
DEFAULT_DATA = REPO.parent / "shared" / "data" / "news" / "saudinewsnet.jsonl.gz"
SNN_FILE = "saudinewsnet.jsonl"
KINDS = ("direct", "reported")


class EvalError(Exception):
    """A problem to report in one line (missing data, malformed predictions, missing command)."""


# --- gold ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Gold:
    corpus: str
    article: str
    kind: str
    verb: str | None
    text: str
    speaker: str | None
    entity: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    corpus: str
    name: str
    text: str
    record: str | None = None
    """The original SaudiNewsNet JSON line (None for a seed)."""


def read_article_list(path: Path) -> list[tuple[str, str]]:
    """(corpus, article) pairs of articles.txt, in order."""
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            corpus, name = line.split()[:2]
            if corpus not in ("seeds", "saudinewsnet"):
                raise EvalError(f"{path}: unknown corpus {corpus!r}")
            pairs.append((corpus, name))
    return pairs


def load_articles(pairs: Sequence[tuple[str, str]], seeds: Path, data: Path) -> dict[str, Article]:
    """The text of every listed article, by article name."""
    articles: dict[str, Article] = {}
    for corpus, name in pairs:
        if corpus == "seeds":
            path = seeds / name
            if not path.is_file():
                raise EvalError(f"seed {name} not found in {seeds} (use --seeds DIR)")
            articles[name] = Article(corpus, name, path.read_text(encoding="utf-8"))
    wanted = {name for corpus, name in pairs if corpus == "saudinewsnet"}
    if wanted:
        if not data.is_file():
            raise EvalError(f"SaudiNewsNet not found at {data} (use --data FILE); its articles "
                            "hold most of the gold set")
        with gzip.open(data, "rt", encoding="utf-8") as stream:
            for line in stream:
                if not any(f'"{name}"' in line for name in wanted - articles.keys()):
                    continue
                record = json.loads(line)
                if record.get("id") in wanted:
                    articles[record["id"]] = Article("saudinewsnet", record["id"], record["content"], line)
        if missing := wanted - articles.keys():
            raise EvalError(f"SaudiNewsNet records not found in {data}: {', '.join(sorted(missing))}")
    return articles


def load_gold(path: Path, articles: dict[str, Article]) -> list[Gold]:
    """The gold quotes, each text filled from (and checked against) its article."""
    gold = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        where = f"{path.name}:{number}"
        article = articles.get(row["article"])
        if article is None or article.corpus != row["corpus"]:
            raise EvalError(f"{where}: article {row['corpus']}/{row['article']} is not in articles.txt")
        if row["kind"] not in KINDS:
            raise EvalError(f"{where}: kind must be one of {KINDS}")
        start, end = row["start"], row["end"]
        if not 0 <= start < end <= len(article.text):
            raise EvalError(f"{where}: offsets {start}-{end} outside the article")
        text = article.text[start:end]
        if row.get("text") is not None and row["text"] != text:
            raise EvalError(f"{where}: text differs from the article at {start}-{end}")
        if row.get("sha1") and hashlib.sha1(text.encode()).hexdigest()[:12] != row["sha1"]:
            raise EvalError(f"{where}: checksum mismatch: {row['article']} differs from the labelled version")
        for key in ("speaker", "speaker_entity", "verb"):
            if row.get(key) and row[key] not in article.text:
                raise EvalError(f"{where}: {key} {row[key]!r} does not occur in the article")
        gold.append(Gold(row["corpus"], row["article"], row["kind"], row.get("verb"), text,
                         row.get("speaker"), row.get("speaker_entity"), start, end))
    return gold


# --- corpus and predictions ------------------------------------------------------------------

def write_corpus(folder: Path, pairs: Sequence[tuple[str, str]],
                 articles: dict[str, Article]) -> dict[str, str]:
    """Write the gold articles as a corpus; return {corpus article id: gold article name}."""
    folder.mkdir(parents=True, exist_ok=True)
    ids: dict[str, str] = {}
    records = []
    for corpus, name in pairs:
        article = articles[name]
        if corpus == "seeds":
            (folder / name).write_text(article.text, encoding="utf-8")
            ids[name] = name
        else:
            records.append(article.record)
            ids[f"{SNN_FILE}#{len(records)}"] = name
    if records:
        with (folder / SNN_FILE).open("w", encoding="utf-8") as stream:
            stream.writelines(record if record.endswith("\n") else record + "\n" for record in records)
    return ids


def run_workbench(corpus: Path, home: Path) -> list[dict[str, Any]]:
    """Predictions of ``workbench quotes`` on ``corpus``."""
    command = [sys.executable, "-m", "workbench", "--home", str(home), "quotes", str(corpus), "--json"]
    env = {**os.environ, "WORKBENCH_HOME": str(home)}
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, encoding="utf-8")
    if done.returncode != 0:
        if "invalid choice: 'quotes'" in done.stderr:
            raise EvalError("this workbench has no `quotes` command yet (`python -m workbench quotes "
                            "CORPUS --json`); score a predictions file with --predictions FILE, or "
                            "check the scorer with --selftest")
        raise EvalError(f"`{' '.join(command)}` failed (exit {done.returncode}): "
                        f"{done.stderr.strip()[-500:]}")
    try:
        return parse_predictions(json.loads(done.stdout))
    except json.JSONDecodeError as exc:
        raise EvalError(f"`workbench quotes --json` did not print JSON ({exc})") from exc


def parse_predictions(data: Any) -> list[dict[str, Any]]:
    """Check the contract: a list of {"id", "speaker", "entity", "verb", "text", "start", "end"}."""
    if not isinstance(data, list):
        raise EvalError("predictions must be a JSON list of quote objects")
    for number, item in enumerate(data):
        if not (isinstance(item, dict) and isinstance(item.get("id"), str) and isinstance(item.get("text"), str)):
            raise EvalError(f"prediction {number} needs at least a string 'id' and 'text': {item!r:.200}")
    return data


def article_of(prediction_id: str, ids: dict[str, str], names: set[str]) -> str | None:
    """The gold article of a predicted id: a corpus id (FILE.jsonl#N, a seed path) or an article name."""
    if prediction_id in ids:
        return ids[prediction_id]
    if prediction_id in names:
        return prediction_id
    tail = prediction_id.replace("\\", "/").rsplit("/", 1)[-1]
    return ids.get(tail) or (tail if tail in names else None)


# --- matching --------------------------------------------------------------------------------

_SPACES = re.compile(r"\s+")


def squash(text: str) -> str:
    """Whitespace runs to one space, trimmed."""
    return _SPACES.sub(" ", text).strip()


def texts_match(a: str, b: str) -> tuple[bool, float]:
    """Whether two quote texts overlap by at least half of the shorter, and the overlap ratio."""
    a, b = squash(a), squash(b)
    if not a or not b:
        return False, 0.0
    overlap = difflib.SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size
    ratio = overlap / min(len(a), len(b))
    return ratio >= 0.5, ratio


def name_words(name: str) -> list[str]:
    """The normalised words of a name (diacritics, tatweel, hamza forms, ى/ي and ة/ه folded).

    The word ابن ("son of") is read as بن, its spelling inside a full name (ابن حمد ~ أحمد بن حمد).
    """
    return ["بن" if token.norm == "ابن" else token.norm for token in tokenize(name)]


def same_speaker(predicted: str | None, gold: str | None) -> bool:
    """Equal after normalisation, or one name inside the other as whole words."""
    if not predicted or not gold:
        return False
    p, g = name_words(predicted), name_words(gold)
    if not p or not g:
        return False
    short, long_ = (p, g) if len(p) <= len(g) else (g, p)
    return any(long_[i:i + len(short)] == short for i in range(len(long_) - len(short) + 1))


def predicted_name(prediction: dict[str, Any]) -> str | None:
    return prediction.get("entity") or prediction.get("speaker") or None


@dataclass
class Scores:
    gold: list[Gold]
    predictions: list[tuple[str | None, dict[str, Any]]]
    """(gold article or None when the id is unknown, prediction)."""
    pairs: list[tuple[int, int]] = field(default_factory=list)
    """(gold index, prediction index) of matched quotes."""


def match(gold: Sequence[Gold],
          predictions: Sequence[tuple[str | None, dict[str, Any]]]) -> list[tuple[int, int]]:
    """One-to-one matches, best text overlap first, then nearest offsets."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, (article, p) in enumerate(predictions):
            if article != g.article:
                continue
            ok, ratio = texts_match(g.text, p["text"])
            if ok:
                start, end = p.get("start"), p.get("end")
                distance = (abs(start - g.start) + abs(end - g.end)
                            if isinstance(start, int) and isinstance(end, int) else 0)
                candidates.append((-ratio, distance, gi, pi))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, _, gi, pi in sorted(candidates):
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def score(gold: Sequence[Gold], predictions: Sequence[tuple[str | None, dict[str, Any]]]) -> Scores:
    return Scores(list(gold), list(predictions), match(gold, predictions))


def speaker_correct(g: Gold, prediction: dict[str, Any]) -> bool:
    name = predicted_name(prediction)
    return same_speaker(name, g.entity) if g.entity else same_speaker(name, g.speaker)


def ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def metrics(scores: Scores, keep_gold=lambda g: True, keep_pred=lambda article: True) -> dict[str, Any]:
    """Counts and rates over the gold quotes and predictions that pass the filters."""
    gold_ids = {i for i, g in enumerate(scores.gold) if keep_gold(g)}
    pred_ids = {i for i, (article, _) in enumerate(scores.predictions) if keep_pred(article)}
    pairs = [(gi, pi) for gi, pi in scores.pairs if gi in gold_ids]
    matched = len(pairs)
    with_speaker = [i for i in pred_ids if predicted_name(scores.predictions[i][1])]
    correct_named = sum(1 for gi, pi in pairs if scores.gold[gi].entity
                        and speaker_correct(scores.gold[gi], scores.predictions[pi][1]))
    correct_any = sum(1 for gi, pi in pairs if pi in pred_ids
                      and (scores.gold[gi].entity or scores.gold[gi].speaker)
                      and predicted_name(scores.predictions[pi][1])
                      and speaker_correct(scores.gold[gi], scores.predictions[pi][1]))
    gold_named = sum(1 for i in gold_ids if scores.gold[i].entity)
    out = {
        "gold": len(gold_ids), "predicted": len(pred_ids), "matched": matched,
        "precision": ratio(sum(1 for _, pi in pairs if pi in pred_ids), len(pred_ids)),
        "recall": ratio(matched, len(gold_ids)),
        "gold_speakers": gold_named, "predicted_speakers": len(with_speaker),
        "correct_speakers": correct_any, "correct_named": correct_named,
        "speaker_precision": ratio(correct_any, len(with_speaker)),
        "speaker_recall": ratio(correct_named, gold_named),
    }
    return out


def report_rows(scores: Scores) -> list[tuple[str, dict[str, Any]]]:
    rows = [("all", metrics(scores))]
    for corpus in ("seeds", "saudinewsnet"):
        names = {g.article for g in scores.gold if g.corpus == corpus}
        rows.append((corpus, metrics(scores, lambda g, c=corpus: g.corpus == c, lambda a, n=names: a in n)))
    for kind in KINDS:  # predictions carry no kind: recall only
        row = metrics(scores, lambda g, k=kind: g.kind == k, lambda a: False)
        row.update(predicted=None, precision=None, predicted_speakers=None, correct_speakers=None,
                   speaker_precision=None)
        rows.append((kind, row))
    return rows


def print_table(rows: Iterable[tuple[str, dict[str, Any]]], stream=sys.stdout) -> None:
    def cell(value: Any) -> str:
        if value is None:
            return "—"
        return f"{value:.3f}" if isinstance(value, float) else str(value)

    header = ("subset", "gold", "pred", "match", "P", "R", "F1",
              "spk gold", "spk pred", "spk ok", "named ok", "spk P", "spk R")
    lines = [header]
    for name, m in rows:
        p, r = m["precision"], m["recall"]
        f1 = 2 * p * r / (p + r) if p is not None and r is not None and p + r else None
        lines.append((name, m["gold"], m["predicted"], m["matched"], p, r, f1, m["gold_speakers"],
                      m["predicted_speakers"], m["correct_speakers"], m["correct_named"],
                      m["speaker_precision"], m["speaker_recall"]))
    table = [[cell(v) for v in line] for line in lines]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for row in table:
        print("  ".join(v.ljust(w) if i == 0 else v.rjust(w) for i, (v, w) in enumerate(zip(row, widths, strict=False))),
              file=stream)


def print_details(scores: Scores, stream=sys.stdout) -> None:
    matched_gold = {gi for gi, _ in scores.pairs}
    matched_pred = {pi for _, pi in scores.pairs}
    print("\nmissed gold quotes:", file=stream)
    for i, g in enumerate(scores.gold):
        if i not in matched_gold:
            print(f"  {g.article} {g.start}-{g.end} [{g.entity or g.speaker}] {g.text[:90]}", file=stream)
    print("\nfalse alarms:", file=stream)
    for i, (article, p) in enumerate(scores.predictions):
        if i not in matched_pred:
            print(f"  {article or p['id']} [{predicted_name(p)}] {squash(p['text'])[:90]}", file=stream)
    print("\nwrong or missing speakers on matched quotes:", file=stream)
    for gi, pi in scores.pairs:
        g, p = scores.gold[gi], scores.predictions[pi][1]
        if (g.entity or g.speaker) and not speaker_correct(g, p):
            print(f"  {g.article} {g.start}-{g.end} gold [{g.entity or g.speaker}] predicted "
                  f"[{predicted_name(p)}] {g.text[:60]}", file=stream)


# --- self-test -------------------------------------------------------------------------------

def gold_as_predictions(gold: Sequence[Gold], ids: dict[str, str]) -> list[dict[str, Any]]:
    corpus_id = {name: cid for cid, name in ids.items()}
    return [{"id": corpus_id[g.article], "speaker": g.speaker, "entity": g.entity, "verb": g.verb,
             "text": g.text, "start": g.start, "end": g.end} for g in gold]


def perturb(gold: Sequence[Gold], ids: dict[str, str],
            articles: dict[str, Article]) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """A damaged copy of the gold predictions and the counts the scorer must find in it.

    By position i in the gold list: i % 10 == 0 dropped (a miss); == 1 text cut to its first
    half (still a match); == 2 speaker replaced by a wrong name; == 3 speaker and entity removed;
    == 4 entity cut to its last word (still correct); == 5 entity with diacritics, tatweel and
    أ/ة spelled differently, and no offsets (still correct). Each article also gets one false
    alarm from text outside every gold quote, with a speaker.
    """
    predictions = gold_as_predictions(gold, ids)
    out: list[dict[str, Any]] = []
    expect = {"matched": 0, "predicted": 0, "predicted_speakers": 0, "correct_any": 0, "correct_named": 0}
    for i, (g, p) in enumerate(zip(gold, predictions, strict=False)):
        p = dict(p)
        rule = i % 10
        has_speaker = bool(g.entity or g.speaker)
        if rule == 0:
            continue
        if rule == 1:
            half = max(1, len(g.text) // 2)
            p.update(text=g.text[:half], end=g.start + half)
        elif rule == 2:
            p.update(speaker="شخص مجهول", entity="شخص مجهول")
        elif rule == 3:
            p.update(speaker=None, entity=None)
        elif rule == 4 and g.entity:
            p.update(entity=g.entity.split()[-1])
        elif rule == 5 and g.entity:
            word = g.entity
            word = word[0] + "\u064e" + word[1:]  # a fatha
            word = word.replace("ا", "أ", 1).replace("ة", "ـة")  # hamza seat and tatweel
            p.update(entity=word, start=None, end=None)
        out.append(p)
        expect["matched"] += 1
        expect["predicted"] += 1
        speaks = rule != 3 and bool(p.get("entity") or p.get("speaker"))
        expect["predicted_speakers"] += speaks
        right = speaks and has_speaker and rule != 2
        expect["correct_any"] += right
        expect["correct_named"] += right and bool(g.entity)
    corpus_id = {name: cid for cid, name in ids.items()}
    for name, article in articles.items():
        spans = sorted((g.start, g.end) for g in gold if g.article == name)
        gaps, cursor = [], 0
        for start, end in [*spans, (len(article.text), len(article.text))]:
            if start - cursor >= 30:
                gaps.append((cursor, start))
            cursor = max(cursor, end)
        if not gaps:
            continue
        start, end = max(gaps, key=lambda gap: gap[1] - gap[0])
        start, end = start + 2, min(end - 2, start + 2 + 60)
        out.append({"id": corpus_id[name], "speaker": "شخص مجهول", "entity": None, "verb": None,
                    "text": article.text[start:end], "start": start, "end": end})
        expect["predicted"] += 1
        expect["predicted_speakers"] += 1
    return out, expect


def selftest(gold: list[Gold], ids: dict[str, str], articles: dict[str, Article]) -> None:
    assert texts_match("قال لافروف إن الوضع", "لافروف إن الوضع في حلب")[0]
    assert not texts_match("الجيش السوري أوقف العمليات", "واشنطن تدعو إلى التهدئة")[0]
    assert texts_match("a  b\n c", "a b c") == (True, 1.0)
    assert same_speaker("لافروف", "سيرغي لافروف") and same_speaker("سيرغي لافروف", "لافروف")
    assert same_speaker("وزارة الخارجية", "وزاره الخارجيه") and same_speaker("إيجلاند", "يان ايجلاند")
    assert same_speaker("ابن حمد", "أحمد بن حمد")
    assert not same_speaker("حسن", "حسني مبارك") and not same_speaker("لافروف", "سيرغي شويغو")
    assert not same_speaker(None, "لافروف") and not same_speaker("لافروف", None)

    names = set(articles)
    resolve = lambda predictions: [(article_of(p["id"], ids, names), p) for p in predictions]  # noqa: E731
    perfect = score(gold, resolve(gold_as_predictions(gold, ids)))
    whole = metrics(perfect)
    print("gold scored against itself:")
    print_table(report_rows(perfect))
    for key in ("precision", "recall", "speaker_precision", "speaker_recall"):
        assert whole[key] == 1.0, (key, whole[key])

    damaged, expect = perturb(gold, ids, articles)
    scores = score(gold, resolve(damaged))
    got = metrics(scores)
    print("\ngold scored against a perturbed copy (see perturb()):")
    print_table(report_rows(scores))
    gold_named = sum(1 for g in gold if g.entity)
    wanted = {
        "matched": expect["matched"],
        "precision": expect["matched"] / expect["predicted"],
        "recall": expect["matched"] / len(gold),
        "predicted_speakers": expect["predicted_speakers"],
        "speaker_precision": expect["correct_any"] / expect["predicted_speakers"],
        "speaker_recall": expect["correct_named"] / gold_named,
    }
    for key, value in wanted.items():
        assert abs(got[key] - value) < 1e-9, (key, got[key], value)
    print("\nselftest passed: 1.0 on the gold set, and the expected figures on the perturbed copy")


# --- main ------------------------------------------------------------------------------------

def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--predictions", type=Path, help="score this JSON list instead of running workbench")
    parser.add_argument("--selftest", action="store_true",
                        help="check the scorer (gold vs itself and a perturbed copy)")
    parser.add_argument("--write-corpus", type=Path, metavar="DIR",
                        help="write the gold articles as a corpus and stop")
    parser.add_argument("--export-gold", type=Path, metavar="FILE",
                        help="write the gold set with every text filled in and stop (do not commit it)")
    parser.add_argument("--details", action="store_true", help="list misses, false alarms and wrong speakers")
    parser.add_argument("--gold", type=Path, default=GOLD_DIR, help="gold folder (quotes.jsonl, articles.txt)")
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS, help="folder of the seed articles")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="saudinewsnet.jsonl.gz")
    args = parser.parse_args(argv)
    try:
        pairs = read_article_list(args.gold / "articles.txt")
        articles = load_articles(pairs, args.seeds, args.data)
        gold = load_gold(args.gold / "quotes.jsonl", articles)
        if args.export_gold:
            with args.export_gold.open("w", encoding="utf-8") as stream:
                for g in gold:
                    row = {"corpus": g.corpus, "article": g.article, "kind": g.kind, "verb": g.verb,
                           "text": g.text, "speaker": g.speaker, "speaker_entity": g.entity,
                           "start": g.start, "end": g.end}
                    stream.write(json.dumps(row, ensure_ascii=False) + "\n")
            print(f"{len(gold)} gold quotes written to {args.export_gold}")
            return 0
        if args.write_corpus:
            ids = write_corpus(args.write_corpus, pairs, articles)
            print(f"{len(pairs)} articles written to {args.write_corpus}; ids: "
                  + ", ".join(f"{cid}={name}" for cid, name in ids.items() if cid != name))
            return 0
        with tempfile.TemporaryDirectory(prefix="quotes_eval_") as tmp:
            ids = write_corpus(Path(tmp) / "corpus", pairs, articles)
            if args.selftest:
                selftest(gold, ids, articles)
                return 0
            if args.predictions:
                try:
                    predictions = parse_predictions(json.loads(args.predictions.read_text(encoding="utf-8")))
                except (OSError, json.JSONDecodeError) as exc:
                    raise EvalError(f"cannot read predictions {args.predictions}: {exc}") from exc
            else:
                predictions = run_workbench(Path(tmp) / "corpus", Path(tmp) / "home")
        names = set(articles)
        resolved = [(article_of(p["id"], ids, names), p) for p in predictions]
        if unknown := sorted({p["id"] for article, p in resolved if article is None}):
            print(f"note: {len(unknown)} prediction ids are not gold articles and count as false alarms: "
                  + ", ".join(unknown[:5]), file=sys.stderr)
        scores = score(gold, resolved)
        counts = {kind: sum(1 for g in gold if g.kind == kind) for kind in KINDS}
        print(f"{len(gold)} gold quotes in {len(pairs)} articles ({counts['direct']} direct, "
              f"{counts['reported']} reported); {len(predictions)} predictions\n")
        print_table(report_rows(scores))
        if args.details:
            print_details(scores)
        return 0
    except EvalError as error:
        print(f"quotes_eval: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
