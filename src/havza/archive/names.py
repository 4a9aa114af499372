"""Names of organizations and people: telling them apart, and keys that survive translation.

A person's name is written with the letters of each language's script ("Sungur Savran",
"Σουνγκούρ Σαβράν", "سونغور سافران") but sounds the same; a ``sound_key`` reduces each to
its consonants, grouped by how scripts confuse them, so the three meet. Words of an
organization's name are translated instead, which is why its acronym is the better key.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache, lru_cache

from anyascii import anyascii
from rapidfuzz import fuzz

# Words that make a name an organization's, in the site languages (and a few neighbours).
ORGANIZATION_WORDS = frozenset({
    "party", "center", "centre", "league", "union", "network", "committee", "association",
    "front", "movement", "federation", "group", "collective", "council", "organization",
    "organisation", "tendency", "international", "socialist", "communist", "workers", "worker",
    "confederation", "platform", "initiative", "campaign", "web", "revolutionary", "trade",
    "unions", "syndicate", "assembly", "coalition", "alliance", "bloc", "club", "circle",
    "society", "foundation", "institute", "press", "publishing", "newspaper", "magazine",
    "review", "journal", "radio", "tv", "media", "editorial", "youth", "students", "women",
    "labour", "labor", "people's", "popular", "national", "democratic", "left", "green",
    "marxist", "leninist", "trotskyist", "anarchist", "revolution", "fraction", "faction",
    "section", "secretariat", "bureau", "office", "house", "cooperative", "option", "struggle",
    "solidarity", "parti", "partisi", "merkezi", "merkez", "birliği", "birlik", "sendikası",
    "sendika", "derneği", "dernek", "işçi", "işçiler", "devrimci", "sosyalist", "komünist",
    "hareketi", "hareket", "cephesi", "cephe", "platformu", "girişimi", "kolektif", "federasyonu",
    "konfederasyonu", "meclisi", "grubu", "enternasyonal", "gazetesi", "dergisi", "ligue",
    "comité", "réseau", "mouvement", "ouvrier", "ouvrière", "ouvriers", "révolutionnaire",
    "socialiste", "communiste", "syndicat", "fédération", "confédération", "collectif", "groupe",
    "tendance", "courant", "partido", "liga", "unión", "frente", "centro", "red", "movimiento",
    "obrera", "obrero", "obreros", "trabajadores", "revolucionario", "revolucionaria",
    "socialista", "comunista", "sindicato", "federación", "confederación", "colectivo", "grupo",
    "corriente", "opción", "agrupación", "asamblea", "coordinadora", "juventud", "partito",
    "lega", "unione", "fronte", "rete", "movimento", "operaio", "operai", "lavoratori",
    "rivoluzionario", "sindacato", "federazione", "collettivo", "gruppo", "corrente",
    "associazione", "comitato", "união", "rede", "operário", "operária", "trabalhadores",
    "revolucionário", "federação", "coletivo", "associação", "κόμμα", "ένωση", "κέντρο", "δίκτυο",
    "εργατικό", "εργατών", "επαναστατικό", "σοσιαλιστικό", "κομμουνιστικό", "κίνημα", "μέτωπο",
    "ομοσπονδία", "συνδικάτο", "οργάνωση", "επιτροπή", "σύλλογος", "partî", "partiya", "yekîtî",
    "navenda", "tor", "karker", "karkerên", "şoreşger", "sosyalîst", "komûnîst", "tevger",
    "komîte", "komeleya", "rêxistin", "حزب", "مركز", "اتحاد", "شبكة", "رابطة", "جبهة", "حركة",
    "لجنة", "منظمة", "نقابة", "العمال", "العمالي", "الثوري", "الاشتراكي", "الشيوعي", "تجمع",
    "جمعية", "مرکز", "اتحادیه", "شبکه", "جنبش", "سازمان", "کمیته", "کارگران", "انقلابی",
    "سوسیالیست", "کمونیست", "جبهه", "կուսակցություն", "կենտրոն", "միություն", "ցանց",
    "կազմակերպություն", "կոմիտե", "շարժում", "բանվորական", "հեղափոխական", "սոցիալիստական",
    "կոմունիստական"
})  # fmt: skip
# Words that stand before a person's name: "Dr. Ayşe Demir", "Prof. ...", "Comrade ...".
PERSON_TITLES = frozenset({
    "dr", "prof", "professor", "comrade", "mr", "mrs", "ms", "mp", "deputy", "senator", "av",
    "avukat", "doç", "yoldaş", "sayın", "compañero", "compañera", "camarade", "compagno",
    "compagna", "camarada", "σύντροφος", "συντρόφισσα", "βουλευτής", "δρ", "هاوری", "رفیق",
    "الرفيق", "دكتور", "د", "ընկեր"
})  # fmt: skip
# "Sungur Savran, general secretary of ...": a role after the name is a person's.
ROLE_WORDS = frozenset({
    "secretary", "chairman", "chairwoman", "chair", "president", "member", "spokesperson",
    "spokesman", "spokeswoman", "editor", "leader", "founder", "mp", "deputy", "professor",
    "writer", "journalist", "author", "sekreter", "başkan", "üye", "yazar", "gazeteci", "sözcü",
    "milletvekili", "secrétaire", "président", "présidente", "membre", "député", "porte-parole",
    "secretario", "secretaria", "presidente", "miembro", "diputado", "diputada", "portavoz",
    "segretario", "segretaria", "membro", "deputato", "portavoce", "secretário", "secretária",
    "deputado", "γραμματέας", "πρόεδρος", "μέλος", "βουλευτής", "الأمين", "عضو", "رئيس", "دبیر",
    "رئیس", "unionist", "activist", "lawyer", "economist", "historian", "poet", "artist",
    "academic", "researcher", "teacher", "worker", "doctor", "sendikacı", "avukat",
    "akademisyen", "öğretmen", "işçi", "sindicalista", "activista", "militante", "abogado",
    "abogada", "profesor", "profesora", "syndicaliste", "militant", "avocat",
    "avocate", "professeur", "sindacalista", "attivista", "avvocato", "professore", "ativista",
    "advogado", "advogada", "professora", "συνδικαλιστής", "δικηγόρος", "καθηγητής", "نقابي",
    "ناشط", "ناشطة", "محامي", "كاتب", "صحفي", "فعال", "کارگر", "نویسنده", "روزنامه‌نگار",
    "sendîkavan", "nivîskar", "rojnamevan", "արհմիութենական", "գրող", "լրագրող"
})  # fmt: skip
# Little words inside people's names: "Luis de la Cruz", "Ahmad al-Hakim", "Jan van Dijk".
NAME_PARTICLES = frozenset({
    "de", "da", "das", "do", "dos", "del", "della", "di", "du", "la", "le", "van", "von", "der",
    "den", "bin", "ibn", "bint", "al", "el", "abu", "y", "e"
})  # fmt: skip
_QUOTES = "\"'“”„«»‘’`"


def fold(name: str) -> str:
    """A name without case, accents, quotation marks, punctuation or a leading "The"."""
    name = unicodedata.normalize("NFD", name.casefold())
    name = "".join(ch for ch in name if not unicodedata.combining(ch))
    name = re.sub(r"[\"'“”„«»‘’`´.,()\[\]]", " ", name)
    name = " ".join(name.split())
    return name[4:] if name.startswith("the ") else name


_FOLDED_ORGANIZATION_WORDS = frozenset(fold(w) for w in ORGANIZATION_WORDS)
_FOLDED_TITLES = frozenset(fold(w) for w in PERSON_TITLES)
_FOLDED_ROLES = frozenset(fold(w) for w in ROLE_WORDS)


def has_organization_word(name: str) -> bool:
    words = fold(name).replace("-", " ").split()
    return any(w in _FOLDED_ORGANIZATION_WORDS for w in words) or any(q in name for q in _QUOTES)


def _is_acronym_word(word: str) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) >= 2 and sum(ch.isupper() for ch in letters) >= 2


def person_parts(text: str) -> tuple[str, str] | None:
    """(name, role) when TEXT names a person, else None.

    "Dr. Ayşe Demir", "Sungur Savran, general secretary", "Savas Michael Matsas": two to four
    capitalized words (particles aside), no acronym, no digit, none of the words that name an
    organization. Scripts without capital letters are taken on the same terms, by length.
    """
    text = " ".join(text.split()).strip(" ,;")
    name, _, role = text.partition(",")
    name, role = name.strip(), role.strip()
    if role and not (set(fold(role).split()) & _FOLDED_ROLES):
        return None
    words = name.split()
    while words and fold(words[0]).rstrip(".") in _FOLDED_TITLES:
        words = words[1:]
    if not 2 <= len(words) <= 4 or any(ch.isdigit() for ch in name):
        return None
    if has_organization_word(name) or any(_is_acronym_word(w) for w in words):
        return None
    for word in words:
        bare = word.strip("-'’")
        if not bare or not all(ch.isalpha() or ch in "-'’." for ch in bare):
            return None
        if fold(bare) in NAME_PARTICLES or fold(bare.split("-")[0]) in {"al", "el"}:
            continue
        if bare[0].isalpha() and bare[0].lower() != bare[0].upper() and not bare[0].isupper():
            return None  # a lower-case word in a cased script: a phrase, not a name
    return " ".join(words), role


def is_person(text: str) -> bool:
    return person_parts(text) is not None


# Letters scripts exchange when they write the same sound.
_SOUND_CLASSES = str.maketrans(
    {
        "c": "k", "q": "k", "g": "k", "x": "k",
        "d": "t", "b": "p", "v": "f", "w": "f", "z": "s", "j": "s",
    }
)  # fmt: skip
_GREEK_PAIRS = (("ντ", "d"), ("μπ", "b"), ("γκ", "g"), ("γγ", "g"), ("ου", "u"))
_VOWELS = re.compile(r"[aeiouyh'`]+")


@lru_cache(maxsize=65536)
def sound_key(word: str) -> str:
    """The consonants of WORD as most scripts write them: equal across transliterations."""
    lowered = word.casefold()
    for pair, sound in _GREEK_PAIRS:
        if pair in lowered:
            lowered = lowered.replace(pair, sound)
    latin = anyascii(lowered).lower()
    # Arabic writes w and y for vowels as often as for consonants: they are left out.
    latin = latin.replace("sh", "s").replace("ch", "k").replace("ph", "f").replace("w", "")
    latin = _VOWELS.sub("", re.sub(r"[^a-z']", "", latin))
    latin = latin.translate(_SOUND_CLASSES)
    return re.sub(r"(.)\1+", r"\1", latin)


def keys_match(a: str, b: str) -> bool:
    """Two sound keys of one name (a letter more or less on a long name is tolerated)."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4:
        return False
    return fuzz.ratio(a, b) >= 85


_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_APOSTROPHE = re.compile(r"['’]")
_SENTENCE_START = re.compile(r"(?:^|[.!?؟։:;…]\s*[\"'“”„«»‘’(]*\s*|[\"“„«‘(]\s*)$")
NAMES_KEPT = 100
WORDS_KEPT = 400


def _cased(ch: str) -> bool:
    return ch.lower() != ch.upper()


@cache
def _candidates() -> re.Pattern[str]:
    """The words of a text as ``_WORD`` finds them, with the runs of words that can never be
    names (a lower-case letter first, no apostrophe) passed over without a group: most words
    of a text in a script with capitals, each of which would cost a step of Python."""
    lower = [
        c
        for c in range(_CASED_BELOW)
        if (ch := chr(c)).islower() and _cased(ch) and _LETTER.match(ch)
    ]
    ranges: list[tuple[int, int]] = []
    for c in lower:
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1] = (ranges[-1][0], c)
        else:
            ranges.append((c, c))
    lower_class = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )
    never = rf"[{lower_class}][\w-]*(?![\w'’-])"
    return re.compile(rf"(?:{never}[^\w'’-]*)+|({_WORD.pattern})")


_LETTER = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=65536)
def _name_part(token: str) -> tuple[str, bool, bool]:
    """The part of TOKEN that may be a name, whether its first letter has a case, and
    whether it is a capital. "Bursa'daki", "dell'America": the part with a capital."""
    parts = [p for p in _APOSTROPHE.split(token.strip("'’-")) if p]
    word = next((p for p in parts if p[0].isupper()), parts[0] if parts else "")
    first = word[:1]
    return word, bool(first) and _cased(first), first.isupper()


_CASED_BELOW = 0x20000  # no lower-case letter with an upper case lies beyond (Adlam ends it)


def text_names(
    texts: Iterable[str], country: Callable[[str], str | None] = lambda word: None
) -> tuple[list[str], list[str]]:
    """(names, words): the sound keys of the proper names in TEXTS, and of their other words.

    In scripts with capital letters a name is a capitalized word that does not start a
    sentence, or an acronym (kept as written, in Latin letters: "EEK", "ΕΕΚ" alike). In
    scripts without (Arabic, Persian) names cannot be told from other words: every longer
    word's key is given as a word, for names of other documents to be looked for among them.
    A word COUNTRY knows as a country's name in any language ("Greece", "Yunanistan",
    "اليونان") is keyed by the country's code.
    """
    names: dict[str, None] = {}
    words: dict[str, None] = {}
    candidates = _candidates()
    for text in texts:
        for match in candidates.finditer(text):
            # Lower-case words without an apostrophe (never a name) have no group.
            token = match.group(1)
            if token is None:
                continue
            word, cased, upper = _name_part(token)
            if len(word) < 3:
                continue
            code = country(word) if upper or not cased else None
            if code:
                names.setdefault("#" + code, None)
                continue
            if not cased:
                if len(words) < WORDS_KEPT and len(word) >= 4:
                    key = sound_key(word)
                    if len(key) >= 3:
                        words.setdefault(key, None)
                continue
            start = match.start(1)
            if not upper or _SENTENCE_START.search(text[max(0, start - 4) : start]):
                continue
            letters = [ch for ch in word if ch.isalpha()]
            if len(letters) >= 2 and all(ch.isupper() for ch in letters):
                names.setdefault("@" + anyascii(word).upper(), None)
            else:
                key = sound_key(word)
                if len(key) >= 3:
                    names.setdefault(key, None)
            if len(names) >= NAMES_KEPT:
                break
    return sorted(names), sorted(words)


def person_keys(people: Iterable[str]) -> list[str]:
    """The sound keys of the words of people's names (bylines, signatures)."""
    keys = {sound_key(word) for name in people if is_person(name) for word in name.split()}
    return sorted(k for k in keys if len(k) >= 3)


def _weight(key: str) -> float:
    """Three consonants are shared by many names ("prs": Paris, Pérez, Bursa); more are not."""
    return 1.0 if len(key) >= 4 or key[:1] in "@#" else 0.5


def _prefixes(keys: Iterable[str]) -> set[str]:
    found = set()
    for key in keys:
        found.add(key)
        for cut in (1, 2):
            if len(key) - cut >= 3 and key[:1] not in "@#":
                found.add(key[:-cut])
    return found


def shared_names(base: Iterable[str], other: Iterable[str]) -> tuple[float, float]:
    """(found, total): the weight of the names of BASE found in OTHER, and of all of them.

    A name may end otherwise in another language ("Παπαδάκη" for "Papadakis", declined): a
    key that is the other's with one or two consonants more or less at its end matches.
    """
    other = set(other)
    near = _prefixes(other)
    found = total = 0.0
    for key in base:
        weight = _weight(key)
        total += weight
        if key in near or any(p in other for p in _prefixes([key])):
            found += weight
    return found, total
