"""Acceptance: the two seed pages of the archive import as two English Works."""

import pytest
from django.utils import timezone

from havza.archive import importer
from havza.publishing.models import Signatory, Translation, Work

pytestmark = pytest.mark.django_db

TITLE_000 = "On the anniversary of the “Emergency International Conference Against War”"
TITLE_002 = "Long Live the Anti-Fascist Victory Day! Down with fascism, freedom to the people!"
RAKOVSKY = "International Socialist Center “Christian Rakovsky”"


@pytest.fixture
def imported(seeds_dir, seed_texts):
    report = importer.run([str(seeds_dir)], importer.Options(jobs=1))
    return report, {d["title"]: d for d in report.documents}


def test_two_english_works(imported):
    report, _ = imported
    assert report.summary()["imported"] == 2
    assert Work.objects.count() == 2
    assert set(Translation.objects.values_list("language", flat=True)) == {"en"}
    assert all(d["language"] == "en" for d in report.documents)


def test_seed_000_title_no_byline_no_date(imported, seed_texts):
    _, by_title = imported
    doc = by_title[TITLE_000]
    assert doc["authors"] == []
    assert doc["date"] is None  # the conference's dates in the body are not the publication's
    work = Work.objects.get(pk=doc["work"])
    # Never a date from the body: undated, or dated the day it was first published.
    assert work.published_on in {None, timezone.localdate()}
    assert not work.authorships.exists()
    assert not work.signatories.exists()


def test_seed_000_body_quotes_declaration_and_drops_taglines(imported, seed_texts):
    body = Translation.objects.get(title=TITLE_000).body_markdown
    quoted = [line for line in body.splitlines() if line.startswith("> ")]
    assert quoted[0].startswith("> Restorationist regimes and oligarchs")
    assert any("We are not pacifists" in line for line in quoted)
    assert len(quoted) == 5
    assert "<blockquote>" in Translation.objects.get(title=TITLE_000).body_html
    assert body.startswith("This is the anniversary")
    for tagline in seed_texts["000"].split("\n\n")[:11]:
        assert tagline.strip() not in body


def test_seed_002_byline_date_issuers_signatories(imported, seed_texts):
    _, by_title = imported
    doc = by_title[TITLE_002]
    assert doc["authors"] == [RAKOVSKY]
    assert doc["date"] == "2023-05-09"
    assert [i["name"] for i in doc["issuers"]] == [RAKOVSKY, "RedMed web network"]
    assert [s["country"] for s in doc["signatories"]] == [
        "GR", "TR", "FI", "FR", "RU", None, "VE", "RU"
    ]  # fmt: skip
    assert [s["acronym"] for s in doc["signatories"]] == [
        "EEK", "DIP", "MTL", "ROR", "RPK", None, None, "OKP"
    ]  # fmt: skip
    assert doc["signatories"][5]["name"] == "Association “Soviet Union”"
    assert doc["signatories"][6]["name"] == "Opción Obrera"

    work = Work.objects.get(pk=doc["work"])
    assert str(work.published_on) == "2023-05-09"
    assert [str(a.author.name("en")) for a in work.authorships.all()] == [RAKOVSKY]
    issuers = work.signatories.filter(role=Signatory.Role.ISSUER)
    assert [s.organization.name("en") for s in issuers] == [RAKOVSKY, "RedMed web network"]
    # The byline and the first issuer are one organization, not two.
    assert issuers[0].organization == work.authorships.get().organization
    signers = work.signatories.filter(role=Signatory.Role.SIGNATORY)
    assert [s.country for s in signers] == ["GR", "TR", "FI", "FR", "RU", "", "VE", "RU"]
    assert signers[0].organization.acronym == "EEK"
    assert signers[0].organization.name("en") == "Workers Revolutionary Party"


def test_seed_002_body_keeps_text_and_drops_header_and_signatures(imported):
    body = Translation.objects.get(title=TITLE_002).body_markdown
    assert body.startswith("Workers of the world: unite")
    assert "May 9, 2023\n" not in body
    assert "EEK" not in body and "Opción" not in body
    assert body.rstrip().endswith("is the flag of our new Victory!")
    assert "> Capitalist imperialism has long become a barrier" in body
