"""Machine suggestions for every empty segment of a translation at once, in the background.

A translator asks for it in the workspace (``request_fill``); the request only enqueues the job
``fill_empty``, which asks the configured engine (``mt.suggest``) and saves each suggestion as a
machine draft, as a translator's save of the suggestion would (never approved). A segment
someone writes in meanwhile is left as they wrote it. ``latest`` tells the workspace whether a
fill is waiting, running, done or failed.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _
from django_tasks_db.models import DBTaskResult

from havza.jobs.retries import job
from havza.publishing.models import Translation
from havza.translation import mt, roles, workflow
from havza.translation.models import Origin, Role, State, TargetSegment


def _empty(translation: Translation) -> list[TargetSegment]:
    return list(
        translation.target_segments.filter(state=State.UNTRANSLATED, text="")
        .select_related("source", "source__translation", "translation")
        .order_by("source__order")
    )


@job()
def fill_empty(translation_id: int, user_id: int | None = None) -> dict:
    """Fill the empty segments of the translation with the engine's suggestions."""
    translation = Translation.objects.get(pk=translation_id)
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    segments = _empty(translation)
    if not segments:
        return {"filled": 0, "empty": 0, "reason": ""}
    source_language = segments[0].source.translation.language
    result = mt.suggest([s.source.text for s in segments], source_language, translation.language)
    filled = 0
    for seg, text in zip(segments, result.texts, strict=True):
        if not text:
            continue
        saved = workflow.save_segment(
            seg, text, user, seg.version, origin=Origin.MACHINE, event="machine"
        )
        filled += saved.ok and not saved.conflict
    return {"filled": filled, "empty": len(segments), "reason": result.reason}


def request_fill(translation: Translation, user) -> None:
    """Enqueue the fill of TRANSLATION for USER (a translator of its language)."""
    roles.require(user, Role.TRANSLATOR, translation.language)
    args = (translation.pk, user.pk if user is not None else None)
    transaction.on_commit(lambda: fill_empty.enqueue(*args))


def latest(translation: Translation) -> dict | None:
    """The newest fill of TRANSLATION: its status ("waiting", "running", "done", "failed"),
    and once done how many segments it filled."""
    row = (
        DBTaskResult.objects.filter(
            task_path=fill_empty.module_path, args_kwargs__args__0=translation.pk
        )
        .order_by("-enqueued_at", "-pk")
        .first()
    )
    if row is None:
        return None
    status = {"READY": "waiting", "RUNNING": "running", "SUCCESSFUL": "done"}.get(
        row.status, "failed"
    )
    value = row.return_value if status == "done" and isinstance(row.return_value, dict) else {}
    labels = {
        "waiting": _("Machine suggestions for the empty segments: waiting to start."),
        "running": _("Machine suggestions for the empty segments: running."),
        "done": _("Machine suggestions for the empty segments: done, %(filled)s filled.")
        % {"filled": value.get("filled", 0)},
        "failed": _("Machine suggestions for the empty segments: failed."),
    }
    return {"status": status, "filled": value.get("filled", 0), "label": labels[status]}
