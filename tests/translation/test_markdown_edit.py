"""Editing a whole translation as Markdown: the text comes in the original's structure, its
blocks are saved onto their segments in order, a text that parts from the structure saves
nothing, and a segment someone saved meanwhile is not overwritten."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from hypothesis import given, settings
from hypothesis import strategies as st

from havza.publishing.models import Translation
from havza.translation import markdown_edit, segmentation, workflow
from havza.translation.models import Role, State, TargetSegment
from tests.factories import TranslationFactory, WorkFactory

ORIGINAL = (
    "## The call\n\n"
    "Read [the call](https://shores.example/call) *now*.\n\n"
    "- Stop the arms\n- Open the ports\n\n"
    "> Solidarity has no border.\n"
)
GREEK = (
    "## Το κάλεσμα\n\n"
    "Διαβάστε [το κάλεσμα](https://shores.example/call) <em>τώρα</em>.\n\n"
    "- Σταματήστε τα όπλα\n- Ανοίξτε τα λιμάνια\n\n"
    "> Η αλληλεγγύη δεν έχει σύνορα.\n"
)


@pytest.fixture
def greek(db, make_user):
    work = WorkFactory(original_language="en")
    TranslationFactory(work=work, language="en", title="Ports", body_markdown=ORIGINAL)
    nikos = make_user("nikos", ("el", Role.TRANSLATOR))
    return workflow.start(work, "el", nikos), nikos


def texts(translation: Translation) -> dict[str, str]:
    segs = TargetSegment.objects.filter(translation=translation).select_related("source")
    return {s.source.kind if s.source.order >= 0 else s.source.key: s.text for s in segs} | {
        str(s.source.order): s.text for s in segs
    }


def test_the_text_shows_the_original_where_nothing_is_translated_yet(greek):
    translation, _nikos = greek
    shown = markdown_edit.as_markdown(translation)
    assert shown["title"] == "Ports"
    assert "Read [the call](https://shores.example/call)" in shown["body"]


def test_each_block_is_saved_onto_its_segment(greek):
    translation, nikos = greek
    shown = markdown_edit.as_markdown(translation)
    outcome = markdown_edit.save_markdown(
        translation, title="Λιμάνια", subtitle="", body=GREEK, versions=shown["versions"],
        user=nikos,
    )  # fmt: skip
    assert len(outcome.saved) == 6 and outcome.conflicts == []
    by_order = texts(translation)
    assert by_order["-2"] == "Λιμάνια"
    assert by_order["1"] == "Διαβάστε {1}το κάλεσμα{/1} {2}τώρα{/2}."
    assert by_order["4"] == "Η αλληλεγγύη δεν έχει σύνορα."
    states = set(
        TargetSegment.objects.filter(translation=translation).values_list("state", flat=True)
    )
    assert states == {State.TRANSLATED}
    again = markdown_edit.as_markdown(translation)
    assert again["body"].startswith(
        "## Το κάλεσμα\n\nΔιαβάστε [το κάλεσμα](https://shores.example/call)"
    )


def test_untouched_paragraphs_stay_untranslated(greek):
    translation, nikos = greek
    shown = markdown_edit.as_markdown(translation)
    body = shown["body"].replace("## The call", "## Το κάλεσμα")
    outcome = markdown_edit.save_markdown(
        translation, title=shown["title"], subtitle="", body=body, versions=shown["versions"],
        user=nikos,
    )  # fmt: skip
    assert len(outcome.saved) == 1
    assert (
        TargetSegment.objects.filter(translation=translation, state=State.UNTRANSLATED).count() == 5
    )


@pytest.mark.parametrize(
    "body, message",
    [
        (
            GREEK.replace("> Η αλληλεγγύη δεν έχει σύνορα.\n", ""),
            "original has 5 blocks .*; this text has 4",
        ),
        (
            GREEK.replace("- Ανοίξτε τα λιμάνια\n", ""),
            "Block 4: quotation here, list item in the original",
        ),
        (
            GREEK.replace("## Το κάλεσμα", "Το κάλεσμα"),
            "Block 1: paragraph here, heading in the original",
        ),
    ],
)
def test_a_text_that_parts_from_the_structure_saves_nothing(greek, body, message, english):
    translation, nikos = greek
    shown = markdown_edit.as_markdown(translation)
    with pytest.raises(markdown_edit.StructureChanged, match=message):
        markdown_edit.save_markdown(
            translation, title="Λιμάνια", subtitle="", body=body, versions=shown["versions"],
            user=nikos,
        )  # fmt: skip
    assert not TargetSegment.objects.filter(translation=translation).exclude(text="").exists()


def test_a_segment_saved_by_someone_else_meanwhile_is_kept(greek, make_user):
    translation, nikos = greek
    shown = markdown_edit.as_markdown(translation)
    eleni = make_user("eleni", ("el", Role.TRANSLATOR))
    title = TargetSegment.objects.get(translation=translation, source__order=-2)
    workflow.save_segment(title, "Τα λιμάνια μας", eleni, title.version)
    outcome = markdown_edit.save_markdown(
        translation, title="Λιμάνια", subtitle="", body=GREEK, versions=shown["versions"],
        user=nikos,
    )  # fmt: skip
    assert outcome.conflicts == [title.source.key] and len(outcome.saved) == 5
    title.refresh_from_db()
    assert title.text == "Τα λιμάνια μας"


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="{}"),
                min_size=1, max_size=30).map(workflow.clean_segment_text).filter(bool),
        min_size=5, max_size=5,
    )
)  # fmt: skip
def test_any_typed_text_comes_back_as_typed(typed):
    """Whatever a translator types in each block, Markdown signs included, is escaped into
    the text and read back onto the same segment as typed."""
    sources = [SimpleNamespace(kind=b.kind) for b in segmentation.segment(ORIGINAL)]
    markdown = segmentation.assemble(ORIGINAL, lambda i, _b: typed[i])
    assert markdown_edit.map_blocks(sources, markdown) == typed


def test_the_workspace_page_saves_and_refuses(greek, client_factory):
    translation, nikos = greek
    client = client_factory(nikos)
    url = f"/translate/{translation.work_id}/el/markdown/"
    page = BeautifulSoup(client.get(url).content, "html.parser")
    assert page.find("textarea", id="md-body")["dir"] == "ltr"
    versions = page.find("input", attrs={"name": "versions"})["value"]
    bad = client.post(url, {"title": "Λιμάνια", "body": "Ένα μόνο.", "versions": versions})
    assert bad.status_code == 422 and "Ένα μόνο." in bad.content.decode()
    good = client.post(url, {"title": "Λιμάνια", "body": GREEK, "versions": versions})
    assert good.status_code == 302
    assert json.loads(versions) and texts(translation)["-2"] == "Λιμάνια"
    stranger = client_factory(get_user_model().objects.create_user("ayse", password="x"))
    assert stranger.get(url).status_code == 403
