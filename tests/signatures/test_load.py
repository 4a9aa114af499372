"""Many people sign at once: SQLite lets one writer in at a time, so whatever a sign-on does
while it holds the write transaction every other sign-on waits for (on a 2-core server under
load, each request reading or rendering inside it cut the sign-ons per second). The
transaction that records a signature writes, and nothing else: the rate limits in one
statement, the signature, and its mail's job; the message is written by the worker."""

from __future__ import annotations

import pytest
from django.db import connection

from havza.jobs.worker import run_due_jobs
from havza.signatures import services
from havza.signatures.models import Signature
from tests.signatures.conftest import body_of, link

pytestmark = pytest.mark.django_db(transaction=True)

# Statements that read nothing (SET: how the rate limits commit on PostgreSQL).
WRITES = ("INSERT", "UPDATE", "DELETE", "SAVEPOINT", "RELEASE", "ROLLBACK", "BEGIN", "SET")


def signing(**fields) -> services.Signing:
    data = {
        "type": "individual",
        "name": "Leyla Aydın",
        "email": "leyla@example.org",
        "country": "TR",
        "consent_text": "I agree",
        "language": "ar",
    }
    data.update(fields)
    return services.Signing(**data)


class InTransaction:
    """The statements run while a transaction is open on the default connection."""

    def __init__(self) -> None:
        self.statements: list[str] = []

    def __call__(self, execute, sql, params, many, context):
        if connection.in_atomic_block:
            self.statements.append(sql)
        return execute(sql, params, many, context)


def test_the_transaction_of_a_sign_on_only_writes(client, smtp, statement):
    inbox = smtp()
    sign_on, _en, _ar = statement
    sign_on.refresh_from_db()
    watch = InTransaction()
    with connection.execute_wrapper(watch):
        assert services.sign(sign_on, signing(), "203.0.113.20") == "sent"
    inserts = [s for s in watch.statements if s.lstrip().upper().startswith("INSERT")]
    counts = [s for s in inserts if "signatures_limitcount" in s]
    # Every rate limit in one statement: in the signature's transaction on SQLite, in one
    # of their own before it on PostgreSQL.
    assert len(counts) == 1
    assert len(inserts) - len(counts) == 2  # the signature and its mail's job
    reads = [s for s in watch.statements if not s.lstrip().upper().startswith(WRITES)]
    assert reads == []
    # The message the worker writes is the signature's: its link and code confirm it.
    run_due_jobs()
    [(_s, to, message)] = inbox.messages
    text = body_of(message)
    signature = Signature.objects.get()
    assert to == ["leyla@example.org"] and signature.code in text and "أوقفوا الحرب" in text
    client.post(link(text, "confirm"))
    assert Signature.objects.get().status == "confirmed"
