"""Machine suggestions for every empty segment at once: asked for in the workspace, made by the
worker with the configured engine (a tiny CTranslate2 model), saved as machine drafts."""

from __future__ import annotations

import pytest
from django.urls import reverse

from havza.jobs.worker import run_due_jobs
from havza.translation.models import (
    MachineEngine,
    MachineSuggestion,
    Origin,
    Role,
    State,
    TargetSegment,
)
from tests.translation.tiny_model import build

# The worker runs in the test's own thread with real commits, as in production.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory):
    return build(tmp_path_factory.mktemp("mt-fill"))


def url(name: str, work, lang: str, **kwargs) -> str:
    return reverse(f"translation:{name}", kwargs={"work_id": work.pk, "lang": lang, **kwargs})


def segments(work, lang: str) -> list[TargetSegment]:
    return list(
        TargetSegment.objects.filter(translation__work=work, translation__language=lang)
        .select_related("source")
        .order_by("source__order")
    )


def test_the_worker_fills_the_empty_segments_and_leaves_written_ones_alone(
    statement, make_user, client_factory, tiny_model
):
    MachineEngine.objects.create(name="opus", backend="ctranslate2", model_dir=str(tiny_model))
    work = statement.work
    client = client_factory(make_user("el-t", ("el", Role.TRANSLATOR)))
    client.post(url("start", work, "el"))
    first, *rest = segments(work, "el")
    assert all(s.text == "" and s.state == State.UNTRANSLATED for s in [first, *rest])
    address = url("segment", work, "el", key=first.source.key)
    client.post(address, {"text": "Οι εργάτες συναντήθηκαν.", "version": first.version})

    answer = client.post(url("machine_fill", work, "el"))
    assert answer.status_code == 302
    # The request only asked: no engine was consulted, nothing is filled yet.
    assert not MachineSuggestion.objects.exists()
    assert all(s.text == "" for s in segments(work, "el")[1:])
    page = client.get(url("editor", work, "el")).content.decode()
    assert "waiting to start" in page

    assert run_due_jobs() == 1
    first_now, *rest_now = segments(work, "el")
    assert (first_now.text, first_now.state) == ("Οι εργάτες συναντήθηκαν.", State.TRANSLATED)
    assert rest_now and all(s.text for s in rest_now)
    assert {(s.state, s.origin) for s in rest_now} == {(State.MACHINE_DRAFT, Origin.MACHINE)}
    assert all(s.history.filter(event="machine").count() == 1 for s in rest_now)
    page = client.get(url("editor", work, "el")).content.decode()
    assert f"done, {len(rest_now)} filled" in page

    # Asked again, nothing is empty: nothing changes.
    client.post(url("machine_fill", work, "el"))
    assert run_due_jobs() == 1
    assert [s.version for s in segments(work, "el")] == [s.version for s in [first_now, *rest_now]]
    assert "done, 0 filled" in client.get(url("editor", work, "el")).content.decode()


def test_only_a_translator_of_the_language_may_ask(statement, make_user, client_factory):
    work = statement.work
    client_factory(make_user("el-t", ("el", Role.TRANSLATOR))).post(url("start", work, "el"))
    other = client_factory(make_user("ar-t", ("ar", Role.TRANSLATOR)))
    assert other.post(url("machine_fill", work, "el")).status_code == 403
    assert other.get(url("machine_fill", work, "el")).status_code == 405
    assert run_due_jobs() == 0
