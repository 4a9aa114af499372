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
        from waitress import serve

        from havza.wsgi import application

        self.stdout.write(f"havza is serving at http://{host}:{port}/ (Ctrl-C stops it)")
        serve(application, host=host, port=port, threads=threads, backlog=1024, ident="havza")
