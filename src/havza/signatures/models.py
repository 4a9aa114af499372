"""Who signs a work: organizations or people, in order, each with the country they sign from."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from havza.network.models import CountryField, Organization, Person
from havza.publishing.models import Work


class Signatory(models.Model):
    class Role(models.TextChoices):
        ISSUER = "issuer", _("issued by")
        SIGNATORY = "signatory", _("signatory")

    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="signatories")
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="signatures",
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="signatures",
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.SIGNATORY)
    country = CountryField(help_text=_("Defaults to the organization's or person's country."))
    position = models.PositiveIntegerField(_("position"), default=0)
    signed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(organization__isnull=False, person__isnull=True)
                | models.Q(organization__isnull=True, person__isnull=False),
                name="signatory_is_organization_or_person",
            )
        ]

    def __str__(self) -> str:
        return str(self.organization or self.person)

    def save(self, *args, **kwargs):
        if not self.country:
            self.country = (self.organization or self.person).country if self.signer else ""
        super().save(*args, **kwargs)

    @property
    def signer(self) -> Organization | Person:
        return self.organization or self.person

    def clean(self) -> None:
        if bool(self.organization_id) == bool(self.person_id):
            raise ValidationError(_("A signatory is either an organization or a person."))
