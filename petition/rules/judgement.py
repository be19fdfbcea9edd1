"""One conviction's outcome under HS 11361.8, for one way the unknown facts could go."""

from __future__ import annotations

from dataclasses import dataclass

from petition.rules.circumstances import Timing
from petition.rules.cultivation import cultivation_today
from petition.rules.findings import N_, Finding, Reason, reason
from petition.rules.inquiry import Inquiry
from petition.rules.old_level import old_level
from petition.rules.possession import possession_today
from petition.rules.possession_for_sale import possession_for_sale_today
from petition.rules.sale import sale_today
from petition.rules.vocabulary import Level, Outcome

SCOPE = ("HS 11361.8(a)", "HS 11361.8(e)")

TODAY = {
    "11357": possession_today,
    "11358": cultivation_today,
    "11359": possession_for_sale_today,
    "11360": sale_today,
}

OTHER_SECTION = N_(
    "Prop 64 relief covers only convictions under Health and Safety Code 11357, 11358, 11359 "
    "and 11360."
)
SECTION_UNKNOWN = N_(
    "We need the code section of the conviction to decide. It is on your court papers or your "
    "record; the clerk of the court where you were convicted can tell you."
)
AFTER_PROP_64 = N_(
    "The conduct happened on or after 9 November 2016, when Prop 64 was already the law, so it "
    "was judged under the new rules."
)
CONVICTED_AFTER_UNKNOWN_OFFENSE = N_(
    "The conviction came after 9 November 2016. It qualifies only if the conduct itself happened "
    "before that day: find out the offense date (your record, or the clerk of the court where "
    "you were convicted, can tell you)."
)
LAWFUL_TODAY = N_("Today this is legal, so the conviction can be dismissed and sealed.")
LESSER_TODAY = N_("Today this is %(today)s, less than the %(old)s you were convicted of.")
# A juvenile court case is an adjudication, not a conviction (law.md E8, HS 11361.8(m)).
LESSER_TODAY_JUVENILE = N_(
    "Today this is %(today)s, less than the %(old)s the juvenile court found true.")
SAME_TODAY = N_(
    "Today this would still be %(today)s, so Prop 64 does not lower this %(old)s conviction."
)
IN_JUVENILE_WORDS = {LESSER_TODAY: LESSER_TODAY_JUVENILE}
# The class of today's offense with its article ("an infraction", not "a infraction").
WITH_ARTICLE = {
    Level.INFRACTION: N_("an infraction"),
    Level.MISDEMEANOR: N_("a misdemeanor"),
    Level.FELONY: N_("a felony"),
}
FELONY_TODAY = N_("Today this would still be a felony, so Prop 64 gives no relief for it.")


@dataclass(frozen=True, slots=True)
class Verdict:
    outcome: Outcome
    citations: tuple[str, ...] = ()
    reasons: tuple[Reason, ...] = ()
    old_level: Level | None = None


def judge(ask: Inquiry) -> Verdict:
    known = ask.known
    if known.section is None:
        return Verdict(Outcome.NEEDS_REVIEW, SCOPE, (reason(SECTION_UNKNOWN),))
    if known.section == "other":
        return Verdict(Outcome.NOT_ELIGIBLE, SCOPE, (reason(OTHER_SECTION),))
    timing_verdict = judge_timing(ask)
    if timing_verdict:
        return timing_verdict
    today = TODAY[known.section](ask)
    old = old_level(ask)
    return Verdict(outcome_of(today, old), today.citations,
                   today.reasons + (compare(today, old),), old)


def judge_timing(ask: Inquiry) -> Verdict | None:
    """law.md E2: the law at the offense date decides; Prop 64 took effect on 9 Nov 2016."""
    timing = ask.known.timing
    if timing == Timing.CONVICTED_AFTER:
        return Verdict(Outcome.NEEDS_REVIEW, SCOPE, (reason(CONVICTED_AFTER_UNKNOWN_OFFENSE),))
    if timing == Timing.AFTER or (
        timing == Timing.UNKNOWN and not ask.choose("offense_date", (True, False))
    ):
        return Verdict(Outcome.NOT_ELIGIBLE, SCOPE, (reason(AFTER_PROP_64),))
    return None


def outcome_of(today: Finding, old: Level) -> Outcome:
    """law.md E5: lawful now, dismiss and seal; a lesser class now, reduce; otherwise none."""
    if today.today is Level.LAWFUL:
        return Outcome.DISMISS_AND_SEAL
    if today.today < old:
        return (Outcome.REDUCE_TO_INFRACTION if today.today is Level.INFRACTION
                else Outcome.REDUCE_TO_MISDEMEANOR)
    return Outcome.NOT_ELIGIBLE


def compare(today: Finding, old: Level) -> Reason:
    if today.today is Level.LAWFUL:
        return reason(LAWFUL_TODAY)
    if today.today is Level.FELONY:
        return reason(FELONY_TODAY)
    template = LESSER_TODAY if today.today < old else SAME_TODAY
    return reason(template, today=WITH_ARTICLE[today.today], old=old.word)
