"""One screen for a work: its translations, authors and (from the signatures app) signatories."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from havza.publishing.models import Authorship, Translation, Work

# Other apps add their inlines to the work screen here (signatures adds its signatories).
WORK_INLINES: list[type[admin.options.InlineModelAdmin]] = []


class TranslationInline(admin.StackedInline):
    model = Translation
    extra = 1
    fields = [
        "language", "status", "title", "subtitle", "slug", "body_markdown", "translator_credit",
        "published_at",
    ]  # fmt: skip
    classes = ["havza-translation"]


class AuthorshipInline(admin.TabularInline):
    model = Authorship
    extra = 1
    autocomplete_fields = ["organization", "person"]
    verbose_name_plural = _("authors")


@admin.register(Work)
class WorkAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "original_language", "published_on", "languages"]
    list_filter = ["kind", "original_language", "translations__status"]
    search_fields = ["translations__title"]
    date_hierarchy = "published_on"
    autocomplete_fields = ["topics", "event"]
    fields = ["kind", "original_language", "published_on", "topics", "event"]

    class Media:
        js = ["havza_admin/direction.js"]
        css = {"all": ["havza_admin/admin.css"]}

    def get_inlines(self, request, obj):
        return [TranslationInline, AuthorshipInline, *WORK_INLINES]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")

    @admin.display(description=_("languages"))
    def languages(self, obj: Work) -> str:
        return " ".join(
            f"{t.language}{'' if t.is_published else '*'}" for t in obj.translations.all()
        )


@admin.register(Translation)
class TranslationAdmin(admin.ModelAdmin):
    list_display = ["title", "language", "status", "published_at"]
    list_filter = ["language", "status"]
    search_fields = ["title", "slug"]
    fields = TranslationInline.fields

    class Media:
        js = ["havza_admin/direction.js"]
