"""One setting puts the site on HTTPS: Django's deployment check has nothing left to say."""

import os
import secrets
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow


def deploy_check(tmp_path, **env) -> subprocess.CompletedProcess:
    environment = {
        **os.environ,
        "HAVZA_DATA_DIR": str(tmp_path),
        "HAVZA_SECRET_KEY": secrets.token_urlsafe(64),
        "HAVZA_ALLOWED_HOSTS": "havza.example",
        **env,
    }
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [sys.executable, "-m", "havza.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env=environment, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_https_true_makes_the_deployment_check_clean(tmp_path):
    result = deploy_check(tmp_path, HAVZA_HTTPS="true")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_without_it_the_check_names_what_is_missing(tmp_path):
    result = deploy_check(tmp_path)
    assert result.returncode != 0
    for code in ("W004", "W008", "W012", "W016"):
        assert code in result.stdout + result.stderr
