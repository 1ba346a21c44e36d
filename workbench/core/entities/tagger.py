"""Tag words with entity labels and extract entity mentions from raw text.

The statistical part is a linear-chain CRF trained by ``tools/train_ner.py`` (python-crfsuite)
on ANERcorp with the features of ``features.py``, exported to numpy arrays and decoded here
with a batched Viterbi: scores are additive over features, so each distinct word is scored
once and cached, which is what makes indexing-time tagging fast. Around it, two layers:

* the rules (``rules``, see rules.py): spans cut at function words, titles trimmed, places and
  bodies named after people (مستشفى الملك فهد), organisation heads and their complements
  (الهيئة العامة للسياحة), closed classes dropped (months, currencies). The product wants
  these and ANERcorp's guidelines annotate otherwise, so they are off when scoring against
  ANERcorp. They run before and after consistency, so what consistency copies is clean;
* document consistency (``consistency``): in one article, a word sequence tagged as an entity
  somewhere is tagged the same where the model missed it, and the last word of a multi-word
  person name (لافروف after سيرغي لافروف) is a person too, unless it is a father's or a
  family's name (عبدالعزيز in سلمان بن عبدالعزيز). News copy repeats its names, so this
  raises recall on any news text (about +1.3 F1 on the ANERcorp dev split).

Mention spans index the original text. A name glued to a proclitic (بألمانيا, وحلب) starts
after the clitic letters, so the span is just the name (ألمانيا); the clitic is trusted only
when the news corpus counts show the remainder as a word of its own (لافروف stays whole). A
name after the contracted ل + ال (للعراق) keeps the whole token as its span, since the
article's alef is not written; its ``norm`` is still the article form (العراق).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from workbench.core import arabic, paths
from workbench.core.entities.features import (
    FIRST_WORD_FEATURE,
    HIT_OFFSETS,
    LAST_WORD_FEATURE,
    WINDOW,
    FeatureExtractor,
    load_clusters,
)
from workbench.core.entities.gazetteer import Gazetteer
from workbench.core.entities.lexicon import Lexicon
from workbench.core.entities.rules import GENEALOGY, SentenceRules, set_span, spans

MODEL_FILE = "ner.npz"
CLUSTERS_FILE = "word_clusters.tsv"
COUNTS_FILE = "word_counts.tsv"

MENTION_TYPES = {"PERS": "PERSON", "LOC": "LOCATION", "ORG": "ORGANIZATION", "MISC": "MISC"}
"""ANERcorp tag type -> Mention.type."""
DEFAULT_TYPES = frozenset({"PERSON", "LOCATION", "ORGANIZATION"})

SPEECH_VERBS = frozenset(
    arabic.match_key(w)
    for w in "قال يقول قالت تقول أضاف يضيف أضافت تضيف أكد يؤكد أكدت تؤكد أوضح يوضح أوضحت توضح "
    "صرح يصرح صرحت تصرح ذكر يذكر ذكرت تذكر أعلن يعلن أعلنت تعلن تابع تابعت تساءل رأى اعتبر".split()
)
"""Verbs of saying (as matching keys): a name right after one does not start with the preposition ب."""
ROW_LIMIT = 60_000
"""Distinct words whose scores are cached before the cache restarts: about 350 bytes each with
the score tables, whose capacity doubles, so this keeps them at 65,536 rows (12 MB) in each
indexing worker; the commonest words are back within a few articles of a restart, and halving
the limit from 120,000 cost 6% more tagging time for 85 MB less memory over two workers."""
SENTENCE_END = frozenset(".!?؟")


@dataclass(frozen=True)
class Mention:
    """One entity mention: offsets into the original text, type, original text, matching form,
    and the title word right before a person, normalised, proclitics off ("" when none: الامير
    before سلطان بن سلمان)."""

    start: int
    end: int
    type: str
    text: str
    norm: str
    title: str = ""


class LinearChainCrf:
    """A first-order linear-chain CRF's weights, decoded with numpy (Viterbi).

    Trained with python-crfsuite and exported by ``tools/train_ner.py`` into an ``.npz``:
    label names, attribute names, a state-weight matrix (attribute x label) and a
    label-transition matrix. Scoring is additive over binary attributes, which lets the
    tagger cache one score vector per distinct word instead of building feature lists.
    """

    def __init__(self, labels: list[str], attributes: list[str], state: np.ndarray, transitions: np.ndarray) -> None:
        self.labels = labels
        self.attribute_index = {a: i for i, a in enumerate(attributes)}
        self.state = state
        self.transitions = transitions
        # A zero row that unknown attributes point at, so every group has at least one row.
        self._padded_state = np.vstack([state, np.zeros((1, len(labels)), dtype=state.dtype)])

    @classmethod
    def load(cls, path: Path) -> LinearChainCrf:
        """Read a model written by ``save``."""
        with np.load(path) as data:
            return cls(
                str(data["labels"]).split("\n"),
                str(data["attributes"]).split("\n"),
                data["state"],
                data["transitions"],
            )

    def save(self, path: Path) -> None:
        """Write the model as a compressed ``.npz``."""
        attributes = list(self.attribute_index)
        np.savez_compressed(
            path,
            labels=np.array("\n".join(self.labels)),
            attributes=np.array("\n".join(attributes)),
            state=self.state.astype(np.float32),
            transitions=self.transitions.astype(np.float32),
        )

    def score(self, groups: Sequence[Sequence[str]]) -> np.ndarray:
        """Per group of attributes, the summed state weights (groups x labels); unknown ones add 0."""
        unknown = len(self.state)
        get = self.attribute_index.get
        rows: list[int] = []
        starts: list[int] = []
        for group in groups:
            starts.append(len(rows))
            rows.append(unknown)
            rows += [get(f, unknown) for f in group]
        return np.add.reduceat(self._padded_state[rows], starts, axis=0)

    def decode(self, emissions: np.ndarray, starts: np.ndarray, lengths: np.ndarray) -> list[list[str]]:
        """Best label sequence of each sentence, decoded as one batch.

        ``emissions`` holds the state scores of all sentences (words x labels); sentence ``b``
        is ``emissions[starts[b] : starts[b] + lengths[b]]``. Sentences are sorted longest
        first, so at step ``t`` the ones still running are a prefix of the batch and each
        step costs only what is left; the number of numpy calls grows with the longest
        sentence, not with the batch, which is why many documents are decoded together.
        """
        if not len(lengths):
            return []
        order = np.argsort(-lengths, kind="stable")
        lengths_sorted = lengths[order]
        longest = int(lengths_sorted[0])
        positions = np.minimum(starts[order][:, None] + np.arange(longest), len(emissions) - 1)
        scores = emissions[positions]
        # running[t]: how many sentences are longer than t (a prefix, thanks to the sort).
        running = np.searchsorted(-lengths_sorted, -np.arange(longest), side="left")
        delta = scores[:, 0].copy()
        backpointers = np.zeros((len(order), longest, len(self.labels)), dtype=np.int8)
        for t in range(1, longest):
            n = running[t]
            candidates = delta[:n, :, None] + self.transitions
            best = candidates.argmax(axis=1)
            backpointers[:n, t] = best
            delta[:n] = np.take_along_axis(candidates, best[:, None, :], axis=1)[:, 0] + scores[:n, t]
        # Backtrack; a sentence joins when t reaches its last word, starting from its best end.
        current = delta.argmax(axis=1)
        paths = np.zeros((len(order), longest), dtype=np.int64)
        for t in range(longest - 1, -1, -1):
            n = running[t]
            paths[:n, t] = current[:n]
            if t:
                current[:n] = backpointers[np.arange(n), t, current[:n]]
        labels = self.labels
        decoded: list[list[str]] = [[] for _ in order]
        for b, row, length in zip(order.tolist(), paths.tolist(), lengths_sorted.tolist(), strict=True):
            decoded[b] = [labels[i] for i in row[:length]]
        return decoded


class EntityTagger:
    """A loaded CRF model with its gazetteers and clusters; tags words and texts."""

    def __init__(
        self, model: Path, gazetteer: Gazetteer, clusters: dict[str, tuple[str, ...]], counts: Counter[str],
        lexicon: Lexicon,
    ) -> None:
        self.crf = LinearChainCrf.load(model)
        self.features = FeatureExtractor(gazetteer, clusters)
        self.counts = counts
        self.lexicon = lexicon
        self.rules = SentenceRules(lexicon, gazetteer, counts)
        n_labels = len(self.crf.labels)
        # Per distinct word: its row in the score tables (own features, and as a neighbour at
        # each window offset). Row 0 is all zeros: it pads between sentences. Rows are
        # appended as new words arrive; capacity doubles.
        self._rows: dict[str, int] = {}
        self._row_keys: list[str] = [""]
        self._row_norms: list[str] = [""]
        self._own = np.zeros((1024, n_labels), dtype=np.float32)
        self._context = {d: np.zeros((1024, n_labels), dtype=np.float32) for d in WINDOW}
        self._extra_scores: dict[str, np.ndarray] = {}

    @classmethod
    def from_resources(cls, resources: Path | None = None) -> EntityTagger:
        """Load the shipped model, gazetteers, clusters and word counts (from ``resources``, by
        default the app's resources folder)."""
        resources = resources if resources is not None else paths.resources_dir()
        models = resources / "models"
        counts: Counter[str] = Counter()
        counts_path = models / COUNTS_FILE
        if counts_path.is_file():
            with open(counts_path, encoding="utf-8") as handle:
                for line in handle:
                    if not line.startswith("#"):
                        word, _, count = line.rstrip("\n").partition("\t")
                        counts[word] = int(count)
        return cls(
            models / MODEL_FILE,
            Gazetteer.load(resources / "gazetteers"),
            load_clusters(models / CLUSTERS_FILE),
            counts,
            Lexicon.load(resources / "gazetteers"),
        )

    def _new_row(self, word: str) -> int:
        """Score a word seen for the first time and give it a row in the score tables."""
        row = len(self._row_keys)
        if row == len(self._own):
            self._own = np.concatenate([self._own, np.zeros_like(self._own)])
            self._context = {d: np.concatenate([m, np.zeros_like(m)]) for d, m in self._context.items()}
        entry = self.features.word(word, remember=False)
        scores = self.crf.score([entry.own, *(entry.context[d] for d in WINDOW)])
        self._own[row] = scores[0]
        for i, d in enumerate(WINDOW, 1):
            self._context[d][row] = scores[i]
        self._rows[word] = row
        self._row_keys.append(entry.key)
        self._row_norms.append(entry.norm)
        return row

    def _extra(self, feature: str) -> np.ndarray:
        """State scores of one sentence-level feature (gazetteer hit, sentence edge), cached."""
        vector = self._extra_scores.get(feature)
        if vector is None:
            vector = self._extra_scores[feature] = self.crf.score([[feature]])[0]
        return vector

    def _emissions(self, sentences: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[int]]:
        """State scores of a batch of non-empty sentences: the sum over ``FeatureExtractor.sentence``.

        Returns (scores, starts, lengths, rows): the sentences lie end to end in ``scores`` with two
        all-zero pad rows after each, so shifting the neighbours' scores over the window never
        mixes two sentences, and a whole batch is scored with a few numpy operations.
        """
        if len(self._rows) >= ROW_LIMIT:
            self._rows.clear()
            del self._row_keys[1:]
            del self._row_norms[1:]
        get, new_row = self._rows.get, self._new_row
        row_ids: list[int] = []
        starts: list[int] = []
        for words in sentences:
            starts.append(len(row_ids))
            row_ids += [get(w) or new_row(w) for w in words]
            row_ids += (0, 0)
        rows = np.array(row_ids)
        scores = self._own[rows]
        for d in WINDOW:
            if d > 0:
                scores[:-d] += self._context[d][rows[d:]]
            else:
                scores[-d:] += self._context[d][rows[:d]]
        first = np.array(starts)
        lengths = np.array([len(words) for words in sentences])
        scores[first] += self._extra(FIRST_WORD_FEATURE)
        scores[first + lengths - 1] += self._extra(LAST_WORD_FEATURE)
        keys = [self._row_keys[r] for r in row_ids]
        for i, hits in self.features.gazetteer.match(keys).items():
            for hit in hits:
                for offset, prefix in HIT_OFFSETS:  # a neighbour past the sentence edge is a pad row
                    scores[i + offset] += self._extra(prefix + hit)
        return scores, first, lengths, row_ids

    # --- tagging word sequences -------------------------------------------------------

    def tag_documents(
        self, documents: Sequence[Sequence[Sequence[str]]], rules: bool = True, consistency: bool = True
    ) -> list[list[list[str]]]:
        """Tag the sentences of several documents, decoded together (much faster than one by one).

        ``rules`` applies the rule layer (rules.py); ``consistency`` applies document
        consistency across each document's sentences (see the module docstring).
        """
        filled = [(d, i) for d, document in enumerate(documents) for i, words in enumerate(document) if words]
        tagged: list[list[list[str]]] = [[[] for _ in document] for document in documents]
        forms: list[list[tuple[list[str], list[str]]]] = [[([], []) for _ in document] for document in documents]
        if filled:
            scores, starts, lengths, rows = self._emissions([documents[d][i] for d, i in filled])
            decoded = self.crf.decode(scores, starts, lengths)
            row_norms, row_keys = self._row_norms, self._row_keys
            for (d, i), tags, start, length in zip(filled, decoded, starts.tolist(), lengths.tolist(), strict=True):
                tagged[d][i] = tags
                if rules or consistency:
                    sentence_rows = rows[start : start + length]
                    forms[d][i] = ([row_norms[r] for r in sentence_rows], [row_keys[r] for r in sentence_rows])
        for document_forms, document_tags in zip(forms, tagged, strict=True):
            if rules:
                for (norms, keys), tags in zip(document_forms, document_tags, strict=True):
                    self.rules.apply(norms, keys, tags)
            ranks = self.lexicon.rank_titles if rules else frozenset()
            changed = self._propagate([keys for _, keys in document_forms], document_tags, ranks) if consistency else ()
            if rules:
                for i in changed:
                    self.rules.apply(*document_forms[i], document_tags[i])
        return tagged

    @staticmethod
    def _propagate(keys: list[list[str]], tagged: list[list[str]], ranks: frozenset[str] = frozenset()) -> set[int]:
        """Document consistency (see module docstring), in place on ``tagged``; keys are matching
        forms. Returns the numbers of the sentences it tagged anything in.

        With ``ranks`` (the rule layer's rank titles), a person named in full after a rank title
        is also known by the title and the first name (الملك سلمان after الملك سلمان بن عبدالعزيز).
        """
        known: dict[tuple[str, ...], Counter[str]] = {}
        for sentence, tags in zip(keys, tagged, strict=True):
            for start, end, kind in spans(tags):
                words = tuple(sentence[start:end])
                known.setdefault(words, Counter())[kind] += 1
                if kind == "PERS" and end - start >= 2 and words[-2] not in GENEALOGY:
                    known.setdefault(words[-1:], Counter())["PERS"] += 1
                if kind == "PERS" and end - start >= 2 and start and sentence[start - 1] in ranks:
                    known.setdefault((sentence[start - 1], words[0]), Counter())["PERS"] += 1
        entries = {
            words: kinds.most_common(1)[0][0]
            for words, kinds in known.items()
            if not (len(words) == 1 and (len(words[0]) < 3 or arabic.is_stopword(words[0])))
        }
        if not entries:
            return set()
        changed: set[int] = set()
        longest = max(len(w) for w in entries)
        first_words = {w[0] for w in entries}
        for number, (sentence, tags) in enumerate(zip(keys, tagged, strict=True)):
            i = 0
            while i < len(sentence):
                if sentence[i] not in first_words:
                    i += 1
                    continue
                for length in range(min(longest, len(sentence) - i), 0, -1):
                    entry_kind = entries.get(tuple(sentence[i : i + length]))
                    if entry_kind and all(t == "O" for t in tags[i : i + length]):
                        set_span(tags, i, i + length, entry_kind)
                        changed.add(number)
                        i += length
                        break
                else:
                    i += 1
        return changed

    # --- raw text ---------------------------------------------------------------------

    @staticmethod
    def _pieces(text: str) -> list[list[arabic.Token]]:
        """Words (``arabic.tokenize``) and punctuation marks of ``text``, grouped into sentences.

        Punctuation is kept as one-character tokens because the model was trained on text
        that has them; a sentence ends at . ! ? ؟ or a line break.
        """
        sentences: list[list[arabic.Token]] = []
        current: list[arabic.Token] = []
        position = 0
        for token in [*arabic.tokenize(text), arabic.Token("", len(text), len(text), "")]:
            between = text[position : token.start]
            if between and not (between.isspace() and "\n" not in between):
                for offset, char in enumerate(between, position):
                    if char == "\n":
                        if current:
                            sentences.append(current)
                            current = []
                    elif not char.isspace():
                        current.append(arabic.Token(char, offset, offset + 1, arabic.normalize(char)))
                        if char in SENTENCE_END:
                            sentences.append(current)
                            current = []
            if token.text:
                current.append(token)
            position = token.end
        if current:
            sentences.append(current)
        return sentences

    def _name_start(self, piece: arabic.Token, previous: str = "") -> tuple[int, str]:
        """(start offset, normalised name) of a mention's first word, past any proclitic.

        ``previous`` is the normalised word before the mention: right after a verb of saying,
        a leading ب is part of the name (وقال بريتا حاجي حسن), not the preposition.
        """
        norm = piece.norm
        split = arabic.split_proclitics(norm)
        if split.word == norm:
            return piece.start, norm
        if split.contracted:
            return piece.start, split.word
        clitic, name = split.letters, split.word
        if not clitic or self.counts[name] <= self.counts[norm]:
            return piece.start, norm
        if clitic == "ب" and name == arabic.strip_clitics(norm) and arabic.match_key(previous) in SPEECH_VERBS:
            return piece.start, norm
        return arabic.offset_after_letters(piece.text, 0, len(clitic)) + piece.start, name

    def extract_mentions(
        self, text: str, rules: bool = True, types: frozenset[str] = DEFAULT_TYPES
    ) -> list[Mention]:
        """Entity mentions of one document, in text order."""
        return self.extract_mentions_many([text], rules, types)[0]

    def extract_mentions_many(
        self, texts: Sequence[str], rules: bool = True, types: frozenset[str] = DEFAULT_TYPES
    ) -> list[list[Mention]]:
        """Entity mentions of each document, in text order; the documents are tagged as one batch."""
        pieces = [self._pieces(text) for text in texts]
        tagged = self.tag_documents([[[p.text for p in s] for s in sentences] for sentences in pieces], rules=rules)
        return [
            self._mentions(text, sentences, document_tags, types)
            for text, sentences, document_tags in zip(texts, pieces, tagged, strict=True)
        ]

    def _mentions(
        self, text: str, sentences: list[list[arabic.Token]], tagged: list[list[str]], types: frozenset[str]
    ) -> list[Mention]:
        """Mentions of the tagged entity spans of one document, offsets into ``text``."""
        mentions: list[Mention] = []
        for pieces, tags in zip(sentences, tagged, strict=True):
            for first, last, kind in spans(tags):
                mention_type = MENTION_TYPES.get(kind)
                if mention_type not in types:
                    continue
                start, first_norm = self._name_start(pieces[first], pieces[first - 1].norm if first else "")
                end = pieces[last - 1].end
                norm = " ".join([first_norm, *(p.norm for p in pieces[first + 1 : last])])
                title = ""
                if mention_type == "PERSON" and first:
                    before, before_key = self.features.form(pieces[first - 1].text)
                    if before_key in self.lexicon.titles:
                        title = arabic.split_proclitics(before).word
                mentions.append(Mention(start, end, mention_type, text[start:end], norm, title))
        return mentions


@lru_cache(maxsize=1)
def default_tagger() -> EntityTagger:
    """The shipped tagger, loaded once per process."""
    return EntityTagger.from_resources()


def extract_mentions(text: str) -> list[Mention]:
    """PERSON, LOCATION and ORGANIZATION mentions of ``text`` with the shipped tagger."""
    return default_tagger().extract_mentions(text)


def extract_mentions_many(texts: Sequence[str]) -> list[list[Mention]]:
    """``extract_mentions`` of each text, tagged as one batch (the way to tag many articles)."""
    return default_tagger().extract_mentions_many(texts)
