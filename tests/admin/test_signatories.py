"""A joint statement's list of signatories is a public claim: through the work screen, a
row's country follows its organization unless the editor sets it, and nobody signs twice."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from havza.publishing.models import Signatory, Work
from tests import factories as f
from tests.admin.forms import form_fields
from tests.admin.test_work_screen import ADD, new_statement_data


def page(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def statement(client, make_editor, organizations):
    """The editor's statement signed by WRP (GR), ORA (AR) and LMS (SN), and its screen."""
    client.force_login(make_editor("ayse", lang="tr"))
    assert client.post(ADD, new_statement_data(client, organizations)).status_code == 302
    work = Work.objects.get()
    return work, reverse("admin:publishing_work_change", args=[work.pk])


def signed(work) -> list[tuple[str, str]]:
    rows = Signatory.objects.filter(work=work).order_by("position")
    return [(s.organization.acronym, s.country) for s in rows]


def row_of(data: dict, org) -> str:
    """The prefix of the signatory row that names ORG, e.g. "signatories-1"."""
    key = next(k for k, v in data.items() if k.endswith("-organization") and v == str(org.pk))
    return key.rsplit("-", 1)[0]


@pytest.mark.django_db
def test_another_organization_brings_its_own_country(client, statement, organizations):
    work, url = statement
    sjs = f.OrganizationFactory(
        acronym="SJS", names={"en": "Socialist Youth of Spain"}, country="ES"
    )
    data = form_fields(client.get(url).content, "work_form")
    row = row_of(data, organizations[0])
    assert data[f"{row}-country"] == "GR"
    data[f"{row}-organization"] = str(sjs.pk)  # the country menu is left as it shows
    assert client.post(url, data).status_code == 302
    assert signed(work) == [("SJS", "ES"), ("ORA", "AR"), ("LMS", "SN")]

    spanish = page(client.get(work.translations.get(language="tr").get_absolute_url()))
    first = spanish.select("section.signatories li")[0].get_text(" ", strip=True)
    assert first.startswith("SJS") and first.endswith("İspanya")


@pytest.mark.django_db
def test_a_country_chosen_with_the_new_organization_is_kept(client, statement, organizations):
    work, url = statement
    sjs = f.OrganizationFactory(
        acronym="SJS", names={"en": "Socialist Youth of Spain"}, country="ES"
    )
    data = form_fields(client.get(url).content, "work_form")
    row = row_of(data, organizations[1])
    data[f"{row}-organization"] = str(sjs.pk)
    data[f"{row}-country"] = "PT"  # it signs from its office in Lisbon
    assert client.post(url, data).status_code == 302
    assert signed(work) == [("WRP", "GR"), ("SJS", "PT"), ("LMS", "SN")]


@pytest.mark.django_db
def test_a_country_set_on_purpose_stays_when_other_fields_change(client, statement, organizations):
    work, url = statement
    data = form_fields(client.get(url).content, "work_form")
    row = row_of(data, organizations[2])
    data[f"{row}-country"] = "FR"
    assert client.post(url, data).status_code == 302
    data = form_fields(client.get(url).content, "work_form")
    data[f"{row_of(data, organizations[2])}-role"] = "issuer"
    assert client.post(url, data).status_code == 302
    assert signed(work) == [("WRP", "GR"), ("ORA", "AR"), ("LMS", "FR")]


@pytest.mark.django_db
def test_an_organization_added_twice_is_refused_naming_the_rows(client, statement, organizations):
    work, url = statement
    data = form_fields(client.get(url).content, "work_form")
    wrp_row = row_of(data, organizations[0])
    data["signatories-3-organization"] = str(organizations[0].pk)  # the first empty row
    response = client.post(url, data)
    html = page(response)
    errors = [e.get_text(" ", strip=True) for e in html.select("#signatories-group .errorlist")]
    wrp = str(organizations[0])
    first, repeated = int(wrp_row.rsplit("-", 1)[1]) + 1, 4
    # In the editor's language (Turkish), naming the organization and both rows.
    assert errors == [f"{wrp} {first}. satırda zaten imzacı; {repeated}. satır onu tekrarlıyor."]
    assert signed(work) == [("WRP", "GR"), ("ORA", "AR"), ("LMS", "SN")]


@pytest.mark.django_db
def test_a_new_statement_with_a_person_twice_is_not_saved(client, make_editor, organizations):
    client.force_login(make_editor("sam", lang="en"))
    person = f.PersonFactory(name="Amina Haddad", country="EG")
    data = new_statement_data(client, organizations[:1])
    for row in (1, 2):
        data[f"signatories-{row}-person"] = str(person.pk)
    html = page(client.post(ADD, data))
    assert "Amina Haddad already signs in row 2; row 3 repeats it." in html.get_text()
    assert not Work.objects.exists()
