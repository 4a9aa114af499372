"""One screen for a work: its translations, authors and (from the signatures app) signatories.

Every field that holds content takes the ``lang`` and ``dir`` of the content's language, on the
server for rows that exist and in the browser (``havza_admin/direction.js``) as soon as an
editor picks a language: an Arabic translation is typed right to left in an English admin.
"""

from __future__ import annotations

import json

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, Value, When
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin
from reversion.models import Version

from havza import languages
from havza.network.admin_forms import OrderedInlineFormSet
from havza.publishing import changes, history
from havza.publishing.admin_access import (
    CHANGE,
    LanguageRowsInlineMixin,
    LanguageRulesMixin,
    OwnerRowsInlineMixin,
    SharedObjectRulesMixin,
    can_all,
)
from havza.publishing.models import Authorship, Translation, Work, language_choices

# Other apps add their inlines to the work screen here (signatures adds its signatories).
WORK_INLINES: list[type[admin.options.InlineModelAdmin]] = []

# The fields of a translation written in the translation's own language.
CONTENT_FIELDS = ("title", "subtitle", "body_markdown", "translator_credit")

ADMIN_MEDIA = forms.Media(
    js=["havza_admin/direction.js", "havza_admin/order.js"],
    css={"all": ["havza_admin/admin.css"]},
)


def directions_json() -> str:
    """The writing direction of every site language, for direction.js."""
    return json.dumps({lang.code: lang.direction for lang in languages.all_languages()})


def content_attrs(code: str | None) -> dict[str, str]:
    """The ``lang`` and ``dir`` of a field holding text in the language CODE."""
    lang = languages.get(code or "")
    if lang is None:
        return {"dir": "auto"}
    return {"lang": lang.tag, "dir": lang.direction}


class TranslationForm(forms.ModelForm):
    class Meta:
        model = Translation
        fields = ["language", "title", "subtitle", "body_markdown", "status", "published_at",
                  "publish_at", "translator_credit", "slug"]  # fmt: skip
        help_texts = {
            "language": _("Each language once per work. The fields below follow its direction."),
            "body_markdown": _(
                "Markdown: a blank line between paragraphs, “>” before a quotation, “-” before "
                "each item of a list."
            ),
            "status": _("Only published translations appear on the site."),
            "published_at": _(
                "Filled in when the translation is first published, and kept when it is "
                "published again."
            ),
            "translator_credit": _(
                "Who translated it, shown under the text. Empty for the original."
            ),
            "slug": _("The end of the page’s address. Made from the title when left empty."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        attrs = content_attrs(self.content_language())
        for name in CONTENT_FIELDS:
            if name in self.fields:
                self.fields[name].widget.attrs.update(attrs)
        if "language" in self.fields:
            self.fields["language"].widget.attrs.update(
                {"data-havza-directions": directions_json(), "class": "havza-language"}
            )

    def clean_published_at(self):
        # The form shows seconds; saving it again must not move the time of publication.
        value = self.cleaned_data.get("published_at")
        first = self.instance.published_at if self.instance.pk else None
        if value and first and value == first.replace(microsecond=0):
            return first
        return value

    def content_language(self) -> str:
        if self.is_bound:
            return self.data.get(self.add_prefix("language"), "")
        return self.instance.language or self.initial.get("language", "")


class TranslationFormSet(forms.BaseInlineFormSet):
    def get_queryset(self):
        # The original first, as the language field's help says, then the site's order.
        if getattr(self, "_in_language_order", None) is None:
            original = getattr(self.instance, "original_language", "") or ""
            order = [When(language=code, then=Value(i)) for i, code in enumerate(languages.codes())]
            self._in_language_order = (
                super()
                .get_queryset()
                .order_by(
                    Case(When(language=original, then=Value(0)), default=Value(1)),
                    Case(*order, default=Value(len(order))),
                    "language",
                )
            )
        return self._in_language_order

    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            # Shown above the translations: which row, which field, what is wrong.
            raise ValidationError([line for form in self.forms for line in row_errors(form)])
        kept = [
            form.cleaned_data.get("language")
            for form in self.forms
            if getattr(form, "cleaned_data", None) and not self._should_delete_form(form)
            if form.cleaned_data.get("language")
        ]
        original = getattr(self.instance, "original_language", "")
        if kept and original and original not in kept:
            lang = languages.get(original)
            raise ValidationError(
                _(
                    "There is no text in the original language (%(language)s): add it, or "
                    "choose the language the work was written in."
                ),
                params={"language": lang.native_name if lang else original},
                code="no_original",
            )


def row_language(form) -> str:
    code = form.content_language() or ""
    lang = languages.get(code)
    return lang.native_name if lang else code or "?"


def row_errors(form) -> list[str]:
    """FORM's errors, each naming its row ("Arabic translation: title: …")."""
    out = []
    for name, errors in form.errors.items():
        field = form.fields.get(name)
        for error in errors:
            values = {"language": row_language(form), "error": error}
            if field is None:  # an error of the whole row
                out.append(_("%(language)s translation: %(error)s") % values)
            else:
                values["field"] = field.label or name
                out.append(_("%(language)s translation: %(field)s: %(error)s") % values)
    return out


def translation_on_site(obj: Translation) -> str | None:
    """The public page of a published translation (a draft has none yet)."""
    return obj.get_absolute_url() if obj.pk and obj.is_published and obj.slug else None


TRANSLATION_FIELDSETS = [
    (None, {"fields": ["language", "title", "subtitle", "body_markdown"]}),
    (
        _("Publication"),
        {"fields": ["status", "published_at", "publish_at", "translator_credit", "slug"]},
    ),
]


class TranslationInline(LanguageRowsInlineMixin, admin.StackedInline):
    model = Translation
    form = TranslationForm
    formset = TranslationFormSet
    fieldsets = TRANSLATION_FIELDSETS
    extra = 1
    classes = ["havza-translation"]
    view_on_site = staticmethod(translation_on_site)


class AuthorshipInline(OwnerRowsInlineMixin, admin.TabularInline):
    model = Authorship
    formset = OrderedInlineFormSet
    extra = 1
    autocomplete_fields = ["organization", "person"]
    fields = ["organization", "person", "position"]
    classes = ["havza-ordered"]
    verbose_name_plural = _("authors")


WORK_FIELDS = [
    "kind", "original_language", "published_on", "publish_at", "topics", "event",
    "lead_image", "lead_image_alt", "lead_image_caption", "attachments",
]  # fmt: skip


class WorkForm(forms.ModelForm):
    # No preselected language: the editor says which one the work was written in.
    original_language = forms.ChoiceField(
        label=_("original language"),
        choices=lambda: [("", "—"), *language_choices()],
        help_text=_(
            "The language the work was written in; its text goes first among the "
            "translations below."
        ),
    )

    class Meta:
        model = Work
        fields = [*WORK_FIELDS]
        help_texts = {
            "published_on": _(
                "The date of the document, shown in every language. Empty: the day its first "
                "translation is published."
            ),
            "event": _("The conference or meeting the work belongs to, if any."),
        }


def work_on_site(obj: Work) -> str | None:
    original = obj.original()
    if original is not None and original.is_published:
        return original.get_absolute_url()
    published = obj.published_translations()
    return published[0].get_absolute_url() if published else None


def _work_ids(object_id: str | None) -> list[int]:
    return [int(object_id)] if object_id and str(object_id).isdigit() else []


@admin.register(Work)
class WorkAdmin(SharedObjectRulesMixin, VersionAdmin):
    # Editors of any language add their translations; the work's own fields and its authors
    # belong to the editors of its original language.
    language_paths = ("original_language", "translations__language")
    language_form_fields = ("original_language",)
    form = WorkForm
    list_display = ["__str__", "kind", "original", "published_on", "languages"]
    list_filter = ["kind", "original_language", "translations__status"]
    search_fields = ["translations__title"]
    date_hierarchy = "published_on"
    autocomplete_fields = ["topics", "event", "lead_image", "attachments"]
    fields = WORK_FIELDS
    view_on_site = staticmethod(work_on_site)

    def owner_languages(self, obj: Work) -> set[str]:
        return {obj.original_language}

    @property
    def media(self):
        return super().media + ADMIN_MEDIA

    def get_inlines(self, request, obj):
        return [TranslationInline, AuthorshipInline, *WORK_INLINES]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")

    # A save of the work screen (the work, then its translations, authors and signatories)
    # or a deletion is one change of the published pages: see havza.publishing.changes.
    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method != "POST":
            return super().changeform_view(request, object_id, form_url, extra_context)
        with changes.changing(_work_ids(object_id)):
            return super().changeform_view(request, object_id, form_url, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        if request.method != "POST":
            return super().delete_view(request, object_id, extra_context)
        with changes.changing(_work_ids(object_id)):
            return super().delete_view(request, object_id, extra_context)

    # History (django-reversion): named addresses, and a restore is an editor's save.
    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        view = self.admin_site.admin_view
        return [
            path("recover/", view(self.recoverlist_view), name=f"{prefix}_recoverlist"),
            path("recover/<int:version_id>/", view(self.recover_view), name=f"{prefix}_recover"),
            path(
                "<path:object_id>/history/<int:version_id>/",
                view(self.revision_view),
                name=f"{prefix}_revision",
            ),
            *admin.ModelAdmin.get_urls(self),
        ]

    def revision_view(self, request, object_id, version_id, extra_context=None):
        work = self.get_object(request, unquote(object_id))
        if work is None or not self.has_change_permission(request, work):
            raise PermissionDenied
        version = get_object_or_404(Version.objects.get_for_object(work), pk=version_id)
        if not can_all(request.user, CHANGE, history.languages_touched(version, work)):
            raise PermissionDenied
        with changes.changing([work.pk]):
            return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        # A deleted work comes back with all its languages: only for those who hold them all.
        version = get_object_or_404(Version.objects.get_deleted(Work), pk=version_id)
        codes = {v.field_dict.get("language") for v in version.revision.version_set.all()}
        codes.add(version.field_dict.get("original_language"))
        if not can_all(request.user, CHANGE, {c for c in codes if c}):
            raise PermissionDenied
        with changes.changing([]) as unit:
            unit.add([int(version.object_id)])
            return super().recover_view(request, version_id, extra_context)

    @admin.display(description=_("original language"), ordering="original_language")
    def original(self, obj: Work) -> str:
        lang = languages.get(obj.original_language)
        return lang.native_name if lang else obj.original_language

    @admin.display(description=_("languages"))
    def languages(self, obj: Work) -> str:
        return " ".join(
            f"{t.language}{'' if t.is_published else '*'}" for t in obj.translations.all()
        )


@admin.register(Translation)
class TranslationAdmin(LanguageRulesMixin, admin.ModelAdmin):
    form = TranslationForm
    list_display = ["title", "language", "status", "published_at"]
    list_filter = ["language", "status"]
    search_fields = ["title", "slug"]
    fieldsets = TRANSLATION_FIELDSETS
    view_on_site = staticmethod(translation_on_site)

    @property
    def media(self):
        return super().media + ADMIN_MEDIA
