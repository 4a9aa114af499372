"""Mail leaves through the worker and Django's SMTP backend, to a real SMTP server (aiosmtpd)
listening on this machine; a server that is down means the job is tried again later."""

from __future__ import annotations

import email

import pytest
from django_tasks_db.models import DBTaskResult

from havza.jobs.mail import queue_mail, send_mail
from havza.jobs.worker import run_due_jobs
from tests.jobs.conftest import later


@pytest.mark.django_db(transaction=True)
def test_the_worker_delivers_a_queued_message(smtp):
    inbox = smtp()
    body = "Merhaba Leyla,\n\nYeni bir çeviri."
    queue_mail("Çeviri atandı: عاش يوم النصر", body, ["leyla@x.org"])
    assert inbox.messages == []  # nothing is sent inside the request
    assert run_due_jobs() == 1
    [(sender, recipients, message)] = inbox.messages
    assert sender == "news@shores.example" and recipients == ["leyla@x.org"]
    subject = str(email.header.make_header(email.header.decode_header(message["Subject"])))
    assert subject == "Çeviri atandı: عاش يوم النصر"
    assert "Yeni bir çeviri." in message.get_payload(decode=True).decode("utf-8")
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


@pytest.mark.django_db(transaction=True)
def test_a_message_is_sent_again_once_the_server_is_back(smtp, clock):
    send_mail.enqueue("Statement ready for review", "Please review it.", ["editor@x.org"])
    assert run_due_jobs() == 1  # no server listens yet
    failed = DBTaskResult.objects.get(status="FAILED")
    assert "ConnectionRefusedError" in failed.exception_class_path
    inbox = smtp()
    with clock(later(minutes=2)):
        assert run_due_jobs() == 1
    assert [recipients for _, recipients, _ in inbox.messages] == [["editor@x.org"]]
    assert sorted(DBTaskResult.objects.values_list("status", flat=True)) == [
        "FAILED",
        "SUCCESSFUL",
    ]
