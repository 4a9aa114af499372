"""Where pages live in an export: the one mapping from a page's address to its file.

Every text file (HTML, XML, CSS, JS, SVG) is written with pre-compressed siblings, ``.gz``
and ``.br``, that a web server sends as they are (nginx ``gzip_static``/``brotli_static``):
they are compressed once, while the file is written, and always hold the same bytes.
"""

from __future__ import annotations

import ctypes
import gzip
import os
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

import brotli

COMPRESSED_SUFFIXES = frozenset({".html", ".xml", ".css", ".js", ".svg"})
SIBLINGS = (".gz", ".br")
BROTLI_QUALITY = 6  # 9: 17x the time for 1 % fewer bytes; 11: 48x for 13 % fewer


def compressible(target: Path) -> bool:
    return target.suffix in COMPRESSED_SUFFIXES


def siblings(target: Path) -> list[Path]:
    """The pre-compressed copies of TARGET (none for files that are not text)."""
    if not compressible(target):
        return []
    return [target.with_name(target.name + suffix) for suffix in SIBLINGS]


class _Writer:
    """Writes a file and, for text files, its .gz and .br siblings, piece by piece."""

    def __init__(self, target: Path, suffix: str = ""):
        self.paths = [target.with_name(target.name + suffix)]
        self.fh = self.paths[0].open("wb")
        self.gzip = self.brotli = None
        if compressible(target):
            gz_path, br_path = (target.with_name(target.name + s + suffix) for s in SIBLINGS)
            self.paths += [gz_path, br_path]
            self._gz_file = gz_path.open("wb")
            # No name and no time in the header: the same page gives the same bytes.
            self.gzip = gzip.GzipFile(filename="", mode="wb", fileobj=self._gz_file, mtime=0)
            self._br_file = br_path.open("wb")
            self.brotli = brotli.Compressor(quality=BROTLI_QUALITY)

    def write(self, data: bytes) -> None:
        self.fh.write(data)
        if self.gzip is not None:
            self.gzip.write(data)
            self._br_file.write(self.brotli.process(data))

    def close(self) -> None:
        self.fh.close()
        if self.gzip is not None:
            self.gzip.close()
            self._gz_file.close()
            self._br_file.write(self.brotli.finish())
            self._br_file.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def script_prefix(base_url: str) -> str:
    """The path every address of a site built for BASE_URL starts with ("/" or "/mirror/")."""
    return urlsplit(base_url).path.rstrip("/") + "/"


def file_for(out: Path, url_path: str, prefix: str = "/") -> Path:
    """The file of the page at URL_PATH (under PREFIX) in the export at OUT: an address
    ending in a slash is a folder with an index.html."""
    if url_path.startswith(prefix):
        url_path = url_path[len(prefix) :]
    relative = unquote(url_path).lstrip("/")
    if not relative or relative.endswith("/"):
        relative += "index.html"
    return out / relative


def write(target: Path, body: bytes | Iterable[str]) -> int:
    """Write BODY (bytes, or text in pieces, written as they come) to TARGET; its size."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with _Writer(target) as fh:
        if isinstance(body, bytes):
            fh.write(body)
            return len(body)
        size = 0
        for piece in body:
            data = piece.encode("utf-8")
            fh.write(data)
            size += len(data)
    return size


def write_if_changed(target: Path, body: bytes) -> bool:
    """Write BODY to TARGET (and its compressed siblings) atomically unless it already holds
    exactly that. The siblings are renamed into place first, the file itself last."""
    try:
        unchanged = target.stat().st_size == len(body) and target.read_bytes() == body
        if unchanged and all(sibling.is_file() for sibling in siblings(target)):
            return False
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
    suffix = f".{os.getpid()}.tmp"
    with _Writer(target, suffix) as fh:
        fh.write(body)
    for temporary in reversed(fh.paths):
        put_in_place(temporary, temporary.with_name(temporary.name.removesuffix(suffix)))
    return True


def put_in_place(new: Path, target: Path) -> None:
    """Make the file NEW the file TARGET in one step: a reader opens the old file or the new
    one, never a mix and never nothing.

    An existing TARGET is swapped with NEW (``renameat2(RENAME_EXCHANGE)``), then the old file
    is removed: on ext4 a rename over an existing file first writes the new file's data to the
    disk (the ``auto_da_alloc`` heuristic), 1-3 ms a file, most of the time of a republish that
    rewrites a dozen pages with their .gz and .br. The swap does not, so the pages reach the
    disk when the kernel writes them, as those of a full build do (neither asks for fsync:
    after a power cut, ``havza build`` writes the export again)."""
    if _exchange is not None and _exchange(new, target):
        new.unlink()
        return
    new.replace(target)


def _load_exchange():
    """renameat2(RENAME_EXCHANGE) from the C library (Linux), or None."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return None
    c_int, c_path = ctypes.c_int, ctypes.c_char_p
    renameat2.argtypes = [c_int, c_path, c_int, c_path, ctypes.c_uint]
    renameat2.restype = c_int

    def exchange(a: Path, b: Path) -> bool:
        return renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _EXCHANGE) == 0

    return exchange


_AT_FDCWD = -100
_EXCHANGE = 2  # RENAME_EXCHANGE
_exchange = _load_exchange()


def remove(out: Path, target: Path) -> bool:
    """Remove TARGET, its compressed siblings and the folders it leaves empty (never OUT)."""
    for sibling in siblings(target):
        sibling.unlink(missing_ok=True)
    try:
        target.unlink()
    except FileNotFoundError:
        return False
    folder = target.parent
    while folder != out and out in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            break
        folder = folder.parent
    return True
