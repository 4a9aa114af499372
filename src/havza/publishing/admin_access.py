"""The per-language rules of the admin, in one place.

Django's model permissions say which kinds of things a staff member may see or change; the
language grants of the workflow (``havza.translation.roles``) say in which languages. The admin
asks both: an editor granted Greek who holds "change translation" changes Greek translations
and no others. Every ModelAdmin of objects that belong to a language uses ``LanguageRulesMixin``
(lists filtered, every object checked on GET and POST, actions checked object by object, form
menus limited to the person's languages); inlines use ``LanguageRowsInlineMixin`` (rows of other
languages shown read-only, new rows only in the person's languages).

``publishing`` knows nothing of the workflow: the translation app registers the rule with
``register``. Until it does, only superusers pass (nothing opens by accident).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps

from django.contrib import messages
from django.db.models import Q
from django.utils.translation import gettext as _

from havza import languages

ALL = "*"  # an object of every language (an engine for any pair, a grant for all languages)
VIEW, CHANGE = "translator", "editor"  # the roles the admin asks for by default

_rule: Callable[[object, str, str], bool] | None = None


def register(rule: Callable[[object, str, str], bool]) -> None:
    """RULE(user, role, language) -> bool decides for non-superusers."""
    global _rule
    _rule = rule


def can(user, role: str, language: str) -> bool:
    if user is None or not user.is_active or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return _rule is not None and _rule(user, role, language or ALL)


def can_all(user, role: str, codes: Iterable[str]) -> bool:
    return all(can(user, role, code) for code in codes)


def languages_for(user, role: str) -> list[str]:
    """The site languages in which USER holds ROLE.

    Worked out once per user object and role, and kept on it: the user of a request, whose
    grants ``roles`` reads once, is asked for every field, row, inline and action of a screen
    (hundreds of times). The next request loads its user, and the grants, anew."""
    codes = languages.codes()
    if user is None or not user.is_active or not user.is_authenticated:
        return []
    if user.is_superuser:
        return codes
    memo = getattr(user, "_havza_languages", None)
    if memo is None:
        memo = user._havza_languages = {}
    key = (role, _rule, tuple(codes))
    found = memo.get(key)
    if found is None:
        found = memo[key] = [code for code in codes if can(user, role, code)]
    return list(found)


def _value(obj, path: str):
    for part in path.split("__"):
        obj = getattr(obj, part, None) if obj is not None else None
    return obj


class LanguageRulesMixin:
    """For a ModelAdmin of objects that belong to one or more languages.

    ``language_paths``: ORM paths to the object's languages; a person sees an object when
    they hold ``view_role`` in ANY of them, and changes or deletes it only when they hold
    ``change_role`` in ALL of them. An empty language means every language.
    ``language_form_fields``: form fields whose menus are limited to the person's languages.
    """

    language_paths: tuple[str, ...] = ("language",)
    language_form_fields: tuple[str, ...] = ("language",)
    view_role: str = VIEW
    change_role: str = CHANGE

    # -- which languages an object belongs to
    def object_languages(self, obj) -> set[str]:
        found: set[str] = set()
        for path in self.language_paths:
            if "__" in path and path.split("__")[0] in {r.name for r in obj._meta.related_objects}:
                head, _sep, rest = path.partition("__")
                found |= {_value(o, rest) or ALL for o in getattr(obj, head).all()}
            else:
                found.add(_value(obj, path) or ALL)
        return found or {ALL}  # an object of no language yet belongs to every language

    # -- lists
    def get_queryset(self, request):
        qs = super().get_queryset(request)
        user = request.user
        if user.is_superuser:
            return qs
        codes = languages_for(user, self.view_role)
        if can(user, self.view_role, ALL):
            return qs
        if not codes:
            return qs.none()
        visible = Q()
        for path in self.language_paths:
            visible |= Q(**{f"{path}__in": codes})
        return qs.filter(visible).distinct()

    # -- objects
    def has_view_permission(self, request, obj=None):
        if not super().has_view_permission(request, obj):
            return False
        if obj is None:
            return bool(languages_for(request.user, self.view_role)) or request.user.is_superuser
        return any(can(request.user, self.view_role, c) for c in self.object_languages(obj))

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._may_change(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._may_change(request, obj)

    def has_add_permission(self, request, *args):
        return super().has_add_permission(request, *args) and self._may_change(request, None)

    def _may_change(self, request, obj) -> bool:
        user = request.user
        if obj is None:
            return user.is_superuser or bool(languages_for(user, self.change_role))
        return can_all(user, self.change_role, self.object_languages(obj))

    # -- menus
    def get_form(self, request, obj=None, **kwargs):
        return limited_form(
            super().get_form(request, obj, **kwargs),
            self.language_form_fields, request.user, self.change_role,
        )  # fmt: skip

    # -- actions
    def get_actions(self, request):
        actions = super().get_actions(request)
        return {
            name: (checked_action(self, func), name, description)
            for name, (func, name, description) in actions.items()
        }


def limit_choices(field, name: str, names: Iterable[str], user, role: str):
    """Limit FIELD's menu of languages to those in which USER holds ROLE. A free-text language
    field becomes a menu."""
    if field is None or name not in names or user.is_superuser:
        return field
    from django import forms

    allowed = set(languages_for(user, role))
    if can(user, role, ALL):
        allowed.add(ALL)
    if not isinstance(field, forms.ChoiceField):
        choices = [("", "—")] if not field.required else []
        choices += list(languages.iter_choices())
        field = forms.ChoiceField(
            label=field.label, required=field.required, help_text=field.help_text,
            choices=choices,
        )  # fmt: skip
    field.choices = [(v, label) for v, label in field.choices if v in allowed or v == ""]
    if not field.required and not can(user, role, ALL):
        # An empty language means every language: only those who hold ROLE in all may pick it.
        field.choices = [(v, label) for v, label in field.choices if v != ""]
    return field


def limited_form(form_class, names: Iterable[str], user, role: str):
    """FORM_CLASS with its language menus limited to USER's languages for ROLE."""
    if user.is_superuser:
        return form_class

    class Limited(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            for name in names:
                if name in self.fields:
                    self.fields[name] = limit_choices(self.fields[name], name, names, user, role)

    Limited.__name__ = form_class.__name__
    return Limited


def checked_action(model_admin, func):
    """An admin action that runs only if the person may change every selected object."""

    @wraps(func)
    def action(modeladmin, request, queryset):
        check = (
            model_admin.has_delete_permission
            if getattr(func, "__name__", "") == "delete_selected"
            else model_admin.has_change_permission
        )
        refused = [obj for obj in queryset if not check(request, obj)]
        if refused:
            modeladmin.message_user(
                request,
                _("You may not change %(objects)s: nothing was done.")
                % {"objects": ", ".join(str(o) for o in refused[:5])},
                messages.ERROR,
            )
            return None
        return func(modeladmin, request, queryset)

    return action


class LanguageRowsInlineMixin:
    """For an inline of rows that each belong to a language (a work's translations): rows of
    languages the person does not edit are shown read-only and cannot be deleted; new rows
    take only the person's languages."""

    row_language_field = "language"
    change_role: str = CHANGE

    def get_formset(self, request, obj=None, **kwargs):
        user = request.user
        role = self.change_role
        field_name = self.row_language_field
        base_form = kwargs.pop("form", self.form)

        class RowForm(base_form):
            def __init__(self, *args, **kw):
                super().__init__(*args, **kw)
                code = getattr(self.instance, field_name, "") if self.instance.pk else None
                self.locked = code is not None and not can(user, role, code)
                if self.locked:
                    for field in self.fields.values():
                        field.disabled = True
                elif field_name in self.fields:
                    self.fields[field_name] = limit_choices(
                        self.fields[field_name], field_name, [field_name], user, role
                    )

        formset = super().get_formset(request, obj, form=RowForm, **kwargs)

        class RowFormSet(formset):
            def add_fields(self, form, index):
                super().add_fields(form, index)
                if getattr(form, "locked", False) and "DELETE" in form.fields:
                    form.fields["DELETE"].disabled = True  # shown, never taken from the POST

        return RowFormSet

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and (
            request.user.is_superuser or bool(languages_for(request.user, self.change_role))
        )

    def has_change_permission(self, request, obj=None):
        return self.has_add_permission(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self.has_add_permission(request, obj) and super().has_delete_permission(request, obj)


class SharedObjectRulesMixin(LanguageRulesMixin):
    """For a ModelAdmin of objects shared by several languages (a work and its translations, a
    glossary concept and its terms). Anyone who holds ``view_role`` somewhere sees them; an
    editor of any language may open one to add or change rows of their own languages; the
    object's own fields are read-only unless they edit all of ``owner_languages``; deleting
    the object needs ``change_role`` in every language it holds."""

    def owner_languages(self, obj) -> set[str]:
        return self.object_languages(obj)

    def may_change_own_fields(self, request, obj) -> bool:
        return obj is None or can_all(request.user, self.change_role, self.owner_languages(obj))

    def get_queryset(self, request):
        qs = super(LanguageRulesMixin, self).get_queryset(request)
        user = request.user
        return qs if user.is_superuser or languages_for(user, self.view_role) else qs.none()

    def has_view_permission(self, request, obj=None):
        return super(LanguageRulesMixin, self).has_view_permission(request, obj) and (
            request.user.is_superuser or bool(languages_for(request.user, self.view_role))
        )

    def has_change_permission(self, request, obj=None):
        return super(LanguageRulesMixin, self).has_change_permission(
            request, obj
        ) and self._may_change(request, None)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not self.may_change_own_fields(request, obj):
            form_fields = self.fields or [f.name for f in self.model._meta.fields]
            readonly += [f for f in form_fields if f not in readonly]
        return readonly


class OwnerRowsInlineMixin:
    """For an inline of rows that belong to the parent object as a whole (a work's authors and
    signatories): editable by those who may change the parent's own fields."""

    def _may_edit_parent(self, request, obj) -> bool:
        parent_admin = self.admin_site._registry.get(self.parent_model)
        if parent_admin is None or not hasattr(parent_admin, "may_change_own_fields"):
            return True
        if obj is None:
            return request.user.is_superuser or bool(
                languages_for(request.user, parent_admin.change_role)
            )
        return parent_admin.may_change_own_fields(request, obj)

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and self._may_edit_parent(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._may_edit_parent(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._may_edit_parent(request, obj)
