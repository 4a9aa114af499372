"""``havza build`` killed at any point: the site being served stays whole, nothing is left
behind, and the next build ends with exactly the site an uninterrupted build writes.

Each build is a real process on the demo network's own database, killed with SIGKILL (no
chance to clean up) when its staging folder reaches a given state: just created, part
of the pages written, every page written (the swap is next).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import psutil
import pytest

from havza.export import staging

pytestmark = [
    pytest.mark.slow,
    # The builds run on a demo database of their own (SQLite): the PostgreSQL pass of the
    # suite would repeat them unchanged.
    pytest.mark.once,
]

HAVZA = Path(sys.executable).parent / "havza"
BASE_URL = "https://shores.example"
WAIT_SECONDS = 120  # bound on every wait: a build of the demo takes a few seconds


def environment(data: Path) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("HAVZA_")}
    return {**clean, "HAVZA_DATA_DIR": str(data)}


def build_command(out: Path) -> list[str]:
    return [str(HAVZA), "build", str(out), "--jobs", "2", "--base-url", BASE_URL]


def tree(root: Path) -> dict[str, str]:
    """Every file under ROOT (relative path -> SHA-256)."""
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def file_count(folder: Path) -> int:
    return sum(len(files) for _, _, files in os.walk(folder))


def leftovers(out: Path) -> list[str]:
    """What builds left beside OUT, but the export's lock file, which stays by design."""
    names = (p.name for p in out.parent.iterdir())
    return sorted(n for n in names if n.startswith(f".{out.name}.") and n != f".{out.name}.lock")


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[Path, Path, dict[str, str]]:
    """The demo network's data folder and the tree an uninterrupted build writes from it."""
    root = tmp_path_factory.mktemp("crash")
    data = root / "data"
    env = environment(data)
    loaded = subprocess.run(
        [str(HAVZA), "demo", "--no-serve"], env=env, capture_output=True, text=True, timeout=300
    )
    assert loaded.returncode == 0, loaded.stderr
    reference = root / "reference"
    built = subprocess.run(
        build_command(reference), env=env, capture_output=True, text=True, timeout=300
    )
    assert built.returncode == 0, built.stderr
    return data, reference, tree(reference)


def wait_for(condition: Callable[[], bool], process: subprocess.Popen) -> bool:
    """Poll CONDITION until it holds (True), or the process ends first (False); fail after
    WAIT_SECONDS."""
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        if process.poll() is not None:
            return False
        if time.monotonic() > deadline:
            pytest.fail("gave up waiting for the build to reach the point")
        time.sleep(0.001)
    return True


def kill_when(out: Path, data: Path, reached: Callable[[Path], bool]) -> list[psutil.Process]:
    """Start a build of OUT, SIGKILL it once REACHED(staging folder) holds; the processes
    (the build and its workers) that were running at that moment. A build on a busy machine
    may get past the point between two looks: it is then run again (at most 5 times)."""
    for _attempt in range(5):
        process = subprocess.Popen(
            build_command(out),
            env=environment(data),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        folder = staging.folder_for(out, process.pid)
        try:
            if wait_for(lambda f=folder: f.is_dir() and reached(f), process):
                build = psutil.Process(process.pid)
                running = [build, *build.children(recursive=True)]
                os.kill(process.pid, signal.SIGKILL)
                process.wait(timeout=WAIT_SECONDS)
                if folder.is_dir():  # killed before the swap took it
                    return running
        finally:
            process.kill()
            process.wait(timeout=WAIT_SECONDS)
    pytest.fail("every build got past the point before it could be killed")


POINTS = {
    "start": lambda total: lambda folder: True,
    "mid-render": lambda total: lambda folder: file_count(folder) >= total // 3,
    # The sitemaps are written by the last task: what remains is at most the end of the
    # rendering, copying the assets and the swap.
    "before-swap": lambda total: lambda folder: (folder / "sitemap.xml").exists(),
}


@pytest.mark.parametrize("point", POINTS)
def test_killed_build_leaves_site_whole_and_nothing_behind(demo, tmp_path, point):
    data, reference_folder, reference = demo
    out = tmp_path / "public"
    shutil.copytree(reference_folder, out)  # the site being served

    running = kill_when(out, data, POINTS[point](len(reference)))
    if point == "mid-render":
        assert len(running) >= 2, "the build renders in worker processes"

    # Workers die with the build: none is left to go on writing.
    _gone, alive = psutil.wait_procs(running, timeout=10)
    assert alive == [], [p.pid for p in alive]
    # The site being served is the previous one, whole.
    assert tree(out) == reference
    assert leftovers(out), "the killed build left its staging folder (cleaned up next)"

    again = subprocess.run(build_command(out), env=environment(data), capture_output=True)
    assert again.returncode == 0, again.stderr
    assert leftovers(out) == []
    assert tree(out) == reference


def test_staging_folder_of_a_running_build_is_never_removed(tmp_path):
    out = tmp_path / "public"
    out.mkdir()
    sleeper = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"],
                               stdin=subprocess.PIPE)  # fmt: skip
    live = staging.folder_for(out, sleeper.pid)
    live.mkdir()
    dead_process = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                                  capture_output=True, text=True)  # fmt: skip
    dead = staging.folder_for(out, int(dead_process.stdout))
    (dead / "en").mkdir(parents=True)
    (dead / "en" / "index.html").write_text("half")
    old = tmp_path / f".public.old-{dead_process.stdout.strip()}"
    old.mkdir()
    unrelated = tmp_path / ".publicity.building-1"
    unrelated.mkdir()
    try:
        assert staging.remove_stale(out) == sorted([dead, old])
        assert live.is_dir() and unrelated.is_dir() and not dead.exists() and not old.exists()
    finally:
        sleeper.stdin.close()
        sleeper.wait(timeout=10)
    assert staging.remove_stale(out) == [live]  # its process has ended (and been reaped)
