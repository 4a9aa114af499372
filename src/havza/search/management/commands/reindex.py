from django.core.management.base import BaseCommand
from tqdm import tqdm

from havza.search import index


class Command(BaseCommand):
    help = (
        "Rebuild the search index from every published translation (the index is kept "
        "current on its own; this is for a new database or a changed analyzer). "
        "Example: havza reindex"
    )

    def add_arguments(self, parser):
        parser.add_argument("--database", default="default", help="Database alias.")
        parser.add_argument("--quiet", action="store_true", help="No progress bar.")

    def handle(self, *args, database: str, quiet: bool, **options):
        total = index.published_count(database)
        with tqdm(total=total, unit="doc", disable=quiet or None, file=self.stderr._out) as bar:
            count = index.reindex(database, progress=bar.update)
        self.stdout.write(f"Indexed {count} published translations.")
