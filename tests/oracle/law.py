"""An independent reading of ../shared/law.md (sections 3 and 4, E1-E11), as a test oracle.

Written from law.md, design.md's CSV contract and the public worked cases only, without
looking at petition/rules/ or petition/facts.py, so that it can disagree with them.

The method is the plainest one: every unknown fact takes each of its legally distinct
values (amount bands at 4 / 8 / 28.5 g, plants 6 or fewer / more, priors below 2 / 2 or
more, age bands, the offense date's side of 1 Jan 2011 and 9 Nov 2016, the old level);
every combination consistent with the given facts is a "world"; each world is decided by
section 3's tables (E3-E6, E8); then E7's presumption and E10's automatic rule are applied
across the worlds. Where law.md is ambiguous the reading taken is written beside the code,
with the sentence it rests on.

decide(row, today) -> {"outcome", "track", "automatic", "certainty", "presumed"} or
{"error": True}. `certainty` is None for `needs_review` (law.md gives it no certainty).
"""

from __future__ import annotations

import itertools
import re
from datetime import date, timedelta

# --- the legal constants, as law.md states them -------------------------------------------

PROP_64_EFFECTIVE = date(2016, 11, 9)  # section 1 "When"; E2
INFRACTION_ERA = date(2011, 1, 1)  # section 3, old 11357(b): infraction from 1 Jan 2011
SAN_FRANCISCO_FROM = date(1975, 1, 1)  # E10 / counties.toml covers_convictions_from
SAN_FRANCISCO_NAMES = {"san francisco", "sf", "city and county of san francisco"}

# Amount bands (grams). "Thresholds are 'not more than'": the limit is in the lower band.
# A1: <= 4 (the interstate limit for concentrate, (a)(3)(D)); A2: <= 8 (concentrate
# limit); A3: <= 28.5; A4: more than 28.5.
AMOUNT_BANDS = ("A1", "A2", "A3", "A4")
BAND_LIMITS = {"A1": 4.0, "A2": 8.0, "A3": 28.5}

LAWFUL, INFRACTION, MISDEMEANOR, FELONY = 0, 1, 2, 3
LEVELS = {"infraction": INFRACTION, "misdemeanor": MISDEMEANOR, "felony": FELONY}

RELIEF = ("dismiss_and_seal", "reduce_to_infraction", "reduce_to_misdemeanor")
# E7: "take the more favourable answer".
FAVOUR = {
    "dismiss_and_seal": 3,
    "reduce_to_infraction": 2,
    "reduce_to_misdemeanor": 1,
    "not_eligible": 0,
}

YES_NO_FIELDS = (
    "concentrated",
    "juvenile",
    "for_sale",
    "school_grounds",
    "superstrike",
    "pc290",
    "sold_to_minor",
    "hired_under_21",
    "environmental_violation",
    "interstate",
)

# Which facts each section's tables (section 3, E6) look at. A fact outside its
# section's list never changes that section's answer, so it is not enumerated.
RELEVANT = {
    "11357": ("age", "amount", "conc", "school", "level", "offense"),
    "11358": ("age", "plants", "superstrike", "pc290", "priors2", "env", "level", "offense"),
    "11359": ("age", "superstrike", "pc290", "priors2", "minor", "hired", "level", "offense"),
    "11360": (
        "age", "amount", "conc", "for_sale", "superstrike", "pc290", "priors2", "minor",
        "interstate", "level", "offense",
    ),
}

# World-variable name -> CSV column (for the `presumed` list).
COLUMN = {
    "age": "age_at_offense",
    "amount": "amount_grams",
    "conc": "concentrated",
    "school": "school_grounds",
    "plants": "plants",
    "for_sale": "for_sale",
    "superstrike": "superstrike",
    "pc290": "pc290",
    "priors2": "prior_same_section",
    "minor": "sold_to_minor",
    "hired": "hired_under_21",
    "env": "environmental_violation",
    "interstate": "interstate",
    "level": "level",
    "offense": "offense_date",
}

# E3, in the statute's own words: what each old subdivision carries.
# amount: "le28.5" (A1-A3) or "gt28.5" (A4); age: "18+" or "u18".
OLD_SUBDIVISION_CARRIES = {
    ("11357", "a"): {"conc": True},
    ("11357", "b"): {"amount": "le28.5", "conc": False, "school": False},
    ("11357", "c"): {"amount": "gt28.5", "conc": False},
    ("11357", "d"): {"amount": "le28.5", "conc": False, "school": True, "age": "18+"},
    ("11357", "e"): {"amount": "le28.5", "conc": False, "school": True, "age": "u18"},
    ("11360", "b"): {"amount": "le28.5", "conc": False, "for_sale": False, "interstate": False},
}
# Old letters that existed (11360(a) carries nothing in E3's table but sets the level, E4).
OLD_LETTERS = {"11357": "abcde", "11360": "ab"}


class RowError(ValueError):
    pass


# --- reading the CSV strings --------------------------------------------------------------

SECTION_RE = re.compile(
    r"^\s*(?:(?P<code>[A-Za-z&. ]{1,12}?)\s*)?(?P<number>\d{3,6}(?:\.\d+)?)"
    r"(?P<subs>(?:\s*\(\s*[A-Za-z0-9]{1,4}\s*\))*)\s*$"
)
COVERED_PREFIXES = {"", "hs", "h&s", "hsc"}


def read_section(text: str) -> tuple[str, str | None] | None:
    """E1. Returns (section, old letter or None) for 11357-11360, None for another
    readable section; raises RowError for text that is not a code section."""
    m = SECTION_RE.match(text or "")
    if not m:
        raise RowError("section")
    code = (m.group("code") or "").strip().lower().replace(" ", "")
    number = m.group("number")
    subs = re.findall(r"\(\s*([A-Za-z0-9]+)\s*\)", m.group("subs"))
    if code not in COVERED_PREFIXES or number not in ("11357", "11358", "11359", "11360"):
        return None
    # Reading: only a single old letter carries facts. A paragraph such as 11360(a)(2) or
    # 11357(b)(2) is Prop 64's new numbering, which E3 says "later convictions use"; it
    # says nothing about the old conduct, so it is read as a bare section number.
    if len(subs) == 1 and subs[0].lower() in OLD_LETTERS.get(number, ""):
        return number, subs[0].lower()
    return number, None


def read_date(text: str, column: str) -> tuple[date, date] | None:
    """A date, or a partial date (E2: `2012`, `2012-06`), as the range of days it covers."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            day = date.fromisoformat(text)
            return day, day
        if re.fullmatch(r"\d{4}-\d{2}", text):
            year, month = int(text[:4]), int(text[5:])
            first = date(year, month, 1)
            following = date(year + month // 12, month % 12 + 1, 1)
            return first, following - timedelta(days=1)
        if re.fullmatch(r"\d{4}", text):
            year = int(text)
            return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        pass
    raise RowError(column)


def read_whole(text: str, column: str) -> int | None:
    text = (text or "").strip()
    if not text:
        return None
    if not re.fullmatch(r"\d+", text):
        raise RowError(column)
    return int(text)


def read_grams(text: str) -> float | None:
    text = (text or "").strip()
    if not text:
        return None
    # A decimal comma is an error, not a thousands separator (the project's rule).
    if not re.fullmatch(r"\d+(\.\d+)?|\.\d+", text):
        raise RowError("amount_grams")
    return float(text)


def read_yes_no(text: str, column: str) -> bool | None:
    text = (text or "").strip().lower()
    if text in ("", "unknown"):
        return None
    if text in ("yes", "no"):
        return text == "yes"
    raise RowError(column)


def read_choice(text: str, column: str, allowed: tuple[str, ...]) -> str | None:
    text = (text or "").strip().lower()
    if text in ("", "unknown"):
        return None
    if text not in allowed:
        raise RowError(column)
    return text


def age_band(age: int) -> str:
    return "u18" if age < 18 else ("18-20" if age <= 20 else "21+")


def amount_band(grams: float) -> str:
    for band in ("A1", "A2", "A3"):
        if grams <= BAND_LIMITS[band]:
            return band
    return "A4"


# --- section 3: the new class of the conduct in one world ---------------------------------

def over_the_limit(w) -> bool:
    """Section 3: "at most 28.5 g and at most 8 g concentrated"."""
    return w["amount"] == "A4" or (w["conc"] and w["amount"] == "A3")


def possession_today(w) -> int:
    """HS 11357 table. Reading: the school-grounds row ("at most 28.5 g on K-12 grounds")
    applies to any amount within the personal limit (8 g if concentrated); above it the
    "more than" row applies wherever the possession was."""
    if w["age"] == "u18":
        return INFRACTION  # 11357(a)(1), (b)(1), (d)
    if over_the_limit(w):
        return MISDEMEANOR  # 11357(b)(2)
    if w["school"]:
        return MISDEMEANOR  # 11357(c)
    return INFRACTION if w["age"] == "18-20" else LAWFUL  # 11357(a)(2) / 11362.1(a)(1)-(2)


def prior_trigger(w) -> bool:
    """11358(d)(1)-(2), 11359(c)(1)-(2), 11360(a)(3)(A)-(B)."""
    return w["superstrike"] or w["pc290"] or w["priors2"]


def cultivation_today(w) -> int:
    if w["age"] == "u18":
        return INFRACTION  # 11358(a)
    if w["plants"] == "le6":
        return INFRACTION if w["age"] == "18-20" else LAWFUL  # 11358(b) / 11362.1(a)(3)
    if prior_trigger(w) or w["env"]:
        return FELONY  # 11358(d)
    return MISDEMEANOR  # 11358(c)


def possession_for_sale_today(w) -> int:
    if w["age"] == "u18":
        return INFRACTION  # 11359(a)
    if prior_trigger(w) or w["minor"] or (w["hired"] and w["age"] == "21+"):
        return FELONY  # 11359(c), (d): (d) needs an offender 21+
    return MISDEMEANOR  # 11359(b)


def transfer_today(w) -> int:
    """HS 11360 table. E6: `sold_to_minor` = yes is itself trigger (C); `interstate` = yes
    is (D) and carries an amount above the limit, so neither is ever lawful conduct.

    Reading (c): an 18-20 year old's gift of 28.5 g or less, not concentrated, is current
    11360(b) ("covers everyone"), a subdivision outside (a), so the (a)(3) triggers, which
    raise (a)(2), do not reach it; the same gift of concentrate is (a)(2) and they do."""
    if w["age"] == "u18":
        return INFRACTION  # 11360(a)(1)/(b)
    if w["minor"] or w["interstate"]:
        return FELONY  # 11360(a)(3)(C), (D)
    gift = not w["for_sale"] and not over_the_limit(w)
    if gift and w["age"] == "21+":
        return LAWFUL  # 11362.1(a)(1)-(2)
    if gift and not w["conc"]:
        return INFRACTION  # 11360(b)
    if prior_trigger(w):
        return FELONY  # 11360(a)(3)(A)-(B)
    return MISDEMEANOR  # 11360(a)(2)


TODAY = {
    "11357": possession_today,
    "11358": cultivation_today,
    "11359": possession_for_sale_today,
    "11360": transfer_today,
}


# --- the old law (E3, E4) -----------------------------------------------------------------

def old_subdivision(section: str, letter: str | None, w) -> str | None:
    """The written letter, or for a bare number what the facts settle (E3)."""
    if letter:
        return letter
    if section == "11357":
        if w["conc"]:
            return "a"
        if w["amount"] == "A4":
            return "c"
        if w["school"]:
            return "e" if w["age"] == "u18" else "d"
        return "b"
    if section == "11360":
        small_gift = not w["for_sale"] and not w["conc"] and w["amount"] != "A4"
        return "b" if small_gift and not w["interstate"] else "a"
    return None


def levels_of_the_time(section: str, sub: str | None, era: str) -> set[int]:
    """E4: the old level when `level` is unknown. A wobbler (old 11357(a)) stays open."""
    if section == "11357":
        if sub == "a":
            return {FELONY, MISDEMEANOR}
        if sub == "b":
            return {INFRACTION} if era == "2011on" else {MISDEMEANOR}
        return {MISDEMEANOR}  # (c), (d), (e)
    if section == "11360" and sub == "b":
        return {MISDEMEANOR}
    return {FELONY}  # 11358, 11359, 11360(a)


def carries(section: str, letter: str | None, w) -> bool:
    """E3: given (or enumerated) facts never contradict the old subdivision."""
    for fact, value in OLD_SUBDIVISION_CARRIES.get((section, letter), {}).items():
        if fact == "amount":
            if (w["amount"] == "A4") != (value == "gt28.5"):
                return False
        elif fact == "age":
            if (w["age"] == "u18") != (value == "u18"):
                return False
        elif w[fact] != value:
            return False
    return True


def interstate_carries(section: str, w) -> bool:
    """E3: `interstate` = yes carries more than 28.5 g (more than 4 g if concentrated),
    a row error beside a smaller amount, for 11360."""
    if section != "11360" or not w["interstate"]:
        return True
    return w["amount"] in ("A2", "A3", "A4") if w["conc"] else w["amount"] == "A4"


def outcome_of(old: int, new: int) -> str:
    """E5."""
    if new == LAWFUL:
        return "dismiss_and_seal"
    if new < old:
        return "reduce_to_infraction" if new == INFRACTION else "reduce_to_misdemeanor"
    return "not_eligible"


# --- one row ------------------------------------------------------------------------------

def decide(row: dict[str, str], today: date) -> dict:
    try:
        return _decide(row, today)
    except RowError:
        return {"error": True}


def _result(outcome, status, automatic="none", certainty="established", presumed=()):
    track = "none"
    if outcome in RELIEF:
        track = {"serving": "petition", "completed": "application"}.get(status, "unknown")
    return {
        "outcome": outcome,
        "track": track,
        "automatic": automatic,
        "certainty": certainty,
        "presumed": set(presumed),
    }


def _decide(row: dict[str, str], today: date) -> dict:
    get = lambda column: (row.get(column) or "").strip()  # noqa: E731
    # Every value is read first: a bad value is a row error whatever the section.
    level = read_choice(get("level"), "level", tuple(LEVELS))
    offense = read_date(get("offense_date"), "offense_date")
    conviction = read_date(get("conviction_date"), "conviction_date")
    age = read_whole(get("age_at_offense"), "age_at_offense")
    grams = read_grams(get("amount_grams"))
    plants = read_whole(get("plants"), "plants")
    priors = read_whole(get("prior_same_section"), "prior_same_section")
    status = read_choice(get("sentence_status"), "sentence_status", ("serving", "completed"))
    given = {column: read_yes_no(get(column), column) for column in YES_NO_FIELDS}
    # E8: "A juvenile row with age 18+ is a row error."
    if given["juvenile"] and age is not None and age >= 18:
        raise RowError("juvenile")
    section = read_section(get("section"))
    if section is None:
        return _result("not_eligible", status)  # E1: another section
    number, letter = section

    known = {
        "age": age_band(age) if age is not None else None,
        "amount": amount_band(grams) if grams is not None else None,
        "conc": given["concentrated"],
        "school": given["school_grounds"],
        "plants": None if plants is None else ("le6" if plants <= 6 else "gt6"),
        "for_sale": given["for_sale"],
        "superstrike": given["superstrike"],
        "pc290": given["pc290"],
        "priors2": None if priors is None else priors >= 2,
        "minor": given["sold_to_minor"],
        "hired": given["hired_under_21"],
        "env": given["environmental_violation"],
        "interstate": given["interstate"],
    }
    # E7: "`juvenile` = `yes` means under 18 even when the age is unknown".
    if given["juvenile"]:
        known["age"] = "u18"

    scope = offense_scope(offense, conviction)
    eras = scope_worlds(offense, conviction, scope)

    domains = {
        "age": ("u18", "18-20", "21+"),
        "amount": AMOUNT_BANDS,
        "conc": (False, True),
        "school": (False, True),
        "plants": ("le6", "gt6"),
        "for_sale": (False, True),
        "superstrike": (False, True),
        "pc290": (False, True),
        "priors2": (False, True),
        "minor": (False, True),
        "hired": (False, True),
        "env": (False, True),
        "interstate": (False, True),
    }
    relevant = RELEVANT[number]
    unknown = [f for f in relevant if f not in ("level", "offense") and known[f] is None]
    fixed = {f: known[f] for f in domains if known[f] is not None or f not in relevant}
    for f in domains:  # facts a section never looks at: any placeholder value will do
        if fixed.get(f) is None and f not in unknown:
            fixed[f] = domains[f][0]

    worlds = []
    for values in itertools.product(*(domains[f] for f in unknown)):
        w = dict(fixed)
        w.update(zip(unknown, values, strict=True))
        if not interstate_carries(number, w):
            continue
        # E3: old subdivisions carry facts "for conduct before 9 November 2016; later
        # convictions use the new numbering" (public case P42: 11357(b) with 40 g in 2017
        # is not_eligible, not an error). Reading: with a conviction on or after that
        # date and no offense date the numbering is unknown, so nothing is carried.
        if scope in ("before", "open") and not carries(number, letter, w):
            continue
        for era in eras:
            if era == "out":
                worlds.append({**w, "offense": era, "level": None, "outcome": "not_eligible"})
                continue
            sub = old_subdivision(number, letter, w)
            old_levels = {LEVELS[level]} if level else levels_of_the_time(number, sub, era)
            for old in sorted(old_levels):
                outcome = outcome_of(old, TODAY[number](w))
                worlds.append({**w, "offense": era, "level": old, "outcome": outcome,
                               "sub": sub})
    # E3/E4 read together (the lead's ruling): old 11360(a) was a straight felony, so a
    # misdemeanor or infraction under a bare 11360 settles the old subdivision as (b) and
    # the facts (b) carries, unless the given facts leave no (b) world at all.
    if number == "11360" and letter is None and level in ("misdemeanor", "infraction"):
        small_gifts = [w for w in worlds if w.get("sub") == "b"]
        if small_gifts:
            worlds = small_gifts + [w for w in worlds if w["offense"] == "out"]
    if not worlds:
        raise RowError("contradiction")  # E3: the given facts contradict the subdivision

    if scope == "after":
        return _result("not_eligible", status)  # E2: offense on or after 9 Nov 2016
    if scope == "review":
        return {**_result("needs_review", status), "certainty": None}

    # E7: an unknown age is treated as 21 or over (never under 18 or 18-20) unless the row
    # itself says otherwise (`juvenile` = yes, old 11357(e) under 18, 11357(d) 18+).
    age_open = known["age"] is None
    if age_open:
        bands = {w["age"] for w in worlds}
        presumed_age = "21+" if "21+" in bands else ("18-20" if "18-20" in bands else "u18")
        reading = [w for w in worlds if w["age"] == presumed_age]
    else:
        reading = worlds

    def best(ws):
        return max((w["outcome"] for w in ws), key=FAVOUR.get)

    outcome = best(reading)
    # "What still matters": a fact is open when some value of it, with every other unknown
    # fact again decided in the person's favour, gives a different outcome.
    presumed = set()
    facts = [f for f in unknown if f != "age"]
    if len(eras) > 1:
        facts.append("offense")
    if level is None:
        facts.append("level")
    for f in facts:
        for value in {w[f] for w in reading} - {None}:  # no level in an out-of-scope world
            if best([w for w in reading if w[f] == value]) != outcome:
                presumed.add(COLUMN[f])
    # E7: "where 18-20 would change the outcome the certainty is presumed and
    # age_at_offense is listed".
    if age_open and presumed_age == "21+":
        adult = [w for w in worlds if w["age"] == "18-20"]
        if adult and best(adult) != outcome:
            presumed.add("age_at_offense")

    automatic = "none"
    if outcome in RELIEF:
        automatic = automatic_status(row, given, age, known, level, reading, offense, conviction)
    return _result(outcome, status, automatic, "presumed" if presumed else "established", presumed)


def offense_scope(offense, conviction) -> str:
    """E2. 'before' / 'after' when the dates settle it, 'review' when the conviction came
    on or after 9 Nov 2016 and the offense date does not settle it, 'open' when neither
    date settles it ("presumed in scope if both are unknown").

    A partial date "counts as known wherever every day it covers gives the same answer";
    the year 2016 alone or November 2016 does not, and is then an unknown offense date.
    The same reading is applied to a partial conviction date.

    Reading (c): E2 says `needs_review` "if the conviction date is on or after it" without
    exception, so this is so even where every in-scope answer would be `not_eligible`."""
    if offense is not None and offense[1] < PROP_64_EFFECTIVE:
        return "before"
    if offense is not None and offense[0] >= PROP_64_EFFECTIVE:
        return "after"
    if conviction is not None and conviction[1] < PROP_64_EFFECTIVE:
        return "before"
    if conviction is not None and conviction[0] >= PROP_64_EFFECTIVE:
        return "review"
    return "open"


def scope_worlds(offense, conviction, scope) -> tuple[str, ...]:
    """The offense date's legally distinct values: before 2011 ("pre2011"), 2011 to
    8 Nov 2016 ("2011on"), on or after 9 Nov 2016 ("out", only where E2 leaves it open).

    E4: 11357(b) is an infraction "if the offense (or, when that is unknown, the
    conviction) is from 2011 or later, misdemeanor before"."""
    if offense is not None and offense[0] < PROP_64_EFFECTIVE:
        # Known, or the in-scope part of a 2016 / 2016-11 date: one side of 2011 (a
        # year or a month never straddles 1 Jan 2011).
        era = ("2011on" if offense[0] >= INFRACTION_ERA else "pre2011",)
    elif offense is None and conviction is not None:
        era = ("2011on" if conviction[0] >= INFRACTION_ERA else "pre2011",)
    else:
        era = ("pre2011", "2011on")
    if scope in ("after", "review"):
        return era  # decided before the worlds matter; kept only for row errors
    return era + (("out",) if scope == "open" else ())


def automatic_status(row, given, age, known, level, reading, offense, conviction) -> str:
    """E10, for an outcome with relief."""
    juvenile = given["juvenile"]
    # E7: "`juvenile` unknown with an age under 18 is treated as juvenile"; the age may
    # come from old 11357(e) (public case P54).
    under_18 = age is not None and age < 18
    if known["age"] is None and all(w["age"] == "u18" for w in reading):
        under_18 = True
    if juvenile or (juvenile is None and under_18):
        return "none"  # juvenile adjudications: not shown to be covered
    if level == "infraction":
        return "none"  # infraction convictions: DOJ records generally do not hold them
    # "Where the old level is not known and could have been an infraction, say none."
    # Reading (c): "could have been" is taken over every world still in play (with the
    # presumed age), not only the worlds that give the presumed outcome.
    if level is None and any(w["level"] == INFRACTION for w in reading):
        return "none"
    county = (row.get("county") or "").strip().lower()
    if county in SAN_FRANCISCO_NAMES and san_francisco_covers(offense, conviction):
        return "da_program"
    return "statewide"


def san_francisco_covers(offense, conviction) -> bool:
    """E10: San Francisco's program covers "misdemeanor and felony convictions since
    1 January 1975 for conduct before 9 November 2016" (the level is checked by the
    caller). A conviction comes after its offense, so an offense from 1975 on settles it.
    Reading (c): where no date settles it the program is not relied on ("da_program where
    the county data records a DA program whose scope covers the conviction"): statewide,
    which covers it either way."""
    if conviction is not None:
        return conviction[0] >= SAN_FRANCISCO_FROM
    return offense is not None and offense[0] >= SAN_FRANCISCO_FROM
