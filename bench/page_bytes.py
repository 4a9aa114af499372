"""Benchmark: bytes a first visit to a work page transfers, per language, in a real browser.

    .venv/bin/python -m bench.page_bytes [--langs en,ar,hy] [--json bytes.json]

Serves the demo network as bench.lighthouse does, opens a work page of each language in a
new Chromium context (empty cache) and adds up what the network events report: the bytes
of each response as sent (compressed when the server compresses it) plus its headers, by
kind (HTML, CSS, fonts, other). Target: under 100 kB per page, fonts included.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bench.lighthouse import CHROMIUM, demo_server, page_urls

TARGET = 100_000
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync"]  # fmt: skip


def kind_of(resource_type: str, url: str) -> str:
    if resource_type == "document":
        return "html"
    if resource_type == "stylesheet":
        return "css"
    if resource_type == "font" or url.endswith(".woff2"):
        return "fonts"
    return "other"


def first_visit(browser, url: str, width: int = 390, height: int = 844) -> dict[str, int]:
    """Bytes transferred (body as sent + headers) by a first visit to URL, by kind."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    responses = []
    page.on("requestfinished", lambda request: responses.append(request))
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    totals = {"html": 0, "css": 0, "fonts": 0, "other": 0}
    for request in responses:
        sizes = request.sizes()
        size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        totals[kind_of(request.resource_type, request.url)] += size
    totals["total"] = sum(totals.values())
    totals["requests"] = len(responses)
    context.close()
    return totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--langs", default="en,ar,hy")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    results = []
    with demo_server() as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        for lang in args.langs.split(","):
            url = page_urls(base, lang, ["work"])["work"]
            sizes = first_visit(browser, url)
            results.append({"lang": lang, "url": url[len(base) :], **sizes})
            verdict = "under" if sizes["total"] < TARGET else "OVER"
            print(
                f"{lang:3} total {sizes['total'] / 1000:6.1f} kB ({verdict} 100 kB)  "
                f"html {sizes['html'] / 1000:5.1f}  css {sizes['css'] / 1000:5.1f}  "
                f"fonts {sizes['fonts'] / 1000:5.1f}  other {sizes['other'] / 1000:5.1f}  "
                f"{sizes['requests']} requests",
                flush=True,
            )
        browser.close()
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0 if all(r["total"] < TARGET for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
