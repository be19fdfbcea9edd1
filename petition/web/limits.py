"""Rate limits on the expensive endpoints (design.md, "Privacy and safety"): the clinic's
uploads and the resident's packet download, per client address, with Flask-Limiter.

Counts live in memory by default (one server); several servers share them through Redis:
set ``RATELIMIT_STORAGE_URI=redis://host:6379`` in the environment. Counts are keyed on the
client address only and expire with their window: no answer, file or row is ever stored.
Behind a proxy the address is the proxy's unless the app trusts X-Forwarded-For (ProxyFix).
"""

from __future__ import annotations

import math
import os
import time

from flask import Flask, current_app, render_template, request
from flask_limiter import Limiter, RateLimitExceeded
from flask_limiter.util import get_remote_address

from petition.web import rate_store  # noqa: F401  (memory:// is the thread-safe store)
from petition.web.translation import gettext as _

# Only decorated endpoints are limited: pages and static files are not counted.
limiter = Limiter(key_func=get_remote_address, default_limits=[])
# The decorated views. Flask-Limiter also looks for limits before every request (for
# application-wide limits, which we have none of); that search was a tenth of a page's work.
LIMITED_VIEWS: set = set()


@limiter.request_filter
def not_limited() -> bool:
    return current_app.view_functions.get(request.endpoint or "") not in LIMITED_VIEWS

DEFAULTS = {
    "RATELIMIT_STORAGE_URI": os.environ.get("RATELIMIT_STORAGE_URI", "memory://"),
    # Our own 429 and 503 pages set Retry-After; the library's headers would overwrite it.
    "RATELIMIT_HEADERS_ENABLED": False,
    # A clinic screens a file, then downloads its results and papers: a few posts a minute.
    "CLINIC_RATE_LIMIT": "20 per minute",
    # A resident downloads one packet per court case, perhaps a few times.
    "PACKET_RATE_LIMIT": "30 per minute",
}


def clinic_limit() -> str:
    return current_app.config["CLINIC_RATE_LIMIT"]


def packet_limit() -> str:
    return current_app.config["PACKET_RATE_LIMIT"]


def limit_clinic(view):
    """The clinic's posts (screening, results CSV, packets ZIP): GET of the form is free."""
    return limited(limiter.limit(clinic_limit, methods=["POST"])(view))


def limit_packets(view):
    return limited(limiter.limit(packet_limit)(view))


def limited(view):
    """Register a view as limited; it must be the function the route is given."""
    LIMITED_VIEWS.add(view)
    return view


def init_app(app: Flask) -> None:
    for key, value in DEFAULTS.items():
        app.config.setdefault(key, value)
    limiter.init_app(app)

    @app.errorhandler(RateLimitExceeded)
    def too_many_requests(error: RateLimitExceeded):
        wait = seconds_to_wait()
        response = current_app.make_response((render_template(
            "error.html", title=_("Please wait a moment"),
            body=wait_message(wait)), 429))
        response.headers["Retry-After"] = str(wait)
        return response


def seconds_to_wait() -> int:
    limit = limiter.current_limit
    if limit is None:
        return 60
    return max(1, math.ceil(limit.reset_at - time.time()))


def wait_message(seconds: int) -> str:
    # Plain singular texts (the Retry-After header carries the exact seconds).
    if seconds <= 60:
        return _("You sent many requests in a short time. To keep the site working for "
                 "everyone, please try again in a minute.")
    return _("You sent many requests in a short time. To keep the site working for everyone, "
             "please try again in %(minutes)s minutes.", minutes=math.ceil(seconds / 60))
