"""The session cookie, sealed: compressed, then encrypted and authenticated with Fernet.

Flask's own cookie is signed but readable: base64 shows the conviction, the name and the
address. Here the answers are serialised as Flask does, compressed with zlib (so more fit
in a browser's 4 KB), then encrypted with `cryptography`'s Fernet (AES-128-CBC and
HMAC-SHA256). Keys come from ``SECRET_KEY`` and, for rotation, ``SECRET_KEY_FALLBACKS``:
a cookie sealed under an old key is still read, and resealed under the new one.

The cookie is a browser-session cookie (no ``Expires``: closing the browser forgets it);
the 30 idle minutes are enforced here, from the time Fernet seals into every token, and
every request that carries answers reseals them so the clock restarts.
"""

from __future__ import annotations

import base64
import zlib
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from flask import Flask, Request, Response
from flask.json.tag import TaggedJSONSerializer
from flask.sessions import SecureCookieSession, SessionInterface

# Browsers keep at most 4096 bytes of one cookie, name and attributes included
# (RFC 6265 section 6.1). The attributes we send take about 60; keep a margin.
COOKIE_BUDGET = 3900


def fernet_key(secret: str | bytes) -> bytes:
    """A Fernet key derived from a secret of any length (HKDF, RFC 5869), so SECRET_KEY
    stays one string and the key used here is never the one that signs anything else."""
    material = secret.encode() if isinstance(secret, str) else secret
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"prop64-session",
                   info=b"session cookie v1").derive(material)
    return base64.urlsafe_b64encode(derived)


@lru_cache(maxsize=4)
def sealer(secrets: tuple[str | bytes, ...]) -> MultiFernet:
    """Seals with the first key, opens with any (key rotation)."""
    return MultiFernet([Fernet(fernet_key(secret)) for secret in secrets])


class SealedSessionInterface(SessionInterface):
    session_class = SecureCookieSession
    serializer = TaggedJSONSerializer()

    def fernet(self, app: Flask) -> MultiFernet | None:
        if not app.secret_key:
            return None
        return sealer((app.secret_key, *(app.config.get("SECRET_KEY_FALLBACKS") or ())))

    def open_session(self, app: Flask, request: Request) -> SecureCookieSession | None:
        fernet = self.fernet(app)
        if fernet is None:
            return None
        token = request.cookies.get(self.get_cookie_name(app))
        if not token:
            return self.session_class()
        idle = int(app.permanent_session_lifetime.total_seconds())
        try:
            sealed = fernet.decrypt(token.encode("ascii"), ttl=idle)
            return self.session_class(self.serializer.loads(zlib.decompress(sealed)))
        except (InvalidToken, UnicodeError, ValueError, TypeError, zlib.error):
            # Expired, tampered with, or sealed with a key we no longer have: start afresh.
            return self.session_class()

    def seal(self, app: Flask, session: SecureCookieSession) -> str:
        fernet = self.fernet(app)
        assert fernet is not None
        packed = zlib.compress(self.serializer.dumps(dict(session)).encode(), 9)
        return fernet.encrypt(packed).decode("ascii")

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
        # Resealed on every request that carries answers: the idle clock restarts.
        response.vary.add("Cookie")
        response.set_cookie(name, self.seal(app, session), domain=domain, path=path,
                            secure=secure, samesite=samesite, httponly=httponly)


def session_fits(contents: dict) -> bool:
    """Whether the current app's session cookie could hold ``contents``."""
    from flask import current_app

    interface = current_app.session_interface
    if isinstance(interface, SealedSessionInterface):
        return interface.fits(current_app, contents)
    return True
