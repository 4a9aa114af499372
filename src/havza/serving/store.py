"""Where rendered public pages are kept between requests, and how they are invalidated.

Two stores keep the same promise: a page is never answered from the store once a change
that affects it has committed, and a page rendered from data read before such a change is
never kept under a name that is still answered.

- ``LocalStore`` (no ``HAVZA_CACHE_URL``): each process keeps its pages in its own memory;
  invalidations are lines appended to a log file in DATA_DIR that every process on the
  machine reads before answering (one ``stat`` per request, new lines read when it grew).
- ``SharedStore`` (``HAVZA_CACHE_URL=redis://…``): pages live in Django's cache, shared by
  every process of every app server. Each address has a version and the site a generation,
  both random tokens in the cache; a page is kept with the tokens read before it was
  rendered, and an invalidation gives the address (or the site) new tokens, so a page
  rendered from older data is never answered again.

A lookup returns a ``token`` that a later ``put`` of the same address hands back: the store
refuses the page when the address was invalidated in between.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

ENCODINGS = ("br", "gzip", "")  # the variants kept of every page ("" = uncompressed)
FLUSH = "*"  # a log line that invalidates every page


@dataclass(frozen=True)
class Variant:
    """One encoding of a kept page, with every header to answer it (Content-Length and
    Content-Encoding included), and its validators."""

    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    etag: str
    last_modified: str = ""


class Store(Protocol):
    def lookup(self, path: str, encoding: str) -> tuple[Variant | None, Any]: ...

    def put(self, path: str, variants: dict[str, Variant], token: Any) -> bool: ...

    def invalidate(self, paths: set[str]) -> None: ...

    def flush(self) -> None: ...


class LocalStore:
    """Pages in this process's memory (least recently used dropped past MAX_BYTES); the
    invalidation log at LOG is shared by every process of the machine."""

    COMPACT_AT = 4 * 1024 * 1024  # the log is replaced (every process drops all) past this

    def __init__(self, log: Path, max_bytes: int = 256 * 1024 * 1024):
        self.log = Path(log)
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._pages: OrderedDict[str, dict[str, Variant]] = OrderedDict()
        self._bytes = 0
        self._seq = 0  # invalidations read so far
        self._flushed_at = 0
        self._invalidated: dict[str, int] = {}  # path -> seq of its last invalidation
        self._inode = -1
        self._offset = 0
        self._pending = b""
        self.log.parent.mkdir(parents=True, exist_ok=True)
        self.log.touch(exist_ok=True)
        with self._lock:
            self._sync()
            # Invalidations written before this process started concern pages it never had.
            self._flushed_at = self._seq

    # Reading the log --------------------------------------------------------------------

    def _sync(self) -> None:
        try:
            st = self.log.stat()
        except FileNotFoundError:
            self.log.touch(exist_ok=True)
            st = self.log.stat()
        if st.st_ino != self._inode:  # replaced: everything before is gone
            self._inode, self._offset, self._pending = st.st_ino, 0, b""
            self._drop_all()
        if st.st_size <= self._offset:
            return
        with self.log.open("rb") as fh:
            if os.fstat(fh.fileno()).st_ino != self._inode:
                return  # replaced meanwhile: the next request sees the new file
            fh.seek(self._offset)
            data = fh.read(st.st_size - self._offset)
        self._offset += len(data)
        data = self._pending + data
        complete, _, self._pending = data.rpartition(b"\n")
        for line in complete.split(b"\n") if complete else ():
            path = line.decode("utf-8", "replace")
            if path == FLUSH:
                self._drop_all()
            else:
                self._seq += 1
                self._invalidated[path] = self._seq
                self._drop(path)

    def _drop_all(self) -> None:
        self._seq += 1
        self._flushed_at = self._seq
        self._invalidated.clear()
        self._pages.clear()
        self._bytes = 0

    def _drop(self, path: str) -> None:
        variants = self._pages.pop(path, None)
        if variants:
            self._bytes -= sum(len(v.body) for v in variants.values())

    # The store --------------------------------------------------------------------------

    def lookup(self, path: str, encoding: str) -> tuple[Variant | None, int]:
        with self._lock:
            self._sync()
            variants = self._pages.get(path)
            if variants is not None:
                self._pages.move_to_end(path)
                return variants.get(encoding), self._seq
            return None, self._seq

    def put(self, path: str, variants: dict[str, Variant], token: int) -> bool:
        size = sum(len(v.body) for v in variants.values())
        if size > self.max_bytes // 4:
            return False
        with self._lock:
            self._sync()
            if self._flushed_at > token or self._invalidated.get(path, 0) > token:
                return False  # invalidated while it was rendered
            self._drop(path)
            self._pages[path] = variants
            self._bytes += size
            while self._bytes > self.max_bytes and self._pages:
                _old, dropped = self._pages.popitem(last=False)
                self._bytes -= sum(len(v.body) for v in dropped.values())
            return True

    def invalidate(self, paths: set[str]) -> None:
        lines = [p for p in paths if "\n" not in p]
        if lines:
            self._append("".join(f"{p}\n" for p in sorted(lines)).encode("utf-8"))

    def flush(self) -> None:
        self._append(f"{FLUSH}\n".encode())

    def _append(self, data: bytes) -> None:
        with self.log.open("ab") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                if os.fstat(fh.fileno()).st_size + len(data) > self.COMPACT_AT:
                    fresh = self.log.with_name(f".{self.log.name}.{os.getpid()}")
                    fresh.write_bytes(b"")
                    fresh.replace(self.log)  # readers see a new file: they drop all
                    return
                fh.write(data)
                fh.flush()
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def __len__(self) -> int:
        return len(self._pages)


class SharedStore:
    """Pages in a Django cache shared by every process (Redis), with versioned addresses."""

    GENERATION = "havza:pages:generation"

    def __init__(self, cache, timeout: int | None = 24 * 3600):
        self.cache = cache
        self.timeout = timeout

    @staticmethod
    def _name(path: str) -> str:
        return hashlib.blake2b(path.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()

    def _version_key(self, path: str) -> str:
        return f"havza:pages:v:{self._name(path)}"

    def _page_key(self, path: str, encoding: str) -> str:
        return f"havza:pages:p:{encoding or 'identity'}:{self._name(path)}"

    def _token(self, key: str, known: Any) -> str:
        if known is not None:
            return known
        self.cache.add(key, secrets.token_hex(8), timeout=None)
        return self.cache.get(key)

    def lookup(self, path: str, encoding: str) -> tuple[Variant | None, Any]:
        version_key = self._version_key(path)
        found = self.cache.get_many([self._page_key(path, encoding), version_key, self.GENERATION])
        version, generation = found.get(version_key), found.get(self.GENERATION)
        kept = found.get(self._page_key(path, encoding))
        if kept is not None and version is not None and generation is not None:
            kept_version, kept_generation, variant = kept
            if (kept_version, kept_generation) == (version, generation):
                return variant, (version, generation)
        # Tokens read before the page is rendered (an eviction gives new ones: an evicted
        # token never comes back, so a page kept under it is never answered again).
        token = (
            self._token(version_key, version),
            self._token(self.GENERATION, generation),
        )
        return None, token

    def put(self, path: str, variants: dict[str, Variant], token: Any) -> bool:
        version, generation = token
        self.cache.set_many(
            {
                self._page_key(path, enc): (version, generation, variant)
                for enc, variant in variants.items()
            },
            timeout=self.timeout,
        )
        return True

    def invalidate(self, paths: set[str]) -> None:
        if paths:
            self.cache.set_many(
                {self._version_key(p): secrets.token_hex(8) for p in paths}, timeout=None
            )

    def flush(self) -> None:
        self.cache.set(self.GENERATION, secrets.token_hex(8), timeout=None)


_store: Store | None = None
_store_lock = threading.Lock()


def shared() -> bool:
    """Whether the configured cache is shared by processes (not this process's memory)."""
    from django.conf import settings

    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    return not backend.endswith(("LocMemCache", "DummyCache"))


def get() -> Store:
    """The store of this process (built from the settings on first use)."""
    global _store
    if _store is None:
        with _store_lock:
            if _store is None:
                _store = _build()
    return _store


def _build() -> Store:
    from django.conf import settings
    from django.core.cache import caches

    if shared():
        return SharedStore(caches["default"])
    return LocalStore(
        Path(settings.DATA_DIR) / "page-cache.log",
        max_bytes=settings.HAVZA_PAGE_CACHE_MB * 1024 * 1024,
    )


def use(store: Store | None) -> None:
    """Replace this process's store (tests; None: built again from the settings)."""
    global _store
    _store = store
