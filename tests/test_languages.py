"""The language registry: what each site language is, from CLDR, and how readers are matched."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from havza import languages

EXPECTED = {
    # code: (direction, script, native name starts with, digits start with)
    "tr": ("ltr", "Latn", "Türkçe", "0"),
    "en": ("ltr", "Latn", "English", "0"),
    "ar": ("rtl", "Arab", "العربية", "0"),  # CLDR: Western digits for generic Arabic
    "fa": ("rtl", "Arab", "فارسی", "۰"),
    "it": ("ltr", "Latn", "Italiano", "0"),
    "el": ("ltr", "Grek", "Ελληνικά", "0"),
    "ku": ("ltr", "Latn", "Kurdî", "0"),
    "hy": ("ltr", "Armn", "Հայերեն", "0"),
    "es": ("ltr", "Latn", "Español", "0"),
    "fr": ("ltr", "Latn", "Français", "0"),
    "pt": ("ltr", "Latn", "Português", "0"),
}


def test_default_languages_in_the_networks_order():
    assert languages.codes() == ["tr", "en", "ar", "fa", "it", "el", "ku", "hy", "es", "fr", "pt"]


@pytest.mark.parametrize("code", EXPECTED)
def test_each_language_as_cldr_describes_it(code):
    language = languages.get(code)
    direction, script, native, zero = EXPECTED[code]
    assert language.direction == direction
    assert language.script == script
    assert language.native_name.startswith(native)
    assert language.digits[0] == zero
    assert language.tagline, "every default language has a tagline"


def test_kurdish_is_kurmanji_in_latin_letters():
    kurdish = languages.get("ku")
    assert kurdish.babel.language == "ku"
    assert kurdish.babel.get_display_name("en").startswith("Kurdish")
    assert kurdish.slug_style == "ascii"


def test_persian_numbers_use_persian_digits():
    assert languages.get("fa").localize_digits("45 of 2025") == "۴۵ of ۲۰۲۵"


def test_unknown_codes_are_not_languages():
    assert languages.get("de") is None
    assert languages.get("") is None


@given(st.text(max_size=300))
def test_any_accept_language_header_gives_a_site_language(header):
    assert languages.best_match(header).code in languages.codes()


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["ar", "fa-IR", "el-GR", "hy", "en-US", "de", "zh-Hant"]),
            st.floats(min_value=0, max_value=1),
        ),
        min_size=1,
        max_size=5,
    )
)
def test_the_most_wanted_site_language_wins(ranked):
    header = ",".join(f"{tag};q={q:.3f}" for tag, q in ranked)
    wanted = [
        (round(q, 3), tag.split("-")[0]) for tag, q in ranked if tag.split("-")[0] in EXPECTED
    ]
    wanted = [(q, code) for q, code in wanted if q > 0]
    chosen = languages.best_match(header).code
    if wanted:
        best = max(q for q, _ in wanted)
        assert chosen in {code for q, code in wanted if q == best}
    else:
        assert chosen == "tr"  # the first site language is the fallback
