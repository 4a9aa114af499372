"""Boilerplate learned from a stream of WordPress posts, in bounded memory: never a line that
learning from every page at once would not learn, always a line on a few pages more than the
share, and the counts forget the lines of one page."""

from __future__ import annotations

import math
import random
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from havza.archive import pipeline
from havza.archive.boilerplate import HELD, LEARN_SHARE, Boilerplate


def streamed(pages, bucket, monkeypatch) -> pipeline.EdgeCounts:
    monkeypatch.setattr(pipeline, "EDGE_BUCKET", bucket)
    counts = pipeline.EdgeCounts()
    for keys in pages:
        counts.add(keys)
    return counts


def archive(seed: int, total: int, shares: list[float]) -> list[frozenset[str]]:
    """TOTAL pages: line i on each page with the chance SHARES[i] (every third one reads as a
    byline), and three lines of the page's own."""
    rng = random.Random(seed)
    lines = [f"{HELD if i % 3 == 2 else ''}line {i}" for i in range(len(shares))]
    return [
        frozenset(
            [line for line, share in zip(lines, shares, strict=True) if rng.random() < share]
            + [f"own {n}.{k}" for k in range(3)]
        )
        for n in range(total)
    ]


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(0, 2**32),
    total=st.integers(1000, 5000),
    bucket=st.integers(40, 200),
    shares=st.lists(st.floats(0, 0.2), min_size=1, max_size=12),
)
def test_streamed_learning_errs_only_by_the_pages_it_may_have_forgotten(
    seed, total, bucket, shares
):
    pages = archive(seed, total, shares)
    with pytest.MonkeyPatch.context() as monkeypatch:
        learned = streamed(pages, bucket, monkeypatch).boilerplate()
    exact = Boilerplate.from_edges(pages)
    assert learned.learned <= exact.learned and learned.held <= exact.held
    needed = max(3, math.ceil(LEARN_SHARE * total))
    slack = math.ceil(total / bucket)  # at most one page per bucket forgotten
    on = Counter(key for keys in pages for key in keys)
    sure = {key for key, n in on.items() if n >= needed + slack}
    assert {k for k in sure if not k.startswith(HELD)} <= learned.learned
    assert {k[len(HELD) :] for k in sure if k.startswith(HELD)} <= learned.held


def test_an_archive_smaller_than_a_bucket_is_counted_exactly():
    pages = [frozenset({"top", f"own {n}"}) for n in range(pipeline.EDGE_BUCKET - 1)]
    pages += [frozenset({f"{HELD}by the editors"})] * 200
    counts = pipeline.EdgeCounts()
    for keys in pages:
        counts.add(keys)
    assert counts.boilerplate() == Boilerplate.from_edges(pages)
    assert counts.boilerplate().held == {"by the editors"}


def test_the_counts_of_a_long_stream_stay_bounded(monkeypatch):
    """Ten paragraphs of its own on each of 20,000 pages, two lines on every page."""
    monkeypatch.setattr(pipeline, "EDGE_BUCKET", 100)
    counts = pipeline.EdgeCounts()
    largest = 0
    for n in range(20_000):
        counts.add(frozenset({"network tagline", "footer", *(f"{n}.{p}" for p in range(10))}))
        largest = max(largest, len(counts.counts))
    assert largest <= 2 * 100 * 10 + 2  # the lines of two buckets' pages, not of 20,000
    assert counts.boilerplate().learned == {"network tagline", "footer"}


def test_a_line_forgotten_and_seen_again_is_learned_only_from_the_pages_it_is_surely_on(
    monkeypatch,
):
    """On two pages in 50 (42 of 1,005, short of the 51 needed): forgotten after each pair,
    seen last on the 1,001st and 1,002nd pages, when up to 100 earlier pages could have been
    forgotten."""
    pages = [
        frozenset({f"own {n}"} | ({"sometimes"} if n % 50 < 2 else set())) for n in range(1005)
    ]
    assert Boilerplate.from_edges(pages).learned == set()
    assert streamed(pages, 10, monkeypatch).boilerplate().learned == set()


def test_a_line_that_starts_late_and_then_is_on_every_other_page_is_learned(monkeypatch):
    pages = [
        frozenset({f"own {n}"} | ({"later"} if n >= 1000 and n % 2 else set())) for n in range(2000)
    ]
    assert Boilerplate.from_edges(pages).learned == {"later"}
    assert streamed(pages, 10, monkeypatch).boilerplate().learned == {"later"}
