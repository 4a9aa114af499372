"""The compressed copies of a large sitemap file, written by a job after a republish.

A works file of the sitemap holds up to 4,000 works' groups of addresses (27.5 MB at 11
languages); compressing it costs more than everything else a republish does (gzip level 9
~200 ms, Brotli ~120 ms). An edit that changes such a file (the first edit of the day to a
work changes its group's <lastmod>) writes the plain file and leaves its .gz and .br copies to
the job ``compress``: the republish removes the old copies first, so a server never sends a
copy older than the file (nginx's ``gzip_static`` sends the plain file when there is none);
the job writes them from the plain file as it is then. Both hold the export's lock, so a
copy is never made from a file a republish is replacing. Once the job has run, the export
is what a full build writes.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from havza.export import files
from havza.jobs.retries import job

log = logging.getLogger("havza.export")

LARGE = 1 << 20  # bytes: a smaller file is compressed with the republish (a few ms)


def large(body: bytes) -> bool:
    """Whether a sitemap file of BODY has its copies written by the job."""
    return len(body) >= LARGE


def write_plain(target: Path, body: bytes) -> bool:
    """Write BODY to TARGET without its compressed copies, which are removed first (none
    older than the file is ever there). False when TARGET holds BODY already (its copies,
    if any, are then of BODY too)."""
    try:
        if target.stat().st_size == len(body) and target.read_bytes() == body:
            return False
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
    for sibling in files.siblings(target):
        sibling.unlink(missing_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    temporary.write_bytes(body)
    files.put_in_place(temporary, target)
    return True


def missing(target: Path) -> bool:
    """Whether TARGET's compressed copies are not all there."""
    return target.is_file() and not all(s.is_file() for s in files.siblings(target))


def write_copies(target: Path) -> bool:
    """Write TARGET's missing compressed copies from the file as it is (the caller holds the
    export's lock); False when there was nothing to do."""
    if not missing(target):
        return False
    data = target.read_bytes()
    # Written as a page of the build is (same bytes), beside it under a name of the same
    # suffix (compressed by its suffix), then the copies put in place.
    temporary = target.with_name(f".{os.getpid()}.{target.name}")
    files.write(temporary, data)
    try:
        for made, sibling in zip(files.siblings(temporary), files.siblings(target), strict=True):
            files.put_in_place(made, sibling)
    finally:
        temporary.unlink(missing_ok=True)
    return True


@job(attempts=3)
def compress(out: str, paths: list[str]) -> int:
    """Write the compressed copies of the files PATHS (relative to the export at OUT) that
    miss them; how many files got them."""
    folder = Path(out)
    if not (folder / "robots.txt").is_file():
        return 0
    done = 0
    with files.locked(folder):
        for path in paths:
            done += write_copies(folder / path)
    return done
