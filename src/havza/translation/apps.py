import logging

from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


def _original_saved(sender, instance, created, raw=False, **kwargs):
    """Re-segment an original whose translation has started; outdate what changed."""
    if raw or created:
        return
    from havza.translation.models import SourceSegment
    from havza.translation.sync import sync_source

    # Only originals have source segments, and only once someone started translating:
    # one indexed query for every other save.
    if SourceSegment.objects.filter(translation_id=instance.pk).exists():
        sync_source(instance)


def _works_imported(sender, work_ids, documents=(), align="import", **kwargs):
    """Align the translations an import batch saved into the translation memory, or, with
    ALIGN "job", leave them to the job worker. A failure here does not stop the import: the
    works are aligned by ``havza align-archive``."""
    from havza.translation import archive_jobs, archive_memory

    if align == "job":
        archive_jobs.queue(work_ids, documents)
        return

    try:
        summary = archive_memory.align_works(work_ids)
    except Exception:
        logging.getLogger(__name__).exception("aligning works %s failed", work_ids)
        return
    archive_memory.annotate(list(documents), summary)


class TranslationConfig(AppConfig):
    name = "havza.translation"
    verbose_name = _("Translation")

    def ready(self) -> None:
        from havza.publishing import pages, queries, scheduling
        from havza.publishing.models import Translation
        from havza.publishing.signals import works_imported
        from havza.translation.notices import STALE_SINCE, original_updated
        from havza.translation.workflow import prepare_scheduled, stale_since_expression

        post_save.connect(_original_saved, sender=Translation, dispatch_uid="havza-translation")
        works_imported.connect(_works_imported, dispatch_uid="havza-translation-archive")
        if original_updated not in pages.WORK_NOTICES:
            pages.WORK_NOTICES.append(original_updated)
        queries.WORK_PAGE_ANNOTATIONS[STALE_SINCE] = stale_since_expression
        if prepare_scheduled not in scheduling.PREPARERS:
            scheduling.PREPARERS.append(prepare_scheduled)
