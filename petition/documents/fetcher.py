"""The only way WeasyPrint may read anything: our own packaged assets, of which there are
none today (the fonts are the system's, found by family name: fonts.py).

design.md, "Privacy and safety": WeasyPrint renders only our own templates and assets.
Names and addresses are typed by the public, so even though templates escape them, the
fetcher is the second wall: any URL that is not a font file inside ``ASSETS`` is refused
(``http:``, ``https:``, ``ftp:``, ``data:``, and ``file:`` anywhere else), whatever
reached the HTML.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import URLFetcher, URLFetcherResponse

# The documents' folder, a base for relative URLs; it holds no fonts, so nothing is served.
ASSETS = Path(__file__).parent.resolve()
MEDIA_TYPES = {".ttf": "font/ttf", ".otf": "font/otf"}


class RefusedURL(ValueError):
    """A URL outside our packaged assets; WeasyPrint logs it and renders without it."""


def asset_path(url: str) -> Path:
    """The packaged file a URL names, or RefusedURL. Symlinks and ``..`` are resolved
    first, so nothing can step outside the folder."""
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        raise RefusedURL(f"refused: not a packaged asset: {url[:80]!r}")
    path = Path(unquote(parts.path)).resolve()
    if not path.is_relative_to(ASSETS) or path.suffix not in MEDIA_TYPES or not path.is_file():
        raise RefusedURL(f"refused: not a packaged asset: {url[:80]!r}")
    return path


class PackagedAssetFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that serves ``ASSETS`` and nothing else (no network code runs:
    ``fetch`` never reaches urllib)."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols=("file",), allow_redirects=False)

    def fetch(self, url, headers=None):
        path = asset_path(url)
        return URLFetcherResponse(path.as_uri(), path.read_bytes(),
                                  {"Content-Type": MEDIA_TYPES[path.suffix]})
