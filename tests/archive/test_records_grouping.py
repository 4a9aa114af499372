"""Translations with no number, link or date in them still meet: by the names of people,
places and organizations they share across scripts, their length and their shape."""

import json
import re
import shutil
from pathlib import Path

import pytest
from anyascii import anyascii
from hypothesis import given, settings
from hypothesis import strategies as st

from havza.archive import grouping, importer
from havza.archive.names import shared_names, sound_key, text_names

RECORDS = Path(__file__).resolve().parent / "data" / "records"
GROUPS = json.loads((RECORDS / "groups.json").read_text(encoding="utf-8"))["groups"]


def test_the_fixtures_have_no_digit_and_five_languages_or_more():
    pages = sorted((RECORDS / "grouping").glob("*.txt"))
    assert not any(re.search(r"\d", p.read_text(encoding="utf-8")) for p in pages)
    assert len({p.stem.split("-")[1] for p in pages}) >= 5
    assert sorted(p.name for p in pages) == sorted(n for g in GROUPS for n in g)


@pytest.mark.django_db
def test_translations_without_digits_are_joined_and_other_pages_are_not(tmp_path):
    shutil.copytree(RECORDS / "grouping", tmp_path / "archive")
    report = importer.run([str(tmp_path / "archive")], importer.Options(jobs=1))
    work = {Path(d["path"]).name: d["work"] for d in report.documents}
    assert all(d["status"] == "imported" for d in report.documents)
    found = {}
    for name, work_id in work.items():
        found.setdefault(work_id, set()).add(name)
    assert sorted(map(sorted, found.values())) == sorted(map(sorted, GROUPS))


@pytest.mark.parametrize(
    "spellings",
    [
        ["Sungur", "سونغور", "Σουνγκούρ", "Սունգուր"],
        ["Savran", "سافران", "Σαβράν", "Սավրան"],
        ["Rakovsky", "راكوفسكي", "Ռակովսկի", "Раковский"],
        ["Caracas", "كاراكاس", "Καράκας"],
        ["Venezuela", "فنزويلا", "Βενεζουέλα", "Վենեսուելա"],
        ["RedMed", "ريدميد", "Ρεντμέντ"],
    ],
)
def test_a_name_sounds_alike_in_every_script(spellings):
    assert len({sound_key(s) for s in spellings}) == 1, {s: sound_key(s) for s in spellings}


def test_names_are_capitalized_words_inside_sentences():
    names, words = text_names(
        ["Workers of Bursa met Mehmet Yılmaz. The strike goes on at Renault'un gates."]
    )
    # "Mehmet" has two consonants ("mt"): too few to tell one name from another.
    assert names == sorted({sound_key("Bursa"), sound_key("Yılmaz"), sound_key("Renault")})
    assert words == []  # a script with capitals gives its names only
    names, words = text_names(["التقى عمال بورسا محمد ييلماز"])
    assert names == [] and sound_key("بورسا") in words


def test_a_declined_name_still_matches():
    # Greek declines names: "Παπαδάκη" is "Papadakis" in the accusative.
    found, total = shared_names([sound_key("Papadakis")], [sound_key("Παπαδάκη")])
    assert found == total == 1.0


def test_one_shared_name_is_not_enough_to_compare():
    a = grouping.Node(1, "en", grouping.evidence("T", [("p", "We met Ankara.")], None, [], []))
    b = grouping.Node(2, "tr", grouping.evidence("T", [("p", "Biz Ankara.")], None, [], []))
    assert grouping.group([a, b]).groups == [[1], [2]]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_sound_keys_are_short_ascii(word):
    key = sound_key(word)
    # No longer than the word written in Latin letters: one character may stand for a
    # whole word ("㌫" is "paasento", "﷽" a phrase), so its own length is no bound.
    assert re.fullmatch(r"[a-z]*", key) and len(key) <= len(anyascii(word.casefold()))
    assert sound_key(word.upper()) == sound_key(word.lower()) or not word.isascii()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="bcdfgklmnprstz", min_size=3, max_size=7), max_size=12))
def test_a_document_shares_all_of_its_names_with_itself(keys):
    found, total = shared_names(keys, keys)
    assert found == total


def test_names_every_page_repeats_say_nothing():
    """Two dozen unrelated pages all naming the network's city and factory are not joined."""
    nodes = [
        grouping.Node(
            n,
            "en" if n % 2 else "tr",
            grouping.evidence(
                "T", [("p", f"Workers of Bursa at Renault, {n} days.")], None, [], []
            ),
        )
        for n in range(24)
    ]
    assert all(len(g) == 1 for g in grouping.group(nodes).groups)
    assert {sound_key("Bursa"), sound_key("Renault")} <= grouping.common_names(nodes)
