"""Saving analyzed documents as Works, Translations, authors and signatories."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone

from havza import languages
from havza.archive.entities import Directory
from havza.archive.models import ImportedDocument
from havza.archive.signatories import Signer
from havza.archive.sources import SourceDocument
from havza.archive.structure import Parsed
from havza.publishing.models import Authorship, Translation, Work
from havza.signatures.models import Signatory

PARSER_VERSION = 1
TITLE_MAX = 400


@dataclass
class Item:
    """A document on its way to the database, with its report entry."""

    source: SourceDocument
    parsed: Parsed
    evidence: dict[str, Any]
    entry: dict[str, Any]
    stored: ImportedDocument | None = None  # from an earlier import (the content changed)
    confidence: float | None = None
    problems: list[str] = field(default_factory=list)


def storage_key(key: str) -> str:
    """Keys longer than the column are shortened to a stable digest-suffixed form."""
    if len(key) <= 1000:
        return key
    import hashlib

    return key[:900] + "#" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def title_of(parsed: Parsed) -> str:
    if parsed.title:
        return parsed.title[:TITLE_MAX]
    first = parsed.paragraphs[0].text if parsed.paragraphs else ""
    words = first.split()[:12]
    return (" ".join(words) + ("…" if len(first.split()) > 12 else ""))[:TITLE_MAX]


def _published_at(date: dt.date | None) -> dt.datetime | None:
    if date is None:
        return None
    return dt.datetime.combine(date, dt.time(12, 0), tzinfo=dt.UTC)


def _original(items: list[Item]) -> Item:
    # WPML names the language each translation was made from; the one without is the original.
    if any(i.source.source_language for i in items):
        for item in items:
            if item.source.source_language in {"", item.parsed.language.code}:
                return item
    order = {code: n for n, code in enumerate(languages.codes())}
    return min(
        items,
        key=lambda i: (i.parsed.date or dt.date.max, order.get(i.parsed.language.code, 99)),
    )


def save_group(items: list[Item], work: Work | None, directory: Directory) -> Work:
    """Save ITEMS (translations of one piece) into WORK, or into a new Work, atomically."""
    with transaction.atomic():
        original = _original(items)
        dates = [i.parsed.date for i in items if i.parsed.date]
        if work is None:
            work = Work.objects.create(
                kind=Work.Kind.STATEMENT if original.parsed.signatories else Work.Kind.ARTICLE,
                original_language=original.parsed.language.code,
                published_on=min(dates) if dates else None,
            )
        elif work.published_on is None and dates:
            work.published_on = min(dates)
            work.save(update_fields=["published_on", "updated_at"])
        taken = set(work.translations.values_list("language", flat=True))
        for item in items:
            _save_translation(item, work, taken)
        _save_people(original, work, directory)
        return work


def _save_translation(item: Item, work: Work, taken: set[str]) -> None:
    parsed, lang = item.parsed, item.parsed.language.code
    translation = item.stored.translation if item.stored else None
    if translation is None:
        if lang in taken:
            # An editor already wrote this language for the work: the archive's version gets
            # a Work of its own rather than overwriting theirs.
            work = Work.objects.create(
                kind=work.kind, original_language=lang, published_on=parsed.date
            )
            item.problems.append("the work already had this language: saved as a separate work")
        translation = Translation(work=work, language=lang)
    translation.title = title_of(parsed)
    translation.body_markdown = parsed.markdown
    if translation.pk is None:
        translation.status = (
            Translation.Status.DRAFT if item.source.draft else Translation.Status.PUBLISHED
        )
        translation.published_at = _published_at(parsed.date)
    # save() marks the content as updated when it changed, which is what the translation
    # workflow watches to flag the other languages of the work.
    translation.save()
    taken.add(lang)
    _remember(item, translation)


def _remember(item: Item, translation: Translation) -> None:
    doc = item.stored or ImportedDocument(key=storage_key(item.source.key))
    doc.path = item.source.path[:1000]
    doc.format = item.source.format
    doc.digest = item.source.digest
    doc.parser_version = PARSER_VERSION
    doc.translation = translation
    doc.language = translation.language
    doc.title = translation.title
    doc.status = item.entry["status"]
    doc.group_key = item.source.group[:200]
    doc.group_confidence = item.confidence
    doc.evidence = item.evidence
    doc.problems = item.entry["problems"] + item.problems
    item.entry["work"] = translation.work_id
    item.entry["translation"] = translation.pk
    item.entry["group_confidence"] = item.confidence
    item.entry["problems"] = doc.problems
    doc.decision = item.entry
    doc.save()
    item.stored = doc


def _save_people(original: Item, work: Work, directory: Directory) -> None:
    parsed, lang = original.parsed, original.parsed.language.code
    replace = original.stored is not None and original.entry["status"] == "updated"
    if parsed.authors and (replace or not work.authorships.exists()):
        work.authorships.all().delete()
        for position, name in enumerate(parsed.authors):
            author = directory.author(name, lang)
            field_name = "organization" if author._meta.model_name == "organization" else "person"
            Authorship.objects.create(work=work, position=position, **{field_name: author})
    signers = [(Signatory.Role.ISSUER, s) for s in parsed.issuers] + [
        (Signatory.Role.SIGNATORY, s) for s in parsed.signatories
    ]
    if signers and (replace or not work.signatories.exists()):
        work.signatories.all().delete()
        Signatory.objects.bulk_create(
            [
                _signatory(work, role, signer, position, directory, lang)
                for position, (role, signer) in enumerate(signers)
            ]
        )


def _signatory(
    work: Work, role: str, signer: Signer, position: int, directory: Directory, lang: str
) -> Signatory:
    org = directory.organization(signer, lang)
    # bulk_create skips save(): the country default of Signatory.save is applied here.
    return Signatory(
        work=work,
        organization=org,
        role=role,
        country=signer.country or org.country or "",
        position=position,
        signed_at=timezone.now(),
    )


def remember_skipped(source: SourceDocument, entry: dict[str, Any]) -> None:
    """Record a document that was read but not imported, so an unchanged one is not re-read."""
    doc, _ = ImportedDocument.objects.get_or_create(
        key=storage_key(source.key),
        defaults={"path": source.path[:1000], "format": source.format, "status": "skipped"},
    )
    doc.digest = source.digest
    doc.parser_version = PARSER_VERSION
    doc.status = entry["status"]
    doc.language = (entry["language"] or "")[:12]
    doc.title = (entry["title"] or "")[:400]
    doc.problems = entry["problems"]
    doc.decision = entry
    doc.save()
