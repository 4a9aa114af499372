"""Logging into the translators' workspace, and inviting translators to it.

A language grant is enough to log in here: no "staff status" is needed (that opens the admin,
which translators do not use). Wrong passwords are counted by the same django-axes setup as
the admin's login, since both authenticate through the same backends.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from havza import languages
from havza.accounts import invitations
from havza.accounts.forms import WorkspaceLoginForm
from havza.translation.models import Role

BACKEND = "havza.accounts.throttle.BoundedModelBackend"


class LoginView(auth_views.LoginView):
    template_name = "havza_accounts/login.html"
    authentication_form = WorkspaceLoginForm
    redirect_authenticated_user = True
    next_page = reverse_lazy("translation:queue")
    extra_context = {"site_header": "havza", "site_title": "havza", "has_permission": False}


class LogoutView(auth_views.LogoutView):
    next_page = reverse_lazy("accounts:login")


class WelcomeView(auth_views.PasswordResetConfirmView):
    """The invitation link: choose a password, then straight into the workspace."""

    template_name = "havza_accounts/welcome.html"
    token_generator = invitations.tokens
    post_reset_login = True
    post_reset_login_backend = BACKEND
    success_url = reverse_lazy("translation:queue")
    reset_url_token = "set-password"
    extra_context = {"site_header": "havza", "site_title": "havza", "has_permission": False}

    def dispatch(self, request, *args, **kwargs):
        # The invitee is not logged in yet: a valid link speaks the language the editor chose
        # for them (that of the mail they followed), not their browser's.
        code = self.invitee_language(request, kwargs.get("uidb64", ""), kwargs.get("token", ""))
        if code is None:
            return super().dispatch(request, *args, **kwargs)
        with translation.override(code):
            request.LANGUAGE_CODE = code
            response = super().dispatch(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
        response.headers["Content-Language"] = code
        return response

    def invitee_language(self, request, uidb64: str, token: str) -> str | None:
        user = self.get_user(uidb64)
        if token == self.reset_url_token:
            token = request.session.get(auth_views.INTERNAL_RESET_SESSION_TOKEN, "")
        if user is None or not self.token_generator.check_token(user, token):
            return None
        profile = getattr(user, "havza_profile", None)
        code = profile.interface_language if profile is not None else ""
        return code if code in languages.registry() else None


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("Email address"),
        help_text=gettext_lazy("The invitation link is sent here; it is also the user name."),
    )
    name = forms.CharField(label=gettext_lazy("Name"), max_length=150, required=False)
    languages = forms.MultipleChoiceField(
        label=gettext_lazy("Languages"),
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "The languages this person works in. You can grant the languages in which you "
            "are an editor."
        ),
    )
    role = forms.ChoiceField(
        label=gettext_lazy("Role"),
        choices=Role.choices,
        initial=Role.TRANSLATOR,
        help_text=gettext_lazy(
            "A translator translates; a reviewer also approves segments; an editor also "
            "publishes, assigns and invites, in these languages."
        ),
    )
    interface_language = forms.ChoiceField(
        label=gettext_lazy("Interface language"),
        help_text=gettext_lazy("The language of the invitation and of the workspace."),
    )

    def __init__(self, *args, grantable: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["languages"].choices = [
            (code, languages.get(code).native_name) for code in grantable
        ]
        self.fields["interface_language"].choices = list(languages.iter_choices())


@login_required(login_url="accounts:login")
def invite(request):
    grantable = invitations.grantable_languages(request.user)
    if not grantable:
        raise PermissionDenied(_("Only editors invite translators."))
    form = InviteForm(
        request.POST or None,
        grantable=grantable,
        initial={"interface_language": grantable[0] if len(grantable) == 1 else ""},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            invitation = invitations.invite(
                request.user,
                email=data["email"],
                name=data["name"],
                codes=data["languages"],
                role=data["role"],
                interface_language=data["interface_language"],
            )
        except ValidationError as exc:
            form.add_error("email", exc)
        else:
            messages.success(
                request,
                _("An invitation was sent to %(email)s.") % {"email": invitation.user.email},
            )
            return redirect("accounts:invite")
    response = render(
        request,
        "havza_accounts/invite.html",
        {"title": _("Invite a translator"), "form": form, "site_header": "havza",
         "site_title": "havza", "has_permission": True, "is_editor": True},
    )  # fmt: skip
    response.headers.setdefault("Cache-Control", "private, no-store")
    return response
