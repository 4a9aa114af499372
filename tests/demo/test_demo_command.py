"""The `demo` command on a database without the demo: the admin's credentials, printed and
kept, and the server it starts."""

from __future__ import annotations

import io
import stat

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from havza.demo.content import WORKS
from havza.demo.management.commands import demo as demo_command
from havza.publishing.models import Work

pytestmark = pytest.mark.django_db


@pytest.fixture
def data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    return tmp_path


def run_demo(*args: str) -> str:
    out = io.StringIO()
    call_command("demo", "--no-serve", *args, stdout=out)
    return out.getvalue()


def test_command_prints_the_admin_credentials(data_dir, client):
    output = run_demo()
    password_file = data_dir / demo_command.PASSWORD_FILE
    password = password_file.read_text().strip()
    assert len(password) >= 12
    assert stat.S_IMODE(password_file.stat().st_mode) == 0o600
    assert "http://127.0.0.1:8000/admin/" in output
    assert "admin" in output and password in output
    assert Work.objects.count() == len(WORKS)
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.is_staff and user.check_password(password)
    client.defaults["HTTP_HOST"] = "127.0.0.1"
    # Signing in as the printed lines say, through the admin's login form.
    response = client.post(
        "/admin/login/?next=/admin/", {"username": "admin", "password": password}
    )
    assert response.status_code == 302 and response.url == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_command_keeps_the_same_password(data_dir):
    first = run_demo()
    password = (data_dir / demo_command.PASSWORD_FILE).read_text().strip()
    second = run_demo("--port", "8080")
    assert password in first and password in second
    assert "http://127.0.0.1:8080/admin/" in second
    assert get_user_model().objects.filter(username="admin").count() == 1
    assert Work.objects.count() == len(WORKS)


def test_command_resets_a_changed_admin_password(data_dir):
    run_demo()
    user = get_user_model().objects.get(username="admin")
    user.set_password("something else entirely")
    user.is_superuser = False
    user.save()
    run_demo()
    password = (data_dir / demo_command.PASSWORD_FILE).read_text().strip()
    user.refresh_from_db()
    assert user.is_superuser and user.check_password(password)


def test_command_serves_unless_told_not_to(data_dir, monkeypatch):
    calls = []
    real_call_command = demo_command.call_command

    def fake_call_command(name, *args, **kwargs):
        if name == "serve":
            calls.append(kwargs)
            return None
        return real_call_command(name, *args, **kwargs)

    monkeypatch.setattr(demo_command, "call_command", fake_call_command)
    call_command("demo", "--host", "0.0.0.0", "--port", "8123", stdout=io.StringIO())
    assert calls == [{"host": "0.0.0.0", "port": 8123}]
    calls.clear()
    run_demo()
    assert calls == []


def test_command_help_explains_itself():
    parser = demo_command.Command().create_parser("havza", "demo")
    text = parser.format_help()
    assert "--no-serve" in text and "--port" in text and "--host" in text
    assert "demo network" in text
