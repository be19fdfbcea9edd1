"""The format's variations (format.md), one element at a time, and invented records of our own
for what the shared samples do not show: count ranges, subdivision spellings, H&S, charges in
comments, relief already granted, unknown courts and heavy OCR noise."""

from datetime import date
from pathlib import Path

import pytest

from petition.places import county_of_place
from petition.rapsheet import read_record
from petition.rapsheet.charges import is_cannabis, read_charge
from petition.rapsheet.convictions import cannabis_convictions, update_type
from petition.rapsheet.model import disposition_kind
from petition.rapsheet.noise import as_date
from petition.rapsheet.parser import separator_kind
from petition.rapsheet.sentences import read_sentence

RECORDS = Path(__file__).parent / "records"


def convictions(name: str) -> list[dict]:
    return [c.as_dict() for c in cannabis_convictions(read_record((RECORDS / name).read_text()))]


@pytest.mark.parametrize("line, normalized", [
    ("11357 HS-POSSESS MARIJUANA", "HS 11357"),
    ("11359(B) HS-POSSESS CANNABIS FOR SALE", "HS 11359(b)"),
    ("11360 (A) HS-TRANSPORT/SELL MARIJUANA", "HS 11360(a)"),
    ("11358(C)HS-CULTIVATE MARIJUANA", "HS 11358(c)"),
    ("11357( c )HS-POSS", "HS 11357(c)"),
    ("11357(C)(1) HS-POSS", "HS 11357(c)(1)"),
    ("11357 (B) (2) H&S-POSS", "HS 11357(b)(2)"),
    ("11357(B) H & S-POSS", "HS 11357(b)"),
    ("11357.C HS-POSS", "HS 11357(c)"),
    ("11357C HS-POSS", "HS 11357(c)"),
    ("11357[C] HS-POSS", "HS 11357(c)"),
    ("1136O(A) HS-TRANSPORT", "HS 11360(a)"),
    ("l1357 HS-POSS", "HS 11357"),
    ("11362.3(A)(1) HS-SMOKE IN PUBLIC", "HS 11362.3(a)(1)"),
    ("496.1 PC-RECEIVE KNOWN STOLEN PROPERTY TOC:F", "PC 496.1"),
    ("496,1 PC-RECEIVE KNOWN STOLEN PROPERTY", "PC 496.1"),
    ("288A PC-SOMETHING", "PC 288a"),
])
def test_charge_lines_are_read_in_every_spelling_format_md_describes(line, normalized):
    charge, _ = read_charge(line)
    assert charge.normalized == normalized


@pytest.mark.parametrize("line, cannabis", [
    ("11357 HS-POSSESS MARIJUANA", True),
    ("11357.5 HS-SYNTHETIC CANNABINOID", False),
    ("11362.3(A)(1) HS-SMOKE IN PUBLIC", False),
    ("11350 HS-POSSESS NARCOTIC", False),
    ("11357 VC-NOT HEALTH AND SAFETY", False),
    ("113570 HS-NOT A SECTION", False),
])
def test_cannabis_is_the_exact_base_section_under_the_health_and_safety_code(line, cannabis):
    charge, _ = read_charge(line)
    assert is_cannabis(charge) is cannabis


def test_a_description_is_never_read_as_a_charge():
    assert read_charge("POSSESS MARIJUANA FOR SALE") is None


@pytest.mark.parametrize("token, expected", [
    ("20090302", date(2009, 3, 2)),
    ("2OO7O612", date(2007, 6, 12)),
    ("2Ol2O3O1", date(2012, 3, 1)),
    ("20040.102", date(2004, 1, 2)),
    ("20090002", None),  # month 00 is dropped, not guessed
    ("OOOOOOOO", None),  # too few real digits to be a date
])
def test_dates_tolerate_ocr_letters_and_stray_periods(token, expected):
    found = as_date(token)
    assert (found[0] if found else None) == expected


@pytest.mark.parametrize("line, kind", [
    ("* * * *", "cycle"), ("* * *", "cycle"), ("*. * * *", "cycle"), ("* ·* * *", "cycle"),
    ("* * * * * * * * * * *", "banner"), ("**   POTENTIAL FELONY STRIKE ENTRY   **", "banner"),
    ("* * * END OF MESSAGE * * *", "end"), ("   *    *   END OF MESSAGE    *  *", "end"),
    ("- - - -", "event"), ("- '- -- --", "event"), ("-ATTEMPTED", None),
    ("11357 HS-POSSESS", None),
])
def test_separators_are_told_apart(line, kind):
    assert separator_kind(line) == kind


@pytest.mark.parametrize("text, kind", [
    ("CONVICTED", "convicted"), ("CO N VI CTE D", "convicted"), ("COMVICTED", "convicted"),
    ("DISMISSED", "dismissed"), ("1385 PC-DISMISSED/FURTHERANCE OF JUSTICE", "dismissed"),
    ("DISMISSSED", "dismissed"), ("PROS REJ-INSUFFICIENT EVIDENCE", "other"),
    ("RELEASED/DETENTION ONLY", "other"),
])
def test_dispositions_are_classified_with_ocr_spacing(text, kind):
    assert disposition_kind(text) == kind


@pytest.mark.parametrize("text, kind", [
    ("DISPO:CONV SET ASIDE & DISM PER 1203.4 PC", "pc1203_dismissed"),
    ("DISPO:SENTENCE MODIFIED", "sentence_modified"),
    ("DISPO:PROBATION REVOKED", "probation_revoked"),
    ("DISPO:REDUCED TO MISDEMEANOR", "reduced"),
    ("DISPO:RECALLED/RESENTENCED PER 11361.8 HS", "prop64_relief"),
    ("DISPO:REDESIGNATED 11361,8 HS", "prop64_relief"),
    ("DISPO:RELIEF GRANTED PER PROP 64", "prop64_relief"),
    ("DISPO:DISMISSED AND SEALED PER HS 1136l.8", "prop64_relief"),
    ("DISPO:RELIEF GRANTED", "record_relief"),
    ("DISPO:PAROLED", "other"),
])
def test_later_events_are_classified_by_keyword(text, kind):
    assert update_type(text) == kind


@pytest.mark.parametrize("text, probation, jail, prison, other", [
    ("036 MONTHS PROBATION, 120 DAYS JAIL, FINE, IMP SEN SS", (36, "months"), (120, "days"),
     None, ["FINE", "IMP SEN SS"]),
    ("O36 MONTHS PROBATION, 12O DAYS JAIL", (36, "months"), (120, "days"), None, []),
    ("3 YR PROB, 6 MO JL WORK, $500 FINE", (3, "years"), (6, "months"), None, ["$500 FINE"]),
    ("PROBATION", (None, None), None, None, []),
    ("016 MONTHS PRISON", None, None, (16, "months"), []),
    ("1 YR PRISON SS, 2 YEARS PROBATION", (2, "years"), None, None, ["1 YR PRISON SS"]),
])
def test_sentences_are_split_into_kinds_and_lengths(text, probation, jail, prison, other):
    sentence, _ = read_sentence(text)
    as_pair = lambda d: (d.amount, d.unit) if d else None  # noqa: E731
    assert (as_pair(sentence.probation), as_pair(sentence.jail), as_pair(sentence.prison),
            sentence.other) == (probation, jail, prison, other)


@pytest.mark.parametrize("place, county", [
    ("SONOMA", "Sonoma"), ("SANTA ROSA", "Sonoma"), ("LOS ANGELES METRO", "Los Angeles"),
    ("SF JUV DELINQUENCY", "San Francisco"), ("HAYWARD", "Alameda"), ("YUBA CITY", "Sutter"),
    ("EL CAJON", "San Diego"), ("INDIO", "Riverside"), ("SAN FRANClSCO", "San Francisco"),
    ("SANFRANCISCO", "San Francisco"), ("ORANGE COVE", "Fresno"), ("ORANGE", "Orange"),
])
def test_court_and_city_names_lead_to_their_county(place, county):
    assert county_of_place(place).county == county


@pytest.mark.parametrize("place", ["NOWHERESVILLE", "HALL OF JUSTICE", "", "LAKE WOBEGON"])
def test_unknown_or_shared_place_names_give_no_county(place):
    assert county_of_place(place).county is None


def test_a_count_range_gives_one_conviction_per_count():
    rows = [c for c in convictions("range_and_comment.txt") if c["case_number"] == "SCE311842"]
    assert [(c["count"], c["count_label"]) for c in rows[:3]] == [
        (1, "001-003"), (2, "001-003"), (3, "001-003")]


def test_a_charge_in_a_comment_is_read_and_flagged():
    found = convictions("range_and_comment.txt")[3]
    assert (found["section_normalized"], found["code_as_printed"], found["charge_from_comment"],
            found["review_flags"]) == ("HS 11357(b)(2)", "H&S", "COM: CHRG 11357(B)(2) H&S",
                                       ["charge_from_comment"])


def test_internal_spaces_are_removed_from_case_numbers():
    assert convictions("range_and_comment.txt")[0]["case_number"] == "SCE311842"


def test_a_court_count_without_a_sentence_takes_the_cases_sentence_marked():
    found = convictions("range_and_comment.txt")[4]
    assert (found["sentence"]["source"], found["review_flags"]) == (
        "case", ["sentence_from_other_count"])


def test_relief_already_granted_under_11361_8_is_shown_and_flagged():
    found = convictions("prop64_granted.txt")
    assert [(c["prop64_relief_shown"], c["current_level"]) for c in found[:2]] == [
        (True, "M"), (True, "M")]
    assert all("prop64_wording_unconfirmed" in c["review_flags"] for c in found[:2])


def test_a_same_line_update_is_read():
    found = convictions("prop64_granted.txt")[1]
    assert found["later_events"][0]["date"] == "2020-01-01"


def test_an_unknown_court_name_leaves_the_county_empty_and_flagged():
    found = convictions("prop64_granted.txt")[3]
    assert (found["county"], found["review_flags"]) == (None, ["county_unknown"])


def test_heavy_ocr_noise_still_gives_the_convictions():
    found = convictions("ocr_noise.txt")
    assert [(c["county"], c["case_number"], c["conviction_date"], c["section_normalized"],
             c["level"]) for c in found] == [
        ("San Francisco", "RIF104427", "2007-09-14", "HS 11360(a)", "F"),
        ("San Mateo", "SM2211", "2011-01-18", "HS 11357(b)", "I"),
    ]


def test_ocr_fixes_are_flagged_and_the_sentence_amounts_repaired():
    found = convictions("ocr_noise.txt")[0]
    assert found["review_flags"][0] == "ocr_corrected"
    assert (found["sentence"]["probation"], found["sentence"]["jail"]) == (
        {"amount": 36, "unit": "months"}, {"amount": 120, "unit": "days"})


def test_a_description_broken_over_lines_is_joined():
    found = convictions("ocr_noise.txt")[0]
    assert found["charge_line"] == "11360(A) HS-TRANSPORT/SELL MARIJUANA FOR SALE"


def test_a_page_line_between_an_update_date_and_its_disposition_is_skipped():
    found = convictions("ocr_noise.txt")[0]
    assert (found["later_events"][0]["date"], found["dismissed_1203_4"]) == (
        "2012-03-01", True)


def test_the_header_survives_ocr_letters_in_dob_and_name_codes():
    record = read_record((RECORDS / "ocr_noise.txt").read_text())
    assert (record.person.dob, record.person.names) == (
        date(1980, 8, 30), {"01": "HOLLOWAY,JUNE", "02": "HOLLOWAY,J"})


def test_a_cii_consolidation_notice_does_not_hide_the_cii():
    text = ("** NOTICE: CII/12345678 IS BEING CONSOLIDATED INTO THIS RECORD\n"
            "CII/A55501234\nDOB/19840229 SEX/F RAC/WHITE\nNAM/01 QUILLAN,MAREN\n* * * *\n")
    assert read_record(text).person.cii == "A55501234"


def test_probation_in_the_header_is_not_an_event():
    text = ("CII/A55501234\nDOB/19840229 SEX/F\nNAM/01 QUILLAN,MAREN\n"
            "PROBATION:  EXP:20300101\n* * * *\nCOURT: NAM:01\n20200101 CASC FRESNO\n"
            "CNT:01 #F1\n  11359 HS-POSSESS\n*DISPO:CONVICTED\n CONV STATUS:FELONY\n")
    record = read_record(text)
    assert [event.kind for _, event in record.events()] == ["court"]


def test_an_event_after_a_lost_header_separator_still_counts():
    text = ("CII/A55501234\nNAM/01 QUILLAN,MAREN\nCOURT: NAM:01\n20200101 CASC FRESNO\n"
            "CNT:01 #F1\n  11359 HS-POSSESS\n*DISPO:CONVICTED\n CONV STATUS:FELONY\n")
    found = convictions_of_text(text)
    assert [(c["case_number"], c["review_flags"]) for c in found] == [
        ("F1", ["separator_missing"])]


def test_a_court_count_with_no_disposition_is_not_a_conviction():
    text = ("* * * *\nCOURT: NAM:01\n20200101 CASC FRESNO\nCNT:01 #F1\n  11359 HS-POSSESS\n")
    assert convictions_of_text(text) == []


def test_a_custody_event_echoing_a_case_is_not_a_conviction():
    text = ("* * * *\nCUSTODY:JAIL NAM:01\n20200101 CASO FRESNO\nCNT:01 #F1\n"
            "  11359 HS-POSSESS\n*DISPO:CONVICTED\n")
    assert convictions_of_text(text) == []


def convictions_of_text(text: str) -> list[dict]:
    return [c.as_dict() for c in cannabis_convictions(read_record(text))]


def test_a_lower_case_record_with_zeros_for_letters_in_tags_is_read():
    found = convictions("lowercase_noise.txt")
    assert [(c["county"], c["case_number"], c["count"], c["section_normalized"], c["level"])
            for c in found[:2]] == [("Alameda", "09M4471", 1, "HS 11357(c)", "M"),
                                    ("Alameda", "09M4471", 2, "HS 11357(c)", "M")]


def test_a_sustained_petition_in_juvenile_court_is_listed_as_juvenile_and_flagged():
    found = convictions("lowercase_noise.txt")[2]
    assert (found["county"], found["juvenile"], found["level"], found["review_flags"]) == (
        "San Francisco", True, None, ["juvenile_court", "level_unknown"])
