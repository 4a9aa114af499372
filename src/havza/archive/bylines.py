"""Bylines: who wrote or issued a page, as the line under its title says it.

"By Savas Michael Matsas", "Yazan: Sungur Savran", "DIP and EEK", "X ve Y" (two authors,
joined by the conjunction of the page's language), "Statement of the X, 23.7.2013," (a
prefix, the name and the date on one line), and organizations one per line. A name-like line
alone under a title is as likely a subtitle: it is a byline only when a date or a "By"
stands beside it, or when it names organizations (a party, a network, a union …).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from havza.archive.dates import parse_date_line, weekday_names
from havza.archive.signatories import is_acronym, looks_like_name
from havza.archive.text import ends_sentence

# "By ...", "Par ...", "Yazan: ..." and other ways of introducing a byline.
PREFIX = re.compile(
    r"^(?:by|from|par|por|di|da|von|yazan|yazar|نویسنده|بقلم|كتبه|του|της|από|ji aliyê|"
    r"հեղինակ|written by|posted by)\s*:?\s+",
    re.IGNORECASE,
)
# "Statement of the X", "Déclaration du X", "Ανακοίνωση της X", "بيان X" … before a name.
STATEMENT = re.compile(
    r"^(?:joint\s+)?(?:statement|declaration|communiqu[eé]|press release|resolution|call|"
    r"appeal|message)\s+(?:issued\s+)?(?:of|by|from)\s+(?:the\s+)?"
    r"|^(?:declaración|comunicado|resolución|llamamiento|declaração|apelo|resolução)"
    r"(?:\s+conjunta)?\s+(?:del|de la|de los|de las|do|da|dos|das|de)\s+"
    r"|^(?:déclaration|communiqué|appel|résolution)(?:\s+commune)?\s+"
    r"(?:de la|de l['’]|des|du|de)\s*"
    r"|^(?:dichiarazione|comunicato|appello|risoluzione)(?:\s+congiunta)?\s+"
    r"(?:del|della|dello|dei|degli|delle|di)\s+"
    r"|^(?:κοινή\s+)?(?:ανακοίνωση|δήλωση|διακήρυξη)\s+(?:του|της|των)\s+"
    r"|^(?:بيان|البيان المشترك|بیانیه|بیانیه‌ی|بیانیه ی)\s+(?:صادر\s+عن\s+|مشترك\s+)?"
    r"|^daxuyaniya\s+",
    re.IGNORECASE,
)
# Turkish and Armenian name the statement after its issuer: "X'in açıklaması".
STATEMENT_AFTER = re.compile(
    r"(?:['’]n?[iıuü]n)?\s+(?:ortak\s+)?(?:açıklaması|bildirisi|bildirgesi)$"
    r"|(?:-ի)?\s+(?:հայտարարությունը|հայտարարություն)$",
    re.IGNORECASE,
)
AND = {
    "en": ("and",),
    "tr": ("ve", "ile"),
    "es": ("y", "e"),
    "fr": ("et",),
    "it": ("e", "ed"),
    "pt": ("e",),
    "el": ("και", "κι"),
    "hy": ("և", "եւ", "ու"),
    "ku": ("û", "ù"),
    "ar": ("و",),
    "fa": ("و",),
}
# Words that make a name an organization's, in every site language (compared folded, as
# the start of a word: "parti" is also "partisi").
ORGANIZATION_WORDS = """
party center centre network union league committee federation front movement organization
organisation association group tendency collective council confederation alliance
coordination platform secretariat bureau workers communist socialist international
obrer ouvri operai operari işçi emekçi
parti partisi merkez merkezi sendika sendikası birlik birliği dernek derneği komite komitesi
federasyon federasyonu cephe cephesi hareket hareketi örgüt örgütü platformu enternasyonal
partido centro unión liga comité federación frente movimiento organización asociación grupo
tendencia colectivo consejo sindicato coordinadora
réseau ligue fédération mouvement groupe tendance collectif conseil syndicat
partito rete unione lega comitato federazione fronte movimento organizzazione associazione
gruppo tendenza collettivo consiglio sindacato coordinamento
rede união federação organização associação tendência coletivo conselho comitê
κόμμα κέντρο δίκτυο ένωση σύνδεσμος επιτροπή ομοσπονδία μέτωπο κίνημα οργάνωση σύλλογος
ομάδα τάση συλλογικότητα συμβούλιο συνδικάτο
կուսակցություն կենտրոն ցանց միություն լիգա կոմիտե ֆեդերացիա ճակատ շարժում
կազմակերպություն ասոցիացիա խումբ խորհուրդ արհմիություն
partî partiya navend navenda tor tora yekîtî yekîtiya komîte komîteya federasyona eniya
tevger tevgera rêxistin rêxistina komele komeleya sendîka
حزب مركز شبكة اتحاد رابطة لجنة جبهة حركة منظمة جمعية مجموعة تيار مجلس نقابة تنسيقية
مرکز شبکه اتحادیه لیگ کمیته فدراسیون جبهه جنبش سازمان انجمن گروه گرایش شورا شورای
سندیکا کانون
"""
# Words that never start a byline's name though they look like one.
_NOT_NAMES = {"home", "about", "contact", "menu", "search", "news", "articles", "archive"}
_QUOTES = "\"'“”„«»‘’"
_SEPARATORS = re.compile(r"\s*(?:,|\||·|•|\s[-–—]\s)\s*")


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@cache
def _organization_words() -> tuple[frozenset[str], tuple[str, ...]]:
    words = {fold(w) for w in ORGANIZATION_WORDS.split()}
    # Long words match as the start of a word (inflections); short ones only whole.
    return frozenset(words), tuple(w for w in words if len(w) >= 5)


def _word_key(word: str) -> str:
    key = fold(word.strip(_QUOTES + "()[],.:;"))
    # Arabic writes "the" and "and" joined to the word: "والحزب", "الحزب".
    for prefix in ("وال", "ال", "و"):
        if key.startswith(prefix) and len(key) - len(prefix) >= 3:
            return key[len(prefix) :]
    return key


def is_organization(text: str) -> bool:
    """A name with an organization word in it (party, network, Partisi, حزب …) or an acronym."""
    whole, starts = _organization_words()
    for word in text.split():
        key = _word_key(word)
        if key in whole or (len(key) >= 5 and key.startswith(starts)):
            return True
        if is_acronym(word.strip(_QUOTES + "(),")):
            return True
    return False


def _cased(text: str) -> bool:
    first = next((ch for ch in text if ch.isalpha()), "")
    return first.lower() != first.upper()


def name_like(text: str) -> bool:
    """A short line naming someone, in a script with capitals or without (Arabic, Persian)."""
    words = text.split()
    if not words or len(words) > 12 or len(text) > 120 or ends_sentence(text):
        return False
    if text[0].isdigit() or "©" in text or "http" in text or parse_date_line(text):
        return False
    if _cased(text):
        if looks_like_name(text):
            return True
        # Greek and Armenian write organizations with one capital: "Εργατικό κόμμα".
        return text.lstrip(_QUOTES)[:1].isupper() and is_organization(text) and len(words) <= 8
    return len(words) <= 8 and not any(ch.isdigit() for ch in text)


def person_like(text: str) -> bool:
    """ "Sungur Savran", "Savas Michael Matsas": two to four capitalized words of letters."""
    words = text.split()
    if not 2 <= len(words) <= 4:
        return False
    for word in words:
        bare = word.replace("-", "").replace("'", "").replace("’", "").replace(".", "")
        if not bare.isalpha() or not word[:1].isupper():
            return False
    return fold(words[0]) not in _NOT_NAMES and not is_organization(text)


def prefixed(text: str) -> str | None:
    """The name after "By", "Par", "Yazan:" …, or None."""
    match = PREFIX.match(text)
    if match is None:
        return None
    rest = text[match.end() :].strip(" ,;")
    return rest if rest and name_like(rest) else None


def split_authors(text: str, language: str = "") -> list[str]:
    """ "A; B", "A & B", "A, B and C", "X ve Y" to names; an organization's name stays whole.

    The conjunction is the page LANGUAGE's (any site language's when it is not known); a
    name is cut there only when each side is a name of its own (two words or more, an
    acronym, or an organization), so "Bread and Roses" stays whole.
    """
    names: list[str] = []
    for part in re.split(r"\s*(?:;|\s&\s|\s/\s)\s*", text):
        pieces = [p.strip() for p in part.split(",") if p.strip()]
        if len(pieces) > 1 and all(name_like(p) for p in pieces):
            # "A, B and C": the last piece may still hold a conjunction.
            for piece in pieces:
                names.extend(_split_conjunction(piece, language))
        elif part.strip():
            names.extend(_split_conjunction(part.strip(), language))
    return names


def _conjunctions(language: str) -> tuple[str, ...]:
    if language in AND:
        return AND[language]
    return tuple(sorted({c for words in AND.values() for c in words}))


def _split_conjunction(text: str, language: str) -> list[str]:
    words = _conjunctions(language)
    pattern = r"\s+(?:" + "|".join(re.escape(w) for w in words) + r")\s+"
    pieces = [p.strip(" ,") for p in re.split(pattern, text, flags=re.IGNORECASE)]
    if len(pieces) > 1 and all(_stands_alone(p) for p in pieces):
        return pieces
    return [text]


def _stands_alone(piece: str) -> bool:
    if not piece or not name_like(piece):
        return False
    if len(piece.split()) >= 2 or is_acronym(piece) or is_organization(piece):
        return True
    # One word with a capital inside ("RedMed") is a name, not a common word.
    return any(ch.isupper() for ch in piece[1:])


def organizations(text: str, language: str = "") -> list[str] | None:
    """The organizations a line names, when it names only organizations (else None)."""
    if not name_like(text):
        return None
    names = split_authors(text, language)
    return names if all(is_organization(n) for n in names) else None


@dataclass
class Dateline:
    """A byline and a date written on one line: "Statement of the X, 23.7.2013,"."""

    names: str
    date: dt.date
    statement: bool  # introduced by "Statement of", "Déclaration du" …


def with_date(text: str) -> Dateline | None:
    """The names and the date of a line like "Statement of the X, 23.7.2013," or "X – date"."""
    line = text.strip().rstrip(",;.")
    if len(line) > 200:
        return None
    for match in reversed(list(_SEPARATORS.finditer(line))):
        head, tail = line[: match.start()].strip(" ,;"), line[match.end() :].strip(" ,;.")
        date = parse_date_line(tail) if tail else None
        if date is None or not head:
            continue
        names, statement = _issuer(head)
        if names:
            return Dateline(names, date, statement)
    return None


def _issuer(head: str) -> tuple[str, bool]:
    """The issuer's name in "Statement of the X" (or a bare name), and whether prefixed."""
    match = STATEMENT.match(head)
    if match:
        rest = head[match.end() :].strip(" ,;:")
        return (rest, True) if rest and len(rest.split()) <= 16 else ("", False)
    after = STATEMENT_AFTER.search(head)
    if after:
        rest = head[: after.start()].strip(" ,;:")
        return (rest, True) if rest else ("", False)
    rest = prefixed(head)
    if rest:
        return rest, True
    if head.casefold().rstrip(".") in weekday_names():
        return "", False  # "Tuesday, 9 May 2023"
    return (head, False) if name_like(head) else ("", False)


@lru_cache(maxsize=20_000)  # the lines at the edges of pages repeat across an archive
def looks_like_byline(text: str) -> bool:
    """A line that could be a page's byline or date: never boilerplate on repetition alone."""
    if len(text) > 120:
        return False
    if _DIGIT.search(text):  # only a line with digits holds a date
        return parse_date_line(text) is not None or with_date(text) is not None
    return prefixed(text) is not None or person_like(text.strip(" ,;"))


_DIGIT = re.compile(r"\d")


@cache
def _any_conjunction() -> re.Pattern[str]:
    words = sorted({c for words in AND.values() for c in words}, key=len, reverse=True)
    return re.compile(r"\s(?:" + "|".join(re.escape(w) for w in words) + r")\s", re.IGNORECASE)


def has_conjunction(text: str) -> bool:
    """Whether TEXT holds a conjunction of some site language ("and", "ve", "و" …)."""
    return bool(_any_conjunction().search(text))
