"""Rules that turn the CRF's spans into names, one sentence at a time (the tagger's ``rules`` layer).

ANERcorp's guidelines and the news the product reads differ, and the model alone leaves
spans a researcher would not call names. The rules run on a sentence's IOB2 tags in place,
in this order, and each leaves well-formed IOB2 behind:

1. ``cut_at_function_words``: a person or place span never runs across a function word or a
   word that carries a preposition: with the article it ends the name (فهد بالدمام يوسف ... is
   فهد, then يوسف ...; خالد بالرياض is خالد), on a bare word it starts the next name (صالح
   لعبد ربه منصور هادي); so does a conjunction before a given name (عبدالله وخالد).
2. ``trim_titles``: title and role words come off a person's edges (محمد بن سلمان ولي ->
   محمد بن سلمان; الرئيس عبدربه منصور هادي -> عبدربه منصور هادي), except a rank title before
   a lone given name, which together name one person (الملك سلمان, الأمير سلطان).
3. ``facilities``: a place, body or event named after a person takes the head's type and
   the whole name (مستشفى الملك فهد التخصصي is an organisation, مطار الملك خالد الدولي a place,
   دوري عبداللطيف جميل no person), so فهد there is not a mention of a king.
4. ``organisation_heads``: a head noun such as وزارة, جبهة or حزب followed by definite words
   becomes one organisation (وزارة الدفاع الروسية, جبهة النصرة, جمعية الثقافة والفنون).
5. ``complete_organisations``: an organisation the gazetteer knows by a longer name takes it
   (مانشستر + سيتي); one named only by its head and generic words (الهيئة العامة, مجلس
   الإدارة, الاتحاد السعودي) takes the «ل…» complement that follows (للسياحة والتراث الوطني,
   لكرة القدم); without one it is no name and is dropped.
6. ``drop_closed_classes``: a span that is only a month, weekday, currency or spelled letter
   (نيسان, الخميس, ريال, بي), or one word of one or two letters (لي), is dropped.

Words are compared by ``match_key`` (``keys``) and ``normalize`` (``norms``) forms; the word
classes come from ``lexicon``.
"""

from __future__ import annotations

from collections import Counter

from workbench.core import arabic
from workbench.core.entities.gazetteer import Gazetteer
from workbench.core.entities.lexicon import Lexicon

__all__ = ["ORG_HEADS", "SentenceRules"]

ORG_HEADS = frozenset(
    arabic.match_key(w)
    for w in "وزارة وكالة منظمة هيئة مجلس جبهة تنظيم حزب حركة جماعة شركة مؤسسة جامعة اتحاد "
    "لجنة جمعية بنك مصرف صندوق محكمة رابطة نقابة مديرية قناة".split()
)
PLACE_HEADS = frozenset({arabic.match_key("مسجد")})
"""Heads the head rule makes places of (see ``organisation_heads``)."""
ORG_AND_PLACE_HEADS = ORG_HEADS | PLACE_HEADS
TIME_WORDS = frozenset(arabic.match_key(w) for w in "اليوم الماضي الماضية المقبل المقبلة الحالي الحالية "
                       "الجاري الجارية القادم القادمة".split())
"""Definite words that end an organisation's name (وزارة الصحة اليوم)."""
MAX_ORG_TAIL = 3
"""Definite words after an organisation head that the head rule takes."""
MAX_COMPLEMENT = 4
"""Words of an organisation's «ل…» complement (للسياحة والتراث الوطني)."""
MAX_FACILITY_TAIL = 2
"""Definite adjectives after a facility's person name (الدولي, التخصصي الجامعي)."""
MAX_TITLES = 4
"""Title words between a facility head and the name (خادم الحرمين الشريفين الملك)."""
GENEALOGY = frozenset(arabic.match_key(w) for w in "بن ابن بنت آل".split())
FAMILY = arabic.match_key("آل")
"""Words that chain a person's name to a father's or family's (فيصل بن بندر بن عبدالعزيز آل سعود)."""
PREPOSITIONS = frozenset("بلك")
MAX_LETTERS_NO_NAME = 2
"""A span that is one word this short is dropped (لي, بي)."""
MAX_KNOWN_NAME = 8
"""Words of an organisation name the gazetteer may extend a span to."""
PERSON, LOCATION, ORGANIZATION = "PERS", "LOC", "ORG"

Span = tuple[int, int, str]


def spans(tags: list[str]) -> list[Span]:
    """(start, end_exclusive, label) of each entity in an IOB2 sequence, in order (an I- tag that
    does not continue a span of its label opens one). Called several times per sentence, so it
    walks only the tagged words (a sentence has few)."""
    found: list[Span] = []
    start, last, kind = -1, -2, ""
    for i in [i for i, tag in enumerate(tags) if tag != "O"]:
        tag = tags[i]
        if i == last + 1 and tag[0] == "I" and tag[2:] == kind:
            last = i
            continue
        if start >= 0:
            found.append((start, last + 1, kind))
        start, last, kind = i, i, tag[2:]
    if start >= 0:
        found.append((start, last + 1, kind))
    return found


def set_span(tags: list[str], start: int, end: int, kind: str) -> None:
    """Tag words start..end-1 as one entity of ``kind`` (B- then I-), in place."""
    tags[start] = f"B-{kind}"
    for i in range(start + 1, end):
        tags[i] = f"I-{kind}"


def clear(tags: list[str], start: int, end: int) -> None:
    """Tag words start..end-1 as outside any entity, keeping what follows well-formed."""
    for i in range(start, end):
        tags[i] = "O"
    if end < len(tags) and tags[end].startswith("I-"):
        tags[end] = "B-" + tags[end][2:]


class SentenceRules:
    """The rule layer of one tagger: its word classes, gazetteer (known organisations and places)
    and word counts (whether a leading letter is a clitic)."""

    def __init__(self, lexicon: Lexicon, gazetteer: Gazetteer, counts: Counter[str]) -> None:
        self.lexicon = lexicon
        self.gazetteer = gazetteer
        self.counts = counts
        self._facility_heads = frozenset(lexicon.facility_heads)

    def apply(self, norms: list[str], keys: list[str], tags: list[str]) -> None:
        """Every rule of the module docstring, in order, in place on ``tags``. The head rules only
        run on sentences that hold a head word (most do not)."""
        found = spans(tags)  # each rule gets the spans as they are, recomputed only after a change
        if found:
            if self.cut_at_function_words(norms, keys, tags, found):
                found = spans(tags)
            if self.trim_titles(norms, keys, tags, found):
                found = spans(tags)
        words = set(keys)
        if not self._facility_heads.isdisjoint(words) and self.facilities(norms, keys, tags):
            found = spans(tags)
        if not ORG_AND_PLACE_HEADS.isdisjoint(words) and self.organisation_heads(norms, keys, tags):
            found = spans(tags)
        if found:
            if self.drop_closed_classes(keys, tags, found):
                found = spans(tags)
            self.complete_organisations(norms, keys, tags, found)

    # -- 1 --------------------------------------------------------------------------------

    def proclitic(self, norm: str) -> str:
        """The proclitic letters of a word the counts vouch for ("" when none): بالدمام -> ب."""
        split = arabic.split_proclitics(norm)
        if not split.letters or split.word == norm:
            return ""
        if split.contracted or self.counts[split.word] > self.counts[norm]:
            return split.letters
        return ""

    def cut_at_function_words(self, norms: list[str], keys: list[str], tags: list[str],
                              found: list[Span] | None = None) -> bool:
        """Rule 1 (person and place spans); True when it changed a tag."""
        before = list(tags)
        for start, end, kind in spans(tags) if found is None else found:
            if kind not in (PERSON, LOCATION):
                continue
            for i in range(start + 1, end):
                if arabic.is_stopword(norms[i], through_conjunction=False):
                    clear(tags, i, i + 1)
                    continue
                letters = self.proclitic(norms[i])
                word = arabic.split_proclitics(norms[i]).word
                if PREPOSITIONS & set(letters):
                    if word.startswith("ال"):
                        clear(tags, i, i + 1)  # a prepositional phrase (بالدمام, للمملكة): no name
                    else:
                        tags[i] = f"B-{kind}"  # a name of its own begins (لعبد ربه)
                elif letters and self.lexicon.is_given_name(word):
                    tags[i] = f"B-{kind}"  # and another person (عبدالله وخالد), not فان of لويس فان جال
        return tags != before

    # -- 2 --------------------------------------------------------------------------------

    def trim_titles(self, norms: list[str], keys: list[str], tags: list[str], found: list[Span] | None = None) -> bool:
        """Rule 2 (person spans); True when it changed a tag. First the family name after آل is
        made whole: it is the name's last word (سلمان بن عبدالعزيز آل + سعود برقية is سلمان بن
        عبدالعزيز آل سعود)."""
        before = list(tags)
        if self._family_names(keys, tags):
            found = None
        titles, ranks = self.lexicon.titles, self.lexicon.rank_titles
        for start, end, kind in spans(tags) if found is None else found:
            if kind != PERSON:
                continue
            first, last = start, end
            while first < last and keys[first] in titles:
                first += 1
            while last > first and (keys[last - 1] in titles or arabic.is_stopword(keys[last - 1])) and (
                    last - 2 < first or keys[last - 2] not in GENEALOGY):  # آل الشيخ is a family name
                last -= 1
            while last > first and keys[last - 1] in GENEALOGY:
                last -= 1
            if last - first == 1 and first > 0 and keys[first - 1] in ranks and tags[first - 1] in (
                    "O", f"B-{PERSON}", f"I-{PERSON}") and self.lexicon.is_given_name(norms[first]):
                first -= 1
            if (first, last) == (start, end):
                continue
            clear(tags, start, end)
            if last > first:
                set_span(tags, first, last, PERSON)
        return tags != before

    @staticmethod
    def _family_names(keys: list[str], tags: list[str]) -> bool:
        if FAMILY not in keys:
            return False
        before = list(tags)
        for start, end, kind in spans(tags):
            family = next((i for i in range(start + 1, end) if keys[i] == FAMILY), None) if kind == PERSON else None
            if family is None or family + 1 >= len(tags):
                continue
            stop = tail = family + 2
            while tail < len(tags) and tags[tail].startswith("I-"):  # the rest of the span holding the family name
                tail += 1
            set_span(tags, start, stop, PERSON)
            for i in range(stop, tail):
                tags[i] = "O"
        return tags != before

    # -- 3 --------------------------------------------------------------------------------

    def facilities(self, norms: list[str], keys: list[str], tags: list[str]) -> bool:
        """Rule 3: head [titles] name [bin chain] [adjectives] [«ل…» complement] -> the head's type;
        True when it changed a tag."""
        heads, titles, given = self.lexicon.facility_heads, self.lexicon.titles, self.lexicon.given_names
        changed, done = False, 0
        for i in [i for i, key in enumerate(keys[:-1]) if key in heads]:
            kind = heads[keys[i]]
            if i < done or tags[i] not in ("O", f"B-{kind}"):
                continue
            name = i + 1
            while name < len(keys) and name - i <= MAX_TITLES and keys[name] in titles:
                name += 1
            titled = name > i + 1
            end = name
            while end < len(keys):
                if tags[end][2:] == PERSON or norms[end] in given:
                    end += 1
                elif keys[end] in GENEALOGY and end > name and end + 1 < len(keys):
                    end += 2  # بن + the father's name, آل + the family's
                else:
                    break
            if end == name or not (titled or tags[name][2:] == PERSON):
                continue
            end = self._definite_tail(norms, tags, end, MAX_FACILITY_TAIL)
            end = self._complement(norms, end)
            set_span(tags, i, end, kind)
            if end < len(tags) and tags[end].startswith("I-"):
                tags[end] = "B-" + tags[end][2:]
            changed, done = True, end
        return changed

    def _definite_tail(self, norms: list[str], tags: list[str], end: int, limit: int) -> int:
        """``end`` moved past up to ``limit`` untagged definite words (adjectives: الدولي)."""
        stop = min(len(norms), end + limit)
        while end < stop and tags[end] == "O" and norms[end].startswith("ال") and not arabic.is_stopword(
                norms[end]) and arabic.match_key(norms[end]) not in TIME_WORDS:
            end += 1
        return end

    def _complement(self, norms: list[str], end: int) -> int:
        """``end`` moved past a «ل…» complement starting there (للسياحة والتراث الوطني, لكرة القدم)."""
        if end >= len(norms) or arabic.split_proclitics(norms[end]).letters != "ل" or arabic.is_stopword(norms[end]):
            return end
        stop = min(len(norms), end + MAX_COMPLEMENT)
        end += 1
        while end < stop and (norms[end].startswith(("ال", "وال"))) and not arabic.is_stopword(norms[end]):
            end += 1
        return end

    # -- 4 --------------------------------------------------------------------------------

    def organisation_heads(self, norms: list[str], keys: list[str], tags: list[str]) -> bool:
        """Rule 4: head noun + following definite words (and their و-coordinates) -> one span.

        A mosque is a place (المسجد الحرام), and so is a name the place gazetteer knows (قناة
        السويس, while قناة الجزيرة is a broadcaster). True when it changed a tag."""
        changed, done = False, 0
        for i in [i for i, key in enumerate(keys[:-1]) if key in ORG_AND_PLACE_HEADS]:
            if i >= done and tags[i] == "O":
                end = i + 1
                while (
                    end < len(norms)
                    and end - i <= MAX_ORG_TAIL
                    and (norms[end].startswith("ال") or (end > i + 1 and norms[end].startswith("وال")))
                    and not arabic.is_stopword(norms[end])
                    and keys[end] not in TIME_WORDS and keys[end] not in self.lexicon.titles
                    and tags[end][2:] in ("", "ORG", "LOC")
                ):
                    end += 1
                # An organisation named right after the head joins it (حركة حماس).
                if end == i + 1 and tags[end] == "B-ORG":
                    end += 1
                while end < len(norms) and tags[end].startswith("I-"):
                    end += 1
                if end > i + 1:
                    place = keys[i] in PLACE_HEADS or self.gazetteer.contains(keys[i:end], "location")
                    set_span(tags, i, end, LOCATION if place else ORGANIZATION)
                    changed, done = True, end
        return changed

    # -- 5 --------------------------------------------------------------------------------

    def complete_organisations(self, norms: list[str], keys: list[str], tags: list[str],
                               found: list[Span] | None = None) -> None:
        """Rule 5 (organisation spans whose words after the head are all generic)."""
        generic = self.lexicon.organization_generic
        for start, end, kind in reversed(spans(tags) if found is None else found):
            if kind != ORGANIZATION:
                continue
            known = self._known_organisation(keys, start, end)
            if known > end:
                set_span(tags, start, known, ORGANIZATION)
                if known < len(tags) and tags[known].startswith("I-"):
                    tags[known] = "B-" + tags[known][2:]
                continue
            if keys[start] not in ORG_HEADS or end - start < 2:
                continue
            if not all(key in generic for key in keys[start + 1:end]) or self.gazetteer.contains(
                    keys[start:end], "organization"):
                continue
            complete = self._complement(norms, end)
            if complete == end:
                clear(tags, start, end)
                continue
            set_span(tags, start, complete, ORGANIZATION)
            if complete < len(tags) and tags[complete].startswith("I-"):
                tags[complete] = "B-" + tags[complete][2:]

    def _known_organisation(self, keys: list[str], start: int, end: int) -> int:
        """The end of the longest organisation-gazetteer name that starts at ``start`` and goes
        past ``end`` (هيئة الأمر + بالمعروف والنهي عن المنكر), else ``end``."""
        for length in self.gazetteer.entry_lengths.get(keys[start], ()):  # longest first
            stop = start + length
            if stop <= end:
                break
            if stop <= len(keys) and self.gazetteer.contains(keys[start:stop], "organization"):
                return stop
        return end

    # -- 6 --------------------------------------------------------------------------------

    def drop_closed_classes(self, keys: list[str], tags: list[str], found: list[Span] | None = None) -> bool:
        """Rule 6, and a lone word of one or two letters is no name either (لي, "to me"); True
        when it dropped a span."""
        closed, dropped = self.lexicon.closed, False
        for start, end, _ in spans(tags) if found is None else found:
            if tuple(keys[start:end]) in closed or (end - start == 1 and len(keys[start]) <= MAX_LETTERS_NO_NAME):
                clear(tags, start, end)
                dropped = True
        return dropped
