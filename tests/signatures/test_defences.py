"""Each defence of the sign form on its own: mailbox aliases, the signer's address behind
proxies, invisible characters and look-alike names, rate limits, spreadsheet cells."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from havza.signatures.defences import (
    Limited,
    canonical_email,
    check_limits,
    clean_name,
    client_ip,
    name_flag,
    spreadsheet_cell,
)


@pytest.mark.parametrize(
    ("typed", "mailbox"),
    [
        ("J.Doe+campaign@GMAIL.com", "jdoe@gmail.com"),
        ("j.d.o.e@googlemail.com", "jdoe@gmail.com"),
        ("Leyla+x@Outlook.com", "leyla@outlook.com"),
        ("first.last@example.org", "first.last@example.org"),  # dots matter elsewhere
        ("a+b@example.org", "a+b@example.org"),  # so do tags, unless the provider drops them
        ("  Ana@Example.ORG ", "ana@example.org"),
    ],
)
def test_canonical_email_folds_only_the_aliases_a_provider_ignores(typed, mailbox):
    assert canonical_email(typed) == mailbox


@given(st.emails())
def test_canonical_email_is_stable(address):
    once = canonical_email(address)
    assert canonical_email(once) == once
    assert once == once.lower()


def test_a_forwarded_address_counts_only_from_a_trusted_proxy(settings):
    spoofed = {"REMOTE_ADDR": "203.0.113.9", "HTTP_X_FORWARDED_FOR": "198.51.100.1"}
    settings.HAVZA_SIGNON_TRUSTED_PROXIES = []
    assert client_ip(spoofed) == "203.0.113.9"
    settings.HAVZA_SIGNON_TRUSTED_PROXIES = ["10.0.0.2"]
    assert client_ip(spoofed) == "203.0.113.9"  # not our proxy: its header is ignored
    behind = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "198.51.100.1, 203.0.113.7"}
    assert client_ip(behind) == "203.0.113.7"  # the proxy's client, not what it was told
    chain = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "203.0.113.7, 10.0.0.2"}
    assert client_ip(chain) == "203.0.113.7"
    junk = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "<script>"}
    assert client_ip(junk) == "10.0.0.2"


INVISIBLE = (
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # bidi controls
    "\u200b\u2060\u00ad\ufeff\u200e\u200f\u0000"  # zero-width, marks, NUL
)


@given(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from(INVISIBLE), max_size=80))
def test_clean_names_hold_no_invisible_or_control_character(value):
    cleaned = clean_name(value)
    assert not any(c in cleaned for c in INVISIBLE)
    assert all(unicodedata.category(c) not in ("Cc", "Cf") or c in "\u200c\u200d" for c in cleaned)
    assert clean_name(cleaned) == cleaned


def test_a_persian_name_keeps_its_joiner():
    assert clean_name("\u202eمی\u200cخواهم\u200b") == "می\u200cخواهم"


def test_a_word_mixing_scripts_is_flagged():
    assert name_flag("Wоrkers Party")  # Cyrillic о
    assert name_flag("ΕΑΑ (Aegean Workers)") == ""  # words in different scripts are fine
    assert name_flag("Ayşe Demir", "") == ""


@pytest.mark.parametrize("dangerous", ["=HYPERLINK(1)", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_a_cell_that_would_start_a_formula_is_neutralized(dangerous):
    assert spreadsheet_cell(dangerous) == "'" + dangerous


def test_plain_cells_are_kept():
    assert spreadsheet_cell("Leyla") == "Leyla"
    assert spreadsheet_cell(3) == "3"


@pytest.fixture(params=["database", "cache"])
def counted_in(request, db, monkeypatch):
    """The limits counted in the database (no shared cache configured) or in the cache (one
    shared with Redis; the process's own memory stands for it here)."""
    from havza.signatures import limits

    monkeypatch.setattr(limits, "in_cache", lambda: request.param == "cache")
    return request.param


def test_limits_stop_a_burst_from_one_address(settings, counted_in):
    settings.HAVZA_SIGNON_LIMITS = {**settings.HAVZA_SIGNON_LIMITS, "ip_burst": (3, 60)}
    for _ in range(3):
        check_limits(1, "203.0.113.5", "example.org")
    with pytest.raises(Limited) as limited:
        check_limits(1, "203.0.113.5", "example.org")
    assert limited.value.layer == "ip_burst"
    check_limits(1, "203.0.113.6", "example.org")  # another address goes on


def test_limits_per_statement_and_per_domain(settings, counted_in):
    settings.HAVZA_SIGNON_LIMITS = {
        **settings.HAVZA_SIGNON_LIMITS,
        "statement": (2, 3600),
        "domain": (100, 3600),
    }
    check_limits(7, "203.0.113.1", "a.org")
    check_limits(7, "203.0.113.2", "b.org")
    with pytest.raises(Limited) as limited:
        check_limits(7, "203.0.113.3", "c.org")
    assert limited.value.layer == "statement"
    settings.HAVZA_SIGNON_LIMITS = {
        **settings.HAVZA_SIGNON_LIMITS,
        "statement": (100, 3600),
        "domain": (1, 3600),
    }
    check_limits(8, "203.0.113.4", "spam.example")
    with pytest.raises(Limited) as limited:
        check_limits(8, "203.0.113.5", "spam.example")
    assert limited.value.layer == "domain"


def test_limits_count_one_address_over_a_day_across_statements(settings, counted_in):
    settings.HAVZA_SIGNON_LIMITS = {
        **settings.HAVZA_SIGNON_LIMITS,
        "ip_burst": (100, 60),
        "ip_daily": (3, 86400),
    }
    now = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)
    for statement in (21, 22, 23):  # one signature on each of three statements
        check_limits(statement, "198.51.100.7", f"s{statement}.example", now=now)
    with pytest.raises(Limited) as limited:
        check_limits(24, "198.51.100.7", "s24.example", now=now + dt.timedelta(hours=1))
    assert limited.value.layer == "ip_daily"
    # Until the day that began with the first one ends (the cache answers a whole day).
    assert limited.value.retry_after == (86400 if counted_in == "cache" else 86400 - 3600)


def test_an_address_is_kept_only_as_a_hash_salted_per_statement():
    from havza.signatures.defences import keyed_hash
    from havza.signatures.models import new_salt

    first, second = new_salt(), new_salt()
    assert first != second
    ip = "203.0.113.9"
    assert keyed_hash(first, ip) != keyed_hash(second, ip)  # not linkable across statements
    assert keyed_hash(first, ip) == keyed_hash(first, ip)  # counted within one
    assert ip not in keyed_hash(first, ip) and len(keyed_hash(first, ip)) == 64
