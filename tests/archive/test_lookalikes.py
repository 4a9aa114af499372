"""A name written with look-alike letters of another script joins the organization it
imitates, or is reported for an editor; it never becomes a second organization silently."""

import pytest

from havza.archive import importer
from havza.network.models import Organization
from havza.publishing.models import Signatory
from tests.archive.conftest import write

pytestmark = pytest.mark.django_db

PAGE = """Solidarity with the dockers

9 May 2023

The dockers of the port stopped work at dawn for the third day, and 4,000 of them marched
to the city centre to demand the release of the comrades arrested on 2 May 2023.

We call on every organization of the region to stand with them until they are all free.

EEK (Workers Revolutionary Party)- Greece
{signer}
Opción Obrera (Workers’ Option), Venezuela
"""


@pytest.fixture
def aegean():
    return Organization.objects.create(
        acronym="ΕΑΑ", names={"el": "Aegean Workers' Solidarity"}, country="GR"
    )


def imported(tmp_path, signer: str):
    write(tmp_path, "page.txt", PAGE.format(signer=signer))
    [document] = importer.run([str(tmp_path)], importer.Options(jobs=1)).documents
    assert document["status"] == "imported", document["problems"]
    return document


def test_a_cyrillic_lookalike_joins_the_greek_organization(tmp_path, aegean):
    document = imported(tmp_path, "ЕАА (Aegean Wоrkers' Solidarity)- Greece")  # Cyrillic Е, А, о
    assert Organization.objects.filter(acronym="ЕАА").count() == 0
    assert Signatory.objects.filter(organization=aegean).count() == 1
    assert any("look-alike letters: matched to “ΕΑΑ" in p for p in document["problems"])
    aegean.refresh_from_db()
    assert aegean.aliases == []  # the imitation is not learned as one of its names


def test_a_mixed_script_name_of_a_new_organization_is_reported(tmp_path):
    document = imported(tmp_path, "KSP (Kоrinthos Sailors Party)- Greece")  # Cyrillic о
    assert Organization.objects.filter(acronym="KSP").exists()
    assert any("mixes scripts in “Kоrinthos”" in p for p in document["problems"])


def test_a_lookalike_acronym_with_another_name_is_left_to_an_editor(tmp_path, aegean):
    document = imported(tmp_path, "ЕАА (Eastern Artists Assembly)- Greece")
    assert Organization.objects.filter(acronym="ЕАА").exists()
    assert any("an editor should check" in p for p in document["problems"])


def test_a_plain_name_raises_no_flag(tmp_path, aegean):
    document = imported(tmp_path, "ΕΑΑ (Aegean Workers' Solidarity)- Greece")
    assert Signatory.objects.filter(organization=aegean).count() == 1
    assert not [p for p in document["problems"] if "look" in p or "scripts" in p]
