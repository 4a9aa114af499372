"""A work page's "Also in" list: each other translation, named in its own language and
script direction, linking to its page; never the page's own language."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from havza import languages
from tests import factories as f


@pytest.mark.django_db
def test_each_other_translation_is_offered_in_its_own_language_and_direction(client):
    work = f.WorkFactory(original_language="en")
    en = f.TranslationFactory(work=work, language="en", title="The original")
    ar = f.TranslationFactory(work=work, language="ar", title="الترجمة العربية")
    hy = f.TranslationFactory(work=work, language="hy", title="Թարգմանություն")

    for page, others in ((en, [ar, hy]), (ar, [en, hy]), (hy, [en, ar])):
        soup = BeautifulSoup(client.get(page.get_absolute_url()).content, "html.parser")
        links = soup.select("nav.also-in li > a")
        expected = [languages.get(t.language) for t in sorted(others, key=_order)]
        assert [(a["href"], a["hreflang"], a["lang"], a["dir"], a.get_text()) for a in links] == [
            (_url(others, lang.code), lang.tag, lang.tag, lang.direction, lang.native_name)
            for lang in expected
        ]
    assert languages.get("ar").direction == "rtl"


def _order(t) -> int:
    return languages.codes().index(t.language)


def _url(translations, code: str) -> str:
    return next(t.get_absolute_url() for t in translations if t.language == code)
