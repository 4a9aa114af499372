"""The editor's side: the moderation queue's bulk actions, the CSV export that a spreadsheet
cannot turn into formulas, bulk invalidation with its audit record; the embed endpoint."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.contrib.auth.models import User

from havza.signatures import services
from havza.signatures.models import ModerationEvent, Signature
from tests import factories as f

pytestmark = pytest.mark.django_db


def make(sign_on, n, **fields):
    values = {
        "sign_on": sign_on,
        "type": "individual",
        "name": f"Signer {n}",
        "email_key": str(n),
        "email": f"s{n}@example.org",
        "email_domain": "example.org",
        "status": "confirmed",
        "country": "GR",
    }
    values.update(fields)
    return Signature.objects.create(**values)


@pytest.fixture
def editor(db):
    return User.objects.create_superuser("ed", "ed@example.org", "x")


def test_bulk_approve_and_reject_from_the_queue(client, editor, statement):
    sign_on, _en, _ar = statement
    rows = [make(sign_on, n) for n in range(3)]
    client.force_login(editor)
    url = "/admin/signatures/signature/"
    assert client.get(url).status_code == 200
    client.post(url, {"action": "approve", "_selected_action": [rows[0].pk, rows[1].pk]})
    client.post(url, {"action": "reject", "_selected_action": [rows[2].pk]})
    assert sorted(Signature.objects.values_list("status", flat=True)) == [
        "approved",
        "approved",
        "rejected",
    ]
    assert {(e.action, e.user_id) for e in ModerationEvent.objects.all()} == {
        ("approved", editor.pk),
        ("rejected", editor.pk),
    }


def test_the_csv_export_neutralizes_formulas(client, editor, statement):
    sign_on, _en, _ar = statement
    make(sign_on, 1, name='=HYPERLINK("http://evil")', role="+1", organization_name="@SUM(1)")
    make(sign_on, 2, name="-2+3", website="\thttp://x")
    make(sign_on, 3, name="Ayşe Demir")
    client.force_login(editor)
    answer = client.post(
        "/admin/signatures/signature/",
        {
            "action": "export_csv",
            "_selected_action": list(Signature.objects.values_list("pk", flat=True)),
        },
    )
    assert answer["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(answer.content.decode())))
    cells = [v for row in rows for v in row.values()]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    names = [row["name"] for row in rows]
    assert '\'=HYPERLINK("http://evil")' in names and "'-2+3" in names and "Ayşe Demir" in names


def test_bulk_invalidation_by_domain_ip_hash_and_time_leaves_an_audit_record(editor, statement):
    import datetime as dt

    from django.utils import timezone

    sign_on, _en, _ar = statement
    now = timezone.now()
    make(sign_on, 1, email_domain="spam.example", status="approved")
    make(sign_on, 2, email_domain="example.org", ip_hash="bad", status="approved")
    make(sign_on, 3, created_at=now - dt.timedelta(hours=5))
    make(sign_on, 4, created_at=now - dt.timedelta(days=3))
    assert services.invalidate(sign_on, editor, domain="SPAM.example") == 1
    assert services.invalidate(sign_on, editor, ip_hash="bad") == 1
    window = {"since": now - dt.timedelta(hours=6), "until": now - dt.timedelta(hours=4)}
    assert services.invalidate(sign_on, editor, **window) == 1
    assert Signature.objects.get(name="Signer 4").status == "confirmed"
    records = ModerationEvent.objects.filter(action="invalidate").order_by("id")
    assert [(r.detail.split("=")[0], r.count, r.user_id) for r in records] == [
        ("domain", 1, editor.pk),
        ("ip_hash", 1, editor.pk),
        ("since", 1, editor.pk),
    ]


def test_the_embed_endpoint_lists_and_signs_for_member_sites_only(client, statement):
    from havza.signatures import challenge
    from tests.signatures.conftest import form

    f.OrganizationFactory(
        acronym="M", names={"en": "Member"}, is_member=True, website="https://member.example/about"
    )
    sign_on, _en, _ar = statement
    make(sign_on, 1, status="approved", country="EG")
    member = {"HTTP_ORIGIN": "https://member.example"}
    listed = client.get(f"/api/signon/{sign_on.pk}/signatures.json?lang=ar", **member)
    assert listed["Access-Control-Allow-Origin"] == "https://member.example"
    data = json.loads(listed.content)
    assert data["individuals"] == 1 and data["signatures"][0]["country"] == "مصر"
    other = client.get(f"/api/signon/{sign_on.pk}/signatures.json", HTTP_ORIGIN="https://x.example")
    assert "Access-Control-Allow-Origin" not in other
    body = {**form(email="api@example.org"), "consent": True, "language": "en"}
    body["altcha"] = challenge.solve(challenge.new_challenge())
    signed = client.post(
        f"/api/signon/{sign_on.pk}/sign",
        json.dumps(body),
        content_type="application/json",
        **member,
    )
    assert signed.status_code == 202
    assert Signature.objects.filter(email="api@example.org").exists()
    bad = client.post(f"/api/signon/{sign_on.pk}/sign", "[1]", content_type="application/json")
    assert bad.status_code == 400


@pytest.mark.django_db(transaction=True)
def test_a_change_of_the_text_needs_a_reason_and_tells_the_signers(client, editor, smtp, statement):
    from havza.jobs.worker import run_due_jobs
    from tests.signatures.conftest import body_of, subject_of

    inbox = smtp()
    sign_on, en, _ar = statement
    make(sign_on, 1, status="approved", language="ar", email="a@example.org")
    make(sign_on, 2, status="unconfirmed", email="u@example.org")
    client.force_login(editor)
    url = f"/admin/signatures/signon/{sign_on.pk}/change/"
    fields = {
        "work": sign_on.work_id, "is_open": "on", "open_to": "both", "moderate": "on",
        "show_role": "on", "show_country": "on", "purge_days": "7",
        "revisions-TOTAL_FORMS": "1", "revisions-INITIAL_FORMS": "0",
        "revisions-MIN_NUM_FORMS": "0", "revisions-MAX_NUM_FORMS": "1000",
        "revisions-0-reason": "",
    }  # fmt: skip
    client.post(url, {**fields, "revisions-0-reason": "A date was wrong."})
    sign_on.refresh_from_db()
    assert sign_on.text_version == 2
    assert sign_on.revisions.get().reason == "A date was wrong."
    assert ModerationEvent.objects.get(action="text changed").user == editor
    run_due_jobs()
    [(_s, to, message)] = inbox.messages  # the unconfirmed signer is not told
    assert to == ["a@example.org"] and "A date was wrong." in body_of(message)
    assert "تغيّر" in subject_of(message) or "تغير" in subject_of(message)
    page = client.get(en.get_absolute_url() + "?v").content.decode()
    assert "(signed version 1)" in page
