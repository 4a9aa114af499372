"""The archive import: files in, Works and Translations out, and a report of every decision.

1. The paths (files, folders, globs) are expanded and every file is read and decoded.
2. What the archive repeats at the top and bottom of its pages is learned.
3. Each new or changed document is analyzed (in parallel on large archives); unchanged ones
   (same key, same content digest) are not touched again.
4. Documents are grouped into Works by the evidence that survives translation.
5. Each Work is saved in its own transaction, so an interrupted import keeps what it saved
   and the next run resumes with the rest.

A file that cannot be read, or a document that fails anywhere, becomes a report entry with
the reason; the import goes on.
"""

from __future__ import annotations

import glob
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from django.db import transaction

from havza.archive import grouping, language
from havza.archive.boilerplate import Boilerplate, edge_keys
from havza.archive.entities import Directory
from havza.archive.models import GroupingCandidate, ImportedDocument
from havza.archive.report import Report, entry
from havza.archive.sources import SourceDocument, SourceError, read_file
from havza.archive.store import (
    PARSER_VERSION,
    Item,
    derive,
    remember_skipped,
    save_batch,
    save_group,
    storage_key,
    title_of,
)
from havza.archive.structure import Parsed, analyze
from havza.publishing.bulk import Derived, SlugReservations
from havza.publishing.models import Work

# Below this many documents, starting worker processes costs more than it saves.
PARALLEL_FROM = 200
SAVE_BATCH = 50  # works saved per transaction
CANDIDATES_PER_DOCUMENT = 3
SKIPPED_NAMES = {".DS_Store", "Thumbs.db"}

Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass
class Options:
    dry_run: bool = False
    jobs: int = 0  # worker processes for reading and analysis; 0: one per core
    # Save each batch of works in bulk (store.save_batch). Off, every work is saved through
    # the models' save(), which stores the same and is what a failing batch falls back to.
    bulk: bool = True


class _DryRun(Exception):
    """Raised to roll a dry run back once its report is complete."""


def expand(paths: Iterable[str]) -> tuple[list[Path], list[dict[str, Any]]]:
    """The files PATHS name (folders are searched recursively, globs expanded), in order."""
    files: dict[Path, None] = {}
    missing: list[dict[str, Any]] = []
    for raw in paths:
        matches = sorted(glob.glob(raw, recursive=True)) if glob.has_magic(raw) else [raw]  # noqa: PTH207 -- absolute and relative patterns alike
        if not matches or not any(Path(m).exists() for m in matches):
            missing.append(_failed(raw, "no such file or folder"))
            continue
        for match in matches:
            path = Path(match)
            if path.is_dir():
                for sub in sorted(path.rglob("*")):
                    if sub.is_file() and not _hidden(sub.relative_to(path)):
                        files.setdefault(sub.resolve())
            elif path.exists():
                files.setdefault(path.resolve())
    return list(files), missing


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts) or relative.name in SKIPPED_NAMES


def _failed(path: str, reason: str, key: str | None = None) -> dict[str, Any]:
    document = entry(path, key, "failed")
    document["problems"] = [reason]
    return document


def _read(path: Path) -> list[SourceDocument] | str:
    try:
        documents = read_file(path)
        # Learning the boilerplate needs these of every page: computed here, in the workers.
        for document in documents:
            document.edge_keys = edge_keys([line.text for line in document.page.lines])
        return documents
    except SourceError as error:
        return str(error)
    except Exception as error:  # any file, however broken, is reported
        return f"unreadable: {type(error).__name__}: {error}"


@dataclass
class Analysis:
    """A document analyzed, with what grouping compares and what its translation stores."""

    parsed: Parsed
    evidence: dict[str, Any]
    derived: Derived


# The documents being analyzed. Worker processes are forked after it is set and read their
# documents from it, so only an index goes to each worker, not the document.
_ANALYZING: tuple[list[SourceDocument], Boilerplate] | None = None


def _analyze_at(index: int) -> Analysis | str:
    assert _ANALYZING is not None
    sources, boilerplate = _ANALYZING
    return _analyze(sources[index], boilerplate)


def _analyze(source: SourceDocument, boilerplate: Boilerplate) -> Analysis | str:
    try:
        parsed = analyze(source.page, boilerplate)
        evidence = grouping.evidence(
            title_of(parsed),
            [(p.kind, p.text) for p in parsed.paragraphs],
            parsed.date,
            [(s.acronym, s.country) for s in parsed.signatories],
            source.links,
        )
        return Analysis(parsed, evidence, derive(parsed))
    except Exception as error:  # one document's failure is reported
        return f"could not analyze: {type(error).__name__}: {error}"


def analyze_all(
    sources: list[SourceDocument],
    boilerplate: Boilerplate,
    jobs: int,
    progress: Progress | None = None,
) -> list[Analysis | str]:
    """Analyze SOURCES (in JOBS worker processes when there are many)."""
    global _ANALYZING
    _ANALYZING = (sources, boilerplate)
    if jobs > 1 and len(sources) >= PARALLEL_FROM:
        language.preload()  # once, for every worker
    try:
        return _map(_analyze_at, list(range(len(sources))), jobs, progress, "analyze")
    finally:
        _ANALYZING = None


def learn_boilerplate(sources: list[SourceDocument]) -> Boilerplate:
    return Boilerplate.from_edges(
        s.edge_keys if s.edge_keys is not None else edge_keys([line.text for line in s.page.lines])
        for s in sources
    )


def read_all(
    files: list[Path], jobs: int, progress: Progress | None = None
) -> list[list[SourceDocument] | str]:
    """Read FILES (in JOBS worker processes when there are many); a string says why not."""
    # The language model is loaded meanwhile, before the analysis workers are forked.
    return _map(_read, files, jobs, progress, "read", meanwhile=language.preload)


def _map(
    function,
    items: list,
    jobs: int,
    progress: Progress | None,
    stage: str,
    meanwhile: Callable[[], object] | None = None,
) -> list:
    total = len(items)
    if jobs <= 1 or total < PARALLEL_FROM:
        results = []
        for n, item in enumerate(items, 1):
            results.append(function(item))
            if progress:
                progress(stage, n, total)
        return results
    # fork: the workers inherit the loaded settings and language model; they never touch the
    # database.
    with ProcessPoolExecutor(jobs, mp_context=get_context("fork")) as pool:
        results = []
        chunk = max(1, min(64, total // (jobs * 8)))
        mapped = pool.map(function, items, chunksize=chunk)  # the workers are forked here
        if meanwhile is not None:
            meanwhile()
        for n, result in enumerate(mapped, 1):
            results.append(result)
            if progress and (n % 25 == 0 or n == total):
                progress(stage, n, total)
        return results


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
                with transaction.atomic():
                    _import(paths, options, report, progress)
                    raise _DryRun
            except _DryRun:
                pass
            for document in report.documents:
                if document["status"] == "imported":
                    document["work"] = document["translation"] = None
        else:
            _import(paths, options, report, progress)
        report.complete = True
    finally:
        report.seconds = time.perf_counter() - started
        if report_path is not None:
            report.write(report_path)
    return report


def _import(
    paths: Iterable[str], options: Options, report: Report, progress: Progress | None
) -> None:
    jobs = options.jobs or os.cpu_count() or 1
    files, missing = expand(paths)
    for document in missing:
        report.add(document)
    sources: list[SourceDocument] = []
    for path, result in zip(files, read_all(files, jobs, progress), strict=True):
        if isinstance(result, str):
            report.add(_failed(str(path), result))
        elif not result:
            document = entry(str(path), status="skipped")
            document["problems"] = ["no posts or pages in this export"]
            report.add(document)
        else:
            sources.extend(result)
    boilerplate = learn_boilerplate(sources)

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
        if _unchanged(source, previous):
            document = dict(previous.decision) or entry(source.path, source.key)
            document.update(status="unchanged", path=source.path)
            report.add(document)
        else:
            todo.append((source, previous))

    parsed = analyze_all([s for s, _ in todo], boilerplate, jobs, progress)
    items: list[Item] = []
    for (source, previous), result in zip(todo, parsed, strict=True):
        item = _item(source, previous, result, report)
        if item is not None:
            items.append(item)
    _group_and_save(items, report, options, progress)


def _unchanged(source: SourceDocument, previous: ImportedDocument | None) -> bool:
    if previous is None or previous.digest != source.digest:
        return False
    if previous.parser_version != PARSER_VERSION:
        return False
    return previous.status in {"skipped", "failed"} or previous.translation is not None


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
    if previous is not None and previous.translation is None:
        document["status"] = "imported"
    return Item(
        source, result, analysis.evidence, document, stored=previous, derived=analysis.derived
    )


def _group_and_save(
    items: list[Item], report: Report, options: Options, progress: Progress | None
) -> None:
    nodes = [
        grouping.Node(
            id=n,
            language=item.parsed.language.code,
            evidence=item.evidence,
            work=item.stored.translation.work_id
            if item.stored and item.stored.translation
            else None,
            group=item.source.group,
            fixed=bool(item.stored and item.stored.translation),
        )
        for n, item in enumerate(items)
    ]
    stored_nodes, stored_docs = _stored_nodes(len(nodes), {i.source.key for i in items})
    result = grouping.group(nodes + stored_nodes)
    directory = Directory()
    slugs = SlugReservations()
    works = {w.pk: w for w in Work.objects.filter(pk__in={n.work for n in nodes + stored_nodes})}
    saved = 0
    groups = [[m for m in members if m < len(items)] for members in result.groups]
    groups = [g for g in groups if g]
    all_nodes = {n.id: n for n in nodes + stored_nodes}
    for start in range(0, len(groups), SAVE_BATCH):
        batch = groups[start : start + SAVE_BATCH]
        # One transaction per batch: far fewer commits, and an interrupted import still
        # keeps every batch it finished.
        directory = _save_batch(
            batch, items, result, all_nodes, works, directory, slugs, options.bulk
        )
        saved += sum(len(members) for members in batch)
        if progress:
            progress("save", saved, len(items))
        for members in batch:
            for m in members:
                report.add(items[m].entry)
    _save_candidates(result, items, stored_docs)


def _save_batch(
    batch: list[list[int]],
    items: list[Item],
    result: grouping.Grouping,
    all_nodes: dict[int, grouping.Node],
    works: dict[int, Work],
    directory: Directory,
    slugs: SlugReservations,
    bulk: bool,
) -> Directory:
    """Save a batch of works at once; if that fails, save them one by one, reporting each."""
    states = {m: items[m].snapshot() for members in batch for m in members}
    groups = []
    for members in batch:
        for m in members:
            items[m].confidence = result.confidence[m]
        groups.append(([items[m] for m in members], _work_of(members, result, all_nodes, works)))
    if bulk:
        try:
            with transaction.atomic():
                save_batch(groups, directory, slugs)
            return directory
        except Exception:  # any failure: save work by work to find the one that caused it
            slugs.forget()
            directory = Directory()  # the rolled-back batch may have held new organizations
            for m, state in states.items():
                items[m].restore(state)
    with transaction.atomic():
        for members in batch:
            directory = _save_one(members, items, result, all_nodes, works, directory)
    slugs.forget()
    return directory


def _work_of(
    members: list[int],
    result: grouping.Grouping,
    all_nodes: dict[int, grouping.Node],
    works: dict[int, Work],
) -> Work | None:
    """The Work of an earlier import that the group of MEMBERS joins, if any."""
    root = next(r for r in result.groups if members[0] in r)
    work_ids = {all_nodes[n].work for n in root} - {None}
    return works.get(next(iter(work_ids))) if work_ids else None


def _save_one(
    members: list[int],
    items: list[Item],
    result: grouping.Grouping,
    all_nodes: dict[int, grouping.Node],
    works: dict[int, Work],
    directory: Directory,
) -> Directory:
    new = [items[m] for m in members]
    for m in members:
        items[m].confidence = result.confidence[m]
    try:
        save_group(new, _work_of(members, result, all_nodes, works), directory)
    except Exception as error:  # one work's failure is reported, the import goes on
        for item in new:
            item.entry["status"] = "failed"
            item.entry["problems"].append(f"could not save: {type(error).__name__}: {error}")
        return Directory()  # the rolled-back savepoint may have held new organizations
    return directory


def _stored_nodes(
    first_id: int, keys: set[str]
) -> tuple[list[grouping.Node], dict[int, ImportedDocument]]:
    """Documents earlier imports placed, as fixed nodes new documents may join."""
    nodes, docs = [], {}
    stored = ImportedDocument.objects.filter(translation__isnull=False).exclude(
        key__in=[storage_key(k) for k in keys]
    )
    for n, doc in enumerate(stored.select_related("translation").iterator(), start=first_id):
        docs[n] = doc
        nodes.append(
            grouping.Node(
                id=n,
                language=doc.language,
                evidence=doc.evidence,
                work=doc.translation.work_id,
                group=doc.group_key,
                fixed=True,
            )
        )
    return nodes, docs


def _save_candidates(
    result: grouping.Grouping, items: list[Item], stored: dict[int, ImportedDocument]
) -> None:
    def doc(node: int) -> ImportedDocument | None:
        return items[node].stored if node < len(items) else stored.get(node)

    per_node: Counter[int] = Counter()
    found: list[tuple[int, int, ImportedDocument, ImportedDocument, float, dict]] = []
    for a, b, confidence, details in sorted(result.to_confirm, key=lambda c: -c[2]):
        first, second = doc(a), doc(b)
        if first is None or second is None or first.translation is None:
            continue
        if second.translation is None or first.translation.work_id == second.translation.work_id:
            continue
        # An editor is shown a document's few likeliest matches, not every weak one.
        if per_node[a] >= CANDIDATES_PER_DOCUMENT or per_node[b] >= CANDIDATES_PER_DOCUMENT:
            continue
        per_node[a] += 1
        per_node[b] += 1
        found.append((a, b, first, second, confidence, details))
    decided = set(
        GroupingCandidate.objects.filter(
            document__in=[f[2] for f in found],
        )
        .exclude(decision=GroupingCandidate.Decision.PENDING)
        .values_list("document_id", "other_id")
    )
    GroupingCandidate.objects.bulk_create(
        [
            GroupingCandidate(document=first, other=second, confidence=conf, evidence=details)
            for _, _, first, second, conf, details in found
        ],
        ignore_conflicts=True,
    )
    for a, b, first, second, conf, _ in found:
        if (first.pk, second.pk) in decided:
            continue
        for node, other in ((a, second), (b, first)):
            if node < len(items):
                items[node].entry["group_candidates"].append(
                    {"work": other.translation.work_id, "confidence": conf}
                )
