"""Names that look alike: confusable skeletons and mixed-script words (Unicode UTS #39).

Two names with the same skeleton are drawn the same way on screen (Cyrillic "MЅԜN" and Latin
"MSWN", Cyrillic "ЕАА" and Greek "ΕΑΑ"). A word mixing scripts ("Wоrkers" with a Cyrillic
"о") is almost always a typing accident or an impersonation. The admin forms and the archive
importer use these functions to flag such names and to match them to the organization or
person that already exists.

The confusable data is Unicode's confusables.txt as shipped by the confusable-homoglyphs
package; each source character is mapped to its prototype, as UTS #39 section 4 describes.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from typing import TypeVar

from confusable_homoglyphs import categories, confusables

__all__ = ["find_lookalike", "is_mixed_script", "mixed_script_words", "scripts", "skeleton"]

# A word: letters and combining marks (digits and punctuation belong to every script).
T = TypeVar("T")

_WORD = re.compile(r"[^\W\d_]+(?:[\u0300-\u036f][^\W\d_]*)*")


@functools.cache
def _prototypes() -> dict[str, str]:
    """character -> prototype string. confusables.txt lists each source with its prototype;
    the package stores both directions, so a prototype is the member of a group that every
    other member points to (a group of two keeps the smaller as its prototype)."""
    data = confusables.confusables_data
    mapping: dict[str, str] = {}
    for char, homoglyphs in data.items():
        if len(char) != 1 or len(homoglyphs) != 1:
            continue  # a prototype lists all its sources; a source lists only its prototype
        target = homoglyphs[0]["c"]
        if len(data.get(target, ())) > 1 or len(target) > 1:
            mapping[char] = target
        elif char > target:
            mapping[char] = target  # a pair: both map to the smaller one
    return mapping


def _is_ignorable(char: str) -> bool:
    # Format characters (zero-width joiners, bidi controls, soft hyphens) draw nothing.
    return unicodedata.category(char) == "Cf"


def skeleton(text: str) -> str:
    """The UTS #39 skeleton of TEXT: equal skeletons mean the texts look the same."""
    prototypes = _prototypes()
    decomposed = unicodedata.normalize("NFD", text)
    mapped = "".join(prototypes.get(c, c) for c in decomposed if not _is_ignorable(c))
    return unicodedata.normalize("NFD", mapped)


def scripts(text: str) -> set[str]:
    """The scripts of TEXT's letters (e.g. {"LATIN", "CYRILLIC"}), Common ones left out."""
    found = {categories.alias(c) for c in text if c.isalpha()}
    return found - {"COMMON", "INHERITED"}


def mixed_script_words(text: str) -> list[str]:
    """The words of TEXT written in more than one script, in order ("Wоrkers" with a Cyrillic
    "о"). A name may hold words of different scripts ("ΕΑΑ (Aegean ...)"); a word may not."""
    return [word for word in _WORD.findall(text) if len(scripts(word)) > 1]


def is_mixed_script(text: str) -> bool:
    return bool(mixed_script_words(text))


def find_lookalike(
    names: Iterable[str],
    candidates: Iterable[tuple[T, Iterable[str]]],
    *,
    include_identical: bool = False,
) -> T | None:
    """The first candidate one of whose names looks like one of NAMES but is spelled
    differently (or the same too, with INCLUDE_IDENTICAL). CANDIDATES are (object, its names)
    pairs; empty names are ignored."""
    wanted = {skeleton(n): n for n in names if n and n.strip()}
    if not wanted:
        return None
    for obj, their_names in candidates:
        for name in their_names:
            if not name:
                continue
            ours = wanted.get(skeleton(name))
            if ours is not None and (include_identical or ours != name):
                return obj
    return None
