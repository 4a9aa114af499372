"""Which documents are translations of the same piece, judged on what survives translation.

Words change from one language to another; numbers, dates, links, the signatories' acronyms
and countries, the names of people, places and organizations (written in another script, but
sounding alike: ``names.sound_key``), the length of the text and its shape (how many
paragraphs, how long each is compared to the others, where the quotations are) do not. Each
document gets an ``evidence`` record of those; two documents in different languages are
compared feature by feature, and the confidence says how sure the comparison is.

The network publishes many statements on the same day signed by the same organizations, so
date and signatories alone never join two documents: the text itself (numbers, links, names,
length, shape) must agree too. Pairs above ``AUTO_JOIN`` are joined; pairs between
``ASK_EDITOR`` and it are left apart and listed for an editor.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import pairwise
from typing import Any

from havza.archive.names import person_keys, shared_names, text_names
from havza.archive.signatories import country_code
from havza.archive.text import ascii_digits

AUTO_JOIN = 0.75
ASK_EDITOR = 0.45
CONTENT_NEEDED = 0.5  # below this agreement of the text itself, never join automatically
MAX_POSTING = 300  # a key shared by more documents than this says nothing (a year, "1")
CONTENT_TO_ASK = 0.25  # below this, not even worth an editor's look
PROFILE_POINTS = 12
NAMES_WEIGHT = 3.5
NAMES_ALL, NAMES_NONE = 0.6, 0.15
COMMON_GROUPS, COMMON_SHARE = 11, 0.1  # see common_names
NAMES_TO_MEET = 2  # names two documents share before they are compared on names alone
LENGTH_NEAR, LENGTH_FAR = 0.7, 0.35  # ratio of two texts' lengths: surely alike, surely not
LENGTH_PENALTY = 0.75  # the confidence left when the lengths disagree completely
_SHAPES = {"quote": "q", "li": "l", "oli": "l", "h": "h"}
_NUMBER = re.compile(r"\d+(?:[.,]\d{3})*(?:[.,]\d+)?")


def evidence(
    title: str,
    paragraphs: Iterable[tuple[str, str]],
    date: dt.date | None,
    signers: Iterable[tuple[str, str | None]],
    links: Iterable[str],
    people: Iterable[str] = (),
) -> dict[str, Any]:
    """The language-independent features of a document (JSON-serializable).

    PARAGRAPHS are (kind, text) pairs; SIGNERS are (acronym, country) pairs; PEOPLE are the
    names of its authors and signatories.
    """
    paragraphs = list(paragraphs)
    text = ascii_digits(" ".join([title, *(t for _, t in paragraphs)]))
    numbers = [re.sub(r"[.,]", "", n) for n in _NUMBER.findall(text)]
    lengths = [len(t) for _, t in paragraphs]
    names, words = text_names([title, *(t for _, t in paragraphs)], _country)
    return {
        "names": sorted({*names, *person_keys(people)}),
        "words": words,
        "length": sum(lengths),
        "date": date.isoformat() if date else None,
        "numbers": sorted(numbers)[:200],
        "signers": [f"{acronym}|{country or ''}" for acronym, country in signers],
        "links": sorted({_link(u) for u in links})[:50],
        "shape": "".join(_SHAPES.get(kind, "p") for kind, _ in paragraphs),
        "profile": _profile(lengths),
    }


@lru_cache(maxsize=65536)
def _country(word: str) -> str | None:
    return country_code(word) if len(word) >= 4 else None


def _link(url: str) -> str:
    url = re.sub(r"^https?://(www\.)?", "", url.strip().lower())
    return url.rstrip("/.,;")


def _profile(lengths: list[int]) -> list[float]:
    """Where, in share of the text, each of PROFILE_POINTS evenly spaced paragraphs ends."""
    total = sum(lengths)
    if not total:
        return []
    cumulative, running = [], 0
    for length in lengths:
        running += length
        cumulative.append(running / total)
    return [round(x, 3) for x in cumulative[:: max(1, len(cumulative) // PROFILE_POINTS)]]


def _jaccard(a: Iterable[str], b: Iterable[str]) -> float:
    ca, cb = Counter(a), Counter(b)
    union = sum((ca | cb).values())
    return sum((ca & cb).values()) / union if union else 0.0


def similarity(
    a: dict[str, Any], b: dict[str, Any], common: frozenset[str] = frozenset()
) -> tuple[float, dict[str, float]]:
    """How sure we are that A and B are the same piece, and the score of each feature.

    COMMON: names too many documents share to tell them apart (the network's own name).
    """
    scores: dict[str, float] = {}
    weights: dict[str, float] = {}
    content: list[tuple[float, float]] = []
    if a.get("date") and b.get("date"):
        days = abs((dt.date.fromisoformat(a["date"]) - dt.date.fromisoformat(b["date"])).days)
        scores["date"] = 1.0 if days == 0 else 0.6 if days <= 3 else 0.0
        weights["date"] = 2.0
    na, nb = a.get("numbers", []), b.get("numbers", [])
    if na or nb:
        scores["numbers"] = _jaccard(na, nb)
        weights["numbers"] = min(3.0, 0.4 * max(1, min(len(na), len(nb))))
        content.append((scores["numbers"], weights["numbers"]))
    sa, sb = a.get("signers", []), b.get("signers", [])
    if sa or sb:
        scores["signatories"] = 1.0 if sa == sb else SequenceMatcher(None, sa, sb).ratio()
        weights["signatories"] = 2.5 if sa and sb else 1.0
    la, lb = a.get("links", []), b.get("links", [])
    if la or lb:
        scores["links"] = _jaccard(la, lb)
        weights["links"] = 1.5 if la and lb else 0.5
        content.append((scores["links"], weights["links"]))
    name_score = _names(a, b, common)
    if name_score is not None:
        scores["names"], weights["names"] = name_score
        content.append(name_score)
    length_a, length_b = a.get("length"), b.get("length")
    if length_a and length_b:
        ratio = min(length_a, length_b) / max(length_a, length_b)
        scores["length"] = max(0.0, min(1.0, (ratio - LENGTH_FAR) / (LENGTH_NEAR - LENGTH_FAR)))
    shape_a, shape_b = a.get("shape", ""), b.get("shape", "")
    if shape_a and shape_b:
        counts = min(len(shape_a), len(shape_b)) / max(len(shape_a), len(shape_b))
        same = shape_a == shape_b
        scores["shape"] = 1.0 if same else counts * SequenceMatcher(None, shape_a, shape_b).ratio()
        scores["shape"] *= _profile_agreement(a.get("profile", []), b.get("profile", []))
        # Two or three paragraphs have the same shape in most texts: more say more.
        weights["shape"] = min(1.5, 0.3 * min(len(shape_a), len(shape_b)))
        content.append((scores["shape"], weights["shape"]))
    total = sum(weights.values())
    if not total:
        return 0.0, scores
    agreement = sum(scores[k] * weights[k] for k in weights) / total
    confidence = agreement * min(1.0, total / 5.0)
    # Most texts of a kind are about as long as each other: a length that agrees says little,
    # one that does not (a translation is rarely half or twice as long) lowers the confidence.
    confidence *= LENGTH_PENALTY + (1 - LENGTH_PENALTY) * scores.get("length", 1.0)
    content_weight = sum(w for _, w in content)
    content_score = sum(s * w for s, w in content) / content_weight if content_weight else 0.0
    if content_score < CONTENT_NEEDED:
        confidence = min(confidence, AUTO_JOIN - 0.01)
    if content_score < CONTENT_TO_ASK:
        # Same day, same signatories, different text: the network's usual day, not a match.
        confidence = min(confidence, ASK_EDITOR - 0.01)
    return round(confidence, 3), {k: round(v, 3) for k, v in scores.items()}


def _names(
    a: dict[str, Any], b: dict[str, Any], common: frozenset[str]
) -> tuple[float, float] | None:
    """The share of one document's names the other has too, and how much that weighs.

    Both in scripts with capitals: the names of the one that has fewer are looked for among
    the other's. One in a script without (whose names cannot be told from its words): the
    other's names are looked for among its names and words.
    """
    na, nb = set(a.get("names", [])) - common, set(b.get("names", [])) - common
    wa, wb = set(a.get("words", [])) - common, set(b.get("words", [])) - common
    if bool(wa) != bool(wb):
        base, other = (nb, na | wa) if wa else (na, nb | wb)
    else:
        base, other = (na, nb) if len(na) <= len(nb) else (nb, na)
    if not base or not other:
        return None
    found, total = shared_names(base, other)
    # A translation translates some capitalized words ("Mediterranean", "Akdeniz"): sharing
    # NAMES_ALL of the names is as sure as it gets, sharing NAMES_NONE is chance.
    share = (found / total - NAMES_NONE) / (NAMES_ALL - NAMES_NONE)
    return max(0.0, min(1.0, share)), min(NAMES_WEIGHT, 0.5 * total)


def _profile_agreement(pa: list[float], pb: list[float]) -> float:
    if not pa or not pb or len(pa) != len(pb):
        return 0.8  # paragraph counts differ: the count ratio already says so
    return max(0.0, 1.0 - 2.0 * sum(abs(x - y) for x, y in zip(pa, pb, strict=True)) / len(pa))


@dataclass
class Node:
    """A document to place in a group: new in this import, or stored by an earlier one."""

    id: int
    language: str
    evidence: dict[str, Any]
    work: int | None = None  # the Work it already belongs to (stored documents)
    group: str = ""  # translation group stated by the source: final, never recomputed
    fixed: bool = False  # stored documents keep their Work
    key: str = ""  # the document's identity: orders ties the same way whatever the node ids


@dataclass
class Grouping:
    groups: list[list[int]]  # node ids, each list one Work
    confidence: dict[int, float | None]  # per node: its best link inside its group
    to_confirm: list[tuple[int, int, float, dict[str, float]]] = field(default_factory=list)


def _keys(node: Node, names: set[str]) -> set[str]:
    """What a document shares with its translations: numbers, links, date, names (NAMES:
    those some document writes with capitals, which are looked for among the words of
    documents in scripts without)."""
    ev = node.evidence
    keys = {f"n:{n}" for n in ev.get("numbers", []) if len(n) >= 2}
    keys |= {f"l:{u}" for u in ev.get("links", [])}
    if ev.get("date"):
        keys.add(f"d:{ev['date']}")
    keys |= {f"p:{k}" for k in ev.get("names", [])}
    keys |= {f"p:{k}" for k in ev.get("words", []) if k in names}
    # A signatory list survives translation where the names do not: its countries in their
    # order ("TR, LB, MT"), and acronyms, which most translations keep.
    signers = ev.get("signers", [])
    if len(signers) >= 2 and any(s != "|" for s in signers):
        keys.add("s:" + "/".join(signers))
    keys |= {f"a:{s.split('|', 1)[0]}" for s in signers if len(s.split("|", 1)[0]) >= 2}
    return keys


def common_names(nodes: list[Node]) -> frozenset[str]:
    """Names in more documents than two whole translation groups and a tenth of the archive
    are in: a network's own name, its city, a name every page repeats."""
    counts: Counter[str] = Counter()
    for node in nodes:
        counts.update({*node.evidence.get("names", []), *node.evidence.get("words", [])})
    limit = max(2 * COMMON_GROUPS, COMMON_SHARE * len(nodes))
    return frozenset(key for key, n in counts.items() if n > limit)


def group(nodes: list[Node]) -> Grouping:
    """Join NODES into groups with at most one document per language."""
    common = common_names(nodes)
    by_id = {n.id: n for n in nodes}
    parent = {n.id: n.id for n in nodes}
    langs = {n.id: {n.language} for n in nodes}
    works = {n.id: {n.work} - {None} for n in nodes}
    confidence: dict[int, float | None] = {n.id: None for n in nodes}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: int, b: int) -> bool:
        ra, rb = find(a), find(b)
        if ra == rb:
            return True
        if langs[ra] & langs[rb] or len(works[ra] | works[rb]) > 1:
            return False
        parent[rb] = ra
        langs[ra] |= langs[rb]
        works[ra] |= works[rb]
        return True

    # Groups the source states come first, with full confidence.
    stated: dict[str, list[int]] = defaultdict(list)
    for node in nodes:
        if node.group:
            stated[node.group].append(node.id)
    for members in stated.values():
        for a, b in pairwise(members):
            if union(a, b) and len(members) > 1:
                confidence[a] = confidence[b] = 1.0

    # The stored documents of one Work are one group already.
    by_work: dict[int, list[int]] = defaultdict(list)
    for node in nodes:
        if node.fixed and node.work is not None:
            by_work[node.work].append(node.id)
    for members in by_work.values():
        for a, b in pairwise(members):
            union(a, b)
    to_confirm = []
    # Pairs sharing the most keys first: translations share nearly all of theirs. A pair
    # already in one group is not compared again, which keeps large archives linear.
    for a, b in _candidate_pairs([n for n in nodes if not n.group], by_id, common):
        na, nb = by_id[a], by_id[b]
        if (na.fixed and nb.fixed) or find(a) == find(b):
            continue
        score, details = similarity(na.evidence, nb.evidence, common)
        if score >= AUTO_JOIN and union(a, b):
            for x in (a, b):
                confidence[x] = max(confidence[x] or 0.0, score)
        elif score >= ASK_EDITOR:
            to_confirm.append((a, b, score, details))
    roots: dict[int, list[int]] = defaultdict(list)
    for node in nodes:
        roots[find(node.id)].append(node.id)
    to_confirm = [c for c in to_confirm if find(c[0]) != find(c[1])]
    return Grouping(list(roots.values()), confidence, to_confirm)


def _candidate_pairs(
    nodes: list[Node], by_id: dict[int, Node], common: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    postings: dict[str, list[int]] = defaultdict(list)
    names = {k for node in nodes for k in node.evidence.get("names", [])} - common
    common_keys = {f"p:{k}" for k in common}
    for node in nodes:
        for key in _keys(node, names) - common_keys:
            postings[key].append(node.id)
    shared: Counter[tuple[int, int]] = Counter()
    by_name: Counter[tuple[int, int]] = Counter()
    for key, members in postings.items():
        if len(members) > MAX_POSTING:
            continue
        counter = by_name if key.startswith("p:") else shared
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if by_id[a].language != by_id[b].language:
                    counter[(min(a, b), max(a, b))] += 1
    # One name in common is chance (a city, the network's name); two make a candidate.
    for pair, count in by_name.items():
        if count >= NAMES_TO_MEET or pair in shared:
            shared[pair] += count
    # Most shared keys first; ties in the order of the documents' keys, so that the same
    # documents are grouped the same way whichever import run each of them came in.
    rank = {n.id: r for r, n in enumerate(sorted(nodes, key=lambda n: (n.key, n.id)))}

    def order(entry: tuple[tuple[int, int], int]) -> tuple[int, int, int]:
        (a, b), count = entry
        ra, rb = rank[a], rank[b]
        return (-count, min(ra, rb), max(ra, rb))

    return [pair for pair, _ in sorted(shared.items(), key=order)]
