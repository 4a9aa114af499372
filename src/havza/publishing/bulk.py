"""Creating many translations at once, storing exactly what ``Translation.save()`` stores.

``Translation.save()`` cleans the title, renders the Markdown body to safe HTML, cuts the
excerpt and looks for a free slug with one query per try. For an import of thousands of
pages that is most of the saving time, so this module splits the same work in two:

* ``derive()`` is everything that needs no database (clean title, slug base, HTML, excerpt).
  It is a plain function of the text, so importers run it in their worker processes;
* ``create_translations()`` reserves free slugs in memory (``SlugReservations``: one query
  per language, then none), fills in the derived fields and timestamps as ``save()`` would,
  inserts the rows with ``bulk_create`` and sends ``post_save`` to whoever listens, as a
  save would.

Only new translations are created here. Changing an existing one goes through ``save()``,
which is what the translation workflow watches to outdate the other languages.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db import models
from django.db.models.signals import post_save
from django.utils import timezone

from havza.multilingual import clean_text
from havza.publishing import markdown
from havza.publishing.models import Translation
from havza.publishing.slugs import slugify_for

SLUG_BASE_LENGTH = 90  # as Translation.save(): room for a "-N" suffix in the 100 characters
SLUG_MAX_LENGTH = 100


@dataclass(frozen=True)
class Derived:
    """What saving a translation derives from its language, title, subtitle, slug and body."""

    language: str
    title_given: str
    subtitle_given: str
    slug_given: str
    body_markdown: str
    title: str
    subtitle: str
    slug_base: str
    body_html: str
    excerpt: str

    def fits(self, translation: Translation) -> bool:
        """Whether this was derived from TRANSLATION's current text."""
        return (
            self.language == translation.language
            and self.title_given == translation.title
            and self.subtitle_given == translation.subtitle
            and self.slug_given == translation.slug
            and self.body_markdown == translation.body_markdown
        )


def derive(
    language: str, title: str, body_markdown: str, subtitle: str = "", slug: str = ""
) -> Derived:
    """Everything ``Translation.save()`` computes from the text, without the database."""
    clean_title = clean_text(title)
    html = markdown.render(body_markdown)
    return Derived(
        language=language,
        title_given=title,
        subtitle_given=subtitle,
        slug_given=slug,
        body_markdown=body_markdown,
        title=clean_title,
        subtitle=clean_text(subtitle),
        slug_base=slugify_for(slug or clean_title, language, max_length=SLUG_BASE_LENGTH),
        body_html=html,
        excerpt=markdown.excerpt(html),
    )


def derive_for(translation: Translation) -> Derived:
    return derive(
        translation.language,
        translation.title,
        translation.body_markdown,
        translation.subtitle,
        translation.slug,
    )


class SlugReservations:
    """The slugs taken in each language, loaded once and kept current by ``reserve``.

    It follows ``Translation.unique_slug()``: the base, else the base with "-2", "-3", …
    Slugs written meanwhile by anything else than ``reserve`` are not seen: a caller that
    saved translations another way, or rolled back, calls ``forget()``.
    """

    def __init__(self, using: str = "default") -> None:
        self.using = using
        self._taken: dict[str, set[str]] = {}

    def taken(self, language: str) -> set[str]:
        if language not in self._taken:
            self._taken[language] = set(
                Translation.objects.using(self.using)
                .filter(language=language)
                .values_list("slug", flat=True)
            )
        return self._taken[language]

    def reserve(self, language: str, base: str) -> str:
        taken = self.taken(language)
        slug, n = base, 2
        while slug in taken:
            suffix = f"-{n}"
            slug = base[: SLUG_MAX_LENGTH - len(suffix)] + suffix
            n += 1
        taken.add(slug)
        return slug

    def forget(self) -> None:
        self._taken.clear()


def create_translations(
    translations: Sequence[Translation],
    derived: Sequence[Derived | None] | None = None,
    slugs: SlugReservations | None = None,
    using: str = "default",
) -> list[Translation]:
    """Insert new TRANSLATIONS (each with its work set) as saving them one by one would.

    DERIVED, in the same order, may hold what ``derive()`` computed elsewhere; an entry that
    does not fit its translation's current text is derived again here. Call inside a
    transaction: a failure leaves nothing half-written, and SLUGS must then be forgotten.
    """
    if any(t.pk is not None for t in translations):
        raise ValueError("create_translations() only creates: save() changes existing ones")
    slugs = slugs or SlugReservations(using)
    derived = list(derived) if derived is not None else [None] * len(translations)
    if len(derived) != len(translations):
        raise ValueError("one derived entry per translation, or none")
    now = timezone.now()
    for translation, done in zip(translations, derived, strict=True):
        if done is None or not done.fits(translation):
            done = derive_for(translation)
        translation.title = done.title
        translation.subtitle = done.subtitle
        translation.slug = slugs.reserve(translation.language, done.slug_base)
        translation.body_html = done.body_html
        translation.excerpt = done.excerpt
        translation.content_updated_at = now
        if translation.status == Translation.Status.PUBLISHED and translation.published_at is None:
            translation.published_at = now
    created = Translation.objects.using(using).bulk_create(translations)
    send_created(Translation, created, using)
    return created


def send_created(model: type[models.Model], objects: Iterable[models.Model], using: str) -> None:
    """Tell ``post_save`` listeners of MODEL about OBJECTS, created without ``save()``."""
    if not post_save.has_listeners(model):
        return
    for instance in objects:
        post_save.send(
            sender=model,
            instance=instance,
            created=True,
            update_fields=None,
            raw=False,
            using=using,
        )
