from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from havza.network.admin_forms import CountryChoicesMixin, OrderedInlineFormSet
from havza.network.forms import CONFIRM, OrganizationForm, PersonForm
from havza.network.models import Event, Organization, Person, Speaker, Topic


@admin.register(Organization)
class OrganizationAdmin(CountryChoicesMixin, admin.ModelAdmin):
    form = OrganizationForm
    list_display = ["__str__", "country", "kind", "is_member"]
    list_filter = ["is_member", "kind", "country"]
    search_fields = ["acronym", "slug", "names", "aliases"]
    fields = ["acronym", "names", "country", "kind", "website", "is_member", "aliases", "slug",
              CONFIRM]  # fmt: skip


@admin.register(Person)
class PersonAdmin(CountryChoicesMixin, admin.ModelAdmin):
    form = PersonForm
    list_display = ["name", "organization", "country"]
    list_filter = ["country"]
    search_fields = ["name", "display_names", "slug"]
    autocomplete_fields = ["organization"]
    fields = ["name", "display_names", "organization", "country", "slug", CONFIRM]


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["__str__"]
    search_fields = ["names"]


class SpeakerInline(CountryChoicesMixin, admin.TabularInline):
    model = Speaker
    formset = OrderedInlineFormSet
    extra = 1
    autocomplete_fields = ["person"]
    fields = ["person", "country", "position"]
    classes = ["havza-ordered"]
    verbose_name_plural = _("speakers")


@admin.register(Event)
class EventAdmin(CountryChoicesMixin, admin.ModelAdmin):
    list_display = ["__str__", "starts_on", "country", "online"]
    search_fields = ["names", "slug"]
    autocomplete_fields = ["organizers"]
    inlines = [SpeakerInline]
    fields = ["names", "starts_on", "ends_on", "place", "country", "online", "organizers", "slug"]
