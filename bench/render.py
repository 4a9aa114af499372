"""Rendering public pages in process: milliseconds per page, without a server or a cache.

    python -m bench.render                      # the demo network, 200 renders of each kind
    python -m bench.render --count 50 --profile work

Each kind of page (a work page, a kind listing, the home page) is asked for COUNT times
through the Django application (every middleware, view, rendering), COUNT times as
`havza serve --uncached` answers a reader without a session ("served": the render cache,
off, in front of Django, public pages rendered past the middleware they have no use for,
``serving.public``), and rendered COUNT times directly from the page catalogue (the function
the export calls). Both are given as the
median wall time and the mean CPU time of this process (steadier on a busy machine). The
demo database is created in a data directory
of its own unless HAVZA_DATA_DIR names one. --profile KIND prints a cProfile of KIND's
requests. One JSON line is printed last.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import os
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.serve import pages_in

HAVZA = Path(sys.executable).with_name("havza")


def _setup(data_dir: Path) -> None:
    os.environ["HAVZA_DATA_DIR"] = str(data_dir)
    os.environ["HAVZA_PAGE_CACHE"] = "false"
    if not (data_dir / "havza.sqlite3").exists() and "HAVZA_DATABASE_URL" not in os.environ:
        subprocess.run(
            [str(HAVZA), "demo", "--no-serve"], env=dict(os.environ), check=True,
            capture_output=True,
        )  # fmt: skip
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "havza.settings")
    import django

    django.setup()


def _environ(path: str, encoding: str) -> dict:
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "HTTP_HOST": "127.0.0.1",
        "HTTP_ACCEPT_ENCODING": encoding,
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }


def _get(app, path: str, encoding: str = "br, gzip") -> tuple[str, bytes]:
    answer: list = []
    started = lambda status, headers, exc=None: answer.append(status)  # noqa: E731
    body = b"".join(app(_environ(path, encoding), started))
    return answer[0], body


def pages_of(app) -> dict[str, str]:
    """A work page, a listing and the home page of the English site."""
    _status, home = _get(app, "/en/", encoding="")
    return pages_in(home.decode())


def _median_ms(times: list[float]) -> float:
    times = sorted(times)
    return round(times[len(times) // 2] * 1000, 3)


def _timed(call, count: int) -> dict:
    call()  # warm
    times = []
    cpu = time.process_time()
    for _ in range(count):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    cpu_ms = round((time.process_time() - cpu) / count * 1000, 3)
    return {"p50_ms": _median_ms(times), "cpu_ms": cpu_ms}


def direct(path: str):
    """A function rendering PATH from the catalogue, as the export does."""
    from django.urls import resolve

    from havza.publishing.pages import CATALOGUE

    match = resolve(path)
    kind = CATALOGUE[match.url_name]
    return lambda: kind.live(**dict(match.kwargs))


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--profile", choices=["work", "listing", "home"])
    parser.add_argument("--queries", action="store_true", help="print each page's SQL")
    args = parser.parse_args(argv)
    data = os.environ.get("HAVZA_DATA_DIR")
    folder = Path(data) if data else Path(tempfile.mkdtemp(prefix="havza-render-"))
    _setup(folder)

    from django.core.wsgi import get_wsgi_application
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from havza.serving.lean import SignOnRoutes
    from havza.serving.pages import PageCache
    from havza.serving.public import PublicHandler

    app = get_wsgi_application()
    served = PageCache(SignOnRoutes(app), public=PublicHandler())
    gc.freeze()  # as havza.serving.wsgi leaves what it loaded out of full collections
    paths = pages_of(app)
    results = {}
    for name, path in paths.items():
        status, _body = _get(app, path)
        assert status.startswith("200"), (path, status)
        with CaptureQueriesContext(connection) as queries:
            _get(app, path)
        sql = [q["sql"] for q in queries.captured_queries]
        if args.queries:
            for q in sql:
                print(f"  [{name}] {q[:300]}")
        request = _timed(lambda p=path: _get(app, p), args.count)
        answer = _timed(lambda p=path: _get(served, p), args.count)
        render = _timed(direct(path), args.count)
        results[name] = {
            "path": path,
            "queries": len(sql),
            "request_ms": request["p50_ms"],
            "request_cpu_ms": request["cpu_ms"],
            "served_ms": answer["p50_ms"],
            "served_cpu_ms": answer["cpu_ms"],
            "render_ms": render["p50_ms"],
            "render_cpu_ms": render["cpu_ms"],
        }
        print(f"{name:8} {path:40} {results[name]}", flush=True)
        if args.profile == name:
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(args.count):
                _get(served, path)
            profiler.disable()
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(60)
            print(out.getvalue())
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(40)
            print(out.getvalue())
    summary = {"bench": "render", "count": args.count, "pages": results}
    print(json.dumps(summary))
    return summary


if __name__ == "__main__":
    main()
