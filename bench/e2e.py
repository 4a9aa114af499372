"""Benchmark: a WordPress site to a complete static site, havza against Hugo, end to end.

    .venv/bin/python -m bench.e2e --statements 1000 [--runs 1] [--edits 9] [--serve]

The same statements (each in the 11 site languages, about 800 words, ``bench.wxr_import``)
are written as a Polylang WordPress export for havza and as a multilingual Hugo site for
Hugo (``bench.export_vs_hugo``'s templates: single pages with translations, paginated lists,
taxonomies, RSS, sitemaps). Then, on tmpfs (/dev/shm) when there is one:

* ``havza import`` of the export into a fresh SQLite database;
* ``havza build`` of the imported site;
* republishing one edited translation into that export (median of --edits edits);
* ``hugo --quiet`` of the same content;
* with --serve, ``havza serve`` and wrk on one work page (1 and 64 connections, 10 s each).

Each step's time and peak memory (largest process, and the whole process tree sampled) are
printed as they are measured; the last line is one JSON object with the ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bench.export_vs_hugo import HAVZA, REPO, Run, file_count, measure, write_hugo_site
from bench.wxr_import import env_for, migrated_data_dir, pieces, statement, write_wxr

HUGO_CHUNK = 200  # statements written to the Hugo site at once


def write_hugo(folder: Path, count: int) -> int:
    """The same statements as a Hugo site in FOLDER; returns the content files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    for start in range(0, count, HUGO_CHUNK):
        chunk = [statement(n) for n in range(start, min(count, start + HUGO_CHUNK))]
        written += write_hugo_site(folder, pieces(chunk), [], [], [])
    return written


def republish(data: Path, out: Path, edits: int) -> list[float]:
    """Times of republishing EDITS edited translations into OUT (in a child process)."""
    code = (
        "import json, sys; from pathlib import Path; from bench import export_vs_hugo as b; "
        f"b._setup_django(Path({str(data)!r})); "
        f"print(json.dumps(b.republish_times(Path({str(out)!r}), {edits})))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env_for(data), check=True, capture_output=True
    )
    return json.loads(done.stdout.decode().strip().splitlines()[-1])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wrk(url: str, connections: int, seconds: int = 10) -> dict:
    done = subprocess.run(
        ["wrk", "-t", str(min(2, connections)), "-c", str(connections), "-d", f"{seconds}s",
         "--latency", url],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    text = done.stdout
    rate = re.search(r"Requests/sec:\s+([\d.]+)", text)
    p50 = re.search(r"50%\s+([\d.]+)(us|ms|s)", text)
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", text)

    def ms(m):
        if not m:
            return None
        return float(m.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[m.group(2)]

    return {"rps": float(rate.group(1)) if rate else None, "p50_ms": ms(p50), "p99_ms": ms(p99)}


def serve_and_load(data: Path, out: Path) -> dict:
    """``havza serve`` on the imported site and wrk on one work page; {} without wrk."""
    if not shutil.which("wrk"):
        return {}
    pages = sorted(out.glob("en/*/*/index.html")) or sorted(out.glob("**/index.html"))
    if not pages:
        return {}
    path = "/" + str(pages[len(pages) // 2].parent.relative_to(out)) + "/"
    port = _free_port()
    server = subprocess.Popen(
        [str(HAVZA), "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env_for(data), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        url = f"http://127.0.0.1:{port}{path}"
        for _ in range(300):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                time.sleep(0.1)
        with urllib.request.urlopen(url, timeout=30) as first:
            first.read()
        return {"url": path, "c1": _wrk(url, 1), "c64": _wrk(url, 64)}
    finally:
        server.terminate()
        server.wait(timeout=30)


def _mib(run: Run) -> dict:
    return {"max_rss_mb": round(run.max_rss / 2**20), "tree_rss_mb": round(run.tree_rss / 2**20)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=1000)
    parser.add_argument("--files", type=int, default=2, help="WordPress export files")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--edits", type=int, default=9)
    parser.add_argument("--serve", action="store_true", help="also serve and load with wrk")
    parser.add_argument("--dir", type=Path, default=None, help="work folder (default: /dev/shm)")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args(argv)
    hugo = shutil.which("hugo")
    if not hugo:
        raise SystemExit("hugo is not installed (apt-get install -y hugo)")
    base = args.dir or (Path("/dev/shm") if Path("/dev/shm").is_dir() else None)
    folder = Path(tempfile.mkdtemp(prefix="havza-e2e-", dir=base))
    version = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.strip()
    print(f"{version}\nPython {sys.version.split()[0]}, {os.cpu_count()} cores, in {folder}")
    try:
        exports = write_wxr(folder / "wxr", args.statements, args.files)
        posts = args.statements * 11
        megabytes = sum(p.stat().st_size for p in exports) / 1e6
        site = folder / "hugo"
        write_hugo(site, args.statements)
        print(f"{posts} posts: {megabytes:.1f} MB of WXR in {len(exports)} files, Hugo site")
        imports, builds, hugos = [], [], []
        data = out = folder
        for _ in range(args.runs):  # alternating, so both see the same machine
            data = migrated_data_dir(folder)
            out = data / "public"
            env = env_for(data)
            command = [str(HAVZA), "import", *map(str, exports), "--no-progress"]
            imports.append(measure(command, env))
            print(f"  havza import: {imports[-1]}")
            builds.append(measure([str(HAVZA), "build", str(out)], env))
            print(f"  havza build: {builds[-1]}")
            shutil.rmtree(site / "public", ignore_errors=True)
            hugos.append(measure([hugo, "--quiet"], dict(os.environ), cwd=site))
            print(f"  hugo: {hugos[-1]}")
        times = republish(data, out, args.edits) if args.edits else []
        if times:
            print(f"  republish: median {statistics.median(times) * 1000:.0f} ms")
        served = serve_and_load(data, out) if args.serve else {}
        if served:
            print(f"  serve: {served}")
        imp = statistics.median(r.seconds for r in imports)
        build = statistics.median(r.seconds for r in builds)
        hugo_s = statistics.median(r.seconds for r in hugos)
        result = {
            "bench": "e2e",
            "statements": args.statements,
            "posts": posts,
            "wxr_mb": round(megabytes, 1),
            "import_s": round(imp, 2),
            "import_posts_per_s": round(posts / imp),
            "import": _mib(max(imports, key=lambda r: r.max_rss)),
            "build_s": round(build, 2),
            "build_pages": file_count(out),
            "build": _mib(max(builds, key=lambda r: r.max_rss)),
            "hugo_s": round(hugo_s, 2),
            "hugo_pages": file_count(site / "public"),
            "hugo": _mib(max(hugos, key=lambda r: r.max_rss)),
            "republish_ms": round(statistics.median(times) * 1000) if times else None,
            "serve": served or None,
            "ratio_end_to_end": round((imp + build) / hugo_s, 2),
            "ratio_build": round(build / hugo_s, 2),
            "load": round(os.getloadavg()[0], 2),
        }
        print(json.dumps(result))
        sys.stdout.flush()
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
