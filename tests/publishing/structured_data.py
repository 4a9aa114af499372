"""The JSON-LD of a page, parsed and checked against the properties each schema.org type
needs to be understood (search engines' required and recommended ones)."""

from __future__ import annotations

import datetime as dt
import json
from urllib.parse import urlsplit

REQUIRED = {
    "NewsArticle": ("headline", "datePublished", "author", "publisher", "inLanguage", "url"),
    "Article": ("headline", "datePublished", "author", "publisher", "inLanguage", "url"),
    "Report": ("headline", "datePublished", "publisher", "inLanguage", "url"),
    "Event": ("name", "startDate", "endDate", "location", "eventAttendanceMode", "publisher"),
    "Organization": ("name", "url"),
    "Person": ("name", "url"),
    "CollectionPage": ("name", "url", "mainEntity", "publisher"),
}


def _absolute(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def check_publisher(publisher: dict) -> None:
    assert publisher["@type"] == "Organization"
    assert publisher["name"]
    assert _absolute(publisher["url"])
    assert publisher["logo"]["@type"] == "ImageObject"
    assert _absolute(publisher["logo"]["url"])


def check_json_ld(soup) -> dict:
    """The page's one JSON-LD block, checked; returns it."""
    (script,) = soup.find_all("script", type="application/ld+json")
    data = json.loads(script.string)
    assert data["@context"] == "https://schema.org"
    kind = data["@type"]
    missing = [p for p in REQUIRED[kind] if not data.get(p)]
    assert not missing, (kind, missing)
    if "url" in data:
        assert _absolute(data["url"])
    if kind in ("NewsArticle", "Article", "Report"):
        dt.date.fromisoformat(data["datePublished"])
        dt.datetime.fromisoformat(data["dateModified"])
        for author in data.get("author", []):
            assert author["@type"] in ("Person", "Organization") and author["name"]
        check_publisher(data["publisher"])
    elif kind == "Event":
        start = dt.date.fromisoformat(data["startDate"])
        assert dt.date.fromisoformat(data["endDate"]) >= start
        locations = data["location"] if isinstance(data["location"], list) else [data["location"]]
        for place in locations:
            assert place["@type"] in ("Place", "VirtualLocation")
            if place["@type"] == "Place":
                assert place.get("name") or place["address"]["addressCountry"]
            else:
                assert _absolute(place["url"])
        assert data["eventAttendanceMode"].startswith("https://schema.org/")
        for organizer in data.get("organizer", []):
            assert organizer["@type"] == "Organization" and organizer["name"]
        check_publisher(data["publisher"])
    elif kind in ("Organization", "Person"):
        check_publisher(data["subjectOf"]["publisher"])
    elif kind == "CollectionPage":
        check_publisher(data["publisher"])
        items = data["mainEntity"]
        assert items["@type"] == "ItemList"
        assert items["numberOfItems"] == len(items["itemListElement"])
        for n, element in enumerate(items["itemListElement"], start=1):
            assert element["@type"] == "ListItem" and element["position"] == n
            assert _absolute(element["url"]) and element["name"]
    return data
