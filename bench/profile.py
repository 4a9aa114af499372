"""Where a command's time goes, every process of it included: py-spy samples, summed up.

    .venv/bin/python -m bench.profile OUT.txt -- havza import export.xml
    .venv/bin/python -m bench.e2e --statements 1000 --profile   # import and build, profiled

``py-spy record --subprocesses --format raw`` samples the command and the processes it starts
(the import's analysis workers, the build's renderers; Pagefind is not Python and is not
seen), 100 times a second, without changing their code. The summary gives, for the havza
functions met in the samples, the share of all samples in which each is on the stack
(inclusive) and at the top (its own time), largest first. py-spy is a tool of the benchmarks
only (``pip install py-spy``); without it the profile is skipped.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

FRAME = re.compile(r"^(?P<function>.+?) \((?P<file>[^()]*?)(?::\d+)?\)$")


def available() -> str | None:
    return shutil.which("py-spy") or (
        str(Path(sys.executable).with_name("py-spy"))
        if Path(sys.executable).with_name("py-spy").exists()
        else None
    )


def record_command(command: list[str], out: Path, rate: int = 100) -> list[str]:
    """COMMAND run under py-spy, its samples written to OUT (raw, one stack a line)."""
    spy = available()
    if spy is None:
        return command
    return [spy, "record", "--subprocesses", "--nonblocking", "--format", "raw",
            "--rate", str(rate), "--output", str(out), "--", *command]  # fmt: skip


def _name(frame: str) -> str | None:
    """A havza frame as module.function (src/havza/archive/store.py -> archive.store)."""
    found = FRAME.match(frame)
    if not found or "havza" not in found.group("file"):
        return None
    file = found.group("file")
    module = file.split("havza/", 1)[-1].removesuffix(".py").replace("/", ".")
    return f"{module}.{found.group('function')}"


def summary(samples: Path, top: int = 25) -> dict:
    """{"samples": n, "inclusive": [[name, share]], "own": [[name, share]]} of a raw file."""
    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    total = 0
    for line in samples.read_text(errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not count.isdigit():
            continue
        n = int(count)
        total += n
        frames = [f for f in stack.split(";") if not f.startswith("process ")]
        if not frames:
            continue
        names = [name for name in map(_name, frames) if name]
        for name in set(names):
            inclusive[name] += n
        top_frame = _name(frames[-1])
        own[top_frame or _library(frames[-1])] += n

    def shares(counter: Counter[str]) -> list[list]:
        return [[name, round(count / total, 3)] for name, count in counter.most_common(top)]

    return {"samples": total, "inclusive": shares(inclusive), "own": shares(own)} if total else {}


def _library(frame: str) -> str:
    found = FRAME.match(frame)
    if not found:
        return frame[:60]
    package = re.search(r"site-packages/([^/]+)", found.group("file"))
    where = package.group(1) if package else Path(found.group("file")).stem
    return f"[{where}] {found.group('function')}"


def print_summary(title: str, found: dict) -> None:
    if not found:
        return
    print(f"  profile of {title} ({found['samples']} samples, every process):", flush=True)
    for (name, share), (own_name, own_share) in zip(found["inclusive"], found["own"], strict=False):
        print(f"    {share:6.1%}  {name:<58} own {own_share:6.1%}  {own_name}", flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if available() is None:
        raise SystemExit("py-spy is not installed (.venv/bin/pip install py-spy)")
    subprocess.run(record_command(command, args.out), check=True)
    print_summary(" ".join(command), summary(args.out))


if __name__ == "__main__":
    main()
