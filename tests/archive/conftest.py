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
