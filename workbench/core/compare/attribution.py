"""Who said it: each stored quote's speaker, linked to an entity through the article's mentions.

Rules, in order (see ``quotes`` for the window, head and title spans):

1. a head that is empty (bare وأضاف, a participle) takes the previous quote's speaker;
2. the first person mentioned in the subject window is the speaker (أعلن مندوب روسيا … أليكسي
   بورودافكين أن); failing that, an organisation or other entity mentioned in the head (بيان
   لوزارة الدفاع الروسية), or a place when it is the whole head (أعلنت روسيا أن);
3. a head of two to six words is a title: the first person mentioned right after another
   occurrence of that title (its first three, else two words) in the article (وزير الخارجية
   الروسي سيرغي لافروف; مندوب روسيا في جنيف → مندوب روسيا لدى … أليكسي بورودافكين);
4. a head of one or two words that are part of the name of a person the article mentions is
   that person (الشريف → نايف الشريف, when the tagger missed this mention);
5. an honorific (معاليه), a definite noun the previous speaker's window contains (البيان after
   بيان لوزارة الدفاع, الجامعة after جامعة برمنجهام), or a bare role (المسؤول العسكري الروسي)
   after a person, is the previous speaker;
6. otherwise the head itself is the speaker, with no entity (مصدر مقرب من المشاورات).

Mentions come from the entity service (curation applied: hidden entities never speak, merged
and renamed ones speak under their current name).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from workbench.core.arabic import tokenize
from workbench.core.compare.quote_store import QuoteRecord
from workbench.core.index.analysis import stem_key

__all__ = ["Quote", "attribute"]

Mention = tuple[int, int, str, str]
"""(start, end, type, entity id), as ``EntityService.mentions`` gives them."""
_HONORIFICS = frozenset(token.norm for token in tokenize("معاليه سموه فخامته سعادته سماحته"))
_DEFINITE = "ال"


@dataclass(frozen=True)
class Quote:
    """A quotation and its speaker, as the CLI prints it and the GUI shows it."""

    article_id: str
    start: int
    end: int
    """[start, end) of the quote in the article's original text."""
    text: str
    kind: str
    """"direct" or "reported"."""
    verb: str
    """The verb of saying as written ("" for a headline such as ``لافروف: …``)."""
    speaker: str | None
    """The speaker as the text names them nearest the quote (a name, a title, البيان)."""
    entity_id: str | None
    entity: str | None
    """The speaker's entity (id and display name), when the article names one."""


_ROLE_NOUNS = frozenset(token.norm for token in tokenize(
    "المسؤول البرلماني الوزير المتحدث الناطق الرئيس السفير المندوب النائب الدبلوماسي الجنرال المبعوث"))
"""Generic roles that, written alone, refer back to the person quoted before (المسؤول العسكري الروسي)."""


class _Speaker:
    def __init__(self, text: str | None, entity_id: str | None, window: str, type_: str = "") -> None:
        self.text = text
        self.entity_id = entity_id
        self.window = window
        self.type = type_


def attribute(article_id: str, records: Sequence[QuoteRecord], mentions: Sequence[Mention],
              entity_name: Callable[[str], str]) -> list[Quote]:
    """The quotes of one article with their speakers (records in text order)."""
    previous: _Speaker | None = None
    found = []
    for record in records:
        speaker = _speaker(record, mentions, previous, entity_name)
        if speaker is not None:
            previous = speaker
        found.append(Quote(article_id, record.span.start, record.span.end, record.text, record.span.kind,
                           record.verb, speaker.text if speaker else None,
                           speaker.entity_id if speaker else None,
                           entity_name(speaker.entity_id) if speaker and speaker.entity_id else None))
    return found


def _speaker(record: QuoteRecord, mentions: Sequence[Mention], previous: _Speaker | None,
             entity_name: Callable[[str], str]) -> _Speaker | None:
    span = record.span
    if span.head_start == span.head_end:
        return previous
    head = _slice(record.window, span.window_start, span.head_start, span.head_end)
    person = _first(mentions, span.window_start, span.window_end, ("PERSON",))
    if person is None:
        person = next((m for m in mentions if span.head_start <= m[0] < span.head_end and m[2] != "LOCATION"), None)
    if person is None:
        person = next((m for m in mentions if (m[0], m[1]) == (span.head_start, span.head_end)), None)
    if person is not None:
        return _Speaker(_slice(record.window, span.window_start, person[0], person[1]), person[3], record.window,
                        person[2])
    titled = _first(mentions, span.title_start, span.title_end, ("PERSON",)) if span.title_end > span.title_start \
        else None
    if titled is not None:
        return _Speaker(head, titled[3], record.window, titled[2])
    words = [token.norm for token in tokenize(head)]
    named = _named_in_article(words, mentions, entity_name)
    if named is not None:
        return _Speaker(head, named[3], record.window, named[2])
    if previous is not None and previous.entity_id is not None and words and (
            (len(words) == 1 and words[0] in _HONORIFICS)
            or (words[0].startswith(_DEFINITE) and _shares_stem(words[:1], previous.window))
            or (words[0] in _ROLE_NOUNS and previous.type == "PERSON")):
        return _Speaker(head, previous.entity_id, previous.window, previous.type)
    return _Speaker(head, None, record.window)


def _named_in_article(words: Sequence[str], mentions: Sequence[Mention],
                      entity_name: Callable[[str], str]) -> Mention | None:
    """A head of one or two words that are part of a person's name in the article (الشريف → نايف الشريف)."""
    if not 1 <= len(words) <= 2 or (words[0].startswith(_DEFINITE) and len(words[0]) < 5):
        return None
    wanted = " ".join(words)
    for mention in mentions:
        if mention[2] == "PERSON" and f" {wanted} " in f" {' '.join(t.norm for t in tokenize(entity_name(mention[3])))} ":
            return mention
    return None


def _first(mentions: Sequence[Mention], start: int, end: int, types: Sequence[str]) -> Mention | None:
    return next((m for m in mentions if start <= m[0] < end and m[2] in types), None)


def _slice(window: str, window_start: int, start: int, end: int) -> str:
    return window[start - window_start:end - window_start]


def _shares_stem(words: Sequence[str], window: str) -> bool:
    mine = {stem for stem, stopword in map(stem_key, words) if not stopword}
    theirs = {stem for stem, stopword in (stem_key(t.norm) for t in tokenize(window)) if not stopword}
    return bool(mine & theirs)
