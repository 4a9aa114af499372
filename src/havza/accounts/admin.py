from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from havza.accounts.models import Profile

User = get_user_model()

admin.site.site_header = "havza"
admin.site.site_title = "havza"
# The index adds links to the translators' workspace for those who may use it. A template of
# our own name: django.contrib.admin comes first among the apps and would hide an override.
admin.site.index_template = "havza_admin/index.html"


class ProfileInline(admin.StackedInline):
    model = Profile
    can_delete = False
    verbose_name = _("preferences")
    verbose_name_plural = _("preferences")
    fields = ["interface_language"]


admin.site.unregister(User)


@admin.register(User)
class HavzaUserAdmin(UserAdmin):
    inlines = [ProfileInline]
    list_display = [*UserAdmin.list_display, "interface_language"]

    @admin.display(description=_("interface language"))
    def interface_language(self, user) -> str:
        profile = getattr(user, "havza_profile", None)
        return profile.get_interface_language_display() if profile else ""

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("havza_profile")
