"""Write the catalogs that make Django's own admin strings English for a Kurmanji interface.

Django ships no Kurmanji (``ku``) translation of its admin. Without one, Django falls back to
the default language, which is Turkish: a Kurmanji-speaking editor would see "Kaydet" and
"Çıkış yap" around havza's own Kurmanji strings. These catalogs translate every message of
Django's admin, auth, contenttypes and sessions catalogs into itself (English), so that the
fallback never happens; havza's own strings stay Kurmanji (src/havza/locale/ku wins over these).

Usage: ``.venv/bin/python scripts/kurmanji_admin_catalog.py`` after upgrading Django
(``--check`` exits 1 when the catalogs are out of date). A real Kurmanji translation of a
message can be written into the msgstr: the script keeps msgstrs that differ from the msgid.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import django
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

REPO = Path(__file__).resolve().parent.parent
TARGET = REPO / "src" / "havza" / "accounts" / "locale" / "ku" / "LC_MESSAGES"
DJANGO = Path(django.__file__).resolve().parent
SOURCES = {
    "django": [
        DJANGO / "conf" / "locale" / "en" / "LC_MESSAGES" / "django.po",
        *(DJANGO / "contrib" / app / "locale" / "en" / "LC_MESSAGES" / "django.po"
          for app in ("admin", "auth", "contenttypes", "sessions")),
    ],
    "djangojs": [DJANGO / "contrib" / "admin" / "locale" / "en" / "LC_MESSAGES" / "djangojs.po"],
}  # fmt: skip


def read(path: Path) -> Catalog:
    with path.open("rb") as fh:
        return read_po(fh)


def build(domain: str) -> bytes:
    existing = read(TARGET / f"{domain}.po") if (TARGET / f"{domain}.po").exists() else None
    catalog = Catalog(
        locale="ku",
        domain=domain,
        project="havza",
        header_comment=(
            "# Django's admin strings for a Kurmanji interface: English unless translated.\n"
            "# Written by scripts/kurmanji_admin_catalog.py."
        ),
        fuzzy=False,
    )
    for source in SOURCES[domain]:
        for message in read(source):
            if not message.id or catalog.get(message.id, message.context) is not None:
                continue
            kept = existing.get(message.id, message.context) if existing else None
            identity = message.id if isinstance(message.id, str) else tuple(message.id)
            string = kept.string if kept is not None and kept.string != identity else identity
            catalog.add(message.id, string, context=message.context)
    out = io.BytesIO()
    write_po(out, catalog, width=100, omit_header=False, sort_output=True, no_location=True)
    # The header's creation date changes on every run: keep the output reproducible.
    lines = [
        line
        for line in out.getvalue().split(b"\n")
        if not line.startswith((b'"POT-Creation-Date', b'"PO-Revision-Date'))
    ]
    return b"\n".join(lines)


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for domain in SOURCES:
        path = TARGET / f"{domain}.po"
        content = build(domain)
        if path.exists() and path.read_bytes() == content:
            continue
        stale.append(path)
        if not check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
    for path in stale:
        print(("out of date: " if check else "wrote ") + str(path.relative_to(REPO)))
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
