"""RAP sheet text -> Record: a line-oriented state machine, one method per element.

The states follow the layout of format.md: the header (everything before the first cycle
separator), then cycles of events, each event an identifier, a date+agency line and counts,
each count a charge, a disposition and dated updates. Every line is first cleaned of the
noise OCR and PDF extraction bring (noise.py). Any line the machine cannot use is skipped;
the reader never raises on any text, and its problems never quote the record.
"""

from __future__ import annotations

import re
from datetime import date

from petition.rapsheet import model
from petition.rapsheet.charges import read_charge
from petition.rapsheet.model import Count, Cycle, Disposition, Event, Problem, Record
from petition.rapsheet.noise import as_date, as_number, clean_line, is_page_furniture, leading_date
from petition.rapsheet.sentences import read_sentence, sentence_in_comment

LEAD = r"^[\s.'*:,\u2022`]*"
IDENTIFIERS = (
    (model.SUPPLEMENTAL_ARREST, re.compile(LEAD + r"SUPPLEMENTAL\s*ARR\b[^:;]*[:;]?")),
    (model.ARREST, re.compile(LEAD + r"ARR\s*[/.]?\s*DET\s*\.?\s*[/.]?\s*CITE\b\s*[:;]?")),
    (model.COURT, re.compile(LEAD + r"C\s?O\s?U\s?R\s?T\s*(?:[:;]|(?=\s+NAME?\b)|$)")),
    (model.CUSTODY, re.compile(LEAD + r"CUSTODY\s*[:;]\s*(?:FED\s*&\s*OOS|[A-Z]+)?")),
    (model.PROBATION, re.compile(LEAD + r"PROBATION\s*[:;](?!\s*EXP)")),
    (model.REGISTRATION, re.compile(LEAD + r"REGISTRATION\s*[:;]")),
    (model.APPLICANT, re.compile(LEAD + r"APPLICANT\s*[:;]")),
    (model.MENTAL_HEALTH, re.compile(LEAD + r"MENTAL\s*HLTH\s*CUS\s*/?\s*SUPV\s*[:;]?")),
    (model.DECEASED, re.compile(LEAD + r"DECEASED\s*[:;]")),
    (model.INTERSTATE_PAROLEE, re.compile(LEAD + r"INTERST\s*COMP\s*PAROLEE\s*[:;]?")),
)
MAYBE_IDENTIFIER = re.compile(
    r"ARR|C\s?O\s?U\s?R\s?T|CUSTODY|PROBATION|REGISTRATION|APPLICANT|HLTH|DECEASED|INTERST")
# Before the first cycle separator PROBATION and PAROLE are a supervision summary, not events.
HEADER_ONLY_SUMMARY = (model.PROBATION,)

NAME_CODE = re.compile(r"\bNAME?\s*[:;]\s*([0-9OQIL]{2,3})\b")
EVENT_DOB = re.compile(r"\bDOB\s*[:;]\s*[0-9OQIL|!.]{8,10}")
COUNT_LINE = re.compile(
    LEAD + r"C\s?N\s?T\s*(?P<colon>[:;.,])?\s*-?\s*"
    r"(?P<number>[0-9OQIL|!]\s{1,8}[0-9OQIL|!](?=\s*(?:#|$))"
    r"|[0-9OQIL|!]{1,3}(?:\s*-\s*[0-9OQIL|!]{1,3})?)?(?P<rest>.*)$")
CASE_LINE = re.compile(LEAD + r"#\s*(?P<case>\S.*)$")
DISPOSITION = re.compile(r"^[\s.'*,\u2022`]*D\s?[I1L]\s?S\s?P\s?[O0]?\s*[:;.]\s*(?P<text>.*)$")
CONV_STATUS = re.compile(
    LEAD + r"C\s?[O0]\s?N\s?V\s*\.?\s*S\s?T\s?A\s?T\s?[UI]\s?S\s*[:;.]?\s*(?P<level>[A-Z][A-Z ]*)")
SENTENCE = re.compile(LEAD + r"S\s?E\s?N\s*[:;]\s*(?P<text>.*)$")
COMMENT = re.compile(LEAD + r"C\s?[O0]\s?M\s*[:;]\s*(?P<text>.*)$")
TOC = re.compile(LEAD + r"T\s?O\s?C\s*[:;]\s*(?P<value>[A-Z])\b")
TAG = re.compile(LEAD + r"[A-Z][A-Z /&.#]{0,20}?\s*[:;]")
FLAGS = re.compile(r"^\s*-\s*[A-Z]")
REALIGNMENT = re.compile(LEAD + r"1170\s*[(\[]?\s*H\s*[)\]]?")
SEE_COMMENT = re.compile(r"SEE\s*COMMENT")
COMMENT_CHARGE = re.compile(r"\bCHRG\b\s*[-:;]?\s*(?P<charge>.+)$")
CII = re.compile(r"CII\s*/\s*(?P<letter>[AHM])\s*(?P<digits>[0-9OQIL|!]{8})\b")
HEADER_DOB = re.compile(r"\bDOB\s*/\s*(?P<date>[0-9OQIL|!.]{8,10})")
SEX = re.compile(r"\bSEX\s*/\s*(?P<sex>[MF])\b")
RACE = re.compile(r"\bRAC\s*/\s*(?P<race>.+)$")
FIRST_NAME_LINE = re.compile(r"\bNAM\s*/\s*(?P<code>[0-9OQIL]{2,3})\s+(?P<name>\S.*)$")
NEXT_NAME_LINE = re.compile(r"^\s+(?P<code>[0-9OQIL]{2,3})\s+(?P<name>[A-Z][A-Z ,.'\-]*)$")
LEVELS = {"F": "F", "M": "M", "I": "I"}
WORD_PLACE = re.compile(r"(?<=[A-Z])0|0(?=[A-Z])")

MAX_RANGE = 99  # a longer range is OCR noise, read as its first count

HEADER, CYCLE, EVENT_HEAD, EVENT, COUNT = "header", "cycle", "event_head", "event", "count"


def separator_kind(line: str) -> str | None:
    """`cycle` for `* * * *` (3 or 4 asterisks, punctuation tolerated), `banner` for longer
    asterisk rows and boxed notices, `end` for END OF MESSAGE, `event` for `- - - -`."""
    stripped = line.strip()
    if not stripped or stripped[0].isalnum():
        return None
    stars = stripped.count("*")
    if stars:
        if "END" in stripped and "MESSAGE" in stripped.replace(" ", ""):
            return "end"
        letters = any(ch.isalnum() for ch in stripped)
        if not letters:
            return "cycle" if 3 <= stars <= 4 else ("star" if stars == 1 else "banner")
        if stripped.startswith("**") or stars >= 4:
            return "banner"
        return None
    if not any(ch.isalnum() for ch in stripped) and stripped.count("-") + stripped.count(
            "_") >= 2 and set(stripped) <= set("-_ '.`\u2022"):
        return "event"
    return None


class Reader:
    """Reads one RAP sheet. Use ``read(text)``; a Reader holds the state of one reading."""

    def __init__(self) -> None:
        self.record = Record()
        self.state = HEADER
        self.cycle: Cycle | None = None
        self.event: Event | None = None
        self.count: Count | None = None
        self.target: Disposition | None = None  # where CONV STATUS / SEN / COM lines go
        self.pending_update: tuple[date, int, bool] | None = None
        self.sentence_lines: list[str] | None = None  # an open SEN, until a tag or blank
        self.sentence_owner: Disposition | None = None
        self.description_open = False
        self.names_open = False
        self.lone_stars = 0
        self.header_dob_seen = False
        self.header_ciis: list[tuple[str, bool]] = []  # (cii, came before the first DOB/)

    # -- driver ---------------------------------------------------------------------------

    def read(self, text: str) -> Record:
        # Only line feeds end lines (a form feed is page furniture inside a line)
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.record.lines = len(lines)
        for number, raw in enumerate(lines, 1):
            try:
                self.line(number, raw)
            except Exception:  # never let one odd line stop the reading, nor quote it
                self.record.problems.append(Problem(number, "line", "could not be read"))
                self.close_sentence()
        self.close_sentence()
        self.finish_header()
        if not self.record.cycles:
            self.record.problems.append(Problem(None, "record", "no events found"))
        return self.record

    def line(self, number: int, raw: str) -> None:
        line, fixed = clean_line(raw)
        if fixed:
            self.record.ocr_corrections += 1
            if self.count is not None:
                self.count.ocr_corrected = True
        if not line.strip():
            self.close_sentence()
            self.description_open = False
            return
        if is_page_furniture(line):
            return
        kind = separator_kind(line)
        if kind == "star":
            self.lone_stars += 1
            if self.lone_stars in (3, 4):  # one separator spread over lines: `*` `*` `*` `*`
                if self.lone_stars == 3:
                    self.new_cycle(number)
            return
        self.lone_stars = 0
        if kind is not None:
            self.separator(number, kind)
            return
        identifier = self.identifier(line)
        if identifier is not None:
            self.event_start(number, line, identifier)
            return
        if self.state == HEADER:
            self.header_line(number, line)
        elif self.state in (CYCLE, EVENT_HEAD):
            self.before_counts(number, line)
        elif self.state == EVENT:
            self.event_line(number, line)
        else:
            self.count_line(number, line)

    # -- separators and cycles --------------------------------------------------------------

    def separator(self, number: int, kind: str) -> None:
        self.close_sentence()
        if kind in ("cycle", "end"):
            self.end_event()
            if kind == "end":
                self.record.ended = True
                self.state = CYCLE if self.state != HEADER else HEADER
                self.cycle = None
                return
            self.new_cycle(number)
        elif kind == "event" and self.state != HEADER:
            self.end_event()
            self.state = CYCLE
        # banners (strike entries, notices) are skipped

    def new_cycle(self, number: int, separator_missing: bool = False) -> None:
        self.close_sentence()
        self.end_event()
        if self.state == HEADER:
            self.finish_header()
        self.cycle = Cycle(index=len(self.record.cycles) + 1, line=number,
                           separator_missing=separator_missing)
        self.record.cycles.append(self.cycle)
        self.state = CYCLE

    def end_event(self) -> None:
        self.close_sentence()
        self.event = None
        self.count = None
        self.target = None
        self.pending_update = None
        self.description_open = False

    # -- header ---------------------------------------------------------------------------

    def header_line(self, number: int, line: str) -> None:
        person = self.record.person
        for match in CII.finditer(line):
            digits = as_number(match.group("digits"))
            if digits:
                self.header_ciis.append((match.group("letter") + digits[0],
                                         not self.header_dob_seen))
        dob = HEADER_DOB.search(line)
        if dob and not self.header_dob_seen:
            self.header_dob_seen = True
            found = as_date(dob.group("date"))
            if found:
                person.dob = found[0]
                self.record.ocr_corrections += found[1]
            else:
                self.record.problems.append(Problem(number, "date of birth", "not a date"))
        sex = SEX.search(line)
        if sex and person.sex is None:
            person.sex = sex.group("sex")
        race = RACE.search(line)
        if race and person.race is None:
            person.race = " ".join(race.group("race").split())
        first = FIRST_NAME_LINE.search(line)
        if first:
            self.add_name(first.group("code"), first.group("name"))
            self.names_open = True
            return
        following = NEXT_NAME_LINE.match(line) if self.names_open else None
        if following:
            self.add_name(following.group("code"), following.group("name"))
        else:
            self.names_open = False

    def add_name(self, code: str, name: str) -> None:
        digits = as_number(code)
        if digits is None:
            return
        self.record.ocr_corrections += digits[1]
        self.record.person.names.setdefault(digits[0].zfill(2), " ".join(name.split()))

    def finish_header(self) -> None:
        """The CII with a letter that comes just before DOB/ (a consolidation notice can
        print another CII first: format.md section 2)."""
        if self.record.person.cii is None and self.header_ciis:
            before_dob = [cii for cii, early in self.header_ciis if early]
            self.record.person.cii = (before_dob or [self.header_ciis[0][0]])[-1]

    # -- events ---------------------------------------------------------------------------

    def identifier(self, line: str) -> tuple[str, re.Match] | None:
        if not MAYBE_IDENTIFIER.search(line):
            return None
        for kind, pattern in IDENTIFIERS:
            match = pattern.match(line)
            if match:
                if self.state == HEADER and kind in HEADER_ONLY_SUMMARY:
                    return None
                return kind, match
        return None

    def event_start(self, number: int, line: str, identifier: tuple[str, re.Match]) -> None:
        kind, match = identifier
        self.close_sentence()
        if self.state == HEADER:
            # The cycle separator was lost (OCR): the first event still opens a cycle.
            self.new_cycle(number, separator_missing=True)
        elif self.cycle is None:
            self.new_cycle(number, separator_missing=self.record.ended is False)
        elif kind == model.ARREST and any(e.kind == model.COURT for e in self.cycle.events):
            # An arrest after a court event: a new cycle whose separator did not survive.
            self.new_cycle(number, separator_missing=True)
        self.end_event()
        self.event = Event(kind=kind, line=number)
        self.cycle.events.append(self.event)
        self.state = EVENT_HEAD
        self.event_header_text(number, line[match.end():])

    def event_header_text(self, number: int, text: str) -> None:
        """NAM:, DOB: and (when on the same line) the date and agency."""
        name = NAME_CODE.search(text)
        if name:
            digits = as_number(name.group(1))
            if digits:
                self.event.name_code = digits[0].zfill(2)
            text = text[:name.start()] + " " + text[name.end():]
        text = EVENT_DOB.sub(" ", text)
        if "RECORD" in text and "ERROR" in text:
            self.cycle.record_error = True
            self.record.problems.append(Problem(number, "cycle", "record error printed"))
            return
        found = leading_date(text)
        if found and self.event.date is None:
            self.event_date(number, found)

    def event_date(self, number: int, found: tuple[date, bool, str]) -> None:
        when, fixed, rest = found
        self.event.date = when
        self.event.ocr_corrected = self.event.ocr_corrected or fixed
        self.record.ocr_corrections += fixed
        toc = TOC.search(rest) or re.search(r"\bTOC\s*[:;]\s*([A-Z])\b", rest)
        if toc:
            self.event.toc = toc.group(1)
        rest = re.split(r"\b(?:TOC|CNT)\s*[:;]", rest)[0]
        name = NAME_CODE.search(rest)
        if name:
            digits = as_number(name.group(1))
            if digits and self.event.name_code is None:
                self.event.name_code = digits[0].zfill(2)
            rest = rest[:name.start()]
        agency = " ".join(rest.replace(".", "").replace("'", "").split()).strip(" :;,*-")
        repaired = WORD_PLACE.sub("O", agency)
        if repaired != agency:
            self.event.ocr_corrected = True
            self.record.ocr_corrections += 1
        self.event.agency = repaired or None
        self.state = EVENT

    def before_counts(self, number: int, line: str) -> None:
        """Between an identifier and its date line, or a date line with no identifier (the
        later events of a REGISTRATION cycle)."""
        if "RECORD" in line and "ERROR" in line and self.cycle is not None:
            self.cycle.record_error = True
            self.record.problems.append(Problem(number, "cycle", "record error printed"))
            return
        found = leading_date(line)
        if self.state == CYCLE:
            if found is None:
                if COUNT_LINE.match(line) and self.is_count_line(line):
                    self.orphan_event(number)
                    self.count_start(number, line)
                return
            self.orphan_event(number)
        name = NAME_CODE.search(line)
        if name and self.event.name_code is None:
            digits = as_number(name.group(1))
            if digits:
                self.event.name_code = digits[0].zfill(2)
        if found:
            self.event_date(number, found)
        elif self.is_count_line(line):
            self.state = EVENT
            self.count_start(number, line)

    def orphan_event(self, number: int) -> None:
        if self.cycle is None:
            self.new_cycle(number, separator_missing=True)
        self.event = Event(kind=model.UNLABELLED, line=number)
        self.cycle.events.append(self.event)
        self.state = EVENT_HEAD

    def event_line(self, number: int, line: str) -> None:
        if self.is_count_line(line):
            self.count_start(number, line)
            return
        toc = TOC.match(line)
        if toc:
            self.event.toc = toc.group("value")
            return
        name = NAME_CODE.search(line)
        if name and self.event.name_code is None:
            digits = as_number(name.group(1))
            if digits:
                self.event.name_code = digits[0].zfill(2)

    # -- counts ---------------------------------------------------------------------------

    def is_count_line(self, line: str) -> bool:
        match = COUNT_LINE.match(line)
        return bool(match and (match.group("colon") or match.group("number")))

    def count_start(self, number: int, line: str) -> None:
        self.close_sentence()
        match = COUNT_LINE.match(line)
        label = " ".join((match.group("number") or "").split())
        fixed = False
        counts: list[int] = []
        for part in label.replace(" ", "").split("-"):
            digits = as_number(part) if part else None
            if digits:
                counts.append(int(digits[0]))
                fixed = fixed or digits[1]
        label = label.replace(" ", "").translate(str.maketrans("OQIL|!", "001111"))
        first = counts[0] if counts else None
        self.count = Count(number=first, label=label, line=number, last_line=number,
                           ocr_corrected=fixed)
        self.record.ocr_corrections += fixed
        if len(counts) == 2 and counts[0] < counts[1] <= counts[0] + MAX_RANGE:
            self.count.through = counts[1]
        rest = match.group("rest")
        if "#" in rest:
            self.count.case_number = case_number(rest.split("#", 1)[1])
        self.event.counts.append(self.count)
        self.state = COUNT
        self.target = None
        self.pending_update = None
        self.description_open = False

    def count_line(self, number: int, line: str) -> None:
        count = self.count
        count.last_line = number
        if self.is_count_line(line):
            self.count_start(number, line)
            return
        found = leading_date(line)
        if found is not None:
            self.update_date(number, found)
            return
        disposition = DISPOSITION.match(line)
        if disposition:
            self.disposition(number, disposition.group("text"))
            return
        status = CONV_STATUS.match(line)
        if status:
            self.conv_status(status.group("level"))
            return
        sentence = SENTENCE.match(line)
        if sentence:
            self.open_sentence(sentence.group("text"))
            return
        comment = COMMENT.match(line)
        if comment:
            self.comment(" ".join(line.split()), comment.group("text"))
            return
        toc = TOC.match(line)
        if toc:
            count.toc = toc.group("value")
            return
        case = CASE_LINE.match(line)
        if case:
            if count.case_number is None:
                count.case_number = case_number(case.group("case"))
            return
        if FLAGS.match(line):
            count.flags.extend(flag.strip() for flag in line.split("-") if flag.strip())
            return
        if REALIGNMENT.match(line):
            count.pc1170h_line = True
            return
        if self.sentence_lines is not None and not TAG.match(line):
            self.sentence_lines.append(line.strip())
            return
        if TAG.match(line):
            self.close_sentence()
            return
        if count.charge is None and count.charge_text is None:
            self.charge(line)
            return
        if self.description_open and re.fullmatch(r"[A-Z0-9 /&,'()\-]+", line.strip()):
            self.continue_description(line.strip())

    def charge(self, line: str) -> None:
        count = self.count
        text = " ".join(line.split()).strip(" .'*:")
        if SEE_COMMENT.search(text):
            count.charge_text = text
            return
        found = read_charge(line)
        if found is None:
            count.charge_text = text
            return
        count.charge, fixed = found
        count.ocr_corrected = count.ocr_corrected or fixed
        self.record.ocr_corrections += fixed
        toc = re.search(r"\bTOC\s*[:;]\s*([A-Z])\b", text)
        if toc:
            count.toc = toc.group(1)
        self.description_open = True

    def continue_description(self, text: str) -> None:
        """A description OCR broke onto the next line (`...FOR` / `SALE`)."""
        charge = self.count.charge
        charge.line = f"{charge.line} {text}"
        charge.description = f"{charge.description} {text}" if charge.description else text

    def update_date(self, number: int, found: tuple[date, bool, str]) -> None:
        when, fixed, rest = found
        self.close_sentence()
        self.description_open = False
        self.pending_update = (when, number, fixed)
        self.record.ocr_corrections += fixed
        disposition = DISPOSITION.match(rest)
        if disposition:  # the same-line form `<date> DISPO:<text>` (format.md section 8)
            self.disposition(number, disposition.group("text"))

    def disposition(self, number: int, text: str) -> None:
        self.close_sentence()
        self.description_open = False
        count = self.count
        printed = "DISPO:" + " ".join(text.split())
        if self.pending_update is not None:
            when, _, fixed = self.pending_update
            update = Disposition(printed, number, date=when, ocr_corrected=fixed)
            count.updates.append(update)
            self.target = update
            return
        if count.updates:  # one more DISPO under the same update date
            update = Disposition(printed, number, date=count.updates[-1].date)
            count.updates.append(update)
            self.target = update
            return
        new = Disposition(printed, number)
        if count.disposition is None:
            count.disposition = new
        elif not count.disposition.convicted and not count.disposition.dismissed and (
                new.convicted or new.dismissed):
            # plea-advisement lines print before the disposition that decides the count
            new.comments.append(count.disposition.text)
            count.disposition = new
        else:
            count.disposition.comments.append(printed)
            return
        self.target = new

    def conv_status(self, value: str) -> None:
        self.close_sentence()
        word = model.squeeze(value)
        level = None
        if word.startswith(("FEL", "F")):
            level = "F"
        elif word.startswith(("MIS", "M")):
            level = "M"
        elif word.startswith(("INF", "NFR", "I")):
            level = "I"
        if self.target is not None and level is not None:
            self.target.conv_status = level

    def open_sentence(self, text: str) -> None:
        self.close_sentence()
        self.sentence_lines = [text.strip()]
        self.sentence_owner = self.target

    def close_sentence(self) -> None:
        if self.sentence_lines is None:
            return
        lines, owner = self.sentence_lines, self.sentence_owner
        self.sentence_lines = self.sentence_owner = None
        if owner is None or owner.sentence is not None:
            return
        text = " ".join(part for part in lines if part)
        if not text.strip(" ,"):
            return
        owner.sentence, fixed = read_sentence(text)
        owner.ocr_corrected = owner.ocr_corrected or fixed
        self.record.ocr_corrections += fixed
        if fixed and self.count is not None:
            self.count.ocr_corrected = True

    def comment(self, line: str, text: str) -> None:
        self.close_sentence()
        count = self.count
        count.comments.append(line)
        if count.charge is None and count.charge_text and SEE_COMMENT.search(count.charge_text):
            found = COMMENT_CHARGE.search(text)
            if found:
                charge = read_charge(found.group("charge"))
                if charge:
                    count.charge, fixed = charge
                    count.charge.line = count.charge_text
                    count.charge_from_comment = line
                    count.ocr_corrected = count.ocr_corrected or fixed
        target = self.target
        embedded = sentence_in_comment(text)
        if embedded and target is not None and target.sentence is None:
            target.sentence, _ = read_sentence(embedded)
        if target is not None:
            target.comments.append(line)


def case_number(text: str) -> str | None:
    """Periods and internal spaces removed, trailing `.:-` stripped (format.md 6.1)."""
    text = re.split(r"\bTOC\s*[:;]", text)[0]
    value = "".join(text.replace(".", "").split()).rstrip(".:-,;")
    return value or None


def read_record_text(text: str) -> Record:
    return Reader().read(text)
