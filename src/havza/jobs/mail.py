"""Mail sent by the worker, through Django's mail backend (SMTP, or the console in the demo).

A request that has mail to send enqueues it (``queue_mail``) once its transaction commits; the
worker sends it, and a mail server that is down or refuses means the job is tried again later.
"""

from __future__ import annotations

from django.core import mail
from django.db import transaction

from havza.jobs.retries import job


@job()
def send_mail(subject: str, body: str, to: list[str], from_email: str | None = None) -> int:
    """Send one message to the addresses TO; fail (to be tried again) if it is not accepted."""
    return mail.send_mail(subject, body, from_email, to, fail_silently=False)


def queue_mail(subject: str, body: str, to: list[str], from_email: str | None = None) -> None:
    """Have the worker send a message, once the current transaction (if any) commits."""
    transaction.on_commit(lambda: send_mail.enqueue(subject, body, list(to), from_email))
