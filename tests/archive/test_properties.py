"""Properties of the archive import that hold for any input: nothing read is lost or turned
into markup, parsing is deterministic, and importing the same files again changes nothing."""

import datetime as dt
import html
import re
import tempfile
from pathlib import Path

import pytest
from babel.dates import format_date
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from havza.archive import body, importer, signatories
from havza.archive.dates import parse_date_line
from havza.archive.page import Page, from_text
from havza.archive.sources import SourceError, read_bytes
from havza.archive.structure import analyze
from havza.archive.text import clean_line
from havza.publishing.markdown import render
from havza.publishing.models import Translation

FRAGMENTS = [
    b"<html><body><p>", b"</p>", b"<?xml version='1.0'?>",
    b"<rss xmlns:wp='http://wordpress.org/export/1.2/'><channel><item>", b"</item>",
    b"<wp:post_type>post</wp:post_type>", b"<content:encoded><![CDATA[", b"]]>",
    b"\n\n", b"EEK (Workers Revolutionary Party)- Greece", b"May 9, 2023", b"\xff\xfe",
    "“Quoted".encode(), b"\x00", "Ελλάδα".encode(), "شواطئ".encode(), b"\xc3", b"- item\n",
    b"<script>alert(1)</script>", b"<img src=x onerror=alert(1)>", b"<!-- note -->",
    b"[link](javascript:alert(1))", b"<iframe src=//evil.example>", b"&lt;b&gt;",
]  # fmt: skip

files = st.lists(
    st.one_of(st.binary(max_size=300), st.sampled_from(FRAGMENTS), st.text(max_size=200).map(
        lambda s: s.encode("utf-8", "surrogatepass"))),
    max_size=25,
).map(b"".join)  # fmt: skip

_MARKUP = re.compile(
    r"<(script|img|iframe|style|object|embed|svg|math|form)\b|<[a-z][^>]*\son\w+\s*=", re.I
)


def _words(texts) -> list[str]:
    return sorted(w for t in texts for w in t.split())


@settings(max_examples=150, deadline=None)
@given(data=files)
def test_any_file_is_read_the_same_way_twice_and_nothing_in_it_becomes_markup(data):
    try:
        documents = read_bytes(data, "x")
    except SourceError as error:
        assert str(error)  # the reason the report gives
        with pytest.raises(SourceError, match=re.escape(str(error))):
            read_bytes(data, "x")
        return
    again = read_bytes(data, "x")
    assert [(d.key, d.digest, d.page.lines, d.draft) for d in documents] == [
        (d.key, d.digest, d.page.lines, d.draft) for d in again
    ]
    for document in documents:
        parsed = analyze(document.page)
        for paragraph in parsed.paragraphs:
            # Stored lines are clean: no double spaces, no leading or trailing space, none empty.
            for line in paragraph.text.split("\n"):
                assert line and line == " ".join(line.split())
        assert not _MARKUP.search(render(parsed.markdown))


LETTERS = "abcdefghijklmnoprstuvyzçğışöüαβγδεζηθλμνξπρστφωабвгдежзклмнпрстابتثجحخدرسشصعلمن"
word = st.text(alphabet=LETTERS, min_size=1, max_size=9)
sentence = st.lists(word, min_size=3, max_size=14).map(lambda ws: " ".join(ws) + ".")
paragraph = st.lists(sentence, min_size=1, max_size=4).map("\n".join)
plain_page = st.lists(paragraph, min_size=1, max_size=8).map("\n\n".join)


@settings(max_examples=200, deadline=None)
@given(plain_page)
def test_no_word_of_a_plain_text_page_is_lost_or_invented(text):
    parsed = analyze(Page(lines=from_text(text)))
    # Lines in several languages at the top are the site's taglines: kept as such, not as body.
    kept = [*parsed.taglines.values(), parsed.title, *(p.text for p in parsed.paragraphs)]
    assert _words(kept) == _words([text])
    assert parsed.paragraphs or parsed.title, "a page of text kept no text"
    # The Markdown shows the same words, as text.
    shown = html.unescape(re.sub(r"<[^>]+>", " ", render(parsed.markdown)))
    assert _words([shown]) == _words(p.text for p in parsed.paragraphs)


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc"]), max_size=120))
def test_escaped_text_renders_as_exactly_that_text(text):
    line = " ".join(text.split())
    rendered = render(body.escape(line))
    visible = html.unescape(re.sub(r"</?p>|\n", "", rendered))
    assert visible == line.strip()


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2049, 12, 31)),
       st.sampled_from(["en", "tr", "fr", "es", "it", "pt", "el"]))  # fmt: skip
def test_a_date_written_in_a_site_language_reads_back(date, locale):
    assert parse_date_line(format_date(date, "long", locale=locale)) == date


ACRONYMS = st.text(alphabet="ABCDEFGHKLMNPRSTVWΔΕΚΣ", min_size=2, max_size=5)
NAME_WORDS = ["Workers", "Party", "Revolutionary", "League", "Socialist", "Union", "Marine"]
COUNTRIES = {"Greece": "GR", "Turkey": "TR", "Venezuela": "VE", "Argentina": "AR", "Iran": "IR"}


@given(
    ACRONYMS,
    st.lists(st.sampled_from(NAME_WORDS), min_size=2, max_size=4),
    st.sampled_from(sorted(COUNTRIES)),
    st.sampled_from(["- ", ", ", " - ", " – "]),
)
def test_a_signatory_line_reads_back(acronym, words, country, separator):
    name = " ".join(words)
    signer = signatories.parse_line(f"{acronym} ({name}){separator}{country}")
    assert signer is not None
    assert (signer.acronym, signer.name, signer.country) == (acronym, name, COUNTRIES[country])


@given(st.text(max_size=200))
def test_bodies_of_a_line_hold_only_its_words(line):
    names = signatories.split_bodies(line)
    words = clean_line(line)  # invisible characters and spacing are all that may go
    for name in names:
        assert name and all(w in words for w in name.split())


@pytest.mark.django_db
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(contents=st.lists(st.one_of(files, plain_page.map(str.encode)), min_size=1, max_size=4))
def test_importing_the_same_files_again_changes_nothing(contents):
    with tempfile.TemporaryDirectory() as folder:
        for n, data in enumerate(contents):
            Path(folder, f"{n}.txt").write_bytes(data)
        first = importer.run([folder], importer.Options(jobs=1))
        stored = sorted(Translation.objects.values_list("pk", "modified_at", "body_html"))
        second = importer.run([folder], importer.Options(jobs=1))
    names = {f"{n}.txt" for n in range(len(contents))}
    assert {Path(d["path"]).name for d in first.documents} == names
    # What was imported or skipped is remembered; what failed fails again for the same reason.
    expected = {
        d["key"]: ("failed", d["problems"]) if d["status"] == "failed" else ("unchanged", None)
        for d in first.documents
    }
    found = {
        d["key"]: (d["status"], d["problems"] if d["status"] == "failed" else None)
        for d in second.documents
    }
    assert found == expected
    assert sorted(Translation.objects.values_list("pk", "modified_at", "body_html")) == stored
