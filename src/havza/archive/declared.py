"""Languages a source declares: trusted, only checked paragraph by paragraph.

A WordPress export with WPML or Polylang names each post's language; the page's language is
then not guessed. What is still looked for is a paragraph written in another language (a
quotation, a slogan), which is marked in the body: each long paragraph is first identified
by its opening words only, and identified whole only when those read as another language.
A paragraph marked this way is one the whole-text identification would mark too; one that
opens in the page's language and goes on in another is left unmarked. A paragraph too short
to be marked (``body.OTHER_LANGUAGE_MIN`` letters) is not identified at all.
"""

from __future__ import annotations

from havza.archive import body, language

OPENING_CHARS = 160  # of a long paragraph, read first


def opening(text: str) -> str:
    """The first words of TEXT, up to OPENING_CHARS characters (a word is not cut)."""
    if len(text) <= OPENING_CHARS:
        return text
    cut = text.rfind(" ", 0, OPENING_CHARS)
    return text[: cut if cut > OPENING_CHARS // 2 else OPENING_CHARS]


def _too_short(text: str) -> bool:
    """Whether TEXT has too few letters to be marked as another language (counted only in a
    short text: a long one is identified as before)."""
    return len(text) <= OPENING_CHARS and (
        sum(1 for ch in text if ch.isalpha()) < body.OTHER_LANGUAGE_MIN
    )


def identify_declared(
    texts: list[str], declared: str, title: str = ""
) -> tuple[language.Guess, list[language.Guess]]:
    """The page's language (DECLARED, surely) and a guess for each of TEXTS, as
    ``language.identify_paragraphs`` gives them (with one for TITLE first, if there is one:
    the declared language, since a title is never marked)."""
    page = language.Guess(declared, 1.0)
    guesses = [page] if title else []
    for text in texts:
        if _too_short(text):
            guesses.append(page)  # never marked, whatever it reads as
            continue
        guess = language.identify(opening(text))
        if guess.code != declared and len(text) > OPENING_CHARS:
            guess = language.identify(text)
        guesses.append(guess)
    return page, guesses
