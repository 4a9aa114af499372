"""Images and attached files of the works. Only what havza made from an upload is stored
(an image's renditions without metadata, a checked PDF), under names made from the upload's
hash, so a stored file never changes and is served with a long cache."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from havza.multilingual import MultilingualField, pick


class Image(models.Model):
    key = models.CharField(max_length=32, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200, help_text=_("For finding it again."))
    width = models.PositiveIntegerField(editable=False)
    height = models.PositiveIntegerField(editable=False)
    # [{"width": 480, "height": 320, "extension": "webp", "path": "images/<key>/480.webp"}]
    renditions = models.JSONField(default=list, editable=False)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", editable=False,
    )  # fmt: skip

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["-uploaded_at", "-id"]

    def __str__(self) -> str:
        return self.name

    def sized(self, extension: str) -> list[dict]:
        return sorted(
            (r for r in self.renditions if r["extension"] == extension), key=lambda r: r["width"]
        )

    @property
    def address(self) -> str:
        """The image's own address, for Markdown bodies: its widest JPEG."""
        return settings.MEDIA_URL + self.sized("jpg")[-1]["path"]


class Attachment(models.Model):
    key = models.CharField(max_length=32, unique=True, editable=False)
    titles = MultilingualField(
        _("title"),
        blank=False,
        help_text=_("What the file is, in each language (e.g. the signed letter)."),
    )
    path = models.CharField(max_length=200, editable=False)
    size = models.PositiveIntegerField(editable=False)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attached file")
        verbose_name_plural = _("attached files")
        ordering = ["-uploaded_at", "-id"]

    def __str__(self) -> str:
        return pick(self.titles, "en") or self.path

    def title(self, lang: str) -> str:
        return pick(self.titles, lang)

    @property
    def address(self) -> str:
        return settings.MEDIA_URL + self.path
