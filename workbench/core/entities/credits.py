"""Where an article credits itself: bylines, datelines and source credits are metadata, not mentions.

News copy names its publisher and agency in every article it prints, so counted as mentions
the publisher tops every list (الوئام closes each of its articles with «رابط الخبر بصحيفة
الوئام», واس opens the wire's). This module finds those places in an article's text; the
extraction drops the people and organisations mentioned there (a dateline's place stays: it
says where the news happened) and every mention in a closing credit (it repeats the title):

- the opening credit: the start of the first line up to its first colon, or the whole first
  line, when it is short and built like a byline or dateline: parts joined by dashes
  («فهد الغبيوي - سبق - مكة المكرمة:», «عين اليوم – متابعات», «واس - الرياض:»), a line
  ``ingest.metadata`` reads as a dateline or byline, or one that ends with a known agency
  after a date («بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس»);
- a closing credit among the last lines: «رابط الخبر بصحيفة …», «المصدر: …», an attribution
  line, to the end of its line; a known agency in brackets or quotes ending the text («(واس)»).
"""

from __future__ import annotations

import re

from workbench.core.ingest.metadata import (
    FOOTER_LINES,
    Line,
    attribution,
    byline_author,
    dateline_source,
    is_known_source,
    parse_date,
    split_lines,
)

__all__ = ["CLOSING", "OPENING", "credit_spans"]

OPENING, CLOSING = "opening", "closing"
OPENING_MAX_CHARS = 80
"""An opening credit ends within this many characters of the first line's start."""
OPENING_MAX_WORDS = 10
EDGE_CHARS = 2000
"""Characters read at each end of a long article: the first line and the last lines are there."""
_DASH_RE = re.compile(r"\s*[-–—]\s*|\s+ـ\s+")
CLOSING_WORDS = ("رابط الخبر", "المصدر", "انتهى")
"""What every closing credit holds: lines are searched only if the text's end has one of them."""
_CLOSING_RE = re.compile(r"رابط الخبر|(?:^|\s)المصدر\s*[:：]|//\s*انتهى\s*//")
TRAILING_CREDIT_CHARS = 40
_WORD_RE = re.compile(r"\w+")
_DIGIT_RE = re.compile(r"\d")
_TRAILING_CREDIT_RE = re.compile(r"[(«\"“”]\s*([^()«»\"“”]{2,30}?)\s*[)»\"“”]\s*\.?\s*$")


def credit_spans(text: str) -> list[tuple[int, int, str]]:
    """[start, end) of the credits of an article's text, with their kind (OPENING or CLOSING)."""
    lines = _edge_lines(text)
    if not lines:
        return []
    found = []
    opening = _opening(lines[0].text)
    if opening is not None:
        found.append((lines[0].start, lines[0].start + opening, OPENING))
    after = found[0][1] if found else 0
    closing_words = any(word in text[-EDGE_CHARS:] for word in CLOSING_WORDS)
    for line in lines[-FOOTER_LINES:]:
        if line.start >= after and attribution(line.text):
            found.append((line.start, line.end, CLOSING))
        elif closing_words and (match := _CLOSING_RE.search(line.text)) and line.start + match.start() >= after:
            found.append((line.start + match.start(), line.end, CLOSING))
    last = lines[-1]
    ending = max(last.start, last.end - TRAILING_CREDIT_CHARS)
    if (match := _TRAILING_CREDIT_RE.search(text, ending, last.end)) and is_known_source(match[1]):
        found.append((match.start(), last.end, CLOSING))
    return found


def _edge_lines(text: str) -> list[Line]:
    """The first non-blank line and the last FOOTER_LINES of the text (split_lines reads only the
    edges: a credit is never in the middle, and articles are long)."""
    if len(text) <= 2 * EDGE_CHARS:
        return split_lines(text)
    head = split_lines(text[:EDGE_CHARS])[:1]
    tail_start = text.find("\n", len(text) - EDGE_CHARS) + 1 or len(text) - EDGE_CHARS
    tail = [Line(line.start + tail_start, line.end + tail_start, line.text) for line in split_lines(text[tail_start:])]
    return head + [line for line in tail[-FOOTER_LINES:] if not head or line.start >= head[0].end]


def _opening(line: str) -> int | None:
    """How many characters of the first line are a credit, or None."""
    head = line[:OPENING_MAX_CHARS]
    if _DIGIT_RE.search(head):  # a wire dateline: place, date, agency
        for word in _WORD_RE.finditer(head):
            if is_known_source(word[0]) and parse_date(line[:word.start()]) is not None:
                return word.end()
    colon = min((i for i in (line.find(":"), line.find("：")) if i >= 0), default=-1)
    end = colon if 0 < colon <= OPENING_MAX_CHARS else len(line) if len(line) <= OPENING_MAX_CHARS else -1
    if end < 0:
        return None
    segment = line[:end].strip()
    words = _WORD_RE.findall(segment)
    if not words or len(words) > OPENING_MAX_WORDS:
        return None
    dashed = len([part for part in _DASH_RE.split(segment) if part.strip()]) >= 2
    if dashed or dateline_source(segment) or byline_author(segment, allow_handle=False):
        return end
    return None
