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
