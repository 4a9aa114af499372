"""``havza translation``: translations in and out of files for translators' own tools."""

from __future__ import annotations

import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from havza.publishing.models import Translation, Work
from havza.translation import exchange, workflow

HELP = """Exchange one translation with a CAT tool (OmegaT, Poedit, Trados, Virtaal...).

  havza translation export WORK LANG --format xliff2|xliff12|po -o FILE
      Write the translation of WORK into LANG. WORK is the work's number, its uid, or the
      slug of its original. Each unit's id is a segment key; leave ids and notes alone.
      Placeholders such as {1}...{/1} stand for links and emphasis: keep them.

  havza translation import FILE [--user NAME]
      Read a translated file back. Units whose original changed since the export, or that
      someone edited in havza meanwhile, are skipped and listed with the reason.

Examples:
  havza translation export 12 ar --format xliff2 -o statement-ar.xlf
  havza translation import statement-ar.xlf --user layla
"""


def find_work(ref: str) -> Work:
    if ref.isdigit():
        work = Work.objects.filter(pk=int(ref)).first()
    elif exchange._is_uuid(ref):
        work = Work.objects.filter(uid=ref).first()
    else:
        t = Translation.objects.filter(slug=ref).select_related("work").first()
        work = t.work if t else None
    if work is None:
        raise CommandError(f"No work “{ref}” (give its number, uid or slug).")
    return work


class Command(BaseCommand):
    help = HELP

    def create_parser(self, prog_name, subcommand, **kwargs):
        from argparse import RawDescriptionHelpFormatter

        kwargs["formatter_class"] = RawDescriptionHelpFormatter
        return super().create_parser(prog_name, subcommand, **kwargs)

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, parser_class=CommandParser)
        export = sub.add_parser("export", help="Write a translation to a file.")
        export.add_argument("work", help="work number, uid or slug of its original")
        export.add_argument("lang", help="language code, e.g. ar")
        export.add_argument("--format", choices=exchange.FORMATS, default="xliff2")
        export.add_argument("-o", "--output", help="file to write (default: standard output)")
        imp = sub.add_parser("import", help="Read a translated file back.")
        imp.add_argument("file", help="an XLIFF 2.0, XLIFF 1.2 or PO file made by export")
        imp.add_argument("--user", help="record the import under this user name")

    def handle(self, *args, **options):
        if options["action"] == "export":
            return self.export(options)
        return self.import_(options)

    def export(self, options) -> None:
        work = find_work(options["work"])
        try:
            translation = workflow.start(work, options["lang"], None)
        except workflow.WorkflowError as exc:
            raise CommandError(str(exc)) from exc
        data = exchange.export(translation, options["format"])
        if options["output"]:
            Path(options["output"]).write_bytes(data)
            self.stderr.write(f"Wrote {options['output']}")
        else:
            sys.stdout.buffer.write(data)

    def import_(self, options) -> None:
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"No user “{options['user']}”.")
        try:
            report = exchange.import_file(Path(options["file"]).read_bytes(), user)
        except (exchange.ImportFileError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        for key, why in report.skipped:
            self.stdout.write(f"skipped {key}: {why}")
        self.stdout.write(report.summary())
