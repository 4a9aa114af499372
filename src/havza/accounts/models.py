"""What havza knows about the people who log in, beyond Django's user."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from havza.publishing.models import language_choices


class Profile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="havza_profile"
    )
    interface_language = models.CharField(
        _("interface language"),
        max_length=12,
        choices=language_choices,
        blank=True,
        help_text=_(
            "The language of the admin and of the translators’ workspace for this person; "
            "empty follows the browser’s."
        ),
    )

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self) -> str:
        return str(self.user)
