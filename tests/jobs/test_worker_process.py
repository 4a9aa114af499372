"""``havza worker`` as an operator runs it: listed in the help, it runs a job enqueued by
another process against the same SQLite database, and SIGTERM stops it cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_cli import run, wait_for_line

HAVZA = Path(sys.executable).parent / "havza"


def test_the_help_names_the_worker(tmp_path):
    shown = run(["--help"], {"HAVZA_DATA_DIR": str(tmp_path)}).stdout
    assert "  worker " in shown and "havza worker" in shown
    options = run(["help", "worker"], {"HAVZA_DATA_DIR": str(tmp_path)}).stdout
    assert "--once" in options and "--interval" in options


@pytest.mark.slow
def test_the_worker_runs_a_job_enqueued_elsewhere_and_stops_on_sigterm(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("HAVZA_")}
    env.update({"HAVZA_DATA_DIR": str(tmp_path), "PYTHONUNBUFFERED": "1"})
    assert run(["migrate", "--no-input"], {"HAVZA_DATA_DIR": str(tmp_path)}).returncode == 0
    worker = subprocess.Popen(
        [str(HAVZA), "worker", "--interval", "0.2"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        bufsize=0,  # lines are read as written, one at a time
    )
    try:
        wait_for_line(worker, "Starting worker", timeout=120)
        code = (
            "from havza.jobs.mail import send_mail; "
            "send_mail.enqueue('Worker check', 'Printed by the console backend.', ['a@x.org'])"
        )
        enqueued = run(["shell", "-c", code], {"HAVZA_DATA_DIR": str(tmp_path)})
        assert enqueued.returncode == 0, enqueued.stderr
        wait_for_line(worker, "Subject: Worker check", timeout=60)
        wait_for_line(worker, "state=SUCCESSFUL", timeout=60)
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(timeout=30) == 0
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
