"""The admin forms of organizations and people: names drawn with look-alike letters are
stopped before they are saved.

A word mixing scripts ("MЅԜN" with Cyrillic Ѕ and Ԝ) is refused, and so is a new or changed
name that is drawn like the name of another organization or person already in the network
(Cyrillic "ЕАА" beside Greek "ΕΑΑ"): the message names the existing one, so that the editor
picks it instead. An editor who knows better ticks the form's confirmation box and saves.
A name in one script that looks like no other ("ΕΑΑ" among Latin names) passes untouched.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

from babel import Locale, UnknownLocaleError
from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from havza.network.homoglyphs import find_lookalike, mixed_script_words, scripts
from havza.network.models import Organization, Person

CONFIRM = "confirm_names"


@functools.cache
def _script_codes() -> dict[str, str]:
    """Unicode script name ("CYRILLIC") -> ISO 15924 code ("Cyrl"), from CLDR."""
    return {name.upper(): code for code, name in Locale("en").scripts.items()}


def script_names(found: set[str], lang: str) -> str:
    """The scripts FOUND named in LANG ("Kiril, Latin" for a Turkish editor)."""
    try:
        names = Locale.parse(lang.replace("-", "_")).scripts
    except (UnknownLocaleError, ValueError):
        names = {}
    named = [names.get(_script_codes().get(s, ""), s.title()) for s in found]
    return ", ".join(sorted(named))


def mixed_script_problems(names: Iterable[str], lang: str) -> list[ValidationError]:
    errors = []
    for name in names:
        for word in mixed_script_words(name):
            errors.append(
                ValidationError(
                    _(
                        "“%(word)s” mixes letters of different scripts (%(scripts)s) that look "
                        "alike. Type it in one script, or tick the box below if it is written "
                        "as intended."
                    ),
                    params={"word": word, "scripts": script_names(scripts(word), lang)},
                    code="mixed_script",
                )
            )
    return errors


class LookalikeNamesForm(forms.ModelForm):
    """A ModelForm whose names are checked for look-alike letters (see the module's text).

    Subclasses say which fields hold names (``name_fields``; multilingual fields give one name
    per language) and which names an existing record is known by (``record_names``)."""

    name_fields: tuple[str, ...] = ()
    lookalike_message = _(
        "This name looks like that of %(existing)s, which already exists, but is written with "
        "other letters. Choose the existing one instead, or tick the box below if this is a "
        "different one."
    )

    @staticmethod
    def record_names(obj: models.Model) -> Iterator[str]:
        raise NotImplementedError

    def others(self) -> models.QuerySet:
        """The records a name must not be drawn like: all but this one."""
        return self._meta.model.objects.exclude(pk=self.instance.pk)

    @staticmethod
    def display(obj: models.Model, lang: str) -> str:
        raise NotImplementedError

    def _names(self, field: str, value) -> list[str]:
        if isinstance(value, dict):
            return [v for v in value.values() if isinstance(v, str)]
        if isinstance(value, (list, tuple)):
            return [v for v in value if isinstance(v, str)]
        return [value] if isinstance(value, str) else []

    def _new_names(self) -> dict[str, list[str]]:
        """field -> its names that are new or changed in this form."""
        found = {}
        for field in self.name_fields:
            if field not in self.cleaned_data:
                continue
            old = set(self._names(field, self.initial.get(field))) if self.instance.pk else set()
            names = [n for n in self._names(field, self.cleaned_data[field]) if n not in old]
            if names:
                found[field] = names
        return found

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(CONFIRM):
            return cleaned
        new = self._new_names()
        for field, names in new.items():
            for error in mixed_script_problems(names, get_language() or "en"):
                self.add_error(field, error)
        if not new:
            return cleaned
        others = [(o, list(self.record_names(o))) for o in self.others()]
        for field, names in new.items():
            existing = find_lookalike(names, others)
            if existing is not None:
                shown = self.display(existing, get_language() or "en")
                message = ValidationError(
                    self.lookalike_message, params={"existing": f"“{shown}”"}, code="lookalike"
                )
                self.add_error(field, message)
                break
        return cleaned


class OrganizationForm(LookalikeNamesForm):
    confirm_names = forms.BooleanField(
        label=_("This is a different organization: keep the names as typed"),
        required=False,
        help_text=_("Only if the form says a name looks like another organization's."),
    )
    name_fields = ("acronym", "names")

    class Meta:
        model = Organization
        fields = ["acronym", "names", "country", "kind", "website", "is_member", "aliases", "slug"]

    @staticmethod
    def record_names(obj: Organization) -> Iterator[str]:
        yield obj.acronym
        yield from (obj.names or {}).values()
        yield from (a for a in obj.aliases or [] if isinstance(a, str))

    @staticmethod
    def display(obj: Organization, lang: str) -> str:
        return obj.display(lang)


class PersonForm(LookalikeNamesForm):
    confirm_names = forms.BooleanField(
        label=_("This is a different person: keep the names as typed"),
        required=False,
        help_text=_("Only if the form says a name looks like another person's."),
    )
    name_fields = ("name", "display_names")

    class Meta:
        model = Person
        fields = ["name", "display_names", "organization", "country", "slug"]

    @staticmethod
    def record_names(obj: Person) -> Iterator[str]:
        yield obj.name
        yield from (obj.display_names or {}).values()

    @staticmethod
    def display(obj: Person, lang: str) -> str:
        return obj.display(lang)
