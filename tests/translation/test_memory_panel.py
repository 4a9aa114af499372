"""The memory panel: fuzzy matches within one work, the matched source and its origin."""

from __future__ import annotations

import pytest
from django.urls import reverse

from havza.translation import memory
from havza.translation.models import Role
from tests.factories import TranslationFactory, WorkFactory
from tests.translation.conftest import body

pytestmark = pytest.mark.django_db

SENTENCE = "The delegates agreed that solidarity must cross every border."
VARIANT = "The delegates agreed that solidarity must cross each border."


def test_an_exact_match_of_one_segment_is_a_fuzzy_match_for_another_of_the_same_work():
    memory.add(SENTENCE, "Delegeler her sınırı aşmakta anlaştı.", "en", "tr")
    exact, fuzzy = memory.lookup_many([SENTENCE, VARIANT], "en", "tr")
    assert [m.score for m in exact] == [100]
    assert len(fuzzy) == 1 and 70 <= fuzzy[0].score < 100
    assert fuzzy[0].source == SENTENCE


def test_a_text_is_not_offered_its_own_exact_entry_twice():
    memory.add(SENTENCE, "A", "en", "tr")
    assert [m.score for m in memory.lookup(SENTENCE, "en", "tr")] == [100]


def test_the_panel_marks_what_differs_and_says_who_approved_it_from_which_work(
    make_user, client_factory
):
    approver = make_user("ayse", ("tr", Role.REVIEWER))
    memory.add(SENTENCE, "Her sınırı aşmalı.", "en", "tr", approved_by=approver,
               origin="Ports against privatization")  # fmt: skip
    memory.add(VARIANT + " Again.", "Dosyadan.", "en", "tr", origin="TMX: union-terms.tmx")
    work = WorkFactory(original_language="en")
    TranslationFactory(work=work, language="en", title="Another", body_markdown=body([VARIANT]))
    translator = make_user("t", ("tr", Role.TRANSLATOR))
    client = client_factory(translator)
    client.post(reverse("translation:start", kwargs={"work_id": work.pk, "lang": "tr"}))
    page = client.get(reverse("translation:editor", kwargs={"work_id": work.pk, "lang": "tr"}))
    html = page.content.decode()
    assert "<del>every</del><ins>each</ins>" in html
    assert "Approved by ayse" in html and "<bdi>Ports against privatization</bdi>" in html
    assert "From the file union-terms.tmx" in html
