"""Settings as an operator meets them: documented, read from the environment and a TOML file,
and a new site language added by configuration only."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from havza import config

REPO = Path(__file__).resolve().parents[1]
HAVZA = Path(sys.executable).parent / "havza"


def documented_settings() -> dict[str, str]:
    """The settings table of docs/settings.md: variable name -> default column."""
    text = (REPO / "docs" / "settings.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `HAVZA_([A-Z_]+)` \| ([^|]*) \|", text, flags=re.M)
    return {name: default.strip() for name, default in rows}


def test_every_setting_is_documented_and_nothing_else():
    documented = documented_settings()
    assert sorted(documented) == sorted(s.name for s in config.SETTINGS)


@pytest.mark.parametrize("setting", config.SETTINGS, ids=lambda s: s.name)
def test_documented_default_is_the_real_one(setting):
    shown = documented_settings()[setting.name]
    if setting.default in ("", None):
        assert shown.startswith("("), f"{setting.name} has no default but the docs show {shown}"
    else:
        value = setting.default
        if isinstance(value, bool):
            value = str(value).lower()
        assert shown == f"`{value}`"


def run_havza(args: list[str], env: dict[str, str], **kwargs) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("HAVZA_")}
    return subprocess.run(
        [str(HAVZA), *args],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=300,
        **kwargs,
    )


def read_settings(env: dict[str, str], tmp_path: Path) -> dict:
    code = (
        "import json; from havza import config; "
        "print(json.dumps({s.name: config.get(s.name) for s in config.SETTINGS}))"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith("HAVZA_")}
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    return json.loads(out.stdout)


def test_environment_wins_over_the_file_which_wins_over_the_default(tmp_path):
    toml = tmp_path / "havza.toml"
    toml.write_text('site_name = "Shores"\npage_size = 12\ndebug = true\n', encoding="utf-8")
    values = read_settings({"HAVZA_CONFIG": str(toml), "HAVZA_PAGE_SIZE": "7"}, tmp_path)
    assert values["PAGE_SIZE"] == 7  # environment, converted to a number
    assert values["SITE_NAME"] == "Shores"  # file
    assert values["DEBUG"] is True  # file, a TOML boolean
    assert values["FEED_SIZE"] == 30  # default
    assert read_settings({"HAVZA_DEBUG": "no"}, tmp_path)["DEBUG"] is False


def test_a_language_is_added_by_configuration_only(tmp_path):
    """A network adds German: a line in the file, a tagline, and the site speaks it."""
    toml = tmp_path / "havza.toml"
    toml.write_text(
        'languages = "en,ar,de"\n'
        'site_name = "Shores"\n'
        "[language.de]\n"
        'tagline = "Viele Ufer, ein Kampf."\n',
        encoding="utf-8",
    )
    env = {"HAVZA_CONFIG": str(toml), "HAVZA_DATA_DIR": str(tmp_path / "data")}
    migrated = run_havza(["migrate", "--no-input", "-v", "0"], env)
    assert migrated.returncode == 0, migrated.stderr
    built = run_havza(["build", str(tmp_path / "site"), "--base-url", "https://x.example"], env)
    assert built.returncode == 0, built.stderr

    home = (tmp_path / "site" / "de" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="de" dir="ltr"' in home
    assert "Viele Ufer, ein Kampf." in home
    assert "Deutsch" in home  # the menu names it in itself, from CLDR
    arabic = (tmp_path / "site" / "ar" / "index.html").read_text(encoding="utf-8")
    assert 'lang="de"' in arabic and "Viele Ufer, ein Kampf." in arabic  # every page, every tagline
    assert not (tmp_path / "site" / "tr").exists()  # languages not configured are not built


def test_models_and_migrations_agree(db):
    """A model change without its migration would break the next network that upgrades."""
    from django.core.management import call_command

    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
