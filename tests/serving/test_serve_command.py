"""`havza serve` as an operator runs it: worker processes answering kept pages, and an edit
committed by another process (a shell here; the worker, an import) on every worker at once."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

HAVZA = Path(sys.executable).parent / "havza"

CREATE = """
from havza.publishing.models import Translation, Work
work = Work.objects.create(kind="article", original_language="en")
Translation.objects.create(work=work, language="en", title="The harbour strike",
    body_markdown="The strike goes on.", status="published")
print(Translation.objects.get(language="en").get_absolute_url())
"""

EDIT = """
from havza.publishing import changes
from havza.publishing.models import Translation
t = Translation.objects.get(language="en")
with changes.changing([t.work_id]):
    t.title = "The harbour strike is won"
    t.save()
print(Translation.objects.get(language="en").get_absolute_url())
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def havza(args: list[str], env: dict) -> subprocess.CompletedProcess:
    done = subprocess.run([str(HAVZA), *args], env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return done


def fetch(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.status, response.read().decode()


@pytest.mark.slow
def test_workers_answer_kept_pages_and_see_an_edit_from_another_process(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("HAVZA_")}
    env["HAVZA_DATA_DIR"] = str(tmp_path / "data")
    havza(["migrate", "--noinput"], env)
    address = havza(["shell", "-c", CREATE], env).stdout.strip().splitlines()[-1]
    port = free_port()
    server = subprocess.Popen(
        [str(HAVZA), "serve", "--port", str(port), "--workers", "2", "--threads", "2"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 180
        for line in server.stdout:
            if "havza is serving at" in line or time.monotonic() > deadline:
                break
        assert "with granian, 2 workers" in line
        base = f"http://127.0.0.1:{port}"
        url = base + address
        for _ in range(8):  # kept by both workers
            status, page = fetch(url)
            assert status == 200 and "The harbour strike" in page
            assert "The harbour strike" in fetch(base + "/en/")[1]
        address = havza(["shell", "-c", EDIT], env).stdout.strip().splitlines()[-1]
        for _ in range(8):  # every worker answers the edit, none the kept page
            status, page = fetch(base + address)
            assert status == 200 and "The harbour strike is won" in page
            status, home = fetch(base + "/en/")
            assert "The harbour strike is won" in home
            if base + address != url:  # its former address is gone
                with pytest.raises(urllib.error.HTTPError):
                    fetch(url)
            else:
                assert "The harbour strike is won" in fetch(url)[1]
    finally:
        server.terminate()
        server.wait(timeout=30)
