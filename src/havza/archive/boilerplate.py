"""Lines to drop from the edges of archived pages: taglines, menus, footers.

Three kinds of evidence, each enough on its own:

* the site's own taglines, from the languages configuration;
* a block of short lines at the top of the page, each in a language none of the others is in
  (the way multilingual sites put their motto in every language above every page);
* lines the archive repeats at the top or bottom of many of its pages (learned from the
  archive itself before any page is parsed).

Only the edges of a page are cleaned: a repeated line in the middle of a text is the text's
own (a slogan, a refrain), and a repeated signatory line at the bottom is a signature.

A repeated line that reads as a byline or a date ("Sungur Savran" above several articles of
one author, "By …", "9 May 2023") is never learned on repetition alone: it is held
(``Boilerplate.held``) until an editor confirms it (``confirmed``).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache

from havza import languages
from havza.archive import language
from havza.archive.bylines import looks_like_byline
from havza.archive.dates import parse_date_line
from havza.archive.signatories import looks_like_name, parse_line
from havza.archive.text import fingerprint

HEAD_LINES = 25  # how far from the top a line counts as the page's head when learning
TAIL_LINES = 12
TAGLINE_MAX_CHARS = 140
MIN_TAGLINE_LANGUAGES = 3
# Short lines are identified less surely; a tagline block is only made of sure ones.
TAGLINE_CONFIDENCE = 0.8
# Share of an archive's pages a line must appear on to be learned as boilerplate.
LEARN_SHARE = 0.05
# Marks the edge key of a line that reads as a byline or a date. A fingerprint never starts
# with "?" (its edges are stripped of punctuation), so the mark cannot be mistaken.
HELD = "?"


@cache
def configured_taglines() -> frozenset[str]:
    taglines = (lang.tagline for lang in languages.all_languages() if lang.tagline)
    return frozenset(fingerprint(tagline) for tagline in taglines)


@dataclass
class Boilerplate:
    """What an archive repeats, learned from all its pages before any page is parsed."""

    learned: set[str] = field(default_factory=set)
    # Repeated like boilerplate but read as a byline or a date: kept until an editor says.
    held: set[str] = field(default_factory=set)
    confirmed: frozenset[str] = frozenset()  # fingerprints an editor confirmed as boilerplate

    @classmethod
    def learn(cls, pages: Iterable[list[str]], confirmed: Iterable[str] = ()) -> Boilerplate:
        """Learn from the lines of each page (blank lines left out)."""
        return cls.from_edges((edge_keys(lines) for lines in pages), confirmed)

    @classmethod
    def from_edges(
        cls, pages: Iterable[frozenset[str]], confirmed: Iterable[str] = ()
    ) -> Boilerplate:
        """Learn from each page's ``edge_keys`` (computed where the page was read).

        CONFIRMED: lines (fingerprints) an editor confirmed as boilerplate, learned even
        when they read as a byline or a date.
        """
        counts: Counter[str] = Counter()
        total = 0
        for keys in pages:
            total += 1
            counts.update(keys)
        return cls.from_counts(counts, total, confirmed)

    @classmethod
    def from_counts(
        cls, counts: Mapping[str, int], total: int, confirmed: Iterable[str] = ()
    ) -> Boilerplate:
        """Learn from how many of TOTAL pages have each edge key at their edges."""
        sure = frozenset(fingerprint(line) for line in confirmed)
        if total < 2:
            return cls(confirmed=sure)
        # In a small archive a line must be on every page; in a large one, on a share of them.
        needed = total if total < 20 else max(3, math.ceil(LEARN_SHARE * total))
        learned, held = set(), set()
        for key, n in counts.items():
            if n < needed:
                continue
            if key.startswith(HELD):
                key = key[len(HELD) :]
                (learned if key in sure else held).add(key)
            else:
                learned.add(key)
        return cls(learned, held - learned, sure)

    def known(self, line: str) -> bool:
        key = fingerprint(line)
        return key in self.learned or key in self.confirmed or key in configured_taglines()


def edge_keys(lines: list[str]) -> frozenset[str]:
    """The fingerprints of the lines at the top and bottom of a page, as learning needs.

    A line that reads as a byline or a date is marked ``HELD``: learning counts it apart.
    """
    edges = lines[:HEAD_LINES] + lines[-TAIL_LINES:]
    keys = {(HELD if looks_like_byline(line) else "") + fingerprint(line) for line in edges}
    return frozenset(keys) - {"", HELD}


@dataclass
class Trimmed:
    start: int  # first line kept
    stop: int  # one past the last line kept
    taglines: dict[str, str] = field(default_factory=dict)  # language -> tagline dropped


def trim(lines: list[str], boilerplate: Boilerplate) -> Trimmed:
    """Where the page proper starts and ends in LINES, boilerplate at both edges left out."""
    start = _head_end(lines, boilerplate)
    taglines: dict[str, str] = {}
    for line in lines[:start]:
        guess = language.identify(line)
        if guess.code != "und":
            taglines.setdefault(guess.code, line)
    stop = len(lines)
    while stop > start:
        line = lines[stop - 1]
        protected = parse_line(line) is not None or looks_like_name(line)
        if boilerplate.known(line) and not protected:
            stop -= 1
        else:
            break
    return Trimmed(start, stop, taglines)


def _head_end(lines: list[str], boilerplate: Boilerplate) -> int:
    """Index of the first line after the page's head of taglines and repeated lines."""
    seen: set[str] = set()
    last_unknown = -1
    index = 0
    while index < len(lines):
        line = lines[index]
        if boilerplate.known(line):
            index += 1
            continue
        if len(line) <= TAGLINE_MAX_CHARS and len(line.split()) >= 3:
            guess = language.identify(line)
            sure = guess.is_site_language and guess.confidence >= TAGLINE_CONFIDENCE
            if sure and guess.code not in seen and parse_date_line(line) is None:
                seen.add(guess.code)
                last_unknown = index
                index += 1
                continue
        break
    # A run of lines in several languages with nothing after it is the page itself (a short
    # multilingual notice), not the head of one: taking it for taglines would drop every word.
    if len(seen) >= MIN_TAGLINE_LANGUAGES and index < len(lines):
        # A title in a language the taglines do not use would look like one more tagline:
        # when body text follows at once, the run's last line is the title.
        if last_unknown == index - 1 and index < len(lines) and _is_running_text(lines[index]):
            body_language = language.identify(" ".join(lines[index : index + 5])).code
            if language.identify(lines[last_unknown]).code == body_language:
                return last_unknown
        return index
    # Too few languages for a tagline block: drop only the leading known lines.
    known_end = 0
    while known_end < len(lines) and boilerplate.known(lines[known_end]):
        known_end += 1
    return known_end


def _is_running_text(line: str) -> bool:
    return len(line) > TAGLINE_MAX_CHARS
