"""``havza align-archive``: the archive's translations into the translation memory."""

from __future__ import annotations

import json
import sys
from argparse import RawDescriptionHelpFormatter

from django.core.management.base import BaseCommand, CommandError

from havza.translation import archive_memory

EXAMPLES = """\
Aligns the translations of each work with its original, paragraph by paragraph, and puts
the pairs the aligner is sure of into the translation memory as "from the archive":
suggestions ranked below reviewed pairs, never filled in without review. `havza import`
does this for the works it saves; this command is for archives imported before, or after
the aligner improved. A work's earlier pairs from the archive are replaced.

examples:
  havza align-archive               works not aligned since their translations changed
  havza align-archive --all         every work with translations in two languages or more
  havza align-archive --work 12     only work 12 (repeat --work for more)
  havza align-archive --json        the summary as JSON (per language pair)
"""

CHUNK = 200  # works aligned per transaction


class Command(BaseCommand):
    help = "Align the archive's translations into the translation memory."

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.formatter_class = RawDescriptionHelpFormatter
        parser.epilog = EXAMPLES
        return parser

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="align every work again")
        parser.add_argument(
            "--work", type=int, action="append", default=[], metavar="ID", help="only this work"
        )
        parser.add_argument("--json", action="store_true", help="print the summary as JSON")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args, **options):
        if any(w <= 0 for w in options["work"]):
            raise CommandError("--work takes a work's number")
        ids = options["work"] or archive_memory.works_to_align(everything=options["all"])
        bar = None
        if sys.stderr.isatty() and not options["no_progress"] and options["verbosity"] > 0:
            from tqdm import tqdm

            bar = tqdm(total=len(ids), unit="work", file=sys.stderr, desc="Aligning")
        summary = archive_memory.Summary()
        try:
            for start in range(0, len(ids), CHUNK):
                chunk = ids[start : start + CHUNK]
                summary.add(archive_memory.align_works(chunk))
                if bar is not None:
                    bar.update(len(chunk))
        except KeyboardInterrupt:
            raise CommandError(
                "Interrupted. The works aligned so far stay aligned; run it again for the rest."
            ) from None
        finally:
            if bar is not None:
                bar.close()
        if options["json"]:
            self.stdout.write(json.dumps(summary.as_json(), ensure_ascii=False))
        else:
            self.stdout.write("\n".join(summary.lines()))
