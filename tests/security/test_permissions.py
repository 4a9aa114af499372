"""Every admin and workspace address × role, on GET and POST, and malformed values posted to
each: read from the URL configuration, so a new view is covered (or the test says how to add
it) the day it is written."""

from __future__ import annotations

import pytest
import reversion
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.urls import URLPattern, URLResolver, get_resolver
from django.views.generic import RedirectView
from reversion.models import Version

from havza.archive.models import GroupingCandidate, ImportedDocument
from havza.publishing.models import Translation
from havza.signatures.models import Delivery, SignOn
from havza.translation.models import LanguageGrant, Role
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def quick_password_hashes(settings):
    """The login page is posted to like every other page here; an argon2 hash per post would
    cost a core for a moment each time. tests/security/test_login.py checks the real one."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# Every address under these paths is in the table, whichever app or namespace serves it.
ROUTES = ("admin/", "translate/")
# Pages anyone may open: the logins and what they need, and what a link sent by email opens
# (a preview or an invitation is reached by its signed token, not by an account).
PUBLIC = {
    "admin:login", "admin:logout", "admin:jsi18n", "admin:password_reset",
    "accounts:login", "accounts:logout", "accounts:welcome", "translation:preview",
}  # fmt: skip


def named_patterns(resolver=None, prefix="", namespace=""):
    """(name, route, pattern) for every pattern, admin's get_urls included."""
    resolver = resolver or get_resolver()
    for p in resolver.url_patterns:
        route = prefix + str(p.pattern)
        if isinstance(p, URLResolver):
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            yield from named_patterns(p, route, ns)
        elif isinstance(p, URLPattern):
            yield (namespace + p.name if p.name else None), route, p


def addresses():
    from django.urls import reverse

    found = []
    for name, route, pattern in named_patterns():
        if not route.startswith(ROUTES):
            continue
        if name is None and getattr(pattern.callback, "view_class", None) is RedirectView:
            continue  # the admin's old addresses, redirected to named ones
        if name is None and pattern.callback.__name__ == "catch_all_view":
            continue  # the admin's answer to an unknown address (a 404, or its login)
        assert name, f"{route} has no name: the permission table cannot reach it"
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
    from django.urls import reverse

    work = f.WorkFactory(original_language="tr")
    tr = f.TranslationFactory(work=work, language="tr", title="Barış", status="published")
    el = f.TranslationFactory(work=work, language="el", title="Ειρήνη", status="published")
    with reversion.create_revision():  # a version in the work's history
        work.save()
    f.OrganizationFactory(acronym="MSWN", names={"en": "Shores"})
    # The archive: a Turkish document, a Greek one, and a pair of them to decide on.
    tr_doc, el_doc = (
        ImportedDocument.objects.create(
            key=t.language,
            path=t.language,
            format="md",
            digest="0",
            status="imported",
            language=t.language,
            title=t.title,
            translation=t,
        )
        for t in (tr, el)
    )
    pair = GroupingCandidate.objects.create(document=tr_doc, other=el_doc, confidence=0.5)
    sign_on = SignOn.objects.create(work=work)  # and a PDF of its signatures, to download
    Delivery.objects.create(sign_on=sign_on, status=Delivery.Status.READY, pdf=b"%PDF-1.7")
    models = {f"{m._meta.app_label}_{m._meta.model_name}": m for m in admin.site._registry}
    objects = {m: o.pk for m in admin.site._registry if (o := m.objects.first()) is not None}
    objects[Translation] = tr.pk
    objects[ImportedDocument] = tr_doc.pk
    objects[GroupingCandidate] = pair.pk
    return {
        "tr": tr,
        "pair": pair,
        # Screens a person who edits only Greek must not open.
        "turkish": {
            reverse("admin:publishing_translation_change", args=[tr.pk]),
            reverse("admin:archive_importeddocument_change", args=[tr_doc.pk]),
        },
        "apps": sorted({m._meta.app_label for m in admin.site._registry}),
        "models": models,
        "objects": objects,
        "values": {
            "work_id": str(work.pk), "lang": "tr", "key": "p1", "fmt": "xliff",
            "content_type_id": str(ContentType.objects.get_for_model(Translation).pk),
            "object_id": str(tr.pk), "id": str(tr.pk),
            "token": "not-a-valid-token", "uidb64": "MQ",
            "version_id": str(Version.objects.get_for_object(work).get().pk),
        },
    }  # fmt: skip


def make_user(role: str):
    if role == "anonymous":
        return None
    User = get_user_model()
    # No password (force_login needs none): nothing to hash.
    user = User.objects.create_user(role, is_staff=True, is_superuser=role == "superuser")
    from django.contrib.auth.models import Permission

    user.user_permissions.set(Permission.objects.all())  # Django allows all; grants decide
    grants = {"translator_el": ("el", Role.TRANSLATOR), "editor_el": ("el", Role.EDITOR),
              "editor_all": ("*", Role.EDITOR)}  # fmt: skip
    if role in grants:
        language, grant = grants[role]
        LanguageGrant.objects.create(user=user, language=language, role=grant)
    return user


def nobody_may(name: str, superuser) -> bool:
    """Whether the admin screen NAME ("admin:app_model_add") is closed even to a superuser."""
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = superuser
    for model, model_admin in admin.site._registry.items():
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}_"
        if name.startswith(prefix):
            checks = {
                "add": model_admin.has_add_permission,
                "delete": model_admin.has_delete_permission,
                "change": model_admin.has_change_permission,
            }
            check = checks.get(name[len(prefix) :])
            return check is not None and not check(request)
    return False


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
                if role in ("translator_el", "editor_el") and url in world["turkish"]:
                    assert status != 200, (role, method, url)
                if (
                    role == "superuser"
                    and method == "get"
                    and name
                    not in PUBLIC
                    | {
                        "admin:autocomplete"  # needs its query parameters; tested by Django
                    }
                ):
                    # 403 only where nobody may (records of the login limiter, of tasks).
                    ok = (
                        (200, 302, 404, 405, 403)
                        if nobody_may(name, user)
                        else (200, 302, 404, 405)
                    )
                    assert status in ok, (url, status)
        if user is not None and "_auth_user_id" not in client.session:
            client.force_login(user)  # the logout page logged them out
    tr.refresh_from_db()
    assert (tr.title, tr.status) == ("Barış", "published")
    assert GroupingCandidate.objects.get().decision == "pending"
    assert seen > 100


def test_the_archive_screens_are_in_the_table(world):
    names = {name for name, _pattern, _reverse in addresses()}
    for model in ("importeddocument", "groupingcandidate"):
        assert {f"admin:archive_{model}_changelist", f"admin:archive_{model}_change"} <= names


# Malformed values by the kind of field they are sent to. Each post gives every field one value
# of its kind, and the posts go through each kind's list, so every field receives every value
# of its kind; empty values are the table's own POST above.
NUMBER = ["abc", "-1", "0", "99999999999999999999999", "١٢"]
LANGUAGE = ["*", "tr\n", "xx", "\u202e\u0000el"]
TEXT = ["\u202e\u0000x", "🙂" * 300]
KINDS = [
    (NUMBER, ["version", "work", "page", "index", "p", "select_across", "_selected_action",
              "assignee"]),
    (LANGUAGE, ["language", "source_language", "target_language"]),
    (TEXT, ["action", "text", "note", "override", "post", "q", "username", "password",
            "decision"]),
]  # fmt: skip


def malformed_posts():
    rounds = max(len(values) for values, _names in KINDS)
    for n in range(rounds):
        yield {field: values[n % len(values)] for values, names in KINDS for field in names}
    yield {field: ["1", "abc", "-5"] for _values, names in KINDS for field in names}


@pytest.mark.parametrize("role", ["editor_el", "superuser"])
def test_malformed_values_never_crash_a_form(client, world, role):
    client.force_login(make_user(role))
    posts = list(malformed_posts())
    posted = 0
    for name, pattern, _reverse in addresses():
        if name in ("admin:logout", "accounts:logout"):
            continue
        for url in fill(name, pattern, world):
            for data in posts:
                assert client.post(url, data).status_code < 500, (url, data)
                posted += 1
    assert "_auth_user_id" in client.session  # every post was made as ROLE
    assert posted > 500
