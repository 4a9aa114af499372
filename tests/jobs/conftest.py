"""Jobs run by the worker's own loop in the test, at times the test sets (never by sleeping);
mail delivered to a real SMTP server (aiosmtpd) on a free local port."""

from __future__ import annotations

import datetime as dt
import email
import socket
from contextlib import contextmanager
from unittest import mock

import pytest
from aiosmtpd.controller import Controller
from django.utils import timezone

from tests.admin.conftest import make_editor  # noqa: F401 -- an editor of the work screen
from tests.checkers.conftest import browser  # noqa: F401 -- Chromium through Playwright


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
