"""The text helpers every parser of the archive shares: what they keep, drop and compare."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from havza.archive import language, text
from havza.archive.sources import SourceError, read_bytes

# Bidi marks and embeddings, zero-width space, soft hyphen, byte order mark.
INVISIBLE = "\u200b\u200e\u200f\u061c\ufeff\u00ad" + "".join(map(chr, range(0x202A, 0x202F)))
INVISIBLE += "".join(map(chr, range(0x2066, 0x206A)))
SPACES = " \t\n\r\f\v\u00a0\u1680\u2000\u2003\u200a\u2028\u2029\u202f\u205f\u3000\x1c\x85"
LETTERS = "aZéğİıßΣσԱաاپבЖ1٣۴５.,“”«»-—"

lines = st.text(alphabet=st.sampled_from(INVISIBLE + SPACES + LETTERS), max_size=80)


@given(lines)
def test_a_clean_line_has_no_invisible_characters_and_single_spaces(line):
    cleaned = text.clean_line(line)
    assert not set(cleaned) & set(INVISIBLE)
    assert cleaned == cleaned.strip() and "  " not in cleaned
    assert all(ch == " " or not ch.isspace() for ch in cleaned)
    # Only invisible characters and spacing changed: the visible text is all there.
    visible = [ch for ch in line if ch not in INVISIBLE and not ch.isspace()]
    assert [ch for ch in cleaned if ch != " "] == visible
    assert text.clean_line(cleaned) == cleaned


@given(lines, st.sampled_from(["", " ", "\u00a0", "\u200b", "“", "—", "  \t"]))
def test_fingerprints_ignore_spacing_case_marks_and_edge_quotes(line, extra):
    key = text.fingerprint(line)
    assert text.fingerprint(extra + line.upper() + extra) == text.fingerprint(line.upper())
    assert text.fingerprint(line.replace(" ", "  \u200b")) == key
    assert key == text.fingerprint(key)


@given(st.integers(min_value=0, max_value=10**12))
def test_digits_of_every_script_read_as_ascii(number):
    written = str(number)
    for zero in ("٠", "۰", "０"):
        other = "".join(chr(ord(zero) + int(d)) for d in written)
        assert text.ascii_digits(f"on {other} May") == f"on {written} May"
    assert text.ascii_digits(f"Σ {written} ա") == f"Σ {written} ա"


@given(st.text(max_size=300))
def test_text_with_few_control_characters_is_read(page):
    controls = sum(
        1 for ch in page if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\x00"
    )
    binary = "\x00" in page or (page and controls / len(page) > 0.05)
    assert text._looks_binary(page) == bool(binary)


def test_a_page_of_control_characters_is_refused_and_tabs_are_not():
    page = "Workers of the world, unite!\n\n" * 10
    assert read_bytes(("\t" * 200 + page).encode(), "tabs.txt")
    try:
        read_bytes(("\x07\x1b" * 40 + page).encode(), "bells.txt")
    except SourceError as error:
        assert "binary" in str(error)
    else:
        raise AssertionError("a page of control characters was read as text")


@given(st.text(alphabet=st.sampled_from("aé ԱբΑβاپבЖ1.\u1e00ﭐ"), max_size=60))
def test_the_dominant_script_has_the_most_letters(sample):
    script, count = language.dominant_script(sample)
    counts = {name: len(pattern.findall(sample)) for name, pattern in language._SCRIPTS.items()}
    assert count == max(counts.values())
    if count:
        # Ties go to the first script listed.
        assert script == next(name for name, n in counts.items() if n == count)
    else:
        assert script == ""
