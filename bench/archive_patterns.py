"""Accuracy: how many facts of the archive pattern pages the analysis gets right, per pattern.

    .venv/bin/python -m bench.archive_patterns [--folder tests/archive/data/patterns]

Each page under the folder (text or HTML, one subfolder per pattern: listing pages, bylines,
dates, pages without a title line, line structure) has a JSON file of the facts an import
must find beside it (``tests/archive/test_pattern_fixtures.py`` checks them through the whole
import). This counts them through the analysis alone, no database: whether the page is a
listing, its language, title, authors, date, problems, signatories, each teaser of a
listing, and what the body holds. It prints the share of facts right and of pages entirely
right, per pattern. Run it with another checkout's ``src`` first on ``PYTHONPATH`` to compare
an older analysis on the same pages.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
from pathlib import Path

DEFAULT = Path(__file__).resolve().parent.parent / "tests" / "archive" / "data" / "patterns"


def _plain(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown).replace("\\\n", "\n")


def check(page: Path) -> list[bool]:
    """One result per fact of PAGE's JSON."""
    from havza.archive.sources import read_bytes
    from havza.archive.store import title_of
    from havza.archive.structure import analyze
    from havza.publishing.markdown import render

    facts = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    [document] = read_bytes(page.read_bytes(), str(page))
    parsed = analyze(document.page)
    found = getattr(parsed, "listing", None)
    title = title_of(parsed)
    checks = [
        ("listing" if found else "imported") == facts["status"],
        parsed.language.code == facts["language"],
    ]
    if "title" in facts:
        checks.append(title == facts["title"])
    if "title_startswith" in facts:
        checks.append(title.startswith(facts["title_startswith"]))
    if "authors" in facts:
        checks.append(parsed.authors == facts["authors"])
    if "date" in facts:
        checks.append((parsed.date.isoformat() if parsed.date else None) == facts["date"])
    checks += [p in parsed.problems for p in facts.get("problems", [])]
    checks += [p not in parsed.problems for p in facts.get("no_problems", [])]
    if "signatories_count" in facts:
        checks.append(len(parsed.signatories) == facts["signatories_count"])
    if facts["status"] == "listing":
        teasers = {t.title: t.as_report() for t in (found.teasers if found else [])}
        for expected in facts["teasers"]:
            got = teasers.get(expected["title"])
            checks.append(got is not None and all(got[k] == v for k, v in expected.items()))
        return checks
    body, rendered = _plain(parsed.markdown), render(parsed.markdown)
    if "body_startswith" in facts:
        checks.append(body.startswith(facts["body_startswith"]))
    checks += [text in body for text in facts.get("body_contains", [])]
    checks += [text not in body for text in facts.get("body_not_contains", [])]
    for lines in facts.get("body_lines", []):
        pattern = r"\s*<br\s*/?>\s*".join(re.escape(html.escape(x, quote=False)) for x in lines)
        checks.append(bool(re.search(pattern, rendered)))
    return checks


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=DEFAULT)
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "havza.settings")
    import django

    django.setup()
    totals: dict[str, list[int]] = {}
    for page in sorted(p for p in args.folder.glob("*/*") if p.suffix in {".txt", ".html"}):
        checks = check(page)
        counts = totals.setdefault(page.parent.name, [0, 0, 0, 0])
        counts[0] += sum(checks)
        counts[1] += len(checks)
        counts[2] += all(checks)
        counts[3] += 1
    for name, (right, facts, whole, pages) in sorted(totals.items()):
        print(f"{name:10s} facts {right}/{facts} ({100 * right / facts:.0f} %), "
              f"pages entirely right {whole}/{pages}")  # fmt: skip
    right = sum(c[0] for c in totals.values())
    facts = sum(c[1] for c in totals.values())
    print(f"{'all':10s} facts {right}/{facts} ({100 * right / max(facts, 1):.0f} %)")


if __name__ == "__main__":
    main()
