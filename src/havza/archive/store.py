"""Saving analyzed documents as Works, Translations, authors and signatories.

Two paths store the same thing. ``save_batch`` saves many works at once: new translations
through the publishing app's bulk creation (HTML and excerpt rendered beforehand, in the
analysis workers; slugs reserved in memory), and works, authors, signatories and the
import's own records with one insert per kind. ``save_group`` saves one work at a time
through the models' ``save()``: the importer falls back to it, work by work, when a batch
fails, so one broken work is reported alone and the rest is saved.
"""

from __future__ import annotations

import datetime as dt
import re
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
from havza.publishing import bulk
from havza.publishing.models import Authorship, Signatory, Translation, Work

PARSER_VERSION = 3  # documents read by an older parser are read again
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
    derived: bulk.Derived | None = None  # the translation's HTML, excerpt and slug base

    def snapshot(self) -> tuple:
        """What saving changes on the item, to restore if the saving is rolled back."""
        # Saving replaces entry values (ids, problems) but never changes them in place.
        entry = {**self.entry, "problems": list(self.entry["problems"])}
        return (self.stored, list(self.problems), entry)

    def restore(self, state: tuple) -> None:
        self.stored, self.problems, self.entry = state[0], list(state[1]), state[2]


def storage_key(key: str) -> str:
    """Keys longer than the column are shortened to a stable digest-suffixed form."""
    if len(key) <= 1000:
        return key
    import hashlib

    return key[:900] + "#" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


TITLE_WORDS = 12  # a title made from the text: its first sentence, at most this many words
_FIRST_SENTENCE = re.compile(r"^.+?[.!?؟։](?=\s|$)", re.DOTALL)


def title_of(parsed: Parsed) -> str:
    """The title as saved: the page's own, else the first sentence of its text (which stays
    in the body too)."""
    if parsed.title:
        return parsed.title[:TITLE_MAX]
    first = parsed.paragraphs[0].text if parsed.paragraphs else ""
    sentence = _FIRST_SENTENCE.match(first)
    words = (sentence.group(0) if sentence else first).split()
    cut = len(words) > TITLE_WORDS or (sentence is None and len(first.split()) > len(words))
    return (" ".join(words[:TITLE_WORDS]) + ("…" if cut else ""))[:TITLE_MAX]


def derive(parsed: Parsed) -> bulk.Derived:
    """What the translation of PARSED will store, computed without the database."""
    return bulk.derive(parsed.language.code, title_of(parsed), parsed.markdown)


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
        _save_people(original, work, directory)
        original.problems += directory.take_notes()
        taken = set(work.translations.values_list("language", flat=True))
        for item in items:
            _save_translation(item, work, taken)
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
    translation.body_markdown = item.derived.body_markdown if item.derived else parsed.markdown
    if translation.pk is None:
        translation.status = _status(item)
        translation.published_at = _published_at(parsed.date)
    # save() marks the content as updated when it changed, which is what the translation
    # workflow watches to flag the other languages of the work.
    translation.save()
    taken.add(lang)
    _remember(item, translation)


def _remember(item: Item, translation: Translation) -> None:
    _record(item, translation).save()


def _record(item: Item, translation: Translation) -> ImportedDocument:
    """The import's record of ITEM, saved as TRANSLATION (not written yet)."""
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
    doc.date = item.parsed.date or doc.date  # a date an editor gave stays
    doc.date_evidence = item.entry.get("date_evidence") or {}
    doc.problems = item.entry["problems"] + item.problems
    item.entry["work"] = translation.work_id
    item.entry["translation"] = translation.pk
    item.entry["group_confidence"] = item.confidence
    item.entry["problems"] = doc.problems
    doc.decision = item.entry
    item.stored = doc
    return doc


def save_batch(
    groups: list[tuple[list[Item], Work | None]],
    directory: Directory,
    slugs: bulk.SlugReservations,
) -> None:
    """Save GROUPS (each the translations of one piece, and the Work they join, if any).

    Stores what ``save_group`` stores for each group, with a few queries for the whole
    batch. Call inside a transaction; if it fails, roll back, restore the items and forget
    SLUGS and DIRECTORY.
    """
    plans = []
    new_works = []
    for items, work in groups:
        original = _original(items)
        dates = [i.parsed.date for i in items if i.parsed.date]
        if work is None:
            work = Work(
                kind=Work.Kind.STATEMENT if original.parsed.signatories else Work.Kind.ARTICLE,
                original_language=original.parsed.language.code,
                published_on=min(dates) if dates else None,
            )
            new_works.append(work)
        elif work.published_on is None and dates:
            work.published_on = min(dates)
            work.save(update_fields=["published_on", "updated_at"])
        plans.append((items, work, original))
    bulk.send_created(Work, Work.objects.bulk_create(new_works), "default")

    # People first: what matching their names noted belongs in the records saved below.
    authorships: list[Authorship] = []
    signatures: list[Signatory] = []
    for _, work, original in plans:
        if work in new_works:
            authorships += _authorships(original, work, directory)
            signatures += _signatories(original, work, directory)
        else:
            _save_people(original, work, directory)
        original.problems += directory.take_notes()
    bulk.send_created(Authorship, Authorship.objects.bulk_create(authorships), "default")
    Signatory.objects.bulk_create(signatures)

    existing = [work.pk for _, work, _ in plans if work not in new_works]
    taken: dict[int, set[str]] = {pk: set() for pk in existing}
    if existing:
        for work_id, lang in Translation.objects.filter(work__in=existing).values_list(
            "work_id", "language"
        ):
            taken[work_id].add(lang)
    created: list[tuple[Item, Translation]] = []
    for items, work, _ in plans:
        languages_taken = taken.setdefault(work.pk, set())
        for item in items:
            lang = item.parsed.language.code
            if item.stored and item.stored.translation:
                # A changed document: its translation is saved the normal way (see above).
                _save_translation(item, work, languages_taken)
                continue
            target = work
            if lang in languages_taken:
                target = Work.objects.create(
                    kind=work.kind, original_language=lang, published_on=item.parsed.date
                )
                item.problems.append("the work already had this language: saved as a separate work")
            languages_taken.add(lang)
            created.append((item, _new_translation(item, target)))
    bulk.create_translations([t for _, t in created], [i.derived for i, _ in created], slugs=slugs)
    new_docs = []
    for item, translation in created:
        doc = _record(item, translation)
        if doc.pk is None:
            new_docs.append(doc)
        else:
            doc.save()
    ImportedDocument.objects.bulk_create(new_docs)


def _new_translation(item: Item, work: Work) -> Translation:
    parsed = item.parsed
    return Translation(
        work=work,
        language=parsed.language.code,
        title=title_of(parsed),
        body_markdown=item.derived.body_markdown if item.derived else parsed.markdown,
        status=_status(item),
        published_at=_published_at(parsed.date),
    )


def _status(item: Item) -> str:
    """Published as the source was, except that an undated document gets no invented date:
    it waits as a draft for an editor to date it (see ``undated``)."""
    if item.source.draft:
        return Translation.Status.DRAFT
    if item.parsed.date is None:
        item.problems.append("no date found: saved as a draft for an editor to date")
        return Translation.Status.DRAFT
    return Translation.Status.PUBLISHED


def _authorships(original: Item, work: Work, directory: Directory) -> list[Authorship]:
    lang = original.parsed.language.code
    found = []
    for position, name in enumerate(original.parsed.authors):
        author = directory.author(name, lang)
        field_name = "organization" if author._meta.model_name == "organization" else "person"
        found.append(Authorship(work=work, position=position, **{field_name: author}))
    return found


def _signatories(original: Item, work: Work, directory: Directory) -> list[Signatory]:
    parsed, lang = original.parsed, original.parsed.language.code
    signers = [(Signatory.Role.ISSUER, s) for s in parsed.issuers] + [
        (Signatory.Role.SIGNATORY, s) for s in parsed.signatories
    ]
    return [
        _signatory(work, role, signer, position, directory, lang)
        for position, (role, signer) in enumerate(signers)
    ]


def _save_people(original: Item, work: Work, directory: Directory) -> None:
    parsed = original.parsed
    replace = original.stored is not None and original.entry["status"] == "updated"
    if parsed.authors and (replace or not work.authorships.exists()):
        work.authorships.all().delete()
        for authorship in _authorships(original, work, directory):
            authorship.save()
    if (parsed.issuers or parsed.signatories) and (replace or not work.signatories.exists()):
        work.signatories.all().delete()
        Signatory.objects.bulk_create(_signatories(original, work, directory))


def _signatory(
    work: Work, role: str, signer: Signer, position: int, directory: Directory, lang: str
) -> Signatory:
    found = directory.signer(signer, lang)  # an organization, or a person
    # bulk_create skips save(): the country default of Signatory.save is applied here.
    return Signatory(
        work=work,
        **{found._meta.model_name: found},
        role=role,
        country=signer.country or found.country or "",
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
