"""``havza demo``: a working site with the demo network in one command."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand

from havza.demo.services import load_demo

ADMIN_USERNAME = "admin"
PASSWORD_FILE = "demo-admin-password"


def password_path() -> Path:
    return Path(settings.DATA_DIR) / PASSWORD_FILE


def demo_password() -> str:
    """The demo administrator's password: made on first use, then read back from DATA_DIR."""
    path = password_path()
    if path.exists():
        password = path.read_text().strip()
        if password:
            return password
    password = secrets.token_urlsafe(12)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(password + "\n")
    path.chmod(0o600)
    return password


def ensure_admin() -> tuple[str, str]:
    """Make sure the account ``admin`` exists, is a superuser and has the demo password."""
    password = demo_password()
    user_model = get_user_model()
    user = user_model.objects.filter(username=ADMIN_USERNAME).first()
    if user is None:
        user = user_model.objects.create_superuser(ADMIN_USERNAME, "", password)
    else:
        changed = not (user.is_staff and user.is_superuser and user.is_active)
        user.is_staff = user.is_superuser = user.is_active = True
        if not user.check_password(password):
            user.set_password(password)
            changed = True
        if changed:
            user.save()
    return ADMIN_USERNAME, password


class Command(BaseCommand):
    help = (
        "Create or update the database, load the demo network (a fictional network of "
        "workers' organizations, with works in all eleven site languages), make sure an "
        "administrator account exists and print its password, then serve the site. "
        "Safe to run again: the demo is updated in place and the password stays the same. "
        "Examples: havza demo; havza demo --no-serve; havza demo --port 8080"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-serve",
            action="store_true",
            help="Load the demo into the configured database and exit without serving.",
        )
        parser.add_argument("--host", default="127.0.0.1", help="Address to serve on.")
        parser.add_argument("--port", type=int, default=8000, help="Port to serve on.")

    def handle(self, *args, no_serve: bool, host: str, port: int, **options):
        verbosity = options.get("verbosity", 1)
        self.stdout.write("Creating or updating the database tables…")
        call_command("migrate", interactive=False, verbosity=max(verbosity - 1, 0))

        self.stdout.write("Loading the demo network…")
        summary = load_demo(stdout=self.stdout if verbosity > 1 else None)
        self.stdout.write(self.style.SUCCESS(f"Demo network loaded: {summary}."))

        username, password = ensure_admin()
        shown_host = "127.0.0.1" if host in {"0.0.0.0", "::", ""} else host
        base = f"http://{shown_host}:{port}"
        self.stdout.write(
            "\n"
            f"  Site:      {base}/\n"
            f"  Admin:     {base}/admin/\n"
            f"  Username:  {username}\n"
            f"  Password:  {password}\n"
            f"  (kept in {password_path()}; delete that file and run again for a new one)\n"
        )
        if no_serve:
            return
        call_command("serve", host=host, port=port)
