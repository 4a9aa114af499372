"""The production servers ``havza serve`` can run, each with several worker processes.

granian (the default) is a Rust HTTP server: each worker process answers requests with
a pool of Python threads, the sockets and HTTP parsing in Rust; gunicorn (pre-forked
workers, threads each) and waitress (pure Python, threads; one process per worker here,
sharing one listening socket) are there to compare and where granian cannot run. The
listen backlog is raised so a burst of connections waits instead of being refused.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable

TARGET = "havza.serving.wsgi:application"
SERVERS = ("granian", "gunicorn", "waitress")


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


# The probe below runs in the server's main process while that process forks its workers.
# A worker forked while the probe was inside an import (its first connection imports the
# "idna" codec) or held any other lock starts with that lock taken by a thread it does not
# have: each request that needs the module then waits for ever, until every thread of the
# worker waits and it answers nothing at all. So a fork waits for the probe's current step.
_probing = threading.Lock()
_fork_guarded = False
_guarding = threading.Lock()


def _guard_forks() -> None:
    global _fork_guarded
    with _guarding:
        if not _fork_guarded:
            os.register_at_fork(
                before=_probing.acquire,
                after_in_parent=_probing.release,
                after_in_child=_probing.release,
            )
            _fork_guarded = True


def when_listening(host: str, port: int, then: Callable, *args, timeout: float = 300) -> None:
    """Call THEN(*ARGS) from a thread once HOST:PORT accepts a connection. The process may
    fork meanwhile: a fork waits while the thread connects or calls THEN."""
    _guard_forks()

    def probe() -> None:
        address = "127.0.0.1" if host in ("0.0.0.0", "") else "::1" if host == "::" else host
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with _probing, socket.create_connection((address, port), timeout=1):
                    break
            except OSError:
                time.sleep(0.05)
        with _probing:
            then(*args)

    threading.Thread(target=probe, daemon=True).start()


def run(
    server: str,
    *,
    host: str,
    port: int,
    workers: int,
    threads: int,
    backlog: int,
    ready: Callable[[], None],
) -> None:
    """Serve until interrupted; READY is called once the socket listens."""
    runner = {"granian": _granian, "gunicorn": _gunicorn, "waitress": _waitress}[server]
    try:
        __import__(server)
    except ImportError as missing:  # gunicorn is not among havza's dependencies
        raise SystemExit(f"{server} is not installed here: pip install {server}") from missing
    runner(host=host, port=port, workers=workers, threads=threads, backlog=backlog, ready=ready)


def _granian(*, host, port, workers, threads, backlog, ready) -> None:
    from granian.constants import Interfaces
    from granian.log import LogLevels
    from granian.server import Server

    server = Server(
        TARGET,
        address=host,
        port=port,
        interface=Interfaces.WSGI,
        workers=workers,
        blocking_threads=threads,
        backlog=backlog,
        log_level=LogLevels.warning,
        respawn_failed_workers=True,
    )
    server.on_startup(ready)
    server.serve()


def _gunicorn(*, host, port, workers, threads, backlog, ready) -> None:
    from gunicorn.app.base import BaseApplication

    class Application(BaseApplication):
        def load_config(self):
            options = {
                "bind": f"{host}:{port}",
                "workers": workers,
                "threads": threads,
                "worker_class": "gthread",
                "backlog": backlog,
                "keepalive": 5,
                "loglevel": "warning",
                "when_ready": lambda _arbiter: ready(),
            }
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self):
            from havza.serving.wsgi import application

            return application

    Application().run()


def _waitress(*, host, port, workers, threads, backlog, ready) -> None:
    from waitress import create_server

    listener = socket.create_server((host, port), backlog=backlog, reuse_port=False)
    ready()
    children: list[int] = []
    for _ in range(max(1, workers) - 1):
        pid = os.fork()
        if pid == 0:
            _serve_waitress(create_server, listener, threads, backlog)
            os._exit(0)
        children.append(pid)
    try:
        _serve_waitress(create_server, listener, threads, backlog)
    finally:
        for pid in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        for pid in children:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)


def _serve_waitress(create_server, listener, threads, backlog) -> None:
    from havza.serving.wsgi import application

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    server = create_server(
        application, sockets=[listener], threads=threads, backlog=backlog, ident="havza"
    )
    try:
        server.run()
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        server.close()
