"""The translation workflow: segments of originals and of their translations, who may do
what in which language, the translation memory, the glossary and machine translation.

The original's body stays the one source of truth (publishing.Translation.body_markdown):
its segments are derived from it whenever it is saved, and each keeps a stable key, so a
translation follows its original paragraph by paragraph across edits.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from havza.publishing.models import Translation, Work, language_choices
from havza.translation.segmentation import kind_name

ANY_LANGUAGE = "*"


def grant_language_choices():
    return [(ANY_LANGUAGE, _("all languages")), *language_choices()]


class Role(models.TextChoices):
    # Ordered: each role can do what the ones before it can, in its languages.
    TRANSLATOR = "translator", _("translator")
    REVIEWER = "reviewer", _("reviewer")
    EDITOR = "editor", _("editor")


class LanguageGrant(models.Model):
    """USER works as ROLE in LANGUAGE (or in every language)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="language_grants"
    )
    language = models.CharField(_("language"), max_length=12, choices=grant_language_choices)
    role = models.CharField(_("role"), max_length=12, choices=Role.choices)

    class Meta:
        verbose_name = _("language grant")
        verbose_name_plural = _("language grants")
        constraints = [
            models.UniqueConstraint(fields=["user", "language", "role"], name="one_grant_per_role")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.get_language_display()}"


class SourceSegment(models.Model):
    """One segment of an original: its key stays while its text changes."""

    TITLE = "title"
    SUBTITLE = "subtitle"

    translation = models.ForeignKey(
        Translation, on_delete=models.CASCADE, related_name="source_segments"
    )
    key = models.CharField(max_length=16)
    order = models.IntegerField()  # title -2, subtitle -1, body blocks from 0
    kind = models.CharField(max_length=20)
    text = models.TextField()
    markup = models.JSONField(default=dict, blank=True)
    source_hash = models.CharField(max_length=40)
    revision = models.PositiveIntegerField(default=1)
    previous_text = models.TextField(blank=True)
    changed_at = models.DateTimeField()

    class Meta:
        ordering = ["translation", "order"]
        constraints = [
            models.UniqueConstraint(fields=["translation", "key"], name="source_segment_key")
        ]
        indexes = [models.Index(fields=["translation", "order"])]

    def __str__(self) -> str:
        return f"{self.key}: {self.text[:60]}"

    @property
    def kind_label(self) -> str:
        """The segment's kind as the interface names it ("paragraph", "فقرة")."""
        return kind_name(self.kind)


class State(models.TextChoices):
    UNTRANSLATED = "untranslated", _("untranslated")
    MACHINE_DRAFT = "machine", _("machine draft")
    TRANSLATED = "translated", _("translated")
    REVIEWED = "reviewed", _("reviewed")
    OUTDATED = "outdated", _("outdated")


class Origin(models.TextChoices):
    NONE = "", _("none")
    HUMAN = "human", _("typed")
    MEMORY = "memory", _("translation memory, 100% match")
    MACHINE = "machine", _("machine translation")
    COPY = "copy", _("copied (nothing to translate)")
    IMPORT = "import", _("imported file")
    EXISTING = "existing", _("earlier translation")
    ARCHIVE = "archive", _("from the archive")


class TargetSegment(models.Model):
    """A source segment in one target language, with its state and what is public of it."""

    translation = models.ForeignKey(
        Translation, on_delete=models.CASCADE, related_name="target_segments"
    )
    source = models.ForeignKey(SourceSegment, on_delete=models.CASCADE, related_name="targets")
    text = models.TextField(blank=True)
    state = models.CharField(max_length=12, choices=State.choices, default=State.UNTRANSLATED)
    origin = models.CharField(max_length=10, choices=Origin.choices, default="", blank=True)
    version = models.PositiveIntegerField(default=0)  # for refusing a save made on stale text
    # The source text this translation was made from: an outdated segment shows it
    # next to the current source, with a diff.
    source_text = models.TextField(blank=True)
    source_hash = models.CharField(max_length=40, blank=True)
    # What the public page shows: the last approved text, and the source it translated.
    approved_text = models.TextField(blank=True)
    approved_source_hash = models.CharField(max_length=40, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    warnings = models.JSONField(default=list, blank=True)
    overridden = models.JSONField(default=list, blank=True)
    review_note = models.TextField(blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["translation", "source"], name="one_target_per_source")
        ]
        indexes = [models.Index(fields=["translation", "state"])]

    def __str__(self) -> str:
        return f"{self.source.key} [{self.translation.language}] {self.state}"


class SegmentVersion(models.Model):
    """Every saved text of a target segment, and every change of its state, with who and when."""

    segment = models.ForeignKey(TargetSegment, on_delete=models.CASCADE, related_name="history")
    version = models.PositiveIntegerField()
    text = models.TextField(blank=True)
    state = models.CharField(max_length=12, choices=State.choices)
    event = models.CharField(max_length=20)  # saved, approved, rejected, outdated, imported...
    note = models.TextField(blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["segment", "-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.segment_id} v{self.version} {self.event}"


class Assignment(models.Model):
    """Who translates WORK into LANGUAGE."""

    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="translation_assignments")
    language = models.CharField(_("language"), max_length=12, choices=language_choices)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("translator"),
        on_delete=models.CASCADE,
        related_name="translation_assignments",
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = [
            models.UniqueConstraint(fields=["work", "language"], name="one_assignee_per_language")
        ]

    def __str__(self) -> str:
        return f"{self.work_id} [{self.language}] → {self.assignee}"


class MemoryKind(models.TextChoices):
    """Where a memory entry comes from, which decides how far it is trusted."""

    REVIEWED = "reviewed", _("approved by a reviewer")
    FILE = "file", _("TMX file")
    # Paragraphs of the archive's translations paired by the aligner: suggestions only,
    # ranked below reviewed entries, never filled in by themselves.
    ARCHIVE = "archive", _("from the archive")


class MemoryEntry(models.Model):
    """A segment pair kept for reuse in every work of the same language pair: approved by a
    reviewer, read from a TMX file, or aligned from the archive's translations."""

    source_language = models.CharField(max_length=12)
    target_language = models.CharField(max_length=12)
    source_text = models.TextField()
    target_text = models.TextField()
    source_key = models.CharField(max_length=64)  # hash of the normalized source: exact lookups
    source_norm = models.TextField()  # normalized source: fuzzy lookups
    length = models.PositiveIntegerField()  # of source_norm, to narrow fuzzy candidates
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField()
    # The segment whose approval made this entry: correcting or rejecting it removes the entry.
    segment = models.ForeignKey(
        TargetSegment, null=True, blank=True, on_delete=models.SET_NULL, related_name="memory"
    )
    origin = models.CharField(max_length=300, blank=True)  # work title, or "TMX: file name"
    kind = models.CharField(
        _("origin"), max_length=10, choices=MemoryKind.choices, default=MemoryKind.REVIEWED
    )
    # Archive entries: the work aligned, the unit (one paragraph and its translations; all
    # languages of a unit share its number) and how sure the aligner was.
    work = models.ForeignKey(
        Work, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    unit = models.PositiveIntegerField(null=True, blank=True)
    confidence = models.FloatField(_("alignment confidence"), null=True, blank=True)

    class Meta:
        verbose_name = _("memory entry")
        verbose_name_plural = _("translation memory")
        indexes = [
            models.Index(fields=["source_language", "target_language", "source_key"]),
            models.Index(fields=["source_language", "target_language", "length"]),
            models.Index(fields=["source_language", "kind", "length"]),
            models.Index(fields=["work", "unit"]),
        ]

    def __str__(self) -> str:
        return f"[{self.source_language}→{self.target_language}] {self.source_text[:50]}"


class GlossaryConcept(models.Model):
    """One thing a network names consistently, with its term in each language."""

    note = models.CharField(_("note"), max_length=300, blank=True)
    do_not_translate = models.BooleanField(_("same in every language"), default=False)

    class Meta:
        verbose_name = _("glossary concept")
        verbose_name_plural = _("glossary")

    def __str__(self) -> str:
        first = self.terms.first()
        return first.term if first else f"#{self.pk}"


class GlossaryTerm(models.Model):
    concept = models.ForeignKey(GlossaryConcept, on_delete=models.CASCADE, related_name="terms")
    language = models.CharField(_("language"), max_length=12, choices=language_choices)
    term = models.CharField(_("term"), max_length=200)

    class Meta:
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        constraints = [
            models.UniqueConstraint(fields=["concept", "language", "term"], name="unique_term")
        ]
        indexes = [models.Index(fields=["language"])]

    def __str__(self) -> str:
        return f"{self.term} [{self.language}]"


class MachineEngine(models.Model):
    """A machine translation engine the network runs, for one language pair or for any."""

    class Backend(models.TextChoices):
        LIBRETRANSLATE = "libretranslate", _("LibreTranslate-compatible HTTP API")
        CTRANSLATE2 = "ctranslate2", _("CTranslate2 model on this server")

    name = models.CharField(_("name"), max_length=100)
    backend = models.CharField(_("backend"), max_length=20, choices=Backend.choices)
    source_language = models.CharField(
        _("from"), max_length=12, blank=True, help_text=_("Empty: any language.")
    )
    target_language = models.CharField(
        _("into"), max_length=12, blank=True, help_text=_("Empty: any language.")
    )
    url = models.URLField(_("address"), blank=True, help_text=_("LibreTranslate: base address."))
    api_key = models.CharField(_("API key"), max_length=200, blank=True)
    model_dir = models.CharField(
        _("model folder"),
        max_length=500,
        blank=True,
        help_text=_("CTranslate2: folder of a converted NLLB or OPUS-MT model."),
    )
    source_prefix = models.CharField(
        _("source language token"), max_length=30, blank=True, help_text=_("NLLB: eng_Latn.")
    )
    target_prefix = models.CharField(
        _("target language token"), max_length=30, blank=True, help_text=_("NLLB: arb_Arab.")
    )
    timeout = models.FloatField(_("timeout in seconds"), default=10)
    batch_size = models.PositiveIntegerField(_("segments per request"), default=16)
    priority = models.IntegerField(_("priority"), default=0, help_text=_("Higher wins."))
    enabled = models.BooleanField(_("enabled"), default=True)

    class Meta:
        ordering = ["-priority", "id"]
        verbose_name = _("machine translation engine")
        verbose_name_plural = _("machine translation engines")

    def __str__(self) -> str:
        pair = f"{self.source_language or '*'}→{self.target_language or '*'}"
        return f"{self.name} ({pair})"


class MachineSuggestion(models.Model):
    """An engine's output for one source text, kept so a slow engine is asked once."""

    engine = models.ForeignKey(MachineEngine, on_delete=models.CASCADE, related_name="suggestions")
    target_language = models.CharField(max_length=12)
    source_hash = models.CharField(max_length=40)
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["engine", "target_language", "source_hash"], name="one_suggestion"
            )
        ]

    def __str__(self) -> str:
        return f"{self.engine_id} [{self.target_language}] {self.text[:50]}"


class WorkAlignment(models.Model):
    """When a work's translations were last aligned into the memory, and what came of it."""

    work = models.OneToOneField(Work, on_delete=models.CASCADE, related_name="+")
    aligned_at = models.DateTimeField()
    # {"en-tr": {"pairs": 12, "confidence": 0.83, "low": 1}, ...}
    pairs = models.JSONField(default=dict)

    def __str__(self) -> str:
        return f"{self.work_id} @ {self.aligned_at:%Y-%m-%d %H:%M}"
