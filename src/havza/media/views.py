"""Serving the stored images and files from the site. Their names are made from their
content and never change, so browsers and proxies keep them for a year."""

from __future__ import annotations

from django.conf import settings
from django.views.static import serve as static_serve

YEAR = 365 * 24 * 3600


def serve(request, path: str):
    response = static_serve(request, path, document_root=settings.MEDIA_ROOT)
    response.headers["Cache-Control"] = f"public, max-age={YEAR}, immutable"
    response.headers["X-Content-Type-Options"] = "nosniff"
    if path.endswith(".pdf"):
        # A PDF may carry scripts: it is shown in a sandbox, never with the site's rights.
        response.headers["Content-Security-Policy"] = "sandbox"
    return response
