"""The workbench query language: parse what the user typed into a small syntax tree.

Syntax (documented for users in README.md, "Query language"):

- ``حلب لافروف``            all words must match (``--match any``: any word, ranked by how many)
- ``"الصليب الأحمر"``        exact phrase (straight or Arabic quotes: " “ ” « »)
- ``حلب OR دمشق``            either (``|`` works too)
- ``NOT داعش`` / ``-داعش``   exclude
- ``(حلب OR دمشق) لافروف``   grouping
- ``لافرو*``                 prefix
- ``لافروف~`` / ``لافروف~2`` fuzzy, edit distance 1 (default) or 2
- ``title:حلب`` ``source:سانا``   search one field
- ``date:2016-11-01..2016-12-31``, ``date:2016-11``, ``date:2016``, ``date:2016-11-01..`` date ranges
- ``tag:هدنة``, ``selection:"Aleppo truce"``, ``has:note`` (or ``has:tag``, ``has:selection``): the
  user's own marks, kept in the corpus's store (``ArticleFilter``)
- ``selection:"the \\"Aleppo\\" file"``: inside a phrase, a backslash makes the quote mark (or
  backslash) after it part of the text; ``quoted()`` writes any text that way, so a selection
  or tag whose name holds quote marks can be named in a query

Parsing is separate from compiling into Whoosh queries (compiler.py), so the grammar can be
tested and reported on without an index. Malformed input raises QueryError whose message says
what is wrong and how to write it instead; so does a query over the limits below, which keep
every query's parse, compilation and search bounded (no recursion error on 1,000 nested NOTs,
no second-long OR list of thousands of words).

New fields (``tag:``, ``selection:``, ...) are added to ``FIELDS`` and, if their value is not
a word to match, handled in ``_Parser.primary`` like ``date:``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from workbench.core.arabic import normalize_digits
from workbench.core.errors import QueryError
from workbench.core.messages import translatable
from workbench.core.userdata.marks import HAS_VALUES

ARTICLE_FILTERS = ("tag", "selection", "has")
"""Fields that name articles by the user's marks rather than by their text."""
FIELDS = ("title", "source", "date", *ARTICLE_FILTERS)
OPEN_QUOTES = frozenset('"“”«„')
CLOSE_QUOTES = frozenset('"”“»')
ESCAPE = "\\"
"""Inside a phrase, makes the quote mark or backslash after it plain text."""
_ESCAPABLE = OPEN_QUOTES | CLOSE_QUOTES | {ESCAPE}
_ESCAPED_RE = re.compile(re.escape(ESCAPE) + "([" + re.escape("".join(sorted(_ESCAPABLE))) + "])")
MAX_FUZZY_DISTANCE = 2
MAX_QUERY_CHARS = 10_000
"""The longest query accepted, in characters (a list of 300 Arabic names is about 4,000)."""
MAX_QUERY_WORDS = 300
"""The most words (phrase words included) in one query: each word searches its exact form,
its stems and its spelling variants, so 3,000 OR-ed words took 3-4.6 s at 30,000 articles."""
MAX_NESTING = 32
"""The deepest nesting of parentheses and NOT/- accepted (people write 3 or 4)."""


@dataclass(frozen=True)
class Word:
    """A single search word, possibly a prefix (``word*``) or fuzzy (``word~N``)."""

    text: str
    field: str | None = None
    prefix: bool = False
    fuzzy: int = 0


@dataclass(frozen=True)
class Phrase:
    """Words that must appear next to each other, in order."""

    text: str
    field: str | None = None


@dataclass(frozen=True)
class DateRange:
    """Inclusive ISO date bounds; None is open-ended."""

    start: str | None
    end: str | None


@dataclass(frozen=True)
class ArticleFilter:
    """The articles the user marked: ``tag:value``, ``selection:value`` or ``has:value``."""

    field: str
    value: str


@dataclass(frozen=True)
class And:
    """Every item must match."""

    items: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    """At least one item must match; documents matching more rank higher."""

    items: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    """The item must not match."""

    item: Node


Node = Word | Phrase | DateRange | ArticleFilter | And | Or | Not


@dataclass(frozen=True)
class _Lexeme:
    kind: str  # "word", "phrase", "lparen", "rparen", "or", "and", "not", "minus", "field"
    text: str
    position: int


def quoted(text: str) -> str:
    """``text`` as one phrase of the query language, whatever quote marks or backslashes it
    holds: ``"selection:" + quoted(name)`` lists exactly the selection called ``name``."""
    escaped = "".join(ESCAPE + ch if ch in _ESCAPABLE else ch for ch in text)
    return f'"{escaped}"'


def _closing_quote(text: str, opening: int) -> int:
    """Index of the quote closing the phrase opened at ``opening``, or -1.

    News copy and keyboards mix straight and typographic quotes, so any closing mark ends
    a phrase opened by any opening mark, unless a backslash escapes it.
    """
    index = opening + 1
    while index < len(text):
        if text[index] == ESCAPE and index + 1 < len(text) and text[index + 1] in _ESCAPABLE:
            index += 2
            continue
        if text[index] in CLOSE_QUOTES:
            return index
        index += 1
    return -1


def _unescaped(phrase: str) -> str:
    """The text of a phrase with its escapes (a backslash before a quote mark or backslash) resolved."""
    return _ESCAPED_RE.sub(r"\1", phrase)


_OPERATORS = {"OR": "or", "|": "or", "AND": "and", "&&": "and", "NOT": "not"}
_BREAK_CHARS = set('()"“”«»„') | {" ", "\t", "\n", "\r"}


def _lex(text: str) -> list[_Lexeme]:
    lexemes: list[_Lexeme] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch == "(":
            lexemes.append(_Lexeme("lparen", ch, i))
            i += 1
        elif ch == ")":
            lexemes.append(_Lexeme("rparen", ch, i))
            i += 1
        elif ch in OPEN_QUOTES:
            close = _closing_quote(text, i)
            if close == -1:
                raise QueryError(translatable('Missing closing quote for the phrase that starts at character '
                                              '{position}: close it with " to search an exact phrase.'),
                                 position=i + 1)
            lexemes.append(_Lexeme("phrase", _unescaped(text[i + 1:close]), i))
            i = close + 1
        elif ch in CLOSE_QUOTES:
            i += 1  # a closing quote with no opening one carries no meaning: ignore it
        elif ch == "-" and (i + 1 < len(text)) and not text[i + 1].isspace() and (
                i == 0 or text[i - 1].isspace() or text[i - 1] == "("):
            lexemes.append(_Lexeme("minus", ch, i))
            i += 1
        else:
            start = i
            while i < len(text) and text[i] not in _BREAK_CHARS:
                i += 1
            word = text[start:i]
            field, sep, rest = word.partition(":")
            if sep and field.lower() in FIELDS:
                lexemes.append(_Lexeme("field", field.lower(), start))
                if rest:
                    lexemes.append(_Lexeme("word", rest, start + len(field) + 1))
                continue
            kind = _OPERATORS.get(word, "word")
            lexemes.append(_Lexeme(kind, word, start))
    return lexemes


def _check_size(lexemes: list[_Lexeme]) -> None:
    """Raise QueryError for a query over MAX_QUERY_CHARS or MAX_QUERY_WORDS."""
    words = sum(1 if lexeme.kind == "word" else len(lexeme.text.split())
                for lexeme in lexemes if lexeme.kind in ("word", "phrase"))
    if words > MAX_QUERY_WORDS:
        raise QueryError(translatable("The query has {count} words; at most {limit} are searched at once. Split it "
                                      "into several searches."), count=words, limit=MAX_QUERY_WORDS)


class _Parser:
    """Recursive-descent parser over the lexemes; see the module docstring for the grammar."""

    def __init__(self, text: str, implicit: type[And] | type[Or]) -> None:
        if len(text) > MAX_QUERY_CHARS:
            raise QueryError(translatable("The query is {length} characters long; at most {limit} are searched at "
                                          "once. Split it into several searches."),
                             length=len(text), limit=MAX_QUERY_CHARS)
        self.lexemes = _lex(text)
        _check_size(self.lexemes)
        self.pos = 0
        self.depth = 0
        self.implicit = implicit

    def nest(self, lexeme: _Lexeme) -> None:
        """Enter one level of parentheses or NOT; QueryError past MAX_NESTING."""
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise QueryError(translatable("Parentheses and NOT are nested more than {limit} deep at character "
                                          "{position}: remove some levels."),
                             limit=MAX_NESTING, position=lexeme.position + 1)

    def peek(self) -> _Lexeme | None:
        return self.lexemes[self.pos] if self.pos < len(self.lexemes) else None

    def next_kind(self) -> str | None:
        """The kind of the next lexeme, None at the end of the query."""
        lexeme = self.peek()
        return None if lexeme is None else lexeme.kind

    def take(self) -> _Lexeme:
        lexeme = self.lexemes[self.pos]
        self.pos += 1
        return lexeme

    def parse(self) -> Node:
        if not self.lexemes:
            raise QueryError(translatable("The query is empty: type one or more words to search for."))
        node = self.or_expr()
        extra = self.peek()
        if extra is not None:
            raise QueryError(translatable("Unexpected closing parenthesis at character {position}: remove it or "
                                          "add a matching '('."), position=extra.position + 1)
        return node

    def or_expr(self) -> Node:
        items = [self.and_expr()]
        while (lexeme := self.peek()) is not None and lexeme.kind == "or":
            self.take()
            if self.next_kind() in (None, "rparen", "or", "and"):
                raise QueryError(translatable("'{operator}' at character {position} needs a word after it."),
                                 operator=lexeme.text, position=lexeme.position + 1)
            items.append(self.and_expr())
        return items[0] if len(items) == 1 else Or(tuple(items))

    def and_expr(self) -> Node:
        explicit: list[Node] = [self.unary()]
        groups: list[list[Node]] = [explicit]
        while (lexeme := self.peek()) is not None and lexeme.kind not in ("or", "rparen"):
            if lexeme.kind == "and":
                self.take()
                if self.next_kind() in (None, "rparen", "or", "and"):
                    raise QueryError(translatable("'{operator}' at character {position} needs a word after it."),
                                     operator=lexeme.text, position=lexeme.position + 1)
                groups[-1].append(self.unary())
            else:
                groups.append([self.unary()])
        nodes = [group[0] if len(group) == 1 else And(tuple(group)) for group in groups]
        if len(nodes) == 1:
            return nodes[0]
        return _join(self.implicit, nodes)

    def unary(self) -> Node:
        lexeme = self.peek()
        if lexeme is not None and lexeme.kind in ("not", "minus"):
            self.take()
            if self.next_kind() in (None, "rparen", "or", "and"):
                raise QueryError(translatable("'{operator}' at character {position} needs a word to exclude after it."),
                                 operator=lexeme.text, position=lexeme.position + 1)
            self.nest(lexeme)
            node = Not(self.unary())
            self.depth -= 1
            return node
        return self.primary()

    def primary(self, field: str | None = None) -> Node:
        lexeme = self.peek()
        if lexeme is None:
            raise QueryError(translatable("The query ends too early: add a word after the last operator."))
        if lexeme.kind == "lparen":
            self.take()
            if self.peek() is None:
                raise QueryError(translatable("Missing closing parenthesis for '(' at character {position}."),
                                 position=lexeme.position + 1)
            if self.next_kind() == "rparen":
                raise QueryError(translatable("Empty parentheses at character {position}: put words inside them."),
                                 position=lexeme.position + 1)
            self.nest(lexeme)
            node = self._with_field(self.or_expr(), field)
            self.depth -= 1
            closing = self.peek()
            if closing is None or closing.kind != "rparen":
                raise QueryError(translatable("Missing closing parenthesis for '(' at character {position}."),
                                 position=lexeme.position + 1)
            self.take()
            return node
        if lexeme.kind == "rparen":
            raise QueryError(translatable("Unexpected closing parenthesis at character {position}: remove it or "
                                          "add a matching '('."), position=lexeme.position + 1)
        if lexeme.kind == "field":
            self.take()
            if field is not None:
                raise QueryError(translatable("'{field}:' at character {position} is inside another field."),
                                 field=lexeme.text, position=lexeme.position + 1)
            following = self.peek()
            if following is None or following.kind not in ("word", "phrase", "lparen"):
                raise QueryError(translatable("'{field}:' at character {position} needs a value, for example "
                                              "{example}."),
                                 field=lexeme.text, position=lexeme.position + 1, example=_FIELD_EXAMPLES[lexeme.text])
            if lexeme.text == "date":
                return self._date(self.take())
            if lexeme.text in ARTICLE_FILTERS:
                return _article_filter(lexeme.text, self.take())
            return self.primary(field=lexeme.text)
        if lexeme.kind == "phrase":
            self.take()
            return Phrase(lexeme.text, field)
        if lexeme.kind in ("or", "and"):
            raise QueryError(translatable("'{operator}' at character {position} needs a word before it."),
                             operator=lexeme.text, position=lexeme.position + 1)
        self.take()
        return _word(lexeme, field)

    def _with_field(self, node: Node, field: str | None) -> Node:
        if field is None:
            return node
        if isinstance(node, Word):
            return Word(node.text, field, node.prefix, node.fuzzy)
        if isinstance(node, Phrase):
            return Phrase(node.text, field)
        if isinstance(node, Not):
            return Not(self._with_field(node.item, field))
        if isinstance(node, (And, Or)):
            return type(node)(tuple(self._with_field(item, field) for item in node.items))
        return node

    @staticmethod
    def _date(lexeme: _Lexeme) -> DateRange:
        if lexeme.kind != "word":
            raise QueryError(translatable("date: at character {position} takes a date or range such as {example}."),
                             position=lexeme.position + 1, example=_FIELD_EXAMPLES["date"])
        return parse_date_range(lexeme.text)


_FIELD_EXAMPLES = {
    "title": "title:حلب",
    "source": "source:سانا",
    "date": "date:2016-11-01..2016-12-31",
    "tag": "tag:هدنة",
    "selection": 'selection:"Aleppo truce"',
    "has": "has:note",
}


def _article_filter(field: str, lexeme: _Lexeme) -> ArticleFilter:
    if lexeme.kind not in ("word", "phrase") or not lexeme.text.strip():
        raise QueryError(translatable("'{field}:' at character {position} needs a value, for example {example}."),
                         field=field, position=lexeme.position + 1, example=_FIELD_EXAMPLES[field])
    value = lexeme.text.strip()
    if field == "has" and value.lower() not in HAS_VALUES:
        raise QueryError(translatable("'has:{value}' is not a filter: use has:note, has:tag or has:selection."),
                         value=value)
    return ArticleFilter(field, value.lower() if field == "has" else value)

_FUZZY_RE = re.compile(r"^(?P<word>.+?)~(?P<dist>\d*)$")


def _word(lexeme: _Lexeme, field: str | None) -> Word:
    text = lexeme.text
    if text.endswith("*") and len(text.rstrip("*")) > 0:
        return Word(text.rstrip("*"), field, prefix=True)
    if text.strip("*") == "":
        raise QueryError(translatable("'{text}' at character {position} is a wildcard without a word: write the "
                                      "beginning of a word before *, e.g. لافرو*."),
                         text=text, position=lexeme.position + 1)
    match = _FUZZY_RE.match(text)
    if match:
        distance = int(match["dist"]) if match["dist"] else 1
        if not 1 <= distance <= MAX_FUZZY_DISTANCE:
            raise QueryError(translatable("'{text}': fuzzy distance must be 1 or 2 (word~ or word~2)."), text=text)
        return Word(match["word"], field, fuzzy=distance)
    return Word(text, field)


def _join(kind: type[And] | type[Or], nodes: list[Node]) -> Node:
    flat: list[Node] = []
    for node in nodes:
        flat.extend(node.items if isinstance(node, kind) else (node,))
    return kind(tuple(flat))


def parse(text: str, match: str = "all") -> Node:
    """Parse a user query; ``match`` is "all" (words joined by AND) or "any" (joined by OR)."""
    if match not in ("all", "any"):
        raise QueryError(translatable("Unknown match mode '{match}': use 'all' or 'any'."), match=match)
    return _Parser(text, And if match == "all" else Or).parse()


_DATE_PART_RE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def _date_bound(text: str, end: bool, whole: str) -> str:
    """Turn ``2016``, ``2016-11`` or ``2016-11-03`` into the first (or last) ISO day it covers."""
    match = _DATE_PART_RE.match(normalize_digits(text.strip()).replace("/", "-"))
    if not match:
        raise QueryError(translatable("'{text}' is not a date range: write date:YYYY-MM-DD..YYYY-MM-DD (either side "
                                      "may be YYYY or YYYY-MM, or left empty)."), text=whole)
    year = int(match[1])
    month = int(match[2]) if match[2] else (12 if end else 1)
    if not 1 <= month <= 12:
        raise QueryError(translatable("'{text}': month {month} does not exist."), text=whole, month=month)
    last_day = calendar.monthrange(year, month)[1]
    day = int(match[3]) if match[3] else (last_day if end else 1)
    if not 1 <= day <= last_day:
        raise QueryError(translatable("'{text}': day {day} does not exist in {month}."), text=whole, day=day,
                         month=f"{year}-{month:02d}")
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse_date_range(text: str) -> DateRange:
    """Parse the value of ``date:`` into inclusive ISO bounds (see the module docstring)."""
    value = text.strip()
    if ".." in value:
        left, _, right = value.partition("..")
        start = _date_bound(left, end=False, whole=value) if left else None
        end = _date_bound(right, end=True, whole=value) if right else None
        if start is None and end is None:
            raise QueryError(translatable("date:.. needs at least one date, e.g. date:2016-11-01.."))
    else:
        start = _date_bound(value, end=False, whole=value)
        end = _date_bound(value, end=True, whole=value)
    if start and end and start > end:
        raise QueryError(translatable("date:{value} ends before it starts: put the earlier date first."), value=value)
    return DateRange(start, end)
