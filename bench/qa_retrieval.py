r"""Retrieval quality of the Arabic analysis on the ARCD question/passage set (prints a table).

Each question retrieves passages from an in-memory Whoosh index scored with BM25F; its terms
are OR-ed ("match any", as the product's natural-language mode). Rows compare raw regex
tokens, normalisation alone, normalisation without clitics (the exact field), the light stem
alone, both fields searched together, and the app itself (a real corpus index searched with
--match any: query parsing, spelling variants and field boosts included). Question words and other stopwords are dropped from
every query except the raw baseline (plain lowercased \w+ tokens, no stoplist). Nothing is asserted.

    python bench/qa_retrieval.py [--data ../shared/data/qa] [--b 0.75] [--k1 1.2]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from whoosh import scoring
from whoosh.analysis import Analyzer, LowercaseFilter, RegexTokenizer
from whoosh.fields import ID, TEXT, Schema
from whoosh.filedb.filestore import RamStorage
from whoosh.query import Or, Query, Term

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workbench.core.index.analysis import ArabicTokenizer, exact_analyzer, stem_analyzer
from workbench.core.search import SearchRequest
from workbench.core.workspace import Workspace

REPO = Path(__file__).resolve().parent.parent
FieldBoosts = dict[str, float]


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def query_terms(analyzer: Analyzer, text: str) -> list[str]:
    """The distinct terms the analyzer makes of a question, stopwords removed."""
    return list(dict.fromkeys(t.text for t in analyzer(text, mode="query", removestops=True)))


def build_query(analyzers: dict[str, Analyzer], boosts: FieldBoosts, question: str) -> Query:
    """OR of every question term in every field, weighted by the field boost."""
    return Or([
        Term(field, term, boost=boosts[field])
        for field, analyzer in analyzers.items()
        for term in query_terms(analyzer, question)
    ])


def evaluate(
    analyzers: dict[str, Analyzer],
    boosts: FieldBoosts,
    passages: list[dict[str, str]],
    questions: list[dict[str, str]],
    relevant: dict[str, set[str]],
    weighting: scoring.WeightingModel,
) -> tuple[float, float]:
    """MRR@10 and recall@5 of one index configuration."""
    schema = Schema(pid=ID(stored=True), **{f: TEXT(analyzer=a) for f, a in analyzers.items()})
    index = RamStorage().create_index(schema)
    with index.writer() as writer:
        for p in passages:
            writer.add_document(pid=p["pid"], **dict.fromkeys(analyzers, p["text"]))
    mrr = recall = 0.0
    with index.searcher(weighting=weighting) as searcher:
        for q in questions:
            rel = relevant[q["qid"]]
            hits = [h["pid"] for h in searcher.search(build_query(analyzers, boosts, q["question"]), limit=10)]
            mrr += next((1 / rank for rank, pid in enumerate(hits, 1) if pid in rel), 0.0)
            recall += len(rel & set(hits[:5])) / len(rel)
    return mrr / len(questions), recall / len(questions)


def evaluate_product(passages: list[dict[str, str]], questions: list[dict[str, str]],
                     relevant: dict[str, set[str]]) -> tuple[float, float]:
    """MRR@10 and recall@5 of the app itself: a real corpus index searched with ``--match any``
    (query parsing, stopwords, spelling variants, field boosts and all)."""
    with tempfile.TemporaryDirectory(prefix="wb-qa-") as tmp:
        os.environ["WORKBENCH_HOME"] = str(Path(tmp) / "home")
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        with (corpus / "passages.jsonl").open("w", encoding="utf-8") as out:
            for p in passages:
                out.write(json.dumps({"id": p["pid"], "content": p["text"]}, ensure_ascii=False) + "\n")
        index = Workspace.open(corpus)
        index.update()
        record_pid = {f"passages.jsonl#{n}": p["pid"] for n, p in enumerate(passages, 1)}
        mrr = recall = 0.0
        for q in questions:
            rel = relevant[q["qid"]]
            results = index.engine.search(SearchRequest(_plain_words(q["question"]), match="any", limit=10))
            hits = [record_pid[hit.id] for hit in results]
            mrr += next((1 / rank for rank, pid in enumerate(hits, 1) if pid in rel), 0.0)
            recall += len(rel & set(hits[:5])) / len(rel)
        index.close()
    return mrr / len(questions), recall / len(questions)


def _plain_words(question: str) -> str:
    """The question as plain words: query operators typed by accident would change its meaning."""
    return " ".join(t.text for t in ArabicTokenizer()(question))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data" / "qa")
    parser.add_argument("--b", type=float, default=0.75, help="BM25 length normalisation")
    parser.add_argument("--k1", type=float, default=1.2, help="BM25 term-frequency saturation")
    args = parser.parse_args(argv)

    passages = read_tsv(args.data / "arcd_train_passages.tsv")
    questions = read_tsv(args.data / "arcd_train_queries.tsv")
    relevant: dict[str, set[str]] = {}
    for row in read_tsv(args.data / "arcd_train_qrels.tsv"):
        relevant.setdefault(row["qid"], set()).add(row["pid"])
    questions = [q for q in questions if q["qid"] in relevant]
    weighting = scoring.BM25F(B=args.b, K1=args.k1)

    configs: list[tuple[str, Callable[[], dict[str, Analyzer]], FieldBoosts]] = [
        ("raw regex tokens", lambda: {"raw": RegexTokenizer() | LowercaseFilter()}, {"raw": 1.0}),
        ("normalised only", lambda: {"norm": ArabicTokenizer()}, {"norm": 1.0}),
        ("normalised, no clitics", lambda: {"exact": exact_analyzer()}, {"exact": 1.0}),
        ("light stem only", lambda: {"stem": stem_analyzer()}, {"stem": 1.0}),
        ("exact + stem fields", lambda: {"exact": exact_analyzer(), "stem": stem_analyzer()},
         {"exact": 0.5, "stem": 1.0}),
    ]
    print(f"{len(questions)} questions, {len(passages)} passages, BM25F B={args.b} K1={args.k1}")
    print(f"{'configuration':<26}{'MRR@10':>8}{'R@5':>8}")
    for name, make, boosts in configs:
        mrr, recall = evaluate(make(), boosts, passages, questions, relevant, weighting)
        print(f"{name:<26}{mrr:>8.3f}{recall:>8.3f}")
    mrr, recall = evaluate_product(passages, questions, relevant)
    print(f"{'the app (--match any)':<26}{mrr:>8.3f}{recall:>8.3f}")


if __name__ == "__main__":
    main()
