"""The word classes the entity rules use, read from resources/gazetteers/.

``tools/build_gazetteers.py`` writes them in display spelling; here every entry is keyed the
way the rules compare it, through ``workbench.core.arabic`` (no letter rule lives here):

- words a span is compared by are ``match_key`` forms (clitics and article off), so بمطار
  meets مطار and الجمعة meets جمعه;
- names are ``name_key`` forms (whole, article kept), the keys of the entity catalog.

Files (``#`` starts a comment line):

``closed_month.txt``, ``closed_weekday.txt``, ``closed_currency.txt``, ``closed_letter.txt``, ``closed_word.txt``
    closed classes: a mention that is only one of these is no entity (نيسان, الخميس, ريال, بي, الله);
``title_words.txt``
    titles and roles trimmed off the edges of a person's name (الرئيس, ولي, صاحب السمو);
``rank_titles.txt``
    the titles kept before a lone given name because together they name one person (الملك فهد);
``facility_heads.tsv``
    ``word<TAB>TYPE``: heads of places, bodies and events named after people (مطار, مستشفى, دوري);
``organization_generic.txt``
    words that do not complete an organisation's name after its head (العامة, الإدارة);
``given_names.txt``
    given names: a person entity named only by one of these is a fragment;
``aliases.tsv``
    tab-separated names of one entity, its usual name first (السعودية, المملكة العربية السعودية).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from workbench.core import arabic, paths

__all__ = ["Lexicon", "default_lexicon"]

CLOSED_CLASSES = ("month", "weekday", "currency", "letter", "word")


def _lines(path: Path) -> Iterator[str]:
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                yield line.strip()


def _word_keys(path: Path) -> frozenset[str]:
    return frozenset(key for line in _lines(path) for word in line.split() if (key := arabic.match_key(word)))


@dataclass(frozen=True)
class Lexicon:
    """Word classes keyed for comparison (see the module docstring)."""

    closed: dict[tuple[str, ...], str]
    """Match-key tuple of a closed-class entry -> its class (month, weekday, currency, letter, word)."""
    titles: frozenset[str]
    """Match keys of title words."""
    rank_titles: frozenset[str]
    """Match keys of rank titles."""
    rank_names: frozenset[str]
    """Name keys of rank titles (the first word of a mention such as الملك سلمان)."""
    facility_heads: dict[str, str]
    """Match key of a facility head -> the ANERcorp label its name gets (LOC, ORG, MISC)."""
    organization_generic: frozenset[str]
    """Match keys of generic organisation words."""
    given_names: frozenset[str]
    """Name keys of single given names."""
    aliases: dict[str, int]
    """Name key of an alias -> its alias set's number."""
    alias_names: tuple[str, ...]
    """Per alias set, its usual name (display spelling)."""

    @classmethod
    def load(cls, folder: Path) -> Lexicon:
        """Read the lists in ``folder`` (missing files give empty classes)."""
        closed = {tuple(arabic.match_key(word) for word in line.split()): kind
                  for kind in CLOSED_CLASSES for line in _lines(folder / f"closed_{kind}.txt")}
        heads = {}
        for line in _lines(folder / "facility_heads.tsv"):
            word, _, type_ = line.partition("\t")
            heads[arabic.match_key(word)] = {"LOCATION": "LOC", "ORGANIZATION": "ORG"}.get(type_.strip(), "MISC")
        aliases: dict[str, int] = {}
        names: list[str] = []
        for line in _lines(folder / "aliases.tsv"):
            spellings = [name for name in line.split("\t") if name.strip()]
            for name in spellings:
                aliases.setdefault(arabic.name_key(name), len(names))
            names.append(spellings[0])
        given = frozenset(key for line in _lines(folder / "given_names.txt")
                          if " " not in (key := arabic.name_key(line)) and key)
        return cls(closed=closed, titles=_word_keys(folder / "title_words.txt"),
                   rank_titles=_word_keys(folder / "rank_titles.txt"),
                   rank_names=frozenset(arabic.name_key(line) for line in _lines(folder / "rank_titles.txt")),
                   facility_heads=heads,
                   organization_generic=_word_keys(folder / "organization_generic.txt"),
                   given_names=given, aliases=aliases, alias_names=tuple(names))

    def is_given_name(self, key: str) -> bool:
        """True when a name key is one given name alone (محمد, عبدالعزيز)."""
        return key in self.given_names

    def first_name(self, words: tuple[str, ...]) -> str | None:
        """The given name of a name key's words that is only a given name, with or without a rank
        title (محمد; الملك سلمان -> سلمان); None for any other name."""
        if len(words) == 1 and words[0] in self.given_names:
            return words[0]
        if len(words) == 2 and words[0] in self.rank_names and words[1] in self.given_names:
            return words[1]
        return None


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The shipped word classes, loaded once per process."""
    return Lexicon.load(paths.resources_dir() / "gazetteers")
