"""Reading and analyzing documents, in worker processes when there are many.

Workers are forked: they inherit the loaded settings and the language model, and never
touch the database. Each file is read in a worker; each document is analyzed in a worker
that takes it from the memory it inherited, so only an index goes to a worker.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from typing import Any

from havza.archive import grouping, language
from havza.archive.boilerplate import Boilerplate, edge_keys
from havza.archive.learned import remember
from havza.archive.paths import ArchiveFile
from havza.archive.sources import SourceDocument, SourceError, read_file
from havza.archive.store import derive, title_of
from havza.archive.structure import Parsed, analyze
from havza.publishing.bulk import Derived

# Below this many documents, starting worker processes costs more than it saves.
PARALLEL_FROM = 200

Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass
class Analysis:
    """A document analyzed, with what grouping compares and what its translation stores."""

    parsed: Parsed
    evidence: dict[str, Any]
    derived: Derived
    # What other apps make ahead of the translation's text (``publishing.bulk.ahead``), for
    # the process that saves it.
    ahead: dict[str, Any] = field(default_factory=dict)


def _read(file: ArchiveFile) -> list[SourceDocument] | str:
    try:
        documents = read_file(file.path, file.name)
        # Learning the boilerplate needs these of every page: computed here, in the workers.
        for document in documents:
            document.edge_keys = edge_keys([line.text for line in document.page.lines])
        return documents
    except SourceError as error:
        return str(error)
    except Exception as error:  # any file, however broken, is reported
        return f"unreadable: {type(error).__name__}: {error}"


def read_all(
    files: list[ArchiveFile], jobs: int, progress: Progress | None = None
) -> list[list[SourceDocument] | str]:
    """Read FILES (in JOBS worker processes when there are many); a string says why not."""
    # The language model is loaded meanwhile, before the analysis workers are forked.
    return _map(_read, files, jobs, progress, "read", meanwhile=language.preload)


def learn_boilerplate(
    sources: list[SourceDocument], exports: EdgeCounts | None = None
) -> Boilerplate:
    """What this archive repeats, with what earlier imports learned and editors decided.

    EXPORTS counts the edges of the posts of the WordPress exports, read as a stream.
    """
    if exports is None or not exports.pages:
        learned = Boilerplate.from_edges(_edges(s) for s in sources)
    else:
        for source in sources:
            exports.add(_edges(source))
        learned = exports.boilerplate()
    return remember(learned, sources)


def _edges(source: SourceDocument) -> frozenset[str]:
    if source.edge_keys is not None:
        return source.edge_keys
    return edge_keys([line.text for line in source.page.lines])


# Pages between two prunings of the edge counts: a line's count may then fall short of its
# true count by at most one page in EDGE_BUCKET (0.05% of the pages, against the 5% a line
# needs), and an archive of fewer pages is counted exactly.
EDGE_BUCKET = 2000


@dataclass
class EdgeCounts:
    """On how many pages each line is at the top or bottom, counted page by page.

    ``Boilerplate.from_edges`` learns from every page's edges at once; this learns the same
    from pages that stream by, in memory bounded whatever the number of pages: most lines at
    a page's edges are its own paragraphs, several million distinct ones in a large archive.
    It counts each line by its hash and keeps the line itself only once it is on two pages;
    every EDGE_BUCKET pages it forgets the lines too rare to be learned (lossy counting,
    Manku and Motwani 2002). A line forgotten and seen again is counted anew, with the most
    pages it may have been on before (``_before``); it is learned only when the pages it is
    surely on reach the share, so a line is never learned that would not be learned from
    every page at once, and one on a few pages more than the share always is.
    """

    pages: int = 0
    counts: dict[int, int] = field(default_factory=dict)
    repeated: dict[int, str] = field(default_factory=dict)
    _before: dict[int, int] = field(default_factory=dict)  # hash -> pages it may have missed

    def add(self, keys: Iterable[str]) -> None:
        self.pages += 1
        counts, pruned = self.counts, self.pages > EDGE_BUCKET
        for key in keys:
            hashed = hash(key)
            n = counts.get(hashed, 0) + 1
            counts[hashed] = n
            if n == 2:
                self.repeated[hashed] = key
            elif n == 1 and pruned:  # maybe forgotten before: kept with what it may have missed
                self._before[hashed] = (self.pages - 1) // EDGE_BUCKET
        if self.pages % EDGE_BUCKET == 0:
            self._prune(self.pages // EDGE_BUCKET)

    def _prune(self, bucket: int) -> None:
        """Forget the lines that cannot be on one page in EDGE_BUCKET, before this one."""
        before = self._before
        rare = [h for h, n in self.counts.items() if n + before.get(h, 0) <= bucket]
        for hashed in rare:
            del self.counts[hashed]
            before.pop(hashed, None)
            self.repeated.pop(hashed, None)

    def boilerplate(self) -> Boilerplate:
        """What ``Boilerplate.from_edges`` learns from the same pages."""
        counts = {key: self.counts[h] for h, key in self.repeated.items()}
        return Boilerplate.from_counts(counts, self.pages)


# The documents being analyzed. Worker processes are forked after it is set and read their
# documents from it, so only an index goes to each worker, not the document.
_ANALYZING: tuple[list[SourceDocument], Boilerplate] | None = None


def _analyze_at(index: int) -> Analysis | str:
    assert _ANALYZING is not None
    sources, boilerplate = _ANALYZING
    return _analyze(sources[index], boilerplate)


def _analyze(source: SourceDocument, boilerplate: Boilerplate) -> Analysis | str:
    try:
        # WPML and Polylang state each post's language: it is taken as given.
        parsed = analyze(source.page, boilerplate, trust_language=source.format == "wxr")
        evidence = grouping.evidence(
            title_of(parsed),
            [(p.kind, p.text) for p in parsed.paragraphs],
            parsed.date,
            [(s.acronym, s.country) for s in parsed.signatories],
            source.links,
            people=[*parsed.authors, *(s.name for s in parsed.signatories if s.person)],
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
