"""The one reader of havza's configuration.

Every setting a network can change is listed in SETTINGS with its default and a line of help.
Values come from the environment (``HAVZA_<NAME>``), then from the optional TOML file named by
``HAVZA_CONFIG``, then from the default. ``docs/settings.md`` documents the same table and a
test keeps the two in step.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("CONFIG", "", "Path of a TOML file with the same keys in lower case, and taglines."),
    Setting("DATA_DIR", "var", "Folder for the SQLite database, uploads and the secret key."),
    Setting(
        "DATABASE_URL",
        "",
        "Database URL; empty means SQLite at DATA_DIR/havza.sqlite3. "
        "Example: postgres://user@127.0.0.1:5432/havza",
    ),
    Setting("SECRET_KEY", "", "Signing key; empty means one is generated into DATA_DIR once."),
    Setting("DEBUG", False, "Show tracebacks in the browser. Never on a public server."),
    Setting("ALLOWED_HOSTS", "127.0.0.1,localhost", "Comma-separated host names served."),
    Setting("BASE_URL", "http://127.0.0.1:8000", "Public address, used for canonical links."),
    Setting(
        "LANGUAGES",
        "tr,en,ar,fa,it,el,ku,hy,es,fr,pt",
        "Site languages in menu order, as ISO 639 codes. The first is the fallback.",
    ),
    Setting("SITE_NAME", "havza", "The network's name, shown in the header and feeds."),
    Setting(
        "SITE_LOGO",
        "",
        "Path of the network's logo (SVG, PNG or WebP), shown in the header, feeds and "
        "JSON-LD; empty: havza's.",
    ),
    Setting("PAGE_SIZE", 20, "Works per page on listings."),
    Setting("FEED_SIZE", 30, "Entries per Atom feed."),
    Setting("IMPORT_PAGE_MB", 5, "Largest HTML or text page `havza import` reads, in MB."),
    Setting("STATIC_ROOT", "", "Where collected static files go; empty means DATA_DIR/static."),
    Setting(
        "CACHE_URL",
        "",
        "Cache shared by every process and app server, e.g. redis://127.0.0.1:6379/0; "
        "empty: each process's memory (the page cache's invalidations then go through a "
        "file in DATA_DIR, so every process of one machine sees them).",
    ),
    Setting("REDIS_URL", "", "Former name of CACHE_URL, read when CACHE_URL is empty."),
    Setting(
        "PAGE_CACHE",
        True,
        "Keep rendered public pages for readers who are not logged in (havza serve), "
        "invalidated when a change that affects them is committed.",
    ),
    Setting("PAGE_CACHE_MB", 256, "Memory each server process gives kept pages (no CACHE_URL)."),
    Setting(
        "EXPORT_DIR",
        "",
        "Folder of a built static export (havza build OUT) to keep current: saving, publishing, "
        "unpublishing or deleting a translation re-renders the pages it affects there once "
        "the change is committed. Empty: no republishing.",
    ),
    Setting(
        "HTTPS",
        False,
        "Served over HTTPS: redirect plain HTTP, send HSTS for a year, Secure cookies.",
    ),
    Setting(
        "TRUSTED_PROXY",
        False,
        "A reverse proxy in front sets X-Forwarded-Proto; trust it. Only with a proxy that "
        "overwrites that header.",
    ),
    Setting("LOGIN_ATTEMPTS", 5, "Wrong passwords before an account or address is locked out."),
    Setting("LOGIN_LOCKOUT_MINUTES", 15, "How long a lockout lasts."),
    Setting("PASSWORD_CHECKS", 1, "Password hashes computed at once; other logins wait."),
    Setting("EMAIL_HOST", "", "SMTP server for outgoing mail; empty: mail is printed."),
    Setting("EMAIL_PORT", 587, "SMTP server port."),
    Setting("EMAIL_USER", "", "SMTP login; empty: no login."),
    Setting("EMAIL_PASSWORD", "", "SMTP password."),
    Setting("EMAIL_SECURITY", "starttls", "starttls, ssl or none."),
    Setting("MAIL_FROM", "havza <havza@localhost>", "Sender address of havza's mail."),
    Setting(
        "SIGNON_TRUSTED_PROXIES",
        "",
        "Comma-separated addresses of reverse proxies whose X-Forwarded-For names a signer's "
        "address; empty: the connecting address is the signer's.",
    ),
    Setting("SIGNON_IP_BURST", 5, "Sign-ons from one address per minute."),
    Setting("SIGNON_IP_DAILY", 50, "Sign-ons from one address per day."),
    Setting("SIGNON_STATEMENT_HOURLY", 3000, "Sign-ons of one statement per hour."),
    Setting("SIGNON_DOMAIN_HOURLY", 300, "Sign-ons from one email domain per hour."),
    Setting("SIGNON_WORK", 50000, "Proof-of-work size of the sign form (ALTCHA max number)."),
    Setting(
        "SIGNON_LIVE_URL",
        "",
        "Address of the live server that takes signatures (the static export's sign pages "
        "link there); empty: BASE_URL.",
    ),
)

_BY_NAME = {s.name: s for s in SETTINGS}


@cache
def _file_values() -> dict[str, Any]:
    path = os.environ.get("HAVZA_CONFIG", "")
    if not path:
        return {}
    with Path(path).open("rb") as fh:
        return tomllib.load(fh)


def get(name: str) -> Any:
    """Return the value of setting NAME, converted to the type of its default."""
    setting = _BY_NAME[name]
    raw: Any = os.environ.get(f"HAVZA_{name}")
    if raw is None:
        raw = _file_values().get(name.lower(), setting.default)
    default = setting.default
    if isinstance(default, bool):
        return (
            raw if isinstance(raw, bool) else str(raw).strip().lower() in {"1", "true", "yes", "on"}
        )
    if isinstance(default, int):
        return int(raw)
    return raw


def file_section(name: str) -> dict[str, Any]:
    """A table of the TOML file (for example ``[language.ku]``), or an empty one."""
    value = _file_values().get(name, {})
    return value if isinstance(value, dict) else {}
