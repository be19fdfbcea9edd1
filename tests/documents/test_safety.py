"""What people type is text, never markup, and WeasyPrint fetches nothing from outside."""

from __future__ import annotations

import os

import pytest

from petition.documents.fetcher import ASSETS, PackagedAssetFetcher, RefusedURL
from tests.documents.checks import contains
from tests.documents.conftest import hostile_filer


def test_rendering_hostile_details_makes_no_request(packets, recorder):
    assert packets["hostile"].pdf.startswith(b"%PDF")
    _, requests = recorder
    assert requests == []


@pytest.mark.parametrize("field", ["first_name", "last_name", "street", "city", "state",
                                   "email", "phone"])
def test_hostile_details_appear_literally_on_the_papers(packets, recorder, field):
    host, _ = recorder
    value = getattr(hostile_filer(host), field)
    assert contains(packets["hostile"].text, value)


def test_a_hostile_case_number_appears_literally(packets, recorder):
    host, _ = recorder
    assert contains(packets["hostile"].text, f'<script src="http://{host}/case.js"></script>')


def test_the_fetcher_refuses_even_markup_that_reaches_weasyprint(recorder):
    """The second wall: raw HTML pointing outside is rendered without fetching anything."""
    from petition.documents.packet import render_pdf

    host, requests = recorder
    html = f"""<html><head>
      <link rel="stylesheet" href="http://{host}/link.css">
      <style>@import url("https://{host}/import.css");
        @font-face {{ font-family: X; src: url(http://{host}/font.ttf); }}
        body {{ background: url(http://{host}/background.png); }}</style></head>
      <body><img src="http://{host}/img.png"><img src="file:///etc/passwd">
      <img src="data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg'><image href='http://{host}/svg.png'/></svg>">
      <iframe src="http://{host}/frame"></iframe><object data="http://{host}/object"></object>
      <p>text</p></body></html>"""
    assert render_pdf(html).startswith(b"%PDF")
    assert requests == []


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/x.ttf",
    "https://example.org/NotoSans-Regular.ttf",
    "ftp://example.org/x",
    "data:font/ttf;base64,AAAA",
    "file:///etc/passwd",
    "file://evil.example/" + str(ASSETS / "NotoSans-Regular.ttf"),
    (ASSETS / ".." / "web" / "papers.py").as_uri(),
    (ASSETS / "packet.py").as_uri(),  # in the folder, but not a font
    (ASSETS / "missing.ttf").as_uri(),
    "file:///usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",  # the system's: by name
])
def test_the_fetcher_refuses_anything_but_a_packaged_font(url):
    with pytest.raises(RefusedURL):
        PackagedAssetFetcher().fetch(url)


def test_the_fetcher_refuses_a_symlink_out_of_the_folder(tmp_path):
    link = ASSETS / "test-link-out.ttf"
    target = tmp_path / "secret.ttf"
    target.write_bytes(b"secret")
    try:
        os.symlink(target, link)
    except OSError:
        pytest.skip("cannot create a symlink here")
    try:
        with pytest.raises(RefusedURL):
            PackagedAssetFetcher().fetch(link.as_uri())
    finally:
        link.unlink()


def test_the_stylesheet_names_fonts_by_family_and_loads_no_file():
    from petition.documents.templating import TEMPLATES

    css = (TEMPLATES / "packet.css").read_text("utf-8")
    assert "@font-face" not in css
    assert "url(" not in css


def test_packets_built_from_two_threads_at_once_are_both_whole(packets):
    """A threaded web server may build two packets at the same time (the render lock)."""
    from concurrent.futures import ThreadPoolExecutor

    from petition.documents.packet import build_packet

    cases = [packets["dismissal"].case, packets["spanish"].case]
    with ThreadPoolExecutor(max_workers=2) as pool:
        built = list(pool.map(build_packet, cases))
    assert [pdf.startswith(b"%PDF") and pdf.rstrip().endswith(b"%%EOF") for pdf in built] == [
        True, True]
    assert len(built[1]) > len(built[0])  # the Spanish packet has its own pages
