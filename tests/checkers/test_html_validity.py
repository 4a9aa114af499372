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
    # A broken page checked in the same run (one Java start) shows that the checker can fail.
    broken = tmp_path / "broken.html"
    broken.write_text("<!DOCTYPE html><html lang=en><title>x</title><p><div></p>")
    errors = vnu([*files, broken])
    assert any(e.get("url", "").endswith("/broken.html") for e in errors)
    errors = [e for e in errors if not e.get("url", "").endswith("/broken.html")]
    assert errors == [], "\n".join(
        f"{e.get('url')}: {e.get('message')} ({e.get('extract')})" for e in errors
    )
