from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from havza.accounts.models import Profile

User = get_user_model()

admin.site.site_header = "havza"
admin.site.site_title = "havza"
# The index adds links to the translators' workspace for those who may use it. A template of
# our own name: django.contrib.admin comes first among the apps and would hide an override.
admin.site.index_template = "havza_admin/index.html"


class LoginForm(AdminAuthenticationForm):
    """The admin's login form, with the user name's length checked before any password is:
    Django sets the field's max_length without its validator, and a longer name would reach
    the login limiter's records (255 characters on PostgreSQL) and fail there."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["username"]
        field.validators.append(MaxLengthValidator(field.max_length))


admin.site.login_form = LoginForm


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
