"""law.md E3: what each old subdivision (the numbering before Prop 64) says about the conduct.

One table, in the statute's own words. The parser reports a given fact that contradicts it
(``contradictions``) and the engine fills in the facts it carries where they are unknown
(``carried_facts``), so the two can never drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from petition.rules.thresholds import PERSONAL_GRAMS

WITHIN, OVER = "within", "over"  # 28.5 g or less / more than 28.5 g


@dataclass(frozen=True, slots=True)
class Carries:
    """The facts an old subdivision carries; ``None`` says nothing about that fact."""

    concentrated: bool | None = None
    amount: str | None = None  # WITHIN or OVER 28.5 g
    school_grounds: bool | None = None
    under_18: bool | None = None
    for_sale: bool | None = None
    interstate: bool | None = None


OLD_SUBDIVISIONS = {
    # 11357(a): concentrated cannabis.
    ("11357", "a"): Carries(concentrated=True),
    # 11357(b): 28.5 g or less, other than concentrated; not on school grounds (that was (d)/(e)).
    ("11357", "b"): Carries(concentrated=False, amount=WITHIN, school_grounds=False),
    # 11357(c): more than 28.5 g, other than concentrated.
    ("11357", "c"): Carries(concentrated=False, amount=OVER),
    # 11357(d): 28.5 g or less, other than concentrated, on K-12 grounds while open, 18 or over.
    ("11357", "d"): Carries(concentrated=False, amount=WITHIN, school_grounds=True,
                            under_18=False),
    # 11357(e): the same as (d), under 18.
    ("11357", "e"): Carries(concentrated=False, amount=WITHIN, school_grounds=True,
                            under_18=True),
    # 11360(b): 28.5 g or less, other than concentrated, given away or transported, not for
    # sale, not imported.
    ("11360", "b"): Carries(concentrated=False, amount=WITHIN, for_sale=False, interstate=False),
}


def carries(number: str, letter: str | None) -> Carries | None:
    return OLD_SUBDIVISIONS.get((number, letter)) if letter else None


def contradictions(section, facts) -> list[str]:
    """Each given fact of ``facts`` that the old subdivision of ``section`` rules out, in words
    a clinic worker can act on (E3: given facts may refine, never contradict)."""
    said = carries(section.number, section.old_letter)
    if said is None:
        return []
    means = f"section {section} means "
    problems = []
    if said.concentrated is True and facts.concentrated is False:
        problems.append(means + "concentrated cannabis, but concentrated is no")
    if said.concentrated is False and facts.concentrated is True:
        problems.append(means + "cannabis other than concentrated, but concentrated is yes")
    grams = facts.amount_grams
    if said.amount == WITHIN and grams is not None and grams > PERSONAL_GRAMS:
        problems.append(means + f"{PERSONAL_GRAMS:g} g or less, but amount_grams is {grams:.10g}")
    if said.amount == OVER and grams is not None and grams <= PERSONAL_GRAMS:
        problems.append(means + f"more than {PERSONAL_GRAMS:g} g, but amount_grams is "
                        f"{grams:.10g}")
    if said.school_grounds is True and facts.school_grounds is False:
        problems.append(means + "possession on school grounds, but school_grounds is no")
    if said.school_grounds is False and facts.school_grounds is True:
        problems.append(means + "possession away from school grounds, but school_grounds is yes")
    age = facts.age_at_offense
    if said.under_18 is False and age is not None and age < 18:
        problems.append(means + f"a person 18 or older, but age_at_offense is {age}")
    if said.under_18 is False and facts.juvenile:
        problems.append(means + "a person 18 or older, but juvenile is yes")
    if said.under_18 is True and age is not None and age >= 18:
        problems.append(means + f"a person under 18, but age_at_offense is {age}")
    if said.for_sale is False and facts.for_sale is True:
        problems.append(means + "giving away or transporting, not selling, but for_sale is yes")
    if said.interstate is False and facts.interstate is True:
        problems.append(means + f"{PERSONAL_GRAMS:g} g or less, not concentrated, but interstate "
                        f"is yes (more than {PERSONAL_GRAMS:g} g)")
    return problems
