"""Putting a finished export in place of the old one in a single step.

On Linux, renameat2(RENAME_EXCHANGE) swaps two directories atomically: a web server reading
the site sees the old tree or the new one, never a mix and never nothing. Elsewhere the old
tree is moved aside first, which leaves a moment without a site but never a half-written one.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0


def swap_directory(staging: Path, target: Path) -> None:
    """Make STAGING the new TARGET; the old TARGET is removed afterwards."""
    if not target.exists():
        staging.rename(target)
        return
    if _exchange(staging, target):
        shutil.rmtree(staging)  # now holds the old site
        return
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    target.rename(old)
    staging.rename(target)
    shutil.rmtree(old)
