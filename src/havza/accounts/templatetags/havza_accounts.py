from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def workspace_links(user) -> dict:
    """The translators' pages USER may open: a heading and (label, url, description) rows."""
    # The workflow decides who translates and who sees coverage; the admin only links to it.
    from havza.translation import roles
    from havza.translation.models import Role

    links = []
    if roles.is_workflow_user(user):
        links.append(
            (
                _("Translation queue"),
                reverse("translation:queue"),
                _("Works to translate into your languages, and your assignments."),
            )
        )
    if roles.languages_for(user, Role.EDITOR):
        links.append(
            (
                _("Translation coverage"),
                reverse("translation:coverage"),
                _("Every work in every language: what is missing, in progress or outdated."),
            )
        )
    return {"heading": _("Translators’ workspace"), "links": links}


@register.simple_tag
def interface_language_link_text() -> str:
    """ "Interface language: Ελληνικά", in the language the page speaks."""
    from django.utils.translation import get_language

    from havza import languages

    language = languages.get(get_language() or "") or languages.default()
    return _("Interface language: %(language)s") % {"language": language.native_name}
