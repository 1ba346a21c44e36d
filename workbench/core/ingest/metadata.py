"""Article metadata: dates, source names, title/source/date/author found in the text, sidecar.

Text rules, learned from the seed articles (plain text copied from news sites):

* a breadcrumb first line ``الرئيسية / دولي / <title>`` gives the title (its last part);
* a short Latin handle or ``بقلم: ...`` line in the first lines is a byline (the author);
* a dateline first line such as ``موسكو-جنيف-سانا`` gives the source (its last part) and is
  never the title;
* an attribution line ``(المصدر: وكالة سانا للأنباء، بتاريخ 3/11/2016)`` or
  ``Posted from صحيفة تشرين`` near the end gives the source, and the date when it has one;
* the title is otherwise a short first line, else the first sentence cut at a word boundary.

Source names go through ``canonical_source``: a small table of agency aliases so one outlet
gets one name (سانا / وكالة سانا للأنباء / SANA -> سانا). Unknown names are kept as written.

The sidecar is a CSV file named ``workbench-metadata.csv`` at the corpus root that corrects
metadata without touching the articles. Columns (header row required, names case-insensitive):

``path``
    the file's POSIX path relative to the corpus root (``reports/a.txt``), which applies to
    every article of the file, or an article id (``news.jsonl#12``) for one record of a
    collection; record rows win over file rows.
``title``, ``source``, ``date``, ``url``, ``author``
    optional; a non-empty cell replaces what was extracted. ``date`` accepts whatever
    ``parse_date`` reads (2016-11-03, 3/11/2016, 3 تشرين الثاني 2016) and is stored as ISO.

The sidecar may be UTF-8 (with or without BOM), UTF-16 with BOM or Arabic Windows-1256.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from workbench.core.arabic import normalize, normalize_digits
from workbench.core.ingest.decoding import DecodingError, decode_bytes
from workbench.core.messages import Message, translatable

SIDECAR_NAME = "workbench-metadata.csv"
SIDECAR_FIELDS = ("title", "source", "date", "url", "author")

TITLE_MAX_CHARS = 100
"""A first sentence longer than this is cut at a word boundary and ends with an ellipsis."""
SHORT_LINE_MAX_WORDS = 15
"""A first line this short (and not ending like a sentence) is taken as the title."""
HEADER_LINES = 4
"""How many leading lines may hold breadcrumb, dateline and byline."""
FOOTER_LINES = 6
"""How many trailing lines may hold an attribution (source/date) line."""
DATE_LINE_MAX_WORDS = 8
"""A header or footer line this short that holds a date gives the article's date."""

GREGORIAN_MONTHS = ("يناير", "فبراير", "مارس", "أبريل إبريل", "مايو", "يونيو يونيه",
                    "يوليو يوليه", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر")
"""Egyptian/Gulf month names (transliterated), January first; variants separated by spaces."""
SYRIAC_MONTHS = ("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب",
                 "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول")
"""Levantine/Iraqi month names, January first."""
MAGHREB_MONTHS = ("جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر",
                  "أكتوبر", "نوفمبر", "ديسمبر")
"""Algerian/Tunisian month names, January first."""

SOURCE_ALIASES: Mapping[str, tuple[str, ...]] = {
    "سانا": ("سانا", "وكالة سانا", "وكالة سانا للأنباء", "الوكالة العربية السورية للأنباء",
             "SANA", "Syrian Arab News Agency"),
    "واس": ("واس", "وكالة الأنباء السعودية", "SPA", "Saudi Press Agency"),
    "رويترز": ("رويترز", "وكالة رويترز", "Reuters"),
    "فرانس برس": ("فرانس برس", "وكالة فرانس برس", "أ ف ب", "أ.ف.ب", "AFP"),
    "سبوتنيك": ("سبوتنيك", "وكالة سبوتنيك", "Sputnik"),
    "الأناضول": ("الأناضول", "وكالة الأناضول", "Anadolu"),
}
"""Canonical source name -> the ways articles write it (compared after ``normalize``)."""


@dataclass(frozen=True)
class Line:
    """One non-blank line of a text: its stripped content and that content's [start, end)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class TextMetadata:
    """Metadata found in an article's own text; "" where nothing was found."""

    title: str = ""
    source: str = ""
    date: str = ""
    author: str = ""


@dataclass(frozen=True)
class Sidecar:
    """Parsed sidecar: overrides per file path or article id, plus problems to report."""

    overrides: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    problems: tuple[Message, ...] = ()


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of ``text`` with the offsets of their stripped content."""
    lines = []
    start = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            begin = start + len(raw) - len(raw.lstrip())
            lines.append(Line(begin, begin + len(stripped), stripped))
        start += len(raw) + 1
    return lines


# --- dates ------------------------------------------------------------------------------------

def _month_table() -> dict[str, int]:
    """Normalised month name -> month number, for all three naming systems."""
    table: dict[str, int] = {}
    for names in (SYRIAC_MONTHS, GREGORIAN_MONTHS, MAGHREB_MONTHS):
        for number, variants in enumerate(names, 1):
            spellings = [variants] if names is SYRIAC_MONTHS else variants.split()
            for spelling in spellings:
                table[normalize(spelling)] = number
    return table


_MONTHS = _month_table()
_MONTH_ALT = "|".join(re.escape(name).replace(r"\ ", r"\s+")
                      for name in sorted(_MONTHS, key=len, reverse=True))
_NAMED_DATE_RE = re.compile(
    rf"(?<!\d)(\d{{1,2}})\s*(?:من\s+)?(?:شهر\s+)?({_MONTH_ALT})(?![^\W\d_])"
    rf"(?:\s*[/(\-]\s*(?:{_MONTH_ALT})\s*\)?)?\s*,?\s*(?:عام\s+|سنه\s+)?(\d{{4}})(?!\d)")
_YMD_RE = re.compile(r"(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)")
_DMY_RE = re.compile(r"(?<!\d)(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?!\d)")
_YEARS = range(1900, 2101)


def parse_date(text: str) -> str | None:
    """The first full date in ``text`` as ISO ``YYYY-MM-DD``, or None.

    Reads 2016-11-03 (also with a time after it), 3/11/2016, 3-11-2016 and 3.11.2016 (day
    first, as Arabic news writes it; month first only when day first is impossible), the same
    with Arabic-Indic or Persian digits, and "3 تشرين الثاني 2016", "3 نوفمبر 2016",
    "3 أيلول/سبتمبر 2016" in the Levantine, Egyptian and Maghrebi month names. A month and year
    without a day is not a date here.
    """
    norm = normalize(normalize_digits(text))
    found: list[tuple[int, str]] = []
    if (match := _YMD_RE.search(norm)) and (iso := _iso(match[1], match[3], match[4])):
        found.append((match.start(), iso))
    if (match := _DMY_RE.search(norm)) and (
            iso := _iso(match[4], match[3], match[1]) or _iso(match[4], match[1], match[3])):
        found.append((match.start(), iso))
    if (match := _NAMED_DATE_RE.search(norm)) and (
            iso := _iso(match[3], str(_MONTHS[re.sub(r"\s+", " ", match[2])]), match[1])):
        found.append((match.start(), iso))
    return min(found)[1] if found else None


def _iso(year: str, month: str, day: str) -> str | None:
    """ISO date of the parts, or None when they are not a real day in 1900-2100."""
    try:
        value = datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None
    return value.isoformat() if value.year in _YEARS else None


# --- sources ----------------------------------------------------------------------------------

def _source_key(name: str) -> str:
    """Comparison key of a source name: normalised, dots and quotes dropped, spaces single."""
    return " ".join(re.sub(r"[.\"'()]", " ", normalize(name)).split())


_SOURCE_INDEX = {_source_key(alias): canonical
                 for canonical, aliases in SOURCE_ALIASES.items() for alias in aliases}


def canonical_source(name: str) -> str:
    """The canonical name of a known outlet, else ``name`` with quotes and spaces tidied."""
    tidy = " ".join(name.strip().strip("«»\"'“”()").split())
    return _SOURCE_INDEX.get(_source_key(tidy), tidy)


def is_known_source(name: str) -> bool:
    """True when ``name`` is one of the aliases in SOURCE_ALIASES."""
    return _source_key(name) in _SOURCE_INDEX


# --- line rules -------------------------------------------------------------------------------

_BREADCRUMB_RE = re.compile(r"^(?:ا?لرئيسية|الصفحة الرئيسية|home)\s*[/»>›|]\s*(.+)$", re.I)
_BREADCRUMB_SPLIT_RE = re.compile(r"\s*[/»>›|]\s*")
_BYLINE_PREFIX_RE = re.compile(
    r"^(?:بقلم|كتب|كتبت|كتبه|إعداد|اعداد|تحرير|by)(?:\s+و\S+)?\s*[:：\-–—]?\s*(\S.{0,40}?)\s*:?$",
    re.I)
_HANDLE_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_.\-]*(?: [A-Za-z][A-Za-z0-9_.\-]*){0,2}$")
_DATELINE_PART = r"[^\W\d_]+(?: [^\W\d_]+){0,2}"
_DATELINE_RE = re.compile(rf"^{_DATELINE_PART}(?:\s*[-–—]\s*{_DATELINE_PART}){{1,4}}$")
_COMPACT_DATELINE_RE = re.compile(r"^[^\W\d_]+(?:[-–—][^\W\d_]+){1,4}$")
_DATELINE_SPLIT_RE = re.compile(r"\s*[-–—]\s*")
_ATTRIBUTION_RE = re.compile(
    r"^[(\[]?\s*(?:المصدر|مصدر الخبر|source)\s*[:：]\s*(.+?)\s*[)\]]?\s*\.?$", re.I)
_ATTRIBUTION_DATE_RE = re.compile(r"\s*[،,]\s*(?:بتاريخ|في|تاريخ)\b.*$")
_POSTED_FROM_RE = re.compile(r"^posted from\s+(\S.*?)\s*\.?$", re.I)
_SENTENCE_END_RE = re.compile(r"(?<![.])[.!?؟](?![.])(?=\s|$)")
_URL_RE = re.compile(r"^(?:https?://|www\.)\S+$", re.I)


def breadcrumb_tail(line: str) -> str | None:
    """The last part of a site breadcrumb line (``الرئيسية / دولي / <title>``), else None."""
    match = _BREADCRUMB_RE.match(line)
    if not match:
        return None
    tail = _BREADCRUMB_SPLIT_RE.split(match[1])[-1].strip()
    return tail or None


def byline_author(line: str, allow_handle: bool = True) -> str | None:
    """The author named by a byline line, else None.

    ``بقلم: ...``-style lines always count; a bare Latin handle (``elmaouid``, as CMS pages
    print the account that posted) only with ``allow_handle``: callers refuse it on the first
    line, where it is more likely a heading.
    """
    if match := _BYLINE_PREFIX_RE.match(line):
        return match[1].strip()
    if allow_handle and _HANDLE_RE.match(line) and len(line) <= 40:
        return line
    return None


def dateline_source(line: str) -> str | None:
    """The source a dateline line names (``موسكو-جنيف-سانا`` -> سانا), else None.

    A line of place names joined by hyphens counts when its last part is a known agency, or when
    the parts are joined without spaces (the agency style); "روسيا - تركيا" alone is a title.
    """
    if not _DATELINE_RE.match(line):
        return None
    last = _DATELINE_SPLIT_RE.split(line)[-1]
    if is_known_source(last) or _COMPACT_DATELINE_RE.match(line):
        return canonical_source(last)
    return None


def attribution(line: str) -> tuple[str, str] | None:
    """(source, ISO date or "") of an attribution line, else None.

    Recognises ``(المصدر: وكالة سانا للأنباء، بتاريخ 3/11/2016)`` and ``Posted from <outlet>``.
    """
    if match := _POSTED_FROM_RE.match(line):
        return canonical_source(match[1]), ""
    if match := _ATTRIBUTION_RE.match(line):
        date = parse_date(match[1]) or ""
        source = _ATTRIBUTION_DATE_RE.sub("", match[1])
        return canonical_source(source), date
    return None


def is_url_line(line: str) -> bool:
    """True when the whole line is one web address."""
    return _URL_RE.match(line) is not None


def first_sentence_title(line: str) -> str:
    """The first sentence of a paragraph, cut at a word boundary near TITLE_MAX_CHARS."""
    match = _SENTENCE_END_RE.search(line)
    sentence = line[:match.start()] if match else line
    if len(sentence) <= TITLE_MAX_CHARS:
        return sentence.strip()
    cut = sentence.rfind(" ", 0, TITLE_MAX_CHARS)
    return sentence[:cut if cut > 0 else TITLE_MAX_CHARS].rstrip(" ،,:;-") + "…"


def _is_title_line(line: Line, has_next: bool) -> bool:
    """True when a leading line is short and not sentence-shaped, as headlines are."""
    return (has_next and len(line.text.split()) <= SHORT_LINE_MAX_WORDS
            and not line.text.endswith((".", ":", "،", ",")) and not is_url_line(line.text))


def extract_metadata(text: str) -> TextMetadata:
    """Title, source, date and author found in an article's text (see the module docstring)."""
    lines = split_lines(text)
    title = source = author = date = ""
    body_start = 0
    for line in lines[:HEADER_LINES]:
        if tail := breadcrumb_tail(line.text):
            title = title or tail
        elif found := dateline_source(line.text):
            source = source or found
        elif name := byline_author(line.text, allow_handle=body_start > 0):
            author = author or name
        else:
            break
        body_start += 1
    if not title and body_start < len(lines):
        first = lines[body_start]
        has_next = body_start + 1 < len(lines)
        title = first.text if _is_title_line(first, has_next) else first_sentence_title(first.text)
    footer = lines[max(body_start, len(lines) - FOOTER_LINES):]
    for line in reversed(footer):
        if found_attribution := attribution(line.text):
            source = found_attribution[0] or source
            date = date or found_attribution[1]
            break
    if not date:
        edges = lines[:HEADER_LINES] + footer
        date = next((found for line in edges if len(line.text.split()) <= DATE_LINE_MAX_WORDS
                     and (found := parse_date(line.text))), "")
    return TextMetadata(title=title, source=source, date=date, author=author)


# --- sidecar ----------------------------------------------------------------------------------

_sidecar_cache: dict[Path, tuple[tuple[int, int], Sidecar]] = {}
_sidecar_lock = threading.Lock()


def load_sidecar(root: Path) -> Sidecar:
    """The sidecar of a corpus root (empty when there is none), re-read only when it changes.

    Cached per root and keyed by the file's mtime and size, so reading 30,000 articles costs
    one ``stat`` per file, not one CSV parse.
    """
    path = Path(root) / SIDECAR_NAME
    try:
        stat = path.stat()
    except OSError:
        return Sidecar()
    key = (stat.st_mtime_ns, stat.st_size)
    with _sidecar_lock:
        cached = _sidecar_cache.get(path)
        if cached is not None and cached[0] == key:
            return cached[1]
    sidecar = _parse_sidecar(path)
    with _sidecar_lock:
        _sidecar_cache[path] = (key, sidecar)
    return sidecar


def _parse_sidecar(path: Path) -> Sidecar:
    """Read and check a sidecar file; problems are collected, never raised."""
    try:
        text = decode_bytes(path.read_bytes()).text
    except OSError as exc:
        return Sidecar(problems=(Message(translatable("It cannot be read ({reason}): check its permissions."),
                                         {"reason": exc.strerror}),))
    except DecodingError as exc:
        return Sidecar(problems=(Message(exc.template),))
    try:
        rows = list(csv.reader(io.StringIO(text)))
    except csv.Error as exc:
        return Sidecar(problems=(Message(translatable("It is not valid CSV ({error}): fix it in a spreadsheet."),
                                         {"error": exc}),))
    header = [name.strip().lower() for name in rows[0]] if rows else []
    if "path" not in header:
        return Sidecar(problems=(Message(translatable("It has no 'path' column: its first row must name the columns "
                                                      "path,title,source,date,url,author.")),))
    overrides: dict[str, dict[str, str]] = {}
    problems: list[Message] = []
    for number, row in enumerate(rows[1:], 2):
        cells = {name: value.strip() for name, value in zip(header, row, strict=False)}
        key = cells.get("path", "").replace("\\", "/").removeprefix("./")
        if not key:
            continue
        values = {name: cells[name] for name in SIDECAR_FIELDS if cells.get(name)}
        if "date" in values:
            iso = parse_date(values["date"])
            if iso is None:
                problems.append(Message(translatable("Row {row}: '{value}' is not a date (write 2016-11-03); that cell "
                                                     "was ignored."), {"row": number, "value": values["date"]}))
                del values["date"]
            else:
                values["date"] = iso
        overrides.setdefault(key, {}).update(values)
    return Sidecar(overrides=overrides, problems=tuple(problems))


def apply_sidecar(sidecar: Sidecar, relpath: str, article_id: str) -> Mapping[str, str]:
    """The overrides for one article: its file's row, then its own row on top."""
    merged = dict(sidecar.overrides.get(relpath, {}))
    if article_id != relpath:
        merged.update(sidecar.overrides.get(article_id, {}))
    return merged
