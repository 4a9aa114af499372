"""Language identification: taglines of the seeds, and a labelled set of short texts."""

from collections import Counter

import pytest

from havza.archive import language
from tests.archive.conftest import DATA

SEED_TAGLINE_LANGUAGES = ["tr", "en", "ar", "fa", "it", "el", "ku", "hy", "es", "fr", "pt"]


def _labelled():
    rows = []
    for line in (DATA / "short_texts.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, text = line.split("\t", 1)
            rows.append((code, text))
    return rows


def test_each_seed_tagline_alone(seed_texts):
    for text in seed_texts.values():
        taglines = [block.strip() for block in text.split("\n\n")[:11]]
        assert [language.identify(t).code for t in taglines] == SEED_TAGLINE_LANGUAGES


def test_labelled_short_texts_per_site_language():
    rows = _labelled()
    assert {code for code, _ in rows} == set(SEED_TAGLINE_LANGUAGES)
    right, total = Counter(), Counter()
    misses = []
    for code, text in rows:
        total[code] += 1
        guess = language.identify(text)
        if guess.code == code:
            right[code] += 1
        else:
            misses.append((code, guess.code, text))
    accuracy = sum(right.values()) / sum(total.values())
    assert accuracy >= 0.97, misses
    assert all(right[c] / total[c] >= 0.9 for c in total), misses


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Die Arbeiter der ganzen Welt stehen gemeinsam gegen den Krieg.", "de"),
        ("Рабочие всего мира объединяются против войны.", "ru"),
    ],
)
def test_other_languages_are_marked_as_such(text, code):
    guess = language.identify(text)
    assert guess.code == code
    assert not guess.is_site_language


def test_page_language_and_a_paragraph_in_another():
    paragraphs = [
        "The workers of the factory went on strike this morning, demanding higher wages.",
        "İşçiler bu sabah fabrikada greve çıktı ve ücretlerin artırılmasını talep etti.",
        "The strike continues and the union calls for solidarity from every city.",
    ]
    page, guesses = language.identify_paragraphs(paragraphs)
    assert page.code == "en"
    assert [g.code for g in guesses] == ["en", "tr", "en"]


def test_text_without_letters_is_unknown():
    assert language.identify("2023 — 45 / 25").code == "und"


def _walking_and_plain():
    """The identifier of Latin-script languages as the import uses it, and py3langid's own
    for the same languages."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    candidates = language._latin_set()
    plain = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    plain.set_languages([code for code in candidates if code in set(plain.labels)])
    return language._identifier(candidates), plain


def test_scores_are_exactly_those_of_the_identifier_walking_byte_by_byte():
    texts = [
        "İşçiler ve emekçiler grev kararı aldı; sendika  yürüyüşe çağırıyor.",
        "The workers' union calls a strike.  Then  a march, on 3 May 2024 ",
        " leading space, trailing space ",
        "Los trabajadores convocan una huelga general para el 3 de mayo.",
        "",
        "   ",
        "¿Qué? ¡Sí! «Non» — “yes” 1234 ...",
    ]
    walking, plain = _walking_and_plain()
    for _ in range(2):  # the second time every word's walk is remembered
        for text in texts:
            assert walking.rank(text) == plain.rank(text)


def test_scores_stay_exact_when_the_remembered_walks_overflow(monkeypatch):
    texts = [
        "İşçiler ve emekçiler grev kararı aldı; sendika yürüyüşe çağırıyor.",
        "The workers' union calls a general strike against the war and the cuts.",
        "Los trabajadores convocan una huelga general para el 3 de mayo.",
        "Les travailleurs appellent à la grève générale contre la guerre.",
    ]
    walking, plain = _walking_and_plain()
    monkeypatch.setattr(language, "WALKS_KEPT", 8)
    walks = language._model()._walks
    walks.clear()
    for _ in range(3):  # the cache fills, loses its older half, fills again
        for text in texts:
            assert walking.rank(text) == plain.rank(text)
            assert 0 < len(walks) <= 8


def test_a_short_paragraph_of_a_declared_page_is_never_marked():
    from havza.archive.declared import identify_declared

    texts = ["Long live the workers!", "Yaşasın işçilerin birliği ve mücadelesi, yaşasın grev!"]
    page, guesses = identify_declared(
        [*texts, "The workers of the world declare a general strike against the war today."],
        "tr",
    )
    assert page == language.Guess("tr", 1.0)
    assert guesses[0] == page  # too few letters to be marked, so not read
    assert guesses[1].code == "tr"
    assert guesses[2].code == "en"
