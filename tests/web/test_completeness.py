"""law.md E7 through the site: a resident who answers only what the interview asks (from a
random conviction's facts, some blank, dates sometimes only a year or a month) reaches the
outcome and automatic status the engine gives with every fact (the command line's answer)."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, assume, given, settings

from petition import create_app
from petition.facts import FactsError, parse_conviction
from petition.rules.engine import evaluate
from petition.web.scripted_resident import FlaskClientHTTP, Interview, outcomes_of, web_row
from tests.rules.test_completeness import rows
from tests.web.page_checks import CheckedClient

APP = create_app({"TESTING": True, "SECRET_KEY": "test-secret-key"})
APP.test_client_class = CheckedClient


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(rows())
def test_the_site_asks_everything_that_changes_the_answer(full):
    full = web_row({**full, "case_id": "random"})
    try:
        everything = evaluate(parse_conviction(full, date.today()), date.today())
    except FactsError:
        assume(False)
    _path, html = Interview(FlaskClientHTTP(APP.test_client()), "en").result_for([full])
    (shown,) = outcomes_of(html)
    assert (shown["outcome"], shown["automatic"]) == (everything.outcome, everything.automatic)
