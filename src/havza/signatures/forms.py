"""The sign form: what a person may type, checked before anything is stored."""

from __future__ import annotations

from functools import cache

from django import forms
from django.core.validators import URLValidator
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from havza import countries, languages
from havza.signatures import collation
from havza.signatures.defences import clean_name
from havza.signatures.models import NAME_MAX, Signature

NAME_MIN = 2


@cache
def country_choices(lang: str) -> tuple[tuple[str, str], ...]:
    """Countries named in LANG (CLDR), in LANG's alphabetical order (``collation``: so
    "Österreich" sorts with O in German and "Özbekistan" after every O in Turkish)."""
    named = [(code, countries.name(code, lang)) for code in countries.codes()]
    return tuple(collation.sorted_in(named, lang, key=lambda item: item[1]))


def consent_text(lang: str) -> str:
    """The consent a signer gives, in LANG; stored with each signature as shown."""
    with translation.override(lang):
        return _(
            "I agree that my name, with the organization, role and country I gave, is shown "
            "publicly among the signatories of this statement."
        )


class SignForm(forms.Form):
    type = forms.ChoiceField(choices=Signature.Type.choices)
    name = forms.CharField(max_length=NAME_MAX * 2)
    organization_name = forms.CharField(max_length=NAME_MAX * 2, required=False)
    role = forms.CharField(max_length=NAME_MAX * 2, required=False)
    country = forms.CharField(max_length=2)
    email = forms.EmailField(max_length=254)
    website = forms.CharField(max_length=300, required=False)
    consent = forms.BooleanField(
        error_messages={"required": gettext_lazy("Signing needs your consent.")}
    )
    # Left empty by people: the field is hidden from them, not from robots filling forms.
    homepage = forms.CharField(required=False)
    altcha = forms.CharField(required=False, max_length=2000)

    def __init__(self, *args, lang: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.lang = lang

    def _clean_text(self, field: str, required: bool) -> str:
        value = clean_name(self.cleaned_data.get(field, ""))
        if len(value) > NAME_MAX:
            raise forms.ValidationError(
                _("At most %(count)s characters, please.") % {"count": NAME_MAX}
            )
        if required and len(value) < NAME_MIN:
            raise forms.ValidationError(_("Please write the name in full."))
        return value

    def clean_name(self) -> str:
        return self._clean_text("name", True)

    def clean_organization_name(self) -> str:
        return self._clean_text("organization_name", False)

    def clean_role(self) -> str:
        return self._clean_text("role", False)

    def clean_country(self) -> str:
        code = self.cleaned_data["country"].upper()
        if not countries.is_country(code):
            raise forms.ValidationError(_("Please choose a country from the list."))
        return code

    def clean_website(self) -> str:
        url = self.cleaned_data.get("website", "").strip()
        if not url:
            return ""
        if not url.startswith(("http://", "https://")):
            url = "https://" + url
        try:
            URLValidator(schemes=["http", "https"])(url)
        except forms.ValidationError:
            raise forms.ValidationError(
                _("Please give a web address, or leave it empty.")
            ) from None
        return url

    @property
    def is_robot(self) -> bool:
        return bool(self.data.get("homepage"))

    @property
    def language(self) -> str:
        return self.lang if languages.get(self.lang) else languages.default().code


class _SharedFields(dict):
    """A form's fields, shared by its instances. Django copies every field (and its widget)
    for each form, so that a form may change its own; a sign form changes none, it only
    checks what was sent, and the copies were a tenth of a sign-on's time."""

    def __deepcopy__(self, memo: dict) -> _SharedFields:
        return _SharedFields(self)


SignForm.base_fields = _SharedFields(SignForm.base_fields)
