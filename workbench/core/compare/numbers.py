"""Numbers, durations and dates of an article, and those that differ between compared articles.

A quantity is a numeral (digits of any script, read by ``arabic.find_numerals``; or a number
word such as خمسة، ثلاثة آلاف) with what it counts: the word after it, or after a multiplier
(80 ألف شخص = 80,000 people). A date is a day with a month name of any of the three naming
systems ``ingest.metadata`` reads (9 أيلول, 3 نوفمبر). Units are compared by their light stem
(ساعة/ساعات, يوم/أيام through a small table of broken plurals), so "48 ساعة" and "١٠ ساعات"
are both hours, and they differ.

A mention is listed as a difference when another compared article has a quantity of the same
unit (or a date) with none of the same value: 48 ساعة against 10 ساعات is a difference; 80 ألف
شخص against an article that counts no people is not.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from workbench.core.arabic import Token, find_numerals, normalize, tokenize
from workbench.core.index.analysis import stem_key
from workbench.core.ingest.metadata import GREGORIAN_MONTHS, MAGHREB_MONTHS, SYRIAC_MONTHS

__all__ = ["NumberMention", "differing_numbers", "find_quantities"]


def _words(text: str) -> list[str]:
    return [token.norm for token in tokenize(text)]


_NUMBER_WORDS = {
    **dict.fromkeys(_words("واحد واحدة"), 1), **dict.fromkeys(_words("اثنان اثنين اثنتان اثنتين"), 2),
    **dict.fromkeys(_words("ثلاث ثلاثة"), 3), **dict.fromkeys(_words("أربع أربعة"), 4),
    **dict.fromkeys(_words("خمس خمسة"), 5), **dict.fromkeys(_words("ست ستة"), 6),
    **dict.fromkeys(_words("سبع سبعة"), 7), **dict.fromkeys(_words("ثماني ثمانية ثمان"), 8),
    **dict.fromkeys(_words("تسع تسعة"), 9), **dict.fromkeys(_words("عشر عشرة"), 10),
    **dict.fromkeys(_words("عشرون عشرين"), 20), **dict.fromkeys(_words("ثلاثون ثلاثين"), 30),
    **dict.fromkeys(_words("أربعون أربعين"), 40), **dict.fromkeys(_words("خمسون خمسين"), 50),
    **dict.fromkeys(_words("مئة مائة"), 100), **dict.fromkeys(_words("مئتي مئتان مائتي مائتان"), 200),
}
_MULTIPLIERS = {**dict.fromkeys(_words("ألف آلاف الف ألفا"), 1_000), **dict.fromkeys(_words("مليون ملايين"), 10**6),
                **dict.fromkeys(_words("مليار مليارات"), 10**9)}
_PLURALS = {norm: stem_key(singular)[0] for singular, plurals in (
    (normalize("يوم"), "أيام"), (normalize("شهر"), "أشهر شهور"), (normalize("سنة"), "سنوات سنين أعوام"),
    (normalize("عام"), "أعوام"), (normalize("أسبوع"), "أسابيع"), (normalize("دقيقة"), "دقائق"),
    (normalize("شخص"), "أشخاص"), (normalize("ساعة"), "ساعات"))
    for norm in _words(plurals)}
_SHORT_UNITS = frozenset(_words("كم كلم سم مم كغ كجم"))
"""Abbreviated units that would otherwise pass for function words (كم is also "how many")."""
_MONTHS = {norm: number for names in (SYRIAC_MONTHS, GREGORIAN_MONTHS, MAGHREB_MONTHS)
           for number, spellings in enumerate(names, 1)
           for norm in ([" ".join(_words(spellings))] if names is SYRIAC_MONTHS else _words(spellings))}


@dataclass(frozen=True)
class NumberMention:
    """A quantity or date as written in an article."""

    start: int
    end: int
    """[start, end) in the article's original text: the number with its unit."""
    text: str
    value: float
    unit: str
    """The unit's key (a light stem: ساعه for ساعة/ساعات), "date" for a day and month, "" for none."""


def find_quantities(text: str) -> list[NumberMention]:
    """The quantities and dates of a text (boilerplate blanked), in text order."""
    tokens = tokenize(text)
    numerals = {n.start: n for n in find_numerals(text)}
    found = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        value: float | None = numerals[token.start].value if token.start in numerals else _NUMBER_WORDS.get(token.norm)
        if value is None:
            i += 1
            continue
        last = i
        while last + 1 < len(tokens) and token.start in numerals and tokens[last + 1].start < numerals[token.start].end:
            last += 1  # 8ر1 is three tokens
        if _adjacent(text, tokens, last) and tokens[last + 1].norm in _MULTIPLIERS:
            last += 1
            value *= _MULTIPLIERS[tokens[last].norm]
        month = _month_at(tokens, last + 1)
        if month is not None:
            words, number = month
            end = tokens[last + words].end
            found.append(NumberMention(token.start, end, text[token.start:end], number * 100 + value, "date"))
            i = last + words + 1
            continue
        unit = _unit(tokens[last + 1].norm) if _adjacent(text, tokens, last) else ""
        end = tokens[last + 1].end if unit else tokens[last].end
        if unit or token.start in numerals:
            found.append(NumberMention(token.start, end, text[token.start:end], value, unit))
        i = last + 1
    return found


def _month_at(tokens: Sequence[Token], position: int) -> tuple[int, int] | None:
    """(words, month number) of a month name starting at ``position`` (من and شهر may come first)."""
    words = [t.norm for t in tokens[position:position + 4]]
    skip = 0
    while skip < len(words) and words[skip] in ("من", "شهر"):
        skip += 1
    for length in (2, 1):
        name = " ".join(words[skip:skip + length])
        if len(words) >= skip + length and name in _MONTHS:
            return skip + length, _MONTHS[name]
    return None


def _adjacent(text: str, tokens: Sequence[Token], position: int) -> bool:
    """True when a next word follows ``tokens[position]`` with only spaces between (no comma, no line end)."""
    return position + 1 < len(tokens) and text[tokens[position].end:tokens[position + 1].start] in (" ", "  ")


def _unit(norm: str) -> str:
    """The unit key of the word after a number, "" when it cannot be one (a function word, a number)."""
    if norm in _SHORT_UNITS:
        return norm
    stem, stopword = stem_key(norm)
    if stopword or norm in _NUMBER_WORDS or norm in _MONTHS or not norm.isalpha():
        return ""
    return _PLURALS.get(norm) or stem


def differing_numbers(articles: Sequence[Sequence[NumberMention]]) -> list[list[NumberMention]]:
    """Per article, its mentions that another article contradicts: same unit, none of the same value."""
    values = [{(m.unit, m.value) for m in mentions if m.unit} for mentions in articles]
    units = [{m.unit for m in mentions if m.unit} for mentions in articles]
    differing = []
    for number, mentions in enumerate(articles):
        differing.append([m for m in mentions if m.unit and any(
            other != number and m.unit in units[other] and (m.unit, m.value) not in values[other]
            for other in range(len(articles)))])
    return differing
