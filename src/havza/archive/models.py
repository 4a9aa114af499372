"""What the archive import remembers: each document it read, groupings left to editors, and
the boilerplate it learned."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from havza.publishing.models import Translation


class ImportedDocument(models.Model):
    """One document of an archive (a file, or one post of a WordPress export).

    Its key and content digest make imports idempotent: the same content is not imported
    twice, changed content updates the translation it made, and an import that stopped
    half-way resumes from the documents it had not reached.
    """

    class Status(models.TextChoices):
        IMPORTED = "imported", _("imported")
        UPDATED = "updated", _("updated")
        UNCHANGED = "unchanged", _("unchanged")
        SKIPPED = "skipped", _("skipped")
        FAILED = "failed", _("failed")

    key = models.CharField(_("source"), max_length=1000, unique=True)
    path = models.CharField(_("file"), max_length=1000)
    format = models.CharField(_("format"), max_length=10)
    digest = models.CharField(_("content digest"), max_length=64)
    parser_version = models.PositiveIntegerField(_("parser version"), default=1)
    translation = models.ForeignKey(
        Translation,
        verbose_name=_("translation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="archive_sources",
    )
    language = models.CharField(_("language"), max_length=12, blank=True)
    title = models.CharField(_("title"), max_length=400, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    group_key = models.CharField(
        _("translation group in the source"), max_length=200, blank=True, db_index=True
    )
    group_confidence = models.FloatField(_("grouping confidence"), null=True, blank=True)
    evidence = models.JSONField(
        _("evidence"), default=dict, blank=True, help_text=_("What grouping compares.")
    )
    decision = models.JSONField(
        _("report entry"), default=dict, blank=True, help_text=_("The last report entry.")
    )
    problems = models.JSONField(_("problems"), default=list, blank=True)
    date = models.DateField(_("date read"), null=True, blank=True)
    date_evidence = models.JSONField(
        _("evidence of the date"),
        default=dict,
        blank=True,
        help_text=_("What the import knew of an undated document, for an editor to date it."),
    )
    first_imported_at = models.DateTimeField(_("first imported"), auto_now_add=True)
    last_seen_at = models.DateTimeField(_("last seen"), auto_now=True)

    class Meta:
        ordering = ["key"]
        verbose_name = _("imported document")
        verbose_name_plural = _("imported documents")

    def __str__(self) -> str:
        return self.title or self.key


class GroupingCandidate(models.Model):
    """Two documents that may be translations of one piece, kept apart until an editor says.

    The importer joins documents into one Work only when the evidence is strong; a pair it
    is unsure of is listed here, and confirming it in the admin joins the two works.
    """

    class Decision(models.TextChoices):
        PENDING = "pending", _("to decide")
        CONFIRMED = "confirmed", _("same piece: joined")
        REJECTED = "rejected", _("different pieces")

    document = models.ForeignKey(
        ImportedDocument,
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="grouping_candidates",
    )
    other = models.ForeignKey(
        ImportedDocument,
        verbose_name=_("possible translation of"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    confidence = models.FloatField(_("confidence"))
    evidence = models.JSONField(_("evidence"), default=dict, blank=True)
    decision = models.CharField(
        _("decision"), max_length=12, choices=Decision.choices, default=Decision.PENDING
    )
    created_at = models.DateTimeField(_("found"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        ordering = ["decision", "-confidence"]
        verbose_name = _("possible translation")
        verbose_name_plural = _("possible translations")
        constraints = [
            models.UniqueConstraint(fields=["document", "other"], name="one_candidate_per_pair")
        ]

    def __str__(self) -> str:
        return f"{self.document} ↔ {self.other} ({self.confidence:.2f})"


class BoilerplateLine(models.Model):
    """A line an import found repeated at the top or bottom of an archive's pages.

    Learned lines are dropped from the edges of the pages of this import and of the next
    ones. An editor sees them in the admin and corrects the importer: a line marked as text
    is never dropped again; a line that reads as a byline or a date is only dropped once an
    editor confirms it.
    """

    class Decision(models.TextChoices):
        LEARNED = "learned", _("learned: dropped")
        TO_CONFIRM = "to_confirm", _("looks like a byline or a date: kept until confirmed")
        CONFIRMED = "confirmed", _("confirmed: dropped")
        TEXT = "text", _("not boilerplate: kept")

    fingerprint = models.CharField(_("fingerprint"), max_length=64, unique=True)
    text = models.TextField(_("line"))
    pages = models.PositiveIntegerField(_("pages"), default=0, help_text=_("At the last import."))
    decision = models.CharField(
        _("decision"), max_length=12, choices=Decision.choices, default=Decision.LEARNED
    )
    first_learned_at = models.DateTimeField(_("first learned"), auto_now_add=True)
    last_seen_at = models.DateTimeField(_("last seen"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        ordering = ["decision", "-pages", "text"]
        verbose_name = _("boilerplate line")
        verbose_name_plural = _("boilerplate lines")

    def __str__(self) -> str:
        return self.text

    @property
    def dropped(self) -> bool:
        return self.decision in {self.Decision.LEARNED, self.Decision.CONFIRMED}


class UndatedDocumentManager(models.Manager):
    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .filter(translation__isnull=False, date__isnull=True)
            .exclude(status__in=["skipped", "failed"])
        )


class UndatedDocument(ImportedDocument):
    """An imported document that states no date: saved as a draft, listed for an editor."""

    objects = UndatedDocumentManager()

    class Meta:
        proxy = True
        ordering = ["key"]
        verbose_name = _("undated import")
        verbose_name_plural = _("undated imports")
