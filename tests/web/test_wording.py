"""What a person reads (issue 10): verbs that match the outcome, one list of steps on the
result page, the papers page and in the packet, links for every "ask", and no dead ends."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from petition.counties import find_county
from petition.resources import resource
from tests.web.helpers import answer_all, finish, post_form, token
from tests.web.page_checks import visible_text

LANGS = ["en", "es"]
GIFT = {"county": "Fresno", "section": "11360", "offense_date": "2012-03-27", "level": "felony",
        "age_at_offense": "30", "amount_grams": "10", "for_sale": "no", "sold_to_minor": "no",
        "sentence_status": "completed"}
REDUCTION = {"county": "Fresno", "section": "11359", "offense_date": "2012-03-27",
             "level": "felony", "sold_to_minor": "no", "hired_under_21": "no",
             "superstrike": "no", "pc290": "no", "prior_same_section": "0",
             "sentence_status": "completed"}
SF_POSSESSION_2012 = {"county": "San Francisco", "section": "11357", "offense_date": "2012-05-01",
                      "level": "infraction", "age_at_offense": "30", "amount_grams": "10",
                      "sentence_status": "completed"}
UNKNOWN = {"county": "unknown", "section": "unknown"}
JUVENILE = {**GIFT, "juvenile": "yes", "age_at_offense": "16"}
DETAILS = {"first_name": "Ana", "last_name": "Pérez", "street": "1 Main St", "city": "Fresno",
           "state": "CA", "zip": "93721", "phone": "", "email": "", "case_number-1": "F1"}


def court_link(county: str) -> str:
    """The county's court website where the data has one, else the statewide Find your court."""
    return find_county(county).contacts.court_website or resource("find_court").url


def result_html(client, lang, *rows):
    for number, row in enumerate(rows, 1):
        if number > 1:
            post_form(client, f"/{lang}/convictions", {"add_another": "yes"})
        answer_all(client, lang, row, number=number)
        check = client.get(f"/{lang}/conviction/{number}/check")
        client.post(f"/{lang}/conviction/{number}/check",
                    data={"csrf_token": token(check.get_data(True))})
    response = finish(client, lang, number=len(rows))
    assert response.status_code == 200
    return response.get_data(True)


def section(html: str, css_class: str) -> str:
    start = html.index(f'class="{css_class}"')
    return html[start:html.index("</section>", start)]


def step_headings(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", heading).strip() for heading in re.findall(
        r'class="usa-process-list__heading">(.*?)</h\d>', html)]


@pytest.mark.parametrize("lang", LANGS)
def test_a_reduction_never_says_clear_or_erase(client, lang):
    card = section(result_html(client, lang, REDUCTION), "result-card")
    assert 'data-outcome="reduce_to_misdemeanor"' in card
    # "Clear and convincing evidence" is the law's standard of proof, not a promise.
    words = visible_text_of(card).lower().replace("clear and convincing", "")
    for word in ("clear", "erase", "borrar", "limpi"):
        assert word not in words, word
    assert ("reduce" in words) if lang == "en" else ("reduc" in words)


@pytest.mark.parametrize("lang, title", [("en", "Dismiss or reduce an old cannabis conviction"),
                                         ("es", "Desestimar o reducir una condena antigua")])
def test_the_site_name_and_start_page_promise_no_erasing(client, lang, title):
    html = client.get(f"/{lang}/").get_data(True)
    assert title in html
    header = html[html.index("site-header__name"):html.index("</a>", html.index(
        "site-header__name"))].lower()
    assert "clear" not in header and "borr" not in header


@pytest.mark.parametrize("lang, words", [
    ("en", ["Before you start", "case number", "10 minutes", "Start now"]),
    ("es", ["Antes de empezar", "número de caso", "10 minutos", "Empezar ahora"]),
])
def test_the_start_page_says_what_to_have_before_starting(client, lang, words):
    html = client.get(f"/{lang}/").get_data(True)
    for word in words:
        assert word in html
    assert html.index("usa-button--big") < html.index("Before you start" if lang == "en"
                                                      else "Antes de empezar")


def test_the_steps_agree_on_the_result_page_the_papers_page_and_the_packet(client):
    result = step_headings(section(result_html(client, "en", GIFT), "next-steps-section"))
    assert result == ["Check if it was already done", "Print, fill in and sign your papers",
                      "Make copies", "Have someone give a copy to the prosecutor",
                      "File your papers with the court"]
    post_form(client, "/en/details", DETAILS)
    post_form(client, "/en/choices", {"waive_original_judge": "yes", "waive_appearance": "yes"})
    papers = client.get("/en/papers").get_data(True)
    assert step_headings(section(papers, "next-steps-section")) == result
    pdf = client.get(re.search(r'href="(/en/papers/[^"]+)"', papers).group(1)).data
    text = " ".join(" ".join(page.extract_text().split())
                    for page in PdfReader(io.BytesIO(pdf)).pages[:3])
    positions = [text.index(f"Step {number}. {heading}")
                 for number, heading in enumerate(result, 1)]
    assert positions == sorted(positions)


@pytest.mark.parametrize("lang", LANGS)
def test_the_prosecutor_is_served_before_the_papers_are_filed(client, lang):
    steps = section(result_html(client, lang, GIFT), "next-steps-section")
    assert steps.index('data-step="serve"') < steps.index('data-step="file"')
    assert "proof of service" in steps or "prueba de entrega" in steps


@pytest.mark.parametrize("lang", LANGS)
def test_every_ask_has_a_link_and_every_link_is_well_formed(client, lang):
    html = result_html(client, lang, GIFT)
    steps = section(html, "next-steps-section")
    links = re.findall(r'<a class="usa-link" href="([^"]+)"', steps)
    assert links and all(re.fullmatch(r"https://[\w.-]+(/[\w./-]*)?|tel:\+?\d+", url)
                         for url in links)
    for needed in (court_link(GIFT["county"]), resource("doj_record_review").url, "FW-001"):
        assert needed in steps


@pytest.mark.parametrize("lang, words", [
    ("en", "In 2012 this was an infraction (like a traffic ticket). The automatic reviews did "
           "not cover infractions, so you need to apply yourself."),
    ("es", "En 2012 esto era una infracción (como una multa de tránsito)."),
])
def test_san_francisco_2012_possession_says_why_it_was_not_automatic(client, lang, words):
    html = result_html(client, lang, SF_POSSESSION_2012)
    assert 'data-automatic="none"' in html
    assert words in html


def test_a_statewide_result_says_when_the_review_was_due_and_how_to_check(client):
    html = result_html(client, "en", GIFT)
    assert 'data-automatic="statewide"' in html
    assert "due to finish in 2023" in html
    assert "BCIA 8016RR" in html and "If it was not, go on to the next step" in html


@pytest.mark.parametrize("lang, words", [
    ("en", ["Get your record", "Find the county", "Get free legal help", "lawhelpca.org",
            "Live Scan", "fee waiver"]),
    ("es", ["Obtenga sus antecedentes", "Encuentre el condado", "Obtenga ayuda legal gratis",
            "lawhelpca.org", "Live Scan", "exención de cuotas"]),
])
def test_we_cannot_tell_yet_says_how_to_find_out(client, lang, words):
    html = result_html(client, lang, UNKNOWN)
    assert 'data-outcome="needs_review"' in html
    for word in words:
        assert word in html
    # Never "ask the court clerk" without saying which court.
    card = visible_text_of(section(html, "result-card"))
    assert "court clerk can tell" not in card


@pytest.mark.parametrize("lang, words", [
    ("en", ["juvenile adjudication", "juvenile court request (form JV-744)",
            "juvenile court clerk"]),
    ("es", ["tribunal de menores", "JV-744", '<span lang="en">']),
])
def test_the_juvenile_path_speaks_juvenile(client, lang, words):
    html = result_html(client, lang, JUVENILE)
    for word in words:
        if word.startswith("<span") and lang == "es":
            assert "(juvenile adjudication)" in html
            continue
        assert word in html


def test_a_juvenile_card_never_speaks_of_a_conviction_or_a_sentence(client):
    juvenile_felony = {**JUVENILE, "section": "11359", "level": "felony",
                       "sold_to_minor": "no", "hired_under_21": "no"}
    card = visible_text_of(section(result_html(client, "en", juvenile_felony), "result-card"))
    assert "Juvenile case 1" in card and "the juvenile court found true" in card
    # The card's own words: after its attributes, before the statute's own text it quotes.
    words = card.split("data-track=")[-1].split("The law we used")[0]
    assert "onvict" not in words and "sentence" not in words


@pytest.mark.parametrize("lang", LANGS)
def test_several_convictions_start_with_a_summary_of_what_the_papers_cover(client, lang):
    html = result_html(client, lang, GIFT, UNKNOWN)
    summary = html[html.index('class="result-summary"'):html.index('class="result-card"')]
    assert 'href="#conviction-1"' in summary and 'href="#conviction-2"' in summary
    covered = "Your papers will cover" if lang == "en" else "Sus papeles incluirán"
    assert covered in summary
    assert summary.index(covered) > summary.index("#conviction-2")


@pytest.mark.parametrize("lang, reason", [
    ("en", "You sold or gave cannabis to someone under 18, so this stays a felony "
           "(HS 11360(a)(3)(C))."),
    ("es", "Usted vendió o dio cannabis a alguien menor de 18 años; por eso, esto sigue siendo "
           "delito grave (felony) (HS 11360(a)(3)(C))."),
])
def test_the_reason_leads_with_the_persons_own_facts_then_the_citation(client, lang, reason):
    html = result_html(client, lang, {**GIFT, "sold_to_minor": "yes"})
    assert 'data-outcome="not_eligible"' in html
    # Spacing aside: inline tags (the marked section) add spaces in the extracted text.
    assert reason.replace(" ", "") in visible_text_of(html).replace(" ", "")
    if lang != "en":  # the section stays English, marked so, and isolated from the sentence
        assert '<span lang="en" dir="ltr">HS 11360(a)(3)(C)</span>' in html


def test_the_reasons_say_nothing_twice(client):
    html = result_html(client, "en", {**GIFT, "for_sale": "unknown"})
    card = section(html, "result-card")
    assert card.count("The law presumes you qualify") == 1


def test_los_angeles_shows_its_own_district_attorney_program(client):
    html = result_html(client, "en", {**GIFT, "county": "Los Angeles"})
    assert "Los Angeles County District Attorney also ran its own review" in html


@pytest.mark.parametrize("lang", LANGS)
def test_the_print_view_has_the_outcome_the_presumptions_and_the_links_written_out(client, lang):
    result_html(client, lang, {**GIFT, "for_sale": "unknown"})
    html = client.get(f"/{lang}/result/print").get_data(True)
    assert 'data-outcome="dismiss_and_seal"' in html
    assert court_link(GIFT["county"]) in visible_text_of(html)
    assert ("What we presumed" if lang == "en" else "Lo que presumimos") in html
    assert step_headings(html)[0] == ("Check if it was already done" if lang == "en"
                                      else "Revise si ya se hizo")


def test_the_print_view_without_answers_starts_the_questions(client):
    assert client.get("/en/result/print").headers["Location"].endswith("/en/conviction/1")


def test_remove_asks_first_and_keeps_the_conviction_until_confirmed(client):
    answer_all(client, "en", GIFT)
    page = client.get("/en/convictions/1/remove")
    assert "Remove this conviction?" in page.get_data(True)
    with client.session_transaction() as session:
        assert len(session["convictions"]) == 1
    response = client.post("/en/convictions/1/remove",
                           data={"csrf_token": token(page.get_data(True))})
    assert response.headers["Location"].endswith("/en/")


def test_a_remove_page_for_a_conviction_that_does_not_exist_goes_back(client):
    answer_all(client, "en", GIFT)
    assert client.get("/en/convictions/9/remove").status_code == 302


@pytest.mark.parametrize("lang, words", [("en", "California time if you do nothing"),
                                         ("es", "hora de California")])
def test_pages_with_answers_say_when_they_will_be_deleted(client, lang, words):
    assert "timeout-notice" not in client.get(f"/{lang}/").get_data(True)
    answer_all(client, lang, GIFT)
    assert words in client.get(f"/{lang}/").get_data(True)


def test_keep_my_answers_renews_the_session(client):
    answer_all(client, "en", GIFT)
    response = client.get("/en/still-here")
    assert response.status_code == 204
    assert client.get_cookie("session") is not None


@pytest.mark.parametrize("lang", LANGS)
def test_the_grams_hint_explains_common_amounts(client, lang):
    from tests.web.helpers import reach

    html = reach(client, lang, "amount_grams", {**GIFT, "amount_grams": "unknown"}).get_data(True)
    assert "28.35" in html and "3.5" in html


def visible_text_of(fragment: str) -> str:
    import html5lib

    return visible_text(html5lib.parse(f"<div>{fragment}</div>"))
