"""CoNLL-style files for the entity tagger: read, tag, and score with exact-span P/R/F1.

Layout (ANERcorp's): one ``token [TAG]`` per line, IOB2 tags with the type names PERS, LOC,
ORG and MISC, a blank line between sentences. ``tag_conll`` writes the same layout with the
tagger's prediction as the tag, so the output for a held-out file can be scored against its
gold copy by ``score_files``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from workbench.core.entities.tagger import EntityTagger, default_tagger

Sentence = list[tuple[str, str]]
"""One sentence: (token, tag) pairs; tag is "" when the input had none."""

SCORED_TYPES = ("PERS", "LOC", "ORG")
"""Types the project's headline score is computed over (MISC is tagged but not scored)."""


def read_sentences(lines: Iterable[str]) -> Iterator[Sentence]:
    """Parse ``token [TAG]`` lines into sentences; blank lines separate sentences."""
    sentence: Sentence = []
    for raw in lines:
        line = raw.strip()
        if not line:
            if sentence:
                yield sentence
                sentence = []
            continue
        parts = line.split()
        sentence.append((parts[0], parts[-1] if len(parts) > 1 else ""))
    if sentence:
        yield sentence


def read_file(path: Path) -> list[Sentence]:
    """All sentences of a CoNLL file."""
    with open(path, encoding="utf-8") as handle:
        return list(read_sentences(handle))


def spans(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    """Entity spans ``(start, end_exclusive, type)`` of one IOB2 tag sequence.

    An I- tag that does not continue a span of its type opens a new span (the usual
    conlleval reading), so malformed sequences still score deterministically.
    """
    found: set[tuple[int, int, str]] = set()
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        continues = prefix == "I" and label == kind and start >= 0
        if not continues:
            if start >= 0:
                found.add((start, i, kind))
            start, kind = (i, label) if prefix in ("B", "I") else (-1, "")
    return found


@dataclass(frozen=True)
class Score:
    """Exact-span counts and the measures derived from them."""

    true_positives: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(
    gold: Iterable[Sequence[str]], predicted: Iterable[Sequence[str]], types: Sequence[str] = SCORED_TYPES
) -> dict[str, Score]:
    """Exact-span scores per type and ``"micro"`` over ``types``, from paired tag sequences."""
    counts = {t: [0, 0, 0] for t in types}
    for gold_tags, pred_tags in zip(gold, predicted, strict=True):
        if len(gold_tags) != len(pred_tags):
            raise ValueError("gold and predicted sentences differ in length")
        gold_spans, pred_spans = spans(gold_tags), spans(pred_tags)
        for kind in types:
            g = {s for s in gold_spans if s[2] == kind}
            p = {s for s in pred_spans if s[2] == kind}
            counts[kind][0] += len(g & p)
            counts[kind][1] += len(p)
            counts[kind][2] += len(g)
    result = {t: Score(*c) for t, c in counts.items()}
    result["micro"] = Score(*(sum(c[i] for c in counts.values()) for i in range(3)))
    return result


def format_scores(scores: dict[str, Score]) -> str:
    """A small fixed-width table: type, P, R, F1, gold count."""
    rows = ["type   P      R      F1     gold"]
    for kind, s in scores.items():
        rows.append(f"{kind:<6} {s.precision:.3f}  {s.recall:.3f}  {s.f1:.3f}  {s.gold}")
    return "\n".join(rows)


def score_files(gold_path: Path, predicted_path: Path) -> dict[str, Score]:
    """Score a predicted CoNLL file against a gold one with the same tokens."""
    gold, predicted = read_file(gold_path), read_file(predicted_path)
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold sentences but {len(predicted)} predicted")
    return score([[t for _, t in s] for s in gold], [[t for _, t in s] for s in predicted])


TAG_BATCH = 256
"""Sentences tagged together (the decoder is much faster on batches)."""

DOCUMENT_SENTENCES = 20
"""Consecutive sentences that stand for one article when tagging a CoNLL file.

CoNLL files such as ANERcorp mark sentences, not articles, yet document consistency (see
``tagger``) needs articles; ANERcorp averages about 15 sentences an article. On its dev split,
blocks of 20 and 50 sentences give the same gain, while the whole file as one block loses
person precision to unrelated namesakes."""


def tag_sentences(tagger: EntityTagger, sentences: Sequence[Sequence[str]], rules: bool = False) -> list[list[str]]:
    """One tag list per sentence of a CoNLL file, in order, tagged in blocks of DOCUMENT_SENTENCES.

    ``rules`` adds the product's organisation-head rule (e.g. ministries as organisations),
    which ANERcorp's guidelines do not annotate; leave it off to score against ANERcorp-style data.
    """
    documents = [sentences[i : i + DOCUMENT_SENTENCES] for i in range(0, len(sentences), DOCUMENT_SENTENCES)]
    per_batch = max(1, TAG_BATCH // DOCUMENT_SENTENCES)
    tagged: list[list[str]] = []
    for i in range(0, len(documents), per_batch):
        for document in tagger.tag_documents(documents[i : i + per_batch], rules=rules, consistency=True):
            tagged.extend(document)
    return tagged


def tag_conll(lines: Iterable[str], rules: bool = False) -> Iterator[str]:
    """Tag ``token [TAG]`` lines; yield ``token PREDICTED_TAG`` lines in the same layout.

    Any input tag is ignored. Sentences are separated by one blank line, as in the input.
    See ``tag_sentences`` for ``rules``.
    """
    sentences = [[token for token, _ in sentence] for sentence in read_sentences(lines)]
    for number, (words, tags) in enumerate(zip(sentences, tag_sentences(default_tagger(), sentences, rules), strict=True)):
        if number:
            yield ""
        for word, tag in zip(words, tags, strict=True):
            yield f"{word} {tag}"
