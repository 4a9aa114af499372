"""Login forms: the workspace's, and the admin's telling a translator where to log in."""

from __future__ import annotations

from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.urls import reverse
from django.utils.translation import gettext as _

from havza.translation import roles


class WorkspaceLoginForm(AuthenticationForm):
    """Django's login form; the user name's length is checked before any password is (a
    longer name would reach the login limiter's records and fail there)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["username"]
        field.validators.append(MaxLengthValidator(field.max_length))


def telling_translators(form_class: type[AuthenticationForm] | None) -> type:
    """FORM_CLASS (the admin's login form), which says "wrong password" to anyone without
    staff status, made to tell someone who gave their right password and translates where
    their workspace is."""
    base = form_class or AdminAuthenticationForm

    class AdminLoginForm(base):
        def confirm_login_allowed(self, user):
            if user.is_active and not user.is_staff and roles.is_workflow_user(user):
                raise ValidationError(
                    _(
                        "This account works in the translators’ workspace, not in the admin. "
                        "Log in at %(url)s."
                    )
                    % {"url": reverse("accounts:login")},
                    code="translator",
                )
            super().confirm_login_allowed(user)

    AdminLoginForm.__qualname__ = AdminLoginForm.__name__ = f"Translators{base.__name__}"
    return AdminLoginForm
