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
from django.contrib.auth.models import User
from pypdf import PdfReader

from havza.signatures import delivery
from havza.signatures.models import Signature
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


def test_editors_export_the_pdf_and_the_csv_carries_the_same_checksums(client, editor, statement):
    sign_on, _en, _ar = statement
    signatures = [approved(sign_on, n, name=f"Signer {n}") for n in range(3)]
    client.force_login(editor)
    selected = [s.pk for s in signatures]
    answer = client.post(
        "/admin/signatures/signature/", {"action": "export_pdf", "_selected_action": selected}
    )
    assert answer["Content-Type"] == "application/pdf"
    text = text_of(answer.content).replace("\n", " ")
    answer = client.post(
        "/admin/signatures/signature/", {"action": "export_csv", "_selected_action": selected}
    )
    rows = list(csv.DictReader(io.StringIO(answer.content.decode())))
    assert {row["checksum"] for row in rows} == {delivery.checksum(s) for s in signatures}
    assert all(row["checksum"] in text for row in rows)
