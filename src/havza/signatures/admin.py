from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from havza.network.admin_forms import CountryChoicesMixin, OrderedInlineFormSet
from havza.publishing.admin import WORK_INLINES
from havza.publishing.admin_access import OwnerRowsInlineMixin
from havza.publishing.models import Signatory


class SignatoryInline(OwnerRowsInlineMixin, CountryChoicesMixin, admin.TabularInline):
    """Signatories in the order they sign: the rows' order on the screen, numbered on save."""

    model = Signatory
    formset = OrderedInlineFormSet
    extra = 3
    autocomplete_fields = ["organization", "person"]
    fields = ["organization", "person", "role", "country", "position"]
    classes = ["havza-ordered"]
    verbose_name_plural = _("signatories")


WORK_INLINES.append(SignatoryInline)
