"""Residents' paths in a real browser (Debian's Chromium), and axe-core on every page.

The server is our app on 127.0.0.1 (werkzeug, port 0); nothing is fetched from outside.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import pytest

from petition import create_app
from petition.languages import LANGUAGES
from petition.web.questions import QUESTIONS

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules/axe-core/axe.min.js"
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

playwright_api = pytest.importorskip("playwright.sync_api")
if not CHROMIUM.exists() or not AXE.exists():
    pytest.skip("Chromium or axe-core is not installed", allow_module_level=True)

DISMISSAL = {"county": "Fresno", "section": "11357", "offense_date": ("6", "1", "2015"),
             "level": "infraction", "age_at_offense": "25", "amount_grams": "20",
             "school_grounds": "no", "sentence_status": "completed"}
REDUCTION = {"county": "Fresno", "section": "11359", "offense_date": ("3", "1", "2012"),
             "sold_to_minor": "no", "hired_under_21": "no", "superstrike": "no", "pc290": "no",
             "prior_same_section": "0", "sentence_status": "completed"}
SAN_FRANCISCO = {**REDUCTION, "county": "San Francisco"}
NOT_ELIGIBLE = {"county": "Fresno", "section": "other", "offense_date": ("1", "1", "2010")}
ALL_UNKNOWN = {"county": "unknown", "section": "11357"}


@pytest.fixture(scope="module")
def base_url():
    from werkzeug.serving import make_server

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    # Plain http on loopback: a Secure cookie would not come back to it.
    app = create_app({"SECRET_KEY": "browser-tests", "LEAVE_TO": "/elsewhere",
                      "SESSION_COOKIE_SECURE": False})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


class Resident:
    """A person clicking through the site, with axe-core checking each page if asked."""

    def __init__(self, browser, base_url, lang="en", width=390, javascript=True, axe=False,
                 widths=()):
        """``widths``: every page is also checked (axe, width) at each of these window
        widths, one path serving several widths."""
        self.context = browser.new_context(viewport={"width": width, "height": 844},
                                           java_script_enabled=javascript)
        self.width, self.widths = width, (width, *widths)
        if axe:  # in every page as it loads, rather than sent over for each page
            self.context.add_init_script(path=str(AXE))
        self.page = self.context.new_page()
        self.base_url, self.lang, self.axe = base_url, lang, axe
        self.violations: list[str] = []
        self.csp_errors: list[str] = []
        self.too_wide: list[str] = []  # pages wider than the window: sideways scrolling
        self.page.on("console", self.console)
        self.pages: list[str] = []

    def console(self, message):
        if "Content Security Policy" in message.text:
            self.csp_errors.append(message.text)

    def arrived(self):
        self.pages.append(self.page.url)
        for width in self.widths:
            if width != self.page.viewport_size["width"]:
                self.page.set_viewport_size({"width": width, "height": 844})
            self.check_at(f"{self.page.url} at {width} px")
        if self.page.viewport_size["width"] != self.width:
            self.page.set_viewport_size({"width": self.width, "height": 844})

    def check_at(self, where):
        if self.page.evaluate("document.documentElement.scrollWidth > window.innerWidth"):
            self.too_wide.append(where)
        if self.axe:
            found = self.page.evaluate(
                # target-size is WCAG 2.2 (2.5.8): off by default in axe, so turned on here.
                "async () => (await axe.run(document, {resultTypes: ['violations'],"
                " rules: {'target-size': {enabled: true}}}))"
                ".violations.map(v => v.id + ': ' + v.nodes.map(n => n.target).join(' '))")
            self.violations += [f"{where}: {item}" for item in found]

    def goto(self, path):
        self.page.goto(self.base_url + path)
        self.arrived()

    def choose(self, name, value):
        ident = self.page.get_attribute(f'input[name="{name}"][value="{value}"]', "id")
        self.page.click(f'label[for="{ident}"]')

    def submit(self, dont_know=False):
        """Submit and wait for the next page to have loaded: every form here posts and
        redirects, so the page the next step reads is the one the browser arrived at."""
        button = "button[name=dont_know]" if dont_know else \
            "form:not([action]) button[type=submit]:not([name])"
        with self.page.expect_navigation(wait_until="load"):
            self.page.click(button)
        self.arrived()

    def follow(self, selector):
        """Click a link and wait until its page has loaded."""
        with self.page.expect_navigation(wait_until="load"):
            self.page.click(selector)
        self.arrived()

    def answer(self, fact, value):
        """Answer as the question's kind says (the question data, not probing the page)."""
        kind = QUESTIONS[fact].kind
        if value == "unknown" and kind in ("number", "date"):
            return self.submit(dont_know=True)
        if kind == "county":
            self.page.select_option(f"#{fact}", value)
        elif kind == "choice":
            self.choose(fact, value)
        elif kind == "date":
            for part, text in zip(("month", "day", "year"), value, strict=True):
                self.page.fill(f"#{fact}-{part}", text)
        else:
            self.page.fill(f"#{fact}", value)
        self.submit()

    def conviction(self, answers):
        for _ in range(30):
            url = self.page.url
            if url.endswith("/check"):
                self.submit()
                return
            fact = url.rsplit("/", 1)[1]
            self.answer(fact, answers.get(fact, "unknown"))
        raise AssertionError("the interview did not end")

    def start(self):
        self.goto(f"/{self.lang}/")
        self.follow("a.usa-button--big")

    def add_another(self, yes):
        self.choose("add_another", "yes" if yes else "no")
        self.submit()

    def outcomes(self):
        return [(element.get_attribute("data-outcome"), element.get_attribute("data-automatic"))
                for element in self.page.query_selector_all("[data-outcome]")]

    def close(self):
        self.context.close()


def path_of(browser, base_url, rows, **options):
    resident = Resident(browser, base_url, **options)
    resident.start()
    for index, row in enumerate(rows):
        resident.conviction(row)
        resident.add_another(index < len(rows) - 1)
    return resident


@pytest.mark.parametrize("rows, expected", [
    ([DISMISSAL], [("dismiss_and_seal", "none")]),
    ([REDUCTION], [("reduce_to_misdemeanor", "statewide")]),
    ([NOT_ELIGIBLE], [("not_eligible", "none")]),
    ([SAN_FRANCISCO], [("reduce_to_misdemeanor", "da_program")]),
    # law.md E10: with nothing known it could have been an infraction, so no review is promised.
    ([ALL_UNKNOWN], [("dismiss_and_seal", "none")]),
    ([DISMISSAL, NOT_ELIGIBLE, SAN_FRANCISCO], [("dismiss_and_seal", "none"),
                                                ("not_eligible", "none"),
                                                ("reduce_to_misdemeanor", "da_program")]),
], ids=["dismissal", "reduction", "not-eligible", "san-francisco", "all-unknown", "several"])
def test_a_residents_path_ends_on_the_right_outcome(browser, base_url, rows, expected):
    resident = path_of(browser, base_url, rows)
    try:
        assert resident.page.url.endswith("/en/result")
        assert resident.outcomes() == expected
        assert not resident.csp_errors
    finally:
        resident.close()


def test_the_whole_path_works_with_javascript_off(browser, base_url):
    resident = path_of(browser, base_url, [SAN_FRANCISCO], lang="es", javascript=False)
    try:
        assert resident.outcomes() == [("reduce_to_misdemeanor", "da_program")]
        assert resident.page.inner_text("h1") == "Su resultado"
    finally:
        resident.close()


def test_a_changed_answer_changes_the_result(browser, base_url):
    resident = path_of(browser, base_url, [NOT_ELIGIBLE])
    try:
        resident.follow("a[href$='/conviction/1/check']")
        resident.follow("a[href$='/conviction/1/section?change=1']")
        resident.answer("section", "11357")
        # Before 2011, possession of 28.5 g or less was a misdemeanor (law.md E4).
        resident.conviction({**DISMISSAL, "offense_date": ("1", "1", "2010"),
                             "level": "misdemeanor"})
        resident.add_another(False)
        assert resident.outcomes() == [("dismiss_and_seal", "statewide")]
    finally:
        resident.close()


def test_a_wrong_answer_moves_focus_to_the_error_summary(browser, base_url):
    resident = Resident(browser, base_url)
    try:
        resident.start()
        resident.submit()
        assert resident.page.evaluate("document.activeElement.id") == "error-summary"
    finally:
        resident.close()


@pytest.mark.parametrize("lang", [language.code for language in LANGUAGES])
def test_axe_finds_no_violations_on_any_page_of_the_path(browser, base_url, lang):
    """At 390 px (a phone, where the path is walked) and 1280 px (a desktop)."""
    resident = Resident(browser, base_url, lang=lang, width=390, axe=True, widths=(1280,))
    try:
        resident.start()
        resident.submit()  # the county page with an error
        resident.conviction(SAN_FRANCISCO)
        resident.add_another(True)
        resident.conviction(NOT_ELIGIBLE)
        resident.add_another(True)
        resident.conviction(DISMISSAL)  # level, age (with date of birth), amount questions
        resident.add_another(False)
        resident.follow("a[href$='/details']")
        resident.page.fill("#zip", "x")
        resident.submit()  # details with an error
        resident.page.fill("#zip", "94102")
        resident.submit()
        resident.choose("waive_original_judge", "yes")
        resident.choose("waive_appearance", "yes")
        resident.submit()
        for extra in ("/result/print", "/convictions/2/remove", "/how-we-decide", "/glossary",
                      "/no-such-page"):
            resident.goto(f"/{lang}{extra}")
        assert len(resident.pages) > 15
        assert not resident.violations, "\n".join(resident.violations)
        assert not resident.too_wide, resident.too_wide
        assert not resident.csp_errors
    finally:
        resident.close()


def test_the_axe_harness_does_report_a_violation(browser, base_url):
    """Guards the test above: an empty result must mean a clean page, not a silent axe."""
    resident = Resident(browser, base_url, axe=True)
    try:
        resident.goto("/en/")
        resident.page.evaluate("document.querySelector('html').removeAttribute('lang')")
        resident.arrived()
        assert any("html-has-lang" in violation for violation in resident.violations)
    finally:
        resident.close()


def test_the_width_check_does_report_a_page_wider_than_the_window(browser, base_url):
    """Guards the axe test's width check: in Arabic, text hidden 999em to the left once
    made every page 17,000 px wide."""
    resident = Resident(browser, base_url, lang="ar")
    try:
        resident.goto("/ar/")
        assert resident.too_wide == []
        resident.page.evaluate("(() => { const wide = document.createElement('div');"
                               " wide.style.width = '3000px'; wide.style.height = '1em';"
                               " document.querySelector('main').append(wide); })()")
        resident.arrived()
        assert resident.too_wide == [f"{resident.page.url} at 390 px"]
    finally:
        resident.close()


def test_pressing_escape_three_times_leaves_the_site_and_forgets_the_answers(browser, base_url):
    resident = Resident(browser, base_url)
    try:
        resident.start()
        resident.answer("county", "Fresno")
        for _ in range(3):
            resident.page.keyboard.press("Escape")
        resident.page.wait_for_url("**/elsewhere**")  # LEAVE_TO: tests never leave 127.0.0.1
        resident.goto("/en/conviction/1/section")
        assert resident.page.url.endswith("/conviction/1/county")
    finally:
        resident.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_remove_asks_first_and_no_keeps_the_conviction(browser, base_url, javascript):
    resident = Resident(browser, base_url, javascript=javascript)
    try:
        resident.start()
        resident.conviction(NOT_ELIGIBLE)
        resident.page.click("a.remove-link")
        resident.arrived()
        assert resident.page.url.endswith("/en/convictions/1/remove")
        resident.page.click("text=No, keep it")
        assert resident.page.url.endswith("/en/convictions")
        resident.page.click("a.remove-link")
        resident.page.click("text=Yes, remove it")
        assert resident.page.url.endswith("/en/")
    finally:
        resident.close()


def test_the_timeout_warning_comes_5_minutes_before_the_end_and_keeps_the_answers(
        browser, base_url):
    resident = Resident(browser, base_url, axe=True)
    try:
        resident.page.clock.install()
        resident.start()
        resident.conviction(NOT_ELIGIBLE)
        warning = resident.page.locator("#timeout-warning")
        assert warning.is_hidden()
        resident.page.clock.fast_forward("25:01")
        warning.wait_for(state="visible")
        resident.arrived()  # axe on the page with the warning showing
        with resident.page.expect_response(lambda response: "/still-here" in response.url):
            resident.page.click("#keep-answers")
        warning.wait_for(state="hidden")
        assert not resident.violations, "\n".join(resident.violations)
    finally:
        resident.close()


def test_without_javascript_the_page_says_when_the_answers_will_be_deleted(browser, base_url):
    resident = Resident(browser, base_url, javascript=False)
    try:
        resident.start()
        resident.conviction(NOT_ELIGIBLE)
        notice = resident.page.locator("#timeout-notice")
        assert "California time" in notice.inner_text()
        assert resident.page.locator("#timeout-warning").is_hidden()
    finally:
        resident.close()
