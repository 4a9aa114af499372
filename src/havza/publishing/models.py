"""A Work is one piece in all its languages; a Translation is the Work in one language."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from havza import languages
from havza.links import reverse
from havza.multilingual import MultilingualField, clean_text
from havza.network.models import CountryField, Event, Organization, Person, Topic
from havza.publishing.derived import SLUG_MAX_LENGTH, derive
from havza.slugs import first_free


def language_choices():
    return list(languages.iter_choices())


def validate_language(value: str) -> None:
    if value not in languages.registry():
        raise ValidationError(_("“%(value)s” is not a site language."), params={"value": value})


class Work(models.Model):
    class Kind(models.TextChoices):
        ARTICLE = "article", _("article")
        STATEMENT = "statement", _("statement")
        JOINT_STATEMENT = "joint_statement", _("joint statement")
        DECLARATION = "declaration", _("declaration")
        COMMUNIQUE = "communique", _("communiqué")
        INTERVIEW = "interview", _("interview")
        REPORT = "report", _("report")

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.ARTICLE)
    original_language = models.CharField(
        _("original language"), max_length=12, validators=[validate_language]
    )
    published_on = models.DateField(_("publication date"), null=True, blank=True, db_index=True)
    publish_at = models.DateTimeField(
        _("publish at"),
        null=True,
        blank=True,
        help_text=_("Publish every draft translation of this work at this time, on its own."),
    )
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), blank=True, related_name="works"
    )
    event = models.ForeignKey(
        Event,
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="works",
    )
    lead_image = models.ForeignKey(
        "media.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown above the text in every language, and when the page is shared."),
    )
    lead_image_alt = MultilingualField(
        _("lead image: description"),
        help_text=_("What the image shows, for readers who cannot see it, in each language."),
    )
    lead_image_caption = MultilingualField(_("lead image: caption"))
    attachments = models.ManyToManyField(
        "media.Attachment",
        verbose_name=_("attached files"),
        blank=True,
        related_name="works",
        help_text=_("Files offered under the text, such as the signed letter as a PDF."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        # A work with no date has not been published yet: it is the newest, on any database.
        ordering = [models.F("published_on").desc(nulls_first=True), "-id"]
        verbose_name = _("work")
        verbose_name_plural = _("works")

    def __str__(self) -> str:
        original = self.original()
        return original.title if original else f"{self.get_kind_display()} #{self.pk}"

    def save(self, *args, **kwargs):
        # A date left empty is the day the first translation was published, once there is one.
        if self.published_on is None and self.pk is not None:
            using = kwargs.get("using") or self._state.db or "default"
            self.published_on = first_publication_day(self.pk, using)
            if kwargs.get("update_fields") is not None and self.published_on is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "published_on"}
        super().save(*args, **kwargs)

    def take_publication_day(self, published_at: datetime.datetime) -> None:
        """Date the work by PUBLISHED_AT if it has no date yet (a translation is published)."""
        if self.published_on is not None:
            return
        self.published_on = timezone.localdate(published_at)
        Work.objects.using(self._state.db or "default").filter(
            pk=self.pk, published_on__isnull=True
        ).update(published_on=self.published_on)

    def original(self) -> Translation | None:
        for translation in self.translations.all():
            if translation.language == self.original_language:
                return translation
        return None

    def published_translations(self) -> list[Translation]:
        """Published translations in the site's language order (uses a prefetch if present)."""
        order = {code: i for i, code in enumerate(languages.codes())}
        found = [
            t
            for t in self.translations.all()
            if t.status == Translation.Status.PUBLISHED and t.language in order
        ]
        return sorted(found, key=lambda t: order[t.language])


def first_publication_day(work_id: int, using: str = "default") -> datetime.date | None:
    """The day the first of the work's published translations was published, if any."""
    first = (
        Translation.objects.using(using)
        .filter(work_id=work_id, status=Translation.Status.PUBLISHED, published_at__isnull=False)
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    return timezone.localdate(first) if first else None


def date_undated_works(work_ids: Iterable[int], using: str = "default") -> None:
    """Give each of WORK_IDS with no date the day its first translation was published."""
    works = Work.objects.using(using)
    undated = works.filter(pk__in=list(work_ids), published_on__isnull=True)
    for work_id in undated.values_list("pk", flat=True):
        day = first_publication_day(work_id, using)
        if day is not None:
            works.filter(pk=work_id, published_on__isnull=True).update(published_on=day)


class Credit(models.Model):
    """An organization or a person credited on a work (an author, a signatory), in order.

    Subclasses add the ``work`` they credit and name, in ``EITHER_MESSAGE``, what a row
    must be. The reverse names from the organization's and the person's side differ per
    credit, so ``credit_fields`` makes the pair for each.
    """

    EITHER_MESSAGE: str  # shown when a row names both or neither

    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(organization__isnull=False, person__isnull=True)
                | models.Q(organization__isnull=True, person__isnull=False),
                name="%(class)s_is_organization_or_person",
            )
        ]

    def __str__(self) -> str:
        return str(self.organization or self.person)

    @property
    def credited(self) -> Organization | Person:
        return self.organization or self.person

    def clean(self) -> None:
        if bool(self.organization_id) == bool(self.person_id):
            raise ValidationError(self.EITHER_MESSAGE)


def credit_fields(related_name: str) -> tuple[models.ForeignKey, models.ForeignKey]:
    """The organization and person of a ``Credit``, reached back as RELATED_NAME."""
    return (
        models.ForeignKey(
            Organization,
            verbose_name=_("organization"),
            null=True,
            blank=True,
            on_delete=models.CASCADE,
            related_name=related_name,
        ),
        models.ForeignKey(
            Person,
            verbose_name=_("person"),
            null=True,
            blank=True,
            on_delete=models.CASCADE,
            related_name=related_name,
        ),
    )


class Authorship(Credit):
    """One author of a work: an organization or a person, in byline order."""

    EITHER_MESSAGE = _("An author is either an organization or a person.")

    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="authorships")
    organization, person = credit_fields("authorships")

    class Meta(Credit.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    @property
    def author(self) -> Organization | Person:
        return self.credited


class Signatory(Credit):
    """Who signs a work: an organization or a person, in order, each with the country they
    sign from. The table keeps the name it had when signatories were their own app's."""

    EITHER_MESSAGE = _("A signatory is either an organization or a person.")

    class Role(models.TextChoices):
        ISSUER = "issuer", _("issued by")
        SIGNATORY = "signatory", _("signatory")

    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="signatories")
    organization, person = credit_fields("signatures")
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.SIGNATORY)
    country = CountryField(help_text=_("Defaults to the organization's or person's country."))
    signed_at = models.DateTimeField(auto_now_add=True)

    class Meta(Credit.Meta):
        db_table = "signatures_signatory"
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")

    def save(self, *args, **kwargs):
        if not self.country:
            self.country = self.signer.country if self.signer else ""
        super().save(*args, **kwargs)

    @property
    def signer(self) -> Organization | Person:
        return self.credited


class Translation(models.Model):
    """The Work in one language. Its body is Markdown, rendered to safe HTML on save."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")

    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(
        _("language"), max_length=12, choices=language_choices, validators=[validate_language]
    )
    title = models.CharField(_("title"), max_length=400)
    subtitle = models.CharField(_("subtitle"), max_length=400, blank=True)
    slug = models.SlugField(_("slug"), max_length=100, allow_unicode=True, blank=True)
    body_markdown = models.TextField(_("body"), blank=True, help_text=_("Markdown."))
    body_html = models.TextField(editable=False, default="")
    excerpt = models.TextField(editable=False, default="")
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    publish_at = models.DateTimeField(
        _("publish at"),
        null=True,
        blank=True,
        help_text=_("Publish this translation at this time, on its own, if it is a draft."),
    )
    content_updated_at = models.DateTimeField(_("updated at"), null=True, blank=True)
    translator_credit = models.CharField(_("translated by"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["work", "language"]
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        constraints = [
            models.UniqueConstraint(
                fields=["work", "language"], name="one_translation_per_language"
            ),
            models.UniqueConstraint(fields=["language", "slug"], name="slug_unique_per_language"),
        ]
        indexes = [
            models.Index(fields=["language", "status", "-published_at"]),
            # Lists of a language's newest works (home page, listings) read these columns
            # from the index alone: in the table they come after the bodies, and reaching
            # them walked every row's overflow pages (1k statements: 2.9-4.9 -> 0.3 ms).
            models.Index(
                fields=["language", "status", "work", "published_at"],
                name="translation_listed",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} [{self.language}]"

    def save(self, *args, **kwargs):
        # What a save computes from the text is defined once, for bulk creation too.
        derived = derive(self.language, self.title, self.body_markdown, self.subtitle, self.slug)
        self.title = derived.title
        self.subtitle = derived.subtitle
        self.slug = self.unique_slug(derived.slug_base)
        now = timezone.now()
        if self.pk is None or derived.body_html != self.body_html or self._title_changed():
            self.content_updated_at = now
        self.body_html = derived.body_html
        self.excerpt = derived.excerpt
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = now
        if self.status == self.Status.PUBLISHED:
            self.work.take_publication_day(self.published_at)
            self.publish_at = None  # published: nothing left to schedule
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("publishing:work", kwargs={"lang": self.language, "slug": self.slug})

    @property
    def lang(self) -> languages.Language:
        return languages.get(self.language) or languages.default()

    @property
    def is_original(self) -> bool:
        return self.language == self.work.original_language

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    def clean(self) -> None:
        self.title = clean_text(self.title)
        self.subtitle = clean_text(self.subtitle)

    def unique_slug(self, base: str) -> str:
        siblings = Translation.objects.filter(language=self.language).exclude(pk=self.pk)
        return first_free(base, lambda slug: siblings.filter(slug=slug).exists(), SLUG_MAX_LENGTH)

    def _title_changed(self) -> bool:
        if self.pk is None:
            return True
        old = Translation.objects.filter(pk=self.pk).values_list("title", flat=True).first()
        return old != self.title
