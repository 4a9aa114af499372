"""The archive import: files in, Works and Translations out, and a report of every decision.

1. The paths (files, folders, globs) are expanded to the files that may be read
   (``paths``), and every file is read and decoded (``pipeline``).
2. What the archive repeats at the top and bottom of its pages is learned.
3. Each new or changed document is analyzed (in parallel on large archives); unchanged ones
   (same key, same content digest) are not touched again.
4. Documents are grouped into Works by the evidence that survives translation, and saved a
   batch of works per transaction (``batches``), so an interrupted import keeps what it
   saved and the next run resumes with the rest.

A file that cannot be read, or a document that fails anywhere, becomes a report entry with
the reason; the import goes on.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.db import connection, transaction

from havza.archive import stream
from havza.archive.announce import Announcer
from havza.archive.batches import SAVE_BATCH, Saving, group_and_save
from havza.archive.models import ImportedDocument
from havza.archive.paths import expand, failed
from havza.archive.pipeline import (
    PARALLEL_FROM,
    Analysis,
    Progress,
    analyze_all,
    learn_boilerplate,
    read_all,
)
from havza.archive.report import Report, entry, report_teasers
from havza.archive.sources import SourceDocument
from havza.archive.store import PARSER_VERSION, Item, remember_skipped, storage_key, title_of

__all__ = [
    "PARALLEL_FROM",
    "SAVE_BATCH",
    "Options",
    "analyze_all",
    "expand",
    "learn_boilerplate",
    "read_all",
    "run",
]


@dataclass
class Options:
    dry_run: bool = False
    jobs: int = 0  # worker processes for reading and analysis; 0: one per core
    # Save each batch of works in bulk (store.save_batch). Off, every work is saved through
    # the models' save(), which stores the same and is what a failing batch falls back to.
    bulk: bool = True
    # Where the saved works are aligned into the translation memory: "import" (beside the
    # saving) or "job" (left to the job worker, one job per batch: translation.archive_jobs).
    align: str = "import"


class _DryRun(Exception):
    """Raised to roll a dry run back once its report is complete."""


def run(
    paths: Iterable[str],
    options: Options | None = None,
    progress: Progress | None = None,
    report_path: Path | None = None,
) -> Report:
    """Import PATHS; the report is written to REPORT_PATH even if the import stops."""
    options = options or Options()
    report = Report(dry_run=options.dry_run)
    started = time.perf_counter()
    try:
        if options.dry_run:
            try:
                with _unmapped(), transaction.atomic():
                    _import(paths, options, report, progress)
                    raise _DryRun
            except _DryRun:  # the report leaves out the ids of new works (``Report.settle``)
                pass
        else:
            with _unmapped():
                _import(paths, options, report, progress)
        report.complete = True
    finally:
        report.seconds = time.perf_counter() - started
        if report_path is not None:
            report.write(report_path)
    return report


@contextmanager
def _unmapped() -> Iterator[None]:
    """SQLite reads its pages through memory mapping (see the settings), which counts every
    page an import touches in its memory, up to the whole mapping. An import writes far
    more than it reads: it reads through SQLite's small page cache, and the process's
    memory stays bounded whatever the size of the archive or of the database."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA mmap_size")
        before = cursor.fetchone()  # none for a database in memory
    if not before or not before[0]:
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA mmap_size=0")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA mmap_size={int(before[0])}")


def _import(
    paths: Iterable[str], options: Options, report: Report, progress: Progress | None
) -> None:
    jobs = options.jobs or os.cpu_count() or 1
    files, refused = expand(paths)
    for document in refused:
        report.add(document)
    # WordPress exports are read as a stream (``stream``), the other files whole.
    export_files = [f for f in files if stream.is_export(f)]
    files = [f for f in files if f not in set(export_files)]
    sources: list[SourceDocument] = []
    for file, result in zip(files, read_all(files, jobs, progress), strict=True):
        if isinstance(result, str):
            report.add(failed(file.name, result))
        elif not result:
            document = entry(file.name, status="skipped")
            document["problems"] = ["no posts or pages in this export"]
            report.add(document)
        else:
            sources.extend(result)
    exports, edges, entries = stream.survey(export_files, jobs, progress)
    for document in entries:
        report.add(document)
    boilerplate = learn_boilerplate(sources, edges)

    stored = {
        d.key: d
        for d in ImportedDocument.objects.select_related("translation").filter(
            key__in=[storage_key(s.key) for s in sources]
        )
    }
    todo: list[tuple[SourceDocument, ImportedDocument | None]] = []
    seen: set[str] = set()
    for source in sources:
        previous = stored.get(storage_key(source.key))
        if source.key in seen:
            continue
        seen.add(source.key)
        if _unchanged(source.digest, previous):
            document = dict(previous.decision) or entry(source.path, source.key)
            document.update(status="unchanged", path=source.path)
            report.add(document)
        else:
            todo.append((source, previous))
    items: list[Item] = []
    if todo:
        parsed = analyze_all([s for s, _ in todo], boilerplate, jobs, progress)
        for (source, previous), result in zip(todo, parsed, strict=True):
            item = _item(source, previous, result, report)
            if item is not None:
                items.append(item)
    del sources, todo
    saving = Saving(
        report, options.bulk, announcer=Announcer(parallel=jobs > 1, align=options.align)
    )
    try:
        if exports:

            def decide(source, previous, analysis):
                return _item(source, previous, analysis, report)

            items += stream.import_exports(
                exports, boilerplate, saving, decide, _unchanged, jobs, progress
            )
        if items:
            group_and_save(items, report, options.bulk, progress, saving)
    finally:
        saving.announcer.close()


def _unchanged(digest: str, previous: ImportedDocument | None) -> bool:
    if previous is None or previous.digest != digest:
        return False
    if previous.parser_version != PARSER_VERSION:
        return False
    return previous.status in {"skipped", "failed", "listing"} or previous.translation is not None


def _item(
    source: SourceDocument,
    previous: ImportedDocument | None,
    analysis: Analysis | str,
    report: Report,
) -> Item | None:
    document = entry(source.path, source.key, "updated" if previous else "imported")
    document["format"] = source.format
    if isinstance(analysis, str):
        document["problems"] = [analysis]
        report.add(document)
        return None
    result = analysis.parsed
    guess = result.language
    document.update(
        language=guess.code if guess.code != "und" else None,
        language_confidence=round(guess.confidence, 3),
        title=title_of(result) or None,
        date=result.date.isoformat() if result.date else None,
        authors=result.authors,
        issuers=[s.as_report() for s in result.issuers],
        signatories=[s.as_report() for s in result.signatories],
        paragraph_languages=[
            {"paragraph": n, "language": p.lang} for n, p in enumerate(result.paragraphs) if p.lang
        ],
        problems=list(result.problems),
    )
    if result.listing is not None:  # teasers of other pages: no work is made from it
        document.update(status="listing", teasers=report_teasers(result.listing))
        report.add(document)
        remember_skipped(source, document)
        return None
    reason = None
    if not result.paragraphs and not result.title:
        reason = "no text found"
    elif guess.code == "und":
        reason = "language not identified"
    elif not guess.is_site_language:
        reason = f"written in {guess.code}, which is not a site language"
    if reason:
        document["status"] = "skipped"
        document["problems"].append(reason)
        report.add(document)
        remember_skipped(source, document)
        return None
    if not result.paragraphs and not source.draft:
        source.draft = True  # a title alone is not a page to publish
        document["problems"].append("saved as a draft: it has no body text")
    if previous is not None and previous.translation is None:
        document["status"] = "imported"
    return Item(
        source, result, analysis.evidence, document, stored=previous, derived=analysis.derived
    )
