"""One translation out to a file for a CAT tool, and back in.

Export writes every segment (translated or not) with its key and versions; import saves a
unit only when its key is one of the translation's segments, its source is still the
current source, nobody saved the segment in havza since the export, and its target is new;
for every other unit the report says what was skipped and why.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from havza.publishing.models import Translation, Work
from havza.translation import roles, workflow
from havza.translation.exchange import formats
from havza.translation.models import Origin, Role, State, TargetSegment
from havza.translation.sync import text_hash

FORMATS = tuple(formats.WRITERS)


class ImportFileError(Exception):
    """The file cannot be imported at all (unknown work, wrong language, unreadable)."""


@dataclass
class Report:
    translation: Translation | None = None
    saved: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (key, why)

    def summary(self) -> str:
        return _("%(saved)s saved, %(unchanged)s unchanged, %(skipped)s skipped.") % {
            "saved": len(self.saved),
            "unchanged": len(self.unchanged),
            "skipped": len(self.skipped),
        }


def _segments(translation: Translation) -> list[TargetSegment]:
    return list(
        TargetSegment.objects.filter(translation=translation)
        .select_related("source")
        .order_by("source__order")
    )


def export(translation: Translation, fmt: str, user=None) -> bytes:
    """TRANSLATION as a file in FMT (one of FORMATS)."""
    roles.require(user, Role.TRANSLATOR, translation.language)
    work = translation.work
    original = workflow.original_of(work)
    units = [
        formats.Unit(
            key=seg.source.key,
            source=seg.source.text,
            target=seg.text,
            source_hash=seg.source.source_hash,
            version=seg.version,
            note=seg.source.kind + (" (outdated)" if seg.state == State.OUTDATED else ""),
            approved=seg.state == State.REVIEWED,
        )
        for seg in _segments(translation)
    ]
    doc = formats.Document(str(work.uid), original.language, translation.language, units)
    return formats.WRITERS[fmt](doc)


def filename(translation: Translation, fmt: str) -> str:
    """``<work-slug>-<lang>.xlf`` / ``.po``: the original's slug names the work (its id when
    it has none); XLIFF 1.2, for older tools, says so before the extension."""
    original = translation.work.original()
    name = (original.slug if original else "") or str(translation.work.uid)
    version = ".xliff12" if fmt == "xliff12" else ""
    return f"{name}-{translation.language}{version}.{formats.EXTENSIONS[fmt]}"


def read(data: bytes) -> tuple[str, formats.Document]:
    fmt = formats.detect(data)
    try:
        return fmt, formats.READERS[fmt](data)
    except Exception as exc:  # any parser failure means an unreadable file
        raise ImportFileError(_("The file cannot be read as %(fmt)s: %(error)s") % {
            "fmt": fmt, "error": exc
        }) from exc  # fmt: skip


def import_file(data: bytes, user=None) -> Report:
    """Save the translated units of an exported file; report what was skipped and why."""
    _fmt, doc = read(data)
    work = Work.objects.filter(uid=doc.work).first() if _is_uuid(doc.work) else None
    if work is None:
        raise ImportFileError(_("The file does not name a work of this site."))
    translation = Translation.objects.filter(work=work, language=doc.target_language).first()
    if translation is None:
        raise ImportFileError(
            _("This work has no translation into “%(lang)s” yet.") % {"lang": doc.target_language}
        )
    roles.require(user, Role.TRANSLATOR, translation.language)
    report = Report(translation)
    by_key = {seg.source.key: seg for seg in _segments(translation)}
    for unit in doc.units:
        seg = by_key.get(unit.key)
        if seg is None:
            report.skipped.append((unit.key, _("no such segment (removed from the original?)")))
            continue
        current_hash = seg.source.source_hash
        file_hash = unit.source_hash or text_hash(unit.source)
        if file_hash != current_hash:
            report.skipped.append((unit.key, _("the original changed after the export")))
            continue
        target = workflow.clean_segment_text(unit.target)
        if not target:
            report.skipped.append((unit.key, _("not translated in the file")))
            continue
        if target == seg.text and seg.state != State.OUTDATED:
            report.unchanged.append(unit.key)
            continue
        if unit.version is not None and unit.version != seg.version:
            report.skipped.append(
                (unit.key, _("changed in havza after the export; not overwritten"))
            )
            continue
        result = workflow.save_segment(
            seg, target, user, seg.version, origin=Origin.IMPORT, event="imported"
        )
        if result.ok:
            report.saved.append(unit.key)
        else:
            report.skipped.append((unit.key, result.message))
    return report


def _is_uuid(value: str) -> bool:
    import uuid

    try:
        uuid.UUID(value)
    except (ValueError, TypeError):
        return False
    return True
