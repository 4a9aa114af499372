"""A unit of work that commits for real (outside a test's transaction) invalidates the kept
pages when it commits, not before."""

from __future__ import annotations

import pytest

from havza.publishing import changes


@pytest.mark.django_db(transaction=True)
def test_committed_for_real(site, live):
    """Outside the test's transaction: the unit commits and its invalidation runs then."""
    t = site["translations"]["en"]
    url = t.get_absolute_url()
    assert b"Long live the day of victory" in live.get(url).body
    with changes.changing([t.work_id]):
        t.title = "Long live the day of peace"
        t.save()
        assert b"victory" in live.get(url).body  # not committed yet: the kept page is right
    assert b"Long live the day of peace" in live.get(url).body
