"""The ``havza`` command as an operator types it: help that teaches, the demo, the server and
the static export, each run as a real process on its own database."""

from __future__ import annotations

import os
import re
import selectors
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

HAVZA = Path(sys.executable).parent / "havza"


def environment(env: dict[str, str] | None) -> dict[str, str]:
    """The caller's environment without its havza settings (the suite's database among them),
    plus ENV: each process here gets a database of its own."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("HAVZA_")}
    return {**clean, **(env or {})}


def run(args: list[str], env: dict[str, str] | None = None, timeout: int = 300):
    return subprocess.run(
        [str(HAVZA), *args],
        env=environment(env),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_help_lists_havza_commands_that_exist_with_examples(tmp_path):
    shown = run(["--help"], {"HAVZA_DATA_DIR": str(tmp_path)})
    assert shown.returncode == 0
    listed = re.findall(r"^  ([a-z]+) ", shown.stdout, flags=re.M)
    assert {
        "demo",
        "serve",
        "worker",
        "build",
        "reindex",
        "import",
        "translation",
        "migrate",
    } <= set(listed)
    available = run(["help", "--commands"], {"HAVZA_DATA_DIR": str(tmp_path)}).stdout.split()
    assert set(listed) <= set(available), "help names a command that does not exist"
    for command in ("build", "import", "translation"):
        assert f"havza {command} " in shown.stdout, f"no example of {command}"
    assert "docs/settings.md" in shown.stdout


def test_command_help_shows_its_options(tmp_path):
    shown = run(["help", "import"], {"HAVZA_DATA_DIR": str(tmp_path)})
    assert shown.returncode == 0
    assert "--dry-run" in shown.stdout and "--report" in shown.stdout


def test_unknown_command_is_named_and_fails(tmp_path):
    shown = run(["publsh"], {"HAVZA_DATA_DIR": str(tmp_path)})
    assert shown.returncode != 0
    assert "Unknown command: 'publsh'" in shown.stderr


def test_version(tmp_path):
    from havza import __version__

    shown = run(["--version"], {"HAVZA_DATA_DIR": str(tmp_path)})
    assert shown.stdout.strip() == f"havza {__version__}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def wait_for_line(process: subprocess.Popen, expected: str, timeout: float) -> str:
    """The first line of PROCESS's output that contains EXPECTED, read as it is written; fails
    with what it printed if it ends or stays silent for TIMEOUT seconds (a loaded machine
    with many test workers starts a server slowly, so the wait is generous, not a sleep)."""
    seen: list[str] = []
    deadline = time.monotonic() + timeout
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while (left := deadline - time.monotonic()) > 0:
            if not selector.select(timeout=left):
                break
            line = process.stdout.readline().decode("utf-8", "replace")
            if not line:
                break  # the process ended
            seen.append(line)
            if expected in line:
                return line
    pytest.fail(f"no line with {expected!r} within {timeout} s; printed:\n{''.join(seen)}")


@pytest.mark.slow
def test_demo_then_serve_then_build(tmp_path):
    """The path a new network takes: load the demo, look at it served, export it."""
    env = {"HAVZA_DATA_DIR": str(tmp_path / "data")}
    loaded = run(["demo", "--no-serve"], env)
    assert loaded.returncode == 0, loaded.stderr
    password = (tmp_path / "data" / "demo-admin-password").read_text().strip()
    assert password in loaded.stdout, "the demo prints the admin's credentials"

    port = free_port()
    server = subprocess.Popen(
        [str(HAVZA), "serve", "--port", str(port)],
        env=environment(env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        said = wait_for_line(server, "havza is serving at", timeout=180)
        assert f"http://127.0.0.1:{port}/" in said
        status, home = fetch(f"{base}/ar/")
        assert status == 200
        assert '<html lang="ar" dir="rtl"' in home
        stylesheet = re.search(r'href="(/static/[^"]+\.css)"', home).group(1)
        assert fetch(base + stylesheet)[0] == 200
        assert fetch(f"{base}/admin/login/")[0] == 200
    finally:
        server.terminate()
        server.wait(timeout=10)

    built = run(["build", str(tmp_path / "site"), "--base-url", "https://shores.example"], env)
    assert built.returncode == 0, built.stderr
    pages = list((tmp_path / "site").rglob("*.html"))
    assert len(pages) > 100
    assert (tmp_path / "site" / "sitemap.xml").exists()
