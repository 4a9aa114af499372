"""An editor's world: the organizations that sign, and editors with their own interface
language. The catalogs are compiled as for the i18n tests (the admin must speak Turkish)."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from havza.accounts.models import Profile
from havza.translation.models import LanguageGrant, Role
from tests import factories as f
from tests.checkers.conftest import browser  # noqa: F401 -- Chromium through Playwright

# The three signatories of the statement, in the order they sign, and their countries as a
# Turkish and an Arabic reader see them.
SIGNATORIES = [
    ("WRP", "Workers Revolutionary Party", "GR", "Yunanistan", "اليونان"),
    ("ORA", "Organization of Revolutionary Argentina", "AR", "Arjantin", "الأرجنتين"),
    ("LMS", "Labour Movement of Senegal", "SN", "Senegal", "السنغال"),
]

# The editor's statement: English original, then Turkish, Arabic and Greek.
TEXTS = {
    "en": ("Peace across the sea", "The workers of the shores stand together.\n\nNo to war."),
    "tr": ("Denizin ötesinde barış", "Kıyıların işçileri birlikte duruyor.\n\nSavaşa hayır."),
    "ar": ("السلام عبر البحر", "عمال الشواطئ يقفون معًا.\n\nلا للحرب."),
    "el": (
        "Ειρήνη πέρα από τη θάλασσα",
        "Οι εργάτες των ακτών στέκονται μαζί.\n\nΌχι στον πόλεμο.",
    ),
}


@pytest.fixture
def organizations(db):
    return [
        f.OrganizationFactory(acronym=acronym, names={"en": name}, country=country)
        for acronym, name, country, *_ in SIGNATORIES
    ]


@pytest.fixture
def make_editor(db):
    """A staff member who may edit works and the network (not a superuser), speaking LANG."""

    def make(username: str, lang: str = "", superuser: bool = False, grant: str | None = "*"):
        user = get_user_model().objects.create_user(
            username, password="pw-" + username, is_staff=True, is_superuser=superuser
        )
        user.user_permissions.set(
            Permission.objects.filter(
                content_type__app_label__in=["publishing", "signatures", "network"]
            )
        )
        if lang:
            Profile.objects.create(user=user, interface_language=lang)
        # Django's permissions say what kind of things; the grant says in which languages.
        if grant:
            LanguageGrant.objects.create(user=user, language=grant, role=Role.EDITOR)
        return user

    return make
