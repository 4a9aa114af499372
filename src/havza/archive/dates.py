"""Publication dates written the way each site language writes them.

"May 9, 2023", "9 Mayıs 2023", "9 mai 2023", "٩ مايو ٢٠٢٣", "۹ مه ۲۰۲۳", "9 Μαΐου 2023",
"9 de mayo de 2023", "2024 թ. մարտի 3", "2023-05-09", "09.05.2023"; Persian pages' Solar
Hijri dates ("۲۲ خرداد ۱۴۰۲", "۱۴۰۲/۰۳/۲۲") are converted to the Gregorian date. Month names
come from CLDR (Babel) for every site language, in all the forms CLDR knows (wide and
abbreviated, format and stand-alone, so the Greek and Armenian genitives are there), plus
the names Levantine Arabic uses.

``parse_date_line`` accepts a line only when the date is nearly all of it (a weekday or a
place may stand before it): a date mentioned inside a sentence is never a publication date.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import cache

from babel import Locale

from havza import languages
from havza.archive import calendars
from havza.archive.text import ascii_digits, clean_line

# Month names CLDR does not list for a site language but its writers use.
EXTRA_MONTHS: dict[str, dict[str, int]] = {
    "ar": {
        "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6,
        "تموز": 7, "آب": 8, "أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11,
        "كانون الأول": 12, "ماي": 5, "يوليوز": 7, "غشت": 8,
    },
    "fa": {"مى": 5, "مارچ": 3, "اپریل": 4, "اپريل": 4, "جون": 6},
    "en": {"sept": 9},
    "tr": {"agustos": 8},
}  # fmt: skip

# The months of the Solar Hijri calendar, as Iran names them and as Afghanistan does.
SOLAR_MONTHS: dict[str, int] = {
    "فروردین": 1, "اردیبهشت": 2, "خرداد": 3, "تیر": 4, "مرداد": 5, "امرداد": 5,
    "شهریور": 6, "مهر": 7, "آبان": 8, "ابان": 8, "آذر": 9, "اذر": 9, "دی": 10,
    "بهمن": 11, "اسفند": 12, "حمل": 1, "ثور": 2, "جوزا": 3, "سرطان": 4, "اسد": 5,
    "سنبله": 6, "میزان": 7, "عقرب": 8, "قوس": 9, "جدی": 10, "دلو": 11, "حوت": 12,
}  # fmt: skip

_LEFTOVER_ALLOWED = 32  # characters besides the date: "Tuesday, " or "Istanbul, "


def _normalize(text: str) -> str:
    text = ascii_digits(clean_line(text)).casefold()
    # Arabic and Persian forms of the same letter, and the Persian ezafe on "مهٔ".
    text = text.replace("ي", "ی").replace("ك", "ک").replace("ٔ", "").replace("ۀ", "ه")
    return text


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@cache
def month_names() -> dict[str, int]:
    """Every month name of every site language (and English), normalized, to its number."""
    names: dict[str, int] = {}
    locale_ids = ["en", *(lang.locale for lang in languages.all_languages())]
    for locale_id in locale_ids:
        try:
            locale = Locale.parse(locale_id)
        except (ValueError, TypeError):
            continue
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in locale.months.get(context, {}).get(width, {}).items():
                    _add(names, name, number)
    for table in EXTRA_MONTHS.values():
        for name, number in table.items():
            _add(names, name, number)
    return names


def _add(names: dict[str, int], name: str, number: int) -> None:
    key = _normalize(name).rstrip(".")
    # One-letter abbreviations ("M") say nothing; the first language to claim a name keeps it.
    if len(key) >= 2:
        names.setdefault(key, number)
        names.setdefault(_strip_accents(key), number)


@cache
def weekday_names() -> frozenset[str]:
    """Every weekday name of every site language (and English), normalized."""
    names: set[str] = set()
    for locale_id in ["en", *(lang.locale for lang in languages.all_languages())]:
        try:
            locale = Locale.parse(locale_id)
        except (ValueError, TypeError):
            continue
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for name in locale.days.get(context, {}).get(width, {}).values():
                    names.add(_normalize(name).rstrip("."))
    return frozenset(names)


@cache
def _patterns() -> list[re.Pattern[str]]:
    names = sorted(month_names(), key=len, reverse=True)
    month = "(?P<month>" + "|".join(re.escape(n) for n in names) + r")\.?(?:ê|a)?"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º|ª|ê|\.|'?inci|'?nci|'?ncı|'?üncü)?"
    # Kurmanji writes "2022an"; Armenian follows the year with "թ." (year).
    # Arabic may follow the year with "م" (of the common era).
    year = r"(?P<year>(?:1[89]|2\d)\d\d)(?:an|ê|\s?م)?"
    glue = r"(?:\s+(?:de|del|di|ê|a|ji)\s+|\s*,\s*|\s+|\s*-\s*)"
    b = r"(?<![\w])"
    e = r"(?![\w])"
    return [
        re.compile(rf"{b}{day}{glue}(?:of\s+)?{month}{glue}{year}{e}"),
        # Armenian writes the year first: "2024 թ. մարտի 3".
        re.compile(rf"{b}{year}\s*(?:թ\.?|year)?\s*,?\s*{month}\s+{day}{e}"),
        re.compile(rf"{b}{month}{glue}{day}{glue}{year}{e}"),
        re.compile(rf"{b}(?P<year>(?:1[89]|2\d)\d\d)-(?P<month>[01]?\d)-(?P<day>[0-3]?\d){e}"),
        re.compile(rf"{b}(?P<day>[0-3]?\d)[./](?P<month>[01]?\d)[./]{year}{e}"),
        re.compile(rf"{b}{year}/(?P<month>[01]?\d)/(?P<day>[0-3]?\d){e}"),
    ]


@cache
def _solar_patterns() -> list[re.Pattern[str]]:
    names = sorted((_normalize(n) for n in SOLAR_MONTHS), key=len, reverse=True)
    month = "(?P<month>" + "|".join(re.escape(n) for n in names) + ")"
    # "ش" or "ه.ش" after the year says it is of the Solar Hijri era.
    year = r"(?P<year>1[2-5]\d\d)(?:\s*(?:ه\s*\.?\s*)?ش\.?)?"
    b, e = r"(?<![\w])", r"(?![\w])"
    return [
        re.compile(rf"{b}(?P<day>[0-3]?\d)(?:ام|م)?\s+{month}\s*(?:ماه\s*)?,?\s*{year}{e}"),
        re.compile(rf"{b}{year}[/.-](?P<nmonth>[01]?\d)[/.-](?P<day>[0-3]?\d){e}"),
    ]


@cache
def _solar_months() -> dict[str, int]:
    return {_normalize(name): number for name, number in SOLAR_MONTHS.items()}


def _find_solar(normalized: str) -> tuple[dt.date, int] | None:
    solar = _solar_months()
    for pattern in _solar_patterns():
        for match in pattern.finditer(normalized):
            groups = match.groupdict()
            month = int(groups["nmonth"]) if groups.get("nmonth") else solar[groups["month"]]
            try:
                date = calendars.to_gregorian(int(groups["year"]), month, int(groups["day"]))
            except ValueError:
                continue
            return date, len(normalized) - (match.end() - match.start())
    return None


def find_date(text: str) -> tuple[dt.date, int] | None:
    """The first date in TEXT and how many characters of TEXT are not part of it."""
    normalized = _normalize(text)
    if not any(ch.isdigit() for ch in normalized):
        return None
    found = _find_gregorian(normalized)
    if found is None and _SOLAR_HINT.search(normalized):
        found = _find_solar(normalized)
    return found


# A Solar Hijri date has a year from 1200 to 1599 (1821 to 2221 of the common era).
_SOLAR_HINT = re.compile(r"1[2-5]\d\d")


def _find_gregorian(normalized: str) -> tuple[dt.date, int] | None:
    names = month_names()
    for pattern in _patterns():
        for match in pattern.finditer(normalized):
            month_text = match.group("month")
            month = int(month_text) if month_text.isdigit() else names.get(month_text.rstrip("."))
            if month is None:
                month = names.get(_strip_accents(month_text.rstrip(".")))
            try:
                date = dt.date(int(match.group("year")), int(month or 0), int(match.group("day")))
            except ValueError:
                continue
            leftover = len(normalized) - (match.end() - match.start())
            return date, leftover
    return None


def parse_date_line(line: str) -> dt.date | None:
    """The date a line states, when the line is a date (a dateline), else None."""
    if len(line) > 80:
        return None
    found = find_date(line)
    if found is None:
        return None
    date, leftover = found
    return date if leftover <= _LEFTOVER_ALLOWED else None


def parse_iso(value: str | None) -> dt.date | None:
    """A date from metadata ("2023-05-09", "2023-05-09 10:00:00", "2023-05-09T10:00Z")."""
    if not value:
        return None
    match = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})", value)
    if not match:
        return None
    try:
        date = dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None
    # WordPress writes 0000-00-00 for drafts; dates before the web are not publication dates.
    return date if date.year >= 1900 else None
