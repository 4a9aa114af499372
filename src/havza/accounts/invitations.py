"""Inviting a translator: an editor names an address, languages and a role; havza makes the
account (no password, no admin access) and mails a link to set a password, in the invitee's
interface language. The link works once (setting the password changes what it was signed
with) and expires after ``PASSWORD_RESET_TIMEOUT`` (three days unless set).

An editor grants only the languages in which they are an editor themselves.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from havza import languages
from havza.accounts.services import set_interface_language
from havza.jobs.mail import queue_mail
from havza.translation import roles
from havza.translation.models import LanguageGrant, Role


class InvitationTokens(PasswordResetTokenGenerator):
    """Tokens of invitation links: like password reset links, signed under another name."""

    key_salt = "havza.accounts.invitations.InvitationTokens"


tokens = InvitationTokens()


@dataclass
class Invitation:
    user: object
    link: str
    new: bool  # False: the person had been invited before and had not set a password yet


def grantable_languages(inviter) -> list[str]:
    """The languages INVITER may grant: those in which they are an editor."""
    return roles.languages_for(inviter, Role.EDITOR)


def link_for(user) -> str:
    path = reverse(
        "accounts:welcome",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": tokens.make_token(user),
        },
    )
    return settings.HAVZA_BASE_URL + path


@transaction.atomic
def invite(
    inviter,
    *,
    email: str,
    name: str,
    codes: Iterable[str],
    role: str,
    interface_language: str,
) -> Invitation:
    """Make (or find, if not yet accepted) the account of EMAIL, grant it ROLE in CODES and
    queue the invitation mail. PermissionDenied if INVITER may not grant one of CODES;
    ValidationError if the address belongs to someone who already has a password."""
    if role not in Role.values:
        raise ValidationError(_("Unknown role."), code="role")
    codes = list(dict.fromkeys(codes))
    allowed = set(grantable_languages(inviter))
    refused = [c for c in codes if c not in allowed]
    if refused or not codes:
        raise PermissionDenied(
            _("You can only grant languages in which you are an editor: %(codes)s")
            % {"codes": ", ".join(refused) or "-"}
        )
    email = get_user_model().objects.normalize_email(email).strip()
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first()
    new = user is None
    if user is not None and user.has_usable_password():
        raise ValidationError(
            _("%(email)s already has an account: grant the languages on its page instead.")
            % {"email": email},
            code="exists",
        )
    if user is None:
        username = email.lower()
        if User.objects.filter(username=username).exists():
            raise ValidationError(
                _("The user name %(name)s is taken.") % {"name": username}, code="exists"
            )
        user = User(username=username, email=email, first_name=name.strip()[:150])
        user.set_unusable_password()
        user.save()
    for code in codes:
        LanguageGrant.objects.get_or_create(user=user, language=code, role=role)
    set_interface_language(user, interface_language)
    link = link_for(user)
    _mail(user, inviter, link, interface_language)
    return Invitation(user=user, link=link, new=new)


def _mail(user, inviter, link: str, reader: str) -> None:
    code = reader if reader in languages.registry() else languages.default().code
    days = max(1, round(settings.PASSWORD_RESET_TIMEOUT / 86400))
    with translation.override(code):
        subject = _("You are invited to translate for %(site)s") % {"site": "havza"}
        body = ngettext(
            "Hello %(name)s,\n\n%(inviter)s invites you to the translators' workspace of "
            "havza. Choose your password here (the link works for %(days)s day):\n\n"
            "%(link)s\n\nYour user name is %(username)s.\n",
            "Hello %(name)s,\n\n%(inviter)s invites you to the translators' workspace of "
            "havza. Choose your password here (the link works for %(days)s days):\n\n"
            "%(link)s\n\nYour user name is %(username)s.\n",
            days,
        ) % {
            "name": user.get_full_name() or user.get_username(),
            "inviter": inviter.get_full_name() or inviter.get_username(),
            "days": days,
            "link": link,
            "username": user.get_username(),
        }
    queue_mail(subject, body, [user.email])
