"""Hypothesis strategies for hostile search queries, shared by the fuzz test and bench/query_fuzz_bench.py.

A mix of what people type (words, phrases, fields, dates, operators) and what breaks parsers
and search engines: random syntax soup, arbitrary Unicode, deep nesting of parentheses and
NOT, thousands of OR-ed words, and wildcards or fuzzy words that match much of the index.
Every query is one line (``--queries`` reads one per line) and is a query, not a comment.
"""

from __future__ import annotations

from hypothesis import strategies as st

WORDS = ("حلب", "دمشق", "لافروف", "سيرغي", "الصليب", "الأحمر", "سوريا", "جنيف", "موسكو", "وزير", "الخارجية",
         "ا", "في", "من", "Aleppo", "2016", "٢٠١٦")
SYNTAX = list('حلبدمشقاليوزرة "()-*~:|ORNTADtiledasourc 0123٣.«»“”&\\/\'')
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
"""What ``str.splitlines`` splits on: a query file line cannot hold these."""


def _one_line(text: str) -> str:
    return "".join(" " if char in _LINE_BREAKS else char for char in text)


def _is_query(text: str) -> bool:
    stripped = text.strip()
    return bool(stripped) and not stripped.startswith("#")


word = st.sampled_from(WORDS)
field = st.sampled_from(["title:", "source:", "date:", "", "", ""])
simple = st.builds(lambda f, w, suffix: f + w + suffix, field, word, st.sampled_from(["", "", "*", "~", "~2", "~3"]))
phrase = st.lists(word, min_size=1, max_size=6).map(lambda words: '"' + " ".join(words) + '"')
atom = st.one_of(simple, phrase, st.sampled_from(["date:2016-11", "date:2016-02-30", "date:..2016", "date:x"]))
operator = st.sampled_from([" ", " OR ", " | ", " AND ", " NOT ", " -", " && "])


@st.composite
def structured(draw: st.DrawFn) -> str:
    """A plausible query: atoms joined by operators, some of them grouped."""
    parts = draw(st.lists(atom, min_size=1, max_size=8))
    text = parts[0]
    for part in parts[1:]:
        text += draw(operator) + (f"({part})" if draw(st.booleans()) else part)
    return text


nested = st.builds(lambda depth, opener, w: opener * depth + w + ")" * (depth if "(" in opener else 0),
                   st.integers(1, 400), st.sampled_from(["(", "-(", "NOT (", "NOT ", "-"]), word)
long_or = st.builds(lambda count, joiner: joiner.join(WORDS[n % len(WORDS)] + str(n) for n in range(count)),
                    st.integers(50, 3000), st.sampled_from([" OR ", " ", " | "]))
expensive = st.sampled_from(["ا*", "ا* OR ا~2", "م~2", "ال*", "و* ب* ل* ف*", "a*", "1*", "ا~2 -ال*",
                             "title:ا*", "source:ا*", "(ا* OR م*) NOT (و* OR ف*)"])
soup = st.text(alphabet=st.sampled_from(SYNTAX), min_size=1, max_size=80)
anything = st.text(min_size=1, max_size=60)

hostile_query = st.one_of(structured(), structured(), soup, soup, anything, nested, long_or, expensive).map(
    _one_line).filter(_is_query)
"""One hostile search query, on one line."""
