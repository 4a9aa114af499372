"""Each language's analyzer folds and stems the way its readers write."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from havza.search.analysis import analyze, analyzer

LANGS = ["tr", "en", "ar", "fa", "it", "el", "ku", "hy", "es", "fr", "pt"]


def same(lang: str, *words: str) -> None:
    terms = {tuple(analyze(w, lang)) for w in words}
    assert len(terms) == 1, terms


def matches(lang: str, query: str, document_word: str) -> bool:
    """Whether QUERY's term finds DOCUMENT_WORD as the index compares them."""
    (q,) = analyze(query, lang)
    (d,) = analyze(document_word, lang)
    if analyzer(lang).prefix_match:
        return d.startswith(q)
    return d == q


def test_turkish_case_and_suffixes():
    same("tr", "emperyalizmin", "emperyalizm", "EMPERYALİZM", "emperyalizmden")
    for form in ["emperyalizme", "emperyalizmi", "emperyalizmle", "EMPERYALİZMİN"]:
        assert matches("tr", "emperyalizmin", form), form
    # The Turkish I: dotless capital I is ı, dotted capital İ is i.
    assert analyze("IRAK", "tr") == analyze("ırak", "tr")
    assert analyze("İŞÇİLERİN", "tr") == analyze("işçilerin", "tr") == analyze("işçi", "tr")
    assert analyze("IRAK", "tr") != analyze("irak", "tr")


def test_arabic_diacritics_alef_ta_marbuta_and_maqsura():
    same("ar", "المُقاوَمَة", "المقاومة", "المقاومه", "المقـــاومة")
    same("ar", "الإمبريالية", "الامبريالية", "الأمبريالية", "الآمبريالية", "الامبرياليه")
    same("ar", "على", "علي")


def test_persian_yeh_kaf_and_zwnj():
    same("fa", "کتاب‌ها", "کتابها", "كتابها")
    same("fa", "یک", "يك")
    same("fa", "کارگری", "كارگري")


def test_greek_accents_and_final_sigma():
    same("el", "Αγώνας", "ΑΓΩΝΑΣ", "αγωνας", "αγώνες")
    same("el", "πολιτικής", "ΠΟΛΙΤΙΚΗΣ", "πολιτικη")


def test_digits_in_any_script():
    for lang in LANGS:
        assert analyze("2023", lang) == analyze("٢٠٢٣", lang) == analyze("۲۰۲۳", lang) == ["2023"]


def test_armenian_case_and_ligature():
    same("hy", "ՊԱՅՔԱՐ", "պայքար", "պայքարի")
    assert analyze("և", "hy") == analyze("Եւ", "hy") == analyze("եւ", "hy")


def test_kurmanji_folds_case_and_letters_without_stemming():
    same("ku", "TÊKOŞÎN", "têkoşîn", "tekosin")
    assert matches("ku", "têkoşîn", "têkoşîna")


def test_romance_and_english_stemming_and_accents():
    same("es", "revolución", "revolucion", "Revoluciones")
    same("fr", "impérialisme", "imperialistes", "IMPÉRIALISTE")
    same("it", "lavoratori", "lavoratore")
    same("pt", "trabalhadores", "trabalhador")
    same("en", "workers", "worker", "WORKERS")


def test_words_split_on_punctuation_and_apostrophes():
    assert analyze("Türkiye'nin, “barış”!", "tr") == analyze("türkiye nin barış", "tr")
    assert analyze("snake_case", "en") == ["snake", "case"]


text = st.text(
    alphabet=st.characters(
        codec="utf-8",
        categories=["L", "M", "N", "P", "Zs"],
    ),
    max_size=40,
)


@pytest.mark.parametrize("lang", LANGS)
@settings(deadline=None)
@given(value=text)
def test_folding_is_idempotent(lang, value):
    an = analyzer(lang)
    once = an.fold(value)
    assert an.fold(once) == once


@pytest.mark.parametrize("lang", LANGS)
@settings(deadline=None)
@given(value=text)
def test_a_query_finds_the_document_it_was_copied_from(lang, value):
    """Symmetry: a query made of a document's words finds that document's terms."""
    an = analyzer(lang)
    document = an.terms(value)
    for word in value.split():
        for term in an.terms(word):
            assert term in document


# Text with every kind of white space and the characters that folding changes or joins.
spaced = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8", categories=["L", "M", "N", "P", "Zs", "Zl", "Zp"]),
        st.sampled_from(list(" \t\n\r\x0b\x0c\x85\u00a0\u3000\u200c\u0307\u00a8\u0640Iİıς")),
    ),
    max_size=60,
)


@pytest.mark.parametrize("lang", LANGS)
@settings(deadline=None)
@given(value=spaced)
def test_a_text_has_the_terms_of_its_whole_analysis(lang, value):
    """Texts are analyzed run by run between white space (each run remembered): the terms
    are those of the whole text folded, cut into words and stemmed at once."""
    an = analyzer(lang)
    whole = an.stem(an.words(value))
    assert an.terms(value) == whole
    assert an.terms(value) == whole  # the second time from what was remembered


def test_texts_are_analyzed_the_same_past_the_remembered_runs(monkeypatch):
    """Once an analyzer remembers as many runs as it may, new ones are analyzed each time
    and those it knew are still known."""
    from havza.search import analysis

    an = analyzer("tr")
    assert an.terms("Kararı grev") == ["karar", "grev"]
    monkeypatch.setattr(analysis, "RUN_CACHE", 1)
    text = "Kararı grevdeki limancılarınkiler, grev"
    assert an.terms(text) == an.stem(an.words(text))
    assert an.terms(text) == an.stem(an.words(text))


def test_words_are_stemmed_the_same_past_the_remembered_words(monkeypatch):
    """A long archive in one language has more distinct words than an analyzer remembers:
    past that, a text with words known and words new is still analyzed whole and the same."""
    from havza.search import analysis

    an = analyzer("en")
    known = {}  # a fresh memory of words
    monkeypatch.setattr(analysis, "_terms", lambda lang: known)
    monkeypatch.setattr(analysis, "TERM_CACHE", 2)
    assert an.stem(["strikes", "workers"]) == ["strike", "worker"]
    assert an.stem(["workers", "unions", "striking", "strikes"]) == [
        "worker",
        "union",
        "strike",
        "strike",
    ]
    assert set(known) == {"strikes", "workers"}
