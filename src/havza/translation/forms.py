"""What the workspace accepts from a browser: every parameter checked before any service sees
it, so a missing, odd or hostile value gets a clear message in the person's language (HTTP
400), never a crash."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from havza import languages

MAX_ID = 2**31 - 1  # the largest key every database takes
MAX_SEGMENT = 20_000  # characters in one segment: a long paragraph is a few thousand
MAX_NOTE = 2_000


def _language_choices():
    return [(code, code) for code in languages.codes()]


class SegmentForm(forms.Form):
    """A save or a review of one segment. A save must say which version of the segment the
    translator started from: without it a save would overwrite someone else's work unseen."""

    action = forms.ChoiceField(
        choices=[("save", "save"), ("approve", "approve"), ("reject", "reject")],
        required=False,
    )
    text = forms.CharField(required=False, strip=False, max_length=MAX_SEGMENT)
    version = forms.IntegerField(
        required=False,
        min_value=0,
        max_value=MAX_ID,
        error_messages={"invalid": _("The segment’s version must be a whole number.")},
    )
    override = forms.BooleanField(required=False)
    note = forms.CharField(required=False, max_length=MAX_NOTE)

    def clean_action(self) -> str:
        return self.cleaned_data.get("action") or "save"

    def clean(self):
        data = super().clean()
        missing = data.get("action", "save") == "save" and data.get("version") is None
        if missing and "version" not in self.errors:
            self.add_error(
                "version",
                _(
                    "Not saved: the page did not say which version of the segment you "
                    "edited. Reload the page and save again."
                ),
            )
        return data


class AssignForm(forms.Form):
    work = forms.IntegerField(min_value=1, max_value=MAX_ID)
    language = forms.ChoiceField(choices=_language_choices)
    assignee = forms.CharField(max_length=150)
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_ID)


class PublishForm(forms.Form):
    action = forms.ChoiceField(
        choices=[("publish", "publish"), ("unpublish", "unpublish")], required=False
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        error_messages={"required": _("Choose a file to import.")},
        max_length=255,
    )


def first_error(form: forms.Form) -> str:
    """The form's errors as one sentence per field, for a message or a JSON answer."""
    return " ".join(str(message) for errors in form.errors.values() for message in errors)
