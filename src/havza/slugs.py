"""Readable slugs per language, and the first free one among those taken.

Languages written in Arabic script keep their own letters (readers expect them, and browsers
show them decoded); others are transliterated to ASCII by anyascii, which keeps Latin letters
readable ("Dünya" -> "dunya") and romanizes Greek and Armenian. A language's ``slug_style``
in the configuration changes this.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from anyascii import anyascii
from django.utils.text import slugify

from havza import languages

MAX_LENGTH = 80
_SEPARATORS = re.compile(r"[\s_\-–—/]+")


def slugify_for(text: str, lang: str, max_length: int = MAX_LENGTH) -> str:
    language = languages.get(lang)
    text = unicodedata.normalize("NFC", text or "")
    if language is None or language.slug_style != "native":
        if lang == "tr":
            text = text.replace("ı", "i").replace("İ", "I")
        slug = slugify(anyascii(text))
    else:
        # ZWNJ joins Persian words; in a slug it becomes a hyphen like any space.
        slug = slugify(text.replace("\u200c", " "), allow_unicode=True)
    slug = _SEPARATORS.sub("-", slug).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug or "untitled"


def first_free(base: str, is_taken: Callable[[str], bool], max_length: int) -> str:
    """BASE if it is free, else the first free of BASE-2, BASE-3, …

    The base is cut so that base and suffix fit in MAX_LENGTH characters (a slug field's
    length). IS_TAKEN answers for one candidate: a query, or a look-up in a set of slugs
    already loaded.
    """
    slug, n = base, 2
    while is_taken(slug):
        suffix = f"-{n}"
        slug = base[: max_length - len(suffix)] + suffix
        n += 1
    return slug
