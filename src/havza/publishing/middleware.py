"""Security headers on every response: a strict Content-Security-Policy and friends."""

from __future__ import annotations

CSP_DIRECTIVES = [
    "default-src 'self'",
    "img-src 'self' data:",
    "style-src 'self'",
    "script-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
]
CONTENT_SECURITY_POLICY = "; ".join(CSP_DIRECTIVES)
# The same policy carried by every page in <meta http-equiv>, so that an exported site
# served by any web server keeps it. Browsers ignore frame-ancestors there (a server
# header must send it: see docs/export.md).
META_CONTENT_SECURITY_POLICY = "; ".join(
    d for d in CSP_DIRECTIVES if not d.startswith("frame-ancestors")
)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), interest-cohort=()"


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response
