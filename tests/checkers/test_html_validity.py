"""Every page type in English, Arabic and Armenian is valid HTML for the Nu Html Checker."""

from __future__ import annotations

import pytest

from havza.export import builder
from tests.publishing.test_public_pages import html_pages

pytestmark = [pytest.mark.django_db, pytest.mark.once]


def test_page_types_are_valid_html(network, tmp_path, vnu):
    out = tmp_path / "public"
    builder.build(out, jobs=1)
    files = [out / "index.html", out / "404.html"]
    for lang in ["en", "ar", "hy"]:
        files += [builder.file_for(out, url) for url in html_pages(network, lang).values()]
        files.append(out / lang / "404.html")
        files.append(builder.file_for(out, f"/{lang}/articles/"))
    # The "not in this language" pages of the article (published in Turkish and English).
    article = network["article"].pk
    files += [builder.file_for(out, f"/{lang}/other-languages/{article}/") for lang in ("ar", "hy")]
    assert all(f.is_file() for f in files)
    errors = vnu(files)
    assert errors == [], "\n".join(
        f"{e.get('url')}: {e.get('message')} ({e.get('extract')})" for e in errors
    )


def test_validator_catches_broken_html(tmp_path, vnu):
    broken = tmp_path / "broken.html"
    broken.write_text("<!DOCTYPE html><html lang=en><title>x</title><p><div></p>")
    assert vnu([broken])
