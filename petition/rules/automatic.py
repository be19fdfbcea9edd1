"""law.md E10 and HS 11361.9: is the record likely being cleared without a filing?"""

from __future__ import annotations

from datetime import date

from petition.counties import Program
from petition.facts import ConvictionFacts
from petition.rules import unconfirmed
from petition.rules.vocabulary import Automatic, Level, Outcome


def program_covering(facts: ConvictionFacts, old_level: Level | None, evaluation_date: date
                     ) -> Program | None:
    """The county's early program that covers this conviction, when its scope is known.
    An unknown conviction date is covered when the offense (which came first) is."""
    if facts.county is None or not facts.county.programs:
        return None
    convicted_no_earlier_than = facts.conviction_date or facts.offense_date
    for program in facts.county.programs:
        if not program.scope_known and unconfirmed.ONLY_PROGRAMS_WITH_KNOWN_SCOPE:
            continue
        started = program.announced is None or program.announced <= evaluation_date
        if started and program.covers(old_level, convicted_no_earlier_than):
            return program
    return None


def automatic_relief(outcome: Outcome, old_level: Level | None, juvenile: bool,
                     facts: ConvictionFacts, evaluation_date: date
                     ) -> tuple[Automatic, Program | None]:
    """`none` never means "too late": it means "apply yourself"."""
    if not outcome.gives_relief:
        return Automatic.NONE, None
    if old_level is Level.INFRACTION and not unconfirmed.INFRACTIONS_CLEARED_AUTOMATICALLY:
        return Automatic.NONE, None
    if juvenile and not unconfirmed.JUVENILE_CLEARED_AUTOMATICALLY:
        return Automatic.NONE, None
    program = program_covering(facts, old_level, evaluation_date)
    if program:
        return Automatic.DA_PROGRAM, program
    if evaluation_date < unconfirmed.STATEWIDE_REVIEW_STARTS:
        return Automatic.NONE, None
    return Automatic.STATEWIDE, None
