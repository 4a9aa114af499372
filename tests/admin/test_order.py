"""Rows in the order the editor arranged them: positions 1..n, whatever was typed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from havza.network.admin_forms import renumbered

positions = st.lists(st.one_of(st.none(), st.integers(min_value=0, max_value=50)), max_size=30)


@given(positions)
def test_positions_become_one_to_n(given_positions):
    assert sorted(renumbered(given_positions)) == list(range(1, len(given_positions) + 1))


@given(positions)
def test_rows_with_a_position_keep_their_order_and_come_first(given_positions):
    result = renumbered(given_positions)
    placed = [i for i, p in enumerate(given_positions) if p]
    unplaced = [i for i, p in enumerate(given_positions) if not p]
    by_result = sorted(range(len(result)), key=result.__getitem__)
    # Placed rows first, ordered by the position typed (ties: screen order), then the rest
    # in the order they appear on the screen.
    assert by_result == sorted(placed, key=lambda i: (given_positions[i], i)) + unplaced


def test_a_row_moved_up_takes_the_place_above():
    assert renumbered([1, 3, 2]) == [1, 3, 2]
    assert renumbered([0, 0, 0]) == [1, 2, 3]
    assert renumbered([2, 1, 0]) == [2, 1, 3]
