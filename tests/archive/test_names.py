"""Names read from a document's text for grouping its translations."""

import sys

from havza.archive import names


def test_a_name_is_found_among_lower_case_words_and_inside_an_apostrophe():
    found, words = names.text_names(
        ["we met in Bursa'daki hall, dell'America too, with EEK members; then Paris."]
    )
    assert found == sorted({names.sound_key("Bursa"), names.sound_key("America"), "@EEK"})
    assert words == []


def test_a_capitalized_word_opening_a_sentence_is_not_a_name():
    found, _ = names.text_names(["Yesterday the union spoke. Tomorrow Sungur Savran will."])
    assert found == sorted({names.sound_key("Sungur"), names.sound_key("Savran")})


def test_words_of_scripts_without_capitals_are_keyed_as_words():
    found, words = names.text_names(["سونغور سافران في بيروت"])
    assert found == []
    assert words == sorted(
        {names.sound_key("سونغور"), names.sound_key("سافران"), names.sound_key("بيروت")}
    )


def test_no_lower_case_letter_with_a_capital_lies_beyond_the_letters_scanned():
    beyond = [
        c
        for c in range(names._CASED_BELOW, sys.maxunicode + 1)
        if (ch := chr(c)).islower() and names._cased(ch)
    ]
    assert beyond == []
