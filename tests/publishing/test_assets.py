"""The public site's assets under fingerprinted names, kept a year by browsers."""

from __future__ import annotations

import gzip
import re

import pytest

from havza.publishing import assets

pytestmark = pytest.mark.django_db


def test_pages_link_fingerprinted_assets_that_are_kept_a_year(network, client):
    html = client.get(network["translations"]["ar"].get_absolute_url()).content.decode()
    links = re.findall(r'(?:href|src)="(/static/[^"]+)"', html)
    assert {link.rsplit(".", 1)[1] for link in links} >= {"css", "woff2", "svg"}
    for link in links:
        assert re.search(r"\.[0-9a-f]{12}\.\w+$", link), link
        response = client.get(link, HTTP_ACCEPT_ENCODING="gzip, br")
        assert response.status_code == 200, link
        assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    css = client.get(links[0], HTTP_ACCEPT_ENCODING="gzip")
    assert css["Content-Encoding"] == "gzip" and css["Content-Type"].startswith("text/css")
    body = gzip.decompress(css.content)
    fonts = re.findall(rb'url\("([^"]+)"\)', body)
    assert fonts and all(re.search(rb"\.[0-9a-f]{12}\.woff2$", font) for font in fonts)
    for font in fonts[:3]:
        assert client.get("/static/havza/" + font.decode()).status_code == 200


def test_a_changed_file_gets_a_new_name():
    site = assets.manifest()["havza/site.css"]
    assert assets._hashed_name(site.name, site.body + b"\n") != site.hashed


def test_unknown_fingerprinted_names_are_not_found(client):
    assert client.get("/static/havza/site.0123456789ab.css").status_code == 404
