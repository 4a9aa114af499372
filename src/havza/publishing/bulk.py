"""Creating many translations at once, storing exactly what ``Translation.save()`` stores.

``Translation.save()`` cleans the title, renders the Markdown body to safe HTML, cuts the
excerpt and looks for a free slug with one query per try. For an import of thousands of
pages that is most of the saving time, so this module splits the same work in two:

* ``derive()`` (in ``derived.py``) is everything that needs no database (clean title, slug
  base, HTML, excerpt). It is a plain function of the text, so importers run it in their
  worker processes;
* ``create_translations()`` reserves free slugs in memory (``SlugReservations``: one query
  per language, then none), fills in the derived fields and timestamps as ``save()`` would,
  inserts the rows with ``bulk_create`` and sends ``post_save`` to whoever listens, as a
  save would.

Only new translations are created here. Changing an existing one goes through ``save()``,
which is what the translation workflow watches to outdate the other languages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from django.db import models
from django.db.models.signals import post_save
from django.utils import timezone

from havza.multilingual import clean_stored_text
from havza.publishing.derived import SLUG_MAX_LENGTH, Derived, derive
from havza.publishing.models import Translation, date_undated_works
from havza.slugs import first_free

__all__ = [
    "AHEAD",
    "Derived",
    "SlugReservations",
    "ahead",
    "create_translations",
    "derive",
    "derive_for",
    "forget_ahead",
    "remember_ahead",
    "send_created",
    "take_ahead",
]

# What other apps make of a new translation's stored text, made ahead where its text is
# derived (an import's analysis workers) rather than in the process that saves it: name ->
# function of the Derived. The search app registers the analysis of its index's terms.
AHEAD: dict[str, Callable[[Derived], object]] = {}
AHEAD_KEPT = 2048  # results waiting for their translation to be saved (the oldest go first)
_ahead: dict[tuple[str, ...], dict[str, object]] = {}


def _text_key(language: str, title: str, subtitle: str, excerpt: str, body_html: str) -> tuple:
    return (language, title, subtitle, excerpt, body_html)


def ahead(derived: Derived) -> dict[str, object]:
    """What the functions of AHEAD make of DERIVED (in the process that derived it)."""
    return {name: make(derived) for name, make in AHEAD.items()}


def remember_ahead(derived: Derived, results: dict[str, object]) -> None:
    """Keep RESULTS (of ``ahead``) until the translation of DERIVED is saved here."""
    if not results:
        return
    if len(_ahead) >= AHEAD_KEPT:
        del _ahead[next(iter(_ahead))]
    key = _text_key(
        derived.language, derived.title, derived.subtitle, derived.excerpt, derived.body_html
    )
    _ahead[key] = results


def forget_ahead() -> None:
    """Drop the results no saving took (drafts: they are not indexed)."""
    _ahead.clear()


def take_ahead(
    name: str, language: str, title: str, subtitle: str, excerpt: str, body_html: str
) -> object | None:
    """The result of NAME made ahead for a translation storing exactly these texts, if any
    (once: it is then forgotten)."""
    if not _ahead:
        return None
    results = _ahead.get(_text_key(language, title, subtitle, excerpt, body_html))
    if results is None or name not in results:
        return None
    found = results.pop(name)
    if not results:
        del _ahead[_text_key(language, title, subtitle, excerpt, body_html)]
    return found


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

    It picks as ``Translation.unique_slug()`` does (``havza.slugs.first_free``): the base,
    else the base with "-2", "-3", …
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
        slug = first_free(base, taken.__contains__, SLUG_MAX_LENGTH)
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
        clean_stored_text(translation)  # as the pre_save receiver does for save()
        translation.content_updated_at = now
        if translation.status == Translation.Status.PUBLISHED and translation.published_at is None:
            translation.published_at = now
    created = Translation.objects.using(using).bulk_create(translations)
    published = {t.work_id for t in created if t.status == Translation.Status.PUBLISHED}
    date_undated_works(published, using)  # as save() dates a work by its first publication
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
