"""What the import knows about the date of a document that states none.

An undated document is never given a date it does not have: it is saved as a draft, and its
import record keeps the evidence an editor can date it by:

* ``neighbours``: the nearest dated documents before and after it in its folder (or its
  WordPress export), in file-name order, as archives are usually named by date or number;
* ``listings``: the listing pages (an "Articles" page) whose teasers name or link it, with
  the date the teaser gives;
* ``file_modified``: the file's own modification time (which a copy may have reset);
* ``between``: the dates of the neighbours before and after, when both are known.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from havza.archive.models import ImportedDocument
from havza.archive.store import Item, storage_key
from havza.archive.text import fingerprint

_NUMBER = re.compile(r"(\d+)")


def natural_key(key: str) -> tuple:
    """ "page-9" before "page-10"; "path#post-9" before "path#post-10"."""
    return tuple(int(part) if part.isdigit() else part for part in _NUMBER.split(key))


def _folder(path: str, key: str) -> str:
    # The posts of one WordPress export are neighbours; the files of one folder are.
    return path if "#" in key[len(path) :] else str(Path(path).parent)


def annotate(items: list[Item], reported: Iterable[Mapping[str, Any]] = ()) -> None:
    """Put into each undated item's report entry (``date_evidence``) what may date it.

    REPORTED are the listing pages of this import so far (report entries, or their ``path``
    and ``teasers`` as ``Report.listings`` keeps them): they give their teasers' dates.
    """
    undated = [item for item in items if item.parsed.date is None]
    if not undated:
        return
    folders = {_folder(i.source.path, i.source.key) for i in undated}
    known: dict[str, list[tuple[str, str, dt.date | None]]] = defaultdict(list)
    own = {storage_key(i.source.key) for i in items}
    for item in items:
        folder = _folder(item.source.path, item.source.key)
        if folder in folders:
            title = item.entry.get("title") or ""
            known[folder].append((storage_key(item.source.key), title, item.parsed.date))
    for key, path, title, date in _stored(folders, own):
        known[_folder(path, key)].append((key, title, date))
    teasers = _teasers(reported)
    for item in undated:
        folder = _folder(item.source.path, item.source.key)
        entries = sorted(known[folder], key=lambda e: natural_key(e[0]))
        evidence = _neighbours(storage_key(item.source.key), entries)
        listed = teasers.get(fingerprint(item.entry.get("title") or ""), [])
        name = Path(item.source.path).name
        listed += [t for t in teasers.get(f"link:{name}", []) if t not in listed]
        if listed:
            evidence["listings"] = listed
        modified = _modified(item.source.path)
        if modified:
            evidence["file_modified"] = modified
        item.entry["date_evidence"] = evidence


def _stored(folders: set[str], own: set[str]) -> list[tuple[str, str, str, dt.date | None]]:
    """Dated documents earlier imports saved in FOLDERS (for neighbours)."""
    found = []
    for folder in folders:
        rows = ImportedDocument.objects.filter(
            path__startswith=folder, date__isnull=False
        ).values_list("key", "path", "title", "date")
        found += [r for r in rows if r[0] not in own and _folder(r[1], r[0]) == folder]
    return found


def _neighbours(key: str, entries: list[tuple[str, str, dt.date | None]]) -> dict[str, Any]:
    keys = [e[0] for e in entries]
    at = keys.index(key) if key in keys else len(keys)
    before = next((e for e in reversed(entries[:at]) if e[2]), None)
    after = next((e for e in entries[at + 1 :] if e[2]), None)
    neighbours = []
    for side, entry in (("before", before), ("after", after)):
        if entry is not None:
            neighbours.append(
                {"side": side, "key": entry[0], "title": entry[1], "date": entry[2].isoformat()}
            )
    evidence: dict[str, Any] = {"neighbours": neighbours}
    if before and after:
        low, high = sorted([before[2], after[2]])
        evidence["between"] = [low.isoformat(), high.isoformat()]
    return evidence


def _teasers(reported: Iterable[Mapping[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Teasers of listing pages, by the fingerprint of their title and by the file linked."""
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entry in reported:
        for teaser in entry.get("teasers") or ():
            seen = {
                "listing": entry.get("path"),
                "title": teaser.get("title"),
                "date": teaser.get("date"),
            }
            if teaser.get("title"):
                found[fingerprint(teaser["title"])].append(seen)
            link = (teaser.get("link") or "").rstrip("/")
            if link:
                found[f"link:{link.rsplit('/', 1)[-1]}"].append(seen)
    return found


def _modified(path: str) -> str | None:
    try:
        stamp = Path(path).stat().st_mtime
    except OSError:
        return None
    return dt.datetime.fromtimestamp(stamp, dt.UTC).isoformat(timespec="seconds")
