"""Entity extraction on the seed articles, the CoNLL round trip and the exact-span scorer."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from workbench.core.entities import tagger as tagger_module
from workbench.core.entities.conll import (
    DOCUMENT_SENTENCES,
    read_sentences,
    score,
    spans,
    tag_conll,
)
from workbench.core.entities.tagger import EntityTagger, Mention, default_tagger, extract_mentions

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def seed_mentions() -> dict[str, list[Mention]]:
    """Mentions of every seed article, by file name (the model loads once)."""
    return {path.name: extract_mentions(path.read_text(encoding="utf-8")) for path in sorted(SEEDS.glob("*.txt"))}


def _found(mentions: dict[str, list[Mention]], text: str, kind: str) -> bool:
    return any(m.text == text and m.type == kind for ms in mentions.values() for m in ms)


def test_offsets_point_into_the_original_text(seed_mentions: dict[str, list[Mention]]) -> None:
    for name, mentions in seed_mentions.items():
        original = (SEEDS / name).read_text(encoding="utf-8")
        assert mentions, name
        for m in mentions:
            assert original[m.start : m.end] == m.text
            assert m.type in {"PERSON", "LOCATION", "ORGANIZATION"}


@pytest.mark.parametrize("name", ["سيرغي لافروف", "سيرجي لافروف"])
def test_lavrov_in_both_spellings_is_a_person(seed_mentions: dict[str, list[Mention]], name: str) -> None:
    assert _found(seed_mentions, name, "PERSON")


@pytest.mark.parametrize("place", ["حلب", "دمشق"])
def test_cities_are_locations(seed_mentions: dict[str, list[Mention]], place: str) -> None:
    assert _found(seed_mentions, place, "LOCATION")


def test_ministry_and_front_are_organisations(seed_mentions: dict[str, list[Mention]]) -> None:
    assert _found(seed_mentions, "وزارة الدفاع الروسية", "ORGANIZATION")
    assert _found(seed_mentions, "جبهة النصرة", "ORGANIZATION")


def test_proclitic_is_left_out_of_the_span() -> None:
    text = "وقال المتحدث إن الاجتماع سيعقد بألمانيا الشهر المقبل بمشاركة فرنسا وإيطاليا."
    locations = [m for m in extract_mentions(text) if m.type == "LOCATION"]
    germany = [m for m in locations if m.text == "ألمانيا"]
    assert germany, locations
    assert text[germany[0].start : germany[0].end] == "ألمانيا"
    assert germany[0].start == text.index("بألمانيا") + 1


def test_tag_conll_keeps_the_layout() -> None:
    lines = ["أعلن O", "الرئيس O", "الروسي O", "فلاديمير B-PERS", "بوتين I-PERS", "", "زار O", "دمشق B-LOC", "."]
    out = list(tag_conll(lines))
    assert len(out) == len(lines)
    for given, written in zip(lines, out, strict=True):
        if not given:
            assert written == ""
            continue
        token, tag = written.split(" ")
        assert token == given.split(" ")[0]
        assert tag == "O" or (tag[:2] in ("B-", "I-") and tag[2:] in {"PERS", "LOC", "ORG", "MISC"})
    assert [len(s) for s in read_sentences(out)] == [5, 3]


def test_tag_conll_accepts_untagged_tokens() -> None:
    out = list(tag_conll(["زار", "حلب", "أمس"]))
    assert [line.split(" ")[0] for line in out] == ["زار", "حلب", "أمس"]


def _conll_lines(*sentences: str) -> list[str]:
    lines: list[str] = []
    for sentence in sentences:
        lines.extend([*(f"{word} O" for word in sentence.split()), ""])
    return lines[:-1]


def _tag_of(lines: list[str], word: str) -> list[str]:
    return [line.split(" ")[1] for line in lines if line.split(" ")[0] == word]


def test_tag_conll_tags_a_surname_like_the_full_name_nearby() -> None:
    full_name = "قال وزير الخارجية الروسي سيرغي لافروف إن المحادثات مستمرة"
    surname_only = "وأضاف لافروف أن الوضع صعب"
    assert _tag_of(list(tag_conll(_conll_lines(surname_only))), "لافروف") == ["O"]
    tagged = list(tag_conll(_conll_lines(full_name, surname_only)))
    assert _tag_of(tagged, "لافروف") == ["I-PERS", "B-PERS"]


def test_tag_conll_consistency_stays_within_an_article_sized_block() -> None:
    filler = ["وأضاف أن الوضع صعب"] * DOCUMENT_SENTENCES
    tagged = list(tag_conll(_conll_lines("قال وزير الخارجية الروسي سيرغي لافروف إن المحادثات مستمرة",
                                         *filler, "وأضاف لافروف أن الوضع صعب")))
    assert _tag_of(tagged, "لافروف") == ["I-PERS", "O"]


def test_spans_reads_iob2() -> None:
    assert spans(["B-PERS", "I-PERS", "O", "I-LOC", "B-LOC", "B-LOC"]) == {
        (0, 2, "PERS"),
        (3, 4, "LOC"),
        (4, 5, "LOC"),
        (5, 6, "LOC"),
    }


def test_score_counts_exact_spans_only() -> None:
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"], ["B-ORG", "I-ORG", "O"]]
    predicted = [["B-PERS", "I-PERS", "O", "B-ORG"], ["B-ORG", "O", "B-MISC"]]
    result = score(gold, predicted)
    assert (result["PERS"].true_positives, result["PERS"].predicted, result["PERS"].gold) == (1, 1, 1)
    assert (result["LOC"].true_positives, result["LOC"].predicted, result["LOC"].gold) == (0, 0, 1)
    assert (result["ORG"].true_positives, result["ORG"].predicted, result["ORG"].gold) == (0, 2, 1)
    micro = result["micro"]
    assert (micro.true_positives, micro.predicted, micro.gold) == (1, 3, 3)
    assert micro.precision == pytest.approx(1 / 3)
    assert micro.recall == pytest.approx(1 / 3)
    assert micro.f1 == pytest.approx(1 / 3)
    assert result["LOC"].f1 == 0.0


def test_a_name_after_a_verb_of_saying_keeps_its_leading_ba(seed_mentions: dict[str, list[Mention]]) -> None:
    people = [m.text for m in seed_mentions["004_e1c235ee45bedba9.txt"] if m.type == "PERSON"]
    assert "بريتا حاجي حسن" in people
    assert not any(text.startswith("ريتا") for text in people)
    assert _found(seed_mentions, "ألمانيا", "LOCATION")  # بألمانيا still loses its preposition


def test_fast_scoring_equals_the_feature_definition() -> None:
    """The tagger's cached per-word scores add up to the CRF score of ``FeatureExtractor.sentence``."""
    tagger = default_tagger()
    text = (SEEDS / "004_e1c235ee45bedba9.txt").read_text(encoding="utf-8")
    sentences = [[p.text for p in s] for s in tagger._pieces(text)][:12]
    scores, starts, lengths, _ = tagger._emissions(sentences)
    for words, start, length in zip(sentences, starts, lengths, strict=True):
        expected = tagger.crf.score(tagger.features.sentence(words))
        assert np.allclose(scores[start:start + length], expected, atol=1e-4)


def test_a_full_score_cache_keeps_its_most_used_words_and_tags_exactly_as_a_fresh_tagger(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """With a tiny cache, tagging the seeds again and again shrinks it many times: the tags,
    and every score, must stay those of a tagger that never shrank its cache."""
    monkeypatch.setattr(tagger_module, "ROW_LIMIT", 300)
    monkeypatch.setattr(tagger_module, "ROWS_KEPT", 150)
    small = EntityTagger.from_resources()
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    expected = [default_tagger().extract_mentions(text) for text in texts]
    for _ in range(2):
        assert [small.extract_mentions(text) for text in texts] == expected
    assert len(small._rows) < 300 + max(len(text.split()) for text in texts)
    common = small._rows[max(small._rows, key=lambda word: small._uses[small._rows[word]])]
    assert small._uses[common] > 1
    sentences = [[p.text for p in s] for s in small._pieces(texts[4])][:12]
    fresh = EntityTagger.from_resources()
    assert np.array_equal(small._emissions(sentences)[0], fresh._emissions(sentences)[0])
