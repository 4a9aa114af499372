"""The admin speaks each editor's own language: their profile's choice, else their browser's."""

from __future__ import annotations

from django.utils import translation

from havza import languages


class InterfaceLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith("/admin/"):
            return self.get_response(request)
        code = ""
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            profile = getattr(user, "havza_profile", None)
            code = profile.interface_language if profile else ""
        if not code:
            code = languages.best_match(request.headers.get("Accept-Language")).code
        with translation.override(code):
            request.LANGUAGE_CODE = code
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", code)
        response.headers["Vary"] = ", ".join(
            filter(None, [response.headers.get("Vary"), "Accept-Language", "Cookie"])
        )
        return response
