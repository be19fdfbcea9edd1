"""From a read record to its cannabis convictions (HS 11357-11360), the cannabis charges that
show no conviction, and the cannabis-related convictions outside this tool's scope.

The conventions are those of samples/README.md: a conviction is a count on a COURT event with a
CONVICTED disposition; ranges are expanded; the case number is the court's; a count without a
SEN line takes the sentence printed under another convicted count of the case, marked; updates
belong to the count they are printed under.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from petition.places import PlaceMatch, county_of_place
from petition.rapsheet import model
from petition.rapsheet.charges import is_cannabis, is_cannabis_related
from petition.rapsheet.model import Count, Cycle, Disposition, Event, Record, Sentence

COURT_TYPES = {"CASC": "superior", "CAMC": "municipal", "CAJC": "justice", "CAJV": "juvenile"}

# Review flags, in the order samples/README.md lists them, then this reader's own.
FLAG_ORDER = (
    "sentence_from_other_count", "charge_from_comment", "juvenile_court", "under_18_at_arrest",
    "ocr_corrected", "pc1170h_sentencing_line",
    "county_unknown", "county_close_spelling", "level_from_toc", "level_unknown",
    "prop64_wording_unconfirmed", "record_relief_wording_unconfirmed",
    "update_under_last_count_only", "subdivision_from_letter", "attempted",
    "case_number_unknown", "excluded_subdivision", "separator_missing",
)
# Autoclearance left these out of its Prop 64 motions (format.md 6.3): worth a person's look.
EXCLUDED_SUBDIVISIONS = ("HS 11359(c)(3)", "HS 11359(d)", "HS 11360(a)(3)(c)",
                         "HS 11360(a)(3)(d)")


@dataclass
class LaterEvent:
    date: date | None
    text: str
    type: str
    conv_status: str | None
    sentence: Sentence | None
    line: int

    def as_dict(self) -> dict:
        return {
            "date": self.date.isoformat() if self.date else None,
            "text": self.text,
            "type": self.type,
            "conv_status": self.conv_status,
            "sentence": self.sentence.as_dict() if self.sentence else None,
        }


@dataclass
class CannabisConviction:
    cycle: int
    court: str | None
    court_type: str | None
    place: PlaceMatch
    case_number: str | None
    name_code: str | None
    conviction_date: date | None
    arrest_date: date | None
    arrest_agency: str | None
    count: int | None
    count_label: str
    charge: model.Charge
    charge_from_comment: str | None
    toc: str | None
    level: str | None
    level_source: str | None
    sentence: Sentence | None
    later_events: list[LaterEvent]
    juvenile: bool
    review_flags: list[str]
    lines: tuple[int, int]  # first and last line of the count in the record

    @property
    def county(self) -> str | None:
        return self.place.county

    @property
    def dismissed_1203_4(self) -> bool:
        return any(event.type == "pc1203_dismissed" for event in self.later_events)

    @property
    def prop64_relief_shown(self) -> bool:
        return any(event.type == "prop64_relief" for event in self.later_events)

    @property
    def dismissed_after_conviction(self) -> bool:
        return any("DISM" in event.text for event in self.later_events)

    @property
    def current_level(self) -> str | None:
        level = self.level
        for event in self.later_events:
            if event.conv_status:
                level = event.conv_status
            elif event.type == "reduced" and "MISD" in event.text:
                level = "M"
            elif event.type == "reduced" and "INFR" in event.text:
                level = "I"
        return level

    @property
    def current_sentence(self) -> tuple[Sentence | None, date | None]:
        """The sentence after later events, and the date it was imposed."""
        sentence, since = self.sentence, self.conviction_date
        for event in self.later_events:
            if event.sentence is not None:
                sentence, since = event.sentence, event.date
        return sentence, since

    def as_dict(self) -> dict:
        """The expected-result shape of samples/README.md."""
        current, _ = self.current_sentence
        return {
            "cycle": self.cycle,
            "court": self.court,
            "court_type": self.court_type,
            "county": self.county,
            "case_number": self.case_number,
            "name_code": self.name_code,
            "conviction_date": iso(self.conviction_date),
            "arrest_date": iso(self.arrest_date),
            "arrest_agency": self.arrest_agency,
            "count": self.count,
            "count_label": self.count_label,
            "code": self.charge.code,
            "code_as_printed": self.charge.code_as_printed,
            "section": self.charge.section,
            "subdivision": self.charge.subdivision,
            "section_normalized": self.charge.normalized,
            "charge_line": self.charge.line,
            "charge_from_comment": self.charge_from_comment,
            "description": self.charge.description,
            "toc": self.toc,
            "level": self.level,
            "level_source": self.level_source,
            "sentence": self.sentence.as_dict() if self.sentence else None,
            "later_events": [event.as_dict() for event in self.later_events],
            "dismissed_1203_4": self.dismissed_1203_4,
            "prop64_relief_shown": self.prop64_relief_shown,
            "dismissed_after_conviction": self.dismissed_after_conviction,
            "current_level": self.current_level,
            "current_sentence_text": current.text if current else None,
            "juvenile": self.juvenile,
            "review_flags": list(self.review_flags),
        }


@dataclass
class NoConvictionShown:
    """A cannabis charge with no conviction on the record: dismissed, or an arrest with no
    court disposition (which is not proof there was none: format.md 12.12)."""

    cycle: int
    event: str  # "court" or "arrest"
    date: date | None
    agency: str | None
    case_number: str | None
    count: int | None
    section_normalized: str
    disposition: str | None
    reason: str
    lines: tuple[int, int]
    place: PlaceMatch = field(default_factory=lambda: PlaceMatch(None, "unknown"))

    def as_dict(self) -> dict:
        return {
            "cycle": self.cycle, "event": self.event, "date": iso(self.date),
            "agency": self.agency, "case_number": self.case_number, "count": self.count,
            "section_normalized": self.section_normalized, "disposition": self.disposition,
            "reason": self.reason,
        }


@dataclass
class OutOfScope:
    cycle: int
    date: date | None
    court: str | None
    case_number: str | None
    count: int | None
    section_normalized: str
    level: str | None
    reason: str
    lines: tuple[int, int]

    def as_dict(self) -> dict:
        return {
            "cycle": self.cycle, "event": "court", "date": iso(self.date), "court": self.court,
            "case_number": self.case_number, "count": self.count,
            "section_normalized": self.section_normalized, "level": self.level,
            "reason": self.reason,
        }


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


# -- the court and its county ------------------------------------------------------------------

def court_parts(agency: str | None) -> tuple[str | None, str]:
    """(court type, place name) from `CASC SANTA ROSA`, `CASC MC OAKLAND`, `CASC MCHAYWARD`."""
    if not agency:
        return None, ""
    words = agency.split()
    prefix = words[0] if len(words[0]) == 4 else ""
    court_type = COURT_TYPES.get(prefix)
    place = " ".join(words[1:]) if prefix else agency
    if prefix == "CASC" and place.startswith("MC"):
        rest = place[2:].strip()
        if rest and county_of_place(rest).county and not county_of_place(place).exact:
            place = rest
    return court_type, place


def court_county(agency: str | None) -> PlaceMatch:
    _, place = court_parts(agency)
    return county_of_place(place) if place else PlaceMatch(None, "unknown")


# -- later events ------------------------------------------------------------------------------

PROP64 = re.compile(r"11361\W?[89]|PROP\W*64|\bAUMA\b|ADULT\W*USE")
PC1203_4 = re.compile(r"1203\W?4(?![0-9])")


def numeric_view(text: str) -> str:
    """OCR letters read as digits inside number-like tokens, for matching only."""
    def fix(match: re.Match) -> str:
        token = match.group(0)
        return token.translate(str.maketrans("OIL", "011")) if sum(
            ch.isdigit() for ch in token) >= 3 else token
    return re.sub(r"[0-9OIL.,]{4,}", fix, text)


def update_type(text: str) -> str:
    """Later events by keyword (format.md section 8's recommendation). HS 11361.8 relief is
    matched loosely: the DOJ's wording for it is not shown in any source."""
    view = numeric_view(text.upper())
    squeezed = model.squeeze(view)
    if PROP64.search(view):
        return "prop64_relief"
    if PC1203_4.search(view):
        return "pc1203_dismissed"
    if "SENTENCEMODIFIED" in squeezed or "SENMOD" in squeezed:
        return "sentence_modified"
    if "PROBATIONREVOKED" in squeezed or "PROBREVOKED" in squeezed:
        return "probation_revoked"
    if "REDUCED" in squeezed or "17B" in squeezed or "REDESIGNAT" in squeezed:
        return "reduced"
    if "RELIEFGRANTED" in squeezed:
        return "record_relief"
    return "other"


def later_events(count: Count) -> list[LaterEvent]:
    return [LaterEvent(update.date, update.text, update_type(update.text), update.conv_status,
                       update.sentence, update.line) for update in count.updates]


# -- selection ---------------------------------------------------------------------------------

def arrest_of(cycle: Cycle) -> Event | None:
    return next((event for event in cycle.events if event.kind == model.ARREST), None)


def case_sentence(event: Event, count: Count) -> Sentence | None:
    """The sentence printed under another convicted count of the same COURT event."""
    for other in event.counts:
        if other is count or other.disposition is None or not other.disposition.convicted:
            continue
        if other.disposition.sentence is not None:
            return replace(other.disposition.sentence, source="case")
    return None


def level_of(disposition: Disposition, count: Count, event: Event) -> tuple[str | None,
                                                                             str | None]:
    """CONV STATUS; the charge's TOC only as a marked fallback (format.md 7.2)."""
    if disposition.conv_status:
        return disposition.conv_status, "conv_status"
    toc = count.toc or event.toc
    if toc in ("F", "M", "I"):
        return toc, "toc"
    return None, None


def age_on(born: date | None, day: date | None) -> int | None:
    if born is None or day is None:
        return None
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def adjudicated(event: Event, count: Count) -> bool:
    """CONVICTED; in a juvenile court also a sustained petition, the juvenile equivalent (the
    DOJ's juvenile wording is not shown in any source: format.md 12.3)."""
    disposition = count.disposition
    if disposition is None:
        return False
    if disposition.convicted:
        return True
    return (court_parts(event.agency)[0] == "juvenile" and "SUSTAIN" in disposition.text
            and not disposition.dismissed)


def cannabis_convictions(record: Record) -> list[CannabisConviction]:
    found = []
    for cycle, event in record.events():
        if event.kind != model.COURT:
            continue
        for count in event.counts:
            if adjudicated(event, count) and is_cannabis(count.charge):
                found.extend(convictions_of(record, cycle, event, count))
    return found


def convictions_of(record: Record, cycle: Cycle, event: Event,
                   count: Count) -> list[CannabisConviction]:
    disposition = count.disposition
    flags = []
    sentence = disposition.sentence
    if sentence is None:
        sentence = case_sentence(event, count)
        if sentence is not None:
            flags.append("sentence_from_other_count")
    if count.charge_from_comment:
        flags.append("charge_from_comment")
    court_type, _ = court_parts(event.agency)
    if court_type == "juvenile":
        flags.append("juvenile_court")
    arrest = arrest_of(cycle)
    arrest_date = arrest.date if arrest else None
    age = age_on(record.person.dob, arrest_date)
    if age is not None and age < 18:
        flags.append("under_18_at_arrest")
    events = later_events(count)
    if (count.ocr_corrected or event.ocr_corrected or disposition.ocr_corrected
            or any(update.ocr_corrected for update in count.updates)):
        flags.append("ocr_corrected")
    if count.pc1170h_line:
        flags.append("pc1170h_sentencing_line")
    place = court_county(event.agency)
    court = event.agency
    if place.spelling:  # OCR broke the place name: print the name it was matched to
        court = f"{court.split()[0]} {place.spelling}"
    if place.county is None:
        flags.append("county_unknown")
    elif not place.exact:
        flags.append("county_close_spelling")
    level, level_source = level_of(disposition, count, event)
    if level_source == "toc":
        flags.append("level_from_toc")
    elif level is None:
        flags.append("level_unknown")
    if any(e.type == "prop64_relief" for e in events):
        flags.append("prop64_wording_unconfirmed")
    if any(e.type == "record_relief" for e in events):
        flags.append("record_relief_wording_unconfirmed")
    convicted = [c for c in event.counts if c.disposition and c.disposition.convicted]
    if (not count.updates and len(convicted) > 1 and convicted[-1] is not count
            and convicted[-1].updates):
        # format.md 12.4: an update printed only after the last count may mean the whole case
        flags.append("update_under_last_count_only")
    if count.charge.subdivision_inferred:
        flags.append("subdivision_from_letter")
    if count.charge.attempted or any("ATTEMPT" in flag for flag in count.flags):
        flags.append("attempted")
    case_number = event.case_number
    if case_number is None:
        flags.append("case_number_unknown")
    if any(count.charge.normalized.startswith(excluded) for excluded in EXCLUDED_SUBDIVISIONS):
        flags.append("excluded_subdivision")
    if cycle.separator_missing:
        flags.append("separator_missing")
    flags.sort(key=FLAG_ORDER.index)
    numbers = [count.number]
    if count.number is not None and count.through:
        numbers = list(range(count.number, count.through + 1))
    return [
        CannabisConviction(
            cycle=cycle.index, court=court, court_type=court_type, place=place,
            case_number=case_number, name_code=event.name_code,
            conviction_date=event.date, arrest_date=arrest_date,
            arrest_agency=arrest.agency if arrest else None, count=number,
            count_label=count.label, charge=count.charge,
            charge_from_comment=count.charge_from_comment, toc=count.toc, level=level,
            level_source=level_source, sentence=sentence, later_events=events,
            juvenile=court_type == "juvenile", review_flags=list(flags),
            lines=(count.line, count.last_line))
        for number in numbers
    ]


def cannabis_non_convictions(record: Record) -> list[NoConvictionShown]:
    found = []
    for cycle in record.cycles:
        has_court = any(event.kind == model.COURT for event in cycle.events)
        for event in cycle.events:
            if event.kind == model.COURT:
                found.extend(court_non_convictions(cycle, event))
            elif event.kind == model.ARREST and not has_court:
                found.extend(arrest_only(cycle, event))
    return found


def expanded(count: Count) -> list[int | None]:
    if count.number is not None and count.through:
        return list(range(count.number, count.through + 1))
    return [count.number]


def court_non_convictions(cycle: Cycle, event: Event) -> list[NoConvictionShown]:
    found = []
    for count in event.counts:
        if not is_cannabis(count.charge) or adjudicated(event, count):
            continue
        if count.disposition is None:
            reason, printed = "no disposition shown", None
        elif count.disposition.dismissed:
            reason, printed = "dismissed", count.disposition.text
        else:
            reason, printed = "not shown as convicted", count.disposition.text
        for number in expanded(count):
            found.append(NoConvictionShown(
                cycle.index, "court", event.date, event.agency, event.case_number, number,
                count.charge.normalized, printed, reason, (count.line, count.last_line),
                court_county(event.agency)))
    return found


def arrest_only(cycle: Cycle, event: Event) -> list[NoConvictionShown]:
    found = []
    for count in event.counts:
        if not is_cannabis(count.charge):
            continue
        reason, printed = "arrest only; no court event in cycle", None
        if count.updates:
            last = count.updates[-1]
            printed = last.text
            what = last.text.removeprefix("DISPO:").lower()
            reason = f"arrest only; {what} (update dated {iso(last.date)})"
        for number in expanded(count):
            found.append(NoConvictionShown(
                cycle.index, "arrest", event.date, event.agency, None, number,
                count.charge.normalized, printed, reason, (count.line, count.last_line)))
    return found


def out_of_scope(record: Record) -> list[OutOfScope]:
    found = []
    for cycle, event in record.events():
        if event.kind != model.COURT:
            continue
        for count in event.counts:
            if (count.disposition and count.disposition.convicted
                    and is_cannabis_related(count.charge)):
                level, _ = level_of(count.disposition, count, event)
                for number in expanded(count):
                    found.append(OutOfScope(
                        cycle.index, event.date, event.agency, event.case_number, number,
                        count.charge.normalized, level,
                        f"convicted, but HS {count.charge.section} is not one of "
                        "11357/11358/11359/11360", (count.line, count.last_line)))
    return found
