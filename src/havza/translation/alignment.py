"""Two texts that translate each other, paired paragraph by paragraph.

The base is Gale and Church's length alignment: a paragraph and its translation have lengths
in a ratio close to that of the whole texts, so a dynamic program over the two lists of
paragraphs finds the likeliest chain of *beads* — one paragraph for one (1-1), one for two
(1-2, 2-1: a translator merged or split paragraphs), or one left alone (1-0, 0-1: a
paragraph left out or a translator's note); two for two, which Gale and Church allow, made
more errors than it fixed on the benchmark (``bench.alignment``) and is left out. Evidence
that survives translation anchors it: the numbers of a paragraph (in any digit script), the
names (capitalized words, compared in Latin letters), whether it is a quotation, a heading
or a list item.

Each bead gets a confidence from 0 to 1: how well the lengths agree, how well the anchors
agree, and how common its shape is. ``align`` is a plain function of two lists of texts, so
the archive, the workspace and the benchmark share it.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from dataclasses import dataclass

from anyascii import anyascii

# Prior costs (-log probability) of each shape of bead, after Gale and Church (1993).
_SHAPES: dict[tuple[int, int], float] = {
    (1, 1): -math.log(0.89),
    (1, 0): -math.log(0.005),
    (0, 1): -math.log(0.005),
    (2, 1): -math.log(0.0445),
    (1, 2): -math.log(0.0445),
}
# How much a bead's shape alone makes a pairing less sure.
_SHAPE_TRUST = {(1, 1): 1.0, (2, 1): 0.85, (1, 2): 0.85}
_VARIANCE = 6.8  # Gale and Church's variance of the length difference, per character
_ANCHOR = 4.0  # cost of anchors that disagree entirely (and gain when they agree)
_KIND = 2.0  # cost of pairing a heading, quotation or list item with another kind
_ALONE = 0.0  # added to the prior of a paragraph left without a partner (tuned)
_BAND = 40  # beyond this many paragraphs off the diagonal nothing is tried (long texts)

_WORD = re.compile(r"\w[\w'’-]{2,}")
_SEPARATORS = ".,\u00a0\u202f\u2009 '’"  # 4,000 4.000 4 000
# A number: a run of digits and the groups of three that follow it, each after a separator
# (the separators are left out of the number). One pass over the text, where looking behind
# every character for a digit took longer than finding the numbers.
_NUMBER = re.compile(rf"\d+(?:[{_SEPARATORS}]\d{{3}}(?!\d))*")
_NO_SEPARATORS = str.maketrans("", "", _SEPARATORS)
_QUOTE_OPENERS = '“«„"‘‹「'
# Capitalized words that start sentences in many languages without naming anyone.
_SENTENCE_START = re.compile(r"(?:^|[.!?:;«“„\"(]\s*)(\w[\w'’-]*)")


@functools.cache
def _digit_table() -> tuple[re.Pattern, dict[str, str]]:
    """A pattern of every digit of another script than ASCII (none lies beyond U+1FFFF),
    and each digit's value.

    The pattern finds the digits below U+10000 and every character beyond: the regex engine
    checks the first as one bitmap lookup, but goes through characters beyond U+FFFF range
    by range (some 70 of them, for every character of a text). A character beyond that is
    not a digit is written back as it is.
    """
    table = {
        chr(code): str(unicodedata.digit(chr(code)))
        for code in range(0x80, 0x20000)
        if chr(code).isdigit()
    }
    runs: list[list[int]] = []
    for code in map(ord, table):  # in order: written as ranges
        if code > 0xFFFF:
            break
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    ranges = "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in runs)
    return re.compile(f"[{ranges}\U00010000-\U0010ffff]"), table


def ascii_digits(text: str) -> str:
    """TEXT with the digits of every script written as ASCII digits: "٤٥" and "۴۵" are "45"."""
    if text.isascii():
        return text
    pattern, table = _digit_table()
    return pattern.sub(lambda m: table.get(m.group(), m.group()), text)


@dataclass(frozen=True)
class Paragraph:
    """What the aligner compares of one paragraph."""

    length: int
    numbers: frozenset[str]
    names: frozenset[str]
    kind: str  # "heading", "quote", "list_item" or "paragraph"


@dataclass(frozen=True)
class Bead:
    """SOURCE paragraphs (indexes) translated by TARGET paragraphs, and how sure that is."""

    source: tuple[int, ...]
    target: tuple[int, ...]
    confidence: float

    @property
    def is_pair(self) -> bool:
        return bool(self.source) and bool(self.target)


def features(text: str, kind: str = "paragraph") -> Paragraph:
    """The length, numbers, names and kind of one paragraph of TEXT."""
    text = unicodedata.normalize("NFC", text)
    digits = ascii_digits(text)
    numbers = frozenset(
        (n if n.isdigit() else n.translate(_NO_SEPARATORS)).lstrip("0") or "0"
        for n in _NUMBER.findall(digits)
    )
    # Names: capitalized words not at a sentence's start, compared in Latin letters by their
    # first four (declensions and suffixes differ: "Shahabi'nin", "Σαχαμπί").
    capitalized = [word for word in _WORD.findall(text) if word[0].isupper()]
    if capitalized:
        starts = set(_SENTENCE_START.findall(text))
        names = frozenset(_name_key(word) for word in capitalized if word not in starts)
    else:
        names = frozenset()
    stripped = text.lstrip()
    if kind == "paragraph" and stripped[:1] in _QUOTE_OPENERS:
        kind = "quote"
    return Paragraph(sum(map(len, text.split())), numbers, names, kind)


@functools.lru_cache(maxsize=50_000)
def _name_key(word: str) -> str:
    """A name as compared: its first four letters in Latin script (the same names come back
    in paragraph after paragraph, and transliterating is the costly part)."""
    return anyascii(word).lower()[:4]


def _length_cost(source: int, target: int, ratio: float) -> tuple[float, float]:
    """(-log probability, probability) that lengths SOURCE and TARGET translate each other."""
    if source == 0 and target == 0:
        return 0.0, 1.0
    mean = (source + target / ratio) / 2
    delta = (target - source * ratio) / math.sqrt(max(mean, 1) * _VARIANCE * ratio)
    probability = math.erfc(abs(delta) / math.sqrt(2))
    return -math.log(max(probability, 1e-12)), probability


def _merge(paragraphs: list[Paragraph]) -> Paragraph:
    if len(paragraphs) == 1:
        return paragraphs[0]
    kinds = {p.kind for p in paragraphs}
    return Paragraph(
        sum(p.length for p in paragraphs),
        frozenset().union(*(p.numbers for p in paragraphs)),
        frozenset().union(*(p.names for p in paragraphs)),
        kinds.pop() if len(kinds) == 1 else "paragraph",
    )


def _anchors(a: Paragraph, b: Paragraph) -> float | None:
    """How far the anchors of A and B agree, 0 to 1; None when neither has any."""
    numbers = None
    if a.numbers or b.numbers:
        numbers = 2 * len(a.numbers & b.numbers) / (len(a.numbers) + len(b.numbers))
    if a.names and b.names:
        names = len(a.names & b.names) / min(len(a.names), len(b.names))
        return names if numbers is None else (numbers + names) / 2
    return numbers


def _score(a: Paragraph, b: Paragraph, ratio: float, shape: tuple[int, int]):
    """(cost, confidence) of pairing A with B in a bead of SHAPE."""
    cost, probability = _length_cost(a.length, b.length, ratio)
    cost += _SHAPES[shape]
    agreement = _anchors(a, b)
    if agreement is not None:
        cost += _ANCHOR * (1 - 2 * agreement)
    structural = a.kind != "paragraph" or b.kind != "paragraph"
    if structural and a.kind != b.kind:
        cost += _KIND
    # Lengths within the usual spread count as full agreement; far outside, as none.
    length_trust = min(1.0, probability / 0.3)
    confidence = 0.75 * length_trust if agreement is None else 0.4 * length_trust + 0.6 * agreement
    if structural and a.kind == b.kind:
        confidence = min(1.0, confidence + 0.1)
    elif structural:
        confidence *= 0.7
    return cost, confidence * _SHAPE_TRUST[shape]


def _spans(paragraphs: list[Paragraph]) -> list[dict[int, Paragraph]]:
    """For each end position, the paragraph ending there and the two ending there merged."""
    out: list[dict[int, Paragraph]] = [{}]
    for k, p in enumerate(paragraphs, 1):
        spans = {1: p}
        if k > 1:
            spans[2] = _merge(paragraphs[k - 2 : k])
        out.append(spans)
    return out


def _band(n: int, m: int) -> int:
    return min(_BAND, max(6, abs(n - m) + 4))


def _sides(spans: list[dict[int, Paragraph]], ratio: float, scale: bool) -> list[dict]:
    """Each span as the dynamic program reads it: (length, length × RATIO for a source or
    length / RATIO for a target, numbers, names, kind), the products computed once per span
    rather than once per cell (the same operations, so the same values)."""
    return [
        {
            size: (p.length, p.length * ratio if scale else p.length / ratio, p.numbers,
                   p.names, p.kind)
            for size, p in spans_at.items()
        }
        for spans_at in spans
    ]  # fmt: skip


def align_features(source: list[Paragraph], target: list[Paragraph]) -> list[Bead]:
    """The likeliest beads of SOURCE and TARGET paragraphs, in order."""
    n, m = len(source), len(target)
    if not n or not m:
        return [Bead((i,), (), 0.0) for i in range(n)] + [Bead((), (j,), 0.0) for j in range(m)]
    total_source = sum(p.length for p in source) or 1
    ratio = (sum(p.length for p in target) or 1) / total_source
    source_spans, target_spans = _spans(source), _spans(target)
    sources, targets = _sides(source_spans, ratio, True), _sides(target_spans, ratio, False)
    infinity = float("inf")
    cost = [[infinity] * (m + 1) for _ in range(n + 1)]
    # The shape of the best bead ending at each cell; confidences are scored on the way back.
    back: list[list[tuple[int, int]]] = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    slope, band = m / n, _band(n, m)
    alone = _SHAPES[(1, 0)] + _ALONE
    one_one, one_two, two_one = _SHAPES[(1, 1)], _SHAPES[(1, 2)], _SHAPES[(2, 1)]
    one_one_floor, one_two_floor, two_one_floor = (c - _ANCHOR for c in (one_one, one_two, two_one))
    sqrt, log, erfc, sqrt2, variance = math.sqrt, math.log, math.erfc, math.sqrt(2), _VARIANCE
    for i in range(n + 1):
        centre = round(i * slope)
        row, back_row = cost[i], back[i]
        above = cost[i - 1] if i else row
        two_above = cost[i - 2] if i > 1 else row
        a1 = sources[i].get(1)
        a2 = sources[i].get(2)
        for j in range(max(0, centre - band), min(m, centre + band) + 1):
            if i == 0 and j == 0:
                continue
            best, choice = infinity, (0, 0)
            if i and above[j] + alone < best:
                best, choice = above[j] + alone, (1, 0)
            if j and row[j - 1] + alone < best:
                best, choice = row[j - 1] + alone, (0, 1)
            if not (i and j):
                row[j], back_row[j] = best, choice
                continue
            b1 = targets[j][1]
            # In the order the shapes were always tried: (1, 1), (1, 2), (2, 1). The cost is
            # that of ``_score`` (the same operations in the same order), written out here:
            # a call per candidate was a third of the aligner's time.
            for before, a, b, shape_cost, floor, shape in (
                (above[j - 1], a1, b1, one_one, one_one_floor, (1, 1)),
                (above[j - 2] if j > 1 else infinity, a1, targets[j].get(2), one_two,
                 one_two_floor, (1, 2)),
                (two_above[j - 1] if i > 1 else infinity, a2, b1, two_one, two_one_floor,
                 (2, 1)),
            ):  # fmt: skip
                # No cost is below its shape's with anchors agreeing entirely (FLOOR); when
                # even that cannot beat the best, the candidate is not worth computing (float
                # rounding is monotonic, so it could not have won either).
                if before + floor >= best:
                    continue
                a_length, a_scaled, a_numbers, a_names, a_kind = a
                b_length, b_scaled, b_numbers, b_names, b_kind = b
                if a_length == 0 and b_length == 0:
                    total = 0.0
                else:
                    mean = (a_length + b_scaled) / 2
                    delta = (b_length - a_scaled) / sqrt(
                        (mean if mean > 1 else 1) * variance * ratio
                    )
                    probability = erfc((delta if delta >= 0 else -delta) / sqrt2)
                    total = -log(probability if probability > 1e-12 else 1e-12)
                total += shape_cost
                if a_numbers or b_numbers or (a_names and b_names):
                    agreement = None
                    if a_numbers or b_numbers:
                        agreement = (
                            2 * len(a_numbers & b_numbers) / (len(a_numbers) + len(b_numbers))
                        )
                    if a_names and b_names:
                        names = len(a_names & b_names) / min(len(a_names), len(b_names))
                        agreement = names if agreement is None else (agreement + names) / 2
                    total += _ANCHOR * (1 - 2 * agreement)
                if a_kind != b_kind and (a_kind != "paragraph" or b_kind != "paragraph"):
                    total += _KIND
                total = before + total
                if total < best:
                    best, choice = total, shape
            row[j], back_row[j] = best, choice
    beads: list[Bead] = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j]
        if di == 0 and dj == 0:  # outside the band: cannot happen, the corners are inside
            break
        confidence = 0.0
        if di and dj:
            a, b = source_spans[i][di], target_spans[j][dj]
            confidence = _score(a, b, ratio, (di, dj))[1]
        beads.append(Bead(tuple(range(i - di, i)), tuple(range(j - dj, j)), round(confidence, 3)))
        i, j = i - di, j - dj
    beads.reverse()
    return beads


def align(
    source: list[str],
    target: list[str],
    source_kinds: list[str] | None = None,
    target_kinds: list[str] | None = None,
) -> list[Bead]:
    """Pair the paragraphs of SOURCE with those of TARGET, its translation."""
    source_kinds = source_kinds or ["paragraph"] * len(source)
    target_kinds = target_kinds or ["paragraph"] * len(target)
    return align_features(
        [features(t, k) for t, k in zip(source, source_kinds, strict=True)],
        [features(t, k) for t, k in zip(target, target_kinds, strict=True)],
    )


def links(beads: list[Bead]) -> set[tuple[int, int]]:
    """Every (source paragraph, target paragraph) the BEADS say translate each other."""
    return {(i, j) for b in beads for i in b.source for j in b.target}
