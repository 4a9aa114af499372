"""The sign form's proof of work (ALTCHA, verified here; solved in the browser by the site's
own script, with no request to another host). A solution is accepted once."""

from __future__ import annotations

import datetime as dt
import hashlib

import altcha
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

LIFETIME = dt.timedelta(minutes=20)


def _key() -> str:
    return hashlib.sha256(f"altcha:{settings.SECRET_KEY}".encode()).hexdigest()


def new_challenge() -> dict:
    challenge = altcha.create_challenge_v1(
        hmac_key=_key(),
        max_number=settings.HAVZA_SIGNON_WORK,
        expires=timezone.now() + LIFETIME,
    )
    return challenge.to_dict()


def solve(challenge: dict) -> str:
    """The payload a browser would send for CHALLENGE (the bench's and the tests' clients)."""
    solution = altcha.solve_challenge_v1(
        challenge["challenge"],
        challenge["salt"],
        challenge["algorithm"],
        challenge["maxNumber"],
    )
    return altcha.PayloadV1(
        challenge["algorithm"],
        challenge["challenge"],
        solution.number,
        challenge["salt"],
        challenge["signature"],
    ).to_base64()


def solved(payload: str) -> str:
    """The challenge PAYLOAD solves (its hash: the signature it allows stores it, and the
    database takes one signature per challenge, whichever process or restart sees it again),
    if this site made it, it has not expired and this process has not seen it used; else ""."""
    if not payload or len(payload) > 2000:
        return ""
    try:
        ok, _error = altcha.verify_solution_v1(payload, _key(), check_expires=True)
        challenge = altcha.PayloadV1.from_base64(payload).challenge if ok else ""
    except Exception:  # a malformed payload is a wrong answer
        return ""
    if not challenge:
        return ""
    used = "havza:altcha:" + hashlib.sha256(payload.encode()).hexdigest()
    if not cache.add(used, 1, timeout=int(LIFETIME.total_seconds()) + 60):
        return ""
    return challenge[:64]


def verify(payload: str) -> bool:
    """PAYLOAD solves a challenge this site made, not yet expired nor used before."""
    return bool(solved(payload))
