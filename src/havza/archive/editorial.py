"""An editor's decisions on what an import could not decide: whether two documents are one
piece (join the works, or keep them apart), and the date of a document that states none."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from havza.archive.models import GroupingCandidate, ImportedDocument
from havza.publishing.models import Work


class CannotJoin(Exception):
    """The two works cannot become one (both have a translation in the same language)."""


@transaction.atomic
def confirm(candidate: GroupingCandidate) -> Work:
    """Join the work of CANDIDATE's document into the other document's work."""
    source = candidate.document.translation.work if candidate.document.translation else None
    target = candidate.other.translation.work if candidate.other.translation else None
    if source is None or target is None:
        raise CannotJoin(_("One of the documents no longer has a translation."))
    if source.pk != target.pk:
        clash = set(source.translations.values_list("language", flat=True)) & set(
            target.translations.values_list("language", flat=True)
        )
        if clash:
            languages = pgettext("list separator", ", ").join(sorted(clash))
            raise CannotJoin(
                _("Both works have a translation in: %(languages)s") % {"languages": languages}
            )
        source.translations.update(work=target)
        if not target.signatories.exists():
            source.signatories.update(work=target)
        if not target.authorships.exists():
            source.authorships.update(work=target)
        if target.published_on is None and source.published_on is not None:
            target.published_on = source.published_on
            target.save(update_fields=["published_on", "updated_at"])
        source.delete()
    ImportedDocument.objects.filter(pk__in=[candidate.document_id, candidate.other_id]).update(
        group_confidence=1.0
    )
    _decide(candidate, GroupingCandidate.Decision.CONFIRMED)
    return target


def reject(candidate: GroupingCandidate) -> None:
    _decide(candidate, GroupingCandidate.Decision.REJECTED)


def _decide(candidate: GroupingCandidate, decision: str) -> None:
    candidate.decision = decision
    candidate.decided_at = timezone.now()
    candidate.save(update_fields=["decision", "decided_at"])


@transaction.atomic
def date_document(document: ImportedDocument, date: dt.date) -> None:
    """An editor dates an undated import: its translation (still a draft) and, when it had
    none or a later one, its work take DATE."""
    document.date = date
    document.save(update_fields=["date", "last_seen_at"])
    translation = document.translation
    if translation is None:
        return
    translation.published_at = dt.datetime.combine(date, dt.time(12, 0), tzinfo=dt.UTC)
    translation.save()
    work = translation.work
    if work.published_on is None or work.published_on > date:
        work.published_on = date
        work.save(update_fields=["published_on", "updated_at"])
