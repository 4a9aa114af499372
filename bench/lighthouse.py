"""Benchmark: Lighthouse scores of the public site, in Debian's Chromium, mobile profile.

    .venv/bin/python -m bench.lighthouse [--langs en,ar,hy] [--pages home,work,listing]
                                         [--runs 1] [--json scores.json]

Loads the demo network into a new data folder, serves it with waitress on a free local port
(pages compressed and revalidated as ``havza serve`` answers them), and runs Lighthouse
(``npm install``: node_modules/lighthouse) on the home page, a work and the statements listing
of each language, with its default mobile profile: a Moto G-sized screen, simulated slow 4G
and a 4x slower CPU. Prints the four category scores (performance, accessibility, best
practices, SEO) of each page, and the lowest of each with --runs > 1 taken as the median.
Nothing leaves the machine: the pages ask no other host for anything.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = "/usr/bin/chromium"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking "
    "--disable-component-update --disable-sync"
)


def run_lighthouse(url: str, out: Path | None = None) -> dict[str, float]:
    """The four category scores of URL (0 to 1); the whole report is written to OUT."""
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    run = subprocess.run(
        ["node", str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
         f"--chrome-flags={CHROME_FLAGS}", "--only-categories=" + ",".join(CATEGORIES)],
        capture_output=True, text=True, timeout=300, env=env, check=False,
    )  # fmt: skip
    if run.returncode != 0 or not run.stdout.strip():
        raise RuntimeError(f"lighthouse failed on {url}: {run.stderr[-2000:]}")
    report = json.loads(run.stdout)
    if out is not None:
        out.write_text(run.stdout)
    return {name: report["categories"][name]["score"] for name in CATEGORIES}


def failed_audits(report: dict, category: str) -> list[str]:
    """The audits of CATEGORY in a Lighthouse REPORT that did not pass, for messages."""
    refs = report["categories"][category]["auditRefs"]
    audits = report["audits"]
    return [
        f"{ref['id']}: {audits[ref['id']].get('displayValue') or audits[ref['id']]['title']}"
        for ref in refs
        if ref.get("weight") and (audits[ref["id"]].get("score") or 0) < 0.9
        and audits[ref["id"]].get("scoreDisplayMode") not in ("notApplicable", "informative")
    ]  # fmt: skip


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def demo_server() -> Iterator[str]:
    """The demo network served on a free local port; yields its base URL."""
    with tempfile.TemporaryDirectory(prefix="havza-lighthouse-") as data:
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        env = {**os.environ, "HAVZA_DATA_DIR": data, "HAVZA_BASE_URL": base}
        havza = [sys.executable, "-m", "havza"]
        subprocess.run([*havza, "demo", "--no-serve"], env=env, check=True, capture_output=True)
        server = subprocess.Popen(
            [sys.executable, "-m", "waitress", f"--listen=127.0.0.1:{port}", "--threads=4",
             "havza.wsgi:application"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            for _ in range(200):
                with contextlib.suppress(OSError):
                    urllib.request.urlopen(base + "/en/", timeout=2).read()
                    break
                time.sleep(0.1)
            yield base
        finally:
            server.terminate()
            server.wait(timeout=10)


def page_urls(base: str, lang: str, pages: list[str]) -> dict[str, str]:
    urls = {"home": f"{base}/{lang}/", "listing": f"{base}/{lang}/statements/"}
    if "work" in pages:
        home = urllib.request.urlopen(urls["home"]).read().decode()
        urls["work"] = base + re.search(rf'href="(/{lang}/works/[^"]+)"', home).group(1)
    return {name: urls[name] for name in pages}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--langs", default="en,ar,hy")
    parser.add_argument("--pages", default="home,work,listing")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--json", type=Path, help="write the scores here too")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.is_file():
        print("node_modules/lighthouse is missing: run npm install", file=sys.stderr)
        return 2
    results = []
    with demo_server() as base:
        for lang in args.langs.split(","):
            for name, url in page_urls(base, lang, args.pages.split(",")).items():
                runs = [run_lighthouse(url) for _ in range(args.runs)]
                scores = {c: statistics.median(r[c] for r in runs) for c in CATEGORIES}
                results.append({"lang": lang, "page": name, "url": url[len(base) :], **scores})
                print(
                    f"{lang:3} {name:8} "
                    + "  ".join(f"{c} {scores[c]:.2f}" for c in CATEGORIES)
                    + f"  {url[len(base) :]}",
                    flush=True,
                )
    lowest = {c: min(r[c] for r in results) for c in CATEGORIES}
    print("lowest   " + "  ".join(f"{c} {lowest[c]:.2f}" for c in CATEGORIES))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
