"""Translators are told when the original of a published translation they made changed, and
editors of a language when a translation is ready for review; each in their interface
language, through the worker, to a real SMTP server."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from havza.accounts.models import Profile
from havza.jobs.worker import run_due_jobs
from havza.translation import workflow
from havza.translation.models import LanguageGrant, Role, State
from tests import factories as f
from tests.jobs.test_assignment_mail import subject_of

PARAGRAPHS = [
    "The dockers of the north met in the harbour.",
    "They will stop work together on the first of May.",
]


def person(username: str, lang: str, *grants: tuple[str, str], address: str | None = None):
    user = get_user_model().objects.create_user(
        username, email=f"{username}@shores.example" if address is None else address
    )
    Profile.objects.create(user=user, interface_language=lang)
    for language, role in grants:
        LanguageGrant.objects.create(user=user, language=language, role=role)
    return user


@pytest.fixture
def original(db):
    work = f.WorkFactory(kind="statement", original_language="en")
    return f.TranslationFactory(
        work=work,
        language="en",
        title="Dockers stop together",
        body_markdown="\n\n".join(PARAGRAPHS),
    )


def translate(target, user, *, leave: int = 0) -> None:
    segments = list(target.target_segments.select_related("source").order_by("source__order"))
    for seg in segments[: len(segments) - leave]:
        assert workflow.save_segment(
            seg, f"[{target.language}] {seg.source.text}", user, seg.version
        ).ok


def told(inbox) -> list[tuple[list[str], str]]:
    return [(recipients, subject_of(message)) for _, recipients, message in inbox.messages]


@pytest.mark.django_db(transaction=True)
def test_the_translators_of_a_published_translation_are_told_its_original_changed(smtp, original):
    inbox = smtp()
    chief = person("chief", "en", ("*", Role.EDITOR), address="")
    layla = person("layla", "ar", ("ar", Role.TRANSLATOR))
    nikos = person("nikos", "el", ("el", Role.TRANSLATOR))
    ayse = person("ayse", "tr", ("tr", Role.TRANSLATOR))
    for user, lang in [(layla, "ar"), (nikos, "el")]:
        target = workflow.start(original.work, lang, chief)
        translate(target, user)
        workflow.approve_all(target, chief, override=True)
        workflow.publish(target, chief)
    draft = workflow.start(original.work, "tr", chief)
    translate(draft, ayse)  # not published: nobody reads it yet
    run_due_jobs()
    inbox.messages.clear()

    original.body_markdown = PARAGRAPHS[0] + "\n\nThey will stop work together on May Day."
    original.save()
    assert draft.target_segments.filter(state=State.OUTDATED).count() == 1
    assert run_due_jobs() == 2
    assert sorted(told(inbox)) == [
        (
            ["layla@shores.example"],
            "تغيّر الأصل لـ«Dockers stop together»: يرجى تحديث الترجمة العربية",
        ),
        (
            ["nikos@shores.example"],
            "Το πρωτότυπο του «Dockers stop together» άλλαξε: ενημερώστε τη μετάφραση στα Ελληνικά",
        ),
    ]
    [arabic] = [m for _, to, m in inbox.messages if to == ["layla@shores.example"]]
    body = arabic.get_payload(decode=True).decode("utf-8")
    assert body.startswith("مرحبًا layla،")
    assert f"http://127.0.0.1:8000/translate/{original.work.pk}/ar/" in body


@pytest.mark.django_db(transaction=True)
def test_the_editors_of_the_language_are_told_when_a_translation_is_ready_for_review(
    smtp, original
):
    inbox = smtp()
    samira = person("samira", "ar", ("ar", Role.EDITOR))
    person("eleni", "el", ("*", Role.EDITOR))
    person("mehmet", "tr", ("tr", Role.EDITOR))  # another language's editor
    person("rami", "ar", ("ar", Role.REVIEWER))  # not an editor
    layla = person("layla", "ar", ("ar", Role.TRANSLATOR))
    target = workflow.start(original.work, "ar", samira)
    translate(target, layla, leave=1)
    assert run_due_jobs() == 0  # one sentence is left
    translate(target, layla)  # the last one, and the others saved again unchanged
    assert run_due_jobs() == 2
    assert sorted(told(inbox)) == [
        (
            ["eleni@shores.example"],
            "Το «Dockers stop together» στα Αραβικά είναι έτοιμο για έλεγχο",
        ),
        (["samira@shores.example"], "الترجمة العربية لـ«Dockers stop together» جاهزة للمراجعة"),
    ]
    [greek] = [m for _, to, m in inbox.messages if to == ["eleni@shores.example"]]
    body = greek.get_payload(decode=True).decode("utf-8")
    assert body.startswith("Γεια σας eleni,")
    assert f"http://127.0.0.1:8000/translate/{original.work.pk}/ar/" in body
    seg = target.target_segments.order_by("source__order").first()
    workflow.save_segment(seg, seg.text + " !", layla, seg.version)  # corrected, still ready
    assert run_due_jobs() == 0
