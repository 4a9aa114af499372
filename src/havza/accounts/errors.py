"""Error pages of the admin and the translators' workspace, in the person's interface language
(the public site's own "not found" page is the page catalogue's)."""

from __future__ import annotations

import logging

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import defaults

from havza.accounts.middleware import WORKSPACE_PREFIXES
from havza.publishing.views import not_found as public_not_found

log = logging.getLogger("havza.errors")


def _page(request, status: int, title: str, message: str) -> HttpResponse:
    home = reverse("admin:index") if request.path.startswith("/admin/") else "/translate/"
    context = {"title": title, "message": message, "home": home, "site_header": "havza",
               "site_title": "havza", "has_permission": False, "request": request}  # fmt: skip
    try:
        body = render_to_string("havza_accounts/error.html", context)
    except Exception:  # the page that says something failed must not fail itself
        log.exception("the error page could not be rendered")
        body = f"<!DOCTYPE html><title>{status}</title><h1>{status}</h1>"
    response = HttpResponse(body, status=status)
    response["Cache-Control"] = "private, no-store"
    return response


def permission_denied(request, exception=None) -> HttpResponse:
    if not request.path.startswith(WORKSPACE_PREFIXES):
        return defaults.permission_denied(request, exception)
    return _page(
        request, 403, _("You may not open this page"),
        _("Your account has no rights for this page or this language. Ask an editor if you "
          "need them."),
    )  # fmt: skip


def not_found(request, exception=None) -> HttpResponse:
    if not request.path.startswith(WORKSPACE_PREFIXES):
        return public_not_found(request, exception)
    return _page(
        request, 404, _("This page does not exist"),
        _("The address may be mistyped, or what it showed was deleted."),
    )  # fmt: skip


def server_error(request) -> HttpResponse:
    if not request.path.startswith(WORKSPACE_PREFIXES):
        return defaults.server_error(request)
    return _page(
        request, 500, _("Something went wrong"),
        _("The error was recorded. Nothing you saved before is lost; try again in a moment."),
    )  # fmt: skip
