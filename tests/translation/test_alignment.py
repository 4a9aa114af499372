"""The paragraph aligner: its invariants, and the pairs of the hand-written fixtures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from havza.translation import alignment
from havza.translation.existing import fit_placeholders, share

FIXTURES = Path(__file__).parent / "data" / "alignment"

paragraph = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=0, max_size=120
)


@settings(max_examples=150, deadline=None)
@given(st.lists(paragraph, max_size=12), st.lists(paragraph, max_size=12))
def test_beads_cover_each_paragraph_once_in_order(source, target):
    beads = alignment.align(source, target)
    assert [i for b in beads for i in b.source] == list(range(len(source)))
    assert [j for b in beads for j in b.target] == list(range(len(target)))
    assert all(0.0 <= b.confidence <= 1.0 for b in beads)
    assert all(len(b.source) <= 2 and len(b.target) <= 2 for b in beads)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="abcdefgh ijk.", min_size=5, max_size=200), max_size=15))
def test_a_text_aligns_with_itself_paragraph_by_paragraph(paragraphs):
    beads = alignment.align(paragraphs, paragraphs)
    assert [(b.source, b.target) for b in beads] == [((i,), (i,)) for i in range(len(paragraphs))]


def test_numbers_in_any_script_and_grouping_anchor_a_pair():
    latin = alignment.features("More than 4,000 containers since 2023.")
    arabic = alignment.features("أكثر من ٤٠٠٠ حاوية منذ ٢٠٢٣.")
    french = alignment.features("Plus de 4 000 conteneurs depuis 2023.")
    assert latin.numbers == arabic.numbers == french.numbers == {"4000", "2023"}


def test_grouped_numbers_are_one_number_only_in_groups_of_three():
    found = alignment.features("12,345,678 then 1,2345, 1,23,456 and 4\u202f000.5 in 2024.")
    assert found.numbers == {"12345678", "1", "2345", "23456", "4000", "5", "2024"}


def test_digits_of_every_script_are_read_as_ascii_digits():
    # Mathematical digits lie beyond U+FFFF; other characters there are kept as written.
    assert alignment.ascii_digits("𝟙𝟚 ٣ ۴ १ ² 𝒜 😀") == "12 3 4 1 2 𝒜 😀"
    assert alignment.features("Σ 𝟚𝟘𝟚𝟜 ①").numbers == {"2024", "1"}


def test_names_are_compared_in_latin_letters_not_at_a_sentence_start():
    english = alignment.features("Solidarity with the teacher Reza Shahabi.")
    greek = alignment.features("Αλληλεγγύη στον δάσκαλο Ρεζά Σαχαμπί.")
    assert english.names == {"reza", "shah"}
    assert "soli" not in english.names and "αλλη" not in greek.names
    assert {"reza"} <= greek.names


def _cases():
    for path in sorted(FIXTURES.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for language, translation in data["translations"].items():
            yield pytest.param(
                data["source"]["paragraphs"], translation, id=f"{path.stem}-{language}"
            )


def _links(pairs):
    return {(i, j) for sources, targets in pairs for i in sources for j in targets}


@pytest.mark.parametrize(("source", "translation"), list(_cases()))
def test_fixture_texts_are_paired_as_their_translators_wrote_them(source, translation):
    found = alignment.links(alignment.align(source, translation["paragraphs"]))
    truth = _links(translation["pairs"])
    assert truth <= found  # every true pair is found
    assert len(found - truth) <= 1  # at most one extra link (a left-out paragraph absorbed)


def test_the_fixtures_cover_five_languages_and_every_kind_of_bead():
    languages, shapes = set(), set()
    for path in FIXTURES.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        languages |= {data["source"]["language"], *data["translations"]}
        for translation in data["translations"].values():
            shapes |= {(len(s), len(t)) for s, t in translation["pairs"]}
            covered = {j for _s, t in translation["pairs"] for j in t}
            if len(covered) < len(translation["paragraphs"]):
                shapes.add((0, 1))
    assert len(languages) >= 5
    assert {(1, 1), (2, 1), (1, 2), (0, 1)} <= shapes


def test_placeholders_are_renumbered_as_the_source_s_or_dropped():
    assert fit_placeholders("Lisez {1}l'appel{/1}.", "Read {3}the call{/3}.") == (
        "Lisez {3}l'appel{/3}."
    )
    assert fit_placeholders("Lisez {1}l'appel{/1}.", "Read the call.") == "Lisez l'appel ."
    assert fit_placeholders("Sans lien.", "Read {1}the call{/1}.") == "Sans lien."


def test_one_paragraph_for_two_sources_is_shared_at_sentence_ends():
    text = "First sentence here. Second sentence, a bit longer than the first. Third."
    pieces = share(text, ["A short one.", "A longer source paragraph with more words in it."])
    assert " ".join(pieces) == text and all(pieces)
    assert share("One sentence only", ["a", "b"]) == ["One sentence only", ""]
