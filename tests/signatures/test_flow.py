"""The public flow through the live views: sign, the mail at a real SMTP server, confirm by
POST (never by GET) or by code, moderation, the statement's page, withdraw, delete."""

from __future__ import annotations

import json

import pytest

from havza.jobs.worker import run_due_jobs
from havza.signatures import services
from havza.signatures.models import ModerationEvent, Signature
from tests.signatures.conftest import body_of, form, link, subject_of

pytestmark = pytest.mark.django_db(transaction=True)


def submit(client, sign_on, lang="en", **fields):
    return client.post(f"/{lang}/signon/{sign_on.pk}/", form(**fields), REMOTE_ADDR="203.0.113.20")


def test_sign_confirm_by_post_approve_show_withdraw(client, smtp, statement):
    inbox = smtp()
    sign_on, en, _ar = statement
    answer = submit(client, sign_on)
    assert answer.status_code == 302 and answer["Location"] == "/en/signon/thanks/"
    thanks = client.get(answer["Location"]).content.decode()
    assert "spam" in thanks
    signature = Signature.objects.get()
    assert signature.status == "unconfirmed" and "leyla@example.org" not in signature.ip_hash
    assert signature.consent_text.startswith("I agree")
    run_due_jobs()
    [(_sender, to, message)] = inbox.messages
    assert to == ["leyla@example.org"] and "Stop the war" in subject_of(message)
    text = body_of(message)
    assert signature.code in text
    confirm = link(text, "confirm")
    assert client.get(confirm).status_code == 200  # a mail scanner opening the link
    assert Signature.objects.get().status == "unconfirmed"
    client.post(confirm)
    assert Signature.objects.get().status == "confirmed"  # moderated: waits for an editor
    page = client.get(en.get_absolute_url()).content.decode()
    assert "Leyla Aydın" not in page and "Sign this statement" in page
    services.decide(Signature.objects.all(), "approved")
    page = client.get(en.get_absolute_url()).content.decode()
    assert "Leyla Aydın" in page and "Türkiye" in page and "1 individual" in page
    assert ModerationEvent.objects.get().action == "approved"
    yours = link(text, "yours")
    client.post(yours, {"action": "withdraw"})
    assert Signature.objects.get().status == "withdrawn"
    assert "Leyla Aydın" not in client.get(en.get_absolute_url()).content.decode()


def test_an_arabic_signer_gets_arabic_mail_and_confirms_by_code(client, smtp, statement):
    inbox = smtp()
    sign_on, _en, ar = statement
    sign_on.moderate = False
    sign_on.save()
    submit(client, sign_on, lang="ar", name="ليلى", email="layla@example.org", country="EG")
    run_due_jobs()
    [(_s, _to, message)] = inbox.messages
    assert "أوقفوا الحرب" in subject_of(message)
    code = Signature.objects.get().code
    answer = client.post("/ar/signon/code/", {"code": code.lower()})
    assert answer.status_code == 200
    assert Signature.objects.get().status == "approved"  # not moderated: shown at once
    page = client.get(ar.get_absolute_url()).content.decode()
    assert "ليلى" in page and "مصر" in page


def test_a_second_signature_from_the_same_mailbox_changes_nothing_but_tells_it(
    client, smtp, statement
):
    inbox = smtp()
    sign_on, _en, _ar = statement
    submit(client, sign_on, email="j.doe@gmail.com")
    services.confirm(code=Signature.objects.get().code)
    answer = submit(client, sign_on, email="JDoe+again@googlemail.com", name="Someone Else")
    assert answer.status_code == 302 and answer["Location"] == "/en/signon/thanks/"
    assert Signature.objects.count() == 1 and Signature.objects.get().name == "Leyla Aydın"
    run_due_jobs()
    assert [to for _s, to, _m in inbox.messages] == [
        ["j.doe@gmail.com"],
        ["JDoe+again@googlemail.com"],
    ]
    assert "already" in subject_of(inbox.messages[1][2])


def test_the_database_refuses_two_signatures_of_one_mailbox(statement):
    from django.db import IntegrityError

    sign_on, _en, _ar = statement
    keep = {"sign_on": sign_on, "type": "individual", "name": "A", "email_key": "k"}
    Signature.objects.create(**keep)
    with pytest.raises(IntegrityError):
        Signature.objects.create(**keep)


def test_a_robot_filling_the_hidden_field_is_thanked_and_not_stored(client, statement):
    sign_on, _en, _ar = statement
    answer = submit(client, sign_on, homepage="http://spam.example")
    assert answer.status_code == 302 and not Signature.objects.exists()


def test_without_the_proof_of_work_nothing_is_stored(client, statement):
    sign_on, _en, _ar = statement
    assert submit(client, sign_on, altcha="").status_code == 400
    assert submit(client, sign_on, altcha="eyJ4IjoxfQ==").status_code == 400
    solved = form()["altcha"]
    assert submit(client, sign_on, altcha=solved).status_code == 302
    # the same solution twice is refused
    assert submit(client, sign_on, altcha=solved, email="b@example.org").status_code == 400
    assert Signature.objects.count() == 1


def test_a_solution_signs_once_whichever_process_sees_it_again(client, statement):
    from django.core.cache import cache

    sign_on, _en, _ar = statement
    solved = form()["altcha"]
    assert submit(client, sign_on, altcha=solved).status_code == 302
    cache.clear()  # another worker process, or the server restarted: it has not seen it
    assert submit(client, sign_on, altcha=solved, email="b@example.org").status_code == 400
    cache.clear()  # sent again by the same signer: answered as before, nothing added
    assert submit(client, sign_on, altcha=solved).status_code == 302
    assert Signature.objects.count() == 1


def test_a_burst_from_one_address_is_refused_with_retry_after(client, settings, statement):
    settings.HAVZA_SIGNON_LIMITS = {**settings.HAVZA_SIGNON_LIMITS, "ip_burst": (2, 60)}
    sign_on, _en, _ar = statement
    for n in range(2):
        assert submit(client, sign_on, email=f"p{n}@example.org").status_code == 302
    refused = submit(client, sign_on, email="p9@example.org")
    assert refused.status_code == 429 and 1 <= int(refused["Retry-After"]) <= 60
    assert Signature.objects.count() == 2


def test_a_spoofed_forwarded_for_does_not_escape_the_limit(client, settings, statement):
    settings.HAVZA_SIGNON_LIMITS = {**settings.HAVZA_SIGNON_LIMITS, "ip_burst": (1, 60)}
    sign_on, _en, _ar = statement
    assert submit(client, sign_on, email="a@example.org").status_code == 302
    spoofed = client.post(
        f"/en/signon/{sign_on.pk}/",
        form(email="b@example.org"),
        REMOTE_ADDR="203.0.113.20",
        HTTP_X_FORWARDED_FOR="198.51.100.77",
    )
    assert spoofed.status_code == 429


def test_a_closed_statement_takes_no_signature(client, statement):
    import datetime as dt

    from django.utils import timezone

    sign_on, _en, _ar = statement
    sign_on.closes_at = timezone.now() - dt.timedelta(minutes=1)
    sign_on.save()
    assert submit(client, sign_on).status_code == 403
    sign_on.closes_at = None
    sign_on.open_to = "organizations"
    sign_on.save()
    assert submit(client, sign_on, type="individual").status_code == 403
    assert not Signature.objects.exists()


def test_names_are_cleaned_and_look_alikes_wait_for_an_editor(client, statement):
    sign_on, _en, _ar = statement
    sign_on.moderate = False
    sign_on.save()
    submit(client, sign_on, name="\u202eLeyla\u200b Aydın")
    submit(client, sign_on, name="Wоrkers Unіon", email="w@example.org")  # Cyrillic о, і
    plain, mixed = Signature.objects.order_by("pk")
    assert plain.name == "Leyla Aydın" and not plain.flagged
    assert mixed.flagged.startswith("mixed scripts")
    services.confirm(code=plain.code)
    services.confirm(code=mixed.code)
    plain.refresh_from_db()
    mixed.refresh_from_db()
    assert plain.status == "approved" and mixed.status == "confirmed"
    assert submit(client, sign_on, name="x" * 201, email="long@example.org").status_code == 400


def test_an_organization_in_the_registry_is_matched_not_duplicated(client, statement):
    from havza.signatures import matching
    from tests import factories as f

    org = f.OrganizationFactory(acronym="EAA", names={"en": "Aegean Workers", "el": "Εργάτες"})
    matching.forget()
    sign_on, _en, _ar = statement
    submit(client, sign_on, type="organization", name="aegean  workers", email="o@example.org")
    submit(client, sign_on, type="organization", name="Εργάτες", email="g@example.org")
    assert [s.organization_id for s in Signature.objects.order_by("pk")] == [org.pk, org.pk]


def test_a_signer_downloads_then_deletes_their_data(client, smtp, statement):
    smtp()
    sign_on, _en, _ar = statement
    submit(client, sign_on)
    signature = Signature.objects.get()
    path = f"/en/signon/yours/{signature.token}/"
    data = json.loads(client.post(path, {"action": "download"}).content)
    assert data["email"] == "leyla@example.org" and data["name"] == "Leyla Aydın"
    client.post(path, {"action": "delete"})
    assert not Signature.objects.exists()


def test_purge_deletes_old_unconfirmed_and_drops_emails_once_closed(statement):
    import datetime as dt

    from django.utils import timezone

    sign_on, _en, _ar = statement
    old = timezone.now() - dt.timedelta(days=sign_on.purge_days + 1)
    Signature.objects.create(
        sign_on=sign_on,
        type="individual",
        name="Old",
        email_key="1",
        email="old@example.org",
        created_at=old,
    )
    kept = Signature.objects.create(
        sign_on=sign_on,
        type="individual",
        name="Kept",
        email_key="2",
        email="k@example.org",
        status="approved",
        country="GR",
        created_at=old,
    )
    assert services.purge() == {"deleted": 1, "emails_dropped": 0, "limit_counts_expired": 0}
    sign_on.is_open = False
    sign_on.save()
    assert services.purge() == {"deleted": 0, "emails_dropped": 1, "limit_counts_expired": 0}
    kept.refresh_from_db()
    assert kept.email == "" and kept.country == "GR"


def test_the_purge_runs_by_itself_once_unconfirmed_signatures_expire(client, statement):
    from tests.jobs.conftest import later

    sign_on, _en, _ar = statement
    submit(client, sign_on)
    assert run_due_jobs() == 1  # the confirmation mail (printed); the purge is not due yet
    assert Signature.objects.count() == 1
    expiry = later(days=sign_on.purge_days, hours=2)
    with mock_now(expiry):
        assert run_due_jobs() == 1
    assert not Signature.objects.exists()


def mock_now(when):
    from unittest import mock

    return mock.patch("django.utils.timezone.now", return_value=when)


def test_the_sign_page_is_the_same_live_and_exported_and_elsewhere_links_to_the_live_site(
    client, settings, statement
):
    from havza.publishing.pages import CATALOGUE, Site

    _sign_on, en, _ar = statement
    kind = CATALOGUE["sign_on"]
    live = client.get(f"/en/works/{en.slug}/sign/")
    assert live.status_code == 200 and b'class="sign-form"' in live.content
    assert kind.render("en", en, Site()).body == live.content  # the export at the same address
    mirror = kind.render("en", en, Site("https://mirror.example")).body.decode()
    assert 'class="sign-form"' not in mirror
    assert f'href="{settings.HAVZA_SIGNON_LIVE_URL}/en/works/{en.slug}/sign/"' in mirror


def test_signing_again_after_withdrawing_mails_a_link_that_confirms(client, smtp, statement):
    inbox = smtp()
    sign_on, _en, _ar = statement
    submit(client, sign_on)
    withdrawn = services.withdraw(Signature.objects.get().token)
    submit(client, sign_on, name="Leyla Aydın Kaya")
    signature = Signature.objects.get()
    assert signature.status == "unconfirmed" and signature.name == "Leyla Aydın Kaya"
    assert signature.token != withdrawn.token and signature.code != withdrawn.code
    run_due_jobs()
    text = body_of(inbox.messages[-1][2])
    assert signature.code in text
    client.post(link(text, "confirm"))
    assert Signature.objects.get().status == "confirmed"
