"""The sign form's country list in each language's own alphabetical order (CLDR's tailorings),
checked on the countries' real names in that language."""

from __future__ import annotations

import pytest

from havza import countries
from havza.signatures import collation
from havza.signatures.forms import country_choices


def names(lang: str) -> list[str]:
    return [name for _code, name in country_choices(lang)]


def in_order(lang: str, *codes: str) -> None:
    """The countries of CODES come in this order in LANG's list."""
    listed = names(lang)
    positions = [listed.index(countries.name(code, lang)) for code in codes]
    assert positions == sorted(positions), [countries.name(c, lang) for c in codes]


def test_turkish_letters_come_after_their_latin_neighbours():
    # Curaçao, Çad, Çin: ç after every c. Irak before İran: ı before i.
    in_order("tr", "CW", "TD", "CN", "DK")
    in_order("tr", "HN", "IQ", "IR", "ES", "IT", "JM")
    # Sırbistan before Sierra Leone; Suudi Arabistan, Şili, Tacikistan; Tuvalu, Türkiye.
    in_order("tr", "RS", "SL", "SA", "CL", "TJ")
    in_order("tr", "TV", "TR")
    # Orta Afrika Cumhuriyeti, Özbekistan, Pakistan
    in_order("tr", "CF", "UZ", "PK")


def test_the_default_order_is_kept_where_a_language_has_no_tailoring():
    # Greek and Italian use the root order: accents are secondary (Άγιος Μαρίνος among Αγ...).
    listed = names("el")
    assert listed.index(countries.name("SM", "el")) < listed.index(countries.name("AO", "el"))
    in_order("it", "AT", "BE")


def test_kurmanji_letters_come_after_their_latin_neighbours():
    # Curaçao, Çad, Çîn; Bermûda, Bênîn (ê after e).
    in_order("ku", "CW", "TD", "CN")
    in_order("ku", "BM", "BJ", "BO")


def test_persian_puts_waw_before_heh():
    # ونزوئلا, ویتنام, هائیتی, هلند, هند: و before ه (the Arabic order has ه first).
    in_order("fa", "VE", "VN", "HT", "NL", "IN", "YE")


def test_persian_reads_arabic_kaf_and_yeh_as_its_own():
    assert collation.sort_key("كويت", "fa") == collation.sort_key("کویت", "fa")


def test_spanish_n_tilde_is_a_letter_after_n():
    assert collation.sort_key("canasta", "es") < collation.sort_key("caña", "es")
    assert collation.sort_key("caña", "es") < collation.sort_key("cao", "es")
    # The default order would put caña first (ñ an accented n).
    assert collation.sort_key("caña", "en") < collation.sort_key("canasta", "en")
    in_order("es", "SI", "ES", "US", "EE")


@pytest.mark.parametrize("lang", ["en", "tr", "ar", "fa", "it", "el", "ku", "hy", "es", "fr", "pt"])
def test_every_country_is_listed_once(lang):
    assert sorted(code for code, _name in country_choices(lang)) == sorted(countries.codes())


@pytest.mark.parametrize("lang", ["en", "tr", "ar", "fa", "it", "el", "ku", "hy", "es", "fr", "pt"])
def test_every_country_has_a_name_not_a_code(lang):
    # Sark ("CQ") has a CLDR name in few languages: the English one stands in.
    assert not [code for code, name in country_choices(lang) if name == code]
    assert countries.name("CQ", lang) == "Sark"
