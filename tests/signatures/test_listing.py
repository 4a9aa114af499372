"""The statement's counts: organizations and people by country and continent, in words."""

from __future__ import annotations

import pytest
from django.utils import translation

from havza.signatures import listing
from tests.signatures.test_editors import make

pytestmark = pytest.mark.django_db


def test_counts_by_type_country_and_continent(statement):
    sign_on, _en, _ar = statement
    rows = [
        ("organization", "TR"),  # Asia
        ("organization", "GR"),  # Europe
        ("organization", "EG"),  # Africa
        ("organization", "GR"),
        ("individual", "BR"),  # South America
        ("individual", "TR"),
    ]
    for n, (kind, country) in enumerate(rows):
        make(sign_on, n, type=kind, country=country, status="approved")
    make(sign_on, 99, type="organization", country="JP", status="confirmed")  # not counted
    summary = listing.summary(sign_on)
    assert (summary.organizations, summary.individuals, summary.total) == (4, 2, 6)
    assert (summary.countries, summary.continents) == (4, 4)
    assert (summary.org_countries, summary.org_continents) == (3, 3)
    with translation.override("en"):
        line = listing.summary_line(summary, "en")
    assert "4 organizations from 3 countries on 3 continents" in line
