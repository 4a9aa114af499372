"""The archive in the admin: what was imported, possible translations and undated imports to
decide on, and the boilerplate imports learned."""

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from havza.archive import editorial, learned
from havza.archive.models import (
    BoilerplateLine,
    GroupingCandidate,
    ImportedDocument,
    UndatedDocument,
)
from havza.publishing.admin_access import ALL, CHANGE, VIEW, LanguageRulesMixin, can


@admin.register(ImportedDocument)
class ImportedDocumentAdmin(LanguageRulesMixin, admin.ModelAdmin):
    language_paths = ("language",)
    language_form_fields = ()
    list_display = ["title", "language", "status", "format", "group_confidence", "last_seen_at"]
    list_filter = ["status", "format", "language"]
    search_fields = ["title", "key"]
    readonly_fields = [f.name for f in ImportedDocument._meta.fields]
    raw_id_fields = ["translation"]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(GroupingCandidate)
class GroupingCandidateAdmin(LanguageRulesMixin, admin.ModelAdmin):
    """A pair is seen by those who see either language, and decided (from its screen or by
    the actions, checked row by row) only by an editor of both."""

    language_paths = ("document__language", "other__language")
    language_form_fields = ()

    def object_languages(self, obj: GroupingCandidate) -> set[str]:
        # Joining moves every translation of one work into the other and deletes the first:
        # it needs the languages of both works, not only of the two documents.
        found = super().object_languages(obj)
        for document in (obj.document, obj.other):
            if document.translation is not None:
                found |= {t.language for t in document.translation.work.translations.all()}
        return found

    list_display = ["document_title", "other_title", "confidence", "decision"]
    list_filter = ["decision"]
    readonly_fields = ["document", "other", "confidence", "evidence", "created_at", "decided_at"]
    fields = [*readonly_fields, "decision"]
    actions = ["join", "keep_apart"]

    def has_add_permission(self, request) -> bool:
        return False

    @admin.display(description=_("document"))
    def document_title(self, obj: GroupingCandidate) -> str:
        return f"[{obj.document.language}] {obj.document.title}"

    @admin.display(description=_("possible translation of"))
    def other_title(self, obj: GroupingCandidate) -> str:
        return f"[{obj.other.language}] {obj.other.title}"

    @admin.action(description=_("Same piece: join the works"))
    def join(self, request, queryset):
        joined = 0
        for candidate in queryset.select_related("document__translation", "other__translation"):
            try:
                editorial.confirm(candidate)
                joined += 1
            except editorial.CannotJoin as error:
                # Translators: a possible translation that could not be joined, and why.
                message = gettext("%(pair)s: %(reason)s") % {"pair": candidate, "reason": error}
                self.message_user(request, message, messages.WARNING)
        message = ngettext("%(count)d pair joined.", "%(count)d pairs joined.", joined)
        self.message_user(request, message % {"count": joined})

    @admin.action(description=_("Different pieces: keep apart"))
    def keep_apart(self, request, queryset):
        kept = 0
        for candidate in queryset:
            editorial.reject(candidate)
            kept += 1
        message = ngettext("%(count)d pair kept apart.", "%(count)d pairs kept apart.", kept)
        self.message_user(request, message % {"count": kept})


def _evidence_html(evidence: dict) -> str:
    """The evidence of an undated document as a short list an editor reads."""
    rows = []
    for neighbour in evidence.get("neighbours", []):
        side = gettext("before it") if neighbour["side"] == "before" else gettext("after it")
        # Translators: a dated document next to an undated one in the archive's folder.
        rows.append(
            format_html(
                gettext("{date}: “{title}”, the nearest dated page {side} ({key})"),
                date=neighbour["date"], title=neighbour["title"], side=side,
                key=neighbour["key"],
            )
        )  # fmt: skip
    for listing in evidence.get("listings", []):
        rows.append(
            format_html(
                gettext("{date}: listed as “{title}” on {listing}"),
                date=listing.get("date") or "?", title=listing.get("title") or "",
                listing=listing.get("listing") or "",
            )
        )  # fmt: skip
    if evidence.get("file_modified"):
        rows.append(
            format_html(
                gettext("{date}: the file was last modified"), date=evidence["file_modified"]
            )
        )
    if not rows:
        return gettext("nothing: no dated page near it, no listing, no file date")
    return format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((r,) for r in rows)))


@admin.register(UndatedDocument)
class UndatedDocumentAdmin(LanguageRulesMixin, admin.ModelAdmin):
    """Imports that state no date: saved as drafts, dated here by an editor from the evidence
    the import kept (dated pages next to them, listings, the file's date)."""

    language_paths = ("language",)
    language_form_fields = ()
    list_display = ["title", "language", "between", "path"]
    list_filter = ["language"]
    search_fields = ["title", "key"]
    fields = ["title", "language", "path", "translation", "evidence_list", "date"]
    readonly_fields = ["title", "language", "path", "translation", "evidence_list"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=_("between"))
    def between(self, obj: UndatedDocument) -> str:
        dates = (obj.date_evidence or {}).get("between")
        return " – ".join(dates) if dates else "—"

    @admin.display(description=_("evidence of the date"))
    def evidence_list(self, obj: UndatedDocument) -> str:
        return _evidence_html(obj.date_evidence or {})

    def save_model(self, request, obj, form, change) -> None:
        if obj.date is not None:
            editorial.date_document(obj, obj.date)


class _EveryLanguageMixin:
    """Boilerplate is the whole archive's: only those who edit every language decide on it."""

    def _may(self, request, role: str) -> bool:
        return can(request.user, role, ALL)

    def get_queryset(self, request):
        found = super().get_queryset(request)
        return found if self._may(request, VIEW) else found.none()

    def has_view_permission(self, request, obj=None) -> bool:
        return super().has_view_permission(request, obj) and self._may(request, VIEW)

    def has_change_permission(self, request, obj=None) -> bool:
        return super().has_change_permission(request, obj) and self._may(request, CHANGE)

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return super().has_delete_permission(request, obj) and self._may(request, CHANGE)


@admin.register(BoilerplateLine)
class BoilerplateLineAdmin(_EveryLanguageMixin, admin.ModelAdmin):
    """Lines imports dropped (or held back) as the archive's repeated top and bottom lines."""

    list_display = ["text", "pages", "decision", "last_seen_at"]
    list_filter = ["decision"]
    search_fields = ["text"]
    fields = ["text", "pages", "decision", "first_learned_at", "last_seen_at", "decided_at"]
    readonly_fields = ["text", "pages", "first_learned_at", "last_seen_at", "decided_at"]
    actions = ["confirm", "keep_as_text"]

    def save_model(self, request, obj, form, change) -> None:
        if "decision" in form.changed_data:
            obj.decided_at = timezone.now()
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Boilerplate: drop it from the pages"))
    def confirm(self, request, queryset):
        changed = learned.decide(queryset, BoilerplateLine.Decision.CONFIRMED)
        message = ngettext(
            "%(count)d line confirmed as boilerplate.",
            "%(count)d lines confirmed as boilerplate.",
            changed,
        )
        self.message_user(request, message % {"count": changed})

    @admin.action(description=_("Not boilerplate: keep it in the text"))
    def keep_as_text(self, request, queryset):
        changed = learned.decide(queryset, BoilerplateLine.Decision.TEXT)
        message = ngettext("%(count)d line kept as text.", "%(count)d lines kept as text.", changed)
        self.message_user(request, message % {"count": changed})
