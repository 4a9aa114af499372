"""The archive in the admin: what was imported, and possible translations to decide on."""

from django.contrib import admin, messages
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from havza.archive import editorial
from havza.archive.models import GroupingCandidate, ImportedDocument
from havza.publishing.admin_access import LanguageRulesMixin


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
