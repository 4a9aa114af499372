from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from havza.translation.models import LanguageGrant, Role
from tests.admin.conftest import make_editor, organizations  # noqa: F401 -- the work screen's
from tests.checkers.conftest import browser  # noqa: F401 -- Chromium through Playwright
from tests.factories import TranslationFactory, WorkFactory

PARAGRAPHS = [
    "The workers of the Mediterranean met in Athens on 9 May 2023.",
    "They discussed the war, the cost of living and the attacks on unions.",
    "More than 45 organizations from 12 countries took part in the meeting.",
    "The delegates agreed that solidarity must cross every border.",
    "A common campaign against privatization of ports was decided.",
    "The next meeting will be held in Istanbul in the spring of 2024.",
    "Every organization will publish this statement in its own language.",
    "Long live international solidarity!",
]


def body(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs) + "\n"


@pytest.fixture
def make_user(db):
    def make(name: str, *grants: tuple[str, str], superuser: bool = False):
        user = get_user_model().objects.create_user(
            name, password="pw-" + name, is_staff=True, is_superuser=superuser
        )
        for language, role in grants:
            LanguageGrant.objects.create(user=user, language=language, role=role)
        return user

    return make


@pytest.fixture
def editor(make_user):
    return make_user("editor", ("*", Role.EDITOR))


@pytest.fixture
def statement(db):
    """An English statement of eight paragraphs."""
    work = WorkFactory(original_language="en")
    original = TranslationFactory(
        work=work, language="en", title="Solidarity across the sea", body_markdown=body(PARAGRAPHS)
    )
    return original


@pytest.fixture
def client_factory():
    """A test client logged in as USER (force_login: axes refuses client.login), whose
    browser asks for English (the tests read the workspace's English words)."""
    from django.test import Client

    def make(user):
        c = Client(HTTP_ACCEPT_LANGUAGE="en")
        c.force_login(user)
        return c

    return make


@pytest.fixture
def english():
    """The services' messages in English (the site's default language is Turkish)."""
    from django.utils import translation

    with translation.override("en"):
        yield
