"""Signing, confirming, withdrawing and moderating: the business of public sign-on, in plain
functions the views, the JSON endpoint, the admin and the jobs call."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import IntegrityError, connection, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from havza.multilingual import clean_stored_text
from havza.signatures import limits, mails, rows
from havza.signatures.defences import (
    canonical_email,
    check_limits,
    clean_name,
    keyed_hash,
    limit_checks,
    limits_exceeded,
    name_flag,
)
from havza.signatures.matching import match_organization
from havza.signatures.models import (
    ModerationEvent,
    Signature,
    SignOn,
    TextRevision,
)
from havza.signatures.republish import (  # noqa: F401 (purge: a service too)
    purge,
    schedule_purge,
    schedule_republish,
)


class Refused(Exception):
    """The sign-on cannot take this signature (closed, or not open to this type)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass
class Signing:
    """What a person typed on the sign form (already checked by the form)."""

    type: str
    name: str
    email: str
    country: str
    consent_text: str
    language: str
    organization_name: str = ""
    role: str = ""
    website: str = ""
    proof: str = ""  # the proof-of-work challenge solved (challenge.solved)


def sign(sign_on: SignOn, signing: Signing, ip: str, *, now=None) -> str:
    """Record SIGNING and have its confirmation mailed, in one transaction: "sent". A second
    signature from the same mailbox changes nothing visible; its owner is told by mail that
    they signed already: "already". Raises Refused, or defences.Limited."""
    now = now or timezone.now()
    if not sign_on.is_accepting(now):
        raise Refused("closed")
    if not sign_on.accepts(signing.type):
        raise Refused("type")
    canonical = canonical_email(signing.email)
    domain = canonical.rpartition("@")[2]
    name = clean_name(signing.name)
    org_name = clean_name(signing.organization_name)
    role = clean_name(signing.role)
    organization, lookalike = match_organization(
        name if signing.type == Signature.Type.ORGANIZATION else org_name
    )
    flag = name_flag(name, org_name, role) or lookalike
    signature = Signature(
        sign_on=sign_on,
        type=signing.type,
        name=name,
        organization_name=org_name,
        organization=organization,
        role=role,
        country=signing.country,
        email=signing.email.strip(),
        email_key=keyed_hash(sign_on.salt, canonical),
        email_domain=domain,
        website=signing.website.strip(),
        consent_text=signing.consent_text,
        language=signing.language,
        ip_hash=keyed_hash(sign_on.salt, ip),
        flagged=flag[:200],
        text_version=sign_on.text_version,
        proof=signing.proof,
        created_at=now,
    )
    clean_stored_text(signature)
    # SQLite has one writer at a time: the rate limits count in the signature's own write
    # transaction (one lock, one commit), which only writes: the limits, the signature and
    # its mail's job (the message is written by the worker); their values are made before
    # it, since every other sign-on waits while it runs. Elsewhere the limits count first,
    # in a transaction (or a cache) of their own, so that no row stays locked meanwhile.
    checks = limit_checks(sign_on.pk, ip, domain)
    together = connection.vendor == "sqlite" and not limits.in_cache()
    if not together:
        check_limits(sign_on.pk, ip, domain, now=now, checks=checks)
    row, mail = rows.Insert(signature), mails.confirmation_job()
    limited = None
    with rows.writing(), transaction.atomic():
        if together:
            limited = limits_exceeded(sign_on.pk, ip, domain, now=now, checks=checks)
        if limited is None:
            # Written without model signals: an unconfirmed signature changes no page,
            # so the pages kept for readers stay (republish follows approvals).
            if row.run():
                mails.confirmation(signature, mail)
            else:
                outcome = _signed_before(sign_on, signing, signature)
                if outcome:
                    return outcome
    if limited is not None:
        raise limited  # its counts are kept
    mail.announce()
    # Its expiry: one purge pass per statement and day, after the last signature's.
    schedule_purge(sign_on.pk, now + dt.timedelta(days=sign_on.purge_days, hours=1))
    return "sent"


def _signed_before(sign_on: SignOn, signing: Signing, signature: Signature) -> str:
    """SIGNATURE was not stored: a signature from the same mailbox (or with the same solved
    challenge) is. Its outcome, or "" when a withdrawn one was replaced by SIGNATURE."""
    existing = (
        Signature.objects.select_for_update()
        .filter(sign_on=sign_on, email_key=signature.email_key)
        .first()
    )
    if existing is None:
        if signing.proof and Signature.objects.filter(proof=signing.proof).exists():
            raise Refused("challenge")  # a solution used for another
        raise IntegrityError("a signature's token or code was drawn twice")
    if existing.status == Signature.Status.UNCONFIRMED:
        mails.confirmation(existing)  # the first message may have been lost
        return "sent"
    if existing.status != Signature.Status.WITHDRAWN:
        mails.already_signed(existing, signing.email.strip(), signing.language)
        return "already"
    signature.pk = existing.pk  # with the new token and code its message names
    signature.status = Signature.Status.UNCONFIRMED
    fields = [f.attname for f in Signature._meta.concrete_fields if not f.primary_key]
    Signature.objects.filter(pk=existing.pk).update(**{f: getattr(signature, f) for f in fields})
    mails.confirmation(signature)
    return ""


def confirm(*, token: str = "", code: str = "", now=None) -> Signature | None:
    """Confirm the signature of TOKEN (the mailed link) or CODE (typed by hand). A confirmed
    signature is approved at once unless its statement is moderated or its names are
    flagged. None when there is no such unconfirmed or already confirmed signature."""
    now = now or timezone.now()
    lookup = Q(token=token) if token else Q(code=code.strip().upper().replace(" ", ""))
    if not (token or code):
        return None
    with transaction.atomic():
        signature = (
            Signature.objects.select_for_update().select_related("sign_on").filter(lookup).first()
        )
        if signature is None or signature.status == Signature.Status.WITHDRAWN:
            return None
        if signature.status != Signature.Status.UNCONFIRMED:
            return signature  # confirming twice is harmless
        moderated = signature.sign_on.moderate or bool(signature.flagged)
        signature.status = Signature.Status.CONFIRMED if moderated else Signature.Status.APPROVED
        signature.confirmed_at = now
        if not moderated:
            signature.decided_at = now
        Signature.objects.filter(pk=signature.pk).update(
            status=signature.status,
            confirmed_at=signature.confirmed_at,
            decided_at=signature.decided_at,
        )
        if not moderated:
            schedule_republish(signature.sign_on.work_id)
    return signature


def withdraw(token: str, *, now=None) -> Signature | None:
    now = now or timezone.now()
    with transaction.atomic():
        signature = (
            Signature.objects.select_for_update().select_related("sign_on").filter(token=token)
        ).first()
        if signature is None:
            return None
        was_shown = signature.status == Signature.Status.APPROVED
        signature.status = Signature.Status.WITHDRAWN
        signature.withdrawn_at = now
        Signature.objects.filter(pk=signature.pk).update(status=signature.status, withdrawn_at=now)
        if was_shown:
            schedule_republish(signature.sign_on.work_id)
    return signature


def personal_data(signature: Signature) -> dict:
    """Everything kept about the signer, as they may download it."""
    return {
        "statement": str(signature.sign_on.work),
        "type": signature.type,
        "name": signature.name,
        "organization": signature.organization_name,
        "role": signature.role,
        "country": signature.country,
        "email": signature.email,
        "website": signature.website,
        "consent_text": signature.consent_text,
        "language": signature.language,
        "status": signature.status,
        "text_version": signature.text_version,
        "signed_at": signature.created_at.isoformat(),
        "confirmed_at": signature.confirmed_at.isoformat() if signature.confirmed_at else None,
        "ip": "stored only as a salted hash: " + signature.ip_hash,
    }


def erase(token: str) -> bool:
    """Delete the signature of TOKEN and everything kept about its signer."""
    with transaction.atomic():
        signature = Signature.objects.select_related("sign_on").filter(token=token).first()
        if signature is None:
            return False
        was_shown = signature.status == Signature.Status.APPROVED
        work_id = signature.sign_on.work_id
        signature.delete()
        if was_shown:
            schedule_republish(work_id)
    return True


# Editors --------------------------------------------------------------------------------


def decide(signatures: QuerySet[Signature], status: str, user=None, *, now=None) -> int:
    """Approve or reject the confirmed (or already decided) SIGNATURES, with a record."""
    now = now or timezone.now()
    assert status in (Signature.Status.APPROVED, Signature.Status.REJECTED)
    decidable = [
        Signature.Status.CONFIRMED,
        Signature.Status.APPROVED,
        Signature.Status.REJECTED,
    ]
    with transaction.atomic():
        chosen = signatures.filter(status__in=decidable).exclude(status=status)
        by_statement: dict[int, int] = {}
        for sign_on_id, work_id in chosen.values_list("sign_on_id", "sign_on__work_id"):
            by_statement[sign_on_id] = work_id
        count = chosen.update(status=status, decided_at=now)
        for sign_on_id, work_id in by_statement.items():
            ModerationEvent.objects.create(
                sign_on_id=sign_on_id, user=user, action=status, count=count
            )
            schedule_republish(work_id)
    return count


def invalidate(
    sign_on: SignOn,
    user=None,
    *,
    domain: str = "",
    ip_hash: str = "",
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
) -> int:
    """Reject every signature of SIGN_ON from an email DOMAIN, an IP_HASH and/or a time
    window (all given criteria at once), with an audit record naming them."""
    criteria = Q()
    if domain:
        criteria &= Q(email_domain=canonical_email("x@" + domain).rpartition("@")[2])
    if ip_hash:
        criteria &= Q(ip_hash=ip_hash)
    if since:
        criteria &= Q(created_at__gte=since)
    if until:
        criteria &= Q(created_at__lt=until)
    if not criteria:
        return 0
    detail = ", ".join(
        f"{k}={v}"
        for k, v in {"domain": domain, "ip_hash": ip_hash, "since": since, "until": until}.items()
        if v
    )
    with transaction.atomic():
        chosen = sign_on.signatures.filter(criteria).exclude(
            status__in=[Signature.Status.REJECTED, Signature.Status.WITHDRAWN]
        )
        count = chosen.update(status=Signature.Status.REJECTED, decided_at=timezone.now())
        ModerationEvent.objects.create(
            sign_on=sign_on, user=user, action="invalidate", detail=detail, count=count
        )
        schedule_republish(sign_on.work_id)
    return count


def revise_text(sign_on: SignOn, reason: str, user=None) -> TextRevision:
    """Record that the statement's text changed (REASON), so that signatures given from now
    on are given to the new version, and tell everyone who signed an earlier one."""
    from django.db.models import F

    with transaction.atomic():
        SignOn.objects.filter(pk=sign_on.pk).update(text_version=F("text_version") + 1)
        sign_on.refresh_from_db(fields=["text_version"])
        revision = TextRevision.objects.create(
            sign_on=sign_on, version=sign_on.text_version, reason=reason, user=user
        )
        ModerationEvent.objects.create(
            sign_on=sign_on, user=user, action="text changed", detail=reason[:500]
        )
        signers = sign_on.signatures.filter(
            status__in=[Signature.Status.CONFIRMED, Signature.Status.APPROVED],
            text_version__lt=sign_on.text_version,
        ).exclude(email="")
        for signature in signers.iterator(chunk_size=500):
            mails.text_changed(signature, reason)
        schedule_republish(sign_on.work_id)
    return revision
