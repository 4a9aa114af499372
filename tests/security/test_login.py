"""Logins: wrong passwords are limited per account and per address, and password hashing never
takes more than its share of the server."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model

from havza.accounts import throttle

LOGIN = "/admin/login/?next=/admin/"


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_user(
        "ayse", password="right-horse-battery", is_staff=True
    )


def attempt(client, username, password, address="192.0.2.10"):
    return client.post(LOGIN, {"username": username, "password": password},
                       REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE="tr")  # fmt: skip


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_after_the_limit_even_the_right_password_is_refused(client, editor):
    limit = settings.AXES_FAILURE_LIMIT
    answers = [attempt(client, "ayse", "wrong").status_code for _ in range(limit)]
    assert answers == [200] * (limit - 1) + [429]  # the last wrong one locks
    refused = attempt(client, "ayse", "right-horse-battery")
    assert refused.status_code == 429
    assert not logged_in(client)
    assert "Retry-After" in refused.headers
    # The address is stored only as a keyed hash.
    stored = set(AccessAttempt.objects.values_list("ip_address", flat=True))
    assert "192.0.2.10" not in stored and all(a.startswith("fd") for a in stored)


@pytest.mark.password_hashing
def test_passwords_are_stored_as_argon2_hashes_and_checked_at_login(client, editor):
    """The hashers of the settings (the rest of the suite hashes quickly, tests/conftest.py)."""
    editor.refresh_from_db()
    assert editor.password.startswith("argon2$")
    assert attempt(client, "ayse", "wrong").status_code == 200
    assert not logged_in(client)
    assert attempt(client, "ayse", "right-horse-battery").status_code == 302
    assert logged_in(client)


def test_the_lock_holds_for_an_account_from_another_address(client, editor):
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "ayse", "wrong", address=f"198.51.100.{n}")
    assert attempt(client, "ayse", "right-horse-battery", address="203.0.113.7").status_code == 429


def test_the_lock_holds_for_an_address_trying_many_accounts(client, editor):
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, f"someone{n}", "wrong")
    assert attempt(client, "ayse", "right-horse-battery").status_code == 429


def test_the_lock_ends_after_the_configured_time(client, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "ayse", "wrong")
    assert attempt(client, "ayse", "right-horse-battery").status_code == 429
    # Move the failures back past the lockout instead of waiting for it.
    past = dt.timedelta(hours=settings.AXES_COOLOFF_TIME, minutes=1)
    for row in AccessAttempt.objects.all():
        AccessAttempt.objects.filter(pk=row.pk).update(attempt_time=row.attempt_time - past)
    assert attempt(client, "ayse", "right-horse-battery").status_code == 302
    assert logged_in(client)


def test_no_more_password_checks_run_at_once_than_the_bound():
    pool = throttle.PasswordCheckPool(2, queue=6)
    release, two_running = threading.Event(), threading.Event()

    def check():
        if pool.running >= 2:
            two_running.set()
        assert release.wait(30)
        return True

    threads = [threading.Thread(target=pool.run, args=(check,), kwargs={"timeout": 30})
               for _ in range(8)]  # fmt: skip
    for t in threads:
        t.start()
    assert two_running.wait(30)
    assert pool.running == 2
    release.set()
    for t in threads:
        t.join(30)
    assert pool.most == 2 and pool.running == 0


def test_a_login_that_finds_the_line_full_does_not_wait_in_it():
    pool = throttle.PasswordCheckPool(1, queue=1)
    release, running = threading.Event(), threading.Event()

    def check():
        running.set()
        assert release.wait(30)

    first = threading.Thread(target=pool.run, args=(check,), kwargs={"timeout": 30})
    first.start()
    assert running.wait(30)
    second = threading.Thread(target=pool.run, args=(lambda: None,), kwargs={"timeout": 30})
    second.start()  # waits for the turn: the line holds one
    while pool.waiting < 1:
        second.join(0.01)
    with pytest.raises(throttle.PasswordChecksBusy):
        pool.run(lambda: None, timeout=30)  # answered at once, without waiting 30 s
    release.set()
    first.join(30)
    second.join(30)
    assert pool.running == pool.waiting == 0


def test_a_login_that_finds_no_turn_is_asked_to_try_again_and_not_counted(
    client, editor, monkeypatch
):
    busy = throttle.PasswordCheckPool(1)
    assert busy._turns.acquire()  # every turn taken
    monkeypatch.setattr(throttle, "_pool", busy)
    monkeypatch.setattr(throttle, "WAIT_SECONDS", 0.0)
    response = attempt(client, "ayse", "right-horse-battery")
    assert response.status_code == 503
    assert AccessAttempt.objects.count() == 0


def test_an_overlong_user_name_is_refused_before_any_password_check(client, editor):
    response = attempt(client, "🙂" * 300, "wrong")
    assert response.status_code == 200  # the form again, with its message: not a crash
    assert "300" in response.content.decode()  # "at most 150 characters (it has 300)"
    assert AccessAttempt.objects.count() == 0
