"""The admin and the translators' workspace speak each person's own language: their profile's
choice, else their browser's. The public site is not touched: its language is in its URLs."""

from __future__ import annotations

from django.utils import translation

from havza import languages

# The parts of the site where people work, rather than read.
WORKSPACE_PREFIXES = ("/admin/", "/translate/")


def interface_language(request) -> str:
    """The person's own language: their profile's choice, else the best match for their
    browser's Accept-Language among the site languages."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        profile = getattr(user, "havza_profile", None)
        if profile is not None and profile.interface_language in languages.registry():
            return profile.interface_language
    return languages.best_match(request.headers.get("Accept-Language")).code


class InterfaceLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(WORKSPACE_PREFIXES):
            return self.get_response(request)
        code = interface_language(request)
        with translation.override(code):
            request.LANGUAGE_CODE = code
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", code)
        response.headers["Vary"] = ", ".join(
            filter(None, [response.headers.get("Vary"), "Accept-Language", "Cookie"])
        )
        return response
