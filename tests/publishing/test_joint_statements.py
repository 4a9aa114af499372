"""A joint statement is a kind of its own: its issuers are its byline in listings, on its
page and in JSON-LD, and its exported pages are the live ones."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from bs4 import BeautifulSoup

from havza.export import builder
from havza.publishing.models import Signatory
from tests import factories as f


def soup_of(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def joint(db):
    """A joint statement in English and Arabic issued by two organizations, without authors."""
    work = f.WorkFactory(kind="joint_statement", original_language="en", published_on=None)
    shores = f.OrganizationFactory(
        acronym="", names={"en": "Network of the Shores", "ar": "شبكة الشواطئ"}, country="GR"
    )
    harbour = f.OrganizationFactory(acronym="", names={"en": "Harbour Union"}, country="TR")
    for position, org in enumerate([shores, harbour]):
        Signatory.objects.create(
            work=work, organization=org, role=Signatory.Role.ISSUER, position=position
        )
    f.SignatoryFactory(work=work, organization=f.OrganizationFactory(acronym="SG"), position=2)
    for lang, title in [("en", "No walls on the sea"), ("ar", "لا جدران في البحر")]:
        f.TranslationFactory(
            work=work,
            language=lang,
            title=title,
            published_at=dt.datetime(2024, 4, 1, 9, tzinfo=dt.UTC),
        )
    return work


def listed_byline(soup, title: str) -> list[str]:
    link = soup.find("a", string=title)
    assert link is not None, title
    return [a.get_text() for a in link.find_parent("li").select(".meta a")]


@pytest.mark.parametrize(
    ("lang", "title", "names", "heading"),
    [
        (
            "en",
            "No walls on the sea",
            ["Network of the Shores", "Harbour Union"],
            "Joint statements",
        ),
        ("ar", "لا جدران في البحر", ["شبكة الشواطئ", "Harbour Union"], "بيانات مشتركة"),
    ],
)
def test_its_issuers_are_its_byline_on_the_home_page_and_its_listing(
    client, joint, lang, title, names, heading
):
    assert listed_byline(soup_of(client.get(f"/{lang}/")), title) == names
    listing = soup_of(client.get(f"/{lang}/joint-statements/"))
    assert listing.find("h1").get_text(strip=True) == heading
    assert listed_byline(listing, title) == names
    statements = soup_of(client.get(f"/{lang}/statements/"))
    assert statements.find("a", string=title) is None


def test_its_page_names_its_issuers_and_json_ld_credits_them_as_organizations(client, joint):
    t = joint.translations.get(language="en")
    soup = soup_of(client.get(t.get_absolute_url()))
    assert soup.select_one(".kind a").get_text() == "Joint statement"
    assert soup.select_one(".kind a")["href"] == "/en/joint-statements/"
    assert [a.get_text() for a in soup.select(".byline a")] == [
        "Network of the Shores",
        "Harbour Union",
    ]
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert [(a["@type"], a["name"]) for a in data["author"]] == [
        ("Organization", "Network of the Shores"),
        ("Organization", "Harbour Union"),
    ]
    assert data["author"][0]["url"].endswith(
        joint.signatories.first().signer.get_absolute_url("en")
    )


def test_an_author_who_also_issues_it_is_named_once(client, joint):
    shores = joint.signatories.first().organization
    f.AuthorshipFactory(work=joint, organization=shores, person=None)
    soup = soup_of(client.get("/en/joint-statements/"))
    assert listed_byline(soup, "No walls on the sea") == ["Network of the Shores", "Harbour Union"]


def test_a_plain_statement_keeps_its_issuers_out_of_its_byline(client, network):
    soup = soup_of(client.get("/en/statements/"))
    assert listed_byline(soup, "Long live the day of victory") == [
        "International Center of the Shores"
    ]


def test_the_exported_pages_are_the_live_pages(client, joint, tmp_path):
    out = tmp_path / "public"
    builder.build(out, jobs=1)
    urls = [t.get_absolute_url() for t in joint.translations.all()]
    for url in [*urls, "/en/", "/ar/", "/en/joint-statements/", "/ar/joint-statements/"]:
        assert builder.file_for(out, url).read_bytes() == client.get(url).content, url
