"""havza import: bring an archive of scraped pages, HTML pages or WordPress exports in."""

from __future__ import annotations

import sys
from argparse import RawDescriptionHelpFormatter
from itertools import islice
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from havza.archive import importer

EXAMPLES = """\
Reads plain-text scraped pages, HTML pages and WordPress exports (WXR, with WPML or Polylang
translation data). Each document becomes a Translation; translations of the same piece in
other languages join one Work. Importing the same files again changes nothing; changed files
update their translation; an interrupted import resumes where it stopped.

examples:
  havza import archive/                     every file under archive/, recursively
  havza import 'pages/*.txt' export.xml     a glob (quoted) and a WordPress export
  havza import archive/ --dry-run --report report.json
                                            decide everything, save nothing, keep the report
  havza import archive/ --jobs 1            no worker processes
  havza import export.xml --align job       the translation memory filled afterwards by
                                            the job worker (havza worker)

The report (docs/archive-import.md) lists, per document: status, language, title, date,
authors, signatories, the work it joined and how sure the grouping was. Groupings the
importer is unsure of are listed in the admin under "Possible translations".
"""


SHOWN_FAILURES = 20  # the rest are in the report


class Command(BaseCommand):
    help = "Import an archive: plain-text pages, HTML pages, WordPress exports (WXR)."

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.formatter_class = RawDescriptionHelpFormatter
        parser.epilog = EXAMPLES
        return parser

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or globs")
        parser.add_argument(
            "--dry-run", action="store_true", help="analyze and report, save nothing"
        )
        parser.add_argument(
            "--report", type=Path, metavar="FILE", help="write the JSON report to FILE"
        )
        parser.add_argument(
            "--jobs", type=int, default=0, help="worker processes (default: one per core)"
        )
        parser.add_argument(
            "--align",
            choices=("import", "job"),
            default="import",
            help="where the imported translations are aligned into the translation memory: "
            "during the import (default), or by the job worker (havza worker) afterwards, "
            "so that the import ends sooner and the site can be built first",
        )
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args, **options):
        if options["jobs"] < 0:
            raise CommandError("--jobs must be 0 (one per core) or more")
        bar = None
        progress = None
        if sys.stderr.isatty() and not options["no_progress"] and options["verbosity"] > 0:
            bar, progress = _progress_bar()
        try:
            report = importer.run(
                options["paths"],
                importer.Options(
                    dry_run=options["dry_run"], jobs=options["jobs"], align=options["align"]
                ),
                progress=progress,
                report_path=options["report"],
            )
        except KeyboardInterrupt:
            raise CommandError(
                "Interrupted. What was saved stays saved; run the same command to resume."
            ) from None
        finally:
            if bar is not None:
                bar.close()
        self.stdout.write(report.text_summary())
        if options["report"]:
            self.stdout.write(f"Report: {options['report']}")
        summary = report.summary()
        failed = summary["failed"]
        for document in islice(report.failed(), SHOWN_FAILURES):
            self.stderr.write(f"failed: {document['path']}: {'; '.join(document['problems'])}")
        if failed > SHOWN_FAILURES:
            self.stderr.write(f"… and {failed - SHOWN_FAILURES} more.")
        if failed:
            # A script or a scheduler learns from the exit status that something went wrong.
            raise CommandError(
                f"{failed} of {summary['documents']} documents failed.", returncode=1
            )


def _progress_bar():
    from tqdm import tqdm

    bar = tqdm(total=0, unit="doc", file=sys.stderr, dynamic_ncols=True)
    labels = {"read": "Reading", "analyze": "Analyzing", "save": "Saving", "import": "Importing"}

    def progress(stage: str, done: int, total: int) -> None:
        # A total of 0: not known yet (the posts of an export are counted as it is read).
        if bar.desc != labels.get(stage, stage) or (total and bar.total != total):
            bar.set_description(labels.get(stage, stage))
            bar.reset(total=total or None)
        bar.n = done
        bar.refresh()

    return bar, progress
