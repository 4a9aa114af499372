"""Signatory lists: "EEK (Workers Revolutionary Party)- Greece" to acronym, name and country.

A statement of the network ends with the bodies that issue it and the organizations that sign
it, one per line, written by many hands: the country follows a hyphen, a dash or a comma with
any spacing; the acronym stands before the name in parentheses, or after it; some lines have
no country at all. Countries are read in any site language through CLDR's territory names.

A list may stand under a label ("Signed by:", "İmzacılar:", "Firmantes:") and may name
people ("Ayşe Demir, Turkey"); a closing place-and-date line ("Caracas, 26 June 2017")
below or above it is the declaration's dateline, not one more signatory.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from babel import Locale

from havza import countries, languages
from havza.archive.dates import find_date
from havza.archive.names import person_parts
from havza.archive.text import clean_line, ends_sentence

# Names in use that CLDR does not give as a country's main name in any site language.
COUNTRY_ALIASES = {
    "russian federation": "RU", "turkey": "TR", "turkiye": "TR", "usa": "US", "u.s.a": "US",
    "u.s": "US", "united states of america": "US", "america": "US", "uk": "GB",
    "u.k": "GB", "great britain": "GB", "britain": "GB", "england": "GB", "scotland": "GB",
    "wales": "GB", "holland": "NL", "the netherlands": "NL", "ivory coast": "CI",
    "czech republic": "CZ", "south korea": "KR", "north korea": "KP", "iran": "IR",
    "islamic republic of iran": "IR", "syria": "SY", "palestine": "PS", "kosova": "XK",
    "macedonia": "MK", "persia": "IR", "burma": "MM", "swaziland": "SZ", "cape verde": "CV",
    "east timor": "TL", "vatican": "VA", "bolivarian republic of venezuela": "VE",
    "rusya federasyonu": "RU", "federación de rusia": "RU", "fédération de russie": "RU",
    "federazione russa": "RU", "federação russa": "RU", "ρωσική ομοσπονδία": "RU",
}  # fmt: skip

# Words that start another body's name inside one line: "... “Christian Rakovsky” The RedMed".
_ARTICLES = {"The", "La", "Le", "Les", "El", "Los", "Las", "Il", "Lo", "Gli", "Die", "Der", "Das"}
_CLOSING_QUOTES = '”»"’'
_OPENING_QUOTES = '“«"„‘'
_SEPARATORS = "-–—,/|:"
_PARENS = re.compile(r"^(?P<outer>[^()]+?)\s*\((?P<inner>[^()]+)\)\s*(?P<tail>.*)$")
# The label above a list of signatures, in the site languages: "Signed by:", "Signatories:".
SIGNED_BY_LABELS = (
    "signed by", "signatories", "signatures", "signers", "signed", "co-signed by",
    "imzacılar", "imzalayanlar", "imzalar", "imza", "imzacı örgütler",
    "الموقعون", "الموقعين", "التوقيعات", "وقع عليه", "وقّع عليه", "الموقّعون",
    "امضاکنندگان", "امضا کنندگان", "امضاها", "امضا",
    "firmato da", "firmatari", "firme", "hanno firmato", "aderiscono",
    "υπογράφουν", "υπογραφές", "υπογράφοντες", "οι υπογράφοντες", "υπογραφή",
    "îmzeker", "îmzekar", "îmzedar", "îmze", "îmzekarên",
    "ստորագրել են", "ստորագրողներ", "ստորագրություններ", "ստորագրեցին",
    "firmado por", "firmantes", "firman", "firmas", "adhieren",
    "signé par", "signataires", "ont signé", "signatures",
    "assinado por", "signatários", "assinam", "assinaturas", "subscrevem",
)  # fmt: skip
_LABEL = re.compile(
    r"^(?:" + "|".join(re.escape(label) for label in SIGNED_BY_LABELS) + r")\s*[:：-]?$",
    re.IGNORECASE,
)
PLACE_MAX_WORDS = 4  # "Caracas", "Buenos Aires", "São Paulo – Rio de Janeiro"


@dataclass(frozen=True)
class Signer:
    """An organization as a signatory line names it."""

    name: str
    acronym: str = ""
    country: str | None = None
    other_name: str = ""  # the name in parentheses when neither is an acronym
    strong: bool = False  # shaped like a signatory line (acronym in parentheses, or country)
    person: bool = False  # a person's name ("Ayşe Demir, Turkey"), not an organization's

    def as_report(self) -> dict[str, str | bool | None]:
        found: dict[str, str | bool | None] = {
            "name": self.name,
            "acronym": self.acronym or None,
            "country": self.country,
        }
        if self.person:
            found["person"] = True
        return found


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[\"'“”„«»‘’.()]", "", text)
    return " ".join(text.split())


@cache
def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    valid = countries.codes()
    for locale_id in ["en", *(lang.locale for lang in languages.all_languages())]:
        try:
            territories = Locale.parse(locale_id).territories
        except (ValueError, TypeError):
            continue
        for code, name in territories.items():
            if code in valid:
                names.setdefault(_fold(name), code)
    for alias, code in COUNTRY_ALIASES.items():
        names.setdefault(_fold(alias), code)
    return names


def country_code(name: str) -> str | None:
    """The ISO 3166 alpha-2 code of a country named in any site language, or None."""
    key = _fold(name).strip(" -–—,;")
    if key.startswith("the "):
        key = key[4:]
    if not key or len(key) > 40:
        return None
    return _country_names().get(key)


def is_acronym(text: str) -> bool:
    """EEK, DIP, PCdoB, ΕΕΚ, CGT-FO: one short word, mostly capital letters."""
    text = text.strip()
    if not text or " " in text or len(text) > 12:
        return False
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 2:
        return False
    upper = sum(1 for ch in letters if ch.isupper())
    return upper >= 2 and upper / len(letters) >= 0.6


def looks_like_name(text: str, max_words: int = 12) -> bool:
    """A short line that names something: no sentence punctuation, mostly capitalized words."""
    words = text.split()
    if not words or len(words) > max_words or len(text) > 120 or ends_sentence(text):
        return False
    first = text[0]
    if not (first.isupper() or first in _OPENING_QUOTES or first.lower() == first.upper()):
        return False
    if text[0].isdigit() or "©" in text or "|" in text or "http" in text:
        return False
    content = [w.strip(_OPENING_QUOTES + _CLOSING_QUOTES + "()") for w in words]
    content = [w for w in content if len(w) >= 4]
    cased = [w for w in content if w[:1].isalpha() and w[:1].lower() != w[:1].upper()]
    if not cased:  # scripts without capitals (Arabic, Armenian lower case): length decides
        return len(words) <= 8
    return sum(1 for w in cased if w[0].isupper()) / len(cased) >= 0.5


def _split_country(line: str) -> tuple[str, str | None]:
    """LINE without its trailing country, and the country's code."""
    depth, cut = 0, -1
    for i, ch in enumerate(line):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in _SEPARATORS:
            cut = i
    if cut > 0:
        code = country_code(line[cut + 1 :])
        if code:
            return line[:cut].strip(), code
    match = _PARENS.match(line)
    if match and not match.group("tail"):
        code = country_code(match.group("inner"))
        if code:
            return match.group("outer").strip(), code
    return line, None


def is_label(line: str) -> bool:
    """ "Signed by:", "Firmantes", "الموقعون:": the line that introduces a signatory list."""
    return bool(_LABEL.match(clean_line(line).strip(" .")))


def closing_date(line: str) -> dt.date | None:
    """The date of a closing dateline: "Caracas, 26 June 2017", "Atina, 3 Mart 2024", a date."""
    line = clean_line(line).rstrip(".")
    if not line or len(line) > 80:
        return None
    found = find_date(line)
    if found is None:
        return None
    date, leftover = found
    if leftover <= 3:
        return date
    place = re.split(r"\s*[,–—-]\s*\d", line, maxsplit=1)[0]
    if place == line or not place or len(place.split()) > PLACE_MAX_WORDS:
        return None
    return date if looks_like_name(place) else None


def parse_line(line: str) -> Signer | None:
    """The organization or person a signatory line names, or None when it is not one."""
    line = clean_line(line).rstrip(";,")
    if not line or len(line) > 160 or closing_date(line) is not None:
        return None
    rest, country = _split_country(line.rstrip("."))
    if not rest or (country is None and line.endswith(".")):
        return None
    acronym, name, other = "", rest, ""
    match = _PARENS.match(rest)
    if match and not match.group("tail"):
        outer, inner = match.group("outer").strip(), match.group("inner").strip()
        if is_acronym(outer):
            acronym, name = outer, inner
        elif is_acronym(inner):
            acronym, name = inner, outer
        else:
            name, other = outer, inner
    elif is_acronym(rest):
        acronym, name = rest, rest
    if not looks_like_name(name) and not (acronym and country):
        return None
    name = strip_article(name)
    strong = bool(country) or bool(match and acronym)
    person = None if acronym or other else person_parts(name)
    if person is not None:
        name = person[0]
    return Signer(
        name=name,
        acronym=acronym,
        country=country,
        other_name=other,
        strong=strong,
        person=person is not None,
    )


def strip_article(name: str) -> str:
    """ "The RedMed web network" is listed as "RedMed web network"."""
    return name[4:].strip() if name.startswith("The ") and len(name) > 8 else name


def split_bodies(line: str) -> list[str]:
    """The names of the bodies one line lists, which writers often run together.

    "The International Socialist Center “Christian Rakovsky” The RedMed web network" names
    two bodies: a new name starts at an article with a capital, or after a closing quote.
    """
    parts: list[list[str]] = [[]]
    words = clean_line(line).split()
    for i, word in enumerate(words):
        previous = words[i - 1] if i else ""
        following = words[i + 1] if i + 1 < len(words) else ""
        starts_new = bool(parts[-1]) and (
            (word in _ARTICLES and following[:1].isupper())
            or (previous[-1:] in "”»" and word[:1].isupper())
        )
        if starts_new:
            parts.append([])
        parts[-1].append(word)
    names = []
    for part in parts:
        for piece in re.split(r"\s*(?:;|&|\s\+\s)\s*", " ".join(part)):
            if piece.strip(" ,"):
                names.append(strip_article(piece.strip(" ,")))
    return names


@dataclass
class SignatureBlock:
    start: int  # index of the first line of the block in the lines given
    issuers: list[Signer]
    signatories: list[Signer]
    date: dt.date | None = None  # of the closing dateline ("Caracas, 26 June 2017"), if any
    dateline: str = ""


def find_block(
    lines: list[str], is_known: Callable[[str], bool] = lambda name: False
) -> SignatureBlock | None:
    """The issuing bodies and signatories at the end of LINES (the page's last lines).

    Under a label ("Signed by:") every name-like line signs, people as well as
    organizations. Without one, a list needs two lines shaped like signatory lines (or one
    with an acronym in parentheses and a country); name-like lines between them sign too
    (``Association “Soviet Union”``), and up to two name-like lines just above the list are
    the issuing bodies. A page that ends with only names of organizations already known
    ends with its issuers. A closing dateline below the list, or just above it, is read as
    the block's date.
    """
    end, date, dateline = len(lines), None, ""
    while end > 0 and len(lines) - end < 2 and (found := closing_date(lines[end - 1])):
        end, date, dateline = end - 1, found, lines[end - 1]
    run: list[tuple[int, Signer]] = []
    label = None
    for index in range(end - 1, -1, -1):
        if is_label(lines[index]):
            label = index
            break
        signer = parse_line(lines[index])
        if signer is None:
            break
        run.append((index, signer))
    run.reverse()
    block = _labelled(label, run) if label is not None else _unlabelled(lines, run, is_known)
    if block is None:
        return None
    if block.start > 0 and date is None and (found := closing_date(lines[block.start - 1])):
        block.start -= 1
        date, dateline = found, lines[block.start]
    block.date, block.dateline = date, dateline
    return block


def _labelled(label: int, run: list[tuple[int, Signer]]) -> SignatureBlock | None:
    if not run:
        return None
    return SignatureBlock(label, [], [s for _, s in run])


def _unlabelled(
    lines: list[str], run: list[tuple[int, Signer]], is_known: Callable[[str], bool]
) -> SignatureBlock | None:
    strong = [i for i, (_, s) in enumerate(run) if s.strong]
    if not strong:
        if run and len(run) <= 3 and all(is_known(lines[i]) for i, _ in run):
            issuers = [Signer(name=n) for i, _ in run for n in split_bodies(lines[i])]
            return SignatureBlock(run[0][0], issuers, [])
        return None
    first = strong[0]
    head = run[first][1]
    if len(strong) < 2 and not (head.acronym and head.country):
        return None
    issuer_lines = [(i, s) for i, s in run[max(0, first - 2) : first] if not s.country]
    issuers = [Signer(name=name) for i, _ in issuer_lines for name in split_bodies(lines[i])]
    start = issuer_lines[0][0] if issuer_lines else run[first][0]
    return SignatureBlock(start, issuers, [s for _, s in run[first:]])
