"""The network: organizations, people, topics and events."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from havza import countries
from havza.links import reverse
from havza.multilingual import MultilingualField, clean_text, pick
from havza.slugs import first_free, slugify_for


def validate_country(value: str) -> None:
    if value and not countries.is_country(value):
        raise ValidationError(
            _("“%(value)s” is not an ISO 3166 country code (two letters, such as GR)."),
            params={"value": value},
            code="country",
        )


def unique_slug(instance: models.Model, text: str, lang: str = "en") -> str:
    """A slug for INSTANCE made from TEXT, unique among its model's rows."""
    others = type(instance).objects.exclude(pk=instance.pk)
    return first_free(
        slugify_for(text, lang, max_length=100),
        lambda slug: others.filter(slug=slug).exists(),
        max_length=instance._meta.get_field("slug").max_length,
    )


class CountryField(models.CharField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 2)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        kwargs.setdefault("validators", [validate_country])
        kwargs.setdefault("verbose_name", _("country"))
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("validators", None)
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        from django import forms

        return forms.TypedChoiceField(
            choices=[("", "—"), *countries.choices("en")],
            required=not self.blank,
            label=self.verbose_name,
            coerce=str,
        )


class Organization(models.Model):
    class Kind(models.TextChoices):
        PARTY = "party", _("party")
        UNION = "union", _("trade union")
        CAMPAIGN = "campaign", _("campaign")
        NETWORK = "network", _("network")
        ASSOCIATION = "association", _("association")
        CENTER = "center", _("center")
        MEDIA = "media", _("media")
        OTHER = "other", _("other")

    slug = models.SlugField(_("slug"), max_length=120, unique=True, allow_unicode=True, blank=True)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    names = MultilingualField(_("name"), blank=False)
    aliases = models.JSONField(
        _("other names"), default=list, blank=True, help_text=_("Names seen in archives.")
    )
    country = CountryField()
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    website = models.URLField(_("website"), blank=True)
    is_member = models.BooleanField(_("member of the network"), default=False)

    class Meta:
        ordering = ["acronym", "slug"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self) -> str:
        name = pick(self.names, "en")
        return f"{self.acronym} ({name})" if self.acronym and name else self.acronym or name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.acronym or pick(self.names, "en"))
        super().save(*args, **kwargs)

    def get_absolute_url(self, lang: str) -> str:
        return reverse("publishing:organization", kwargs={"lang": lang, "slug": self.slug})

    def name(self, lang: str) -> str:
        return pick(self.names, lang, "en")

    def display(self, lang: str) -> str:
        """As signatory lists write it: "EEK (Workers Revolutionary Party)"."""
        name = self.name(lang)
        if self.acronym and name and self.acronym != name:
            return f"{self.acronym} ({name})"
        return self.acronym or name

    def clean(self) -> None:
        self.acronym = clean_text(self.acronym)
        self.names = {k: clean_text(v) for k, v in (self.names or {}).items() if v}


class Person(models.Model):
    slug = models.SlugField(_("slug"), max_length=120, unique=True, allow_unicode=True, blank=True)
    name = models.CharField(_("name"), max_length=200)
    display_names = MultilingualField(
        _("name in other scripts"),
        help_text=_("Only where a language writes the name differently."),
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    country = CountryField()

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name = clean_text(self.name)
        if not self.slug:
            self.slug = unique_slug(self, self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self, lang: str) -> str:
        return reverse("publishing:person", kwargs={"lang": lang, "slug": self.slug})

    def display(self, lang: str) -> str:
        return (self.display_names or {}).get(lang) or self.name

    def clean(self) -> None:
        self.name = clean_text(self.name)


class Topic(models.Model):
    names = MultilingualField(_("name"), blank=False)
    slugs = MultilingualField(_("slug"), help_text=_("Made from the name when left empty."))

    class Meta:
        ordering = ["id"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return pick(self.names, "en")

    def save(self, *args, **kwargs):
        self.names = {k: clean_text(v) for k, v in (self.names or {}).items() if v}
        slugs = {k: v for k, v in (self.slugs or {}).items() if v}
        for code, name in self.names.items():
            slugs[code] = slugify_for(slugs.get(code) or name, code)
        self.slugs = slugs
        super().save(*args, **kwargs)

    def get_absolute_url(self, lang: str) -> str:
        return reverse("publishing:topic", kwargs={"lang": lang, "slug": self.slug(lang)})

    def name(self, lang: str) -> str:
        return pick(self.names, lang, "en")

    def slug(self, lang: str) -> str:
        return pick(self.slugs, lang, "en")


class Event(models.Model):
    slug = models.SlugField(_("slug"), max_length=120, unique=True, allow_unicode=True, blank=True)
    names = MultilingualField(_("name"), blank=False)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    place = MultilingualField(_("place"), help_text=_("Venue and city; empty if online only."))
    country = CountryField()
    online = models.BooleanField(_("online"), default=False)
    organizers = models.ManyToManyField(
        Organization, verbose_name=_("organizers"), blank=True, related_name="organized_events"
    )

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self) -> str:
        return pick(self.names, "en")

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, pick(self.names, "en"))
        super().save(*args, **kwargs)

    def get_absolute_url(self, lang: str) -> str:
        return reverse("publishing:event", kwargs={"lang": lang, "slug": self.slug})

    def name(self, lang: str) -> str:
        return pick(self.names, lang, "en")

    def clean(self) -> None:
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("An event cannot end before it starts.")})

    def speaker_countries(self) -> list[str]:
        """Distinct countries of the speakers, in the order speakers are listed."""
        seen: dict[str, None] = {}
        for speaker in self.speakers.all():
            if speaker.country:
                seen.setdefault(speaker.country)
        return list(seen)

    def reach(self) -> tuple[int, int, int]:
        """(speakers, countries, continents), counted from the speakers' countries."""
        speakers = list(self.speakers.all())
        country_codes = {s.country for s in speakers if s.country}
        continents = {countries.continent(c) for c in country_codes} - {None}
        return len(speakers), len(country_codes), len(continents)


class Speaker(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="speakers")
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="talks"
    )
    country = CountryField(help_text=_("Where the speaker speaks from; defaults to theirs."))
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        constraints = [
            models.UniqueConstraint(fields=["event", "person"], name="speaker_once_per_event")
        ]

    def __str__(self) -> str:
        return str(self.person)

    def save(self, *args, **kwargs):
        if not self.country and self.person_id:
            self.country = self.person.country
        super().save(*args, **kwargs)
