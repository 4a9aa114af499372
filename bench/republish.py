"""Benchmark: republishing one edited translation into the export of a site of N statements.

    .venv/bin/python -m bench.republish --statements 1000 --edits 9
    .venv/bin/python -m bench.republish --statements 10000 --edits 9 --jobs 2

Generates N works (``bench.export_vs_hugo.generate``: most in all 11 languages, the rest in a
few) into a fresh SQLite database in a temporary folder, builds its export once (the export's
own pages only: ``HAVZA_BUILD_STEPS`` is emptied, so the static search is not built and not
refreshed), then edits one translation after another (title and body, as an editor saves
them) and times the republish of each. Prints one JSON line: median and maximum milliseconds,
the median CPU time of the whole republish and of its plan (what to render: the counts of
places in lists, the sitemap's files), the pages rendered, written and removed per edit, and
the database queries per edit.
The edited statement's PDF is rendered after the
republish, by the job an editor's save queues (``export.pdfs.rewrite``), timed on its own; so
are the compressed copies of a large sitemap file the edit changed (``sitemap_copies``: the
first edit of the day to a work changes its <lastmod>; a site generated today has none).
With --data DIR the site is kept (or reused when DIR already holds one). The one full build
writes the statements' PDFs (so that an edit finds its PDF and leaves it to the job, as on a
real export) unless --without-pdfs is given (at 10,000 statements they are most of its time;
then the edited statements' PDFs are rendered before the edits, as the job worker would have
rendered them after a `havza build --pdfs job`).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import random
import shutil
import statistics
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path


class _Counter:
    def __init__(self):
        self.queries = 0

    def __call__(self, execute, sql, params, many, context):
        self.queries += 1
        return execute(sql, params, many, context)


def warm() -> float:
    """Render the home page of every language once, as the long-lived process that saves an
    editor's change has done long before: the first page of a language in a process costs
    Django's URL resolver for that language (~8 ms) and the page chrome (~1 ms), once. The
    CPU milliseconds it took."""
    from havza import languages
    from havza.publishing.pages import CATALOGUE

    cpu = time.process_time()
    for code in languages.codes():
        CATALOGUE["home"].live(code)
    return (time.process_time() - cpu) * 1000


def edit_and_republish(out: Path, edits: int, seed: int = 5) -> list[dict]:
    """Edit EDITS random translations one after another and republish each (one row each),
    in a process that has rendered a page of each language (``warm``)."""
    from django.db import connection

    from havza.export import pdfs, republish, sitemap_copies
    from havza.publishing.models import Translation

    warm()
    rng = random.Random(seed)
    ids = list(Translation.objects.values_list("id", flat=True))
    rows = []
    chosen = rng.sample(ids, min(edits, len(ids)))
    # A site whose first build left its PDFs to the worker (``--pdfs job``) has them once the
    # worker ran; an editor's save on such a site finds the old PDF and leaves the new one to
    # the job. The chosen statements' PDFs are made here, as the worker would have made them.
    edited = Translation.objects.filter(pk__in=chosen).values_list("language", "work_id")
    pdfs.rewrite.func(None, str(out), [[lang, work] for lang, work in edited])
    for pk in chosen:
        t = Translation.objects.get(pk=pk)
        key = (t.work_id, t.language)
        before = republish.states([key])
        t.title = t.title + " (corrected)"
        t.body_markdown += "\n\nA corrected last paragraph."
        t.save()
        counter = _Counter()
        started, cpu = time.perf_counter(), time.process_time()
        with connection.execute_wrapper(counter):
            # as an editor's save
            result = republish.republish(out, before, pdfs_later=True, copies_later=True)
        ms = (time.perf_counter() - started) * 1000
        cpu_ms = (time.process_time() - cpu) * 1000
        started = time.perf_counter()
        for lang, work in result.later:  # the job that follows the save
            pdfs.rewrite.func(None, str(out), [[lang, work]])
        copies_cpu = time.process_time()
        if result.copies_later:  # the other job: a large sitemap file's compressed copies
            sitemap_copies.compress.func(None, str(out), result.copies_later)
        copies_cpu = (time.process_time() - copies_cpu) * 1000 if result.copies_later else None
        rows.append(
            {
                "ms": ms,
                "cpu_ms": cpu_ms,
                "plan_cpu_ms": result.plan_cpu_seconds * 1000,
                "pdf_ms": (time.perf_counter() - started) * 1000 if result.later else None,
                "copies_cpu_ms": copies_cpu,
                "rendered": result.rendered,
                "written": len(result.written),
                "removed": len(result.removed),
                "queries": counter.queries,
            }
        )
    return rows


@contextmanager
def _without_pdfs():
    """The full build leaves out the statements' PDFs."""
    from havza.publishing.pages.companions import StatementPdf

    pages_of = StatementPdf.pages_of
    StatementPdf.pages_of = lambda self, work, site: iter(())
    try:
        yield
    finally:
        StatementPdf.pages_of = pages_of


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--statements", type=int, default=60)
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=1, help="processes of the one full build")
    parser.add_argument("--data", type=Path, help="keep the site here (reused when present)")
    parser.add_argument("--without-pdfs", action="store_true", help="the full build writes no PDFs")
    parser.add_argument("--profile", type=Path, help="write a cProfile of the republishes here")
    args = parser.parse_args(argv)
    folder = args.data or Path(tempfile.mkdtemp(prefix="havza-republish-"))
    folder.mkdir(parents=True, exist_ok=True)
    reuse = (folder / "public" / "robots.txt").is_file()
    try:
        from bench import export_vs_hugo as b

        b._setup_django(folder)
        from django.conf import settings

        from havza.export import builder

        settings.HAVZA_BUILD_STEPS = []  # the export's own pages only
        out = folder / "public"
        built = 0.0
        if not reuse:
            b.load_havza(*b.generate(args.statements))
            started = time.perf_counter()
            if not args.without_pdfs:
                builder.build(out, jobs=args.jobs)
            else:
                with _without_pdfs():
                    builder.build(out, jobs=args.jobs)
            built = time.perf_counter() - started
        from havza.publishing.models import Work

        statements = Work.objects.count()
        profile = cProfile.Profile() if args.profile else None
        if profile:
            profile.enable()
        rows = edit_and_republish(out, args.edits)
        if profile:
            profile.disable()
            profile.dump_stats(args.profile)
        ms = [r["ms"] for r in rows]
        print(
            json.dumps(
                {
                    "statements": statements,
                    "edits": len(rows),
                    "median_ms": round(statistics.median(ms), 1),
                    "max_ms": round(max(ms), 1),
                    "pdf_job_median_ms": round(
                        statistics.median([r["pdf_ms"] for r in rows if r["pdf_ms"]] or [0.0]), 1
                    ),
                    "cpu_median_ms": round(statistics.median(r["cpu_ms"] for r in rows), 1),
                    "cpu_max_ms": round(max(r["cpu_ms"] for r in rows), 1),
                    "sitemap_copies_job_cpu_ms": [
                        round(r["copies_cpu_ms"]) for r in rows if r["copies_cpu_ms"] is not None
                    ],
                    "plan_cpu_median_ms": round(
                        statistics.median(r["plan_cpu_ms"] for r in rows), 1
                    ),
                    "pages_rendered": [r["rendered"] for r in rows],
                    "pages_written": [r["written"] for r in rows],
                    "pages_removed": [r["removed"] for r in rows],
                    "queries": [r["queries"] for r in rows],
                    "build_s": round(built, 1),
                    "build_with_pdfs": not args.without_pdfs,
                }
            )
        )
    finally:
        if args.data is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
