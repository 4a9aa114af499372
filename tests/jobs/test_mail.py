"""Mail leaves through the worker and Django's SMTP backend, to a real SMTP server (aiosmtpd)
listening on this machine; a server that is down means the job is tried again later."""

from __future__ import annotations

import email
import socket

import pytest
from aiosmtpd.controller import Controller
from django_tasks_db.models import DBTaskResult

from havza.jobs.mail import queue_mail, send_mail
from havza.jobs.worker import run_due_jobs
from tests.jobs.conftest import later


class Inbox:
    """An aiosmtpd handler that keeps every message it accepts."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], email.message.Message]] = []

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content)
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp(settings):
    """Django's SMTP backend pointed at a free port; start() runs a server there."""
    port = free_port()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    settings.DEFAULT_FROM_EMAIL = "Many Shores <news@shores.example>"
    inbox = Inbox()
    servers: list[Controller] = []

    def start() -> Inbox:
        server = Controller(inbox, hostname="127.0.0.1", port=port)
        server.start()
        servers.append(server)
        return inbox

    yield start
    for server in servers:
        server.stop()


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
