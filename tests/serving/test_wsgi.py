"""The served application's process keeps what it loaded at start out of the garbage
collector's full collections: otherwise one request in a thousand or so pays for walking every
object of Django and havza (80-150 ms of CPU on a site of 1,000 statements)."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = "import gc, havza.serving.wsgi; print(gc.get_freeze_count())"


def test_the_served_application_leaves_its_startup_objects_out_of_full_collections(tmp_path):
    env = {
        **os.environ,
        "HAVZA_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "havza.settings",
    }
    env.pop("HAVZA_DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.split()[-1]) > 10_000
