import contextlib

from django.core.management.base import BaseCommand

from havza.serving import invalidation, servers


class Command(BaseCommand):
    help = (
        "Serve the site with a production server (granian by default), in several worker "
        "processes, public pages kept in the render cache. "
        "Example: havza serve --host 0.0.0.0 --port 8080 --workers 4"
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1", help="Address to listen on.")
        parser.add_argument("--port", type=int, default=8000, help="Port to listen on.")
        parser.add_argument(
            "--workers",
            type=int,
            default=servers.default_workers(),
            help="Worker processes (default: one per core).",
        )
        parser.add_argument("--threads", type=int, default=8, help="Threads per worker.")
        parser.add_argument(
            "--server", choices=servers.SERVERS, default="granian", help="Which server runs."
        )
        parser.add_argument(
            "--backlog", type=int, default=4096, help="Connections waiting to be accepted."
        )

    def handle(self, *args, host, port, workers, threads, server, backlog, **options):
        # Pages kept by an earlier run may come from other templates or code: start afresh.
        invalidation.invalidate(invalidation.EVERYTHING)

        def ready() -> None:
            # Said once a worker accepts connections, so whoever waits for this line can
            # connect at once (granian's workers bind their own sockets after this).
            servers.when_listening(host, port, self.announce, server, workers, host, port)

        with contextlib.suppress(KeyboardInterrupt):
            servers.run(
                server,
                host=host,
                port=port,
                workers=workers,
                threads=threads,
                backlog=backlog,
                ready=ready,
            )

    def announce(self, server: str, workers: int, host: str, port: int) -> None:
        self.stdout.write(
            f"havza is serving at http://{host}:{port}/ with {server}, "
            f"{workers} workers (Ctrl-C stops it)"
        )
        self.stdout.flush()
