"""Properties of the parsers of dates, calendars, bylines and listings, for any input."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from babel.dates import format_date
from hypothesis import given, settings
from hypothesis import strategies as st

from havza import languages
from havza.archive import bylines, calendars, listing
from havza.archive.boilerplate import HELD, Boilerplate, edge_keys
from havza.archive.dates import SOLAR_MONTHS, find_date, parse_date_line

days = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31))
ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
SOLAR_NAMES = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
               "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"]  # fmt: skip


# -- The Solar Hijri calendar


@pytest.mark.parametrize(
    ("solar", "gregorian"),
    [
        ((1402, 3, 22), dt.date(2023, 6, 12)),
        ((1402, 1, 1), dt.date(2023, 3, 21)),
        ((1403, 1, 1), dt.date(2024, 3, 20)),
        ((1399, 12, 30), dt.date(2021, 3, 20)),  # 1399 is a leap year
        ((1403, 12, 30), dt.date(2025, 3, 20)),  # so is 1403
        ((1357, 11, 22), dt.date(1979, 2, 11)),
        ((1300, 1, 1), dt.date(1921, 3, 21)),
    ],
)
def test_known_solar_hijri_dates(solar, gregorian):
    assert calendars.to_gregorian(*solar) == gregorian
    assert calendars.from_gregorian(gregorian) == solar


def test_esfand_30_exists_only_in_leap_years():
    assert calendars.is_leap(1399) and not calendars.is_leap(1400)
    with pytest.raises(ValueError):
        calendars.to_gregorian(1402, 12, 30)
    with pytest.raises(ValueError):
        calendars.to_gregorian(1402, 13, 1)


@given(days)
def test_solar_hijri_round_trip_and_next_day(day):
    solar = calendars.from_gregorian(day)
    assert calendars.to_gregorian(*solar) == day
    year, month, number = calendars.from_gregorian(day + dt.timedelta(days=1))
    if number == 1:  # a new month (or year) starts only after the last day of the month
        assert solar[2] == calendars.month_length(solar[0], solar[1])
        assert (year, month) == ((solar[0], solar[1] + 1) if solar[1] < 12 else (solar[0] + 1, 1))
    else:
        assert (year, month, number) == (solar[0], solar[1], solar[2] + 1)


@given(st.integers(min_value=1280, max_value=1580))
def test_a_solar_year_has_365_or_366_days(year):
    length = (calendars.new_year(year + 1) - calendars.new_year(year)).days
    assert length == (366 if calendars.is_leap(year) else 365)
    assert calendars.new_year(year).month == 3 and 19 <= calendars.new_year(year).day <= 22


# -- Dates in every site language


@settings(max_examples=60)
@given(days, st.sampled_from([lang.locale for lang in languages.all_languages()]))
def test_a_date_written_as_a_language_writes_it_is_read_back(day, locale):
    for form in ("long", "full"):
        assert parse_date_line(format_date(day, format=form, locale=locale)) == day


@given(days, st.sampled_from([ARABIC_DIGITS, PERSIAN_DIGITS]))
def test_arabic_and_persian_digits(day, digits):
    for locale in ("ar", "fa"):
        line = format_date(day, format="long", locale=locale).translate(digits)
        assert parse_date_line(line) == day


@given(days)
def test_armenian_year_first(day):
    month = format_date(day, format="MMMM", locale="hy")
    assert parse_date_line(f"{day.year} թ. {month} {day.day}") == day


@given(days, st.booleans())
def test_solar_hijri_dates_in_persian_become_gregorian(day, persian_digits):
    year, month, number = calendars.from_gregorian(day)
    line = f"{number} {SOLAR_NAMES[month - 1]} {year}"
    if persian_digits:
        line = line.translate(PERSIAN_DIGITS)
    assert parse_date_line(line) == day
    assert parse_date_line(f"{year}/{month:02d}/{number:02d}".translate(PERSIAN_DIGITS)) == day


def test_every_solar_month_name_is_known():
    assert sorted(set(SOLAR_MONTHS.values())) == list(range(1, 13))
    assert all(SOLAR_MONTHS[name] == n for n, name in enumerate(SOLAR_NAMES, 1))


@given(st.text(max_size=120))
def test_date_parsing_never_fails_and_a_date_is_a_real_day(text):
    found = find_date(text)
    line = parse_date_line(text)
    if line is not None:
        assert found is not None and found[0] == line and len(text) <= 80


# -- Bylines

ORGANIZATIONS = {
    "en": ["Revolutionary Workers Party", "International Socialist Center", "Dockers Union"],
    "tr": ["Devrimci İşçi Partisi", "Maden İşçileri Sendikası", "Halkevleri Derneği"],
    "es": ["Partido Obrero", "Frente de Trabajadores", "Liga Socialista"],
    "fr": ["Parti Ouvrier", "Réseau Syndical International", "Ligue Communiste"],
    "it": ["Partito Comunista dei Lavoratori", "Rete dei Comunisti", "Sindacato di Base"],
    "el": ["Εργατικό Επαναστατικό Κόμμα", "Ένωση Λιμενεργατών", "Δίκτυο Αλληλεγγύης"],
    "hy": ["Հեղափոխական կուսակցություն", "Բանվորական միություն", "Սոցիալիստական կենտրոն"],
    "ar": ["حزب العمال الثوري", "المركز الاشتراكي الأممي", "نقابة عمال الموانئ"],
    "fa": ["حزب کارگران انقلابی", "شورای کارگران نفت", "سندیکای کارگران بندر"],
}


@given(
    st.sampled_from(sorted(ORGANIZATIONS)).flatmap(
        lambda lang: st.tuples(
            st.just(lang),
            st.lists(st.sampled_from(ORGANIZATIONS[lang]), min_size=2, max_size=2, unique=True),
        )
    )
)
def test_two_organizations_joined_by_the_language_conjunction_are_two_authors(case):
    lang, (first, second) = case
    for conjunction in bylines.AND[lang]:
        line = f"{first} {conjunction} {second}"
        assert bylines.split_authors(line, lang) == [first, second]
        assert bylines.organizations(line, lang) == [first, second]


@given(st.sampled_from([n for names in ORGANIZATIONS.values() for n in names]), days)
def test_statement_prefix_name_and_date_on_one_line(name, day):
    line = f"Statement of the {name}, {day.day}.{day.month}.{day.year},"
    found = bylines.with_date(line)
    assert found is not None and found.statement
    assert (found.names, found.date) == (name, day)


@given(st.text(max_size=150), st.sampled_from(["", *bylines.AND]))
def test_byline_splitting_never_invents_text(text, lang):
    for name in bylines.split_authors(text, lang):
        assert name and name in text
    found = bylines.with_date(text)
    if found is not None:
        assert found.names in text


@pytest.mark.parametrize("line", ["Bread and Roses", "The Middle East and North Africa"])
def test_a_name_with_a_conjunction_inside_is_not_two_organizations(line):
    assert bylines.organizations(line, "en") is None


# -- Boilerplate: bylines and dates are held for an editor


def test_a_repeated_author_line_is_held_not_learned():
    pages = [["Network of the shores", "Sungur Savran", f"Title {n}", "Text."] for n in range(5)]
    learned = Boilerplate.learn(pages)
    assert "network of the shores" in learned.learned
    assert learned.held == {"sungur savran"}
    assert not learned.known("Sungur Savran")
    confirmed = Boilerplate.learn(pages, confirmed=["Sungur Savran"])
    assert confirmed.known("Sungur Savran") and not confirmed.held


@given(st.lists(st.text(max_size=60), max_size=30))
def test_edge_keys_mark_only_what_reads_as_a_byline_or_a_date(lines):
    for key in edge_keys(lines):
        assert key
        bare = key[len(HELD) :] if key.startswith(HELD) else key
        assert bare and not bare.startswith(HELD)


# -- Listings


@given(st.text(max_size=100))
def test_pager_and_listing_parsers_never_fail(text):
    listing.is_pager(text)
    listing.without_read_more(text)
    listing.TeaserIndex([listing.Teaser(text, text)]).find(text, text)


@pytest.mark.parametrize(
    "line", ["1 2 3 … 12 Next »", "« Önceki 1 2 3 Sonraki »", "Page 2 of 7", "Επόμενη σελίδα"]
)
def test_pager_lines(line):
    assert listing.is_pager(line)


@pytest.mark.parametrize("line", ["Next steps for the strike", "In 2023 and 2024", "12 May"])
def test_not_pager_lines(line):
    assert not listing.is_pager(line)


def test_teasers_are_found_by_link_or_title():
    teaser = listing.Teaser(
        "Dockers stop the arms shipment", "/2024/03/dockers-stop/", "Eleni Markou"
    )
    index = listing.TeaserIndex([teaser])
    assert index.find(path="/archive/2024/dockers-stop.html") is teaser
    assert index.find(path="https://example.org/2024/03/dockers-stop/index.html") is teaser
    assert index.find(title="DOCKERS stop the arms shipment!") is teaser
    assert index.find(title="Another title", path="another.html") is None
    # Two teasers that disagree about one title are no evidence.
    other = listing.Teaser("Dockers stop the arms shipment", "", "Someone Else")
    assert listing.TeaserIndex([teaser, other]).find(title=teaser.title) is None


def test_page_with_many_dated_items_and_running_text_is_not_a_listing():
    from havza.archive.page import Page, from_text
    from havza.archive.structure import analyze

    text = "\n\n".join(
        f"Event {n}\n{n + 1} March 2024\n" + "A long paragraph of running text. " * 20
        for n in range(4)
    )
    parsed = analyze(Page(lines=from_text("A chronology\n\n" + text)))
    assert parsed.listing is None
    assert re.search("running text", parsed.markdown)


@given(
    st.lists(
        st.frozensets(st.sampled_from(["footer", "menu", HELD + "jane doe", HELD + "9 may 2023"])),
        max_size=30,
    ),
    st.sets(st.sampled_from(["Jane Doe", "footer"])),
)
def test_learning_from_counts_is_learning_from_edges(pages, confirmed):
    from collections import Counter

    counts = Counter(key for keys in pages for key in keys)
    by_counts = Boilerplate.from_counts(counts, len(pages), confirmed)
    assert by_counts == Boilerplate.from_edges(pages, confirmed)
    assert not by_counts.learned & by_counts.held
    assert all(not key.startswith(HELD) for key in by_counts.learned | by_counts.held)
    assert "jane doe" not in by_counts.learned or "Jane Doe" in confirmed
