from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Serve the site with waitress, a production WSGI server, static files included. "
        "Example: havza serve --host 0.0.0.0 --port 8080"
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1", help="Address to listen on.")
        parser.add_argument("--port", type=int, default=8000, help="Port to listen on.")
        parser.add_argument("--threads", type=int, default=8, help="Worker threads.")

    def handle(self, *args, host, port, threads, **options):
        from waitress import create_server

        from havza.wsgi import application

        server = create_server(
            application, host=host, port=port, threads=threads, backlog=1024, ident="havza"
        )
        # Said once the socket is bound, so whoever waits for this line can connect at once.
        self.stdout.write(f"havza is serving at http://{host}:{port}/ (Ctrl-C stops it)")
        self.stdout.flush()
        try:
            server.run()
        except KeyboardInterrupt:
            pass
        finally:
            server.close()
