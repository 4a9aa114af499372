"""Sorting in a language's own alphabetical order: the Unicode Collation Algorithm's default
order (pyuca) with the CLDR tailorings of the site's languages that change it.

ICU has them all, but PyICU is published only as sources that need the system's ICU to build;
the few rules that matter here are written out instead. Each tailored letter is sorted as a
letter of its own right after another one: "ç" after every word with "c" in its place in
Turkish, "ñ" after "n" in Spanish, "و" before "ه" in Persian. That is done by writing the
letter, in the key only, as the letter it follows plus a mark that sorts after every letter.
"""

from __future__ import annotations

import functools
import unicodedata

from pyuca import Collator

AFTER_EVERY_LETTER = "\U0010fffd"  # the highest primary weight pyuca gives

# Language -> {letter: the letter it comes right after}. From CLDR's collation rules
# (common/collation/*.xml), the letters of lower case only: keys are made in lower case.
AFTER: dict[str, dict[str, str]] = {
    # &C<ç &G<ğ &[before 1]i<ı &O<ö &S<ş &U<ü
    "tr": {"ç": "c", "ğ": "g", "i": "ı", "ö": "o", "ş": "s", "ü": "u"},
    # &N<ñ
    "es": {"ñ": "n"},
    # Kurmanji: &C<ç &E<ê &I<î &S<ş &U<û
    "ku": {"ç": "c", "ê": "e", "î": "i", "ş": "s", "û": "u"},
    # Persian letter order: و before ه (the default, Arabic order has ه first).
    "fa": {"و": "ن", "ؤ": "ن"},
    # &ք<և: the ligature is a letter of its own, after ք.
    "hy": {"և": "ք"},
}
# Letters a language writes in two ways that sort as one (Arabic kaf and yeh in Persian).
SAME: dict[str, dict[str, str]] = {
    "fa": {"ك": "ک", "ي": "ی", "ى": "ی"},
}
# Case rules that differ from the default lower case: Turkish dotted and dotless i.
LOWER: dict[str, dict[str, str]] = {
    "tr": {"I": "ı", "İ": "i"},
}


@functools.cache
def _collator() -> Collator:
    return Collator()


def _base(lang: str) -> str:
    return lang.split("-")[0].split("_")[0].lower()


@functools.cache
def _table(lang: str) -> dict[int, str]:
    table = {ord(k): v for k, v in SAME.get(lang, {}).items()}
    for letter, after in AFTER.get(lang, {}).items():
        table[ord(letter)] = after + AFTER_EVERY_LETTER
    return table


def key_text(text: str, lang: str) -> str:
    """TEXT as it is compared in LANG: lower case, tailored letters rewritten."""
    lang = _base(lang)
    text = unicodedata.normalize("NFC", text)
    for upper, lower in LOWER.get(lang, {}).items():
        text = text.replace(upper, lower)
    return text.lower().translate(_table(lang))


def sort_key(text: str, lang: str) -> tuple:
    """The key that sorts TEXT in LANG's alphabetical order."""
    return _collator().sort_key(key_text(text, lang))


def sorted_in(items, lang: str, key=lambda item: item) -> list:
    """ITEMS sorted in LANG's order by KEY(item) (a text)."""
    return sorted(items, key=lambda item: sort_key(key(item), lang))
