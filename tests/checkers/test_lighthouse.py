"""Lighthouse on a work page, mobile profile: a regression in speed, accessibility, good
practice or what search engines read shows here (bench.lighthouse measures more pages)."""

from __future__ import annotations

import json
import shutil

import pytest
from bench.lighthouse import CATEGORIES, LIGHTHOUSE, failed_audits, run_lighthouse

from tests.checkers.conftest import CHROMIUM

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.slow,
    pytest.mark.browser,
    pytest.mark.once,
]


def test_a_work_page_scores_at_least_095_in_every_category(
    network, live_server, require, artifacts
):
    require("browser", CHROMIUM.exists(), "Debian's chromium is not installed")
    require(
        "browser",
        LIGHTHOUSE.is_file() and bool(shutil.which("node")),
        "lighthouse is not installed (npm install)",
    )
    url = live_server.url + network["translations"]["ar"].get_absolute_url()
    out = artifacts / "lighthouse-work-ar.json"
    # Performance is timed on this machine: when other work loads it, a run can score low
    # by chance, or Lighthouse can lose its trace of the load ("Please run Lighthouse
    # again"), so up to three runs are made until one passes (a regression fails all three).
    scores, error = None, None
    for _attempt in range(3):
        try:
            scores = run_lighthouse(url, out)
        except RuntimeError as failed:
            if "run Lighthouse again" not in str(failed):
                raise
            error = failed
            continue
        if scores["performance"] >= 0.95:
            break
    assert scores is not None, error
    report = json.loads(out.read_text())
    low = {c: (scores[c], failed_audits(report, c)) for c in CATEGORIES if scores[c] < 0.95}
    assert low == {}
