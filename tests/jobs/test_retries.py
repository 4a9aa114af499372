"""A job that fails is recorded as failed, visible in the admin, and tried again later with a
growing delay, until it succeeds or its attempts are spent."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from havza.jobs.retries import ATTEMPTS, job
from havza.jobs.worker import run_due_jobs
from tests.jobs.conftest import later

CALLS: list[str] = []


class PressDown(Exception):
    pass


@job()
def deliver(note: str, failures: int) -> str:
    """Fails FAILURES times, then succeeds."""
    CALLS.append(note)
    if len(CALLS) <= failures:
        raise PressDown(f"the press is down (call {len(CALLS)})")
    return f"delivered {note}"


@pytest.fixture(autouse=True)
def fresh_calls():
    CALLS.clear()


def statuses() -> list[str]:
    return list(DBTaskResult.objects.order_by("enqueued_at").values_list("status", flat=True))


@pytest.mark.django_db(transaction=True)
def test_a_failed_job_is_tried_again_after_a_growing_delay(clock):
    deliver.enqueue("leaflet", failures=2)
    assert run_due_jobs() == 1
    assert statuses() == ["FAILED", "READY"]
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.args_kwargs["kwargs"] == {"failures": 2, "_attempt": 2}

    assert run_due_jobs() == 0  # not before its time: a minute later
    with clock(later(seconds=61)):
        assert run_due_jobs() == 1
    assert statuses() == ["FAILED", "FAILED", "READY"]
    with clock(later(seconds=61 + 90)):
        assert run_due_jobs() == 0  # the second wait is two minutes
    with clock(later(minutes=4)):
        assert run_due_jobs() == 1
    assert statuses() == ["FAILED", "FAILED", "SUCCESSFUL"]
    assert DBTaskResult.objects.get(status="SUCCESSFUL").return_value == "delivered leaflet"
    assert CALLS == ["leaflet"] * 3


@pytest.mark.django_db(transaction=True)
def test_a_job_that_always_fails_stops_after_its_attempts(clock):
    deliver.enqueue("poster", failures=99)
    for day in range(ATTEMPTS + 2):  # a day apart: each pass runs the next attempt
        with clock(later(days=day)):
            run_due_jobs()
    assert statuses() == ["FAILED"] * ATTEMPTS
    assert len(CALLS) == ATTEMPTS


@pytest.mark.django_db(transaction=True)
def test_failed_jobs_and_their_errors_are_shown_in_the_admin(client):
    deliver.enqueue("banner", failures=1)
    run_due_jobs()
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "x")
    client.force_login(admin)
    listing = client.get("/admin/django_tasks_database/dbtaskresult/?status__exact=FAILED")
    assert listing.status_code == 200
    rows = BeautifulSoup(listing.content, "html.parser").select("#result_list tbody tr")
    assert len(rows) == 1 and "deliver" in rows[0].get_text()
    failed = DBTaskResult.objects.get(status="FAILED")
    detail = client.get(f"/admin/django_tasks_database/dbtaskresult/{failed.pk}/change/")
    assert "PressDown" in detail.content.decode() and "the press is down" in detail.content.decode()


@pytest.mark.django_db(transaction=True)
def test_havza_worker_once_runs_what_is_due(capsys):
    deliver.enqueue("sticker", failures=0)
    call_command("worker", once=True)
    assert "1 jobs run." in capsys.readouterr().out
    assert statuses() == ["SUCCESSFUL"]
