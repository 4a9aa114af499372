"""The list of signatures as a PDF for delivery: names in Arabic and Latin letters read back
from the file, each signature's checksum is the SHA-256 a recipient computes from its printed
fields, and any changed field changes it."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re

import pytest
from django.contrib.auth.models import Permission, User
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext
from pypdf import PdfReader

from havza.jobs.worker import run_due_jobs
from havza.signatures import delivery
from havza.signatures.models import Delivery, Signature
from tests.signatures.test_editors import make

pytestmark = pytest.mark.django_db

SIGNED = dt.datetime(2026, 5, 1, 9, 30, 15, 123456, tzinfo=dt.UTC)


def approved(sign_on, n, **fields):
    fields.setdefault("status", Signature.Status.APPROVED)
    signature = make(sign_on, n, **fields)
    Signature.objects.filter(pk=signature.pk).update(created_at=SIGNED + dt.timedelta(minutes=n))
    signature.refresh_from_db()
    return signature


@pytest.fixture
def editor(db):
    return User.objects.create_superuser("ed", "ed@example.org", "x")


def text_of(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def recipient_checksum(lines: list[str]) -> str:
    """What the PDF tells a recipient to compute."""
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def test_the_checksum_is_the_sha256_of_the_printed_fields(statement):
    sign_on, _en, _ar = statement
    signature = approved(
        sign_on, 1, type="organization", name="نقابة عمال الموانئ", organization_name="",
        role="", country="EG",
    )  # fmt: skip
    expected = recipient_checksum(
        [
            "havza-signature=1",
            f"statement={sign_on.work_id}",
            "version=1",
            f"signature={signature.pk}",
            "type=organization",
            "name=نقابة عمال الموانئ",
            "organization=",
            "role=",
            "country=EG",
            "signed=2026-05-01T09:31:15Z",
        ]
    )
    assert delivery.checksum(signature) == expected


def test_any_changed_field_changes_the_checksum(statement):
    sign_on, _en, _ar = statement
    signature = approved(sign_on, 1, name="Ayşe Demir", role="Secretary", country="TR")
    original = delivery.checksum(signature)
    changes = {
        "name": "Ayse Demir",
        "organization_name": "Port Workers",
        "role": "Chair",
        "country": "GR",
        "type": "organization",
        "text_version": 2,
        "created_at": SIGNED + dt.timedelta(days=1),
        "pk": signature.pk + 1,
    }
    for field, value in changes.items():
        changed = Signature.objects.get(pk=signature.pk)
        setattr(changed, field, value)
        assert delivery.checksum(changed) != original, field
    assert delivery.checksum(Signature.objects.get(pk=signature.pk)) == original


def test_a_field_the_statement_does_not_show_is_left_out(statement):
    sign_on, _en, _ar = statement
    signature = approved(sign_on, 1, role="Secretary")
    sign_on.show_role = False
    assert ("role", "") in delivery.fields(signature, sign_on)


def test_the_pdf_lists_approved_signatures_in_arabic_and_latin_with_checksums(statement):
    sign_on, _en, _ar = statement
    arabic = approved(sign_on, 1, name="نقابة عمال الموانئ", country="EG")
    latin = approved(sign_on, 2, name="Ayşe Demir", country="TR")
    approved(sign_on, 3, name="Not Yet Approved", status=Signature.Status.CONFIRMED)
    text = text_of(delivery.render(sign_on, sign_on.signatures.all(), "en"))
    assert "Ayşe Demir" in text
    assert "Not Yet Approved" not in text
    # Arabic reads back in display order or logical order, by extractor: either has the words.
    assert all(word in text or word[::-1] in text for word in ["نقابة", "عمال", "الموانئ"])
    printed = re.findall(r"SHA-256 ([0-9a-f]{64})", text.replace("\n", " "))
    assert printed == [delivery.checksum(arabic), delivery.checksum(latin)]
    assert "havza-signature=1" in text


def test_the_pdf_in_arabic_reads_back(statement):
    sign_on, _en, _ar = statement
    approved(sign_on, 1, name="Leyla Aydın")
    text = text_of(delivery.render(sign_on, sign_on.signatures.all(), "ar"))
    assert "Leyla Aydın" in text
    assert "أوقفوا" in text or "أوقفوا"[::-1] in text


# The worker claims jobs in transactions of its own: on PostgreSQL it needs the rows committed.
with_worker = pytest.mark.django_db(transaction=True)


def _ask_for_the_pdf(client, signatures, capture):
    """An editor's action on SIGNATURES; the page it leads to."""
    selected = [s.pk for s in signatures]
    with capture(execute=True):
        answer = client.post(
            "/admin/signatures/signature/", {"action": "export_pdf", "_selected_action": selected}
        )
    assert answer.status_code == 302
    return client.get(answer["Location"])


@with_worker
def test_the_worker_makes_the_pdf_editors_download_and_the_csv_carries_its_checksums(
    client, editor, statement, django_capture_on_commit_callbacks
):
    sign_on, _en, _ar = statement
    signatures = [approved(sign_on, n, name=f"Signer {n}") for n in range(3)]
    pending = approved(sign_on, 4, name="Not Yet Approved", status=Signature.Status.CONFIRMED)
    client.force_login(editor)
    page = _ask_for_the_pdf(client, [*signatures, pending], django_capture_on_commit_callbacks)
    with translation.override(page.wsgi_request.LANGUAGE_CODE):  # the editor's language
        told = gettext("The PDF of the approved signatures (%(count)s) is being made; download "
                       "it here once it is ready.") % {"count": 3}  # fmt: skip
    assert escape(told) in page.content.decode()
    row = Delivery.objects.get()
    assert row.status == Delivery.Status.QUEUED and bytes(row.pdf) == b""  # not in the request
    download = f"/admin/signatures/delivery/{row.pk}/pdf/"
    assert client.get(download).status_code == 302  # not ready yet: back to the list

    assert run_due_jobs() == 1
    page = client.get("/admin/signatures/delivery/").content.decode()
    assert download in page
    answer = client.get(download)
    assert answer["Content-Type"] == "application/pdf"
    text = text_of(answer.content).replace("\n", " ")
    assert "Not Yet Approved" not in text
    answer = client.post(
        "/admin/signatures/signature/",
        {"action": "export_csv", "_selected_action": [s.pk for s in signatures]},
    )
    rows = list(csv.DictReader(io.StringIO(answer.content.decode())))
    assert {row["checksum"] for row in rows} == {delivery.checksum(s) for s in signatures}
    assert all(row["checksum"] in text for row in rows)


@with_worker
def test_a_signature_withdrawn_before_the_pdf_is_made_is_left_out(
    client, editor, statement, django_capture_on_commit_callbacks
):
    sign_on, _en, _ar = statement
    kept, withdrawn = approved(sign_on, 1, name="Kept Signer"), approved(sign_on, 2, name="Gone")
    client.force_login(editor)
    _ask_for_the_pdf(client, [kept, withdrawn], django_capture_on_commit_callbacks)
    Signature.objects.filter(pk=withdrawn.pk).update(status=Signature.Status.WITHDRAWN)
    assert run_due_jobs() == 1
    row = Delivery.objects.get()
    assert row.count == 1
    text = text_of(bytes(row.pdf))
    assert "Kept Signer" in text and "Gone" not in text


@with_worker
def test_only_those_who_may_see_signatures_download_the_pdf(
    client, editor, statement, django_capture_on_commit_callbacks
):
    sign_on, _en, _ar = statement
    client.force_login(editor)
    _ask_for_the_pdf(client, [approved(sign_on, 1)], django_capture_on_commit_callbacks)
    assert run_due_jobs() == 1
    download = f"/admin/signatures/delivery/{Delivery.objects.get().pk}/pdf/"
    translator = User.objects.create_user("tr", "tr@example.org", "x", is_staff=True)
    client.force_login(translator)
    assert client.get(download).status_code == 403
    assert client.get("/admin/signatures/delivery/").status_code == 403
    translator.user_permissions.add(Permission.objects.get(codename="view_signature"))
    client.force_login(User.objects.get(pk=translator.pk))
    assert client.get(download)["Content-Type"] == "application/pdf"
