"""``havza worker``: run background jobs (scheduled publishing, mail) until stopped."""

from __future__ import annotations

from django.core.management import call_command
from django.core.management.base import BaseCommand

from havza.jobs.worker import run_due_jobs


class Command(BaseCommand):
    help = (
        "Run background jobs as they fall due (scheduled publishing, mail), trying failed "
        "ones again later, until stopped with Ctrl+C or SIGTERM. Results are in the admin "
        "under Task results. Examples: havza worker; havza worker --once"
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--once", action="store_true", help="Run the jobs due now, then exit.")
        parser.add_argument(
            "--interval",
            type=float,
            default=2.0,
            help="Seconds between looks for due jobs when there are none (default 2).",
        )

    def handle(self, *args, once: bool, interval: float, **options) -> None:
        if once:
            ran = run_due_jobs()
            self.stdout.write(f"{ran} jobs run.")
            return
        call_command(
            "db_worker",
            queue_name="*",
            interval=interval,
            reload=False,
            verbosity=options.get("verbosity", 1),
        )
