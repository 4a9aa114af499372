"""The workspace's request for machine suggestions in every empty segment (a background job)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from havza.translation import machine_fill
from havza.translation.views import _editor_url, _target, _work_and_language, workspace


@require_POST
@workspace
def fill(request, work_id: int, lang: str):
    work = _work_and_language(work_id, lang)
    machine_fill.request_fill(_target(work, lang), request.user)
    messages.info(
        request,
        _("Machine suggestions are being filled into the empty segments; reload to see them."),
    )
    return redirect(_editor_url(work_id, lang))
