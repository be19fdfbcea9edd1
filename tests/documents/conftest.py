"""Packets for the document tests, each rendered once per session (WeasyPrint is slow), with
WeasyPrint's warnings captured and a local HTTP recorder that notes any request made."""

from __future__ import annotations

import logging
import subprocess
import threading
from dataclasses import dataclass, field
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from petition.documents.model import Conviction, Filer, PacketCase
from petition.documents.packet import build_packet
from petition.facts import parse_conviction
from petition.rules.engine import evaluate

TODAY = date(2026, 11, 26)


def conviction(**row: str) -> Conviction:
    facts = parse_conviction(row, TODAY)
    return Conviction(facts, evaluate(facts, TODAY))


FULL_FILER = Filer(first_name="Maria", last_name="Lopez", date_of_birth="1980-02-03",
                   street="123 Main St", city="Fresno", state="CA", zip="93701",
                   phone="555-123-4567", email="maria@example.org")


@dataclass
class Rendered:
    case: PacketCase
    pdf: bytes
    warnings: list[str]
    pages: list[str] = field(default_factory=list)  # pdftotext -raw (drawing order), by page

    @property
    def text(self) -> str:
        return "\n".join(self.pages)

    def page_with(self, marker: str) -> str:
        found = [page for page in self.pages if marker in page]
        assert found, f"no page contains {marker!r}"
        return found[0]


class Recorder(BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):  # noqa: N802 (http.server's naming)
        Recorder.requests.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def recorder():
    """An HTTP server on 127.0.0.1 that records every request: there must be none."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{server.server_address[1]}", Recorder.requests
    server.shutdown()
    server.server_close()


class WarningCollector(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def render(case: PacketCase) -> Rendered:
    collector = WarningCollector()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collector)
    try:
        pdf = build_packet(case)
    finally:
        logger.removeHandler(collector)
    text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"], input=pdf,
                          capture_output=True, check=True).stdout.decode("utf-8")
    return Rendered(case, pdf, collector.messages, text.split("\f")[:-1])


def hostile_filer(host: str) -> Filer:
    return Filer(
        first_name=f'<img src="http://{host}/name.png">',
        last_name='<img src="file:///etc/passwd">',
        street=f'<link rel="stylesheet" href="http://{host}/street.css">',
        city=f"<style>@import url(https://{host}/city.css);</style>",
        state=f'<a href="http://{host}/state">CA</a>',
        email=f'<object data="http://{host}/email"></object>',
        phone=f'<iframe src="data:text/html,<img src=http://{host}/phone>"></iframe>',
    )


LONG_NAME = "Maximiliana " + "Anneliese-Wolfeschlegelsteinhausenbergerdorff " * 6 + "X" * 20
LONG_STREET = "Apartment 12B, " + "1234 Extraordinarily Long Boulevard Name Avenue " * 5


def forty_convictions() -> tuple[Conviction, ...]:
    return tuple(
        conviction(county="Fresno", section="11359", level="felony",
                   offense_date=f"{1990 + n // 12}-{n % 12 + 1:02d}-15",
                   conviction_date=f"{1990 + n // 12}-{n % 12 + 1:02d}-28",
                   sentence_status="completed", superstrike="no", pc290="no",
                   prior_same_section="0", sold_to_minor="no", hired_under_21="no",
                   age_at_offense="30")
        for n in range(40)
    )


def cases(host: str) -> dict[str, PacketCase]:
    fresno = conviction(county="Fresno").facts.county
    san_francisco = conviction(county="San Francisco").facts.county
    return {
        # Completed sentence, conduct lawful today: an application to dismiss and seal.
        "dismissal": PacketCase(
            FULL_FILER, fresno, "F12-345",
            (conviction(county="Fresno", section="11358", plants="3", level="felony",
                        age_at_offense="30", offense_date="2012-03-04",
                        conviction_date="2012-05-06", sentence_status="completed"),),
            TODAY, waive_original_judge=True, waive_appearance=False),
        # Sentence status unknown, possession for sale: reduce, both CR-400 boxes blank.
        "reduction_unknown_track": PacketCase(
            FULL_FILER, fresno, "F13-999",
            (conviction(county="Fresno", section="11359", level="felony",
                        offense_date="2013-03-04", conviction_date="2013-05-06",
                        sentence_status="unknown"),),
            TODAY),
        # Still on probation: a petition.
        "petition": PacketCase(
            Filer(first_name="Hương", last_name="Nguyễn", street="12 Đường Lê Lợi"),
            conviction(county="Los Angeles").facts.county, "LA-2016-1",
            (conviction(county="Los Angeles", section="11358", level="felony", plants="4",
                        age_at_offense="25", offense_date="2016-01-04",
                        conviction_date="2016-05-06", sentence_status="serving"),),
            TODAY),
        "juvenile": PacketCase(
            Filer(first_name="Sam", last_name="Ortiz", date_of_birth="1994-07-08"),
            conviction(county="Alameda").facts.county, "J-77",
            (conviction(county="Alameda", section="11359", level="felony",
                        offense_date="2010-03-04", conviction_date="2010-05-06",
                        age_at_offense="16", juvenile="yes", sentence_status="completed"),),
            TODAY),
        "spanish": PacketCase(
            FULL_FILER, san_francisco, "SF-2",
            (conviction(county="San Francisco", section="11357(b)", level="misdemeanor",
                        offense_date="2009-03-04", conviction_date="2009-05-06",
                        age_at_offense="40", sentence_status="completed"),),
            TODAY, language="es"),
        # A presumed dismissal with a lesser relief in the alternative, and a Chinese name.
        "chinese_name": PacketCase(
            Filer(first_name="陳美玲", street="88 Grant Ave 三樓", city="San Francisco"),
            san_francisco, "SF-3",
            (conviction(county="San Francisco", section="11360", level="felony",
                        offense_date="2014-03-04", sentence_status="completed"),),
            TODAY, language="zh-hant"),
        # The person does not know the county: court and agency are left to fill in.
        "no_county": PacketCase(
            Filer(first_name="Lee", last_name="Park"), None, "",
            (conviction(section="11357(b)", level="misdemeanor", offense_date="2009-03-04",
                        age_at_offense="40", sentence_status="completed"),),
            TODAY),
        # Emoji no font has, control characters and a right-to-left override.
        "unprintable": PacketCase(
            Filer(first_name="Ana \U0001F600", last_name="Ruiz\u202eevil",
                  street="1 Main\x00 St\x1b[31m", city="Fresno\u2028"),
            fresno, "F\u200f-77",
            (conviction(county="Fresno", section="11358", plants="2", level="felony",
                        age_at_offense="30", offense_date="2012-03-04",
                        sentence_status="completed"),),
            TODAY),
        "hostile": PacketCase(
            hostile_filer(host), fresno, f'<script src="http://{host}/case.js"></script>',
            (conviction(county="Fresno", section="11358", plants="2", level="felony",
                        age_at_offense="30", offense_date="2012-03-04",
                        sentence_status="completed"),),
            TODAY),
        "long": PacketCase(
            Filer(first_name=LONG_NAME, street=LONG_STREET, city="Fresno"),
            fresno, "F-" + "9" * 60, forty_convictions(), TODAY),
    }


@pytest.fixture(scope="session")
def packets(recorder) -> dict[str, Rendered]:
    host, _ = recorder
    return {name: render(case) for name, case in cases(host).items()}
