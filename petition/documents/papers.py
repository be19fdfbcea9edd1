"""What goes on the court papers, read off the engine's results (never decided here).

Court papers are in English (California courts require it), so the words below are plain
strings, not catalogue entries. Each conviction becomes one ``Count`` on the attachment
and the proposed order; the case's boxes on CR-400 are unions over its counts.
"""

from __future__ import annotations

from dataclasses import dataclass

from petition.counties import CityAttorney, city_attorney_may_prosecute
from petition.documents.model import Conviction, PacketCase
from petition.rules.vocabulary import Automatic, Certainty, Level, Outcome, Track

# CR-400 item 1: the sections the form lists, in its order, with its own words.
SECTION_BOXES = (
    ("11357", "Possession of Marijuana"),
    ("11358", "Cultivation of Marijuana"),
    ("11359", "Possession of Marijuana for Sale"),
    ("11360", "Transportation, Distribution, or Importation of Marijuana"),
    ("11362.1", "Personal Use of Marijuana"),
)

# The relief asked for, in the words of HS 11361.8: a petition (still serving) asks to
# recall the sentence and dismiss or resentence, 11361.8(b); an application (completed)
# asks to dismiss and seal or redesignate, 11361.8(f). Unknown track: both, so either
# box the person checks by hand is consistent with the attachment.
REQUESTED = {
    (Outcome.DISMISS_AND_SEAL, Track.PETITION):
        "Recall the sentence and dismiss the conviction as legally invalid",
    (Outcome.DISMISS_AND_SEAL, Track.APPLICATION):
        "Dismiss and seal the conviction as legally invalid",
    (Outcome.DISMISS_AND_SEAL, Track.UNKNOWN):
        "Dismiss the conviction as legally invalid (recalling any sentence) and seal it",
    (Outcome.REDUCE_TO_MISDEMEANOR, Track.PETITION):
        "Recall the sentence and resentence the conviction as a misdemeanor",
    (Outcome.REDUCE_TO_MISDEMEANOR, Track.APPLICATION):
        "Redesignate the conviction as a misdemeanor",
    (Outcome.REDUCE_TO_MISDEMEANOR, Track.UNKNOWN):
        "Resentence or redesignate the conviction as a misdemeanor",
    (Outcome.REDUCE_TO_INFRACTION, Track.PETITION):
        "Recall the sentence and resentence the conviction as an infraction",
    (Outcome.REDUCE_TO_INFRACTION, Track.APPLICATION):
        "Redesignate the conviction as an infraction",
    (Outcome.REDUCE_TO_INFRACTION, Track.UNKNOWN):
        "Resentence or redesignate the conviction as an infraction",
}
ORDERED = {
    (Outcome.DISMISS_AND_SEAL, Track.PETITION):
        "Sentence recalled; conviction dismissed as legally invalid",
    (Outcome.DISMISS_AND_SEAL, Track.APPLICATION): "Dismissed as legally invalid and sealed",
    (Outcome.DISMISS_AND_SEAL, Track.UNKNOWN):
        "Dismissed as legally invalid (any sentence recalled) and sealed",
    (Outcome.REDUCE_TO_MISDEMEANOR, Track.PETITION):
        "Sentence recalled; resentenced as a misdemeanor",
    (Outcome.REDUCE_TO_MISDEMEANOR, Track.APPLICATION): "Redesignated as a misdemeanor",
    (Outcome.REDUCE_TO_MISDEMEANOR, Track.UNKNOWN): "Resentenced / redesignated as a misdemeanor",
    (Outcome.REDUCE_TO_INFRACTION, Track.PETITION):
        "Sentence recalled; resentenced as an infraction",
    (Outcome.REDUCE_TO_INFRACTION, Track.APPLICATION): "Redesignated as an infraction",
    (Outcome.REDUCE_TO_INFRACTION, Track.UNKNOWN): "Resentenced / redesignated as an infraction",
}
JUVENILE_REQUESTED = {
    Outcome.DISMISS_AND_SEAL: "Dismiss and seal the adjudication",
    Outcome.REDUCE_TO_MISDEMEANOR: "Reduce the offense to a misdemeanor",
    Outcome.REDUCE_TO_INFRACTION: "Reduce the offense to an infraction",
}
JUVENILE_ORDERED = {
    Outcome.DISMISS_AND_SEAL: "Dismissed and sealed",
    Outcome.REDUCE_TO_MISDEMEANOR: "Reduced to a misdemeanor",
    Outcome.REDUCE_TO_INFRACTION: "Reduced to an infraction",
}

# The facts the engine may presume (design.md CSV columns), as a court reads them.
FACT_LABELS = {
    "county": "the county of conviction",
    "section": "the code section",
    "offense_date": "the date of the offense",
    "conviction_date": "the date of conviction",
    "level": "the level of the conviction",
    "juvenile": "whether the case was in juvenile court",
    "age_at_offense": "age at the time of the offense",
    "amount_grams": "the amount of cannabis",
    "concentrated": "whether the cannabis was concentrated",
    "school_grounds": "whether the possession was on school grounds",
    "plants": "the number of plants",
    "for_sale": "whether the conduct was for sale",
    "sold_to_minor": "whether cannabis went to a person under 18",
    "interstate": "whether cannabis was imported or taken out of California for sale",
    "hired_under_21": "whether a person under 21 was hired or used",
    "environmental_violation": "whether the cultivation violated an environmental law "
                               "listed in HS 11358(d)(3)",
    "superstrike": "a prior conviction listed in PC 667(e)(2)(C)(iv)",
    "pc290": "a prior conviction requiring registration under PC 290(c)",
    "prior_same_section": "prior convictions under the same section",
    "sentence_status": "whether the sentence is still being served",
}


@dataclass(frozen=True)
class Count:
    """One conviction as the attachment and the proposed order show it."""

    number: int
    section: str
    section_number: str
    level: str
    offense_date: object
    conviction_date: object
    outcome: Outcome
    track: Track
    requested: str
    ordered: str
    alternative: Outcome | None  # the lesser relief, only where the outcome is presumed
    alternative_requested: str
    alternative_ordered: str
    citations: tuple[str, ...]
    alternative_citations: tuple[str, ...]  # the authority for the alternative, if any
    presumed: tuple[str, ...]
    reasons: tuple[str, ...]
    automatic: Automatic
    program: object | None
    juvenile: bool
    old_level: Level | None
    dated: bool  # the engine found the conduct before Prop 64 from the dates, not presumed


def level_of(conviction: Conviction) -> Level | None:
    level = conviction.facts.level or conviction.result.old_level
    return level if isinstance(level, Level) else None


def level_word(conviction: Conviction) -> str:
    level = level_of(conviction)
    return level.word if level else "unknown"


def count_of(number: int, conviction: Conviction) -> Count:
    facts, result = conviction.facts, conviction.result
    track = result.track if result.track in (Track.PETITION, Track.APPLICATION) else Track.UNKNOWN
    alternative = result.alternative
    if result.juvenile:
        def requested(outcome):
            return JUVENILE_REQUESTED[outcome]

        def ordered(outcome):
            return JUVENILE_ORDERED[outcome]
    else:
        def requested(outcome):
            return REQUESTED[outcome, track]

        def ordered(outcome):
            return ORDERED[outcome, track]
    presumed = result.certainty is Certainty.PRESUMED
    return Count(
        number=number,
        section=str(facts.section) if facts.section else "unknown section",
        section_number=facts.section.number if facts.section else "",
        level=level_word(conviction),
        offense_date=facts.offense_date,
        conviction_date=facts.conviction_date,
        outcome=result.outcome,
        track=track,
        requested=requested(result.outcome),
        ordered=ordered(result.outcome),
        alternative=alternative if presumed else None,
        alternative_requested=requested(alternative) if presumed and alternative else "",
        alternative_ordered=ordered(alternative) if presumed and alternative else "",
        citations=result.citations,
        alternative_citations=result.alternative_citations if presumed and alternative else (),
        presumed=tuple(FACT_LABELS.get(fact, fact.replace("_", " "))
                       for fact in result.presumed_facts) if presumed else (),
        reasons=tuple(reason.english() for reason in result.reasons),
        automatic=result.automatic,
        program=result.program,
        juvenile=result.juvenile,
        old_level=level_of(conviction),
        # The engine presumes the offense date only when the record does not show the
        # conduct before 9 November 2016 (law.md E2); the papers never compare dates.
        dated="offense_date" not in result.presumed_facts,
    )


@dataclass(frozen=True)
class Papers:
    """Everything the templates need for one packet, worked out once."""

    case: PacketCase
    counts: tuple[Count, ...]

    @property
    def adult_counts(self) -> tuple[Count, ...]:
        return tuple(count for count in self.counts if not count.juvenile)

    @property
    def juvenile_counts(self) -> tuple[Count, ...]:
        return tuple(count for count in self.counts if count.juvenile)

    @property
    def tracks(self) -> frozenset[Track]:
        return frozenset(count.track for count in self.counts)

    @property
    def petition(self) -> bool:
        """CR-400's 11361.8(b) box and item 2 PETITION (``Result.relief_box``)."""
        return any(c.track is Track.PETITION for c in self.adult_counts)

    @property
    def application(self) -> bool:
        """CR-400's 11361.8(f) box and item 2 APPLICATION."""
        return any(c.track is Track.APPLICATION for c in self.adult_counts)

    @property
    def juvenile_petition(self) -> bool:
        return any(c.track is Track.PETITION for c in self.juvenile_counts)

    @property
    def juvenile_application(self) -> bool:
        return any(c.track is Track.APPLICATION for c in self.juvenile_counts)

    @property
    def track_unknown(self) -> bool:
        return Track.UNKNOWN in self.tracks

    @property
    def sections_convicted(self) -> frozenset[str]:
        return frozenset(count.section_number for count in self.adult_counts)

    @property
    def prosecutor(self) -> str:
        """The county's District Attorney: felonies are always theirs."""
        county = self.case.county
        return county.prosecutor if county else ""

    @property
    def city_attorney_possible(self) -> bool:
        """A misdemeanor or infraction (or a count of unknown level) may have been prosecuted
        by a city attorney; a juvenile case is the District Attorney's."""
        return any(city_attorney_may_prosecute(count.old_level) for count in self.adult_counts)

    @property
    def city_attorneys(self) -> tuple[CityAttorney, ...]:
        """The county's city attorney offices that handle the level of a count here."""
        if self.case.county is None:
            return ()
        return self.case.county.city_attorneys_for({count.old_level
                                                    for count in self.adult_counts})

    @property
    def court(self) -> str:
        county = self.case.county
        return county.court if county else "Superior Court of California, County of ____________"

    @property
    def county_name(self) -> str:
        return self.case.county.name if self.case.county else ""

    def dated_before_prop_64(self, counts: tuple[Count, ...]) -> bool:
        """Whether the record shows every count's conduct before 9 November 2016, as the
        engine found it. Where it does not, the papers say nothing about the date rather
        than assert what nobody knows."""
        return all(count.dated for count in counts)

    @property
    def several(self) -> bool:
        return len(self.counts) > 1

    @property
    def only_juvenile(self) -> bool:
        return not self.adult_counts

    @property
    def automatic(self) -> frozenset[Automatic]:
        return frozenset(count.automatic for count in self.counts)

    @property
    def programs(self) -> tuple:
        return tuple(dict.fromkeys(c.program for c in self.counts if c.program is not None))


def papers_for(case: PacketCase) -> Papers:
    """Only convictions with relief go on the papers; the engine decided which (design.md)."""
    with_relief = [c for c in case.convictions if c.result.outcome.gives_relief]
    if not with_relief:
        raise ValueError("no conviction in this case has Prop 64 relief: no packet to make")
    return Papers(case, tuple(count_of(n, c) for n, c in enumerate(with_relief, start=1)))
