"""Organizations and people named with look-alike letters in the admin: the form names the one
that exists, and saves only when the editor confirms that it is a different one."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse

from havza import languages
from havza.accounts.models import Profile
from havza.network.models import Organization, Person
from tests import factories as f

pytestmark = pytest.mark.django_db

ADD_ORG = reverse("admin:network_organization_add")
ADD_PERSON = reverse("admin:network_person_add")


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_user("deniz", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="network"))
    Profile.objects.create(user=user, interface_language="en")
    client.force_login(user)  # the login limiter refuses client.login()'s bare request
    return user


@pytest.fixture
def mswn():
    return f.OrganizationFactory(
        acronym="MSWN",
        names={"en": "Mediterranean Shores Workers' Network", "tr": "Akdeniz Kıyı İşçi Ağı"},
        country="GR",
    )


def organization(acronym: str, name: str, **extra) -> dict[str, str]:
    data = {"acronym": acronym, "country": "", "kind": "other",
            "website": "", "aliases": "[]", "slug": ""}  # fmt: skip
    data.update({f"names_{code}": "" for code in languages.codes()})
    data["names_en"] = name
    data.update(extra)
    return data


def errors(response) -> str:
    """The form's error messages as the page showed them (in the editor's language)."""
    assert response.status_code == 200, "the form was saved"
    page = BeautifulSoup(response.content, "html.parser")
    return " ".join(item.get_text() for item in page.select("ul.errorlist li"))


def test_a_cyrillic_acronym_drawn_like_an_existing_one_is_refused_naming_it(client, editor, mswn):
    response = client.post(ADD_ORG, organization("MЅԜN", "Shores network"))
    message = errors(response)
    assert "MSWN (Mediterranean Shores Workers' Network)" in message
    assert "mixes letters of different scripts (Cyrillic, Latin)" in message
    assert Organization.objects.count() == 1


def test_an_all_cyrillic_lookalike_of_a_greek_acronym_is_refused(client, editor):
    f.OrganizationFactory(acronym="ΕΑΑ", names={"en": "Aegean Workers' Solidarity"})
    message = errors(client.post(ADD_ORG, organization("ЕАА", "Aegean solidarity")))
    assert "ΕΑΑ (Aegean Workers' Solidarity)" in message
    assert "mixes" not in message  # one script in the word: only the look-alike is reported
    assert Organization.objects.count() == 1


def test_a_greek_acronym_beside_latin_organizations_is_saved(client, editor, mswn):
    f.OrganizationFactory(acronym="WRP", names={"en": "Workers Revolutionary Party"})
    response = client.post(ADD_ORG, organization("ΕΑΑ", "Aegean Workers' Solidarity"))
    assert response.status_code == 302
    assert Organization.objects.filter(acronym="ΕΑΑ").exists()


def test_a_lookalike_name_in_any_language_is_refused(client, editor, mswn):
    data = organization("ASW", "Aegean Shores")
    data["names_tr"] = "Akdeniz Kıyı İşçi Ağı".replace("A", "А")  # Cyrillic А
    message = errors(client.post(ADD_ORG, data))
    assert "MSWN" in message
    assert Organization.objects.count() == 1


def test_the_editor_may_confirm_that_it_is_a_different_organization(client, editor, mswn):
    response = client.post(ADD_ORG, organization("MЅԜN", "Shores", confirm_names="on"))
    assert response.status_code == 302
    assert Organization.objects.filter(acronym="MЅԜN").exists()


def test_an_unchanged_name_is_not_checked_again(client, editor, mswn):
    twin = f.OrganizationFactory(acronym="MЅԜN", names={"en": "Confirmed twin"})
    url = reverse("admin:network_organization_change", args=[twin.pk])
    data = organization("MЅԜN", "Confirmed twin", website="https://example.org/")
    assert client.post(url, data).status_code == 302
    twin.refresh_from_db()
    assert twin.website == "https://example.org/"
    # Changing the name to another look-alike is checked.
    message = errors(client.post(url, organization("MЅWN", "Confirmed twin")))
    assert "MSWN" in message


def test_the_message_is_in_the_editors_language(client, editor, mswn):
    Profile.objects.filter(user=editor).update(interface_language="tr")
    message = errors(client.post(ADD_ORG, organization("MЅԜN", "Shores")))
    # The existing organization named as a Turkish editor reads it, in a Turkish sentence.
    assert "MSWN (Akdeniz Kıyı İşçi Ağı)" in message
    assert "zaten var" in message
    assert "(Kiril, Latin)" in message  # the scripts named in Turkish


def test_a_person_named_with_lookalike_letters_is_refused_naming_the_existing_one(client, editor):
    f.PersonFactory(name="Nikos Pappas", country="GR")
    data = {"name": "Nikos Рappas", "organization": "", "country": "", "slug": ""}  # Cyrillic Р
    message = errors(client.post(ADD_PERSON, data))
    assert "“Nikos Pappas”" in message
    assert Person.objects.count() == 1
    data["confirm_names"] = "on"
    assert client.post(ADD_PERSON, data).status_code == 302
    assert Person.objects.count() == 2


def test_a_person_of_the_same_name_in_another_script_is_saved(client, editor):
    f.PersonFactory(name="Nikos Pappas", country="GR")
    data = {"name": "Νίκος Παππάς", "organization": "", "country": "", "slug": ""}
    assert client.post(ADD_PERSON, data).status_code == 302
