"""Short texts kept in every language in one JSON column ({"en": "...", "tr": "..."}).

Whole documents get one row per language (publishing.Translation); short labels such as an
organization's name or a topic's slug are a JSON object per field, edited in the admin as one
input per site language, each with its own ``lang`` and ``dir``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

from havza import languages

# Embeddings, overrides and isolates: invisible characters that can reorder the text around
# a name. Marks (LRM, RLM, ALM) are kept: Arabic and Persian writers use them legitimately,
# and every name is shown inside <bdi>, which contains them.
BIDI_CONTROLS = dict.fromkeys(
    [*range(0x202A, 0x202F), *range(0x2066, 0x206A)],
    None,
)


def clean_text(value: str) -> str:
    """Normalize a name or title: NFC, no bidi embeddings or overrides, single spaces."""
    value = unicodedata.normalize("NFC", value).translate(BIDI_CONTROLS)
    return " ".join(value.split())


_BIDI_CONTROL_CHARACTERS = tuple(map(chr, BIDI_CONTROLS))


def strip_bidi_controls(value: str) -> str:
    """VALUE without bidi embeddings, overrides or isolates; everything else as typed."""
    # Looked for first: most texts have none, and translate() copies the whole text. Each
    # character is looked for on its own (a search for one character is a memchr-like
    # scan): five times faster than a regular expression's character class over a body.
    if value.isascii() or not any(c in value for c in _BIDI_CONTROL_CHARACTERS):
        return value
    return value.translate(BIDI_CONTROLS)


# Apps whose models hold what the public site shows.
PUBLIC_APPS = frozenset({"network", "publishing", "signatures"})


def clean_stored_text(instance: models.Model) -> None:
    """Remove bidi controls from every text INSTANCE stores (bodies, credits, names in all
    languages...), whichever way it was written: admin form, workspace, import, shell."""
    for field in instance._meta.concrete_fields:
        value = getattr(instance, field.attname)
        if isinstance(value, str):
            cleaned = strip_bidi_controls(value)
        elif isinstance(field, models.JSONField) and isinstance(value, dict):
            cleaned = {
                key: strip_bidi_controls(text) if isinstance(text, str) else text
                for key, text in value.items()
            }
        else:
            continue
        if cleaned != value:
            setattr(instance, field.attname, cleaned)


def clean_before_save(sender: type[models.Model], instance: models.Model, **kwargs) -> None:
    """``pre_save`` receiver: clean_stored_text for the models of the public apps."""
    if sender._meta.app_label in PUBLIC_APPS and not kwargs.get("raw"):
        clean_stored_text(instance)


def pick(mapping: Mapping[str, str] | None, lang: str, *fallbacks: str) -> str:
    """The text of MAPPING in LANG, else in the first fallback that has one, else any."""
    if not mapping:
        return ""
    for code in (lang, *fallbacks, languages.default().code):
        if code and mapping.get(code):
            return mapping[code]
    return next((v for v in mapping.values() if v), "")


class MultilingualWidget(forms.MultiWidget):
    template_name = "havza/multilingual_widget.html"

    def __init__(self, attrs=None, textarea: bool = False):
        self.codes = languages.codes()
        widgets = {}
        for lang in languages.all_languages():
            widget_attrs = {"lang": lang.tag, "dir": lang.direction, "title": lang.native_name}
            widget_attrs.update(attrs or {})
            widgets[lang.code] = (
                forms.Textarea(attrs={**widget_attrs, "rows": 2})
                if textarea
                else forms.TextInput(attrs=widget_attrs)
            )
        super().__init__(widgets)

    def decompress(self, value):
        value = value or {}
        return [value.get(code, "") for code in self.codes]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for sub, lang in zip(
            context["widget"]["subwidgets"], languages.all_languages(), strict=True
        ):
            sub["language"] = lang
        return context


class MultilingualFormField(forms.MultiValueField):
    def __init__(self, *, required_languages: int = 0, textarea: bool = False, **kwargs):
        self.required_languages = required_languages
        fields = [forms.CharField(required=False) for _ in languages.codes()]
        kwargs.pop("encoder", None)
        kwargs.pop("decoder", None)
        kwargs.pop("max_length", None)
        super().__init__(
            fields=fields,
            widget=MultilingualWidget(textarea=textarea),
            require_all_fields=False,
            **kwargs,
        )

    def compress(self, data_list):
        data = {
            code: clean_text(value)
            for code, value in zip(languages.codes(), data_list or [], strict=False)
            if value and value.strip()
        }
        if self.required and not data:
            raise ValidationError(self.error_messages["required"], code="required")
        return data

    def has_changed(self, initial, data):
        return (initial or {}) != self.compress(data if isinstance(data, list) else [])


class MultilingualField(models.JSONField):
    """A JSON object of texts keyed by site language code."""

    def __init__(self, *args, textarea: bool = False, **kwargs):
        self.textarea = textarea
        kwargs.setdefault("default", dict)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.textarea:
            kwargs["textarea"] = True
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return MultilingualFormField(
            required=not self.blank, textarea=self.textarea, label=self.verbose_name
        )
