"""The workflow's settings in the admin: who translates what, the glossary, the memory (with
TMX in and out) and the machine translation engines."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext_lazy as _

from havza.publishing import admin_access
from havza.publishing.admin_access import (
    LanguageRowsInlineMixin,
    LanguageRulesMixin,
    SharedObjectRulesMixin,
)
from havza.publishing.models import language_choices
from havza.translation.exchange import tmx
from havza.translation.models import (
    Assignment,
    GlossaryConcept,
    GlossaryTerm,
    LanguageGrant,
    MachineEngine,
    MemoryEntry,
)
from havza.translation.roles import can

# The admin asks the workflow's grants which languages a person works in.
admin_access.register(can)


@admin.register(LanguageGrant)
class LanguageGrantAdmin(LanguageRulesMixin, admin.ModelAdmin):
    # Editors grant roles in their own languages; "all languages" only an editor of all.
    view_role = "editor"
    list_display = ["user", "language", "role"]
    list_filter = ["role", "language"]
    search_fields = ["user__username"]
    autocomplete_fields = ["user"]


@admin.register(Assignment)
class AssignmentAdmin(LanguageRulesMixin, admin.ModelAdmin):
    list_display = ["work", "language", "assignee", "assigned_by", "created_at"]
    list_filter = ["language"]
    raw_id_fields = ["work", "assignee", "assigned_by"]


class GlossaryTermInline(LanguageRowsInlineMixin, admin.TabularInline):
    model = GlossaryTerm
    extra = 2


@admin.register(GlossaryConcept)
class GlossaryConceptAdmin(SharedObjectRulesMixin, admin.ModelAdmin):
    language_paths = ("terms__language",)
    language_form_fields = ()
    list_display = ["__str__", "note", "do_not_translate"]
    search_fields = ["terms__term", "note"]
    inlines = [GlossaryTermInline]


@admin.register(MachineEngine)
class MachineEngineAdmin(LanguageRulesMixin, admin.ModelAdmin):
    language_paths = ("target_language",)
    language_form_fields = ("target_language",)
    view_role = "editor"
    list_display = ["name", "backend", "source_language", "target_language", "priority", "enabled"]
    list_filter = ["backend", "enabled"]


class TmxForm(forms.Form):
    source_language = forms.ChoiceField(label=_("from"), choices=language_choices)
    target_language = forms.ChoiceField(label=_("into"), choices=language_choices)
    file = forms.FileField(label=_("TMX file"), required=False)


@admin.register(MemoryEntry)
class MemoryEntryAdmin(LanguageRulesMixin, admin.ModelAdmin):
    language_paths = ("target_language",)
    language_form_fields = ("target_language",)
    list_display = ["source_text", "target_text", "source_language", "target_language",
                    "kind", "approved_by", "approved_at"]  # fmt: skip
    list_filter = ["kind", "source_language", "target_language"]
    search_fields = ["source_text", "target_text"]
    readonly_fields = ["source_key", "source_norm", "length", "segment", "work", "unit",
                       "confidence"]  # fmt: skip
    change_list_template = "translation/admin/memory_changelist.html"

    def get_urls(self):
        return [
            path("tmx/", self.admin_site.admin_view(self.tmx_view), name="translation_tmx"),
            *super().get_urls(),
        ]

    def tmx_view(self, request):
        if not self.has_view_permission(request):
            return HttpResponse(status=403)
        form = TmxForm(request.POST or None, request.FILES or None)
        form.fields["target_language"] = admin_access.limit_choices(
            form.fields["target_language"], "target_language", ["target_language"],
            request.user, self.view_role,
        )  # fmt: skip
        if request.method == "POST" and form.is_valid():
            src, tgt = form.cleaned_data["source_language"], form.cleaned_data["target_language"]
            upload = form.cleaned_data["file"]
            if upload is not None and not admin_access.can(request.user, self.change_role, tgt):
                return HttpResponse(status=403)
            if upload is None:
                response = HttpResponse(tmx.export(src, tgt), content_type="application/x-tmx+xml")
                response["Content-Disposition"] = f'attachment; filename="memory-{src}-{tgt}.tmx"'
                return response
            if not self.has_add_permission(request):
                return HttpResponse(status=403)
            added = tmx.import_(upload.read(), src, tgt, origin=f"TMX: {upload.name}"[:300])
            messages.success(request, _("%(n)s pairs added to the memory.") % {"n": added})
            return redirect("admin:translation_memoryentry_changelist")
        context = {**self.admin_site.each_context(request), "form": form,
                   "title": _("Translation memory as TMX"), "opts": self.model._meta}  # fmt: skip
        return render(request, "translation/admin/tmx.html", context)
