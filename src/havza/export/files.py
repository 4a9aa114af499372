"""Where pages live in an export: the one mapping from a page's address to its file.

Every text file (HTML, XML, CSS, JS, SVG) is written with pre-compressed siblings, ``.gz``
and ``.br``, that a web server sends as they are (nginx ``gzip_static``/``brotli_static``):
they are compressed once, while the file is written, and always hold the same bytes.

A full build writes a new tree beside the export it replaces. A page whose bytes are those of
the same file in that export is not compressed again: the old file and its siblings are
hard-linked into the new tree (``write(..., previous=...)``), after checking that each holds
exactly the new page. Compressing is most of the cost of writing a page (gzip level 9 and
Brotli 6: ~0.7 ms for a 14 kB page, linking and checking the three files ~0.05 ms), and most
pages of a re-export are unchanged. Nothing writes into an export's files in place (a
republish puts new files in place of old ones, ``put_in_place``; ``write`` removes a file
before writing it), so a file shared by the two trees never changes under either.
"""

from __future__ import annotations

import ctypes
import fcntl
import os
import struct
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

import brotli

COMPRESSED_SUFFIXES = frozenset({".html", ".xml", ".css", ".js", ".svg"})
SIBLINGS = (".gz", ".br")
GZIP_LEVEL = 9
BROTLI_QUALITY = 6  # 9: 17x the time for 1 % fewer bytes; 11: 48x for 13 % fewer
# The header ``gzip.GzipFile(filename="", mtime=0)`` writes: no name and no time, so the same
# page gives the same bytes; "\x02": the best compression; "\xff": an unknown system.
_GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
_NEW = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)


def compressible(target: Path) -> bool:
    return target.suffix in COMPRESSED_SUFFIXES


def siblings(target: Path) -> list[Path]:
    """The pre-compressed copies of TARGET (none for files that are not text)."""
    if not compressible(target):
        return []
    return [target.with_name(target.name + suffix) for suffix in SIBLINGS]


def _gzip_trailer(data: bytes) -> bytes:
    return struct.pack("<LL", zlib.crc32(data), len(data) & 0xFFFFFFFF)


def gzipped(data: bytes) -> bytes:
    """DATA as a .gz file: the bytes ``gzip.GzipFile`` (level 9, no name, no time) writes, in
    one call to zlib instead of one per piece."""
    return _GZIP_HEADER + zlib.compress(data, GZIP_LEVEL, wbits=-15) + _gzip_trailer(data)


def brotlied(data: bytes) -> bytes:
    compressor = brotli.Compressor(quality=BROTLI_QUALITY)
    return compressor.process(data) + compressor.finish()


def _holds_gzipped(gz: bytes, data: bytes) -> bool:
    """Whether GZ is DATA gzipped as ``gzipped`` does (its header, its checksum and size)."""
    return gz[:10] == _GZIP_HEADER and gz[-8:] == _gzip_trailer(data) and len(gz) > 18


def _holds_brotlied(br: bytes, data: bytes) -> bool:
    try:
        return brotli.decompress(br) == data
    except brotli.error:
        return False


def _write_new(path: Path, data: bytes) -> None:
    """Write DATA to PATH as a new file: one that exists (written earlier in the same build,
    or linked from the previous export) is removed first, never written through."""
    try:
        fd = os.open(path, _NEW, 0o666)
    except FileExistsError:
        path.unlink()
        fd = os.open(path, _NEW, 0o666)
    try:
        _write_fd(fd, data)
    finally:
        os.close(fd)


def _write_fd(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _write_files(target: Path, data: bytes, suffix: str = "") -> list[Path]:
    """Write DATA to TARGET+SUFFIX and, for text files, its compressed siblings (each with
    SUFFIX); the paths written, the siblings first."""
    written = []
    if compressible(target):
        for extension, compress in ((".gz", gzipped), (".br", brotlied)):
            written.append(target.with_name(target.name + extension + suffix))
            _write_new(written[-1], compress(data))
    written.append(target.with_name(target.name + suffix))
    _write_new(written[-1], data)
    return written


def _link_same(previous: Path, target: Path, data: bytes) -> bool:
    """Hard-link PREVIOUS and its siblings as TARGET and its siblings if they hold DATA (and
    its compressed copies); whether they did. Each link is checked after it is made, so a
    file replaced in the previous export meanwhile (a republish) is never kept by mistake."""
    try:
        if previous.stat().st_size != len(data):
            return False
    except OSError:
        return False
    checks = [("", bytes.__eq__)]
    if compressible(target):
        checks += [(".gz", _holds_gzipped), (".br", _holds_brotlied)]
    linked: list[Path] = []
    try:
        for extension, holds in checks:
            old, new = (f.with_name(f.name + extension) for f in (previous, target))
            try:
                os.link(old, new)
            except FileNotFoundError:
                if linked:
                    raise
                new.parent.mkdir(parents=True, exist_ok=True)  # a page's own folder
                os.link(old, new)
            linked.append(new)
            with new.open("rb", buffering=0) as fh:
                if not holds(fh.read(), data):
                    break
        else:
            return True
    except OSError:
        pass
    for path in linked:
        path.unlink()
    return False


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


def write(target: Path, body: bytes | Iterable[str], previous: Path | None = None) -> int:
    """Write BODY (bytes, or text in pieces, written as they come) to TARGET, with its
    compressed siblings; its size. PREVIOUS: the same file in the export being replaced,
    linked instead where it holds the same bytes (BODY in bytes only: pieces are the large
    files, the sitemaps, streamed so that memory stays bounded)."""
    if not isinstance(body, bytes):
        try:
            return _stream(target, body)
        except FileNotFoundError:
            target.parent.mkdir(parents=True, exist_ok=True)
            return _stream(target, body)
    if previous is not None and _link_same(previous, target, body):
        return len(body)
    try:
        _write_files(target, body)
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
        _write_files(target, body)
    return len(body)


def _stream(target: Path, pieces: Iterable[str]) -> int:
    """Write text PIECES to TARGET and its siblings as they come. Brotli gets each piece in a
    call of its own, as it always has: past its window (4 MB) the bytes it writes depend on
    how the input was cut, and a build must give the same bytes as the one before."""
    paths = [target] + (siblings(target) if compressible(target) else [])
    fds = []
    try:
        for path in paths:
            try:
                fds.append(os.open(path, _NEW, 0o666))
            except FileExistsError:
                path.unlink()
                fds.append(os.open(path, _NEW, 0o666))
        compress = len(fds) == 3
        if compress:
            deflate = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS)
            brotli_ = brotli.Compressor(quality=BROTLI_QUALITY)
            _write_fd(fds[1], _GZIP_HEADER)
        crc = size = 0
        for piece in pieces:
            data = piece.encode("utf-8")
            _write_fd(fds[0], data)
            size += len(data)
            if compress:
                crc = zlib.crc32(data, crc)
                _write_fd(fds[1], deflate.compress(data))
                _write_fd(fds[2], brotli_.process(data))
        if compress:
            trailer = struct.pack("<LL", crc, size & 0xFFFFFFFF)
            _write_fd(fds[1], deflate.flush() + trailer)
            _write_fd(fds[2], brotli_.finish())
    finally:
        for fd in fds:
            os.close(fd)
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
    for temporary in _write_files(target, body, suffix):
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


@contextmanager
def locked(out: Path) -> Iterator[None]:
    """One writer at a time per export: a republish, a PDF job, a sitemap copies job (editors
    may save at the same moment)."""
    lock = out.parent / f".{out.name}.lock"
    with lock.open("a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
