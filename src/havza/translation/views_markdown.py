"""The whole translation as one Markdown text (``markdown_edit``), beside the segment editor."""

from __future__ import annotations

import json

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from havza import languages
from havza.translation import markdown_edit, roles, workflow
from havza.translation.models import Role
from havza.translation.views import _context, _editor_url, _target, _work_and_language, workspace

MAX_TEXT = 500_000


class MarkdownForm(forms.Form):
    title = forms.CharField(max_length=2000)
    subtitle = forms.CharField(max_length=2000, required=False)
    body = forms.CharField(max_length=MAX_TEXT, required=False, strip=False)
    versions = forms.CharField(max_length=200_000)

    def clean_versions(self) -> dict[str, int]:
        try:
            data = json.loads(self.cleaned_data["versions"])
            return {str(k): int(v) for k, v in data.items()}
        except (ValueError, TypeError, AttributeError) as exc:
            raise forms.ValidationError(_("The page was altered; reload it.")) from exc


@workspace
def edit(request, work_id: int, lang: str):
    work = _work_and_language(work_id, lang)
    roles.require(request.user, Role.TRANSLATOR, lang)
    target = _target(work, lang)
    form = MarkdownForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            outcome = markdown_edit.save_markdown(
                target, title=data["title"], subtitle=data["subtitle"], body=data["body"],
                versions=data["versions"], user=request.user,
            )  # fmt: skip
        except markdown_edit.StructureChanged as parted:
            form.add_error("body", str(parted))
            status = 422
        else:
            if outcome.conflicts:
                messages.warning(
                    request,
                    _("Not saved, because someone else saved them after you opened this page: "
                      "%(count)s. See them in the segment editor.")
                    % {"count": len(outcome.conflicts)},
                )  # fmt: skip
            messages.success(
                request, _("Segments saved: %(count)s.") % {"count": len(outcome.saved)}
            )
            return redirect(_editor_url(work_id, lang))
    elif request.method == "POST":
        status = 400
    text = markdown_edit.as_markdown(target)
    if form.is_bound:  # show what was typed, not what is stored
        text.update({k: request.POST.get(k, "") for k in ("title", "subtitle", "body")})
    original = workflow.original_of(work)
    response = render(
        request,
        "translation/markdown_edit.html",
        _context(request, title=original.title, work=work, text=text, form=form,
                 versions=json.dumps(markdown_edit.as_markdown(target)["versions"]),
                 source=languages.get(original.language), target=languages.get(lang),
                 original=original),
        status=status,
    )  # fmt: skip
    response.headers.setdefault("Cache-Control", "private, no-store")
    return response
