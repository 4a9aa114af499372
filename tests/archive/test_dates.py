import datetime as dt

import pytest

from havza.archive import dates

MAY_9 = dt.date(2023, 5, 9)


@pytest.mark.parametrize(
    "line",
    [
        "May 9, 2023",
        "9 Mayıs 2023",
        "9 mai 2023",
        "٩ مايو ٢٠٢٣",
        "۹ مه ۲۰۲۳",
        "۹ مهٔ ۲۰۲۳",
        "9 Μαΐου 2023",
        "9 de mayo de 2023",
        "9 maggio 2023",
        "9 de maio de 2023",
        "9ê gulanê 2023",
        "9 մայիսի, 2023 թ.",
        "9 أيار 2023",
        "Tuesday, May 9, 2023",
        "May 9th, 2023",
        "2023-05-09",
        "09.05.2023",
        "Istanbul, 9 May 2023",
    ],
)
def test_date_lines_in_every_site_language(line):
    assert dates.parse_date_line(line) == MAY_9


@pytest.mark.parametrize(
    "line",
    [
        "which was convened on 25-26 June 2022 and which brought together 45 speakers",
        "The Victory against Hitler’s Nazism on May 9, 1945 could not be achieved without",
        "International Socialist Center “Christian Rakovsky”",
        "Mayıs 2023",
        "31 February 2023",
    ],
)
def test_not_a_date_line(line):
    assert dates.parse_date_line(line) is None


def test_metadata_dates():
    assert dates.parse_iso("2023-05-09 10:00:00") == MAY_9
    assert dates.parse_iso("0000-00-00 00:00:00") is None
    assert dates.parse_iso("garbage") is None
