"""Cannabis convictions as screening CSV rows (the columns of design.md), with the person's
details from the record's header, where each row came from, and what a person must check.

Only what the record shows is filled in. The RAP sheet has no offense date: the arrest date
is given in its own column and `offense_date` stays empty. Facts it never shows (amounts,
circumstances) stay unknown for the screening to presume or ask.
"""

from __future__ import annotations

import calendar
from datetime import date

from petition.rapsheet.convictions import (
    CannabisConviction,
    NoConvictionShown,
    cannabis_convictions,
    cannabis_non_convictions,
    iso,
)
from petition.rapsheet.model import Duration, Record

SCREENING_COLUMNS = (
    "case_id", "county", "case_number", "section", "level", "offense_date", "conviction_date",
    "age_at_offense", "amount_grams", "concentrated", "plants", "juvenile", "sentence_status",
    "for_sale", "school_grounds", "superstrike", "pc290", "prior_same_section",
    "sold_to_minor", "hired_under_21", "environmental_violation", "interstate",
)
ROW_COLUMNS = (*SCREENING_COLUMNS, "first_name", "last_name", "date_of_birth", "arrest_date",
               "relief_on_record", "source_line", "review")
UNKNOWN_FACTS = ("concentrated", "for_sale", "school_grounds", "superstrike", "pc290",
                 "sold_to_minor", "hired_under_21", "environmental_violation", "interstate")
LEVEL_WORDS = {"F": "felony", "M": "misdemeanor", "I": "infraction"}

# What a person must check, by review flag (plain words; the codes stay in review_flags).
FLAG_NOTES = {
    "sentence_from_other_count": "The sentence is printed under another count of this case; "
                                 "check that it applies to this count.",
    "charge_from_comment": "The charge was read from a comment line (SEE COMMENT FOR CHARGE).",
    "juvenile_court": "Juvenile court entry: a juvenile adjudication is not a criminal "
                      "conviction; the papers are different (JV-744).",
    "under_18_at_arrest": "The person was under 18 at the arrest.",
    "ocr_corrected": "Letters read as numbers or misread words were fixed in this entry "
                     "(scanned text); check it against the paper record.",
    "pc1170h_sentencing_line": "A PC 1170(h) sentencing line is printed with this count.",
    "county_unknown": "The court's place name is not in our list of places: find the "
                      "county by hand.",
    "county_close_spelling": "The county was matched from a close spelling of the court's "
                             "name; check it.",
    "level_from_toc": "No CONV STATUS line: the level is the charge type (TOC), which may "
                      "differ from the level of the conviction.",
    "level_unknown": "The level (felony, misdemeanor, infraction) is not shown.",
    "prop64_wording_unconfirmed": "The record seems to show relief already granted under "
                                  "HS 11361.8 (Prop 64): confirm it with the court; if so, no "
                                  "papers are needed.",
    "record_relief_wording_unconfirmed": "The record shows a 'relief granted' note; confirm "
                                         "what relief it was.",
    "update_under_last_count_only": "A later event is printed only under the last count of "
                                    "this case; it may apply to this count too.",
    "subdivision_from_letter": "The subdivision was read from a letter printed after the "
                               "section without brackets.",
    "attempted": "Marked as an attempt (PC 664).",
    "case_number_unknown": "No case number is printed for this court event.",
    "excluded_subdivision": "This subdivision (sale to minors or similar) may keep the "
                            "felony: check the facts.",
    "separator_missing": "The record's cycle separators were unreadable here; check that the "
                         "arrest and the court entry belong together.",
}
NO_OFFENSE_DATE = ("The record shows no offense date: the arrest date is not the offense "
                   "date, so offense_date is left empty.")
NO_CONVICTION = ("No conviction is shown for this charge. A missing court result is not proof "
                 "that there was no conviction: check with the court.")


def add_period(start: date, length: Duration) -> date:
    if length.unit == "days":
        return date.fromordinal(start.toordinal() + length.amount)
    months = length.amount * (12 if length.unit == "years" else 1)
    year, month = divmod(start.month - 1 + months, 12)
    year += start.year
    day = min(start.day, calendar.monthrange(year, month + 1)[1])
    return date(year, month + 1, day)


def sentence_status(conviction: CannabisConviction, today: date) -> tuple[str, str]:
    """`serving`, `completed` or `unknown`, and why; judged only from lengths and dates the
    record prints (never guessed)."""
    if conviction.dismissed_1203_4:
        return "completed", "dismissed under PC 1203.4, so probation was over"
    sentence, since = conviction.current_sentence
    if sentence is None or since is None:
        return "unknown", "no sentence printed"
    parts = [part for part in (sentence.probation, sentence.jail, sentence.prison) if part]
    if not parts:
        return "unknown", "no probation, jail or prison term printed"
    if any(part.amount is None for part in parts):
        return "unknown", "a term is printed without its length"
    ends = max(add_period(since, part) for part in parts)
    if today < ends:
        return "serving", f"the sentence of {since.isoformat()} runs until {ends.isoformat()}"
    if sentence.prison:
        return "unknown", "parole after prison is not shown on the record"
    return "completed", f"the sentence of {since.isoformat()} ended by {ends.isoformat()}"


def person_columns(record: Record) -> dict[str, str]:
    name = record.person.primary_name or ""
    last, _, given = name.partition(",")
    return {
        "first_name": " ".join(given.split()),
        "last_name": " ".join(last.split()),
        "date_of_birth": iso(record.person.dob) or "",
    }


def relief_on_record(conviction: CannabisConviction) -> str:
    if conviction.prop64_relief_shown:
        return "already_granted"
    if conviction.dismissed_1203_4:
        return "dismissed_1203_4"
    return ""


def review_text(conviction: CannabisConviction, record: Record, status_reason: str) -> str:
    notes = [FLAG_NOTES[flag] for flag in conviction.review_flags if flag in FLAG_NOTES]
    if conviction.prop64_relief_shown:
        notes.insert(0, "Already granted: relief under HS 11361.8 is shown on the record.")
    if conviction.arrest_date:
        notes.append(f"Arrested {conviction.arrest_date.isoformat()}. {NO_OFFENSE_DATE}")
    else:
        notes.append(NO_OFFENSE_DATE)
    for event in conviction.later_events:
        notes.append(f"Later event {iso(event.date) or '(no date)'}: "
                     f"{event.text.removeprefix('DISPO:')}.")
    if conviction.current_level and conviction.current_level != conviction.level:
        notes.append(f"The level now shown is {LEVEL_WORDS[conviction.current_level]}.")
    if conviction.name_code and conviction.name_code != "01":
        if conviction.name_code in record.person.names:
            notes.append("The court used another of the record's names "
                         f"(name {conviction.name_code}).")
    notes.append(f"Sentence status: {status_reason}.")
    return " ".join(notes)


def conviction_row(index: int, conviction: CannabisConviction, record: Record,
                   today: date) -> dict[str, str]:
    status, why = sentence_status(conviction, today)
    row = dict.fromkeys(ROW_COLUMNS, "")
    row.update({
        "case_id": f"cycle{conviction.cycle}-count{conviction.count or index}",
        "county": conviction.county or "",
        "case_number": conviction.case_number or "",
        "section": conviction.charge.normalized,
        "level": LEVEL_WORDS.get(conviction.level, "unknown"),
        "conviction_date": iso(conviction.conviction_date) or "",
        "juvenile": {"juvenile": "yes", None: "unknown"}.get(conviction.court_type, "no"),
        "sentence_status": status,
        "arrest_date": iso(conviction.arrest_date) or "",
        "relief_on_record": relief_on_record(conviction),
        "source_line": str(conviction.lines[0]),
        "review": review_text(conviction, record, why),
    })
    row.update(dict.fromkeys(UNKNOWN_FACTS, "unknown"))
    row.update(person_columns(record))
    return row


def screening_rows(record: Record, today: date) -> list[dict[str, str]]:
    """One row per cannabis conviction count, in the record's order (ROW_COLUMNS)."""
    return [conviction_row(index, conviction, record, today)
            for index, conviction in enumerate(cannabis_convictions(record), 1)]


def non_conviction_row(entry: NoConvictionShown, record: Record) -> dict[str, str]:
    row = dict.fromkeys(ROW_COLUMNS, "")
    row.update({
        "case_id": f"cycle{entry.cycle}-{entry.event}-count{entry.count or ''}",
        "county": entry.place.county or "",
        "case_number": entry.case_number or "",
        "section": entry.section_normalized,
        "source_line": str(entry.lines[0]),
        "arrest_date": iso(entry.date) if entry.event == "arrest" else "",
        "review": f"{NO_CONVICTION} ({entry.reason})",
    })
    row.update(person_columns(record))
    return row


def review_rows(record: Record, today: date) -> list[dict]:
    """For a review screen: every cannabis conviction row, then every cannabis charge with no
    conviction shown, each with `status`, `review_flags` and the record's `lines` (first,
    last) so the page can show the source beside the row."""
    rows = []
    for index, conviction in enumerate(cannabis_convictions(record), 1):
        row = conviction_row(index, conviction, record, today)
        row.update(status="conviction", review_flags=list(conviction.review_flags),
                   lines=conviction.lines)
        rows.append(row)
    for entry in cannabis_non_convictions(record):
        row = non_conviction_row(entry, record)
        row.update(status="no_conviction_shown", review_flags=[], lines=entry.lines)
        rows.append(row)
    return rows
