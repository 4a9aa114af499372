"""The network's name and logo are settings: shown in the header, the feeds, the JSON-LD
publisher, and served and exported under a fingerprinted name."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from havza.export import builder
from havza.publishing import assets

LOGO = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><circle cx="4" cy="4" r="4"/></svg>'
)
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def identity(settings, tmp_path):
    logo = tmp_path / "shores.svg"
    logo.write_bytes(LOGO)
    settings.HAVZA_SITE_NAME = "Many Shores"
    settings.HAVZA_SITE_LOGO = str(logo)
    yield assets.url(assets.site_logo())


def test_name_and_logo_are_in_the_header_feed_and_json_ld(client, network, identity, settings):
    assert "/havza/site-logo." in identity and identity.endswith(".svg")
    assert client.get(identity).content == LOGO

    page = BeautifulSoup(client.get("/ar/").content, "html.parser")
    brand = page.select_one(".brand")
    assert brand.get_text() == "Many Shores"
    assert brand.img["src"] == identity and brand.img["alt"] == ""
    work = network["translations"]["ar"].get_absolute_url()
    data = json.loads(
        BeautifulSoup(client.get(work).content, "html.parser")
        .find("script", type="application/ld+json")
        .string
    )
    assert data["publisher"]["name"] == "Many Shores"
    assert data["publisher"]["logo"]["url"] == settings.HAVZA_BASE_URL + identity

    feed = ET.fromstring(client.get(reverse("publishing:feed", kwargs={"lang": "ar"})).content)
    assert feed.find(f"{ATOM}logo").text == settings.HAVZA_BASE_URL + identity
    assert feed.find(f"{ATOM}icon").text == settings.HAVZA_BASE_URL + identity
    assert "Many Shores" in feed.find(f"{ATOM}title").text


def test_the_export_holds_the_logo_it_links(client, network, identity, tmp_path):
    out = tmp_path / "public"
    builder.build(out, jobs=1)
    assert builder.file_for(out, identity).read_bytes() == LOGO
    assert builder.file_for(out, "/en/").read_bytes() == client.get("/en/").content


def test_without_a_logo_the_header_shows_havza_s(client, network):
    page = BeautifulSoup(client.get("/en/").content, "html.parser")
    assert page.select_one(".brand img")["src"] == assets.url("havza/favicon.svg")
