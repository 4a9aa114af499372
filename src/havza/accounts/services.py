"""Changing a person's own preferences."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser

from havza.accounts.models import Profile


def set_interface_language(user: AbstractBaseUser, code: str) -> Profile:
    """Make CODE (a site language, or "" to follow the browser) USER's interface language."""
    profile, _ = Profile.objects.get_or_create(user=user)
    profile.interface_language = code
    profile.full_clean(exclude=["user"])
    profile.save(update_fields=["interface_language"])
    return profile
