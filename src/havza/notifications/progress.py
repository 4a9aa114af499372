"""Mail about a translation's progress, each in its reader's interface language: its
translators are told when the original of a published translation changed under it, and the
editors of its language when it is ready for review."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation as i18n
from django.utils.translation import gettext as _

from havza.jobs.mail import queue_mail
from havza.notifications.assignments import interface_language, language_name
from havza.publishing.models import Translation
from havza.translation.models import ANY_LANGUAGE, Role, SegmentVersion
from havza.translation.signals import ready_for_review, translations_outdated

# What a reviewer or the system did to a segment, not its translator.
NOT_TRANSLATING = ("outdated", "approved", "rejected")


def translators_of(t: Translation):
    """The active people with an address who wrote segments of T."""
    wrote = (
        SegmentVersion.objects.filter(segment__translation=t, user__isnull=False)
        .exclude(event__in=NOT_TRANSLATING)
        .values("user_id")
    )
    return (
        get_user_model()
        .objects.filter(is_active=True, pk__in=wrote)
        .exclude(email="")
        .order_by("pk")
    )


def editors_of(language: str):
    """The active people who hold the editor role in LANGUAGE (or in every language)."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            language_grants__role=Role.EDITOR,
            language_grants__language__in=[language, ANY_LANGUAGE],
        )
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def _values(t: Translation, user, reader: str) -> dict:
    work = t.work
    original = work.original()
    return {
        "name": user.get_full_name() or user.get_username(),
        "title": original.title if original else str(work),
        "language": language_name(t.language, reader),
        "link": settings.HAVZA_BASE_URL
        + reverse("translation:editor", kwargs={"work_id": work.pk, "lang": t.language}),
    }


def tell_translators_outdated(t: Translation) -> int:
    """Queue a mail to each translator of T, whose original changed; how many were told."""
    told = 0
    for user in translators_of(t):
        reader = interface_language(user)
        values = _values(t, user, reader)
        with i18n.override(reader):
            # Translators: the subject of the mail telling a translator that the original
            # of a published translation they made was changed; "language" is named in yours.
            subject = (
                _("The original of “%(title)s” changed: please update the %(language)s translation")
                % values
            )
            # Translators: the mail telling a translator that the original changed.
            body = (
                _(
                    "Hello %(name)s,\n\n"
                    "The original of “%(title)s” was changed after your %(language)s translation "
                    "was published. The changed sentences are marked outdated in the translators' "
                    "workspace:\n\n%(link)s\n"
                )
                % values
            )
        queue_mail(subject, body, [user.email])
        told += 1
    return told


def tell_editors_ready(t: Translation, translator=None) -> int:
    """Queue a mail to each editor of T's language: T awaits review; how many were told."""
    told = 0
    for user in editors_of(t.language):
        if translator is not None and user.pk == translator.pk:
            continue  # an editor who finishes a translation knows it
        reader = interface_language(user)
        values = _values(t, user, reader)
        with i18n.override(reader):
            # Translators: the subject of the mail telling an editor that every sentence of a
            # translation is translated; "language" is named in yours.
            subject = _("“%(title)s” in %(language)s is ready for review") % values
            # Translators: the mail telling an editor that a translation awaits review.
            body = (
                _(
                    "Hello %(name)s,\n\n"
                    "Every sentence of the %(language)s translation of “%(title)s” is translated "
                    "and waits for a review. Open it in the translators' workspace:\n\n%(link)s\n"
                )
                % values
            )
        queue_mail(subject, body, [user.email])
        told += 1
    return told


def _outdated(sender, translations, **kwargs) -> None:
    for t in translations:
        tell_translators_outdated(t)


def _ready(sender, translation, user=None, **kwargs) -> None:
    tell_editors_ready(translation, user if user is not None and user.is_authenticated else None)


def connect() -> None:
    uid = "havza-notifications-progress"
    translations_outdated.connect(_outdated, dispatch_uid=uid)
    ready_for_review.connect(_ready, dispatch_uid=uid)
