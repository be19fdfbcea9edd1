"""Headers that keep answers private and the pages safe to show."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from flask import Flask, request

CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
))
# Two years, the HSTS preload list's minimum; sent only on responses over HTTPS (RFC 6797
# section 7.2), so development over plain http on loopback is never pinned to HTTPS.
STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains"


def relative_location(location: str) -> str:
    """A redirect to this site as a path: the Host header a client sent is never reflected
    (Werkzeug's slash redirects, /en -> /en/, build an absolute URL from it)."""
    parts = urlsplit(location)
    if parts.netloc and parts.netloc == request.host:
        return urlunsplit(("", "", parts.path or "/", parts.query, parts.fragment))
    return location


def init_app(app: Flask) -> None:
    @app.after_request
    def protect(response):
        response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
        if request.is_secure:
            response.headers["Strict-Transport-Security"] = STRICT_TRANSPORT_SECURITY
        if "Location" in response.headers:
            response.headers["Location"] = relative_location(response.headers["Location"])
        if not request.path.startswith("/static/"):
            # Pages may show answers: no copy in the browser's or any proxy's cache.
            response.headers["Cache-Control"] = "no-store"
            response.vary.add("Cookie")
        return response
