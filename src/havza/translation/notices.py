"""The notice on a published translation whose original changed since it was approved."""

from __future__ import annotations

from django.utils.translation import gettext as _

from havza.publishing.jinja import localized_date
from havza.publishing.models import Translation
from havza.translation.workflow import stale_since

STALE_SINCE = "original_changed_at"
MISSING = object()


def original_updated(translation: Translation) -> list[tuple[str, str]]:
    """Called by the public page under the page's language (its gettext is active)."""
    if translation.language == translation.work.original_language:
        return []
    # Work pages' queries compute it (queries.WORK_PAGE_ANNOTATIONS); others ask here.
    when = getattr(translation, STALE_SINCE, MISSING)
    if when is MISSING:
        when = stale_since(translation)
    if when is None:
        return []
    return [
        (
            "outdated",
            _(
                "The original of this text was updated on %(date)s; "
                "this translation does not include the changes yet."
            )
            % {"date": localized_date(when.date(), translation.language)},
        )
    ]
