"""Train the entity tagger (a CRF) and its word clusters; report dev P/R/F1.

Two stages, both writing into resources/models/:

``clusters``  word2vec (gensim, skip-gram) over the SaudiNewsNet article text plus the
              training part of ANERcorp, keyed by the matching form of each word
              (normalise + strip clitics), then spherical k-means (numpy) at several sizes.
              Writes ``word_clusters.tsv`` (key, one cluster id per size) and
              ``word_counts.tsv`` (normalised word, corpus count), used by the tagger to
              decide whether a leading letter is a clitic of a name (بألمانيا) or part of
              it (لافروف). Distributional classes are what helps a CRF most with names it
              never saw in training (see shared/NER-NOTES.md).
``crf``       reads the ANERcorp file, holds out the last 15% of sentences as the dev
              split (fixed: sentences [floor(0.85 n), n) in file order, i.e. whole blocks
              at the end of the corpus), trains python-crfsuite on the rest, prints dev
              P/R/F1 per type and micro over PERS/LOC/ORG, and with ``--ship`` retrains on
              every sentence and saves ``ner.crfsuite``.

Build-time dependencies: gensim and numpy (clusters), python-crfsuite (training only: the model
is exported to numpy arrays, decoded by ``workbench.core.entities.tagger.LinearChainCrf``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from workbench.core import arabic  # noqa: E402
from workbench.core.entities import conll  # noqa: E402
from workbench.core.entities.features import FeatureExtractor, load_clusters  # noqa: E402
from workbench.core.entities.gazetteer import Gazetteer  # noqa: E402
from workbench.core.entities.lexicon import Lexicon  # noqa: E402
from workbench.core.entities.tagger import CLUSTERS_FILE, MODEL_FILE, EntityTagger, LinearChainCrf  # noqa: E402

MODELS_DIR = REPO_ROOT / "resources" / "models"
DEFAULT_TRAIN = REPO_ROOT.parent / "shared" / "data" / "anercorp" / "train.txt"
DEFAULT_NEWS = REPO_ROOT.parent / "shared" / "data" / "news" / "saudinewsnet.jsonl.gz"
DEV_FRACTION = 0.15
CLUSTER_SIZES = (64, 256, 1024)
COUNTS_MIN = 5
"""Rarest word listed in word_counts.tsv (the clitic check only needs frequent words)."""
SENTENCE_BREAK = re.compile(r"[.!?؟\n]+")


def dev_split(sentences: list[conll.Sentence]) -> tuple[list[conll.Sentence], list[conll.Sentence]]:
    """(train, dev): the last 15% of sentences, in file order, are dev."""
    cut = math.floor(len(sentences) * (1 - DEV_FRACTION))
    return sentences[:cut], sentences[cut:]


@lru_cache(maxsize=500_000)
def _key(norm: str) -> str:
    return arabic.strip_clitics(norm)


def news_sentences(news: Path, counts: Counter[str]) -> Iterator[list[str]]:
    """Sentences of SaudiNewsNet content as matching keys; counts normalised words on the way."""
    with gzip.open(news, "rt", encoding="utf-8") as handle:
        for line in handle:
            article = json.loads(line)
            for chunk in SENTENCE_BREAK.split(f"{article.get('title', '')}\n{article.get('content', '')}"):
                norms = [t.norm for t in arabic.tokenize(chunk)]
                if len(norms) > 2:
                    counts.update(norms)
                    yield [_key(n) for n in norms]


def spherical_kmeans(vectors, k: int, iterations: int = 20, seed: int = 13):
    """Cluster unit vectors by cosine; returns one label per row (numpy int array)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    centroids = vectors[rng.choice(len(vectors), size=k, replace=False)].copy()
    labels = np.zeros(len(vectors), dtype=np.int64)
    for _ in range(iterations):
        labels = np.concatenate(
            [np.argmax(vectors[i : i + 20000] @ centroids.T, axis=1) for i in range(0, len(vectors), 20000)]
        )
        for c in range(k):
            members = vectors[labels == c]
            if len(members):
                mean = members.sum(axis=0)
                centroids[c] = mean / (np.linalg.norm(mean) or 1.0)
            else:
                centroids[c] = vectors[rng.integers(len(vectors))]
    return labels


def build_clusters(news: Path, train: Path, out: Path, min_count: int) -> None:
    """Stage ``clusters``: word2vec + k-means; write word_clusters.tsv and word_counts.tsv."""
    import numpy as np
    from gensim.models import Word2Vec

    started = time.time()
    counts: Counter[str] = Counter()
    corpus = list(news_sentences(news, counts))
    train_part, _ = dev_split(conll.read_file(train))
    for sentence in train_part:
        norms = [arabic.normalize(w) for w, _ in sentence]
        counts.update(norms)
        corpus.append([_key(n) for n in norms])
    print(f"{len(corpus)} sentences read in {time.time() - started:.0f}s", flush=True)
    model = Word2Vec(corpus, vector_size=100, window=5, min_count=min_count, sg=1, workers=2, epochs=5, seed=13)
    print(f"word2vec: {len(model.wv)} keys at {time.time() - started:.0f}s", flush=True)
    vectors = model.wv.vectors / np.linalg.norm(model.wv.vectors, axis=1, keepdims=True)
    columns = [spherical_kmeans(vectors, k) for k in CLUSTER_SIZES]
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "word_clusters.tsv", "w", encoding="utf-8") as handle:
        handle.write("# key\t" + "\t".join(f"k{k}" for k in CLUSTER_SIZES) + "\n")
        for i, key in enumerate(model.wv.index_to_key):
            handle.write(key + "\t" + "\t".join(str(c[i]) for c in columns) + "\n")
    with open(out / "word_counts.tsv", "w", encoding="utf-8") as handle:
        handle.write(f"# normalised word\tcount in SaudiNewsNet + ANERcorp training part (>= {COUNTS_MIN})\n")
        for word, count in counts.most_common():
            if count < COUNTS_MIN:
                break
            handle.write(f"{word}\t{count}\n")
    print(f"clusters written at {time.time() - started:.0f}s", flush=True)


def _trainer(features: FeatureExtractor, sentences: list[conll.Sentence], c1: float, c2: float, iterations: int):
    """A crfsuite trainer loaded with the sentences' features and gold tags."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence in sentences:
        trainer.append(features.sentence([w for w, _ in sentence]), [t for _, t in sentence])
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iterations, "feature.possible_transitions": True})
    return trainer


def export(crfsuite_model: Path, out: Path) -> None:
    """Convert a python-crfsuite model into the tagger's numpy format (no crfsuite at run time)."""
    import numpy as np
    import pycrfsuite

    reader = pycrfsuite.Tagger()
    reader.open(str(crfsuite_model))
    info = reader.info()
    labels = list(reader.labels())
    label_index = {label: i for i, label in enumerate(labels)}
    attributes = sorted({attribute for attribute, _ in info.state_features})
    attribute_index = {a: i for i, a in enumerate(attributes)}
    state = np.zeros((len(attributes), len(labels)), dtype=np.float32)
    for (attribute, label), weight in info.state_features.items():
        state[attribute_index[attribute], label_index[label]] = weight
    transitions = np.zeros((len(labels), len(labels)), dtype=np.float32)
    for (source, target), weight in info.transitions.items():
        transitions[label_index[source], label_index[target]] = weight
    LinearChainCrf(labels, attributes, state, transitions).save(out)


def evaluate(tagger: EntityTagger, dev: list[conll.Sentence], consistency: bool) -> dict[str, conll.Score]:
    """Dev scores of the CRF alone, or (``consistency``) of what ``workbench tag-conll`` outputs."""
    gold = [[t for _, t in s] for s in dev]
    words = [[w for w, _ in s] for s in dev]
    if consistency:
        predicted = conll.tag_sentences(tagger, words)
    else:
        predicted = [tags for (tags,) in tagger.tag_documents([[w] for w in words], rules=False, consistency=False)]
    return conll.score(gold, predicted)


def train_crf(args: argparse.Namespace) -> None:
    """Stage ``crf``: train on the train split, report dev scores, optionally ship a full model."""
    resources = REPO_ROOT / "resources"
    gazetteer = Gazetteer.load(resources / "gazetteers") if not args.no_gazetteer else Gazetteer({}, {}, {})
    clusters = load_clusters(args.out / CLUSTERS_FILE) if not args.no_clusters else {}
    features = FeatureExtractor(gazetteer, clusters)
    sentences = conll.read_file(args.train)
    train, dev = dev_split(sentences)
    print(f"train {len(train)} sentences, dev {len(dev)} sentences (last {DEV_FRACTION:.0%})", flush=True)
    started = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        crfsuite_model, model = Path(tmp) / "ner.crfsuite", Path(tmp) / MODEL_FILE
        _trainer(features, train, args.c1, args.c2, args.iterations).train(str(crfsuite_model))
        print(f"trained in {time.time() - started:.0f}s", flush=True)
        export(crfsuite_model, model)
        tagger = EntityTagger(model, gazetteer, clusters, Counter(), Lexicon.load(resources / "gazetteers"))
        print("dev, CRF only:\n" + conll.format_scores(evaluate(tagger, dev, False)))
        print(f"dev, as tag-conll (document consistency over {conll.DOCUMENT_SENTENCES}-sentence blocks):")
        print(conll.format_scores(evaluate(tagger, dev, True)))
    if args.ship:
        with tempfile.TemporaryDirectory() as tmp:
            crfsuite_model = Path(tmp) / "ner.crfsuite"
            _trainer(features, sentences, args.c1, args.c2, args.iterations).train(str(crfsuite_model))
            export(crfsuite_model, args.out / MODEL_FILE)
        size = (args.out / MODEL_FILE).stat().st_size
        print(f"shipped {args.out / MODEL_FILE} ({size / 1e6:.1f} MB), trained on all {len(sentences)} sentences")


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stage", choices=["clusters", "crf"])
    parser.add_argument("--train", type=Path, default=DEFAULT_TRAIN)
    parser.add_argument("--news", type=Path, default=DEFAULT_NEWS)
    parser.add_argument("--out", type=Path, default=MODELS_DIR)
    parser.add_argument("--min-count", type=int, default=3, help="clusters: rarest word kept")
    parser.add_argument("--c1", type=float, default=0.05, help="L1 regularisation (keeps the model small)")
    parser.add_argument("--c2", type=float, default=0.05, help="L2 regularisation")
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--no-clusters", action="store_true", help="ablation: no word-cluster features")
    parser.add_argument("--no-gazetteer", action="store_true", help="ablation: no gazetteer/trigger features")
    parser.add_argument("--ship", action="store_true", help="retrain on all sentences and save the model")
    args = parser.parse_args()
    if args.stage == "clusters":
        build_clusters(args.news, args.train, args.out, args.min_count)
    else:
        train_crf(args)


if __name__ == "__main__":
    main()
