"""The clinic workspace in a real browser: upload, results, filters, axe-core, layout."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.web.test_browser import AXE, base_url, browser  # noqa: F401 (fixtures)
from tests.web.test_clinic import PEOPLE_CSV

pytestmark = pytest.mark.browser


def axe_violations(page) -> list[str]:
    page.evaluate(AXE.read_text())
    return page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']}))"
        ".violations.map(v => v.id + ': ' + v.nodes.map(n => n.target).join(' '))")


@pytest.mark.parametrize(("lang", "width", "javascript"),
                         [("en", 1280, True), ("es", 390, True), ("en", 1280, False)])
def test_a_clinic_uploads_a_file_and_sees_every_row(browser, base_url, tmp_path, lang,  # noqa: F811
                                                     width, javascript):
    spreadsheet = tmp_path / "clients.csv"
    spreadsheet.write_text(PEOPLE_CSV)
    context = browser.new_context(viewport={"width": width, "height": 900},
                                  java_script_enabled=javascript)
    page = context.new_page()
    try:
        page.goto(f"{base_url}/{lang}/clinic")
        assert axe_violations(page) == [] if javascript else True
        page.set_input_files("#file", str(spreadsheet))
        page.locator("form.clinic-upload button[type=submit]").click()
        page.wait_for_selector("tr.clinic-row")
        outcomes = page.eval_on_selector_all(
            "tr.clinic-row", "rows => rows.map(r => [r.dataset.caseId, r.dataset.outcome "
            "|| 'error'])")
        assert dict(outcomes) == {"A1": "dismiss_and_seal", "A2": "dismiss_and_seal",
                                  "B1": "dismiss_and_seal", "B2": "error"}
        if javascript:
            assert axe_violations(page) == []
        # The page never scrolls sideways; the table scrolls in its own box.
        assert page.evaluate("document.documentElement.scrollWidth <= "
                             "document.documentElement.clientWidth")
        # The "needs a person" filter works without a script: only B2 and the presumed A2.
        page.locator("a[href='#show-needs-person']").click()
        shown = page.eval_on_selector_all(
            "tr.clinic-row", "rows => rows.filter(r => getComputedStyle(r).display !== 'none')"
            ".map(r => r.dataset.caseId)")
        assert shown == ["A2", "B2"]
    finally:
        context.close()


RAP_SHEET = (Path(__file__).resolve().parents[1] / "rapsheet" / "samples"
             / "01_simple_11357_misdemeanor.txt")


@pytest.mark.parametrize(("lang", "width", "javascript"),
                         [("en", 1280, True), ("es", 390, True), ("en", 390, False)])
def test_a_clinic_reads_a_rap_sheet_checks_it_and_screens_it(browser, base_url, lang,  # noqa: F811
                                                             width, javascript):
    context = browser.new_context(viewport={"width": width, "height": 900},
                                  java_script_enabled=javascript)
    page = context.new_page()
    try:
        page.goto(f"{base_url}/{lang}/clinic")
        page.fill("#record_text", RAP_SHEET.read_text())
        page.locator("form.clinic-rapsheet-upload button[type=submit]").click()
        page.wait_for_selector("#rows-0-section")
        if javascript:
            assert axe_violations(page) == []
        assert page.evaluate("document.documentElement.scrollWidth <= "
                             "document.documentElement.clientWidth")
        assert page.input_value("#rows-0-case_number") == "MCR-480512"
        page.select_option("#rows-0-level", "felony")
        page.fill("#rows-0-section", "HS 11359")
        page.locator("button[name=action][value=screen]").click()
        page.wait_for_selector("tr.clinic-row")
        outcomes = page.eval_on_selector_all(
            "tr.clinic-row", "rows => rows.map(r => [r.dataset.caseId, r.dataset.outcome])")
        assert dict(outcomes) == {"cycle1-count1": "reduce_to_misdemeanor"}
        if javascript:
            assert axe_violations(page) == []
    finally:
        context.close()


def test_the_papers_zip_downloads_with_a_count_of_the_papers_made(browser, base_url,  # noqa: F811
                                                                  tmp_path):
    import zipfile

    spreadsheet = tmp_path / "clients.csv"
    spreadsheet.write_text(PEOPLE_CSV)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    try:
        page.goto(f"{base_url}/en/clinic")
        page.set_input_files("#file", str(spreadsheet))
        page.locator("form.clinic-upload button[type=submit]").click()
        page.wait_for_selector("#packets-button")
        total = int(page.get_attribute("#packets-button", "data-packets"))
        with page.expect_download() as download:
            page.click("#packets-button")
        saved = tmp_path / download.value.suggested_filename
        download.value.save_as(saved)
        with zipfile.ZipFile(saved) as archive:
            assert len(archive.namelist()) == total
            assert all(archive.read(name).startswith(b"%PDF") for name in archive.namelist())
        assert page.is_visible("#packets-progress")
        assert page.text_content("#packets-count") == f"{total} / {total}"
        assert page.url.endswith("/en/clinic")  # the results stay on screen
    finally:
        context.close()
