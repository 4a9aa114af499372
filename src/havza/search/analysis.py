"""One analyzer per language: the same folding and stemming for documents and queries.

``analyze(text, lang)`` turns text into the terms the index stores and a query looks for:

1. NFKC (compatibility forms: ligatures, full-width letters, Armenian "և" → "եւ");
2. digits of every script to ASCII (٢٠٢٣ = ۲۰۲۳ = 2023);
3. the language's letter folding: Turkish and Azeri case (İ → i, I → ı), Arabic-script
   letters (harakat and tatweel dropped, alef forms to bare alef, ta marbuta and final heh,
   alef maqsura and yeh, Persian and Arabic yeh and kaf, ZWNJ), Greek accents and final
   sigma;
4. case folding, then Snowball stemming (PyStemmer) where Snowball has the language,
   then accents removed from Latin letters where the language's readers often leave them
   out (es, fr, it, pt, ku).

Terms are runs of letters and digits; everything else separates them. Each term keeps the
position of the word it came from, for phrases.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import chain, islice

import Stemmer

# Snowball algorithms by language code (PyStemmer 3.x has Persian and Armenian too).
SNOWBALL = {
    "ar": "arabic",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "fa": "persian",
    "fr": "french",
    "hy": "armenian",
    "it": "italian",
    "pt": "portuguese",
    "tr": "turkish",
}

# Languages whose words take many suffixes that their stemmer leaves on ("emperyalizme"):
# a query term matches every term that starts with it.
PREFIX_LANGUAGES = {"tr", "ku", "az"}
PREFIX_MIN_LENGTH = 4

# Languages whose Latin accents readers often leave out when they type.
STRIP_LATIN_ACCENTS = {"es", "fr", "it", "pt", "ku", "en"}

WORD = re.compile(r"[^\W_]+")


ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u200c]")
ALEFS = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "\u200c": ""}
ARABIC_LETTERS = {**ALEFS, "ى": "ي", "ی": "ي", "ک": "ك"}
PERSIAN_LETTERS = {**ALEFS, "ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه"}
ARABIC_VARIANTS = re.compile("[" + "".join(ARABIC_LETTERS) + "]")
PERSIAN_VARIANTS = re.compile("[" + "".join(PERSIAN_LETTERS) + "]")
# In Arabic a final heh is often typed for ta marbuta: both become ta marbuta, which the
# stemmer knows how to remove.
ARABIC_FINAL_HEH = re.compile("ه\\b")
# Decimal digits of every script but ASCII, as one character class (faster than a
# look-ahead on \d at every character).
_DIGITS = {c: str(unicodedata.digit(chr(c))) for c in range(0x80, 0x110000)
           if unicodedata.category(chr(c)) == "Nd"}  # fmt: skip
OTHER_DIGITS = re.compile(
    "[" + "".join(f"{chr(c)}-{chr(c + 9)}" for c in _DIGITS if unicodedata.digit(chr(c)) == 0) + "]"
)


def fold_digits(text: str) -> str:
    if text.isascii() or not OTHER_DIGITS.search(text):
        return text
    return text.translate(_DIGITS)


def fold_arabic(text: str) -> str:
    text = ARABIC_MARKS.sub("", text)
    text = ARABIC_VARIANTS.sub(lambda m: ARABIC_LETTERS[m.group()], text)
    return ARABIC_FINAL_HEH.sub("ة", text)


def fold_persian(text: str) -> str:
    text = ARABIC_MARKS.sub("", text)
    return PERSIAN_VARIANTS.sub(lambda m: PERSIAN_LETTERS[m.group()], text)


def strip_marks(text: str) -> str:
    """Remove combining marks (accents, diaeresis, tonos)."""
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", kept)


GREEK = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")


@cache
def greek_table() -> dict[int, str]:
    """Each Greek letter without its marks, final sigma as sigma."""
    table = {}
    for code in [*range(0x370, 0x400), *range(0x1F00, 0x2000)]:
        folded = strip_marks(chr(code)).replace("ς", "σ")
        if folded != chr(code):
            table[code] = folded
    return table


def fold_greek(text: str) -> str:
    return text.translate(greek_table())


def casefold(text: str, lang: str) -> str:
    if lang in ("tr", "az"):
        text = text.replace("I", "ı").replace("İ", "i").replace("i̇", "i")
    return text.casefold()


@dataclass(frozen=True)
class Analyzer:
    """The analysis of one language (``analyzer(code)`` builds and keeps one per language)."""

    lang: str

    @property
    def prefix_match(self) -> bool:
        return self.lang in PREFIX_LANGUAGES

    def fold(self, text: str) -> str:
        """Text as the index sees it before it is cut into words and stemmed."""
        return fold_digits(self._fold_letters(text))

    def _fold_letters(self, text: str) -> str:
        """``fold`` but for digits, which ``stem`` folds word by word (a word is folded
        once, then remembered: scanning every text for other scripts' digits costs more)."""
        text = unicodedata.normalize("NFKC", text)
        # Every language's text may quote another script; each script's folding is safe to
        # apply anywhere, except the yeh/kaf choice, which follows the language.
        if ARABIC_SCRIPT.search(text):
            text = fold_persian(text) if self.lang == "fa" else fold_arabic(text)
        text = casefold(text, self.lang)
        # Only Greek letters lose their marks here; Latin accents are the language's business.
        if self.lang == "el" or GREEK.search(text):
            text = fold_greek(text)
        return text

    def words(self, text: str) -> list[str]:
        """The folded words of TEXT, unstemmed (digits of other scripts are folded by
        ``stem``)."""
        return WORD.findall(self._fold_letters(text))

    def stem(self, words: list[str]) -> list[str]:
        # Words repeat (a few thousand make most of a language's text): each is stemmed
        # once, then looked up, which is several times faster than stemming every time.
        known = _terms(self.lang)
        stems = list(map(known.get, words))
        if None not in stems:
            return stems  # type: ignore[return-value]
        missing = list(set(words).difference(known))
        learned = dict(zip(missing, self._stem_words(missing), strict=True))
        # As with runs: past TERM_CACHE new words are stemmed each time they come, and the
        # words known so far stay known (emptying the cache here lost the words of this very
        # text that were known a moment ago).
        if len(known) + len(learned) <= TERM_CACHE:
            known.update(learned)
        return [s if s is not None else learned[w] for s, w in zip(stems, words, strict=True)]

    def _stem_words(self, words: list[str]) -> list[str]:
        words = [w if w.isascii() else fold_digits(w) for w in words]
        stemmer = _stemmer(self.lang)
        stems = stemmer.stemWords(words) if stemmer else list(words)
        if self.lang in STRIP_LATIN_ACCENTS:
            stems = [s if s.isascii() else strip_marks(s) for s in stems]
        return stems

    def terms(self, text: str) -> list[str]:
        """The terms of TEXT in order (one per word).

        No step of the analysis crosses white space (NFKC, the letters' folding and the
        cutting into words all act within a run of non-space characters), so the text is
        cut at white space first and the terms of each run are remembered: a document is
        then mostly lookups of runs seen before ("Grev," "grevi."), with no regular
        expression, folding or stemming of its own.
        """
        known = _runs(self.lang)
        runs = text.split()
        found = list(map(known.get, runs))
        if None in found:
            learned = self._learn(set(runs).difference(known))
            # The runs seen first are kept (the frequent ones, mostly); past RUN_CACHE the
            # others are analyzed each time they come, never all forgotten at once.
            if len(known) + len(learned) <= RUN_CACHE:
                known.update(learned)
            found = [
                terms if terms is not None else learned[run]
                for terms, run in zip(found, runs, strict=True)
            ]
        return list(chain.from_iterable(found))

    def _learn(self, missing: set[str]) -> dict[str, tuple[str, ...]]:
        """The terms of each run of MISSING (their words stemmed in one call)."""
        runs = list(missing)
        words = [self.words(run) for run in runs]
        stems = iter(self.stem(list(chain.from_iterable(words))))
        return {run: tuple(islice(stems, len(its))) for run, its in zip(runs, words, strict=True)}

    def analyzed(self, text: str) -> str:
        """The terms of TEXT as one string, separated by spaces: what the index stores."""
        return " ".join(self.terms(text))


@cache
def _stemmer(lang: str) -> Stemmer.Stemmer | None:
    algorithm = SNOWBALL.get(lang)
    if algorithm is None or algorithm not in Stemmer.algorithms():
        return None
    # No cache of its own: ``stem`` remembers each word's stem already (``_terms``).
    return Stemmer.Stemmer(algorithm, 0)


# Words remembered per language, with their stems (at most this many, the first seen: the
# frequent ones, mostly). Every process that analyzes text (the import's workers, the build's)
# holds up to this for each of the site's languages: 11 languages of 20,000 words and 20,000
# runs are about 80 MB (tracemalloc, Turkish-like words), where 100,000 of each were 380 MB.
TERM_CACHE = 20_000


@cache
def _terms(lang: str) -> dict[str, str]:
    return {}


# Runs of non-space characters remembered per language, with their terms.
RUN_CACHE = 20_000


@cache
def _runs(lang: str) -> dict[str, tuple[str, ...]]:
    return {}


@cache
def analyzer(lang: str) -> Analyzer:
    return Analyzer(lang)


def analyze(text: str, lang: str) -> list[str]:
    return analyzer(lang).terms(text)


def iter_words_with_spans(text: str, lang: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, term) for each word of the original TEXT, for highlighting.

    Folding may change a word's length (NFKC, dropped marks), so each word of the original
    is found first and analyzed alone.
    """
    an = analyzer(lang)
    for match in re.finditer(r"[^\s]+", text):
        chunk = match.group()
        words = an.words(chunk)
        if not words:
            continue
        for term in an.stem(words):
            yield match.start(), match.end(), term
