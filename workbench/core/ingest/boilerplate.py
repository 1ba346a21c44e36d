"""Boilerplate detection: the spans of an article's text that are site furniture, not reporting.

Boilerplate stays in the text the user reads; its spans are blanked out of what is indexed and
counted for entities, so "تابعونا على تيلغرام" does not make every SANA article match
"تيلغرام" and the outlet's name is not counted once per article. Rules work on whole lines and
were taken from the seed articles:

* social-media footers: a line inviting readers to follow/subscribe on a channel
  (تابعوا ... تيلغرام / واتس أب / صفحتنا على موقع ...), plus the URL, phone-number and
  subscription-instruction lines that directly follow it;
* platform notes such as Blogger's "Note: Only a member of this blog may post a comment.";
* attribution lines near the end (``Posted from ...``, ``(المصدر: ...)``), whose content is
  already in the article's source/date fields;
* a trailing comments heading (``التعليقات``);
* the breadcrumb and byline lines at the top (the dateline is kept: its places are content);
* a re-printed title or lede: a line among the first few of the body that repeats one of the
  first LEDE_LINES lines (the second copy is marked). Lines are compared as ``tokenize``
  word lists, so a copy that only lost its commas is still a copy. Repeats further down are
  left alone: poems repeat refrains and lists repeat headings on purpose.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.core.arabic import normalize, normalize_digits, tokenize
from workbench.core.ingest.metadata import (
    FOOTER_LINES,
    HEADER_LINES,
    Line,
    attribution,
    breadcrumb_tail,
    byline_author,
    dateline_source,
    is_url_line,
    split_lines,
)

Span = tuple[int, int]

REPEAT_MIN_WORDS = 3
"""Shorter repeated lines (separators, single words) are not treated as a re-printed lede."""
LEDE_LINES = 2
"""Leading body lines (title, lede) whose later copies are boilerplate."""
REPEAT_WINDOW = 6
"""How many leading body lines are searched for those copies."""

_FOLLOW_RE = re.compile(
    r"^\W*(?:تابعوا|تابعونا|تابعنا|اشتركوا|للاشتراك|follow|subscribe)\b", re.I)
_CHANNEL_RE = re.compile(
    r"تيلغرام|تلغرام|تليغرام|تيليغرام|تليجرام|telegram|واتس\s?[اأ]ب|واتساب|whatsapp|"
    r"فيس\s?بوك|facebook|تويتر|twitter|يوتيوب|youtube|[اإ]نستغرام|[اإ]نستجرام|instagram|"
    r"\bvk\b|صفحتنا|قناتنا|حسابنا", re.I)
_FOOTER_DETAIL_RE = re.compile(r"\d[\d \-]{6,}\d|اشتراك|subscribe|عبر الرابط|على الرابط", re.I)
_NOTE_RES = (
    re.compile(r"^note:\s*only a member of this blog may post a comment\.?$", re.I),
)
_PREFIX_CHARS = 48
_PREFIX_KEEP = 24
_NON_WORD_RE = re.compile(r"[\W_]+")
_COMMENTS_RE = re.compile(
    r"^(?:التعليقات|تعليقات|أضف تعليقا?ً?|اترك تعليقا?ً?|comments?|leave a (?:comment|reply))"
    r"\s*[:(\d)]*$", re.I)


def find_boilerplate(text: str) -> tuple[Span, ...]:
    """[start, end) spans of ``text`` that are boilerplate, sorted and non-overlapping.

    Consecutive boilerplate lines (blank lines between them allowed) form one span.
    """
    lines = split_lines(text)
    marked = [False] * len(lines)
    _mark_header(lines, marked)
    _mark_social_footers(lines, marked)
    _mark_notes(lines, marked)
    _mark_repeats(lines, marked)
    _mark_trailing_comments(lines, marked)
    return _spans(lines, marked)


def _mark_header(lines: Sequence[Line], marked: list[bool]) -> None:
    """Breadcrumb and byline lines among the leading lines; datelines are passed over."""
    for index, line in enumerate(lines[:HEADER_LINES]):
        if breadcrumb_tail(line.text) or byline_author(line.text, allow_handle=index > 0):
            marked[index] = True
        elif not dateline_source(line.text):
            return


def _mark_social_footers(lines: Sequence[Line], marked: list[bool]) -> None:
    """Follow-us lines and the URL/phone/instruction lines that belong to them."""
    in_block = False
    for index, line in enumerate(lines):
        if _FOLLOW_RE.search(line.text) and _CHANNEL_RE.search(line.text):
            marked[index] = in_block = True
        elif in_block and (is_url_line(line.text)
                           or _FOOTER_DETAIL_RE.search(normalize_digits(line.text))):
            marked[index] = True
        else:
            in_block = False


def _mark_notes(lines: Sequence[Line], marked: list[bool]) -> None:
    """Platform notes anywhere, attribution lines among the trailing lines."""
    footer_start = max(0, len(lines) - FOOTER_LINES)
    for index, line in enumerate(lines):
        if any(pattern.match(line.text) for pattern in _NOTE_RES) or (
                index >= footer_start and attribution(line.text)):
            marked[index] = True


def _mark_repeats(lines: Sequence[Line], marked: list[bool]) -> None:
    """Later copies of the title/lede lines among the leading body lines."""
    window = [index for index, is_marked in enumerate(marked) if not is_marked][:REPEAT_WINDOW]
    texts = [lines[index].text for index in window]
    openings: dict[int, str] = {}
    for position in range(1, len(texts)):
        for lead in range(min(position, LEDE_LINES)):
            if _same_paragraph(texts, lead, position, openings):
                marked[window[position]] = True
                break


def _same_paragraph(texts: Sequence[str], first: int, second: int,
                    openings: dict[int, str]) -> bool:
    """True when two lines have the same words (normalised, punctuation ignored).

    Cheap tests first, since most pairs differ: lengths, then the normalised opening letters
    (computed once per line, kept in ``openings``), then the whole word lists.
    """
    one, two = texts[first], texts[second]
    if abs(len(one) - len(two)) > max(len(one), len(two)) // 10 + 5:
        return False
    for position in (first, second):
        if position not in openings:
            openings[position] = _opening(texts[position])
    if openings[first] != openings[second]:
        return False
    words = _words(one)
    return len(words) >= REPEAT_MIN_WORDS and words == _words(two)


def _opening(text: str) -> str:
    """The first letters and digits of a line, normalised: a cheap key to rule out repeats."""
    return _NON_WORD_RE.sub("", normalize(text[:_PREFIX_CHARS]))[:_PREFIX_KEEP]


def _words(text: str) -> list[str]:
    """Normalised words of ``text``."""
    return [token.norm for token in tokenize(text)]


def _mark_trailing_comments(lines: Sequence[Line], marked: list[bool]) -> None:
    """A comments heading after the last paragraph of content."""
    for index in range(len(lines) - 1, -1, -1):
        if marked[index]:
            continue
        if not _COMMENTS_RE.match(lines[index].text):
            return
        marked[index] = True


def _spans(lines: Sequence[Line], marked: Sequence[bool]) -> tuple[Span, ...]:
    """Merge runs of marked lines into spans."""
    spans: list[Span] = []
    previous = False
    for line, is_marked in zip(lines, marked, strict=False):
        if is_marked and previous:
            spans[-1] = (spans[-1][0], line.end)
        elif is_marked:
            spans.append((line.start, line.end))
        previous = is_marked
    return tuple(spans)
