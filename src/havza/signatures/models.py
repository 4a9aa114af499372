"""Public sign-on: a joint statement opened for signatures, the signatures people give it
and the record of what editors did with them."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from havza.network.models import CountryField, Organization
from havza.publishing.models import Work

NAME_MAX = 200
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud, typed by hand
CODE_LENGTH = 10


def new_salt() -> str:
    return secrets.token_hex(16)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class SignOn(models.Model):
    """A statement open (or once open) for public signatures, and how they are taken."""

    class OpenTo(models.TextChoices):
        BOTH = "both", _("organizations and individuals")
        ORGANIZATIONS = "organizations", _("organizations only")
        INDIVIDUALS = "individuals", _("individuals only")

    work = models.OneToOneField(
        Work, on_delete=models.CASCADE, related_name="sign_on", verbose_name=_("work")
    )
    is_open = models.BooleanField(_("open for signatures"), default=True)
    open_to = models.CharField(
        _("open to"), max_length=16, choices=OpenTo.choices, default=OpenTo.BOTH
    )
    closes_at = models.DateTimeField(_("deadline"), null=True, blank=True)
    moderate = models.BooleanField(
        _("moderate"),
        default=True,
        help_text=_("Confirmed signatures wait for an editor; otherwise they appear at once."),
    )
    show_role = models.BooleanField(_("show roles"), default=True)
    show_country = models.BooleanField(_("show countries"), default=True)
    show_website = models.BooleanField(_("show websites"), default=False)
    purge_days = models.PositiveIntegerField(
        _("days before unconfirmed signatures are deleted"), default=7
    )
    drop_emails_on_close = models.BooleanField(
        _("delete email addresses once closed"), default=True
    )
    salt = models.CharField(max_length=32, default=new_salt, editable=False)
    text_version = models.PositiveIntegerField(_("text version"), default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("sign-on")
        verbose_name_plural = _("sign-ons")

    def __str__(self) -> str:
        return str(self.work)

    def accepts(self, signer_type: str) -> bool:
        return self.open_to == self.OpenTo.BOTH or self.open_to == {
            Signature.Type.ORGANIZATION: self.OpenTo.ORGANIZATIONS,
            Signature.Type.INDIVIDUAL: self.OpenTo.INDIVIDUALS,
        }.get(signer_type)

    def is_accepting(self, now=None) -> bool:
        now = now or timezone.now()
        return self.is_open and (self.closes_at is None or now < self.closes_at)


class Signature(models.Model):
    """One signature given on the public site; counted once confirmed by its email."""

    class Type(models.TextChoices):
        ORGANIZATION = "organization", _("organization")
        INDIVIDUAL = "individual", _("individual")

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("unconfirmed")
        CONFIRMED = "confirmed", _("confirmed, awaiting moderation")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")
        WITHDRAWN = "withdrawn", _("withdrawn")

    sign_on = models.ForeignKey(SignOn, on_delete=models.CASCADE, related_name="signatures")
    type = models.CharField(_("type"), max_length=12, choices=Type.choices)
    name = models.CharField(_("name"), max_length=NAME_MAX)
    organization_name = models.CharField(_("organization"), max_length=NAME_MAX, blank=True)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization in the registry"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="public_signatures",
    )
    role = models.CharField(_("role"), max_length=NAME_MAX, blank=True)
    country = CountryField()
    email = models.CharField(_("email"), max_length=254, blank=True)
    email_key = models.CharField(max_length=64, editable=False)  # keyed hash, kept after purge
    email_domain = models.CharField(_("email domain"), max_length=254, blank=True)
    website = models.CharField(_("website"), max_length=300, blank=True)
    consent_text = models.TextField(_("consent shown"))
    language = models.CharField(_("language"), max_length=12)
    ip_hash = models.CharField(_("IP hash"), max_length=64, blank=True, db_index=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=Status.choices,
        default=Status.UNCONFIRMED,
        db_index=True,
    )
    flagged = models.CharField(_("flagged for"), max_length=200, blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    code = models.CharField(max_length=16, unique=True, default=new_code, editable=False)
    text_version = models.PositiveIntegerField(_("text version signed"), default=1)
    # The proof-of-work challenge solved for this signature: one signature per solution.
    proof = models.CharField(max_length=64, blank=True, default="", editable=False)
    created_at = models.DateTimeField(_("signed at"), default=timezone.now, db_index=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["sign_on", "email_key"], name="one_signature_per_email"
            ),
            models.UniqueConstraint(
                fields=["proof"],
                condition=~models.Q(proof=""),
                name="one_signature_per_proof_of_work",
            ),
        ]
        indexes = [models.Index(fields=["sign_on", "status", "type", "created_at"])]

    def __str__(self) -> str:
        return self.name

    @property
    def counts(self) -> bool:
        return self.status in (self.Status.CONFIRMED, self.Status.APPROVED)


class ModerationEvent(models.Model):
    """Who did what to which signatures, kept when the signatures are gone."""

    sign_on = models.ForeignKey(
        SignOn, on_delete=models.CASCADE, related_name="events", null=True, blank=True
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    action = models.CharField(_("action"), max_length=40)
    detail = models.TextField(_("detail"), blank=True)
    count = models.PositiveIntegerField(_("signatures"), default=0)
    created_at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("moderation record")
        verbose_name_plural = _("moderation records")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.action} ({self.count})"


class TextRevision(models.Model):
    """The statement's text changed after people signed: why, by whom, and which version
    the signatures given since then are given to."""

    sign_on = models.ForeignKey(SignOn, on_delete=models.CASCADE, related_name="revisions")
    version = models.PositiveIntegerField(_("text version"), editable=False)
    reason = models.TextField(_("reason for the change"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("change of the text")
        verbose_name_plural = _("changes of the text")
        ordering = ["version"]
        constraints = [
            models.UniqueConstraint(fields=["sign_on", "version"], name="one_revision_per_version")
        ]

    def __str__(self) -> str:
        return f"v{self.version}"


class LimitCount(models.Model):
    """Sign-ons counted against one rate limit (a layer and what it counts: an address's
    hash, a statement, an email domain) in its current window, shared by every server
    process through the database when no shared cache is configured (limits.py)."""

    key = models.CharField(max_length=300, primary_key=True)
    # Unix time, in whole seconds, at which the window ends and counting starts again.
    window_end = models.BigIntegerField(db_index=True)
    count = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.key}: {self.count}"


class Delivery(models.Model):
    """The PDF of a statement's approved signatures that an editor asked for, to deliver to
    its addressees (``delivery``): made by the job worker, kept here for download by those who
    may see the signatures (the database holds it, so every app server can hand it out)."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("being made")
        READY = "ready", _("ready")
        FAILED = "failed", _("failed")

    sign_on = models.ForeignKey(SignOn, on_delete=models.CASCADE, related_name="deliveries")
    language = models.CharField(_("language"), max_length=12, blank=True)
    # The approved signatures the editor chose, in the order they were given.
    signature_ids = models.JSONField(default=list, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, editable=False
    )
    requested_at = models.DateTimeField(_("asked for at"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.QUEUED
    )
    made_at = models.DateTimeField(_("made at"), null=True, editable=False)
    count = models.PositiveIntegerField(_("signatures"), default=0)
    pdf = models.BinaryField(default=b"", editable=False)
    error = models.TextField(_("what went wrong"), blank=True, editable=False)

    class Meta:
        verbose_name = _("PDF for delivery")
        verbose_name_plural = _("PDFs for delivery")
        ordering = ["-requested_at", "-id"]

    def __str__(self) -> str:
        return f"{self.sign_on} ({self.count})"
