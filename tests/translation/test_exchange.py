"""XLIFF 2.0, XLIFF 1.2 and PO: exported, translated with translate-toolkit, imported back."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from translate.storage import po, xliff, xliff2

from havza.translation import exchange, workflow
from havza.translation.models import Origin, Role, State
from tests.translation.conftest import PARAGRAPHS, body

pytestmark = pytest.mark.django_db

STORES = {"xliff2": xliff2.Xliff2File, "xliff12": xliff.xlifffile, "po": po.pofile}


def translate_with_toolkit(data: bytes, fmt: str, prefix: str) -> bytes:
    store = STORES[fmt].parsestring(data)
    for unit in store.units:
        if fmt == "po" and unit.isheader():
            continue
        unit.target = f"{prefix} {unit.source}"
    return bytes(store)


@pytest.mark.parametrize("fmt", ["xliff2", "xliff12", "po"])
def test_round_trip_through_translate_toolkit(statement, editor, fmt):
    target = workflow.start(statement.work, "el", editor)
    seg = target.target_segments.get(source__order=1)
    workflow.save_segment(seg, "Συζήτησαν για τον πόλεμο.", editor, seg.version)
    data = exchange.export(target, fmt, editor)
    assert bytes(STORES[fmt].parsestring(data)) == data  # the toolkit writes it back unchanged
    report = exchange.import_file(translate_with_toolkit(data, fmt, "EL"), editor)
    assert len(report.saved) == 9 and not report.skipped, report.skipped
    seg.refresh_from_db()
    assert seg.text == "EL " + PARAGRAPHS[1]
    assert seg.origin == Origin.IMPORT and seg.history.first().event == "imported"


def test_import_skips_changed_sources_unknown_ids_and_concurrent_edits(statement, editor):
    target = workflow.start(statement.work, "tr", editor)
    data = exchange.export(target, "xliff2", editor)
    translated = translate_with_toolkit(data, "xliff2", "TR")
    translated = translated.replace(b'<unit id="title">', b'<unit id="nosuchkey">')
    # Meanwhile: the original's paragraph 2 changes, and someone saves paragraph 4 in havza.
    statement.body_markdown = body([*PARAGRAPHS[:2], "A changed third paragraph.", *PARAGRAPHS[3:]])
    statement.save()
    seg = target.target_segments.get(source__order=4)
    workflow.save_segment(seg, "Başkasının çevirisi.", editor, seg.version)
    report = exchange.import_file(translated, editor)
    reasons = dict(report.skipped)
    assert reasons["nosuchkey"].startswith("no such segment")
    key2 = target.target_segments.get(source__order=2).source.key
    assert reasons[key2] == "the original changed after the export"
    assert reasons[seg.source.key].startswith("changed in havza after the export")
    assert len(report.saved) == 6
    seg.refresh_from_db()
    assert seg.text == "Başkasının çevirisi."


def test_the_el_translator_cannot_import_into_turkish(statement, make_user, editor):
    from django.core.exceptions import PermissionDenied

    target = workflow.start(statement.work, "tr", editor)
    data = exchange.export(target, "po", editor)
    el = make_user("el", ("el", Role.TRANSLATOR))
    with pytest.raises(PermissionDenied):
        exchange.import_file(translate_with_toolkit(data, "po", "X"), el)
    with pytest.raises(PermissionDenied):
        exchange.export(target, "po", el)


def test_command_line_export_and_import(statement, tmp_path, capsys):
    out = tmp_path / "ar.xlf"
    call_command("translation", "export", str(statement.work.pk), "ar", "--format", "xliff12",
                 "-o", str(out))  # fmt: skip
    assert b'version="1.2"' in out.read_bytes()
    out.write_bytes(translate_with_toolkit(out.read_bytes(), "xliff12", "AR"))
    call_command("translation", "import", str(out))
    assert "9 saved, 0 unchanged, 0 skipped." in capsys.readouterr().out
    target = statement.work.translations.get(language="ar")
    assert target.target_segments.filter(state=State.TRANSLATED).count() == 9
