"""Names that look alike are recognised: skeletons, mixed-script words, matching."""

import pytest

from havza.network.homoglyphs import (
    find_lookalike,
    is_mixed_script,
    mixed_script_words,
    scripts,
    skeleton,
)


@pytest.mark.parametrize(
    ("lookalike", "original"),
    [
        ("MЅԜN", "MSWN"),  # Cyrillic Ѕ and Ԝ among Latin letters
        ("ЕАА", "ΕΑΑ"),  # all Cyrillic against all Greek
        ("ЕАА", "EAA"),  # all Cyrillic against all Latin
        ("Wоrkers", "Workers"),  # one Cyrillic о
        ("ΑΒΕ Κurd", "ABE Kurd"),  # Greek capitals against Latin
        ("Dev\u200brim", "Devrim"),  # a zero-width space draws nothing
        ("раураl", "paypal"),
    ],
)
def test_lookalikes_share_a_skeleton(lookalike, original):
    assert lookalike != original
    assert skeleton(lookalike) == skeleton(original)


@pytest.mark.parametrize(
    ("one", "other"),
    [("MSWN", "MSWM"), ("ΕΑΑ", "ΕΑΒ"), ("Ayşe", "Ayse Demir"), ("Լույս", "Luys")],
)
def test_different_names_have_different_skeletons(one, other):
    assert skeleton(one) != skeleton(other)


@pytest.mark.parametrize(
    ("name", "mixed"),
    [
        ("MЅԜN", ["MЅԜN"]),
        ("ЕАА (Aegean Wоrkers' Solidarity)", ["Wоrkers"]),
        ("ΕΑΑ", []),  # a Greek name on its own
        ("ΕΑΑ (Aegean Workers' Solidarity)", []),  # Greek and English words side by side
        ("Halkların Demokratik Kongresi", []),
        ("Հայ Աշխատավորների Միություն", []),
        ("حزب العمال", []),
        ("Ελληνική Ένωση 2024", []),
        ("Ayşe-Hêvî", []),
    ],
)
def test_mixed_script_words(name, mixed):
    assert mixed_script_words(name) == mixed
    assert is_mixed_script(name) is bool(mixed)


def test_scripts_leave_out_digits_and_punctuation():
    assert scripts("ΕΑΑ 2024 (Aegean)") == {"GREEK", "LATIN"}
    assert scripts("2024 – !") == set()


def test_find_lookalike_names_the_existing_one():
    existing = [("greek", ["ΕΑΑ", "Aegean Workers' Solidarity"]), ("latin", ["MSWN"])]
    assert find_lookalike(["ЕАА"], existing) == "greek"
    assert find_lookalike(["Aegean Wоrkers' Solidarity"], existing) == "greek"
    assert find_lookalike(["MЅԜN", "Mediterranean"], existing) == "latin"
    assert find_lookalike(["ΕΑΑ"], existing) is None  # the same name is not a lookalike
    assert find_lookalike(["ΕΑΑ"], existing, include_identical=True) == "greek"
    assert find_lookalike(["", "  "], existing) is None
    assert find_lookalike(["Something else"], existing) is None
