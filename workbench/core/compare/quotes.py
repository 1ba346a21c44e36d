"""Quotations in Arabic news: what was said, by whom, found by rules over the index's tokens.

``find_quotes(text)`` finds, paragraph by paragraph (boilerplate already blanked out):

* a verb of saying (SPEECH_VERBS: قال، أكد، أضاف، أعلن … in the past, present or as a
  participle such as مؤكدا، مشيرا إلى، معربا عن; a leading و/ف is looked through), then within
  SUBJECT_WORDS words what opens its content: a quotation mark (a **direct** quote up to the
  matching mark, or the end of the paragraph if it never closes; the marks decide, so a
  participle inside them starts nothing), a colon or SANA's ".." (direct, to the end of the
  sentence), a complementiser أن/إن/بأن/أنه … (**reported**, to the end of the sentence or to
  the next attribution in it: a participle or a coordinated verb of saying, which starts a
  quote of its own), or, for verbs of calling, demanding, announcing and expressing, the
  preposition they govern (دعا … إلى، طالب … ب، أعلن … عن، أعرب عن أسفه من أن …);
* the nominal ``قوله``/``قولها`` after نقل عن / نسب إلى X (X is the speaker; the agency is a channel);
* a short headline ``Speaker: statement`` (at most HEADLINE_SPEAKER_WORDS words before the colon).

Between the verb and the content lies the **subject window**. Who speaks is decided when the
quotes are read (``attribution``), with the entity mentions of the article and the user's
curation; this module records the window, its **head** (the words before the first
adverbial or preposition: a name or a title such as وزير الخارجية الروسي; empty for a bare
وأضاف or a participle, which take the previous speaker) and, for a head without a name, a
**title span**: the words after another occurrence of the same title in the article, where
the name may be written (وزير الخارجية الروسي سيرغي لافروف).

A reported quote whose content starts with a speaker and a verb of saying inside its first
words (ذكرت وكالة الإعلام الروسية أن لافروف قال إن …) was passed on by a channel when the
window names a medium (وكالة، صحيفة، سانا …): only the inner quote is kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from workbench.core.arabic import (
    QUOTE_OPENERS,
    Token,
    normalize,
    sentence_spans,
    split_proclitics,
    tokenize,
)

__all__ = ["QuoteSpan", "find_quotes"]

SUBJECT_WORDS = 16
"""The content must open within this many words after the verb (beyond, it is not a quote)."""
HEADLINE_SPEAKER_WORDS = 5
HEADLINE_WORDS = 30
CHANNEL_WORDS = 8
"""How far into a reported quote a new speaker and verb make the outer speaker a mere channel."""
SUBJECT_BEFORE_WORDS = 12
"""How far back a subject written before its verb may start."""
INSERTED_WORDS = 3
"""A quotation this short right before a complementiser is an aside, not the content."""
TITLE_NAME_WORDS = 8
"""Words after another occurrence of a title that may hold the name."""


def _forms(words: str) -> frozenset[str]:
    return frozenset(normalize(word) for word in words.split())


def _past(stems: str) -> frozenset[str]:
    """Third-person past forms: قال قالت قالوا قالا."""
    return frozenset(normalize(stem) + ending for stem in stems.split() for ending in ("", "ت", "وا", "ا"))


def _participles(stems: str) -> frozenset[str]:
    """Active participles in both genders and numbers: مؤكدا مؤكدة مؤكدين مؤكدون مؤكدتين."""
    return frozenset(normalize(stem) + ending for stem in stems.split() for ending in ("ا", "ه", "ين", "ون", "تين", ""))


# Verbs whose content is a clause (أن/إن), a quotation or a colon.
_SAY_PAST = _past("قال أكد أضاف أوضح أشار لفت بين ذكر صرح نفى اعتبر رأى تابع أفاد نوه شدد كشف أعلن "
                  "أخبر عد جدد أعاد أبلغ اعترف زعم لاحظ تساءل سأل حذر دعا طالب أوصى حث أعرب") | _forms(
                  "أخبره أخبرها أخبرهم أبلغه أبلغها أبلغهم")
_SAY_PRESENT = _forms("يقول تقول يقولون يؤكد تؤكد يضيف تضيف يوضح توضح يشير تشير يرى ترى يعتبر تعتبر "
                      "يذكر تذكر يعلن تعلن يسأل تسأل يتساءل تتساءل يلفت تلفت يبين تبين يشدد تشدد يطالب "
                      "تطالب يدعو تدعو يحذر تحذر يكشف تكشف")
_SAY_PARTICIPLES = _participles("قائل مؤكد مضيف موضح مشير لافت مبين معتبر عاد منوه مشدد محذر داع "
                                "مطالب كاشف معرب متسائل مستدرك")
_VERBAL_NOUNS = _forms("قوله قولها قولهم")
_NEVER_VERBS = _forms("بين بينما قالب عدا")
"""Forms that are far more often something else: بين (between) only counts with a content
opening right after its subject, which every verb needs anyway; these never do."""

# What may open the content of each kind of verb, besides a quotation mark, a colon and أن/إن.
_PREPOSITION_CONTENT = {
    **dict.fromkeys(_forms("دعا دعت دعوا داعيا داعيه يدعو تدعو"), ("الي", "ل")),
    **dict.fromkeys(_forms("طالب طالبت طالبوا مطالبا مطالبه يطالب تطالب أوصى أوصت جدد جددت"), ("ب",)),
    **dict.fromkeys(_forms("حث حثت"), ("علي",)),
    **dict.fromkeys(_forms("أعلن أعلنت أعلنوا كشف كشفت كاشفا تسأل يسأل سأل سألت أعرب أعربت معربا معربه"),
                    ("عن",)),
    **dict.fromkeys(_forms("حذر حذرت محذرا محذره يحذر تحذر"), ("من",)),
    **dict.fromkeys(_forms("أشار أشارت مشيرا مشيره يشير تشير لفت لفتت لافتا لافته شدد شددت مشددا مشدده"),
                    ("الي", "علي")),
}
_COMPLEMENTISERS = _forms("أن إن أنه إنه أنها إنها أنهم إنهم أننا إننا بأن بأنه بأنها بأنهم فإن")
_FIXED_PHRASE = _forms("أسفه أسفها أمله أملها أملهم قلقه قلقها ثقته ثقتها ارتياحه ارتياحها تقديره ضرورة من في ب")
"""Words between a preposition and the real start of the content: أعرب عن أسفه من أن …"""
_ADVERBIALS = _forms("اليوم أمس الأول غدا حينها أيضا كذلك في خلال عقب بعد قبل أثناء لدى عن مع من على "
                     "إلى ل لـ أمام بدوره بدورها من جهته من جهتها وقت الذي التي الذين الجمعة السبت "
                     "الأحد الاثنين الثلاثاء الأربعاء الخميس صباح مساء")
"""Words that end the head of a subject window (what follows is when, where, to whom)."""
_HONORIFICS = _forms("معاليه سموه فخامته سعادته سماحته")
_MEDIA = _forms("وكالة وكاله صحيفة قناة موقع وسائل تلفزيون إذاعة سانا واس رويترز سبوتنيك انترفاكس")
_CHANNEL_VERBS = _forms("نقلت نقل ونقلت ونقل نسبت ونسبت نسب")
_KAN = _forms("كان كانت وكان وكانت")


class QuoteSpan(NamedTuple):
    """One quotation as found in the text; offsets are into the text given to ``find_quotes``.

    ``head_start == head_end`` means the quote takes the previous quote's speaker.
    ``title_start == title_end`` means no other occurrence of the head's title was found.
    """

    start: int
    end: int
    kind: str
    """"direct" (in quotation marks or after a colon) or "reported"."""
    verb_start: int
    verb_end: int
    """The verb of saying as written (clitics included); empty for a headline quote."""
    window_start: int
    window_end: int
    head_start: int
    head_end: int
    title_start: int
    title_end: int


def find_quotes(text: str) -> list[QuoteSpan]:
    """The quotations of a text (boilerplate blanked to spaces), in text order."""
    tokens = tokenize(text)
    found: list[QuoteSpan] = []
    paragraph_starts = [0, *(m.end() for m in re.finditer(r"\n", text))]
    paragraph_ends = [*(m.start() for m in re.finditer(r"\n", text)), len(text)]
    for start, end in zip(paragraph_starts, paragraph_ends, strict=True):
        words = [t for t in tokens if start <= t.start < end]
        if words:
            found.extend(_paragraph_quotes(text, start, end, words))
    quotes = _drop_channels(text, found)
    if not quotes:
        return []
    positions: dict[str, list[int]] = {}  # each word without its proclitics -> where it stands
    for number, token in enumerate(tokens):
        positions.setdefault(split_proclitics(token.norm).word, []).append(number)
    return [_with_title(text, tokens, positions, quote) for quote in quotes]


# -- one paragraph ------------------------------------------------------------------------------


class _Trigger(NamedTuple):
    position: int
    participle: bool
    """A participle or verbal noun (no subject of its own), or a finite verb."""


def _paragraph_quotes(text: str, start: int, end: int, words: list[Token]) -> list[QuoteSpan]:
    sentence_ends = [span_end + start for _, span_end in sentence_spans(text[start:end])]
    triggers = [_Trigger(i, kind == "participle") for i, t in enumerate(words) if (kind := _verb_kind(t.norm))]
    quotes: list[QuoteSpan] = []
    direct_spans: list[tuple[int, int]] = []
    trigger_starts = [words[t.position].start for t in triggers]
    for trigger in triggers:
        verb = words[trigger.position]
        inside = next((span for span in direct_spans if span[0] <= verb.start < span[1]), None)
        if inside is not None and trigger.participle:
            continue  # the marks decide: a participle inside a quotation starts nothing
        quote = _quote_after(text, words, trigger, end, sentence_ends, trigger_starts)
        if quote is not None:
            quotes.append(quote)
            if quote.kind == "direct":
                direct_spans.append((quote.start, quote.end))
    headline = _headline(text, start, end, words)
    if headline is not None and not any(q.verb_start < headline.end and q.start < headline.end for q in quotes):
        quotes.append(headline)
    return sorted(quotes)


def _verb_kind(norm: str) -> str | None:
    if norm in _NEVER_VERBS:
        return None
    for word in (norm, _without_conjunction(norm)):
        if word in _SAY_PARTICIPLES or word in _VERBAL_NOUNS:
            return "participle"
        if word in _SAY_PAST or word in _SAY_PRESENT:
            return "verb"
    return None


def _without_conjunction(norm: str) -> str:
    return norm[1:] if len(norm) > 3 and norm[0] in "وف" else norm


def _quote_after(text: str, words: list[Token], trigger: _Trigger, paragraph_end: int,
                 sentence_ends: list[int], trigger_starts: list[int]) -> QuoteSpan | None:
    """The quote a verb of saying introduces, or None when nothing opens within SUBJECT_WORDS."""
    verb = words[trigger.position]
    verb_norm = _without_conjunction(verb.norm) if _without_conjunction(verb.norm) in _PREPOSITION_CONTENT \
        else verb.norm
    prepositions = _PREPOSITION_CONTENT.get(verb_norm, ())
    aside_end = -1
    for i in range(trigger.position + 1, min(len(words), trigger.position + 1 + SUBJECT_WORDS)):
        word = words[i]
        gap = text[words[i - 1].end:word.start]
        mark = _opening_mark(gap) if words[i - 1].end >= aside_end else None
        if mark is not None:
            aside_end = _aside_end(text, words, i, paragraph_end)
            if aside_end < 0:
                return _direct(text, words, trigger, words[i - 1].end + mark, paragraph_end)
        if ":" in gap or ".." in gap:
            if i - 1 > trigger.position and _nominal(words[trigger.position]):
                return None
            return _colon(text, words, trigger, i, sentence_ends, trigger_starts)
        if word.norm in _COMPLEMENTISERS:
            after = text[word.end:words[i + 1].start] if i + 1 < len(words) else ""
            mark = _opening_mark(after)
            if mark is not None:  # أن “…”: the marks make it direct
                return _direct(text, words, trigger, word.end + mark, paragraph_end, window_word=i)
            return _reported(text, words, trigger, i, sentence_ends, trigger_starts)
        if prepositions and _governed(word.norm, prepositions):
            content = _skip_fixed_phrase(words, i + (1 if word.norm in prepositions else 0))
            if content < len(words):
                if content > i + 1 or word.norm in prepositions:
                    gap = text[words[content - 1].end:words[content].start]
                    mark = _opening_mark(gap)
                    if mark is not None:
                        return _direct(text, words, trigger, words[content - 1].end + mark,
                                       paragraph_end)
                return _reported(text, words, trigger, content, sentence_ends, trigger_starts,
                                 window_end=word.start)
        if any(c in normalize(gap) for c in ".!?"):  # the sentence ended (؟ normalises to ?)
            return None
    return None


def _aside_end(text: str, words: list[Token], first: int, paragraph_end: int) -> int:
    """Where an aside in marks that opens before ``words[first]`` closes, or -1 if it is no aside.

    موضحا “بحسب معطياته” أن “…”: a quotation of a few words followed by a complementiser.
    """
    end = _closing(text, words[first].start, paragraph_end)
    inside = [w for w in words[first:first + INSERTED_WORDS + 1] if w.end <= end]
    after = next((w for w in words[first:] if w.start > end), None)
    short = len(inside) <= INSERTED_WORDS and after is not None and after.norm in _COMPLEMENTISERS
    return end + 1 if short else -1


def _nominal(word: Token) -> bool:
    return word.norm in _VERBAL_NOUNS


def _governed(norm: str, prepositions: Sequence[str]) -> bool:
    """The word is one of the prepositions, or carries one of them as a proclitic (بتحديث, للتأثير)."""
    if norm in prepositions:
        return True
    letters = split_proclitics(norm).letters
    return any(len(p) == 1 and letters.endswith(p) for p in prepositions)


def _skip_fixed_phrase(words: list[Token], position: int) -> int:
    """After عن/على/من: step over أسفه من / أمله في / ضرورة to a complementiser within three words."""
    for offset in range(3):
        i = position + offset
        if i >= len(words):
            break
        if words[i].norm in _COMPLEMENTISERS:
            return i
        if words[i].norm not in _FIXED_PHRASE:
            break
    return position


def _opening_mark(gap: str) -> int | None:
    """Where in the gap between two words a quotation opens (the offset after the mark), if it does."""
    for offset in range(len(gap) - 1, -1, -1):
        if gap[offset] in QUOTE_OPENERS and (offset == 0 or not gap[offset - 1].isalnum()):
            return offset + 1
    return None


def _head(text: str, words: list[Token], first: int, last: int) -> tuple[int, int]:
    """The head of the window words[first:last]: up to the first adverbial or preposition."""
    end = first
    while end < last and words[end].norm not in _ADVERBIALS and not _is_prepositional(words[end].norm) \
            and not (end > first and any(c in text[words[end - 1].end:words[end].start] for c in ",،")):
        end += 1
    if end == first:
        return (words[first].start, words[first].start) if first < len(words) else (0, 0)
    return words[first].start, words[end - 1].end


def _is_prepositional(norm: str) -> bool:
    """للصحفيين, لـ, بحسب: a word that carries ل or ب (a name such as لافروف does not: see split_proclitics)."""
    parts = split_proclitics(norm)
    return parts.contracted or (parts.letters.endswith(("ل", "ب")) and parts.word.startswith("ال"))


def _window(text: str, words: list[Token], trigger: _Trigger, content: int) -> tuple[int, int, int, int]:
    """Window and head offsets for a verb at trigger.position whose content opens at words[content]."""
    verb = trigger.position
    if words[verb].norm in _VERBAL_NOUNS or _without_conjunction(words[verb].norm) in _VERBAL_NOUNS:
        first = _after_channel(words, verb)
        return (words[first].start, words[verb].start, *_head(text, words, first, verb)) if first < verb \
            else (words[verb].start,) * 4
    window_end = words[content].start if content < len(words) else words[verb].end
    after = _head(text, words, verb + 1, content) if content > verb + 1 else (0, 0)
    if not trigger.participle and words[verb].norm[0] not in "وف":  # وأكد, فقال: a new clause, not a subject before
        before = _subject_before(words, verb, after[0] == after[1])
        if before is not None:
            return (words[before].start, words[verb].start, *_head(text, words, before, verb))
    if trigger.participle or content == verb + 1:
        return words[verb].end, window_end, words[verb].end, words[verb].end
    return words[verb].end, window_end, *_head(text, words, verb + 1, content)


def _after_channel(words: list[Token], verb: int) -> int:
    """For قوله: the word after عن/إلى/لـ that follows نقل/نسب, else the verb itself (no named speaker)."""
    for i in range(verb - 1, max(-1, verb - SUBJECT_WORDS), -1):
        if words[i].norm in ("عن", "الي") or (split_proclitics(words[i].norm).letters.endswith("ل") and i > 0 \
                and words[i - 1].norm in _CHANNEL_VERBS):
            return i + 1
    return verb


def _subject_before(words: list[Token], verb: int, head_empty: bool) -> int | None:
    """The subject written before the verb, when the sentence reads so: between كان and the verb
    (وكان لافروف أكد أن …), or, for a verb with no subject after it, between a complementiser
    and the verb (ذكرت الوكالة أن لافروف قال إن …)."""
    for i in range(verb - 1, max(-1, verb - SUBJECT_BEFORE_WORDS), -1):
        if words[i].norm in _KAN or (head_empty and words[i].norm in _COMPLEMENTISERS):
            return i + 1 if i + 1 < verb else None
        if _verb_kind(words[i].norm):
            return None
    return None


def _direct(text: str, words: list[Token], trigger: _Trigger, content_start: int,
            paragraph_end: int, window_word: int | None = None) -> QuoteSpan:
    """A quotation in marks; the subject window ends at ``words[window_word]`` (أن before the
    marks) or at the mark."""
    while content_start < paragraph_end and text[content_start].isspace():
        content_start += 1
    end = _closing(text, content_start, paragraph_end)
    content = next((i for i, w in enumerate(words) if w.start >= content_start), len(words))
    window = _window(text, words, trigger, content if window_word is None else window_word)
    verb = words[trigger.position]
    return QuoteSpan(content_start, _trim_end(text, content_start, end), "direct", verb.start, verb.end, *window, 0, 0)


def _closing(text: str, start: int, limit: int) -> int:
    """Where the quotation opened just before ``start`` closes, or the paragraph end if it never does.

    A mark opens when a word follows it and none precedes it (a lone proclitic, و”جبهة, counts as
    no word), and closes otherwise; « always opens and » always closes. Nested quotations count.
    """
    depth = 1
    for offset in range(start, limit):
        char = text[offset]
        if char not in QUOTE_OPENERS and char != "»":
            continue
        before = text[max(start, offset - 2):offset]
        after = text[offset + 1:offset + 2]
        word_before = bool(before) and before[-1].isalnum() and not (len(before) == 2 and before[0].isspace())
        opens = char == "«" or (char != "»" and not word_before and after.isalnum())
        depth += 1 if opens else -1
        if depth == 0:
            return offset
    return limit


def _colon(text: str, words: list[Token], trigger: _Trigger, content: int,
           sentence_ends: list[int], trigger_starts: list[int]) -> QuoteSpan:
    start = words[content].start
    end = _content_end(words, start, sentence_ends, trigger_starts)
    verb = words[trigger.position]
    return QuoteSpan(start, _trim_end(text, start, end), "direct", verb.start, verb.end,
                     *_window(text, words, trigger, content), 0, 0)


def _reported(text: str, words: list[Token], trigger: _Trigger, content: int,
              sentence_ends: list[int], trigger_starts: list[int], window_end: int | None = None) -> QuoteSpan:
    start = words[content].start
    end = _content_end(words, start, sentence_ends, trigger_starts)
    verb = words[trigger.position]
    window = _window(text, words, trigger, content)
    if window_end is not None and window[1] > window_end:
        window = (window[0], window_end, *_head(text, words, trigger.position + 1,
                                                next(i for i, w in enumerate(words) if w.start >= window_end)))
    return QuoteSpan(start, _trim_end(text, start, end), "reported", verb.start, verb.end, *window, 0, 0)


def _content_end(words: list[Token], start: int, sentence_ends: list[int], trigger_starts: list[int]) -> int:
    """The end of the sentence, or the start of a new attribution before it."""
    end = next((e for e in sentence_ends if e > start), words[-1].end)
    return next((later for later in trigger_starts if start < later < end and _starts_new_attribution(words, later)),
                end)


def _starts_new_attribution(words: list[Token], start: int) -> bool:
    """A participle, or a coordinated verb of saying (وبين أن), starts a quote of its own."""
    word = next(w for w in words if w.start == start)
    kind = _verb_kind(word.norm)
    return (kind == "participle" and word.norm not in _VERBAL_NOUNS) or (kind == "verb" and word.norm[0] == "و")


def _trim_end(text: str, start: int, end: int) -> int:
    """Leave trailing spaces and punctuation out of a quote."""
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,،:;؛!?؟\"'»”“…-"):
        end -= 1
    return end


def _headline(text: str, start: int, end: int, words: list[Token]) -> QuoteSpan | None:
    """``لافروف: تنظيم …`` — a short line whose first few words, before a colon, name a speaker."""
    if len(words) > HEADLINE_WORDS:
        return None
    for i in range(1, min(len(words), HEADLINE_SPEAKER_WORDS + 1)):
        gap = text[words[i - 1].end:words[i].start]
        if ":" in gap:
            if any(_verb_kind(w.norm) for w in words[:i]) or len(words) - i < 3:
                return None
            return QuoteSpan(words[i].start, _trim_end(text, words[i].start, end), "direct", words[0].start,
                             words[0].start, words[0].start, words[i - 1].end, words[0].start, words[i - 1].end, 0, 0)
        if gap.strip():
            return None
    return None


# -- across paragraphs ----------------------------------------------------------------------------


def _drop_channels(text: str, quotes: list[QuoteSpan]) -> list[QuoteSpan]:
    """Drop reported quotes whose speaker is a medium passing on a quote found inside them."""
    kept = []
    for quote in quotes:
        window = {normalize(w) for w in text[quote.window_start:quote.window_end].split()}
        inner = any(other is not quote and quote.start <= other.verb_start < quote.end and other.verb_start
                    - quote.start < 80 for other in quotes)
        if quote.kind == "reported" and inner and window & _MEDIA:
            continue
        kept.append(quote)
    return kept


def _with_title(text: str, tokens: list[Token], positions: dict[str, list[int]], quote: QuoteSpan) -> QuoteSpan:
    """For a head that may be a title, the words after another occurrence of it (where its name may be).

    ``positions`` lists, for each word of ``tokens`` without its proclitics, where it stands (in
    order), so only the places where a title's first word stands are compared."""
    if quote.head_start == quote.head_end:
        return quote
    head = [t.norm for t in tokenize(text[quote.head_start:quote.head_end])]
    if not 2 <= len(head) <= 6:
        return quote  # one word is a name (or البيان), more is a description, not a title
    for length in range(min(3, len(head)), 1, -1):
        key = head[:length]
        for i in positions.get(key[0], ()):
            if i > len(tokens) - length:
                break
            if tokens[i].start == quote.head_start:
                continue
            if [t.norm for t in tokens[i + 1:i + length]] == key[1:]:
                after = tokens[i + length:i + length + TITLE_NAME_WORDS]
                if after:
                    return quote._replace(title_start=after[0].start, title_end=after[-1].end)
    return quote
