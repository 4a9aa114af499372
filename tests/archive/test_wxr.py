"""A WordPress export publishes only what WordPress published, with all of its text."""

import pytest

from havza.archive import importer
from havza.archive.sources import read_bytes
from havza.archive.structure import analyze
from havza.publishing.models import Translation
from tests.archive.conftest import write
from tests.archive.test_sources import _wxr

pytestmark = pytest.mark.django_db

BODY = "<p>The workers of the port went on strike for the third day in a row.</p>"


def item(post_id: int, title: str, body: str = BODY, status: str | None = "publish") -> str:
    status_tag = f"<wp:status>{status}</wp:status>" if status is not None else ""
    return f"""<item><title>{title}</title>
<content:encoded><![CDATA[{body}]]></content:encoded>
<wp:post_id>{post_id}</wp:post_id><wp:post_date>2023-05-09 10:00:00</wp:post_date>
{status_tag}<wp:post_type>post</wp:post_type></item>"""


def imported(tmp_path, export: str) -> dict[str, Translation]:
    write(tmp_path, "export.xml", export)
    report = importer.run([str(tmp_path)], importer.Options(jobs=1))
    assert {d["format"] for d in report.documents} == {"wxr"}, report.documents
    return {t.title: t for t in Translation.objects.all()}


def test_only_posts_the_export_says_are_published_are_published(tmp_path):
    export = _wxr(
        item(1, "Published strike")
        + item(2, "Missing status strike", status=None)
        + item(3, "Unknown status strike", status="scheduled-later")
        + item(4, "Draft strike", status="draft")
        + item(5, "Empty strike", body="")
    )
    saved = imported(tmp_path, export)
    published = {title for title, t in saved.items() if t.status == Translation.Status.PUBLISHED}
    assert published == {"Published strike"}
    assert set(saved) == {
        "Published strike",
        "Missing status strike",
        "Unknown status strike",
        "Draft strike",
        "Empty strike",
    }


def test_a_long_doctype_before_rss_does_not_hide_the_export(tmp_path):
    entities = "".join(f'<!ENTITY e{n} "entity number {n}">\n' for n in range(300))
    prologue = (
        f'<?xml version="1.0"?>\n<!-- exported -->\n<?wp x?>\n<!DOCTYPE rss [\n{entities}]>\n'
    )
    export = _wxr(item(1, "Strike at the port")).replace(
        '<?xml version="1.0" encoding="UTF-8"?>\n', prologue
    )
    assert export.index("<rss") > 4096
    saved = imported(tmp_path, export)
    assert list(saved) == ["Strike at the port"]
    assert "<rss" not in saved["Strike at the port"].body_markdown


def test_text_after_a_declared_entity_is_kept():
    export = _wxr(
        "<item><title>Strike &port; today</title><content:encoded>Workers of &port; "
        "stopped work at dawn, and &unknown; the union joined them.</content:encoded>"
        "<wp:post_id>1</wp:post_id><wp:status>publish</wp:status>"
        "<wp:post_type>post</wp:post_type></item>"
    ).replace("<rss", '<!DOCTYPE rss [<!ENTITY port "the port of Piraeus">]>\n<rss', 1)
    [document] = read_bytes(export.encode(), "export.xml")
    parsed = analyze(document.page)
    assert parsed.title == "Strike the port of Piraeus today"
    text = " ".join(p.text for p in parsed.paragraphs)
    assert "Workers of the port of Piraeus stopped work at dawn" in text
    assert "the union joined them." in text


def test_comments_are_not_published(tmp_path):
    body = (
        "<!-- wp:paragraph --><p>The workers of the port went on strike today.</p>"
        "<!-- /wp:paragraph --><!-- a note for editors only -->"
        "<p>The union joined them<!-- inline --> at noon.</p>"
    )
    saved = imported(tmp_path, _wxr(item(1, "Strike at the port", body=body)))
    markdown = saved["Strike at the port"].body_markdown
    assert "wp:paragraph" not in markdown and "editors only" not in markdown
    assert "inline" not in markdown
    assert "The union joined them at noon." in markdown
