"""Which files an import reads: only regular files inside what the command line names.

A folder is searched without following links out of it: a link to a file is read only when
the file it points to lies inside the same folder, and links to folders are not followed. A
file named directly is read only if it is in the folder that names it (a link named directly
may not lead elsewhere either: a shell expands `a/*` into links as readily as into files).
Named pipes, devices and sockets are never opened, even when named directly (opening a pipe
waits forever; a device can be read forever). Nothing of the site's own is ever read: its
data folder (``HAVZA_DATA_DIR``: the secret key, the database, uploads), its database file
and its configuration file. Every file left out this way is reported with the reason.
"""

from __future__ import annotations

import glob
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from havza.archive.report import entry

SKIPPED_NAMES = {".DS_Store", "Thumbs.db"}
_KINDS = {
    stat.S_IFIFO: "a named pipe",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a folder",
}


@dataclass(frozen=True)
class ArchiveFile:
    path: Path  # resolved: what is opened
    name: str  # as reported and remembered: the resolved path, readable whatever its bytes


def readable(path: str | os.PathLike[str]) -> str:
    """PATH as text: bytes of a name that are not UTF-8 are shown as \\xNN, never dropped."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def failed(path: str, reason: str, key: str | None = None) -> dict[str, Any]:
    document = entry(path, key, "failed")
    document["problems"] = [reason]
    return document


def protected() -> tuple[list[Path], set[Path]]:
    """The site's own folders and files, which an import never reads."""
    from django.conf import settings

    folders = [Path(settings.DATA_DIR).resolve()]
    files: set[Path] = set()
    database = settings.DATABASES["default"]
    if "sqlite" in database["ENGINE"] and str(database["NAME"]) != ":memory:":
        name = Path(database["NAME"]).resolve()
        files |= {Path(f"{name}{suffix}") for suffix in ("", "-wal", "-shm", "-journal")}
    if os.environ.get("HAVZA_CONFIG"):
        files.add(Path(os.environ["HAVZA_CONFIG"]).resolve())
    return folders, files


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


class _Selection:
    def __init__(self) -> None:
        self.files: dict[Path, ArchiveFile] = {}
        self.refused: list[dict[str, Any]] = []
        self.folders, self.protected = protected()

    def refuse(self, path: Path, reason: str) -> None:
        self.refused.append(failed(readable(path), reason))

    def add(self, path: Path, root: Path) -> None:
        """Add PATH, if what it leads to lies inside ROOT."""
        try:
            target = path.resolve(strict=True)
            info = target.stat()  # never opens the file
        except (OSError, RuntimeError) as error:
            reason = "a broken link" if path.is_symlink() else getattr(error, "strerror", None)
            self.refuse(path, f"cannot read the file: {reason or error}")
            return
        if not _inside(target, root):
            self.refuse(path, f"a link to {readable(target)}, outside the folder: not read")
            return
        if target in self.protected or any(_inside(target, f) for f in self.folders):
            self.refuse(path, "one of the site's own files (data, database, settings): not read")
            return
        if not stat.S_ISREG(info.st_mode):
            kind = _KINDS.get(stat.S_IFMT(info.st_mode), "not a regular file")
            self.refuse(path, f"{kind}, not a file: not read")
            return
        self.files.setdefault(target, ArchiveFile(target, readable(target)))

    def add_folder(self, folder: Path) -> None:
        root = folder.resolve()
        for directory, folders, names in os.walk(root, followlinks=False):
            here = Path(directory)
            for name in sorted(folders):
                if (here / name).is_symlink() and not _hidden(name):
                    self.refused.append(_skipped(here / name, "a link to a folder: not followed"))
            folders[:] = sorted(f for f in folders if not _hidden(f))
            for name in sorted(names):
                if not _hidden(name):
                    self.add(here / name, root)


def _hidden(name: str) -> bool:
    return name.startswith(".") or name in SKIPPED_NAMES


def _skipped(path: Path, reason: str) -> dict[str, Any]:
    document = entry(readable(path), status="skipped")
    document["problems"] = [reason]
    return document


def expand(paths: Iterable[str]) -> tuple[list[ArchiveFile], list[dict[str, Any]]]:
    """The files PATHS name (folders searched recursively, globs expanded), in order, and a
    report entry for each path that names nothing or a file that may not be read."""
    selection = _Selection()
    for raw in paths:
        magic = glob.has_magic(raw)
        matches = sorted(glob.glob(raw, recursive=True)) if magic else [raw]  # noqa: PTH207 -- absolute and relative patterns alike
        if not any(os.path.lexists(m) for m in matches):
            selection.refused.append(failed(readable(raw), "no such file or folder"))
            continue
        for match in matches:
            path = Path(match)
            if path.is_dir():
                selection.add_folder(path)
            else:
                # A file named directly (or by a glob the shell expanded) is read only if it
                # lies in the folder that names it: a link there may not lead elsewhere.
                selection.add(path, path.absolute().parent.resolve())
    return list(selection.files.values()), selection.refused
