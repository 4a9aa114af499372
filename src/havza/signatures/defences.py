"""What stands between the public sign form and the list: one signature per mailbox, the
signer's real address (only through trusted proxies), stored only as a salted hash, layered
rate limits, names without invisible characters, look-alike names flagged, spreadsheet cells
that cannot run formulas."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import ipaddress
import unicodedata
from dataclasses import dataclass

from django.conf import settings

from havza.multilingual import clean_text
from havza.network import homoglyphs
from havza.signatures import limits

# Providers that deliver "a.b+news@" to "ab@" (dots ignored) or to "a.b@" (+tags ignored).
DOTS_IGNORED = frozenset({"gmail.com"})
PLUS_IGNORED = frozenset(
    {
        "gmail.com",
        "outlook.com",
        "hotmail.com",
        "live.com",
        "icloud.com",
        "me.com",
        "mac.com",
        "fastmail.com",
        "fastmail.fm",
        "protonmail.com",
        "proton.me",
        "pm.me",
        "yandex.ru",
        "yandex.com",
    }
)
DOMAIN_ALIASES = {"googlemail.com": "gmail.com"}


def canonical_email(address: str) -> str:
    """The mailbox ADDRESS reaches: lower case, the provider's aliases folded
    ("J.Doe+x@GoogleMail.com" -> "jdoe@gmail.com")."""
    address = unicodedata.normalize("NFC", address.strip()).lower()
    local, _at, domain = address.rpartition("@")
    if not local:
        return address
    domain = domain.rstrip(".")
    with contextlib.suppress(UnicodeError):
        domain = domain.encode("idna").decode("ascii")
    domain = DOMAIN_ALIASES.get(domain, domain)
    if domain in PLUS_IGNORED:
        local = local.split("+", 1)[0]
    if domain in DOTS_IGNORED:
        local = local.replace(".", "")
    return f"{local}@{domain}"


def email_domain(address: str) -> str:
    return canonical_email(address).rpartition("@")[2]


def keyed_hash(salt: str, value: str) -> str:
    """A hash of VALUE that cannot be reversed by trying every address without the site's
    secret key and the statement's SALT."""
    key = f"{settings.SECRET_KEY}:{salt}".encode()
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()


# The signer's address -------------------------------------------------------------------


def _is_address(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True


def client_ip(meta: dict) -> str:
    """The signer's address: the connecting one, unless it is a configured trusted proxy; then
    the last address in X-Forwarded-For that is not a trusted proxy. A forwarded header sent
    by anyone else is ignored."""
    remote = meta.get("REMOTE_ADDR", "") or ""
    trusted = set(settings.HAVZA_SIGNON_TRUSTED_PROXIES)
    if remote not in trusted:
        return remote
    hops = [h.strip() for h in meta.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
    for hop in reversed(hops):
        if hop not in trusted:
            return hop if _is_address(hop) else remote
    return remote


# Names ----------------------------------------------------------------------------------

# Joiners that Persian, Kurdish and Indic spelling needs; every other format character
# (bidi controls and marks, zero-width spaces, word joiners, soft hyphens, tags) is dropped.
KEPT_FORMAT = frozenset({"\u200c", "\u200d"})


def clean_name(value: str) -> str:
    """VALUE without invisible or control characters, NFC, single spaces."""
    value = unicodedata.normalize("NFC", value)
    kept = [
        c
        for c in value
        if c in KEPT_FORMAT
        or unicodedata.category(c) not in ("Cf", "Cc", "Co", "Cs", "Cn")
        or c in "\t\n"
    ]
    return clean_text("".join(kept))


def name_flag(*names: str) -> str:
    """Why an editor should look at a signature before it is shown ("" when none)."""
    for name in names:
        words = homoglyphs.mixed_script_words(name)
        if words:
            return "mixed scripts: " + " ".join(words)
    return ""


# Rate limits ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Limited(Exception):
    """Too many sign-ons: LAYER names which limit, RETRY_AFTER the seconds to wait."""

    layer: str
    retry_after: int


def check_limits(sign_on_id: int, ip: str, domain: str, *, now=None, checks=None) -> None:
    """Count a sign-on against every layer; raise Limited at the first one exceeded, with the
    seconds until its window ends (the layers after it do not count it). The counts, shared
    by every server process (limits.py), hold the address only as a hash with the site's key
    (the same for every statement, so that signing many statements from one address is
    counted too)."""
    limited = limits_exceeded(sign_on_id, ip, domain, now=now, checks=checks)
    if limited is not None:
        raise limited


def limit_checks(sign_on_id: int, ip: str, domain: str) -> list[tuple[str, str, int, int]]:
    """What a sign-on is counted against: (layer, key, limit, window in seconds) per layer,
    in order."""
    address = keyed_hash("rate", ip)
    layers = {
        "ip_burst": address,
        "ip_daily": address,
        "statement": str(sign_on_id),
        "domain": domain,
    }
    checks = []
    for layer, subject in layers.items():
        limit, window = settings.HAVZA_SIGNON_LIMITS[layer]
        checks.append((layer, f"havza:signon:{layer}:{subject}", limit, window))
    return checks


def limits_exceeded(
    sign_on_id: int,
    ip: str,
    domain: str,
    *,
    now=None,
    checks: list[tuple[str, str, int, int]] | None = None,
) -> Limited | None:
    """Count a sign-on as ``check_limits`` does: the Limited to raise, or None. CHECKS:
    ``limit_checks`` of the same sign-on, when made beforehand."""
    if checks is None:
        checks = limit_checks(sign_on_id, ip, domain)
    exceeded = limits.count([check[1:] for check in checks], now=now)
    if exceeded is None:
        return None
    index, retry_after = exceeded
    return Limited(checks[index][0], retry_after)


# Spreadsheets ---------------------------------------------------------------------------

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: object) -> str:
    """VALUE as a CSV cell a spreadsheet shows as text: one that would start a formula
    (= + - @, a tab or a carriage return) is prefixed with an apostrophe."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text
