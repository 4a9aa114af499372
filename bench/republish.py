"""Benchmark: republishing one edited translation into the export of a site of N statements.

    .venv/bin/python -m bench.republish --statements 1000 --edits 9
    .venv/bin/python -m bench.republish --statements 10000 --edits 9 --jobs 2

Generates N works (``bench.export_vs_hugo.generate``: most in all 11 languages, the rest in a
few) into a fresh SQLite database in a temporary folder, builds its export once (the export's
own pages only: ``HAVZA_BUILD_STEPS`` is emptied, so the static search is not built and not
refreshed), then edits one translation after another (title and body, as an editor saves
them) and times the republish of each. Prints one JSON line: median and maximum milliseconds,
the pages rendered, written and removed per edit, and the database queries per edit.
With --data DIR the site is kept (or reused when DIR already holds one). The one full build
leaves out the statements' PDFs unless --with-pdfs is given (at 10,000 statements they are
most of its time; republishing renders the edited work's PDF all the same).
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


def edit_and_republish(out: Path, edits: int, seed: int = 5) -> list[dict]:
    """Edit EDITS random translations one after another and republish each (one row each)."""
    from django.db import connection

    from havza.export import republish
    from havza.publishing.models import Translation

    rng = random.Random(seed)
    ids = list(Translation.objects.values_list("id", flat=True))
    rows = []
    for pk in rng.sample(ids, min(edits, len(ids))):
        t = Translation.objects.get(pk=pk)
        key = (t.work_id, t.language)
        before = republish.states([key])
        t.title = t.title + " (corrected)"
        t.body_markdown += "\n\nA corrected last paragraph."
        t.save()
        counter = _Counter()
        started = time.perf_counter()
        with connection.execute_wrapper(counter):
            result = republish.republish(out, before)
        rows.append(
            {
                "ms": (time.perf_counter() - started) * 1000,
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
    parser.add_argument("--with-pdfs", action="store_true", help="the full build writes PDFs")
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
            if args.with_pdfs:
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
                    "pages_rendered": [r["rendered"] for r in rows],
                    "pages_written": [r["written"] for r in rows],
                    "pages_removed": [r["removed"] for r in rows],
                    "queries": [r["queries"] for r in rows],
                    "build_s": round(built, 1),
                    "build_with_pdfs": bool(args.with_pdfs),
                }
            )
        )
    finally:
        if args.data is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
