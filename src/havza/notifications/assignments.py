"""A translator is told by email, in their interface language, when a translation is
assigned to them (a new assignment, or one given to them instead of someone else)."""

from __future__ import annotations

from babel import Locale, UnknownLocaleError
from django.conf import settings
from django.db.models.signals import post_save, pre_save
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from havza import languages
from havza.jobs.mail import queue_mail
from havza.translation.models import Assignment


def interface_language(user) -> str:
    """The language a person chose for the admin and the workspace, else the site's first."""
    profile = getattr(user, "havza_profile", None)  # accounts' Profile, when there is one
    code = getattr(profile, "interface_language", "")
    return code if code in languages.registry() else languages.default().code


def language_name(code: str, in_language: str) -> str:
    """The name of the language CODE in the language IN_LANGUAGE (CLDR), else its own name."""
    target, reader = languages.get(code), languages.get(in_language)
    if target is None:
        return code
    try:
        name = Locale.parse(reader.locale).languages.get(target.locale.split("_")[0])
    except (AttributeError, ValueError, UnknownLocaleError):
        name = None
    return name or target.native_name


def tell_assignee(assignment: Assignment) -> bool:
    """Queue the mail that tells the assignee; False if they have no address."""
    user = assignment.assignee
    if not user.email:
        return False
    work = assignment.work
    original = work.original()
    reader = interface_language(user)
    values = {
        "name": user.get_full_name() or user.get_username(),
        "title": original.title if original else str(work),
        "language": language_name(assignment.language, reader),
        "link": settings.HAVZA_BASE_URL
        + reverse("translation:editor", kwargs={"work_id": work.pk, "lang": assignment.language}),
    }
    with translation.override(reader):
        # Translators: the subject of the mail that assigns a translation; "language" is
        # the language to translate into, named in yours (CLDR: العربية, Τουρκικά).
        subject = _("Please translate “%(title)s” into %(language)s") % values
        # Translators: the mail that assigns a translation; "link" opens it in the workspace.
        body = (
            _(
                "Hello %(name)s,\n\n"
                "You are asked to translate “%(title)s” into %(language)s. "
                "Open it in the translators' workspace:\n\n%(link)s\n"
            )
            % values
        )
    queue_mail(subject, body, [user.email])
    return True


def _remember_assignee(sender, instance: Assignment, raw=False, **kwargs) -> None:
    instance._assignee_before = (
        None
        if raw or instance.pk is None
        else sender.objects.filter(pk=instance.pk).values_list("assignee_id", flat=True).first()
    )


def _assigned(sender, instance: Assignment, raw=False, **kwargs) -> None:
    if raw or instance.assignee_id == getattr(instance, "_assignee_before", None):
        return
    tell_assignee(instance)


def connect() -> None:
    uid = "havza-notifications-assignment"
    pre_save.connect(_remember_assignee, sender=Assignment, dispatch_uid=uid)
    post_save.connect(_assigned, sender=Assignment, dispatch_uid=uid)
