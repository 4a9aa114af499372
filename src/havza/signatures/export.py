"""The list of signatures as a CSV file an editor opens in a spreadsheet: every cell that
would start a formula is neutralized (``defences.spreadsheet_cell``)."""

from __future__ import annotations

import csv

from havza.signatures.defences import spreadsheet_cell
from havza.signatures.delivery import checksum

COLUMNS = [
    ("statement", lambda s: str(s.sign_on.work)),
    ("type", lambda s: s.type),
    ("name", lambda s: s.name),
    ("organization", lambda s: s.organization_name),
    ("role", lambda s: s.role),
    ("country", lambda s: s.country),
    ("email", lambda s: s.email),
    ("website", lambda s: s.website),
    ("status", lambda s: s.status),
    ("flagged", lambda s: s.flagged),
    ("language", lambda s: s.language),
    ("text_version", lambda s: s.text_version),
    ("signed_at", lambda s: s.created_at.isoformat()),
    ("confirmed_at", lambda s: s.confirmed_at.isoformat() if s.confirmed_at else ""),
    ("number", lambda s: s.pk),
    ("checksum", checksum),  # as on the PDF for delivery (havza.signatures.delivery)
]


def write_csv(out, signatures) -> None:
    writer = csv.writer(out)
    writer.writerow([name for name, _ in COLUMNS])
    for signature in signatures.iterator(chunk_size=2000):
        writer.writerow([spreadsheet_cell(get(signature)) for _, get in COLUMNS])
