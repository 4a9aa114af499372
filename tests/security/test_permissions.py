"""Every admin and workspace address × role, on GET and POST, and malformed values posted to
each: read from the URL configuration, so a new view is covered (or the test says how to add
it) the day it is written."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.urls import URLPattern, URLResolver, get_resolver

from havza.publishing.models import Translation
from havza.translation.models import LanguageGrant, Role
from tests import factories as f

pytestmark = pytest.mark.django_db

PREFIXES = ("admin", "translation", "preferences")
# Pages anyone may open: the login itself and what it needs.
PUBLIC = {"admin:login", "admin:logout", "admin:jsi18n", "admin:password_reset"}


def named_patterns(resolver=None, prefix="", namespace=""):
    """(name, route with <kwargs>) for every pattern, admin's get_urls included."""
    resolver = resolver or get_resolver()
    for p in resolver.url_patterns:
        route = prefix + str(p.pattern)
        if isinstance(p, URLResolver):
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            yield from named_patterns(p, route, ns)
        elif isinstance(p, URLPattern) and p.name:
            yield namespace + p.name, p


def addresses():
    from django.urls import reverse

    found = []
    for name, pattern in named_patterns():
        if not name.startswith(PREFIXES):
            continue
        found.append((name, pattern, reverse))
    return found


def fill(name: str, pattern, world) -> list[str]:
    """The addresses to visit for the pattern NAME; fails for a pattern it cannot fill."""
    from django.urls import reverse

    keys = list(pattern.pattern.converters) or list(pattern.pattern.regex.groupindex)
    if name == "admin:app_list":
        return [reverse(name, kwargs={"app_label": label}) for label in world["apps"]]
    kwargs = {}
    for key in keys:
        if key == "object_id":
            model = world["models"].get(name.split(":")[1].rsplit("_", 1)[0])
            kwargs[key] = str(world["objects"].get(model, 999999)) if model else "1"
        elif key in world["values"]:
            kwargs[key] = world["values"][key]
        else:
            pytest.fail(
                f"{name}: the permission table does not know how to fill <{key}>; "
                f"add a value for it to the world fixture in {__file__}"
            )
    return [reverse(name, kwargs=kwargs)]


@pytest.fixture
def world(db):
    work = f.WorkFactory(original_language="tr")
    tr = f.TranslationFactory(work=work, language="tr", title="Barış", status="published")
    f.TranslationFactory(work=work, language="el", title="Ειρήνη", status="published")
    f.OrganizationFactory(acronym="MSWN", names={"en": "Shores"})
    models = {f"{m._meta.app_label}_{m._meta.model_name}": m for m in admin.site._registry}
    objects = {m: o.pk for m in admin.site._registry if (o := m.objects.first()) is not None}
    objects[Translation] = tr.pk
    return {
        "tr": tr,
        "apps": sorted({m._meta.app_label for m in admin.site._registry}),
        "models": models,
        "objects": objects,
        "values": {
            "work_id": str(work.pk), "lang": "tr", "key": "p1", "fmt": "xliff",
            "content_type_id": str(ContentType.objects.get_for_model(Translation).pk),
            "object_id": str(tr.pk), "id": str(tr.pk),
        },
    }  # fmt: skip


def make_user(role: str):
    if role == "anonymous":
        return None
    User = get_user_model()
    user = User.objects.create_user(role, password="x", is_staff=True,
                                    is_superuser=role == "superuser")  # fmt: skip
    from django.contrib.auth.models import Permission

    user.user_permissions.set(Permission.objects.all())  # Django allows all; grants decide
    grants = {"translator_el": ("el", Role.TRANSLATOR), "editor_el": ("el", Role.EDITOR),
              "editor_all": ("*", Role.EDITOR)}  # fmt: skip
    if role in grants:
        language, grant = grants[role]
        LanguageGrant.objects.create(user=user, language=language, role=grant)
    return user


ROLES = ["anonymous", "translator_el", "editor_el", "editor_all", "superuser"]


@pytest.mark.parametrize("role", ROLES)
def test_every_address_by_role_on_get_and_post(client, world, role):
    user = make_user(role)
    if user is not None:
        client.force_login(user)
    tr = world["tr"]
    seen = 0
    for name, pattern, _reverse in addresses():
        for url in fill(name, pattern, world):
            for method in ("get", "post"):
                response = getattr(client, method)(url)
                seen += 1
                status = response.status_code
                assert status < 500, (role, method, url)
                if role == "anonymous" and name not in PUBLIC:
                    assert status in (302, 403, 404, 405), (method, url, status)
                if role in ("translator_el", "editor_el") and url.rstrip("/").endswith(
                    f"/publishing/translation/{tr.pk}/change"
                ):
                    assert status != 200, url
                if (
                    role == "superuser"
                    and method == "get"
                    and name
                    not in PUBLIC
                    | {
                        "admin:autocomplete"  # needs its query parameters; tested by Django
                    }
                ):
                    # 403 only where nobody may add (records of the login limiter).
                    ok = (
                        (200, 302, 404, 405, 403) if name.endswith("_add") else (200, 302, 404, 405)
                    )
                    assert status in ok, (url, status)
        if user is not None and "_auth_user_id" not in client.session:
            client.force_login(user)  # the logout page logged them out
    tr.refresh_from_db()
    assert (tr.title, tr.status) == ("Barış", "published")
    assert seen > 100


JUNK = ["", "abc", "-1", "0", "99999999999999999999999", "١٢", "\u202e\u0000x", "🙂" * 300,
        "1.5", "tr\n", "*"]  # fmt: skip
FIELDS = ["version", "work", "language", "assignee", "page", "action", "text", "note",
          "override", "index", "select_across", "_selected_action", "post", "q", "p",
          "source_language", "target_language", "username", "password"]  # fmt: skip


@pytest.mark.parametrize("role", ["editor_el", "superuser"])
def test_malformed_values_never_crash_a_form(client, world, role):
    client.force_login(make_user(role))
    posted = 0
    for name, pattern, _reverse in addresses():
        if name in ("admin:logout",):
            continue
        for url in fill(name, pattern, world):
            for junk in JUNK:
                data = {field: junk for field in FIELDS}
                assert client.post(url, data).status_code < 500, (url, junk)
                posted += 1
            arrays = {field: ["1", "abc", "-5"] for field in FIELDS}
            assert client.post(url, arrays).status_code < 500, (url, "arrays")
            assert client.post(url, {}).status_code < 500, (url, "empty")
            posted += 2
    assert posted > 500
