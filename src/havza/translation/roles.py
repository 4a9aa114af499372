"""Who may do what in which language.

Translators are granted languages and edit only those; reviewers approve; editors publish and
assign. Each role includes the ones below it, in its languages. Superusers may do everything.
Every view, API and service asks here, on the server.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from havza import languages
from havza.translation.models import ANY_LANGUAGE, LanguageGrant, Role

_RANK = {Role.TRANSLATOR: 1, Role.REVIEWER: 2, Role.EDITOR: 3}


def _grants(user) -> dict[str, int]:
    """language -> highest rank, read once per user object (one query per request)."""
    cached = getattr(user, "_havza_grants", None)
    if cached is not None:
        return cached
    grants: dict[str, int] = {}
    if user is not None and user.is_authenticated and user.is_active:
        for language, role in LanguageGrant.objects.filter(user=user).values_list(
            "language", "role"
        ):
            grants[language] = max(grants.get(language, 0), _RANK[Role(role)])
    user._havza_grants = grants
    return grants


def can(user, role: Role | str, language: str) -> bool:
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    grants = _grants(user)
    rank = max(grants.get(language, 0), grants.get(ANY_LANGUAGE, 0))
    return rank >= _RANK[Role(role)]


def require(user, role: Role | str, language: str) -> None:
    """Raise PermissionDenied unless USER is at least ROLE in LANGUAGE (None: the system)."""
    if user is None:
        return  # the command line acts for the network itself
    if not can(user, role, language):
        raise PermissionDenied(f"{Role(role).label} rights for “{language}” are needed.")


def languages_for(user, role: Role | str = Role.TRANSLATOR) -> list[str]:
    """The site languages in which USER is at least ROLE, in menu order."""
    return [code for code in languages.codes() if can(user, role, code)]


def is_workflow_user(user) -> bool:
    return bool(languages_for(user, Role.TRANSLATOR))
