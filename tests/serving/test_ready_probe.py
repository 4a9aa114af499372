"""`havza serve` says it is serving from a thread of its main process, which forks the worker
processes meanwhile. A worker forked while that thread was half-way through an import (its
first connection imports the "idna" codec) inherited the import's lock with no thread to
release it: every sign-on it took (an email domain is encoded with "idna") waited for ever,
and once all its threads waited it answered nothing, not even the proof-of-work challenge.
A fork now waits for the thread's step to end, so a worker never starts with half a module."""

from __future__ import annotations

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import importlib, os, socket, sys, threading, types

    sync = types.ModuleType("probe_sync")
    sync.entered, sync.release = threading.Event(), threading.Event()
    sys.modules["probe_sync"] = sync
    sys.path.insert(0, sys.argv[1])

    from havza.serving import servers

    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    # What the thread does once the port answers: an import that is under way until the
    # process forks (then it may finish).
    servers.when_listening("127.0.0.1", port, importlib.import_module, "halfway")
    os.register_at_fork(before=sync.release.set)  # runs before the forks registered earlier
    sync.entered.wait()
    pid = os.fork()
    if pid == 0:
        module = sys.modules.get("halfway")
        os._exit(0 if getattr(module, "DONE", False) else 3)
    code = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
    print("whole module" if code == 0 else "half a module")
    """
)

HALFWAY = textwrap.dedent(
    """
    import probe_sync

    probe_sync.entered.set()
    probe_sync.release.wait()
    DONE = True
    """
)


def test_a_worker_is_never_forked_in_the_middle_of_the_ready_probes_import(tmp_path):
    (tmp_path / "halfway.py").write_text(HALFWAY)
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,  # a fork that waited for ever would hang here
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "whole module"
