"""The folders a build writes into before the swap, and the workers that write them.

A build writes the new site into ``.OUT.building-PID`` beside OUT (and, where directories
cannot be exchanged in one step, moves the old site aside to ``.OUT.old-PID``). A build that
is killed cannot clean up after itself, so:

* its workers die with it: each asks Linux to kill it when its parent dies
  (``prctl(PR_SET_PDEATHSIG)``) and also watches its parent's pid, so no orphan keeps
  writing after the build is gone;
* the next build removes such folders once the process named in them is gone. A folder
  whose process still runs is never touched: it may be another build writing right now.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import re
import shutil
import signal
import sys
import threading
from pathlib import Path

_PR_SET_PDEATHSIG = 1
PARENT_POLL_SECONDS = 0.5


def folder_for(out: Path, pid: int | None = None) -> Path:
    """The staging folder of the build of OUT running as PID (this process by default)."""
    return out.parent / f".{out.name}.building-{pid or os.getpid()}"


def _pattern(out: Path) -> re.Pattern[str]:
    return re.compile(rf"\.{re.escape(out.name)}\.(?:building|old)-(\d+)")


def process_running(pid: int) -> bool:
    """Whether PID is a live process (a zombie, dead but not yet reaped, is not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's live process
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True  # no /proc: trust the signal check
    return stat.rsplit(")", 1)[-1].split()[0] not in {"Z", "X"}


def stale_folders(out: Path) -> list[Path]:
    """Staging folders of OUT left by builds whose process is gone."""
    if not out.parent.is_dir():
        return []
    pattern = _pattern(out)
    found = []
    for entry in out.parent.iterdir():
        match = pattern.fullmatch(entry.name)
        if not match or not entry.is_dir() or entry.is_symlink():
            continue
        pid = int(match.group(1))
        if pid != os.getpid() and not process_running(pid):
            found.append(entry)
    return sorted(found)


def remove_stale(out: Path) -> list[Path]:
    """Remove what killed builds of OUT left behind; the folders removed."""
    removed = []
    for folder in stale_folders(out):
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            removed.append(folder)
    return removed


def _die_with_parent_linux() -> None:
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return
    libc = ctypes.CDLL(libc_name, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def _watch_parent(parent: int) -> None:
    event = threading.Event()
    while not event.wait(PARENT_POLL_SECONDS):
        if os.getppid() != parent:
            os._exit(1)


def bind_worker_to_parent(parent: int) -> None:
    """Pool initializer: this worker ends when the build process PARENT ends, however."""
    if sys.platform.startswith("linux"):
        _die_with_parent_linux()
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
