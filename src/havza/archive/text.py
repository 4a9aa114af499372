"""Bytes to clean text, and the small text helpers every parser of the archive shares."""

from __future__ import annotations

import re
import unicodedata

import ftfy
from ftfy.badness import is_bad

# Digits of the scripts our languages write numbers in, mapped to ASCII: Arabic-Indic (ar),
# Extended Arabic-Indic (fa), and the full-width forms pasted from some editors.
_DIGIT_SOURCES = "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹０１２３４５６７８９"
ASCII_DIGITS = str.maketrans(_DIGIT_SOURCES, "0123456789" * 3)
_OTHER_DIGITS = re.compile(f"[{_DIGIT_SOURCES}]")

# Invisible characters that scraped pages carry around (bidi marks, zero-width spaces, soft
# hyphens, BOMs). They are removed before comparing lines, never from the stored body.
_INVISIBLE = dict.fromkeys(
    [0x200B, 0x200E, 0x200F, 0x061C, 0xFEFF, 0x00AD, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
)
# str.translate with a dict walks non-ASCII text character by character in Python objects;
# a regex removes the same characters about ten times faster, and pages are mostly
# non-ASCII.
_INVISIBLE_RE = re.compile("[" + "".join(map(chr, _INVISIBLE)) + "]")
_QUOTES = "\"'“”„‟«»‹›‘’‚‛「」『』"
_STRIP_EDGES = " \t.,;:!?¡¿-–—_*·•|/\\" + _QUOTES


class UnreadableFile(ValueError):
    """A file that is not text in any encoding we can recognise."""


def decode(data: bytes) -> tuple[str, list[str]]:
    """The text of DATA and the repairs made to it (for the report).

    UTF-8 first (with or without BOM), then UTF-16 with a BOM, then the encoding
    charset-normalizer finds most plausible. ftfy then repairs mojibake such as "DÃ¼nya"
    and mixed encodings, line by line.
    """
    notes: list[str] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise UnreadableFile(f"broken UTF-16 text ({error.reason})") from error
        notes.append("decoded as UTF-16")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _decode_guess(data)
            notes.append("not UTF-8: decoded by guessing the encoding")
    if _looks_binary(text):
        raise UnreadableFile("binary content, not text")
    text = unicodedata.normalize("NFC", text)
    # ftfy's quick check first: most pages are clean, and repairing costs milliseconds.
    if notes or is_bad(text):
        fixed = ftfy.fix_text(text, normalization="NFC", unescape_html=False, uncurl_quotes=False)
        if fixed != text:
            notes.append("repaired broken characters (mojibake)")
        text = fixed
    return text, notes


# Legacy encodings of the site languages' regions, tried when a file is not UTF-8.
LEGACY_ENCODINGS = ("cp1254", "cp1252", "cp1256", "cp1253", "iso8859-9", "iso8859-7", "cp1250")


def _decode_guess(data: bytes) -> str:
    """The decoding in which the text reads most surely as a language we know."""
    from charset_normalizer import from_bytes

    from havza.archive.language import identify

    candidates: dict[str, str] = {}
    for encoding in LEGACY_ENCODINGS:
        try:
            candidates[encoding] = data.decode(encoding)
        except UnicodeDecodeError:
            continue
    best = from_bytes(data[:200_000]).best()
    if best is not None:
        candidates.setdefault(best.encoding, str(best))
    if not candidates:
        raise UnreadableFile("not text in any known encoding")

    def score(text: str) -> float:
        guess = identify(text[:3000])
        return guess.confidence if guess.is_site_language else guess.confidence / 2

    return max(candidates.values(), key=score)


# Control characters (Unicode category Cc: C0 and C1) other than tab, newline, form feed and
# carriage return.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if "\x00" in sample:
        return True
    controls = len(_CONTROLS.findall(sample))
    return bool(sample) and controls / len(sample) > 0.05


def clean_line(line: str) -> str:
    """One line as stored: invisible characters gone, spaces (also no-break) collapsed."""
    # split() and the regex \s agree on what is whitespace; split() is several times faster.
    return " ".join(_INVISIBLE_RE.sub("", line).split())


def fingerprint(line: str) -> str:
    """A key that is equal for the same line written with other spacing, case or quotes."""
    return " ".join(_INVISIBLE_RE.sub("", line).casefold().split()).strip(_STRIP_EDGES)


def ascii_digits(text: str) -> str:
    return text.translate(ASCII_DIGITS) if _OTHER_DIGITS.search(text) else text


def ends_sentence(text: str) -> bool:
    return text.rstrip(_QUOTES + " )").endswith((".", "!", "?", "…", "։", "؟", ";", ":"))


def words(text: str) -> list[str]:
    return text.split()


TITLE_MAX_CHARS = 300
# A line ending with a full stop and longer than this is a sentence of the body.
TITLE_SENTENCE_WORDS = 14
_SENTENCE_END = re.compile(r"[.!?؟։](?=[\s”»\"’)]*\s\S)")


def reads_as_title(text: str) -> bool:
    """A heading-like line, not the first sentences of a text."""
    if len(text) > TITLE_MAX_CHARS:
        return False
    words = len(text.split())
    sentences = len(_SENTENCE_END.findall(text))
    ends_with_period = text.rstrip('”»"’) ').endswith((".", "։", "。"))
    return not ((ends_with_period and words > TITLE_SENTENCE_WORDS) or sentences >= 2)
