"""No text the public site shows keeps a bidi embedding, override or isolate once stored.

Such characters are invisible and reorder the text around them ("evil\u202egpj.exe" shows as
"evilexe.jpg"): a title, a body, a translator's credit or an organization's name could
show something other than what was typed. Marks (LRM, RLM, ALM) are legitimate and kept.
"""

from __future__ import annotations

from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db import models
from django.forms import ChoiceField, MultiWidget
from django.test import RequestFactory
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from havza.multilingual import PUBLIC_APPS, MultilingualField
from havza.network.models import Event, Organization, Person, Topic
from havza.publishing.models import Translation
from tests import factories as f

CONTROLS = [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]
MARKS = ["\u200e", "\u200f", "\u061c"]
hostile = st.text(
    alphabet=st.sampled_from([*CONTROLS, *MARKS, "a", "b", "ع", "ש", " ", "1", ".", "\n"]),
    min_size=1,
    max_size=24,
).filter(lambda s: s.strip(" \n"))
# Fields whose value is a code the product checks, not text a person types.
CODES = {"language", "original_language"}

FACTORIES = {
    Organization: f.OrganizationFactory,
    Person: f.PersonFactory,
    Topic: f.TopicFactory,
    Event: f.EventFactory,
    Translation: f.TranslationFactory,
}
DB_SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def text_fields(model: type[models.Model]) -> list[models.Field]:
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField | MultilingualField)
        and not isinstance(field, models.SlugField)
        and field.editable
        and not field.choices
        and field.name not in CODES
    ]


def fill(instance: models.Model, text: str) -> None:
    for field in text_fields(type(instance)):
        if isinstance(field, MultilingualField):
            setattr(instance, field.attname, {"en": text, "ar": text + "ع"})
        elif isinstance(field, models.URLField):
            setattr(instance, field.attname, f"https://example.org/{text.strip()}")
        else:
            limit = field.max_length or 10_000
            setattr(instance, field.attname, text[:limit])


def bidi_left() -> list[tuple[str, int, str]]:
    """(model, pk, field) of every stored text of the public apps holding a bidi control."""
    found = []
    for label in PUBLIC_APPS:
        if label not in apps.app_configs:
            continue
        for model in apps.get_app_config(label).get_models():
            fields = [
                field.attname
                for field in model._meta.concrete_fields
                if isinstance(field, models.CharField | models.TextField | models.JSONField)
            ]
            for row in model.objects.values("pk", *fields):
                for name in fields:
                    value = row[name]
                    texts = value.values() if isinstance(value, dict) else [value]
                    if any(isinstance(t, str) and set(t) & set(CONTROLS) for t in texts):
                        found.append((model.__name__, row["pk"], name))
    return found


@DB_SETTINGS
@given(text=hostile)
def test_saving_any_public_model_removes_bidi_controls(db, text):
    for factory in FACTORIES.values():
        instance = factory()
        fill(instance, text)
        instance.save()
    assert bidi_left() == []


@DB_SETTINGS
@given(text=hostile)
def test_translations_created_in_bulk_hold_no_bidi_controls(db, text):
    from havza.publishing import bulk

    work = f.WorkFactory()
    translation = Translation(work=work, language="en", status="published")
    fill(translation, text)
    bulk.create_translations([translation])
    assert bidi_left() == []


def form_data(form) -> dict[str, object]:
    """What the admin's form posts back unchanged."""
    data: dict[str, object] = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if isinstance(field.widget, MultiWidget):
            parts = value if isinstance(value, list) else field.widget.decompress(value)
            for suffix, part in zip(field.widget.widgets_names, parts, strict=True):
                data[name + suffix] = part or ""
        elif isinstance(value, list | tuple):
            data[name] = [v for v in value if v is not None]
        elif value is not None:
            data[name] = value
    return data


@DB_SETTINGS
@given(text=hostile)
def test_admin_forms_store_no_bidi_controls(db, text):
    editor = get_user_model().objects.filter(username="h5-admin").first()
    editor = editor or get_user_model().objects.create_superuser("h5-admin", password="x")
    request = RequestFactory().post("/admin/")
    request.user = editor
    for model, factory in FACTORIES.items():
        if model not in admin.site._registry:
            continue
        instance = factory()
        model_admin = admin.site._registry[model]
        Form = model_admin.get_form(request, instance, change=True)
        data = form_data(Form(instance=instance))
        for field in text_fields(model):
            if field.name not in Form.base_fields or isinstance(
                Form.base_fields[field.name], ChoiceField
            ):
                continue
            widget = Form.base_fields[field.name].widget
            if isinstance(widget, MultiWidget):
                for suffix in widget.widgets_names:
                    data[field.name + suffix] = text
            elif isinstance(field, models.URLField):
                data[field.name] = "https://example.org/a"
            else:
                data[field.name] = text
        # Look-alike names are asked about; the editor confirms: the subject here is bidi.
        data.update({name: "on" for name in Form.base_fields if name.startswith("confirm")})
        form = Form(data, instance=instance)
        assert form.is_valid(), (model.__name__, form.errors)
        form.save()
    assert bidi_left() == []


def test_marks_are_kept_and_controls_removed_from_a_body(db):
    t = f.TranslationFactory(
        body_markdown="a \u202eabc\u202c \u200fב", translator_credit="\u2067Nadia\u2069"
    )
    t.refresh_from_db()
    assert t.body_markdown == "a abc \u200fב" and t.translator_credit == "Nadia"
    assert "\u200f" in t.body_html
