from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from havza.network.admin_forms import CountryChoicesMixin, OrderedInlineFormSet
from havza.publishing.admin import WORK_INLINES
from havza.publishing.admin_access import OwnerRowsInlineMixin
from havza.publishing.models import Signatory


class SignatoryForm(forms.ModelForm):
    def clean(self):
        cleaned = super().clean()
        # A row given another signer, its country left as it was, takes the new signer's
        # country: the old one belonged to whoever signed before. A country chosen in the
        # same save is kept.
        signer_changed = {"organization", "person"} & set(self.changed_data)
        if self.instance.pk and signer_changed and "country" not in self.changed_data:
            cleaned["country"] = ""  # Signatory.save() fills in the signer's country
        return cleaned


class SignatoryFormSet(OrderedInlineFormSet):
    """The rows of a joint statement's list: each organization or person signs once."""

    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return
        seen: dict[tuple[str, int], int] = {}
        for row, form in enumerate(self.forms, start=1):
            data = getattr(form, "cleaned_data", None)
            if not data or self._should_delete_form(form):
                continue
            for field in ("organization", "person"):
                signer = data.get(field)
                if signer is None:
                    continue
                first = seen.setdefault((field, signer.pk), row)
                if first != row:
                    form.add_error(
                        field,
                        _("%(signer)s already signs in row %(first)s; row %(row)s repeats it.")
                        % {"signer": signer, "first": first, "row": row},
                    )


class SignatoryInline(OwnerRowsInlineMixin, CountryChoicesMixin, admin.TabularInline):
    """Signatories in the order they sign: the rows' order on the screen, numbered on save."""

    model = Signatory
    form = SignatoryForm
    formset = SignatoryFormSet
    extra = 3
    autocomplete_fields = ["organization", "person"]
    fields = ["organization", "person", "role", "country", "position"]
    classes = ["havza-ordered"]
    verbose_name_plural = _("signatories")


WORK_INLINES.append(SignatoryInline)
