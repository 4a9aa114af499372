"""The translators' workspace under /translate/: thin views over the workflow services.

Every view requires a login and checks the role in the language on the server (the services
raise PermissionDenied, which Django answers with 403). Pages speak the person's interface
language; every field of content takes the content's own language and direction.
"""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation as i18n
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from havza import languages
from havza.publishing.models import Translation, Work
from havza.translation import coverage, editor, exchange, machine_fill, mt, roles, workflow
from havza.translation import preview as drafts
from havza.translation.forms import (
    MAX_ID,
    AssignForm,
    ImportForm,
    PublishForm,
    SegmentForm,
    first_error,
)
from havza.translation.models import (
    Assignment,
    MachineSuggestion,
    Origin,
    Role,
    TargetSegment,
)

WORKS_PER_PAGE = 50


def interface_language(request) -> str:
    """The person's own language for the workspace: their profile's, else their browser's."""
    profile = getattr(request.user, "havza_profile", None)
    code = profile.interface_language if profile else ""
    return code or languages.best_match(request.headers.get("Accept-Language")).code


def workspace(view):
    @login_required(login_url="accounts:login")
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not roles.is_workflow_user(request.user):
            raise PermissionDenied(_("You have no translation rights."))
        with i18n.override(interface_language(request)):
            response = view(request, *args, **kwargs)
        response.headers.setdefault("Cache-Control", "private, no-store")
        return response

    return wrapped


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _work_and_language(work_id: int, lang: str) -> Work:
    if languages.get(lang) is None:
        raise PermissionDenied(_("Unknown language."))
    if not 0 < work_id <= MAX_ID:
        raise Http404
    return get_object_or_404(Work, pk=work_id)


def _invalid(request, form, fallback: str, status: int = 400):
    """A form that did not validate: its reasons, as JSON or as a message on FALLBACK."""
    reason = first_error(form)
    if _wants_json(request):
        return JsonResponse({"ok": False, "conflict": False, "message": reason}, status=status)
    messages.error(request, reason)
    return redirect(fallback)


def _editor_url(work_id: int, lang: str, key: str = "") -> str:
    url = reverse("translation:editor", kwargs={"work_id": work_id, "lang": lang})
    return f"{url}#seg-{key}" if key else url


def _context(request, **extra) -> dict:
    # Only editors may open the coverage matrix and invite: nobody is shown a link to a 403.
    is_editor = bool(roles.languages_for(request.user, Role.EDITOR))
    return {"has_permission": True, "site_header": "havza", "site_title": "havza",
            "is_editor": is_editor, **extra}  # fmt: skip


def _page_of_works(request):
    works = Work.objects.order_by("-published_on", "-id")
    return Paginator(works, WORKS_PER_PAGE).get_page(request.GET.get("page"))


@require_GET
@workspace
def queue(request):
    codes = roles.languages_for(request.user, Role.TRANSLATOR)
    page = _page_of_works(request)
    rows = coverage.matrix(list(page.object_list), codes)
    mine = [
        (row, cell)
        for row in rows
        for cell in row.cells
        if cell.assignee == request.user.get_username() and cell.state != coverage.PUBLISHED
    ]
    return render(
        request,
        "translation/queue.html",
        _context(request, title=_("Translation queue"), rows=rows, mine=mine, page=page,
                 languages=[languages.get(c) for c in codes]),
    )  # fmt: skip


@require_GET
@workspace
def coverage_view(request):
    codes = roles.languages_for(request.user, Role.EDITOR)
    if not codes:
        raise PermissionDenied(_("Only editors see the coverage of all works."))
    page = _page_of_works(request)
    rows = coverage.matrix(list(page.object_list), codes)
    translators = (
        get_user_model()
        .objects.filter(language_grants__isnull=False, is_active=True)
        .distinct()
        .order_by("username")
    )
    return render(
        request,
        "translation/coverage.html",
        _context(request, title=_("Translation coverage"), rows=rows, page=page,
                 totals=coverage.totals(rows), languages=[languages.get(c) for c in codes],
                 translators=translators, cell_states=coverage.CELL_STATES,
                 labels=coverage.LABELS),
    )  # fmt: skip


@require_POST
@workspace
def assign(request):
    form = AssignForm(request.POST)
    valid = form.is_valid()
    if form.cleaned_data.get("language"):
        roles.require(request.user, Role.EDITOR, form.cleaned_data["language"])
    if not valid:
        return _invalid(request, form, reverse("translation:coverage"))
    work = _work_and_language(form.cleaned_data["work"], form.cleaned_data["language"])
    language = form.cleaned_data["language"]
    roles.require(request.user, Role.EDITOR, language)
    assignee = get_object_or_404(get_user_model(), username=form.cleaned_data["assignee"])
    if not roles.can(assignee, Role.TRANSLATOR, language):
        messages.error(request, _("%(user)s does not translate into this language.") % {
            "user": assignee.get_username()})  # fmt: skip
        return redirect("translation:coverage")
    Assignment.objects.update_or_create(
        work=work, language=language, defaults={"assignee": assignee, "assigned_by": request.user}
    )
    messages.success(request, _("Assigned."))
    return redirect(reverse("translation:coverage") + f"?page={form.cleaned_data['page'] or 1}")


def _render_editor(request, work: Work, lang: str, status: int = 200, **extra):
    view = editor.build(work, lang, request.user)
    extra.setdefault("machine_fill", machine_fill.latest(view.target) if view.target else None)
    return render(
        request,
        "translation/editor.html",
        _context(request, title=view.original.title, subtitle=view.target_language.native_name,
                 view=view, formats=exchange.FORMATS, preview_until=drafts.expiry(),
                 preview_token=drafts.token_for(view.target) if view.target else "", **extra),
        status=status,
    )  # fmt: skip


@require_GET
@workspace
def editor_view(request, work_id: int, lang: str):
    work = _work_and_language(work_id, lang)
    try:
        return _render_editor(request, work, lang)
    except workflow.WorkflowError as exc:
        messages.error(request, str(exc))
        return redirect("translation:queue")


@require_POST
@workspace
def start(request, work_id: int, lang: str):
    work = _work_and_language(work_id, lang)
    try:
        workflow.start(work, lang, request.user)
    except workflow.WorkflowError as exc:
        messages.error(request, str(exc))
    return redirect(_editor_url(work_id, lang))


def _segment(work: Work, lang: str, key: str) -> TargetSegment:
    return get_object_or_404(
        TargetSegment.objects.select_related("source", "translation"),
        translation__work=work,
        translation__language=lang,
        source__key=key,
    )


def _origin_of(seg: TargetSegment, text: str) -> str:
    """Machine when the translator kept an engine's suggestion as it was."""
    is_machine = MachineSuggestion.objects.filter(
        target_language=seg.translation.language, source_hash=seg.source.source_hash, text=text
    ).exists()
    return Origin.MACHINE if is_machine else Origin.HUMAN


@require_POST
@workspace
def segment(request, work_id: int, lang: str, key: str):
    work = _work_and_language(work_id, lang)
    seg = _segment(work, lang, key)
    form = SegmentForm(request.POST)
    if not form.is_valid():
        return _invalid(request, form, _editor_url(work_id, lang, key))
    action, text = form.cleaned_data["action"], form.cleaned_data["text"]
    if action == "save":
        result = workflow.save_segment(
            seg, text, request.user, form.cleaned_data["version"],
            origin=_origin_of(seg, workflow.clean_segment_text(text)),
        )  # fmt: skip
    else:
        result = workflow.review(
            seg, request.user, approve=action == "approve",
            override=form.cleaned_data["override"], note=form.cleaned_data["note"],
        )  # fmt: skip
    s = result.segment
    if _wants_json(request):
        return JsonResponse(
            {"ok": result.ok, "conflict": result.conflict, "message": result.message,
             "state": s.state, "version": s.version, "text": s.text, "warnings": result.warnings,
             "updated_by": s.updated_by.get_username() if s.updated_by else ""},
            status=409 if result.conflict else 200 if result.ok else 422,
        )  # fmt: skip
    if result.conflict:
        conflict = {"key": key, "mine": text, "theirs": s.text, "message": result.message}
        return _render_editor(request, work, lang, status=409, conflict=conflict)
    if result.ok:
        messages.success(request, _("Saved.") if action == "save" else _("Review recorded."))
    else:
        details = "; ".join(w["message"] for w in result.warnings)
        messages.warning(request, f"{result.message} {details}".strip())
    return redirect(_editor_url(work_id, lang, key))


def _target(work: Work, lang: str) -> Translation:
    return get_object_or_404(Translation, work=work, language=lang)


@require_POST
@workspace
def approve_all(request, work_id: int, lang: str):
    work = _work_and_language(work_id, lang)
    done, left = workflow.approve_all(_target(work, lang), request.user)
    messages.info(request, _("%(done)s approved; %(left)s need a closer look.") % {
        "done": done, "left": left})  # fmt: skip
    return redirect(_editor_url(work_id, lang))


@require_POST
@workspace
def publish(request, work_id: int, lang: str):
    work = _work_and_language(work_id, lang)
    target = _target(work, lang)
    form = PublishForm(request.POST)
    if not form.is_valid():
        return _invalid(request, form, _editor_url(work_id, lang))
    try:
        if form.cleaned_data["action"] == "unpublish":
            workflow.unpublish(target, request.user)
        else:
            workflow.publish(target, request.user)
            messages.success(request, _("Published."))
    except workflow.WorkflowError as exc:
        messages.error(request, str(exc))
    return redirect(_editor_url(work_id, lang))


@require_GET
@workspace
def machine(request, work_id: int, lang: str):
    """Suggestions of the machine translation engine for the editor's segments (JSON)."""
    work = _work_and_language(work_id, lang)
    roles.require(request.user, Role.TRANSLATOR, lang)
    segs = list(
        TargetSegment.objects.filter(translation__work=work, translation__language=lang)
        .select_related("source", "source__translation")
        .order_by("source__order")
    )
    if not segs:
        return JsonResponse({"suggestions": {}, "engine": "", "reason": ""})
    source_language = segs[0].source.translation.language
    result = mt.suggest([s.source.text for s in segs], source_language, lang)
    return JsonResponse(
        {
            "engine": result.engine,
            "reason": result.reason,
            "suggestions": {
                s.source.key: text for s, text in zip(segs, result.texts, strict=True) if text
            },
        }
    )


@require_GET
@workspace
def history(request, work_id: int, lang: str, key: str):
    work = _work_and_language(work_id, lang)
    roles.require(request.user, Role.TRANSLATOR, lang)
    seg = _segment(work, lang, key)
    return JsonResponse(
        {"history": [
            {"version": h.version, "text": h.text, "state": h.state, "event": h.event,
             "note": h.note, "user": h.user.get_username() if h.user else "",
             "at": h.created_at.isoformat()}
            for h in seg.history.select_related("user")
        ]}
    )  # fmt: skip


@require_GET
@workspace
def export(request, work_id: int, lang: str, fmt: str):
    work = _work_and_language(work_id, lang)
    if fmt not in exchange.FORMATS:
        return HttpResponse(status=404)
    target = _target(work, lang)
    data = exchange.export(target, fmt, request.user)
    response = HttpResponse(data, content_type=exchange.formats.CONTENT_TYPES[fmt])
    # The slug may be written in any script: the header carries it as RFC 6266 says.
    response["Content-Disposition"] = content_disposition_header(
        True, exchange.filename(target, fmt)
    )
    return response


@require_POST
@workspace
def import_view(request, work_id: int, lang: str):
    work = _work_and_language(work_id, lang)
    roles.require(request.user, Role.TRANSLATOR, lang)
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _invalid(request, form, _editor_url(work_id, lang))
    upload = form.cleaned_data["file"]
    try:
        report = exchange.import_file(upload.read(), request.user)
    except exchange.ImportFileError as exc:
        messages.error(request, str(exc))
        return redirect(_editor_url(work_id, lang))
    if report.translation is None or report.translation.work_id != work.pk:
        messages.warning(request, _("The file belonged to another translation; imported there."))
    messages.info(request, report.summary())
    for key, why in report.skipped:
        messages.warning(request, f"{key}: {why}")
    return redirect(_editor_url(work_id, lang))


@require_GET
def preview(request, token: str):
    """A draft translation as it will be published, for whoever holds the link (no login)."""
    try:
        page = drafts.render(drafts.translation_for(token))
    except drafts.PreviewExpired:
        with i18n.override(interface_language(request)):
            message = _("This preview link has expired or is not valid. Ask for a new one.")
        return HttpResponse(message, status=410, content_type="text/plain; charset=utf-8")
    response = HttpResponse(page.body, content_type=page.content_type)
    response["Content-Language"] = languages.get(page.language).tag if page.language else ""
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"  # the link is the key: links out keep it
    return response
