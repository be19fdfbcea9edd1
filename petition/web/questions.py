"""Every question the interview can ask, one per fact of the screening CSV (design.md).

The field ``name`` is the CSV column and option values are the CSV values, so a script can
drive the interview as easily as a person. Texts are in plain words (6th-grade level).
"""

from __future__ import annotations

from dataclasses import dataclass

from petition.counties import all_counties
from petition.web.translation import lazy_gettext as _l

UNKNOWN = "unknown"


@dataclass(frozen=True)
class Option:
    value: str
    label: object
    hint: object = ""


@dataclass(frozen=True)
class Question:
    fact: str
    kind: str  # "choice", "county", "number", "date"
    title: object  # the page's h1 and the legend or label
    short: object  # the row label on Check your answers
    hint: object = ""
    options: tuple[Option, ...] = ()
    sensitive: bool = False  # asked gently: say why we ask
    whole: bool = True  # numbers: whole numbers only
    low: float = 0
    high: float = 0
    unit: object = ""
    example: object = ""
    birth_date: bool = False  # the age may be worked out from a date of birth instead


def dont_know() -> Option:
    return Option(UNKNOWN, _l("I don't know"))


def yes_no(yes_hint: object = "", no_hint: object = "") -> tuple[Option, ...]:
    return (Option("yes", _l("Yes"), yes_hint), Option("no", _l("No"), no_hint), dont_know())


SECTIONS = (
    Option("11357", _l("Having cannabis (possession)"), _l("Health and Safety Code 11357")),
    Option("11358", _l("Growing cannabis plants (cultivation)"),
           _l("Health and Safety Code 11358")),
    Option("11359", _l("Having cannabis to sell (possession for sale)"),
           _l("Health and Safety Code 11359")),
    Option("11360", _l("Selling, giving away or carrying cannabis (sale or transport)"),
           _l("Health and Safety Code 11360")),
    Option("other", _l("Something else"),
           _l("For example a driving offense, or a law about other drugs")),
    dont_know(),
)

LEVELS = (
    Option("felony", _l("A felony"), _l("A serious crime. The sentence could be prison.")),
    Option("misdemeanor", _l("A misdemeanor"),
           _l("A less serious crime. The sentence could be county jail, probation or a fine.")),
    Option("infraction", _l("An infraction"), _l("Like a ticket: a fine only, no jail.")),
    dont_know(),
)

SENTENCE_STATUSES = (
    Option("serving", _l("Yes, I am still serving it")),
    Option("completed", _l("No, it is finished")),
    dont_know(),
)

WHY_WE_ASK = _l("We ask only because the law treats some cases differently. Your answers are "
                "not sent to anyone and are deleted after 30 minutes.")

QUESTIONS = {q.fact: q for q in (
    Question("county", "county", _l("In which county were you convicted?"), _l("County"),
             _l("The county of the court that handled your case.")),
    Question("section", "choice", _l("What was the conviction for?"), _l("Conviction for"),
             _l("The code section is on your court papers or your criminal record (rap "
                "sheet). If you had more than one charge, answer for one of them now: you can "
                "add the others later."),
             SECTIONS),
    Question("offense_date", "date", _l("When did it happen?"), _l("Date it happened"),
             _l("The date of the arrest or of what you were charged with. For example, 3 27 "
                "2012.")),
    Question("conviction_date", "date", _l("When were you convicted?"), _l("Date convicted"),
             _l("The date you pleaded guilty or no contest, or were found guilty. For example, "
                "9 15 2013.")),
    Question("level", "choice", _l("Was it a felony, a misdemeanor or an infraction?"),
             _l("Felony or misdemeanor"),
             _l("Your court papers or record say which. Choose what you were convicted of, "
                "not what you were first charged with."),
             LEVELS),
    Question("juvenile", "choice", _l("Was your case in juvenile court?"), _l("Juvenile court"),
             _l("Juvenile court handles cases of people who were under 18."),
             yes_no()),
    Question("age_at_offense", "number", _l("How old were you when it happened?"),
             _l("Age when it happened"), _l("Your age in years on the day it happened."),
             low=8, high=110, unit=_l("years old"), example=_l("For example, 19"),
             birth_date=True),
    Question("amount_grams", "number", _l("How much cannabis was it, in grams?"),
             _l("Amount"),
             _l("About how many grams? A close guess is fine. An ounce is 28.35 grams, a "
                "quarter ounce is about 7 grams, and an eighth is about 3.5 grams. Your court "
                "papers or police report may say the amount."),
             whole=False, low=0, high=100_000_000, unit=_l("grams"),
             example=_l("For example, 28.5")),
    Question("concentrated", "choice", _l("Was it concentrated cannabis?"),
             _l("Concentrated cannabis"),
             _l("Concentrated cannabis means hash, wax, shatter, oil or other extracts. Leaves "
                "and flowers are not concentrated."),
             yes_no()),
    Question("school_grounds", "choice",
             _l("Were you on the grounds of a school when it happened?"), _l("On school grounds"),
             _l("Only a school for kindergarten to 12th grade, while the school was open."),
             yes_no()),
    Question("plants", "number", _l("How many cannabis plants were you growing?"),
             _l("Number of plants"), _l("Count living plants only."),
             low=0, high=1_000_000, unit=_l("plants"), example=_l("For example, 6")),
    Question("for_sale", "choice", _l("Was the cannabis for selling?"), _l("For selling"),
             _l("Answer no if it was for your own use, or to give away free."),
             yes_no()),
    Question("sold_to_minor", "choice",
             _l("Did you sell or give cannabis to someone under 18?"),
             _l("Someone under 18 involved"), _l("Count a sale, an offer or a gift."),
             yes_no(), sensitive=True),
    Question("interstate", "choice",
             _l("Did you bring cannabis into California, or take it out of California to sell?"),
             _l("Across the state line"),
             _l("Only if it was more than 28.5 grams (about 1 ounce), or more than 4 grams of "
                "concentrated cannabis."),
             yes_no(), sensitive=True),
    Question("hired_under_21", "choice",
             _l("Did you hire or use someone aged 20 or younger to help?"),
             _l("Help from someone under 21"),
             _l("For example, paying a 19-year-old to sell or deliver for you."),
             yes_no(), sensitive=True),
    Question("environmental_violation", "choice",
             _l("Did the growing break a law that protects water, fish or wildlife?"),
             _l("Environmental law broken"),
             _l("For example, taking water from a stream without permission, or dumping "
                "waste. Answer yes only if that was part of the case."),
             yes_no(), sensitive=True),
    Question("superstrike", "choice",
             _l("Before this happened, had you been convicted of a very serious violent or "
                "sex crime?"),
             _l("Earlier very serious conviction"),
             _l("The law calls these \"super strikes\": for example murder, attempted murder or "
                "a serious sex crime. Do not count convictions that came later."),
             yes_no(), sensitive=True),
    Question("pc290", "choice",
             _l("Before this happened, had you been convicted of a crime that requires sex "
                "offender registration?"),
             _l("Earlier conviction needing registration"),
             _l("This means registration under Penal Code 290. Do not count convictions that "
                "came later."),
             yes_no(), sensitive=True),
    Question("prior_same_section", "number",
             _l("Before this happened, how many times had you been convicted of the same "
                "offense?"),
             _l("Earlier convictions for the same offense"),
             _l("Count only earlier convictions under the same code section. Write 0 if there "
                "were none."),
             low=0, high=100, unit=_l("convictions"), example=_l("For example, 0"),
             sensitive=True),
    Question("sentence_status", "choice",
             _l("Are you still serving the sentence for this conviction?"),
             _l("Still serving the sentence"),
             _l("Still serving means in jail or prison, or on probation, parole or "
                "supervision."),
             SENTENCE_STATUSES),
)}


def county_names() -> tuple[str, ...]:
    return tuple(county.name for county in all_counties())
