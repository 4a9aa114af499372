"""WordPress exports imported as a stream: memory holds a few hundred posts, whatever the size.

An export is read twice, one post at a time (``wxr.Export``), never as a whole tree:

1. ``survey``: each post's lines at its top and bottom are counted for learning the
   boilerplate (``pipeline.EdgeCounts``), and the posts of each translation group the export
   states (WPML, Polylang) are counted.
2. ``import_exports``: the posts are looked up in the database a chunk at a time (an
   unchanged one is not read further), read and analyzed in worker processes, and each
   translation group is saved as soon as all its posts are analyzed, a batch of works per
   transaction (``batches.save_stated``). The group is the one the export states and the
   page's language the one it declares: nothing is guessed (``declared``). Posts without a
   stated group are returned, to be grouped with the rest of the archive by their evidence.

In the main process only the XML is parsed, the database looked up and written; the posts'
bodies are read and analyzed in the workers, while the main process saves what they
finished.
"""

from __future__ import annotations

from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing import get_context
from typing import Any, TypeVar

from lxml import etree

from havza.archive.batches import SAVE_BATCH, Saving, save_stated
from havza.archive.boilerplate import Boilerplate, edge_keys
from havza.archive.models import ImportedDocument
from havza.archive.paths import ArchiveFile, failed
from havza.archive.pipeline import PARALLEL_FROM, Analysis, EdgeCounts, Progress, _analyze
from havza.archive.report import entry
from havza.archive.sources import (
    SecretGuard,
    SourceDocument,
    SourceError,
    open_safely,
    wxr,
    wxr_document,
)
from havza.archive.store import Item, storage_key
from havza.publishing import bulk

LOOKUP_CHUNK = 256  # posts looked up in the database at once
TASK_POSTS = 8  # posts sent to a worker at once
TASKS_PER_JOB = 40  # tasks in flight per worker: enough to keep it busy while a batch is saved
PROGRESS_EVERY = 25
SURVEY_PARALLEL_FROM = 2_000_000  # bytes of exports below which workers cost more than they save
T = TypeVar("T")
R = TypeVar("R")


@dataclass
class ExportFile:
    """A WordPress export, as the survey found it."""

    file: ArchiveFile
    posts: int = 0
    problems: list[str] = field(default_factory=list)  # XML repairs, for every post
    groups: Counter[str] = field(default_factory=Counter)  # stated group -> posts in it


def is_export(file: ArchiveFile) -> bool:
    """Whether FILE is a WordPress export (False when it cannot be opened: read_all says why)."""
    from havza.archive.sources import is_wxr_stream

    try:
        with open_safely(file.path) as fh:
            head = fh.read(64)
            fh.seek(0)
            if not head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
                return False
            return is_wxr_stream(fh)
    except (SourceError, OSError):
        return False


# Pass 1 ---------------------------------------------------------------------------------


def _post_edges(task: list[wxr.Fields]) -> list[frozenset[str] | None]:
    found: list[frozenset[str] | None] = []
    for fields in task:
        try:
            lines = wxr.convert(fields).page.lines
            found.append(edge_keys([line.text for line in lines]))
        except Exception:
            found.append(None)
    return found


def survey(
    files: list[ArchiveFile], jobs: int, progress: Progress | None = None
) -> tuple[list[ExportFile], EdgeCounts, list[dict[str, Any]]]:
    """The readable exports among FILES, their posts' edges, and report entries for the rest."""
    counts = EdgeCounts()
    exports: list[ExportFile] = []
    entries: list[dict[str, Any]] = []
    seen = 0
    size = sum(f.path.stat().st_size for f in files if f.path.exists())
    with _pool(jobs if size >= SURVEY_PARALLEL_FROM else 1) as pool:
        for file in files:
            export = ExportFile(file)
            try:
                with open_safely(file.path) as fh:
                    reader = wxr.Export(SecretGuard(fh))
                    posts = _counted(reader.fields(), export)
                    for keys in _mapped(pool, _post_edges, _tasks(posts), jobs):
                        if keys is not None:
                            counts.add(keys)
                        seen += 1
                        if progress and seen % PROGRESS_EVERY == 0:
                            progress("read", seen, 0)
                export.problems = reader.problems
            except SourceError as error:
                entries.append(failed(file.name, str(error)))
                continue
            except (ValueError, SyntaxError, etree.LxmlError) as error:
                reason = f"not a readable WordPress export: {error}"
                entries.append(failed(file.name, f"cannot parse the file: {reason}"))
                continue
            if not export.posts:
                document = entry(file.name, status="skipped")
                document["problems"] = ["no posts or pages in this export"]
                entries.append(document)
                continue
            exports.append(export)
    if progress:
        progress("read", seen, seen)
    return exports, counts, entries


def _counted(posts: Iterator[wxr.Fields | str], export: ExportFile) -> Iterator[wxr.Fields]:
    for post in posts:
        export.posts += 1
        if isinstance(post, str):
            continue
        if post.group:
            export.groups[post.group] += 1
        yield post


# Pass 2 ---------------------------------------------------------------------------------

# What the analysis workers use, set before they are forked.
_BOILERPLATE: Boilerplate | None = None

Decide = Callable[[SourceDocument, ImportedDocument | None, Analysis | str], Item | None]
Unchanged = Callable[[str, ImportedDocument | None], bool]


def _analyze_posts(
    task: list[tuple[wxr.Fields, str, list[str]]],
) -> list[tuple[SourceDocument | None, Analysis | str]]:
    results: list[tuple[SourceDocument | None, Analysis | str]] = []
    for fields, name, problems in task:
        try:
            post = wxr.convert(fields)
        except Exception as error:
            results.append((None, f"cannot read this post: {type(error).__name__}: {error}"))
            continue
        post.page.problems.extend(problems)
        source = wxr_document(name, post)
        analysis = _analyze(source, _BOILERPLATE or Boilerplate())
        if isinstance(analysis, Analysis):
            # Made here, in the worker: the process saving the post has less to do.
            analysis.ahead = bulk.ahead(analysis.derived)
        source.page.lines = []  # analyzed: what is saved is in the analysis
        results.append((source, analysis))
    return results


@dataclass
class _Groups:
    """Posts of stated groups waiting until every post of their group is analyzed."""

    expected: Counter[str]
    saving: Saving
    arrived: Counter[str] = field(default_factory=Counter)
    waiting: dict[str, list[Item]] = field(default_factory=lambda: defaultdict(list))
    ready: list[list[Item]] = field(default_factory=list)

    def arrive(self, group: str, item: Item | None) -> None:
        if item is not None:
            self.waiting[group].append(item)
        self.arrived[group] += 1
        if self.arrived[group] >= self.expected[group]:
            del self.arrived[group]  # complete: nothing of it is kept (an archive's worth)
            self.expected.pop(group, None)
            members = self.waiting.pop(group, [])
            if members:
                self.ready.append(members)
            if len(self.ready) >= SAVE_BATCH:
                self.flush()

    def flush(self) -> None:
        """Save the complete groups (and, at the end, what is left waiting)."""
        groups, self.ready = self.ready, []
        items = [item for members in groups for item in members]
        if items:
            save_stated(items, self.saving)

    def finish(self) -> None:
        # Posts whose group was counted but not all seen again (the file changed meanwhile).
        self.ready += [members for members in self.waiting.values() if members]
        self.waiting.clear()
        self.flush()


def import_exports(
    exports: list[ExportFile],
    boilerplate: Boilerplate,
    saving: Saving,
    decide: Decide,
    unchanged: Unchanged,
    jobs: int,
    progress: Progress | None = None,
) -> list[Item]:
    """Import the posts of EXPORTS; return those without a stated group, still to group."""
    global _BOILERPLATE
    total = sum(e.posts for e in exports)
    expected: Counter[str] = Counter()
    for export in exports:
        expected.update(export.groups)
        export.groups = Counter()  # counted in EXPECTED, which forgets each group once saved
    groups = _Groups(expected, saving)
    rest: list[Item] = []
    done = 0
    _BOILERPLATE = boilerplate
    # The model is not loaded here: the main process never identifies a post's language (the
    # export states it), and each worker loads it when a paragraph is first checked, so the
    # largest process holds either Django and the saving or the model, not both.
    try:
        with _pool(jobs if total >= PARALLEL_FROM else 1) as pool:
            sent: deque[_Sent] = deque()
            for export in exports:
                todo = _todo(export, saving, unchanged, groups, sent)
                for source, analysis in _mapped(pool, _analyze_posts, _tasks(todo), jobs):
                    post = sent.popleft()
                    done += 1
                    if source is None:
                        saving.report.add(failed(post.name, str(analysis), key=post.key))
                        item = None
                    else:
                        if isinstance(analysis, Analysis):
                            bulk.remember_ahead(analysis.derived, analysis.ahead)
                        item = decide(source, post.stored, analysis)
                    if post.group:
                        groups.arrive(post.group, item)
                    elif item is not None:
                        rest.append(item)
                    if progress and (done % PROGRESS_EVERY == 0 or done == total):
                        progress("import", done, total)
            groups.finish()
    finally:
        _BOILERPLATE = None
        bulk.forget_ahead()
    return rest


@dataclass
class _Sent:
    """A post sent to be analyzed, as the main process keeps it meanwhile."""

    name: str
    key: str
    group: str
    stored: ImportedDocument | None


def _todo(
    export: ExportFile,
    saving: Saving,
    unchanged: Unchanged,
    groups: _Groups,
    sent: deque[_Sent],
) -> Iterator[tuple[wxr.Fields, str, list[str]]]:
    """The posts of EXPORT to analyze; the others (unchanged, unreadable, repeated) are
    reported here. Each post to analyze is also put on SENT, in order."""
    name = export.file.name
    seen: set[str] = set()
    with open_safely(export.file.path) as fh:
        posts = wxr.Export(SecretGuard(fh)).fields()
        for number, chunk in enumerate(_chunks(posts, LOOKUP_CHUNK)):
            keys = [
                storage_key(f"{name}#post-{post.post_id}")
                for post in chunk
                if not isinstance(post, str)
            ]
            stored = {
                d.key: d
                for d in ImportedDocument.objects.select_related("translation").filter(key__in=keys)
            }
            for n, post in enumerate(chunk):
                if isinstance(post, str):
                    index = number * LOOKUP_CHUNK + n + 1
                    saving.report.add(failed(name, post, key=f"{name}#item-{index}"))
                    continue
                key = f"{name}#post-{post.post_id}"
                before = stored.get(storage_key(key))
                if key in seen or unchanged(post.digest, before):
                    if key not in seen:
                        document = dict(before.decision) or entry(name, key)
                        document.update(status="unchanged", path=name)
                        saving.report.add(document)
                    seen.add(key)
                    if post.group:
                        groups.arrive(post.group, None)
                    continue
                seen.add(key)
                sent.append(_Sent(name, key, post.group, before))
                yield post, name, export.problems


# Workers --------------------------------------------------------------------------------


class _Inline:
    """Stands for a pool when there is one job: runs each task when asked for its result."""

    def submit(self, function: Callable[[T], R], task: T) -> Future:
        future: Future = Future()
        future.set_result(function(task))
        return future

    def __enter__(self) -> _Inline:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


def _pool(jobs: int) -> ProcessPoolExecutor | _Inline:
    if jobs <= 1:
        return _Inline()
    return ProcessPoolExecutor(jobs, mp_context=get_context("fork"))


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _tasks(items: Iterable[T]) -> Iterator[list[T]]:
    return _chunks(items, TASK_POSTS)


def _mapped(
    pool: ProcessPoolExecutor | _Inline,
    function: Callable[[list[T]], list[R]],
    tasks: Iterable[list[T]],
    jobs: int,
) -> Iterator[R]:
    """FUNCTION's results for each task's items, in order, with a few tasks in flight: the
    tasks are taken from TASKS only as results are taken, so memory holds only those."""
    window = max(1, jobs) * TASKS_PER_JOB
    running: deque[Future] = deque()
    for task in tasks:
        running.append(pool.submit(function, task))
        if len(running) >= window:
            yield from running.popleft().result()
    while running:
        yield from running.popleft().result()
