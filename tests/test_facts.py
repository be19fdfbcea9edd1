"""Reading facts from CSV and form values: spellings accepted, mistakes explained."""

from datetime import date

import pytest

from petition.facts import FactsError, Section, parse_conviction, parse_section

TODAY = date(2026, 11, 26)


@pytest.mark.parametrize("text, section", [
    ("11357(b)", Section("HS", "11357", ("b",))),
    ("HS 11357", Section("HS", "11357")),
    ("H&S 11359(b)", Section("HS", "11359", ("b",))),
    ("HSC 11360(a)(2)", Section("HS", "11360", ("a", "2"))),
    ("hsc 11360 (a) (2)", Section("HS", "11360", ("a", "2"))),
    ("H.S. 11358", Section("HS", "11358")),
    ("Health and Safety Code § 11357(c)", Section("HS", "11357", ("c",))),
    ("11360(a)(3)(D)", Section("HS", "11360", ("a", "3", "D"))),
    ("11357b", Section("HS", "11357", ("b",))),
    ("11357(b) HS", Section("HS", "11357", ("b",))),
    ("VC 23222(b)", Section("VC", "23222", ("b",))),
    ("PC 1203.4", Section("PC", "1203.4")),
    ("Penal Code 1203.4", Section("PC", "1203.4")),
    ("B&P 4060", Section("BP", "4060")),
    ("HS 11379.6", Section("HS", "11379.6")),
    ("unknown", None),
    ("", None),
])
def test_usual_spellings_of_a_section_are_understood(text, section):
    assert parse_section(text) == section


@pytest.mark.parametrize("text", [
    "banana", "11357(z)", "11360(a)(9)", "XY 11357", "HS", "=1+1", "11357(b) PC HS",
    "1" * 30, "HS 11357(a)(2)(Z)",
])
def test_text_that_is_not_a_code_section_is_an_error(text):
    with pytest.raises(ValueError, match="section"):
        parse_section(text)


def test_covered_section_knows_it_is_covered_and_prints_its_name():
    assert parse_section("h&s 11359(b)").is_covered
    assert not parse_section("VC 11357").is_covered
    assert str(parse_section("hsc 11360(a)(2)")) == "HS 11360(a)(2)"


def problems_of(**row) -> str:
    with pytest.raises(FactsError) as caught:
        parse_conviction({"section": "11359", **row}, TODAY)
    return str(caught.value)


@pytest.mark.parametrize("row, message", [
    ({"offense_date": "2010-13-45"},
     "offense_date '2010-13-45' is not a date: use YYYY-MM-DD"),
    ({"conviction_date": "03/04/2010"}, "conviction_date '03/04/2010' is not a date"),
    ({"offense_date": "20100101"}, "offense_date '20100101' is not a date"),
    ({"age_at_offense": "-3"}, "age_at_offense -3 is out of range"),
    ({"age_at_offense": "250"}, "age_at_offense 250 is out of range"),
    ({"age_at_offense": "twenty"}, "age_at_offense 'twenty' is not a whole number"),
    ({"age_at_offense": "25.5"}, "age_at_offense '25.5' is not a whole number"),
    ({"amount_grams": "-1"}, "amount_grams '-1' is out of range"),
    ({"amount_grams": "1e99"}, "amount_grams '1e99' is not a number of grams"),
    ({"amount_grams": "nan"}, "amount_grams 'nan' is not a number of grams"),
    ({"plants": "3.7"}, "plants '3.7' is not a whole number"),
    ({"prior_same_section": "1000"}, "prior_same_section 1000 is out of range"),
    ({"county": "Gotham"}, "county 'Gotham' is not a California county"),
    ({"level": "capital"}, "level 'capital' is not one of"),
    ({"for_sale": "maybe"}, "for_sale 'maybe' is not one of"),
    ({"sentence_status": "paroled"}, "sentence_status 'paroled' is not one of"),
    ({"case_id": "x" * 5000}, "case_id is 5,000 characters long"),
    ({"offense_date": "2030-01-01"}, "offense_date 2030-01-01 is in the future"),
    ({"offense_date": "2010-05-01", "conviction_date": "2010-04-01"},
     "conviction_date 2010-04-01 is before offense_date 2010-05-01"),
    ({"juvenile": "yes", "age_at_offense": "18"}, "juvenile is yes but age_at_offense is 18"),
    ({"section": "11357(b)", "amount_grams": "40", "offense_date": "2012-01-01"},
     "section HS 11357(b) means 28.5 g or less, but amount_grams is 40"),
    ({"section": "11357(c)", "amount_grams": "28.5"}, "means more than 28.5 g"),
    ({"section": "11357(a)", "concentrated": "no"}, "means concentrated cannabis"),
    ({"section": "11357(d)", "school_grounds": "no"}, "means possession on school grounds"),
    # law.md E3: on school grounds was old (d) or (e), never (b).
    ({"section": "11357(b)", "school_grounds": "yes", "offense_date": "2009-01-01"},
     "means possession away from school grounds, but school_grounds is yes"),
    ({"section": "11357(d)", "juvenile": "yes"}, "means a person 18 or older, but juvenile is yes"),
    ({"offense_date": "2016", "conviction_date": "2015-12"},
     "conviction_date 2015-12 is before offense_date 2016"),
    ({"offense_date": "2016-13"}, "offense_date '2016-13' is not a date"),
    ({"section": "11357(d)", "age_at_offense": "16"}, "means a person 18 or older"),
    ({"section": "11357(e)", "age_at_offense": "30"}, "means a person under 18"),
    ({"section": "11360(b)", "for_sale": "yes"}, "not selling, but for_sale is yes"),
    ({"section": "11360(b)", "concentrated": "yes"}, "other than concentrated"),
    ({"section": "11360(a)", "interstate": "yes", "amount_grams": "28.5", "concentrated": "no"},
     "interstate is yes, which means more than 28.5 g, but amount_grams is 28.5"),
    ({"section": "11360(a)", "interstate": "yes", "amount_grams": "3"},
     "which means more than 4 g (4 g concentrated)"),
    ({"section": "11360(b)", "interstate": "yes"}, "but interstate is yes"),
    # The interstate column means more than 28.5 g whatever the numbering (design.md).
    ({"section": "11360(b)", "interstate": "yes", "amount_grams": "4",
      "offense_date": "2017-03-01"},
     "interstate is yes, which means more than 4 g"),
    ({"section": "11357(b)", "amount_grams": "28.5000001"}, "amount_grams is 28.5000001"),
    ({"amount_grams": "28,5"}, "amount_grams '28,5' is not a number of grams"),
    ({"plants": "6,5"}, "plants '6,5' is not a whole number"),
])
def test_a_value_that_cannot_be_understood_or_be_true_is_explained(row, message):
    assert message in problems_of(**row)


def test_every_problem_of_a_row_is_reported_at_once():
    problems = problems_of(offense_date="2010-13-45", plants="many", county="Atlantis")
    assert "offense_date" in problems and "plants" in problems and "county" in problems


@pytest.mark.parametrize("county", ["San Francisco", "san francisco", "SAN FRANCISCO COUNTY",
                                    "County of San Francisco", " San  Francisco "])
def test_county_names_are_read_in_any_case_with_or_without_county(county):
    facts = parse_conviction({"section": "11359", "county": county}, TODAY)
    assert facts.county.name == "San Francisco"


def test_empty_and_unknown_values_are_unknown_facts():
    facts = parse_conviction({"section": "11359", "for_sale": "unknown", "amount_grams": "",
                              "level": "Unknown", "offense_date": ""}, TODAY)
    assert (facts.for_sale, facts.amount_grams, facts.level, facts.offense_date) == (
        None, None, None, None)


def test_grams_may_carry_a_unit_and_thousands_separator():
    assert parse_conviction({"section": "11359", "amount_grams": "1,200 g"}, TODAY
                            ).amount_grams == 1200


def test_the_column_readers_follow_the_order_of_the_facts():
    """parse_conviction builds the named tuple by position, for speed."""
    from petition.facts import READ_AND_FORGET, ConvictionFacts

    order = ["section", "case_id", "county", "case_number",
             *(column for column, _ in READ_AND_FORGET.after_county)]
    assert order == list(ConvictionFacts._fields)


def test_the_site_reads_without_keeping_what_people_typed():
    """Only batches remember recent values (for speed); a form's values outlive no request."""
    from petition.facts import READ_AND_FORGET, READ_AND_REMEMBER

    assert not any(hasattr(read, "cache_info") for _, read in READ_AND_FORGET.all())
    assert any(hasattr(read, "cache_info") for _, read in READ_AND_REMEMBER.all())


@pytest.mark.parametrize("text, grams", [
    ("28.5", 28.5), ("28.5g", 28.5), ("28.5 grams", 28.5), ("1 oz", 28.349523125),
    ("2 lb", 907.18474), ("1.5 kg", 1500.0), (".5", 0.5),
])
def test_amounts_may_carry_a_unit(text, grams):
    facts = parse_conviction({"section": "11359", "amount_grams": text}, TODAY)
    assert facts.amount_grams == pytest.approx(grams)


@pytest.mark.parametrize("text", ["5 tons", "lots", "1e99", "--3"])
def test_an_amount_with_an_unknown_unit_is_an_error(text):
    assert "amount_grams" in problems_of(amount_grams=text)


@pytest.mark.parametrize("text, status", [
    ("probation", "serving"), ("Parole", "serving"), ("jail", "serving"),
    ("done", "completed"), ("Completed", "completed"), ("", None),
])
def test_sentence_status_accepts_the_words_records_use(text, status):
    assert parse_conviction({"section": "11359", "sentence_status": text}, TODAY
                            ).sentence_status == status
