"""The ``havza`` command: havza's own commands first, then all of Django's."""

from __future__ import annotations

import os
import sys

HELP = """\
havza: multilingual publishing for international networks of organizations.

Usage: havza COMMAND [OPTIONS]      (havza help COMMAND shows a command's options)

Run the site
  demo            Create the database, load the demo network and serve it.
                  --no-serve loads it and exits.        havza demo
  serve           Serve the site with granian, a worker process per core,
                  public pages kept in a render cache.  havza serve --port 8000
  worker          Run background jobs beside the server: scheduled publishing and
                  mail, failed jobs tried again later.  havza worker
                  --once runs the jobs due now and exits. (make demo starts both.)
  migrate         Create or update the database tables. havza migrate
  createsuperuser Create an administrator account.      havza createsuperuser

Publish
  build           Write the whole public site as static files, swapped in
                  atomically when complete.             havza build public/
                  --base-url https://example.org sets the address of canonical links.
  reindex         Rebuild the search index of the live site.   havza reindex
                  --static DIR adds search to a built site.    havza reindex --static public/

Translate
  translation     Exchange one translation with a CAT tool as XLIFF 2.0, XLIFF 1.2
                  or PO.          havza translation export 12 ar --format xliff2 -o ar.xlf
                                  havza translation import ar.xlf --user layla
                  Translators work in the browser at /translate/.

Bring in an archive
  import          Read scraped text pages, saved HTML pages and WordPress exports
                  into works, translations and signatories. Importing again
                  changes only what changed.    havza import archive/ --report report.json
                  --dry-run analyzes and reports without saving anything.
  align-archive   Align the translations of works imported earlier paragraph by
                  paragraph into the translation memory (an import does it
                  for what it brings in).              havza align-archive --all

Everything else Django offers (shell, dbshell, check, ...) works too: havza help --commands.

Configuration comes from HAVZA_* environment variables (docs/settings.md), for example
  HAVZA_DATABASE_URL=postgres://127.0.0.1:5432/havza   (default: SQLite in ./var)
  HAVZA_BASE_URL=https://network.example               (canonical and feed links)
"""


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "havza.settings")
    if len(argv) < 2 or argv[1] in {"-h", "--help"} or argv[1:] == ["help"]:
        sys.stdout.write(HELP)
        return
    if argv[1] in {"--version", "version"}:
        from havza import __version__

        sys.stdout.write(f"havza {__version__}\n")
        return
    from django.core.management import execute_from_command_line

    argv[0] = "havza"
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
