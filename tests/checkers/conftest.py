"""The real checkers the suite drives: the Nu Html Checker and axe-core in Chromium. They judge
the pages as rendered, which does not depend on the database: marked `once`, they run in the
SQLite pass of `make test` only."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture
def vnu(require):
    """vnu(files) -> list of error messages (one JVM for all files)."""
    require(
        "browser",
        VNU.is_file() and bool(shutil.which("java")),
        "vnu.jar or java missing (make tools)",
    )

    def check(files: list[Path]) -> list[dict]:
        run = subprocess.run(
            ["java", "-jar", str(VNU), "--format", "json", "--exit-zero-always", *map(str, files)],
            capture_output=True, text=True, timeout=300, check=True,
        )  # fmt: skip
        messages = json.loads(run.stderr or '{"messages": []}')["messages"]
        return [m for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]

    return check


@pytest.fixture
def browser(require):
    require(
        "browser",
        CHROMIUM.exists(),
        "Debian's chromium is not installed (apt-get install chromium)",
    )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync"],
        )  # fmt: skip
        yield instance
        instance.close()


@pytest.fixture
def axe(require):
    require("browser", AXE.is_file(), "axe-core is not installed (make tools)")
    source = AXE.read_text()

    def run(page) -> list[dict]:
        page.add_script_tag(content=source)
        result = page.evaluate("async () => await axe.run(document)")
        return result["violations"]

    return run


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
