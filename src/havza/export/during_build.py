"""Edits saved while a full build runs, carried into the site it swaps in.

A full build reads the database as it goes, for minutes on a large archive. An editor who
saves meanwhile is republished into the live export at once (``hooks``), but the build may
have written that page before the save: swapping its tree in would bring the old page back
until the next build. So a build keeps a list beside the export of what every republish
touched while it ran (``record``, under the export's lock), and once its tree is swapped in
(under the same lock) republishes those translations again into it (``taken``).

The list is ``.OUT.changed-while-building`` beside OUT. A build that is killed leaves it; the
next build starts it anew.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from pathlib import Path

log = logging.getLogger("havza.export")

Key = tuple[int, str]  # (work id, language)


def _path(out: Path) -> Path:
    return out.parent / f".{out.name}.changed-while-building"


def start(out: Path) -> None:
    """A build of OUT begins (the caller holds the export's lock): from now on republishes
    are recorded."""
    _path(out).write_text("")


def record(out: Path, keys: Iterable[Key]) -> None:
    """KEYS were republished into OUT (the caller holds the export's lock): kept for the build
    that runs, if any."""
    path = _path(out)
    if not path.is_file():
        return
    lines = "".join(json.dumps([work, lang]) + "\n" for work, lang in keys)
    with path.open("a", encoding="utf-8") as fh:
        fh.write(lines)


def taken(out: Path) -> set[Key]:
    """What was republished into OUT since the build began; the list ends (the caller holds
    the export's lock)."""
    path = _path(out)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return set()
    path.unlink()
    keys: set[Key] = set()
    for line in text.splitlines():
        try:
            work, lang = json.loads(line)
        except (ValueError, TypeError):
            log.warning("Skipping an unreadable line of %s: %r", path, line)
            continue
        keys.add((int(work), str(lang)))
    return keys


def end(out: Path) -> None:
    """A build of OUT stopped without swapping its tree in: nothing more to record."""
    _path(out).unlink(missing_ok=True)
