import os
import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from havza import languages
from havza.export import builder, republish


class Command(BaseCommand):
    help = (
        "Write the whole public site (every language, feeds, sitemaps, assets) as static files "
        "into OUT. The new site replaces OUT only when it is complete. "
        "Example: havza build public/ --base-url https://network.example --jobs 2. "
        "With --work, update an existing export in place instead: only the pages showing "
        "that work (in --language, or in every language) are re-rendered, and written where "
        "they changed. Example: havza build public/ --work 42 --language ar"
    )

    def add_arguments(self, parser):
        parser.add_argument("out", help="Folder to write the site into (replaced atomically).")
        parser.add_argument(
            "--base-url",
            default=None,
            help="Public address of the site, for canonical links, feeds and sitemaps "
            "(default: HAVZA_BASE_URL; with --work, the address OUT was built for). "
            "A path, as in https://example.org/mirror, is kept.",
        )
        parser.add_argument(
            "--jobs",
            type=int,
            default=os.cpu_count() or 1,
            help="Processes rendering in parallel (default: one per core).",
        )
        parser.add_argument(
            "--pdfs",
            choices=["before", "after", "job"],
            default="before",
            help="When the statement PDFs not kept from a previous build are rendered: "
            "before the new site replaces OUT (default), or after, into the live site (it is "
            "up sooner; until they are written, the links to those PDFs lead nowhere), or by "
            "the job worker (job: the build ends once the pages are in place; `havza worker` "
            "writes the PDFs into the live site).",
        )
        parser.add_argument(
            "--work",
            type=int,
            action="append",
            metavar="ID",
            help="Republish the pages of work ID (its pages in every language, the listings, "
            "feeds, topic, organization, person and event pages and sitemap files that show "
            "it) into the existing export OUT. Repeat for several works.",
        )
        parser.add_argument(
            "--language",
            action="append",
            metavar="LANG",
            help="With --work: only the work's translation in LANG changed (repeatable).",
        )

    def handle(
        self, *args, out, base_url, jobs, work=None, language=None, pdfs="before", **options
    ):
        if language and not work:
            raise CommandError("--language goes with --work.")
        if work:
            unknown = [code for code in language or [] if code not in languages.codes()]
            if unknown:
                raise CommandError(f"Not a site language: {', '.join(unknown)}.")
            codes = language or languages.codes()
            before = {(w, code): republish.UNKNOWN for w in work for code in codes}
            try:
                result = republish.republish(out, before, base_url=base_url)
            except FileNotFoundError as error:
                raise CommandError(str(error)) from error
            self.stdout.write(
                f"Republished {len(result.written)} pages, removed {len(result.removed)}, "
                f"{result.unchanged} unchanged, in {result.seconds:.2f} s."
            )
            return
        show = sys.stderr.isatty() and options.get("verbosity", 1) > 0
        bar = tqdm(total=builder.estimate_tasks(jobs), unit="part", disable=not show)

        def progress(name: str, count: int) -> None:
            bar.set_postfix_str(f"{name}: {count} pages")
            bar.update(1)

        result = builder.build(
            out,
            base_url=base_url,
            jobs=jobs,
            progress=progress,
            pdfs_after=pdfs == "after",
            pdfs_queued=pdfs == "job",
        )
        bar.close()
        self.stdout.write(
            f"Wrote {result.pages} pages and {result.assets} assets "
            f"({result.bytes / 1_000_000:.1f} MB) to {result.out} in {result.seconds:.2f} s."
        )
        if pdfs == "job":
            self.stdout.write(
                f"Pages in {result.pages_seconds:.2f} s; {result.pdfs} statement PDFs left to "
                f"the job worker ({result.pdf_jobs} jobs)."
            )
        else:
            self.stdout.write(
                f"Pages in {result.pages_seconds:.2f} s; {result.pdfs} statement PDFs rendered "
                f"{pdfs} the swap in {result.pdf_seconds:.2f} s."
            )
        if result.republished:
            self.stdout.write(
                f"Republished {result.republished} translations saved while the build ran."
            )
        for line in result.steps:
            self.stdout.write(line)
