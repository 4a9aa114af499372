"""Grouping the analyzed documents into Works and saving them, a batch of works at a time.

Each batch is one transaction: the works, translations, authors and signatories of its
documents, the import's records of them, and the possible translations (pairs an editor
should look at) whose two documents are saved by then. An import stopped at any point keeps
every batch it finished, and the next run, which sees those documents as already imported,
ends where an uninterrupted run would have ended.
"""

from __future__ import annotations

import os
import signal
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from havza.archive import grouping, undated
from havza.archive.announce import Announcer
from havza.archive.entities import Directory
from havza.archive.models import GroupingCandidate, ImportedDocument
from havza.archive.pipeline import Progress
from havza.archive.report import Report
from havza.archive.store import Item, save_batch, save_group, storage_key
from havza.publishing import changes
from havza.publishing.bulk import SlugReservations
from havza.publishing.models import Work

SAVE_BATCH = 50  # works saved per transaction
CANDIDATES_PER_DOCUMENT = 3
# For the crash tests only: "batch=N" saves N works per transaction; "kill-after=N" and
# "kill-in=N" end the process with SIGKILL after batch N is committed, or before it is.
FAULT_ENV = "HAVZA_IMPORT_FAULT"


def _faults() -> dict[str, int]:
    spec = os.environ.get(FAULT_ENV, "")
    return {k: int(v) for k, _, v in (p.partition("=") for p in spec.split(",") if p)}


def _kill_if(faults: dict[str, int], point: str, batch: int) -> None:
    if faults.get(point) == batch:
        os.kill(os.getpid(), signal.SIGKILL)


@dataclass
class _Candidates:
    """Possible translations chosen for this import, written as their documents are saved."""

    items: list[Item]
    stored: dict[int, ImportedDocument]
    pending: list[tuple[int, int, float, dict[str, float]]] = field(default_factory=list)

    def document(self, node: int) -> ImportedDocument | None:
        if node < len(self.items):
            return self.items[node].stored
        return self.stored.get(node)

    def key(self, node: int) -> str:
        if node < len(self.items):
            return storage_key(self.items[node].source.key)
        return self.stored[node].key

    def choose(self, result: grouping.Grouping) -> None:
        """An editor is shown a document's few likeliest matches, not every weak one.

        Pairs are taken strongest first (ties in the order of the documents' keys), counting
        the pairs earlier imports recorded, so the choice does not depend on how the import
        was cut into runs.
        """
        keys = {n: self.key(n) for a, b, _, _ in result.to_confirm for n in (a, b)}
        wanted = set(keys.values())
        recorded = GroupingCandidate.objects.values_list(
            "document__key", "other__key", "confidence"
        )
        known = {frozenset((a, b)): conf for a, b, conf in recorded if a in wanted and b in wanted}
        events = [(-conf, *sorted(pair), None) for pair, conf in known.items() if len(pair) == 2]
        for a, b, conf, details in result.to_confirm:
            pair = frozenset((keys[a], keys[b]))
            if pair not in known:
                events.append((-conf, *sorted(pair), (a, b, conf, details)))
        per_key: Counter[str] = Counter()
        for _, first, second, candidate in sorted(events, key=lambda e: e[:3]):
            full = max(per_key[first], per_key[second]) >= CANDIDATES_PER_DOCUMENT
            if candidate is not None and full:
                continue
            per_key[first] += 1
            per_key[second] += 1
            if candidate is not None:
                self.pending.append(candidate)

    def write_saved(self) -> None:
        """Record the chosen pairs whose two documents are saved; keep the others for later."""
        ready, waiting = [], []
        for candidate in self.pending:
            first, second = self.document(candidate[0]), self.document(candidate[1])
            saved = all(d is not None and d.pk and d.translation_id for d in (first, second))
            (ready if saved else waiting).append(candidate)
        self.pending = waiting
        found = []
        for a, b, conf, details in ready:
            first, second = self.document(a), self.document(b)
            if first.translation.work_id == second.translation.work_id:
                continue
            if first.key > second.key:
                (a, first), (b, second) = (b, second), (a, first)
            found.append((a, b, first, second, conf, details))
        if not found:
            return
        # A pair recorded before, either way round, is not recorded again; one an editor
        # decided is not listed for them again.
        docs = [f[2] for f in found] + [f[3] for f in found]
        existing = {
            frozenset((a, b)): decision
            for a, b, decision in GroupingCandidate.objects.filter(
                document__in=docs, other__in=docs
            ).values_list("document_id", "other_id", "decision")
        }
        GroupingCandidate.objects.bulk_create(
            [
                GroupingCandidate(document=first, other=second, confidence=conf, evidence=details)
                for _, _, first, second, conf, details in found
                if frozenset((first.pk, second.pk)) not in existing
            ],
            ignore_conflicts=True,
        )
        pending = GroupingCandidate.Decision.PENDING
        for a, b, first, second, conf, _ in found:
            if existing.get(frozenset((first.pk, second.pk)), pending) != pending:
                continue
            for node, other in ((a, second), (b, first)):
                if node < len(self.items):
                    self.items[node].entry["group_candidates"].append(
                        {"work": other.translation.work_id, "confidence": conf}
                    )


@dataclass
class Saving:
    """What saving keeps from one batch to the next within one import."""

    report: Report
    bulk: bool
    progress: Progress | None = None
    directory: Directory = field(default_factory=Directory)
    slugs: SlugReservations = field(default_factory=SlugReservations)
    faults: dict[str, int] = field(default_factory=_faults)
    number: int = 0  # batches saved so far
    # Tells the apps built on publishing what each batch saved (``announce``).
    announcer: Announcer = field(default_factory=Announcer)


def group_and_save(
    items: list[Item],
    report: Report,
    bulk: bool,
    progress: Progress | None,
    saving: Saving | None = None,
) -> None:
    """Group ITEMS into works (with the documents of earlier imports) and save them."""
    saving = saving or Saving(report, bulk)
    undated.annotate(items, report.listings())  # what an editor may date undated ones by
    nodes = _nodes(items)
    stored = ImportedDocument.objects.filter(translation__isnull=False).exclude(
        key__in=[storage_key(i.source.key) for i in items]
    )
    stored_nodes, stored_docs = _stored_nodes(
        len(nodes), stored.select_related("translation").iterator()
    )
    _save_grouped(items, nodes + stored_nodes, stored_docs, saving, progress)


def save_stated(items: list[Item], saving: Saving) -> None:
    """Save ITEMS, whose sources state their translation groups, every document of this
    import in those groups among them: grouped with earlier imports' documents of the same
    groups (and their works), exactly as ``group_and_save`` would group them."""
    undated.annotate(items, saving.report.listings())
    nodes = _nodes(items)
    keys = [storage_key(i.source.key) for i in items]
    saved = (
        ImportedDocument.objects.select_related("translation")
        .filter(translation__isnull=False)
        .exclude(key__in=keys)
    )
    docs = list(saved.filter(group_key__in={i.source.group[:200] for i in items}))
    works = {d.translation.work_id for d in docs}
    if works:
        known = [d.pk for d in docs]
        docs += saved.filter(translation__work__in=works).exclude(pk__in=known)
    stored_nodes, stored_docs = _stored_nodes(len(nodes), docs)
    # The stream's workers are analyzing meanwhile: its batches are aligned here.
    _save_grouped(items, nodes + stored_nodes, stored_docs, saving, None, beside=False)


def _nodes(items: list[Item]) -> list[grouping.Node]:
    return [
        grouping.Node(
            id=n,
            language=item.parsed.language.code,
            evidence=item.evidence,
            work=item.stored.translation.work_id
            if item.stored and item.stored.translation
            else None,
            group=item.source.group,
            fixed=bool(item.stored and item.stored.translation),
            key=storage_key(item.source.key),
        )
        for n, item in enumerate(items)
    ]


def _save_grouped(
    items: list[Item],
    all_nodes_list: list[grouping.Node],
    stored_docs: dict[int, ImportedDocument],
    saving: Saving,
    progress: Progress | None,
    beside: bool = True,
) -> None:
    result = grouping.group(all_nodes_list)
    candidates = _Candidates(items, stored_docs)
    if result.to_confirm:
        candidates.choose(result)
    works = {w.pk: w for w in Work.objects.filter(pk__in={n.work for n in all_nodes_list})}
    groups = [[m for m in members if m < len(items)] for members in result.groups]
    groups = [g for g in groups if g]
    all_nodes = {n.id: n for n in all_nodes_list}
    faults = saving.faults
    size = faults.get("batch", SAVE_BATCH)
    saved = 0
    # The entries of the works saved here change until the last batch is saved (their
    # possible translations) and aligned: the report keeps them until then.
    with saving.report.holding():
        for start in range(0, len(groups), size):
            saving.number += 1
            number = saving.number
            batch = groups[start : start + size]
            plan = _Plan(items, result, all_nodes, works, candidates, faults, number)
            saving.directory = plan.save(batch, saving.directory, saving.slugs, saving.bulk)
            _kill_if(faults, "kill-after", number)
            # The translation memory aligns the batch's works (it adds "alignment" to
            # entries), in a second process while the next batch is saved when there is one.
            done = [m for members in batch for m in members]
            saving.announcer.send(
                sorted(plan.saved_works(done)),
                [items[m].entry for m in done],
                more=beside and start + size < len(groups),
            )
            saved += sum(len(members) for members in batch)
            if progress:
                progress("save", saved, len(items))
            for members in batch:
                for m in members:
                    saving.report.add(items[m].entry)
        saving.announcer.wait()


@dataclass
class _Plan:
    items: list[Item]
    result: grouping.Grouping
    all_nodes: dict[int, grouping.Node]
    works: dict[int, Work]
    candidates: _Candidates
    faults: dict[str, int]
    number: int

    def save(
        self, batch: list[list[int]], directory: Directory, slugs: SlugReservations, bulk: bool
    ) -> Directory:
        """Save a batch of works at once; if that fails, one by one, reporting each."""
        items = self.items
        states = {m: items[m].snapshot() for members in batch for m in members}
        groups = []
        for members in batch:
            for m in members:
                items[m].confidence = self.result.confidence[m]
            groups.append(([items[m] for m in members], self.work_of(members)))
        # One unit of work: the export republishes the pages the batch changes once, after
        # it commits (the works it joins as they were before, the new ones as they are).
        joined = {work.pk for _, work in groups if work is not None}
        if bulk:
            try:
                with changes.changing(joined) as unit:
                    save_batch(groups, directory, slugs)
                    self.candidates.write_saved()
                    unit.add(self.saved_works(states))
                    _kill_if(self.faults, "kill-in", self.number)
                return directory
            except Exception:  # any failure: save work by work to find the one that caused it
                slugs.forget()
                directory = Directory()  # the rolled-back batch may have held new organizations
                for m, state in states.items():
                    items[m].restore(state)
        with changes.changing(joined) as unit:
            for members in batch:
                directory = self.save_one(members, directory)
            self.candidates.write_saved()
            unit.add(self.saved_works(states))
            _kill_if(self.faults, "kill-in", self.number)
        slugs.forget()
        return directory

    def saved_works(self, members: Iterable[int]) -> set[int]:
        return {w for m in members if (w := self.items[m].entry["work"]) is not None}

    def work_of(self, members: list[int]) -> Work | None:
        """The Work of an earlier import that the group of MEMBERS joins, if any."""
        root = next(r for r in self.result.groups if members[0] in r)
        work_ids = {self.all_nodes[n].work for n in root} - {None}
        return self.works.get(next(iter(work_ids))) if work_ids else None

    def save_one(self, members: list[int], directory: Directory) -> Directory:
        new = [self.items[m] for m in members]
        states = [item.snapshot() for item in new]
        for m in members:
            self.items[m].confidence = self.result.confidence[m]
        try:
            save_group(new, self.work_of(members), directory)
        except Exception as error:  # one work's failure is reported, the import goes on
            for item, state in zip(new, states, strict=True):
                item.restore(state)
                item.entry["status"] = "failed"
                item.entry["problems"].append(f"could not save: {type(error).__name__}: {error}")
            return Directory()  # the rolled-back savepoint may have held new organizations
        return directory


def _stored_nodes(
    first_id: int, stored: Iterable[ImportedDocument]
) -> tuple[list[grouping.Node], dict[int, ImportedDocument]]:
    """Documents earlier imports placed, as fixed nodes new documents may join."""
    nodes, docs = [], {}
    for n, doc in enumerate(stored, start=first_id):
        docs[n] = doc
        nodes.append(
            grouping.Node(
                id=n,
                language=doc.language,
                evidence=doc.evidence,
                work=doc.translation.work_id,
                group=doc.group_key,
                fixed=True,
                key=doc.key,
            )
        )
    return nodes, docs
