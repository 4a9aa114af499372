"""Republishing into an export other than the shared ``site`` of the republish tests: one
built for another address, and a folder that holds none."""

from __future__ import annotations

import logging

import pytest
from django.core.management import call_command

from havza.export import builder
from havza.publishing.models import Translation
from tests.export.conftest import contents, snapshot

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pages_only")]


def test_the_command_keeps_the_address_the_export_was_built_for(
    network, tmp_path, capsys, settings
):
    out = tmp_path / "mirror"
    builder.build(out, base_url="https://mirror.example/network", jobs=1)
    before = snapshot(out)
    t = network["translations"]["ar"]
    t.title = "عاش يوم النصر!"
    t.save()
    call_command("build", str(out), "--work", str(t.work_id), "--language", "ar")
    assert capsys.readouterr().out.startswith("Republished ")
    page = builder.file_for(out, t.get_absolute_url().removeprefix("/"))
    assert "عاش يوم النصر!" in page.read_text()
    fresh = tmp_path / "fresh"
    builder.build(fresh, base_url="https://mirror.example/network", jobs=1)
    assert contents(snapshot(out)) == contents(snapshot(fresh))
    rewritten = [p for p, body in contents(snapshot(out)).items() if before[p][0] != body]
    assert len([p for p in rewritten if not p.endswith((".gz", ".br"))]) < 20


def test_a_failing_republish_never_breaks_the_save(
    network, tmp_path, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    monkeypatch.setenv("HAVZA_EXPORT_DIR", str(tmp_path / "never-built"))
    t = network["translations"]["el"]
    with (
        caplog.at_level(logging.ERROR, "havza.export"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        t.title = "Ζήτω!"
        t.save()
    assert Translation.objects.get(pk=t.pk).title == "Ζήτω!"
    assert "holds no export" in caplog.text
