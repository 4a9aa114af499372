from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from havza.publishing.admin import WORK_INLINES
from havza.signatures.models import Signatory


class SignatoryInline(admin.TabularInline):
    model = Signatory
    extra = 3
    autocomplete_fields = ["organization", "person"]
    fields = ["position", "role", "organization", "person", "country"]
    verbose_name_plural = _("signatories")


WORK_INLINES.append(SignatoryInline)
