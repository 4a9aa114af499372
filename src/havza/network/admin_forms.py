"""Admin pieces shared by the network's and the works' screens: rows kept in the order an
editor arranges them, and country menus in the editor's own language."""

from __future__ import annotations

import math

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from havza import countries
from havza.network.models import CountryField


def renumbered(positions: list[int | None]) -> list[int]:
    """Positions 1..n for rows in screen order: rows keep the order of the positions an
    editor gave them; rows without one (new rows) follow, in the order they appear."""
    keyed = sorted(range(len(positions)), key=lambda i: (positions[i] or math.inf, i))
    result = [0] * len(positions)
    for rank, index in enumerate(keyed, start=1):
        result[index] = rank
    return result


def localized_country_field(db_field, formfield):
    """Country choices named in the editor's interface language (Turkish names for a Turkish
    editor): the form is built per request, inside the interface language."""
    if isinstance(db_field, CountryField) and formfield is not None:
        formfield.choices = [("", "—"), *countries.choices(get_language() or "en")]
    return formfield


class CountryChoicesMixin:
    def formfield_for_dbfield(self, db_field, request, **kwargs):
        return localized_country_field(
            db_field, super().formfield_for_dbfield(db_field, request, **kwargs)
        )


class OrderedInlineFormSet(forms.BaseInlineFormSet):
    """Rows saved with positions 1..n in the order the editor arranged them."""

    order_field = "position"

    def add_fields(self, form, index) -> None:
        super().add_fields(form, index)
        field = form.fields.get(self.order_field)
        if field is not None:
            # The labels of order.js's buttons, in the interface language.
            field.widget.attrs.update(
                {"data-move-up": _("Move up"), "data-move-down": _("Move down"), "min": 0}
            )

    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return
        rows = [
            form
            for form in self.forms
            if getattr(form, "cleaned_data", None) and not self._should_delete_form(form)
        ]
        new = renumbered([form.cleaned_data.get(self.order_field) for form in rows])
        for form, position in zip(rows, new, strict=True):
            if form.cleaned_data.get(self.order_field) != position:
                form.cleaned_data[self.order_field] = position
                setattr(form.instance, self.order_field, position)
                # An unchanged row is not saved by the formset: its new place is a change.
                if self.order_field not in form.changed_data:
                    form.changed_data.append(self.order_field)
