import os
import sys

from django.core.management.base import BaseCommand
from tqdm import tqdm

from havza.export import builder


class Command(BaseCommand):
    help = (
        "Write the whole public site (every language, feeds, sitemaps, assets) as static files "
        "into OUT. The new site replaces OUT only when it is complete. "
        "Example: havza build public/ --base-url https://network.example --jobs 2"
    )

    def add_arguments(self, parser):
        parser.add_argument("out", help="Folder to write the site into (replaced atomically).")
        parser.add_argument(
            "--base-url",
            default=None,
            help="Public address of the site, for canonical links, feeds and sitemaps "
            "(default: HAVZA_BASE_URL). A path, as in https://example.org/mirror, is kept.",
        )
        parser.add_argument(
            "--jobs",
            type=int,
            default=os.cpu_count() or 1,
            help="Processes rendering in parallel (default: one per core).",
        )

    def handle(self, *args, out, base_url, jobs, **options):
        show = sys.stderr.isatty() and options.get("verbosity", 1) > 0
        bar = tqdm(total=builder.estimate_tasks(jobs), unit="part", disable=not show)

        def progress(name: str, count: int) -> None:
            bar.set_postfix_str(f"{name}: {count} pages")
            bar.update(1)

        result = builder.build(out, base_url=base_url, jobs=jobs, progress=progress)
        bar.close()
        self.stdout.write(
            f"Wrote {result.pages} pages and {result.assets} assets "
            f"({result.bytes / 1_000_000:.1f} MB) to {result.out} in {result.seconds:.2f} s."
        )
