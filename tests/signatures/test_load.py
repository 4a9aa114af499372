"""Many people sign at once: SQLite lets one writer in at a time, so whatever a sign-on does
while it holds the write transaction every other sign-on waits for (on a 2-core server under
load, each request reading or rendering inside it cut the sign-ons per second). The
transaction that records a signature writes, and nothing else: the rate limits in one
statement, the signature, and its mail's job; the message is written by the worker."""

from __future__ import annotations

import contextlib

import pytest
from django.db import connection

from havza.jobs.worker import run_due_jobs
from havza.signatures import rows, services
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


def test_a_sign_on_makes_its_rows_before_it_waits_for_the_write(statement, monkeypatch):
    """While one sign-on holds SQLite's write turn every other waits: the values of its
    rows are made before it takes the turn, so that only the statements run inside."""
    sign_on, _en, _ar = statement
    sign_on.refresh_from_db()
    made_in_turn = []
    taking = rows.writing
    turn = {"held": False}
    real_init = rows.Insert.__init__

    def watched_init(self, obj):
        made_in_turn.append(turn["held"])
        real_init(self, obj)

    def watched_writing():
        with taking():
            turn["held"] = True
            try:
                yield
            finally:
                turn["held"] = False

    monkeypatch.setattr(rows.Insert, "__init__", watched_init)
    monkeypatch.setattr(rows, "writing", contextlib.contextmanager(watched_writing))
    assert services.sign(sign_on, signing(), "203.0.113.21") == "sent"
    assert made_in_turn == [False, False]  # the signature's row and its mail's job's
    assert Signature.objects.filter(email="leyla@example.org").count() == 1


def test_a_job_backend_with_its_own_ids_enqueues_the_mail_itself(statement, settings, smtp):
    """The job row is written directly only as the database backend would write it; a
    backend configured otherwise (its own id function) enqueues the mail itself."""
    from django_tasks_db.models import DBTaskResult

    inbox = smtp()
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "OPTIONS": {"id_function": "tests.signatures.test_load.job_id"},
        }
    }
    sign_on, _en, _ar = statement
    sign_on.refresh_from_db()
    assert services.sign(sign_on, signing(), "203.0.113.22") == "sent"
    [job] = DBTaskResult.objects.filter(task_path__endswith="send_confirmation")
    assert str(job.id).startswith(JOB_IDS)  # the backend's, not the table's own
    run_due_jobs()
    [(_s, to, _m)] = inbox.messages
    assert to == ["leyla@example.org"]


JOB_IDS = "00000000-0000-4000-8000-"
_job_numbers = iter(range(1, 10**6))


def job_id():
    import uuid

    return uuid.UUID(f"{JOB_IDS}{next(_job_numbers):012d}")
