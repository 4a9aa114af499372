"""Which language a text is in: the letters' script first, then py3langid within the script.

Short lines (taglines, titles) are where statistical identifiers fail, and where the script
alone often settles the question: Armenian and Greek letters name their language, and the
letters Persian adds to the Arabic alphabet (پ چ ژ گ and its own ی ک) tell Persian from
Arabic. Within Latin script, py3langid chooses among the site languages and a few common
others, with the site languages favoured: an archive of the network is written in them, and a
short Turkish line must not come out as Azerbaijani.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import islice

from havza import languages

# Languages outside the site that archives commonly contain, so a page in one of them is
# reported as such instead of being forced into the nearest site language.
OTHER_LATIN = ("de", "nl", "pl", "ro", "sv", "ca", "az", "id", "cs", "hu")
OTHER_CYRILLIC = ("ru", "uk", "bg", "sr", "mk")
# How much likelier a site language is than another one before reading the text.
SITE_PRIOR = 8.0

_SCRIPTS = {
    "Armn": re.compile(r"[\u0531-\u058F]"),
    "Grek": re.compile(r"[\u0370-\u03FF\u1F00-\u1FFF]"),
    "Arab": re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]"),
    "Hebr": re.compile(r"[\u0591-\u05F4]"),
    "Cyrl": re.compile(r"[\u0400-\u04FF]"),
    "Latn": re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]"),
}
_PERSIAN = re.compile(r"[پچژگیکۀ]")
_ARABIC = re.compile(r"[يكةىإأؤئ]")
_SORANI = re.compile(r"[ێۆڵڕە]")
_URDU = re.compile(r"[ےٹڈڑںھ]")
# The same classes matched a run at a time: letters are counted as the runs' lengths, which
# is the number of single letters findall() would list, in half the time (words are runs).
_SCRIPT_RUNS = {name: re.compile(f"{pattern.pattern}+") for name, pattern in _SCRIPTS.items()}
_PERSIAN_RUNS, _ARABIC_RUNS, _SORANI_RUNS, _URDU_RUNS = (
    re.compile(f"{pattern.pattern}+") for pattern in (_PERSIAN, _ARABIC, _SORANI, _URDU)
)


def _count(runs: re.Pattern[str], text: str) -> int:
    """How many characters of TEXT the class of RUNS matches."""
    return sum(map(len, runs.findall(text)))


_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Guess:
    code: str  # ISO 639-1 where one exists, else the identifier's code; "und" if unknown
    confidence: float  # 0..1

    @property
    def is_site_language(self) -> bool:
        return self.code in languages.registry()


UNKNOWN = Guess("und", 0.0)


WALKS_KEPT = 10_000  # words whose walk through the model's automaton is remembered (~4 MB)


@cache
def _model():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    class WordWalks(LanguageIdentifier):
        """py3langid's identifier, walking its automaton a word at a time: the walk over a
        word from a given state is always the same, and words repeat, so each is walked once.
        The features are counted in the same order, so the scores are exactly py3langid's."""

        __slots__ = ("_walks",)

        def _raw_score(self, text: bytes):
            visits = _visits(self.tk_nextmove, self._rowbase, self.tk_output, text, self._walks)
            if not visits:
                return super()._raw_score(text)
            return self._sparse_score(visits, self.nb_ptc)

    model = WordWalks.from_model_file(MODEL_FILE, norm_probs=True)
    model._walks = {}  # shared by the restricted copies: they share the automaton
    return model


# A word and the spaces after it; the pieces put together are the text again.
_PIECES = re.compile(rb"[^ ]* ?")


def _visits(nextmove, rowbase, output, text: bytes, walks: dict) -> Counter[int] | None:
    """What ``py3langid.langid.visit_counts`` counts, each word's walk from a state
    remembered in WALKS ((state, word) -> the state after it and the features met)."""
    state, indexes = 0, []
    for word in _PIECES.findall(text):
        walked = walks.get((state, word))
        if walked is None:
            start, found = state, []
            for byte in word:
                state = nextmove[rowbase[state] + byte]
                if output[state] >= 0:
                    found.append(output[state])
            if len(walks) >= WALKS_KEPT:
                # The older half is forgotten, not all: the walks met lately are the likeliest
                # to come again, and a full cache emptied at once walks every word anew.
                for forgotten in list(islice(walks, WALKS_KEPT // 2)):
                    del walks[forgotten]
            walks[start, word] = walked = (state, tuple(found))
        state = walked[0]
        indexes += walked[1]
    return Counter(indexes) if indexes else None


@cache
def _identifier(restrict: tuple[str, ...]):
    # One model loaded (a second), restricted copies of it for each script.
    identifier = copy.copy(_model())
    known = set(identifier.labels)
    identifier.set_languages([code for code in restrict if code in known])
    return identifier


def preload() -> None:
    """Load the model now, e.g. before worker processes are forked so they share it."""
    identify("preload")
    identify("پیش")


@cache
def _site_codes() -> frozenset[str]:
    return frozenset(languages.codes())


def _latin_set() -> tuple[str, ...]:
    site = [lang.code for lang in languages.all_languages() if lang.script == "Latn"]
    return tuple(dict.fromkeys([*site, *OTHER_LATIN]))


# The site's scripts, likeliest first: counting stops once no other script can catch up.
_SCRIPT_ORDER = ("Latn", "Arab", "Grek", "Armn", "Cyrl", "Hebr")


def dominant_script(text: str) -> tuple[str, int]:
    """The script most letters of TEXT are written in, and how many letters it has."""
    counts: dict[str, int] = {}
    left = len(text)  # characters no script counted yet claims
    for name in _SCRIPT_ORDER:
        counts[name] = _count(_SCRIPT_RUNS[name], text)
        left -= counts[name]
        if max(counts.values()) > left:
            break  # the scripts' letters are disjoint: none left can reach the leader
    # Ties go to the first script of _SCRIPTS, as they always have.
    script, count = max(
        ((name, counts[name]) for name in _SCRIPTS if name in counts), key=lambda item: item[1]
    )
    if count == 0:
        return "", 0
    return script, count


def identify(text: str) -> Guess:
    """The language of TEXT (a line, a paragraph or a whole page)."""
    if len(text) <= 200:
        # Short lines repeat across an archive (taglines, bylines): identify each once.
        return _identify_short(text)
    return _identify(text)


@lru_cache(maxsize=20_000)
def _identify_short(text: str) -> Guess:
    return _identify(text)


def _identify(text: str) -> Guess:
    script, count = dominant_script(text)
    if count < 2:
        return UNKNOWN
    if script == "Armn":
        return Guess("hy", 1.0)
    if script == "Grek":
        return Guess("el", 1.0)
    if script == "Hebr":
        return Guess("he", 1.0)
    if script == "Arab":
        return _arabic_script(text)
    if script == "Cyrl":
        return _ranked(text, tuple(dict.fromkeys(["ru", *OTHER_CYRILLIC])))
    return _ranked(text, _latin_set())


def _arabic_script(text: str) -> Guess:
    persian, arabic = _count(_PERSIAN_RUNS, text), _count(_ARABIC_RUNS, text)
    sorani, urdu = _count(_SORANI_RUNS, text), _count(_URDU_RUNS, text)
    if sorani > max(1, persian // 4):
        return Guess("ckb", 0.9)
    if urdu > max(1, persian // 4):
        return Guess("ur", 0.9)
    total = persian + arabic
    if total >= 2 and max(persian, arabic) / total >= 0.75:
        return Guess("fa" if persian > arabic else "ar", max(persian, arabic) / total)
    return _ranked(text, ("ar", "fa"))


def _ranked(text: str, candidates: tuple[str, ...]) -> Guess:
    site = _site_codes()
    scored = [
        (code, p * (SITE_PRIOR if code in site else 1.0))
        for code, p in _identifier(candidates).rank(text)
    ]
    total = sum(p for _, p in scored) or 1.0
    code, p = max(scored, key=lambda item: item[1])
    return Guess(code, p / total)


def identify_paragraphs(paragraphs: list[str]) -> tuple[Guess, list[Guess]]:
    """The language of a page and of each of its paragraphs, from one pass over the text.

    The page's language is the one most of its letters are written in, weighting each
    paragraph by its length and confidence, so a quoted paragraph in another language
    does not change the page's language.
    """
    guesses = [identify(p) for p in paragraphs]
    weight: Counter[str] = Counter()
    for paragraph, guess in zip(paragraphs, guesses, strict=True):
        if guess.code != "und":
            weight[guess.code] += len(_LETTER.findall(paragraph[:2000])) * guess.confidence
    if not weight:
        return UNKNOWN, guesses
    code, score = weight.most_common(1)[0]
    return Guess(code, min(1.0, score / (sum(weight.values()) or 1.0))), guesses
