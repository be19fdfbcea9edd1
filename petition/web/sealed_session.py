"""The session cookie, sealed: compressed, then encrypted and authenticated with Fernet.

Flask's own cookie is signed but readable: base64 shows the conviction, the name and the
address. Here the answers are serialised as Flask does, compressed with zlib (so more fit
in a browser's 4 KB), then encrypted with `cryptography`'s Fernet (AES-128-CBC and
HMAC-SHA256). Keys come from ``SECRET_KEY`` and, for rotation, ``SECRET_KEY_FALLBACKS``:
a cookie sealed under an old key is still read, and resealed under the new one.

The cookie is a browser-session cookie (no ``Expires``: closing the browser forgets it);
the 30 idle minutes are enforced here, from the time Fernet seals into every token. A request
that carries answers reseals them, so the clock restarts, unless nothing changed and the
cookie was sealed less than a minute ago (under the current key): resealing was an eighth of
a page's work, and the idle limit then runs from at most a minute before the last visit.
"""

from __future__ import annotations

import base64
import time
import zlib
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from flask import Flask, Request, Response
from flask.json.tag import TaggedJSONSerializer
from flask.sessions import SecureCookieSession, SessionInterface

# Browsers keep at most 4096 bytes of one cookie, name and attributes included
# (RFC 6265 section 6.1). The attributes we send take about 60; keep a margin.
COOKIE_BUDGET = 3900
# An unchanged session sealed this recently is not sealed again (see above).
RESEAL_AFTER_SECONDS = 60


def fernet_key(secret: str | bytes) -> bytes:
    """A Fernet key derived from a secret of any length (HKDF, RFC 5869), so SECRET_KEY
    stays one string and the key used here is never the one that signs anything else."""
    material = secret.encode() if isinstance(secret, str) else secret
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"prop64-session",
                   info=b"session cookie v1").derive(material)
    return base64.urlsafe_b64encode(derived)


@lru_cache(maxsize=4)
def sealers(secrets: tuple[str | bytes, ...]) -> tuple[Fernet, ...]:
    """One Fernet per key: the first seals, any opens (key rotation)."""
    return tuple(Fernet(fernet_key(secret)) for secret in secrets)


def sealed_at(token: bytes) -> int:
    """When a Fernet token was sealed: its bytes 1-8 (the first 12 base64 characters hold
    bytes 0-8). Read only after the token was opened, so the time is authentic."""
    return int.from_bytes(base64.urlsafe_b64decode(token[:12])[1:9], "big")


class SealedSession(SecureCookieSession):
    # When its cookie was sealed under the current key; None: seal it in this response.
    sealed_at: int | None = None


class SealedSessionInterface(SessionInterface):
    session_class = SealedSession
    serializer = TaggedJSONSerializer()

    def fernets(self, app: Flask) -> tuple[Fernet, ...]:
        if not app.secret_key:
            return ()
        return sealers((app.secret_key, *(app.config.get("SECRET_KEY_FALLBACKS") or ())))

    def open_session(self, app: Flask, request: Request) -> SealedSession | None:
        fernets = self.fernets(app)
        if not fernets:
            return None
        token = request.cookies.get(self.get_cookie_name(app))
        if not token:
            return self.session_class()
        idle = int(app.permanent_session_lifetime.total_seconds())
        raw = token.encode("ascii", "replace")
        for index, fernet in enumerate(fernets):
            try:
                contents = self.serializer.loads(zlib.decompress(fernet.decrypt(raw, ttl=idle)))
            except (InvalidToken, ValueError, TypeError, zlib.error):
                continue
            session = self.session_class(contents)
            if index == 0:
                session.sealed_at = sealed_at(raw)
            return session
        # Expired, tampered with, or sealed with a key we no longer have: start afresh.
        return self.session_class()

    def seal(self, app: Flask, session: SecureCookieSession) -> str:
        fernets = self.fernets(app)
        assert fernets
        return fernets[0].encrypt(self.pack(session)).decode("ascii")

    def pack(self, contents: dict) -> bytes:
        """The session serialised as Flask does, then compressed: what Fernet seals."""
        return zlib.compress(self.serializer.dumps(dict(contents)).encode(), 9)

    def fits(self, app: Flask, contents: dict) -> bool:
        """Whether a session holding ``contents`` still fits in one cookie."""
        return len(self.seal(app, SecureCookieSession(contents))) + len(
            self.get_cookie_name(app)) + 1 <= COOKIE_BUDGET

    def save_session(self, app: Flask, session: SecureCookieSession, response: Response) -> None:
        name = self.get_cookie_name(app)
        domain = self.get_cookie_domain(app)
        path = self.get_cookie_path(app)
        secure = self.get_cookie_secure(app)
        samesite = self.get_cookie_samesite(app)
        httponly = self.get_cookie_httponly(app)
        if session.accessed:
            response.vary.add("Cookie")
        if not session:
            if session.modified:
                response.delete_cookie(name, domain=domain, path=path, secure=secure,
                                       samesite=samesite, httponly=httponly)
                response.vary.add("Cookie")
            return
        response.vary.add("Cookie")
        if idle_clock_started(session) is not None:
            return  # the cookie the browser holds stays as it is
        response.set_cookie(name, self.seal(app, session), domain=domain, path=path,
                            secure=secure, samesite=samesite, httponly=httponly)


def idle_clock_started(session: SecureCookieSession) -> int | None:
    """When the session's 30 idle minutes started, as this response leaves them: when its
    cookie was sealed, if that cookie stays (unchanged, sealed under a minute ago under the
    current key); None if it is sealed again, so that the clock starts now."""
    sealed = getattr(session, "sealed_at", None)
    if session.modified or sealed is None or time.time() - sealed >= RESEAL_AFTER_SECONDS:
        return None
    return sealed


def session_fits(contents: dict) -> bool:
    """Whether the current app's session cookie could hold ``contents``."""
    from flask import current_app

    interface = current_app.session_interface
    if isinstance(interface, SealedSessionInterface):
        return interface.fits(current_app, contents)
    return True
