import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data"
# Two pages scraped from a member network's site, kept as they were scraped: the archive
# format the plain-text importer exists for.
SEEDS = DATA / "seeds"


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def seed_texts(seeds_dir) -> dict[str, str]:
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(seeds_dir.iterdir())}


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def havza_env(data_dir: Path) -> dict[str, str]:
    """The environment of a `havza` process with its own SQLite database in DATA_DIR."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("HAVZA_")}
    env["HAVZA_DATA_DIR"] = str(data_dir)
    return env


def havza(data_dir: Path, *args: str, timeout: float = 120, env: dict | None = None):
    """Run the `havza` command as a user does; a hang fails the test after TIMEOUT seconds."""
    return subprocess.run(
        [sys.executable, "-m", "havza.cli", *args],
        env={**havza_env(data_dir), **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.fixture(scope="session")
def migrated(tmp_path_factory) -> Path:
    """A data folder with a migrated database, made once and copied for each test."""
    folder = tmp_path_factory.mktemp("migrated")
    done = havza(folder, "migrate", "--verbosity", "0")
    assert done.returncode == 0, done.stderr
    return folder


@pytest.fixture
def data_dir(migrated, tmp_path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(migrated, folder)
    return folder
