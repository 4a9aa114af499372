"""Checks, glossary (with the organizations of the registry) and TMX."""

from __future__ import annotations

import pytest

from havza.translation import memory
from havza.translation.checks import check, numbers
from havza.translation.exchange import tmx
from havza.translation.glossary import Glossary
from havza.translation.models import GlossaryConcept, GlossaryTerm, MemoryEntry
from tests.factories import OrganizationFactory


def codes(source: str, target: str, **kwargs) -> set[str]:
    return {i.code for i in check(source, target, **kwargs)}


def test_numbers_match_across_digit_scripts():
    assert numbers("45 groups in 2023") == numbers("٤٥ مجموعة في ٢٠٢٣") == numbers("۴۵ در ۲۰۲۳")
    assert "numbers" not in codes("45 groups in 2023", "٤٥ مجموعة في ٢٠٢٣")
    assert "numbers" in codes("45 groups in 2023", "٤٦ مجموعة في ٢٠٢٣")


def test_each_check():
    assert codes("Hello", "") == {"empty"}
    assert "identical" in codes("The workers met.", "The workers met.")
    assert "identical" not in codes("2023", "2023")
    assert "placeholders" in codes("A {1}link{/1} here", "Bir bağlantı burada")
    assert "placeholders" in codes("A {1}link{/1} {2}b{/2}", "{2}b{1}bağ{/2}{/1}")
    assert "placeholders" not in codes("A {1}link{/1}", "{1}bağlantı{/1} bir")
    assert "brackets" in codes("Workers (all of them) met.", "İşçiler (hepsi buluştu.")
    assert "quotes" in codes('He said "no" today.', 'Dedi ki "hayır bugün.')
    assert "bidi" in codes("Hello there", "مرحبا\u202e هناك")
    assert "bidi" not in codes("Hello there", "مرحبا\u200f هناك")  # a mark, not a control
    assert "length" in codes("A long sentence about solidarity and ports.", "Kısa.")
    assert not check("Workers met in 2023.", "İşçiler 2023'te buluştu.")


@pytest.mark.django_db
def test_glossary_terms_and_registry_organizations():
    concept = GlossaryConcept.objects.create(note="the class")
    GlossaryTerm.objects.create(concept=concept, language="en", term="working class")
    GlossaryTerm.objects.create(concept=concept, language="ar", term="الطبقة العاملة")
    OrganizationFactory(acronym="EEK", names={"en": "Workers Revolutionary Party",
                                              "ar": "حزب العمال الثوري"})  # fmt: skip
    glossary = Glossary("en", "ar")
    hits = {h.source_term: h.target_terms for h in glossary.hits(
        "The Working Class and the {1}Workers Revolutionary Party{/1} (EEK).")}  # fmt: skip
    assert hits == {
        "working class": ["الطبقة العاملة"],
        "workers revolutionary party": ["حزب العمال الثوري"],
        "eek": ["EEK"],
    }
    issues = check("The working class.", "الطبقة.", glossary=glossary)
    assert [i.code for i in issues] == ["glossary"]
    assert not check("The working class.", "الطبقة العاملة.", glossary=glossary)


@pytest.mark.django_db
def test_tmx_export_and_import():
    memory.add("Long live solidarity!", "Yaşasın dayanışma!", "en", "tr")
    memory.add("Workers of the world", "Dünyanın işçileri", "en", "tr")
    data = tmx.export("en", "tr")
    assert b'xml:lang="tr"' in data and b"Ya\xc5\x9fas\xc4\xb1n" in data
    MemoryEntry.objects.all().delete()
    assert tmx.import_(data, "en", "tr", origin="TMX: test") == 2
    assert memory.lookup("Long live solidarity!", "en", "tr")[0].target == "Yaşasın dayanışma!"
    # The toolkit reads what havza writes.
    from translate.storage.tmx import tmxfile

    store = tmxfile.parsestring(data)
    assert {u.target for u in store.units} == {"Yaşasın dayanışma!", "Dünyanın işçileri"}


@pytest.mark.django_db
def test_tmx_in_the_admin(admin_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    memory.add("Long live solidarity!", "Ζήτω η αλληλεγγύη!", "en", "el")
    page = admin_client.get("/admin/translation/memoryentry/")
    assert page.status_code == 200 and b"/admin/translation/memoryentry/tmx/" in page.content
    data = admin_client.post(
        "/admin/translation/memoryentry/tmx/", {"source_language": "en", "target_language": "el"}
    ).content
    assert "Ζήτω η αλληλεγγύη!".encode() in data
    upload = SimpleUploadedFile("m.tmx", data)
    response = admin_client.post(
        "/admin/translation/memoryentry/tmx/",
        {"source_language": "en", "target_language": "el", "file": upload},
    )
    assert response.status_code == 302
    assert MemoryEntry.objects.filter(origin="TMX: m.tmx").count() == 1
