"""Benchmark: a WordPress site to a complete static site, havza against Hugo, end to end.

    .venv/bin/python -m bench.e2e --statements 1000 [--runs 1] [--edits 9] [--no-serve]
    .venv/bin/python -m bench.e2e --sizes 1000,10000,30000   # and the growth plot

The same statements (each in the 11 site languages, about 800 words, ``bench.wxr_import``)
are written as a Polylang WordPress export for havza and as a multilingual Hugo site for
Hugo (``bench.export_vs_hugo``'s templates: single pages with translations, paginated lists,
taxonomies, RSS, sitemaps). Then, on tmpfs (/dev/shm) when there is one:

* ``havza import --align job`` of the export into a fresh SQLite database (the translation
  memory, which no public page shows, is left to the job worker, as the PDFs are);
* ``havza build`` of the imported site, the first: the site is up when its pages are swapped
  in ("Pages in … s"), which ends the end-to-end time; the statement PDFs, which Hugo does not
  make, follow into the live site (``--pdfs after``, timed on their own) up to
  --pdfs-up-to statements, and are left to the job worker (``--pdfs job``) above;
* ``havza build`` again: the full re-export over the export it replaces (PDFs kept; pages
  whose bytes are unchanged are linked, not compressed again: after a template change that
  alters every page, the first build's pages are the bound);
* republishing one edited translation into that export (median of --edits edits);
* ``hugo --quiet`` of the same content (skipped above --hugo-up-to statements: Hugo's
  memory grows with the site, 14 GB at 10,000 statements);
* ``havza serve`` and wrk on one work page: cached at 1 and 64 connections, uncached
  (HAVZA_PAGE_CACHE=false) at 1 connection, --wrk-seconds each.

With --profile, the import and the first build run under py-spy (``bench.profile``, every
process of them sampled; ``pip install '.[bench]'``) and where their time went is printed and
kept in the JSON line.

Each step's time and peak memory (largest process, and the whole process tree sampled) are
printed as they are measured; the last line is one JSON object with the ratios and, under
"targets", whether each target of the benchmark is met. With --sizes, each size runs in
turn, its line is appended to --lines (bench/out/e2e.jsonl) and the growth plot is drawn
from them (``bench.e2e_plot``) to --plot.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench import e2e_plot, profile
from bench.export_vs_hugo import HAVZA, REPO, Run, _tree_rss, file_count, measure, write_hugo_site
from bench.serve import fetch, free_port, wait_for, wrk
from bench.wxr_import import env_for, migrated_data_dir, pieces, statement, write_wxr

HUGO_CHUNK = 200  # statements written to the Hugo site at once
OUT = REPO / "bench" / "out"


def write_hugo(folder: Path, count: int) -> int:
    """The same statements as a Hugo site in FOLDER; returns the content files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    for start in range(0, count, HUGO_CHUNK):
        chunk = [statement(n) for n in range(start, min(count, start + HUGO_CHUNK))]
        written += write_hugo_site(folder, pieces(chunk), [], [], [])
    return written


REPUBLISH = """
import json, resource, sys
from pathlib import Path
from bench import export_vs_hugo as b
b._setup_django(Path(sys.argv[1]))
from bench.republish import edit_and_republish
rows = edit_and_republish(Path(sys.argv[2]), int(sys.argv[3]))
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"rows": rows, "max_rss": peak}))
"""


def republish(data: Path, out: Path, edits: int) -> dict:
    """Republishing EDITS edited translations into OUT, one after another (a child process):
    {"rows": [{ms, rendered, written, removed, queries}], "max_rss": bytes}."""
    done = subprocess.run(
        [sys.executable, "-c", REPUBLISH, str(data), str(out), str(edits)],
        cwd=REPO, env=env_for(data), check=True, capture_output=True,
    )  # fmt: skip
    return json.loads(done.stdout.decode().strip().splitlines()[-1])


def _work_page(out: Path) -> str | None:
    pages = sorted(out.glob("en/*/*/index.html")) or sorted(out.glob("**/index.html"))
    if not pages:
        return None
    return "/" + str(pages[len(pages) // 2].parent.relative_to(out)) + "/"


def _serve(data: Path, path: str, cached: bool, connections: list[int], seconds: int) -> dict:
    """``havza serve`` (its defaults) on the imported site, wrk on PATH: figures per number
    of connections and the server's peak memory (process tree, sampled)."""
    port = free_port()
    env = {**env_for(data), "HAVZA_PAGE_CACHE": "true" if cached else "false"}
    server = subprocess.Popen(
        [str(HAVZA), "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    peak, done = 0, threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(server.pid))
            done.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        url = f"http://127.0.0.1:{port}{path}"
        wait_for(url, server)
        for _ in range(4):  # every worker has rendered it once
            fetch(url)
        figures = {f"c{c}": wrk(url, c, seconds) for c in connections}
    finally:
        server.terminate()
        server.wait(timeout=30)
        done.set()
        sampler.join()
    return {**figures, "tree_rss_mb": round(peak / 2**20)}


def serve_and_load(data: Path, out: Path, seconds: int) -> dict:
    """The live server on one work page of the site: cached (1 and 64 connections) and
    uncached (1 connection); {} without wrk."""
    path = _work_page(out)
    if not shutil.which("wrk") or not path:
        return {}
    cached = _serve(data, path, True, [1, 64], seconds)
    uncached = _serve(data, path, False, [1], seconds)
    return {"url": path, "cached": cached, "uncached": uncached}


def _mib(run: Run | None) -> dict | None:
    if run is None:
        return None
    return {
        "max_rss_mb": round(run.max_rss / 2**20),
        "tree_rss_mb": round(run.tree_rss / 2**20),
        "tree_pss_mb": round(run.tree_pss / 2**20),
    }


def _ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 2) if a is not None and b else None


def _targets(r: dict) -> dict:
    """Whether each target is met (None: not measured). End to end ≤ 1.0× Hugo at 1,000
    statements and ≤ 0.5× at 10,000; full re-export ≤ 0.5× and ≤ 0.3×; republish ≤ 100 ms;
    ≤ 1 GB for havza (its process trees' memory, shared pages counted once); a cached page
    ≥ 5,000 req/s at 64 connections, p99 < 50 ms; an uncached render ≤ 3 ms."""
    large = r["statements"] >= 10000

    def at_most(value, limit):
        return None if value is None else value <= limit

    c64 = ((r.get("serve") or {}).get("cached") or {}).get("c64") or {}
    c1u = ((r.get("serve") or {}).get("uncached") or {}).get("c1") or {}
    rps, p99 = c64.get("requests_per_s"), c64.get("p99_ms")
    return {
        "end_to_end": at_most(r["ratio_end_to_end"], 0.5 if large else 1.0),
        "full_re_export": at_most(r["ratio_build"], 0.3 if large else 0.5),
        "republish": at_most(r["republish_ms"], 100),
        "memory": at_most(r["havza_peak_pss_mb"], 1024),
        "serve_cached": None if rps is None else rps >= 5000 and (p99 or 1e9) < 50,
        "serve_uncached": at_most(c1u.get("p50_ms"), 3),
    }


def run_size(args: argparse.Namespace, statements: int, hugo: str | None) -> dict:
    """The whole comparison at STATEMENTS statements; its result (the JSON line)."""
    base = args.dir or (Path("/dev/shm") if Path("/dev/shm").is_dir() else None)
    folder = Path(tempfile.mkdtemp(prefix="havza-e2e-", dir=base))
    print(f"{statements} statements, in {folder}", flush=True)
    try:
        # The generated content, kept in --inputs for another run when asked (it is the same
        # for the same number of statements: a fixed seed).
        inputs = (args.inputs / f"{statements}-{args.files}") if args.inputs else folder
        ready = inputs / "ready"
        with_hugo = hugo is not None and statements <= args.hugo_up_to
        site = inputs / "hugo"
        if ready.is_file() and (site.is_dir() or not with_hugo):
            generated = (sorted((inputs / "wxr").glob("*.xml")), 0.0)
        else:
            generated = measure_python(lambda: write_wxr(inputs / "wxr", statements, args.files))
            if with_hugo:
                write_hugo(site, statements)
            if args.inputs:
                ready.write_text("")
        exports = generated[0]
        posts = statements * 11
        megabytes = sum(p.stat().st_size for p in exports) / 1e6
        hugo_note = ", Hugo site" if with_hugo else ""
        print(f"{posts} posts: {megabytes:.1f} MB of WXR in {len(exports)} files "
              f"({generated[1]:.0f} s){hugo_note}", flush=True)  # fmt: skip
        imports, firsts, builds, hugos = [], [], [], []
        data = out = folder
        for _ in range(args.runs):  # alternating, so both see the same machine
            data = migrated_data_dir(folder)
            out = data / "public"
            env = env_for(data)
            command = [str(HAVZA), "import", *map(str, exports), "--align", "job", "--no-progress"]
            imports.append(measure(_profiled(args, command, statements, "import"), env))
            print(f"  havza import: {imports[-1]}", flush=True)
            pdfs = "after" if statements <= args.pdfs_up_to else "job"
            command = [str(HAVZA), "build", str(out), "--pdfs", pdfs]
            firsts.append(measure(_profiled(args, command, statements, "build"), env, output=True))
            print(f"  havza build, first: {firsts[-1]}", flush=True)
            builds.append(
                measure([str(HAVZA), "build", str(out), "--pdfs", "job"], env, output=True)
            )
            print(f"  havza build, again: {builds[-1]}", flush=True)
            if with_hugo:
                shutil.rmtree(site / "public", ignore_errors=True)
                try:
                    hugos.append(measure([hugo, "--quiet"], dict(os.environ), cwd=site))
                    print(f"  hugo: {hugos[-1]}", flush=True)
                except SystemExit as failed:  # killed for memory, say: havza's figures stand
                    print(f"  hugo: {failed}", flush=True)
        edited = republish(data, out, args.edits) if args.edits else {"rows": [], "max_rss": 0}
        times = [row["ms"] for row in edited["rows"]]
        if times:
            print(f"  republish: median {statistics.median(times):.0f} ms, rows "
                  f"{edited['rows']}", flush=True)  # fmt: skip
        served = serve_and_load(data, out, args.wrk_seconds) if args.serve else {}
        if served:
            print(f"  serve: {served}", flush=True)
        result = _result(statements, posts, megabytes, imports, firsts, builds, hugos, edited,
                         served, out, site)  # fmt: skip
        if args.profile:
            result["profile"] = _profiles(statements)
        return result
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


def _profiled(args, command: list[str], statements: int, step: str) -> list[str]:
    """COMMAND, under py-spy with --profile (its samples in bench/out)."""
    if not args.profile:
        return command
    OUT.mkdir(parents=True, exist_ok=True)
    return profile.record_command(command, OUT / f"e2e-{statements}-{step}.txt")


def _profiles(statements: int) -> dict:
    found = {}
    for step in ("import", "build"):
        samples = OUT / f"e2e-{statements}-{step}.txt"
        if samples.is_file():
            found[step] = profile.summary(samples, top=15)
            profile.print_summary(f"havza {step}", found[step])
    return found


def measure_python(call):
    """(CALL's value, seconds it took)."""
    started = time.perf_counter()
    value = call()
    return value, time.perf_counter() - started


def _printed(runs, pattern: str) -> float | None:
    """The median of a figure the runs printed (PATTERN's group), or None."""
    found = [re.search(pattern, r.output) for r in runs]
    values = [float(m.group(1)) for m in found if m]
    return round(statistics.median(values), 2) if values else None


def _result(statements, posts, megabytes, imports, firsts, builds, hugos, edited, served, out,
            site):  # fmt: skip
    imp = statistics.median(r.seconds for r in imports)
    # The site is up once the first build has swapped its pages in; its PDFs come after.
    site_up = _printed(firsts, r"Pages in ([0-9.]+) s") or statistics.median(
        r.seconds for r in firsts
    )
    build = statistics.median(r.seconds for r in builds)
    hugo_s = statistics.median(r.seconds for r in hugos) if hugos else None
    times = [row["ms"] for row in edited["rows"]]
    peaks = {
        "import": _mib(max(imports, key=lambda r: r.tree_rss)),
        "first_build": _mib(max(firsts, key=lambda r: r.tree_rss)),
        "build": _mib(max(builds, key=lambda r: r.tree_rss)),
        "republish": {"max_rss_mb": round(edited["max_rss"] / 2**20)} if times else None,
        "serve": {"tree_rss_mb": served["cached"]["tree_rss_mb"]} if served else None,
        "hugo": _mib(max(hugos, key=lambda r: r.tree_rss)) if hugos else None,
    }
    havza_peak = max(
        max(r.tree_rss for r in imports), max(r.tree_rss for r in firsts),
        max(r.tree_rss for r in builds), edited["max_rss"],
    ) / 2**20  # fmt: skip
    # The memory havza's processes use, each page the forked workers share counted once.
    havza_pss = max(
        max(r.tree_pss for r in imports), max(r.tree_pss for r in firsts),
        max(r.tree_pss for r in builds), edited["max_rss"],
    ) / 2**20  # fmt: skip
    result = {
        "bench": "e2e",
        "statements": statements,
        "posts": posts,
        "wxr_mb": round(megabytes, 1),
        "import_s": round(imp, 2),
        "import_posts_per_s": round(posts / imp),
        "first_build_s": round(statistics.median(r.seconds for r in firsts), 2),
        "site_up_s": round(site_up, 2),
        # Statement PDFs, which Hugo does not make: rendered after the swap (or left to the
        # job worker above --pdfs-up-to statements, then None).
        "first_build_pdfs": _printed(firsts, r"; ([0-9]+) statement PDFs"),
        "first_build_pdf_s": _printed(firsts, r"PDFs rendered after the swap in ([0-9.]+) s"),
        "build_s": round(build, 2),
        "build_pages": file_count(out),
        "build_pdfs": file_count(out, (".pdf",)),
        "end_to_end_s": round(imp + site_up, 2),
        "hugo_s": round(hugo_s, 2) if hugo_s else None,
        "hugo_pages": file_count(site / "public") if hugos else None,
        "republish_ms": round(statistics.median(times), 1) if times else None,
        "republish_max_ms": round(max(times), 1) if times else None,
        "republish_pages_rendered": [row["rendered"] for row in edited["rows"]],
        "peak_rss": peaks,
        "havza_peak_rss_mb": round(havza_peak),
        "havza_peak_pss_mb": round(havza_pss),
        "serve": served or None,
        "ratio_end_to_end": _ratio(imp + site_up, hugo_s),
        "ratio_build": _ratio(build, hugo_s),
        "ratio_build_memory": _ratio(
            max(r.tree_rss for r in firsts + builds),
            max((r.tree_rss for r in hugos), default=None),
        ),
        "cores": os.cpu_count(),
        "load": round(os.getloadavg()[0], 2),
    }
    result["targets"] = _targets(result)
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=1000)
    parser.add_argument("--sizes", help="comma-separated statements, e.g. 1000,10000,30000")
    parser.add_argument("--files", type=int, default=2, help="WordPress export files")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--edits", type=int, default=9)
    parser.add_argument("--serve", action=argparse.BooleanOptionalAction, default=True,
                        help="serve a work page and load it with wrk (default: yes)")  # fmt: skip
    parser.add_argument("--wrk-seconds", type=int, default=10)
    parser.add_argument("--hugo-up-to", type=int, default=10000,
                        help="statements above which Hugo is not run (its memory)")  # fmt: skip
    parser.add_argument("--pdfs-up-to", type=int, default=1000,
                        help="statements above which the first build leaves its PDFs to the "
                        "job worker instead of rendering them after the swap")  # fmt: skip
    parser.add_argument("--profile", action="store_true",
                        help="sample the import and the first build with py-spy, every process; "
                        "where their time goes is printed and kept in the JSON line")  # fmt: skip
    parser.add_argument("--lines", type=Path, default=OUT / "e2e.jsonl",
                        help="with --sizes: file the results are appended to")  # fmt: skip
    parser.add_argument("--plot", type=Path, default=OUT / "e2e-growth.svg")
    parser.add_argument("--dir", type=Path, default=None, help="work folder (default: /dev/shm)")
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--inputs", type=Path, default=None,
                        help="folder keeping the generated WordPress exports and Hugo site "
                        "of each size for the next run (default: made anew each run)")  # fmt: skip
    args = parser.parse_args(argv)
    hugo = shutil.which("hugo")
    if not hugo:
        raise SystemExit("hugo is not installed (apt-get install -y hugo)")
    version = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.strip()
    print(f"{version}\nPython {sys.version.split()[0]}, {os.cpu_count()} cores", flush=True)
    if not args.sizes:
        print(json.dumps(run_size(args, args.statements, hugo)), flush=True)
        return
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        results.append(run_size(args, size, hugo))
        args.lines.parent.mkdir(parents=True, exist_ok=True)
        with args.lines.open("a") as fh:
            fh.write(json.dumps(results[-1]) + "\n")
        print(json.dumps(results[-1]), flush=True)
    plot = e2e_plot.write_plot(e2e_plot.read_lines([args.lines]), args.plot)
    summary = {
        "bench": "e2e-sizes",
        "plot": str(plot),
        "statements": [r["statements"] for r in results],
        "end_to_end_s": [r["end_to_end_s"] for r in results],
        "site_up_s": [r["site_up_s"] for r in results],
        "build_s": [r["build_s"] for r in results],
        "hugo_s": [r["hugo_s"] for r in results],
        "republish_ms": [r["republish_ms"] for r in results],
        "ratio_end_to_end": [r["ratio_end_to_end"] for r in results],
        "ratio_build": [r["ratio_build"] for r in results],
        "havza_peak_rss_mb": [r["havza_peak_rss_mb"] for r in results],
        "havza_peak_pss_mb": [r["havza_peak_pss_mb"] for r in results],
    }
    print(json.dumps(summary), flush=True)


if __name__ == "__main__":
    main()
