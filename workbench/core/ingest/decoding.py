"""Bytes to text: which encoding a file uses, and decoding that survives a few bad bytes.

Detection order, the same for a whole file and for the first 64 KiB of a streamed collection:

1. a byte-order mark decides (UTF-8, UTF-16 LE/BE);
2. UTF-16 without a BOM, only when the bytes clearly are: the high byte of nine code units in
   ten takes one or two values (0x06 for Arabic, 0x00 for Latin), the text decodes without
   error and has (almost) no control characters;
3. NUL bytes in more than 1% of the bytes mean a binary file;
4. strict UTF-8;
5. for HTML only, the charset the page declares in a ``<meta>`` tag;
6. mostly-valid UTF-8: at most 5% of the non-ASCII bytes are invalid. They become U+FFFD and
   are counted, so the user is told; one broken byte no longer costs the article;
7. Windows-1256 (legacy Arabic Windows), only when the text is plausibly Arabic: most of its
   letters are Arabic and at most 5% of its characters are control characters;
8. anything else is "binary" when it is full of control characters, else "encoding".

Latin-1 is never guessed: a file that fails all of these is reported so the user can re-save
it as UTF-8, instead of being indexed as mojibake.

Every decoded string then goes through ``scrub``: lone UTF-16 surrogates (``"\\ud83d"`` in JSON,
left by a cut emoji; undecodable bytes, which decoding maps to surrogates) become U+FFFD, and
control characters other than whitespace (NUL, ``\\x1a``) are removed, each counted. After
``scrub`` a string always encodes to UTF-8, so no later stage can fail on it.

Collections exported by web scrapers often keep the page's HTML character references in their
fields (``&quot;سبق&quot;``, ``&nbsp;``, ``&#8220;``: 237 of SaudiNewsNet's 31,030 records).
``unescape_references`` turns complete references (with their semicolon) into the characters
they stand for; a bare ``&`` and legacy forms without a semicolon (``&copy`` in a URL's query)
stay as they are.
"""

from __future__ import annotations

import codecs
import html
import re
from collections import Counter
from dataclasses import dataclass

from workbench.core import arabic
from workbench.core.messages import translatable

__all__ = ["Decoded", "DecodingError", "Scrubbed", "decode_bytes", "is_plausibly_arabic", "normalize_newlines",
           "scrub", "sniff_encoding"]

SNIFF_BYTES = 64 * 1024
"""How much of a file the detection looks at."""
NUL_MAX_SHARE = 0.01
"""More NUL bytes than this (outside UTF-16) make a file binary; a stray NUL does not."""
CONTROL_MAX_SHARE = 0.05
"""More control characters than this make a text binary. A real article with 26 ``\\x1a`` in
2,100 characters (1.2%) is text; random bytes decode to about 11% control characters."""
INVALID_UTF8_MAX_SHARE = 0.05
"""At most this share of the non-ASCII bytes may be invalid for a file to count as UTF-8 with
a few bad bytes. Arabic Windows-1256 is about 100% invalid as UTF-8, so the two never meet."""
ARABIC_MIN_SHARE = 0.5
UTF16_HIGH_BYTE_SHARE = 0.9

UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_WHITESPACE_CONTROLS = "\t\n\r\f\v"
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
"""Control characters removed from text: C0 and DEL, except tab, newlines, form feed, vertical tab."""
_SURROGATE_RE = re.compile("[\ud800-\udfff]+")
_SCRUB_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff]")
"""Anything ``scrub`` changes: one scan finds whether a string needs it (most do not)."""
_ESCAPED_BYTE_RE = re.compile("[\udc80-\udcff]")
"""What ``surrogateescape`` turns each undecodable byte into."""
REPLACEMENT = "\ufffd"


class DecodingError(Exception):
    """Bytes that are not text this module can read; ``reason`` is "binary" or "encoding" and
    ``template`` the explanation (a ``translatable`` template without fields)."""

    def __init__(self, reason: str, template: str) -> None:
        super().__init__(template)
        self.reason = reason
        self.template = template


@dataclass(frozen=True)
class Scrubbed:
    """A string made safe, with what was changed in it."""

    text: str
    escaped_bytes: int = 0
    """Undecodable bytes (``surrogateescape`` made each one of U+DC80-U+DCFF) replaced by U+FFFD."""
    surrogates: int = 0
    """Other lone surrogates (a ``\\ud83d`` escape in JSON, a bad UTF-16 unit) replaced by U+FFFD."""
    controls: int = 0
    """Control characters removed."""


@dataclass(frozen=True)
class Decoded:
    """A whole file decoded: the text, the encoding used, and how many bytes were invalid."""

    text: str
    encoding: str
    replaced_bytes: int
    controls: int


_REFERENCE_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def unescape_references(text: str) -> str:
    """``text`` with its HTML character references (``&quot;``, ``&#8220;``, ``&#x627;``)
    replaced by their characters; anything else, a bare ``&`` included, left as it is."""
    if "&" not in text:
        return text
    return _REFERENCE_RE.sub(lambda match: html.unescape(match.group()), text)


def scrub(text: str) -> Scrubbed:
    """``text`` with lone surrogates replaced by U+FFFD (a run of them by one) and control
    characters removed (see the module docstring), each counted."""
    if not _SCRUB_RE.search(text):
        return Scrubbed(text)
    escaped = surrogates = controls = 0
    if _SURROGATE_RE.search(text):
        def replace(match: re.Match[str]) -> str:
            nonlocal escaped, surrogates
            run = match.group()
            bytes_in_run = len(_ESCAPED_BYTE_RE.findall(run))
            escaped += bytes_in_run
            surrogates += len(run) - bytes_in_run
            return REPLACEMENT
        text = _SURROGATE_RE.sub(replace, text)
    text, controls = _CONTROL_RE.subn("", text)
    return Scrubbed(text, escaped, surrogates, controls)


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode a whole text file following the module's detection order; raises DecodingError."""
    encoding = sniff_encoding(data[:SNIFF_BYTES], declared, whole=len(data) <= SNIFF_BYTES)
    text = decode_with(data, encoding)
    if _control_share(text) > CONTROL_MAX_SHARE:
        raise DecodingError("binary", translatable("This looks like a binary file, not text (it is full of control "
                                                   "characters). Export the document as plain UTF-8 text."))
    scrubbed = scrub(text)
    return Decoded(normalize_newlines(scrubbed.text), encoding, replaced_bytes(scrubbed, encoding), scrubbed.controls)


def replaced_bytes(scrubbed: Scrubbed, encoding: str) -> int:
    """How many bytes of the file the surrogates ``scrub`` replaced stood for (after ``decode_with``)."""
    if encoding.startswith("utf-16"):
        return 2 * (scrubbed.escaped_bytes + scrubbed.surrogates)
    return scrubbed.escaped_bytes + scrubbed.surrogates


def decode_with(data: bytes, encoding: str) -> str:
    """Decode with a codec ``sniff_encoding`` chose; undecodable bytes become lone surrogates
    (UTF-8) or stay lone surrogates (UTF-16), for ``scrub`` to replace and count."""
    if encoding.startswith("utf-16"):
        if len(data) % 2:
            data += b"\xfd\xff" if encoding.endswith("le") else b"\xff\xfd"  # a dangling byte: one U+FFFD
        return data.decode(encoding, "surrogatepass")
    return data.decode(encoding, "surrogateescape")


def sniff_encoding(head: bytes, declared: str | None = None, whole: bool = False) -> str:
    """The codec for a file, judged on its first bytes (all of them when ``whole``).

    Returns a Python codec name: "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-8",
    a declared charset, or "cp1256". Raises DecodingError for binary or unknown encodings.
    """
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith(UTF16_BOMS):
        return "utf-16"
    utf16 = _utf16_without_bom(head)
    if utf16 is not None:
        return utf16
    if head.count(b"\x00") > NUL_MAX_SHARE * len(head):
        raise DecodingError("binary", translatable("This is a binary file, not text (it contains NUL bytes). "
                                                   "If it is text, export it again as UTF-8."))
    if _is_utf8(head, whole):
        return "utf-8"
    if declared and _known_codec(declared) not in (None, "utf-8"):
        try:
            head.decode(declared)
            return declared
        except (UnicodeDecodeError, LookupError):
            pass
    if _mostly_utf8(head):
        return "utf-8"
    cp1256 = head.decode("cp1256")
    if is_plausibly_arabic(cp1256):
        return "cp1256"
    if _control_share(cp1256) > CONTROL_MAX_SHARE:
        raise DecodingError("binary", translatable("This looks like a binary file, not text (it is full of control "
                                                   "characters). Export the document as plain UTF-8 text."))
    raise DecodingError("encoding", translatable("The text encoding is not UTF-8 and does not look like Arabic "
                                                 "Windows-1256. Open the file in a text editor and save it as UTF-8."))


def normalize_newlines(text: str) -> str:
    """Turn Windows and old Mac line endings into ``\\n``."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def is_plausibly_arabic(text: str) -> bool:
    """True when most letters of ``text`` are Arabic and it has few control characters."""
    letters = sum(1 for char in text if char.isalpha())
    arabic_letters = arabic.count_arabic_letters(text)
    return arabic_letters > 0 and arabic_letters >= ARABIC_MIN_SHARE * letters and (
        _control_share(text) <= CONTROL_MAX_SHARE)


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:SNIFF_BYTES]
    return len(_CONTROL_RE.findall(sample)) / len(sample)


def _count_escaped(text: str) -> int:
    """Undecodable bytes in a string decoded with ``surrogateescape``."""
    return len(_ESCAPED_BYTE_RE.findall(text))


def _is_utf8(head: bytes, whole: bool) -> bool:
    """Strict UTF-8 (a sequence cut by the end of a partial head is fine)."""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=whole)
    except UnicodeDecodeError:
        return False
    return True


def _mostly_utf8(head: bytes) -> bool:
    """UTF-8 with a few invalid bytes: at most INVALID_UTF8_MAX_SHARE of the non-ASCII bytes."""
    non_ascii = len(head.translate(None, bytes(range(128))))
    invalid = _count_escaped(head.decode("utf-8", "surrogateescape"))
    return non_ascii > 0 and invalid <= INVALID_UTF8_MAX_SHARE * non_ascii


def _utf16_without_bom(head: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when ``head`` is clearly UTF-16 text without a BOM, else None."""
    sample = head[:len(head) - len(head) % 2]
    if len(sample) < 8:
        return None
    for codec, high_bytes in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        common = sum(count for _, count in Counter(high_bytes).most_common(2))
        if common < UTF16_HIGH_BYTE_SHARE * len(high_bytes):
            continue
        try:
            text = codecs.getincrementaldecoder(codec)().decode(sample, final=False)
        except UnicodeDecodeError:
            continue
        if text.strip() and _control_share(text) <= 0.01 and not _SURROGATE_RE.search(text):
            return codec
    return None


def _known_codec(name: str) -> str | None:
    """Python's canonical codec name for a declared charset, or None if Python has none."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None
