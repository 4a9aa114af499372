"""Pages where a person changes their own preferences."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from havza import languages
from havza.accounts.middleware import interface_language
from havza.accounts.models import Profile
from havza.accounts.services import set_interface_language


class PreferencesForm(forms.Form):
    interface_language = forms.ChoiceField(
        label=gettext_lazy("Interface language"),
        required=False,
        help_text=Profile._meta.get_field("interface_language").help_text,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["interface_language"].choices = [
            ("", _("As my browser asks")),
            *languages.iter_choices(),
        ]


@login_required(login_url="admin:login")
def preferences(request):
    """Everyone who logs in (editors, reviewers, translators) chooses the language the admin
    and the translators' workspace speak to them."""
    profile = getattr(request.user, "havza_profile", None)
    current = profile.interface_language if profile else ""
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = ""
    form = PreferencesForm(request.POST or None, initial={"interface_language": current})
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["interface_language"]
        set_interface_language(request.user, code)
        request.user.refresh_from_db()
        with translation.override(interface_language(request)):
            messages.success(
                request, _("Saved. The admin and the workspace now speak this language.")
            )
        return redirect(next_url or "admin:index")
    context = {
        **admin.site.each_context(request),
        "title": _("Your preferences"),
        "form": form,
        "next": next_url,
    }
    return render(request, "havza_accounts/preferences.html", context)
