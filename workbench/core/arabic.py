"""The Arabic text rules of the project: matching normalisation, tokenisation, clitics, stemming.

This module is the ONLY place that knows Arabic orthography; everything else (index, query,
entities, compare) goes through these functions. Normalisation is for matching only: the
display side keeps the original characters, and ``tokenize`` reports offsets into the original
string so highlights land on the original (diacritised) text.

Decisions, deliberately written out instead of using pyarabic's normalisers wholesale
(``normalize_alef`` maps ى to ا and ``normalize_hamza`` maps أ to ء, neither wanted here):

* diacritics (tashkeel incl. shadda, sukun, superscript alef, Quranic marks), tatweel and
  zero-width joiners are removed;
* alef forms أ إ آ ٱ -> ا; alef maqsura ى -> ي; taa marbuta ة -> ه;
* hamza seats ؤ ئ -> ء (the bare hamza). News copy writes the same word as مسئول/مسؤول,
  شئون/شؤون, and the Egyptian convention puts the hamza on the line (يقرءون/يقرؤون); mapping
  both seats to ء makes all of these meet, while ي and و stay distinct letters;
* Arabic-Indic (٠-٩) and Persian (۰-۹) digits -> ASCII, Arabic decimal/thousands
  separators -> . and ,; Arabic punctuation (، ؛ ؟ « » “ ”) -> ASCII equivalents;
* Persian/Urdu letter forms ی ک -> ي ك; presentation forms are folded (NFKC);
* Latin is case-folded and stripped of accents.
"""

from __future__ import annotations

import bisect
import re
import threading
import unicodedata
from collections import OrderedDict
from functools import lru_cache
from typing import NamedTuple

from pyarabic import araby


class Token(NamedTuple):
    """A word of the original text and its normalised form."""

    text: str
    """The original slice ``text[start:end]`` (diacritics and tatweel kept)."""
    start: int
    end: int
    norm: str
    """Normalised form, used for matching."""


_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"
_INVISIBLE = "\u0640\u200c\u200d\u200e\u200f\u061c\ufeff"
_ARABIC_LETTERS = (
    "\u0621-\u063a\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff"
    "\u0750-\u077f\ufb50-\ufd3d\ufd50-\ufdfb\ufe70-\ufefc"
)
DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
"""The digits a number may be written in (ASCII, Arabic-Indic, Persian), as a regex class body."""
_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0370-\u03ff\u0400-\u04ff"

_TOKEN_RE = re.compile(
    f"[{_ARABIC_LETTERS}][{_ARABIC_LETTERS}{_MARKS}{_INVISIBLE}]*"
    f"|[{DIGITS}]+(?:[.,\u066b\u066c][{DIGITS}]+)*"
    f"|[{_LATIN}][{_LATIN}0-9\u0300-\u036f]*"
)
_COMPAT_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
_ACCENTED_RE = re.compile("[\u00c0-\u024f\u0300-\u036f]")
_ARABIC_WORD_RE = re.compile(f"[{_ARABIC_LETTERS}]+")

_DIGIT_TABLE = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)

_LETTER_MAP = {
    araby.ALEF_HAMZA_ABOVE: araby.ALEF,
    araby.ALEF_HAMZA_BELOW: araby.ALEF,
    araby.ALEF_MADDA: araby.ALEF,
    araby.ALEF_WASLA: araby.ALEF,
    araby.ALEF_MAKSURA: araby.YEH,
    araby.TEH_MARBUTA: araby.HEH,
    araby.WAW_HAMZA: araby.HAMZA,
    araby.YEH_HAMZA: araby.HAMZA,
    "\u06cc": araby.YEH,  # Persian yeh ی
    "\u06a9": "\u0643",  # keheh ک -> kaf
}
_PUNCT_MAP = {
    "،": ",", "؛": ";", "؟": "?", "٪": "%", "۔": ".", "٫": ".", "٬": ",",
    "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‘": "'", "’": "'",
}
_NORM_TABLE = {
    **_DIGIT_TABLE,
    **str.maketrans(_LETTER_MAP),
    **str.maketrans(_PUNCT_MAP),
    **{cp: None for cp in range(0x10000) if re.match(f"[{_MARKS}{_INVISIBLE}]", chr(cp))},
}


def normalize_digits(text: str) -> str:
    """Map Arabic-Indic and Persian digits to ASCII, keeping the string length (date parsing)."""
    return text.translate(_DIGIT_TABLE)


_ARABIC_INDIC_TABLE = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def arabic_indic_digits(text: str) -> str:
    """Write ASCII digits as Arabic-Indic ones (٠١٢٣), keeping the length: for display only."""
    return text.translate(_ARABIC_INDIC_TABLE)


def normalize(text: str) -> str:
    """Normalise any text for matching (see the module docstring); never for display."""
    if _COMPAT_RE.search(text):
        text = unicodedata.normalize("NFKC", text)
    text = text.translate(_NORM_TABLE).casefold()
    if _ACCENTED_RE.search(text):
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text


_WORD_NORMS: dict[str, str] = {}
_WORD_CACHE_LIMIT = 60_000
"""Words whose normalised form is memoised: the commonest words cover most tokens, and every
indexing worker holds one such memo (about 200 bytes a word)."""
_RECENT_CHARACTERS = 300_000
"""Characters of recently tokenised texts whose tokens each thread keeps (``_RecentTokens``):
a batch of articles is tokenised by every indexing stage in turn, so the memo must hold a whole
batch (16 news articles are ~50,000 characters, twice that with the index's body fields); about
8 MB of tokens, however long the texts."""


class _RecentTokens(threading.local):
    """The tokens of the texts this thread tokenised last, oldest first (one memo per thread,
    so the GUI's reading and indexing threads never change each other's)."""

    def __init__(self) -> None:
        self.tokens: OrderedDict[str, list[Token]] = OrderedDict()
        self.characters = 0

    def remember(self, text: str, tokens: list[Token]) -> None:
        self.tokens[text] = tokens
        self.characters += len(text)
        while self.characters > _RECENT_CHARACTERS and len(self.tokens) > 1:
            oldest, _ = self.tokens.popitem(last=False)
            self.characters -= len(oldest)


_RECENT = _RecentTokens()


def tokenize(text: str) -> list[Token]:
    """Split text into word tokens: Arabic letter runs (diacritics inside), numbers, Latin words.

    Offsets index the original string. Dates such as 3/11/2016 and SANA-style decimals such as
    8ر1 split into their numbers; 2.5 and ٢٫٥ stay one number.

    This is the hot loop of indexing, where every stage (entities, quotes, near-duplicates) and
    both analysed body fields tokenise the same article: the tokens of recent texts are
    memoised (``_RecentTokens``), and so is each word's normalised form (a dict cleared when it
    grows too big). A text whose first line is followed by a recent text (the index's body
    field is the title, a line break and the article) reuses that text's tokens: no token
    spans a line break, so the tokens of the two parts are the tokens of the whole.
    """
    recent = _RECENT
    tokens = recent.tokens.get(text)
    if tokens is None:
        tokens = _tokens_after_first_line(text, recent.tokens)
        if tokens is None:
            tokens = _scan(text)
        recent.remember(text, tokens)
    return list(tokens)


def _tokens_after_first_line(text: str, known: dict[str, list[Token]]) -> list[Token] | None:
    """The tokens of ``text`` when what follows its first line break is a text in ``known``."""
    line_end = text.find("\n")
    if line_end < 0:
        return None
    rest = known.get(text[line_end + 1:])
    if rest is None:
        return None
    shift = line_end + 1
    new_token = tuple.__new__
    return [*_scan(text[:line_end]),
            *[new_token(Token, (word, start + shift, end + shift, norm)) for word, start, end, norm in rest]]


def _scan(text: str) -> list[Token]:
    norms = _WORD_NORMS
    if len(norms) > _WORD_CACHE_LIMIT:
        norms.clear()
    new_token = tuple.__new__
    tokens = []
    for match in _TOKEN_RE.finditer(text):
        word = match[0]
        norm = norms.get(word)
        if norm is None:
            norm = norms[word] = normalize(word)
        tokens.append(new_token(Token, (word, match.start(), match.end(), norm)))
    return tokens


def is_arabic(norm: str) -> bool:
    """True when the word starts with an Arabic letter (clitic and suffix rules apply)."""
    return bool(norm) and _ARABIC_WORD_RE.match(norm) is not None


def _normalized_words(words: str) -> frozenset[str]:
    """Write word lists in ordinary spelling; they are compared in normalised form."""
    return frozenset(normalize(w) for w in words.split())


_CONJUNCTIONS = "وف"
_PREPOSITIONS = "بكل"
_ARTICLES = ("وبال", "فبال", "وكال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال")
_MIN_AFTER_ARTICLE = 2
_MIN_AFTER_LETTER = 3

# Words whose first letter only looks like a proclitic: و ف ب ك ل (or ال) is a root letter
# here, so the word is never stripped (وزير is not و + زير, لبنان not ل + بنان). Listed as bare
# stems; _KEPT_ENDINGS lets the list cover their inflected forms. The base came from the
# frequent SaudiNewsNet words whose stripped form is almost never seen alone, plus
# frequent words whose stripped form is an unrelated word (بطاقة is not ب + طاقة).
_KEEP = _normalized_words("""
    الله المانيا الماني ألبانيا والد والدة
    وزير وزار وزراء وجود وساءل وفق وفاه وصول وصلت وكال وكيل ولاي وراء وظيف وقعت
    واقع وطن وطني وجدت وحدات وثيق وقوع وسيل وليد ودي ورش وضعت واضح واسع واحد وحد وادي
    وافق واصل ورق واشنطن
    فيما فريق فتر فعاليات فرص فضلا فبراير فيلم فيديو فيفا فلسطين فرح فندق فيينا فروع
    فرنسا فيصل فكر فني فرق فيسبوك
    كبير كبار كبري كثير كاف كافي كانوا كلم كشفت كيلو كلي كيفي كفاء كمي كيلومتر كوريا
    كارتر كون كامل كريم كورونا كردستان كتاب
    بين بينما برنامج برامج بداي بيان بيانات بناء بدات بلغت بعد بعدما بلاد بلد بلدي
    بريطانيا برميل بعيد بقي بيء بعض باريس بغداد بندر بيوت باراك بعث بلاتر باكستان
    بدءا بلاغ باقي بريد باشرت بواب بسيط بيروت بحث بطاق بحري بطول برلين بوتين
    لندن ليست لاعب لكن لافتا لدي ليبيا لبنان ليل لوح لحظ لاحق لعب لويس لاءح لجن لقاء لسان
""")
_KEPT_ENDINGS = (
    "", "ا", "ه", "ي", "ك", "ها", "هم", "هما", "هن", "كم", "نا", "ني", "ان", "ين", "ون",
    "ات", "يه", "يا", "يين", "يون", "يات", "ته", "تها", "تهم", "تنا", "تين", "تان",
)


_KEPT_FORMS = frozenset(stem + ending for stem in _KEEP for ending in _KEPT_ENDINGS)
"""Every _KEEP stem with every _KEPT_ENDINGS suffix: one set lookup per candidate (hot path)."""


def _is_kept(word: str) -> bool:
    """True when word is a _KEEP stem plus one of _KEPT_ENDINGS."""
    return word in _KEPT_FORMS


def _leading_proclitics(norm: str) -> int:
    """How many leading letters could be proclitics: an optional و/ف, then an optional ب/ك/ل."""
    count = 1 if norm[0] in _CONJUNCTIONS else 0
    return count + 1 if len(norm) > count and norm[count] in _PREPOSITIONS else count


WORD_MEMO_SIZE = 30_000
"""Words whose clitic-free form and stem are memoised (and names whose key is). The commonest
words are most of any text; a larger memo mostly holds the long tail of rare words that come
once: at 200,000 (which an indexing worker fills within ~15,000 news articles) the two memos
held ~60 MB per worker for no measurable speed (bench/index_profile.py)."""


@lru_cache(maxsize=WORD_MEMO_SIZE)
def strip_clitics(norm: str) -> str:
    """Remove proclitics from a normalised word: conjunction و/ف, preposition ب/ك/ل, article.

    The article forms (ال وال فال بال كال, and لل = ل + ال) leave at least 2 letters; a bare
    one-letter proclitic is removed only if 3 letters remain and the word is not a known word
    starting with that letter, so للصليب and الصليب both give صليب, بحلب gives حلب, while
    وزير, بيان and لبنان are kept whole.
    """
    if not is_arabic(norm):
        return norm
    for lead in range(_leading_proclitics(norm) + 1):
        if _is_kept(norm[lead:]):
            return norm[lead:]
    for article in _ARTICLES:
        if norm.startswith(article) and len(norm) - len(article) >= _MIN_AFTER_ARTICLE:
            return norm[len(article):]
    word = norm
    for letters in (_CONJUNCTIONS, _PREPOSITIONS):
        if word[0] in letters and len(word) > _MIN_AFTER_LETTER:
            word = word[1:]
    return word


_SUFFIXES = ("تين", "ها", "هم", "هن", "ات", "ون", "ين", "يه", "يا", "ه", "ي")
_MIN_STEM = 3


@lru_cache(maxsize=WORD_MEMO_SIZE)
def stem(norm: str) -> str:
    """Light stem of a normalised word: strip_clitics, then common suffixes while 3 letters remain.

    Suffixes are plural/dual endings, the nisba and feminine endings and attached pronouns
    (so سوري, سورية, السوريين meet at one key). Left alone because they clash with frequent
    stems and names: كم and نا (محاكم, كورونا), and the dual ان (لبنان, ايران, عمان; the oblique
    dual ين is kept). Non-Arabic words pass through unchanged.
    """
    word = strip_clitics(norm)
    if not is_arabic(word):
        return word
    stripped = True
    while stripped:
        stripped = False
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
                word = word[: -len(suffix)]
                stripped = True
                break
    return word


_STOPWORDS = _normalized_words("""
    في من إلى على عن مع منذ حتى عند لدى بين خلال ضد نحو حول دون عبر لدي قبل بعد فوق تحت أمام
    غير سوى ضمن بعض كل جميع أي أية أيه ذلك تلك هذا هذه هذان هذين هاتان هؤلاء أولئك هنا هناك
    الذي التي الذين اللذين اللتين اللذان اللتان اللاتي اللواتي اللتي
    هو هي هم هما هن أنا أنت أنتم نحن إنه إنها أنه أنها إن أن كان كانت كانوا يكون تكون ليس ليست
    لم لن لا ما ماذا متى أين كيف هل لماذا كم إذ إذا إذن لو لولا قد لقد ثم أو أم بل لكن لكنه
    إلا أما إما كما مثل حيث عندما بينما كي لكي ماهو ماهي مما عما فيما بما لما أيضا كذلك
    به بها له لها لهم منه منها فيه فيها عليه عليها عنه عنها إليه إليها معه ذات ذو ذي يا
    a an the of in on at to for and or is are was were be been by with from as that this it its
    what who whom when where how which why not no
""")


def is_stopword(norm: str, through_conjunction: bool = True) -> bool:
    """True for Arabic and English function words (incl. question words) and single letters.

    A leading conjunction is looked through (ومن, فما), since it attaches to function words too,
    unless ``through_conjunction`` is False (inside a name, فان is the van of لويس فان جال).
    """
    if norm in _STOPWORDS or (len(norm) == 1 and is_arabic(norm)):
        return True
    return through_conjunction and len(norm) > 2 and norm[0] in _CONJUNCTIONS and norm[1:] in _STOPWORDS


_MIN_VARIANT_LETTERS = 4
_FINAL_VOWEL_SWAPS = {"ه": "او", "ا": "ه", "و": "ه"}
_LETTER_SWAPS = (("غ", "ج"), ("ج", "غ"), ("مير", "مري"), ("مري", "مير"))


def _one_step_variants(word: str) -> set[str]:
    variants = {word[:-1] + new for new in _FINAL_VOWEL_SWAPS.get(word[-1], "")} if len(word) > 2 else set()
    for old, new in _LETTER_SWAPS:
        if old in word:
            variants.add(word.replace(old, new, 1 if len(old) > 1 else -1))
    return variants


def spelling_variants(norm: str) -> set[str]:
    """Other plausible spellings of a normalised word, as news copy and transliteration vary.

    Final ه/ا/و (سوريه/سوريا, يونيه/يونيو), غ/ج in foreign names (سيرغي/سيرجي,
    هامبورغ/هامبورج) and ي around ر (امريكي/اميركي); at most two changes, so the set stays
    small. Many variants are not real words: the caller keeps only those present in the index.
    ك/ق is not varied: it rarely alternates in Arabic news copy and would join real words.
    Words under _MIN_VARIANT_LETTERS letters, and variants that are stopwords, are left out:
    short native words collide (جده, Jeddah, would also match جدا "very" and غدا "tomorrow").
    """
    if not is_arabic(norm) or len(norm) < _MIN_VARIANT_LETTERS:
        return set()
    first = _one_step_variants(norm)
    second = {v for word in first for v in _one_step_variants(word)}
    return {v for v in first | second if v != norm and not is_stopword(v)}


# -- matching keys: how words and names are compared wherever they are looked up -----------------


def match_key(word: str) -> str:
    """The form a single word is looked up by (gazetteers, trigger lists, tagger features):
    normalised, proclitics and article stripped, so بألمانيا meets ألمانيا."""
    return strip_clitics(normalize(word))


_COMPOUND_NAME_HEAD = "عبد"
"""عبد ("servant of") and the divine name after it are one given name, written with or without a
space (عبد العزيز / عبدالعزيز, عبد الله / عبدالله, عبد ربه / عبدربه)."""


@lru_cache(maxsize=WORD_MEMO_SIZE)
def name_key(name: str) -> str:
    """The matching form of an entity name: its words normalised, space-joined, and each
    compound عبد + X written as one word (عبد الفتاح السيسي = عبدالفتاح السيسي).

    Proclitics are NOT stripped: for extracted mentions the tagger already removed them from
    the first word where the corpus counts vouch for it (``split_proclitics``), while a blanket
    ``strip_clitics`` on names would turn كيري into يري and join it with بيري. A name the user
    types is keyed as written. Applying it to a key again changes nothing.
    """
    words: list[str] = []
    for token in tokenize(name):
        if words and words[-1] == _COMPOUND_NAME_HEAD and is_arabic(token.norm):
            words[-1] += token.norm
        else:
            words.append(token.norm)
    return " ".join(words)


class Proclitics(NamedTuple):
    """A normalised word split into its proclitic letters and the word as it would stand alone."""

    letters: str
    """The proclitic letters in front (و ف ب ك ل combinations), "" when there are none."""
    word: str
    """The word without them, its article kept: وبالعاصمة -> العاصمه."""
    contracted: bool
    """True for لل (ل + ال written with one alef less): the letters cannot be cut off the text."""


@lru_cache(maxsize=20_000)
def split_proclitics(norm: str) -> Proclitics:
    """Split the proclitics off a normalised word, keeping its article (see ``Proclitics``).

    A word with nothing to strip gives ``Proclitics("", norm, False)``. Memoised: quotes and
    entity rules ask for every word of a text, and the commonest words come back at once.
    """
    key = strip_clitics(norm)
    if key == norm or not norm.endswith(key):
        return Proclitics("", norm, False)
    prefix = norm[: len(norm) - len(key)]
    if prefix.endswith("لل"):
        return Proclitics(prefix[:-1], "ال" + key, True)
    if prefix.endswith("ال"):
        return Proclitics(prefix[:-2], "ال" + key, False)
    return Proclitics(prefix, key, False)


def offset_after_letters(text: str, start: int, letters: int) -> int:
    """The offset in ``text`` after ``letters`` letters from ``start``; marks that normalise to
    nothing (diacritics, tatweel) do not count, so a clitic's vowel sign stays with it."""
    offset = start
    while letters and offset < len(text):
        if normalize(text[offset]):
            letters -= 1
        offset += 1
    return offset


def count_arabic_letters(text: str) -> int:
    """How many Arabic letters ``text`` has (encoding detection asks whether text is Arabic)."""
    return sum(len(run) for run in _ARABIC_WORD_RE.findall(text))


# -- numbers, sentences and quotation marks ---------------------------------------------------

_NUMBER_RE = re.compile(
    f"(?<![{DIGITS}])[{DIGITS}]+(?:\u0631[{DIGITS}]+|(?:[.,\u066b\u066c][{DIGITS}]+)*)(?![{DIGITS}])")
_SANA_DECIMAL = "\u0631"
"""SANA and Tishreen write 1.8 as 8ر1: the fraction typed first, ر (ra, for كسر) as the point."""
_THOUSANDS_GROUP_RE = re.compile(r"\d{1,3}(?:[,.]\d{3})+")


class Numeral(NamedTuple):
    """A number written in digits: its place in the text and its value."""

    start: int
    end: int
    value: float


def find_numerals(text: str) -> list[Numeral]:
    """Every number written in digits (Western, Arabic-Indic or Persian), with its value.

    Separators: ٫ is the decimal point and ٬ the thousands separator; ``,`` and ``.`` separate
    thousands when every group after the first has three digits (1,500 and 1.500.000) and are a
    decimal point otherwise (2.5, 2,5); SANA's 8ر1 is 1.8. Dates such as 3/11/2016 give three
    numbers (the date reader in ingest/metadata.py reads them as a date).
    """
    found = []
    for match in _NUMBER_RE.finditer(text):
        value = _numeral_value(normalize_digits(match[0]).replace("\u066c", ",").replace("\u066b", "."))
        if value is not None:
            found.append(Numeral(match.start(), match.end(), value))
    return found


def _numeral_value(digits: str) -> float | None:
    """The value of one matched numeral (digits already ASCII, ٫ and ٬ already . and ,)."""
    if _SANA_DECIMAL in digits:
        fraction, whole = digits.split(_SANA_DECIMAL)
        return float(f"{whole}.{fraction}")
    if _THOUSANDS_GROUP_RE.fullmatch(digits):
        return float(re.sub("[,.]", "", digits))
    if digits.count(",") + digits.count(".") > 1:
        return None  # 3.11.2016, 1.2.3: not one quantity
    return float(digits.replace(",", "."))


_SENTENCE_END_RE = re.compile(r"(?<!\.)[.!?\u061f\u06d4](?!\.)(?![0-9\u0660-\u0669])[\"'»”’)\]]*|\n+")
"""A sentence ends at . ! ? ؟ ۔ (not in 2.5, not in a run of dots: SANA's "قال لافروف.. “…”"
opens a quote) with the closing quotes and brackets after it, and at every line break."""
_CLAUSE_BREAK_RE = re.compile(r"[,;\u060c\u061b]")
"""Commas and semicolons, Arabic and Latin: where an over-long sentence may be cut into clauses."""
QUOTE_OPENERS = "«“”\"'„"
"""Marks that open a quotation. Arabic copy uses ” (and even ' in some outlets) as an opener too."""


def sentence_spans(text: str, clause_words: int | None = None) -> list[tuple[int, int]]:
    """[start, end) spans of the sentences of ``text``, whitespace trimmed, empty ones dropped.

    With ``clause_words``, a sentence of more words than that is also cut after its commas and
    semicolons (، ؛ , ;) into pieces of at least ``clause_words // 2`` words: Arabic news often
    runs a whole paragraph as one comma-spliced sentence.
    """
    spans = []
    start = 0
    for match in _SENTENCE_END_RE.finditer(text):
        spans.extend(_clauses(text, start, match.end(), clause_words))
        start = match.end()
    spans.extend(_clauses(text, start, len(text), clause_words))
    return spans


def _clauses(text: str, start: int, end: int, clause_words: int | None) -> list[tuple[int, int]]:
    pieces = []
    if clause_words is not None and len(_TOKEN_RE.findall(text, start, end)) > clause_words:
        minimum = clause_words // 2
        piece_start = start
        for match in _CLAUSE_BREAK_RE.finditer(text, start, end):
            if (len(_TOKEN_RE.findall(text, piece_start, match.end())) >= minimum
                    and len(_TOKEN_RE.findall(text, match.end(), end)) >= minimum):
                pieces.append((piece_start, match.end()))
                piece_start = match.end()
        pieces.append((piece_start, end))
    else:
        pieces.append((start, end))
    return [span for piece in pieces if (span := _trimmed(text, *piece))[0] < span[1]]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_SENTENCE_REACH = 1000
"""How far a sentence may reach on either side of a span: text with no punctuation is cut there."""


class Sentences:
    """The sentences of one text (``sentence_spans``), found once, for the sentence around any span."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._spans = sentence_spans(text)
        self._starts = [start for start, _ in self._spans]

    def around(self, start: int, end: int) -> tuple[int, int]:
        """[start, end) of the sentence(s) holding the span [start, end), at most ``_SENTENCE_REACH``
        characters either side of it."""
        if not self._spans:
            return start, end
        first = max(bisect.bisect_right(self._starts, start) - 1, 0)
        last = max(bisect.bisect_left(self._starts, end) - 1, first)
        begin = min(max(self._spans[first][0], start - _SENTENCE_REACH), start)
        finish = max(min(self._spans[last][1], end + _SENTENCE_REACH), end)
        return begin, finish


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The [start, end) offsets of the sentence of ``text`` holding the span [start, end) (see
    ``Sentences``, which is faster for many spans of one text)."""
    return Sentences(text).around(start, end)
