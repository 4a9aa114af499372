"""Benchmark: how right translation grouping is, with and without numbers in the text.

    .venv/bin/python -m bench.group_records [--pieces 300] [--jobs 0]

Three archives whose truth is known are read, analyzed and grouped (no database):

* the generated archive of ``bench.import_archive`` (each piece in the 11 site languages,
  with dates and numbers), as it is;
* the same archive with every digit removed (no dates, no numbers: only names, signatories,
  lengths and the text's shape are left to group by);
* the hand-written pages of ``tests/archive/data/records/grouping`` (statements with no
  digit at all, in seven languages, and unrelated pages among them).

For each: pairwise precision (pairs grouped together that are one piece) and recall (pairs of
one piece grouped together), the pairs left to an editor, and the seconds grouping took.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import tempfile
import time
from itertools import combinations
from pathlib import Path

from bench.import_archive import _setup, generate_archive

FIXTURES = Path(__file__).resolve().parent.parent / "tests/archive/data/records/grouping"


def truth_of_generated(name: str) -> str:
    return name.split("-", 1)[0]  # "00012-tr.txt": piece 00012


def truth_of_fixture(name: str) -> str:
    groups = json.loads((FIXTURES.parent / "groups.json").read_text(encoding="utf-8"))["groups"]
    return next(str(n) for n, members in enumerate(groups) if name in members)


def strip_digits(folder: Path) -> None:
    for path in folder.iterdir():
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"\d", "", text), encoding="utf-8")


def measure(folder: Path, truth, jobs: int) -> dict[str, float]:
    """Group the pages of FOLDER and compare with TRUTH (file name -> piece)."""
    from havza.archive import grouping
    from havza.archive.boilerplate import Boilerplate
    from havza.archive.paths import expand
    from havza.archive.pipeline import analyze_all, read_all

    files, _ = expand([str(folder)])
    sources = [s for r in read_all(files, jobs) if not isinstance(r, str) for s in r]
    learned = Boilerplate.from_edges(s.edge_keys or frozenset() for s in sources)
    analyses = analyze_all(sources, learned, jobs)
    nodes, names = [], {}
    for n, (source, analysis) in enumerate(zip(sources, analyses, strict=True)):
        if isinstance(analysis, str):
            continue
        names[n] = Path(source.path).name
        nodes.append(
            grouping.Node(n, analysis.parsed.language.code, analysis.evidence, key=source.key)
        )
    started = time.perf_counter()
    result = grouping.group(nodes)
    seconds = time.perf_counter() - started
    found = {frozenset(p) for g in result.groups for p in combinations(g, 2)}
    pieces = {n: truth(name) for n, name in names.items()}
    true = {frozenset((a, b)) for a, b in combinations(names, 2) if pieces[a] == pieces[b]}
    right = len(found & true)
    return {
        "pages": len(nodes),
        "pairs_true": len(true),
        "pairs_grouped": len(found),
        "precision": right / len(found) if found else 1.0,
        "recall": right / len(true) if true else 1.0,
        "to_confirm": len(result.to_confirm),
        "to_confirm_right": sum(
            1 for a, b, _, _ in result.to_confirm if pieces.get(a) == pieces.get(b)
        ),
        "seconds": seconds,
    }


def _line(label: str, m: dict[str, float]) -> str:
    return (
        f"{label:<28} pages {m['pages']:>5}  precision {m['precision']:.3f}  "
        f"recall {m['recall']:.3f}  ({m['pairs_grouped']} pairs grouped of {m['pairs_true']} "
        f"true; {m['to_confirm']} left to an editor, {m['to_confirm_right']} of them right; "
        f"grouping {m['seconds']:.2f} s)"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pieces", type=int, default=300)
    parser.add_argument("--jobs", type=int, default=0)
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="havza-bench-group-"))
    _setup(work / "data" / "havza.sqlite3")
    jobs = args.jobs or os.cpu_count() or 1
    generate_archive(work / "archive", args.pieces)
    print(_line("generated archive", measure(work / "archive", truth_of_generated, jobs)))
    strip_digits(work / "archive")
    print(_line("generated, digits removed", measure(work / "archive", truth_of_generated, jobs)))
    print(_line("fixtures (no digits)", measure(FIXTURES, truth_of_fixture, jobs)))


if __name__ == "__main__":
    main()
