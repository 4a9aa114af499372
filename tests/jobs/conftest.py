"""Jobs run by the worker's own loop in the test, at times the test sets (never by sleeping)."""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from unittest import mock

import pytest
from django.utils import timezone


@pytest.fixture
def clock():
    """``with clock(when):`` makes WHEN the time now for havza, Django and the worker."""

    @contextmanager
    def at(when: dt.datetime):
        with mock.patch("django.utils.timezone.now", return_value=when):
            yield when

    return at


def later(**delta) -> dt.datetime:
    return timezone.now() + dt.timedelta(**delta)
