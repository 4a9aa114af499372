"""A listing page in an archive: reported with its teasers, no work made, not read twice."""

import json
import shutil
from pathlib import Path

import pytest

from havza.archive import importer
from havza.archive.listing import Teaser, TeaserIndex
from havza.archive.models import ImportedDocument
from havza.publishing.models import Translation, Work
from tests.archive.conftest import write

LISTINGS = Path(__file__).resolve().parent / "data" / "patterns" / "listings"
ARTICLE = """Dockers of Piraeus stop the arms shipment

The dockworkers' union refused to load containers bound for the war zone. Every port of the
Mediterranean was called on to follow, and two did within the day.

The union says the refusal will go on as long as the war does.
"""
TEACHERS = """Teachers walk out across the country

Schools stayed closed on Monday as teachers struck against the new law on private education.
"""


@pytest.mark.django_db
def test_listing_beside_its_article(tmp_path):
    shutil.copyfile(LISTINGS / "en_articles.txt", tmp_path / "articles.txt")
    write(tmp_path, "2024/03/dockers-stop.txt", ARTICLE)
    write(tmp_path, "2024/02/teachers.txt", TEACHERS)
    report = importer.run([str(tmp_path)], importer.Options(jobs=1))
    by_status = {d["status"]: d for d in report.documents}
    assert set(by_status) == {"listing", "imported"}
    assert report.summary()["listing"] == 1 and report.summary()["imported"] == 2
    assert "1 listing pages" in report.text_summary()
    assert Work.objects.count() == 2
    titles = set(Translation.objects.values_list("title", flat=True))
    assert titles == {"Dockers of Piraeus stop the arms shipment", TEACHERS.split("\n")[0]}
    by_status["imported"] = next(
        d for d in report.documents if d["title"] == ARTICLE.split("\n")[0]
    )
    assert ImportedDocument.objects.get(key=by_status["listing"]["key"]).status == "listing"

    # The teasers are evidence for the article they announce.
    teasers = [Teaser.from_report(t) for t in by_status["listing"]["teasers"]]
    assert [t.as_report() for t in teasers] == by_status["listing"]["teasers"]
    teaser = TeaserIndex(teasers).find(title=by_status["imported"]["title"])
    assert teaser is not None and teaser.author == "Eleni Markou"
    assert str(teaser.date) == "2024-03-03"
    assert TeaserIndex(teasers).find(path="/archive/teachers.txt") is None  # no links here
    json.dumps(report.as_json())  # the report stays JSON

    again = importer.run([str(tmp_path)], importer.Options(jobs=1))
    assert {d["status"] for d in again.documents} == {"unchanged"}
    assert Work.objects.count() == 2


def test_an_article_page_with_teasers_of_related_ones_is_not_a_listing():
    from havza.archive.sources import read_bytes
    from havza.archive.structure import analyze

    paragraphs = "".join(
        f"<p>On day {n} the dockers of the port stopped work at dawn against the sale of the "
        f"harbour, and {n * 100} workers of the city joined them at noon.</p>"
        for n in range(1, 12)
    )
    related = "".join(
        f'<article><h3><a href="/related-{n}/">Related story {n} about the port</a></h3>'
        f'<time datetime="2024-03-0{n}">{n} March 2024</time></article>'
        for n in range(1, 5)
    )
    page = (
        f"<html><body><main><h1>Strike at the port</h1>{paragraphs}</main>"
        f"<section class='related'>{related}</section></body></html>"
    )
    [document] = read_bytes(page.encode(), "article.html")
    parsed = analyze(document.page)
    assert document.page.listing is None and parsed.listing is None
    assert parsed.title == "Strike at the port"
    assert "On day 11 the dockers" in parsed.markdown
