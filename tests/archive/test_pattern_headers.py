"""The lines around a page's title: which are a byline or a date, and which stay text."""

import datetime as dt

from havza.archive.page import Page, from_text
from havza.archive.structure import analyze

BODY = (
    "The refinery workers walked out at six in the morning after the company announced "
    "the end of forty contracts. The strike goes on."
)


def parse(text: str):
    return analyze(Page(lines=from_text(text)))


def test_a_first_line_by_someone_is_a_byline_and_the_title_follows():
    parsed = parse(f"By Maria Kostopoulou\n\nThe winter of strikes\n\n{BODY}")
    assert (parsed.title, parsed.authors) == ("The winter of strikes", ["Maria Kostopoulou"])
    untitled = parse(f"by Maria Kostopoulou\n\n{BODY}")
    assert (untitled.title, untitled.authors) == ("", ["Maria Kostopoulou"])
    assert "no title found" in untitled.problems
    assert untitled.paragraphs[0].text == BODY


def test_a_title_starting_with_by_stays_the_title():
    parsed = parse(f"By Any Means Necessary\n\n{BODY}")
    assert (parsed.title, parsed.authors) == ("By Any Means Necessary", [])


def test_byline_and_date_written_one_under_the_other():
    parsed = parse(f"A title\n\nDevrimci İşçi Partisi\n3 Mart 2024\n\n{BODY}")
    assert parsed.authors == ["Devrimci İşçi Partisi"]
    assert parsed.date == dt.date(2024, 3, 3)
    assert [p.text for p in parsed.paragraphs] == [BODY]


def test_a_weekday_before_a_date_is_no_author():
    parsed = parse(f"A title\n\nTuesday, 9 May 2023\n\n{BODY}")
    assert (parsed.authors, parsed.date) == ([], dt.date(2023, 5, 9))


def test_a_single_organization_line_without_date_stays_text():
    parsed = parse(f"A title\n\nRevolutionary Workers Party\n\n{BODY}")
    assert parsed.authors == []
    assert parsed.paragraphs[0].text == "Revolutionary Workers Party"


def test_a_place_and_date_ending_a_page_dates_it_a_bare_date_does_not():
    placed = parse(f"A title\n\n{BODY}\n\nIstanbul, 9 May 2023")
    assert placed.date == dt.date(2023, 5, 9)
    assert all("Istanbul" not in p.text for p in placed.paragraphs)
    bare = parse(f"A title\n\n{BODY}\n\n9 May 2023")
    assert bare.date is None
    assert bare.paragraphs[-1].text == "9 May 2023"


def test_a_header_date_wins_over_the_closing_dateline():
    parsed = parse(f"A title\n\nJane Doe\n1 May 2023\n\n{BODY}\n\nIstanbul, 9 May 2023")
    assert parsed.date == dt.date(2023, 5, 1)
    assert parsed.paragraphs[-1].text == "Istanbul, 9 May 2023"  # it stays in the text
