from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from havza.search import index


class Command(BaseCommand):
    help = (
        "Rebuild the search index from every published translation (the index is kept "
        "current on its own; this is for a new database or a changed analyzer). With "
        "--static, write the static export's search (Pagefind) into a built site instead. "
        "Examples: havza reindex; havza build public/ && havza reindex --static public/"
    )

    def add_arguments(self, parser):
        parser.add_argument("--database", default="default", help="Database alias.")
        parser.add_argument("--quiet", action="store_true", help="No progress bar.")
        parser.add_argument(
            "--jobs", type=int, default=1, help="Processes that analyze the text (default 1)."
        )
        parser.add_argument(
            "--static",
            metavar="DIR",
            help="A site written by havza build: add its search index and search pages.",
        )

    def handle(self, *args, database: str, quiet: bool, static: str | None, jobs: int, **options):
        if static:
            from havza.search.export import write_static_index

            folder = Path(static)
            if not folder.is_dir():
                raise CommandError(f"{folder} is not a folder written by havza build.")
            result = write_static_index(folder)
            self.stdout.write(
                f"Static search: {result.records} translations indexed, "
                f"{result.pages} search pages written into {folder}."
            )
            return
        total = index.published_count(database)
        with tqdm(total=total, unit="doc", disable=quiet or None, file=self.stderr._out) as bar:
            count = index.reindex(database, progress=bar.update, jobs=max(1, jobs))
        self.stdout.write(f"Indexed {count} published translations.")
