"""The decision for one conviction: outcome, certainty, track, automatic relief, and why.

``evaluate`` is the engine's one entry point. It is pure: the same facts and evaluation
date always give the same result, and nothing is read or written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, NamedTuple

from petition.facts import ConvictionFacts
from petition.rules.automatic import automatic_relief
from petition.rules.circumstances import Circumstances, Timing, circumstances_of
from petition.rules.dates import PROP_64_EFFECTIVE
from petition.rules.findings import N_, Reason, reason
from petition.rules.inquiry import explore
from petition.rules.judgement import IN_JUVENILE_WORDS, Verdict, judge
from petition.rules.unconfirmed import JUVENILE_SUBDIVISION
from petition.rules.vocabulary import AgeBand, Automatic, Certainty, Level, Outcome, Track

# The order a person should be asked about what is still unknown: where and what first,
# then when and who, then the conduct, then, gently and last, the disqualifiers.
QUESTION_ORDER = (
    "county", "section", "offense_date", "conviction_date", "level", "juvenile",
    "age_at_offense", "amount_grams", "concentrated", "school_grounds", "plants", "for_sale",
    "sold_to_minor", "interstate", "hired_under_21", "environmental_violation", "superstrike",
    "pc290", "prior_same_section", "sentence_status",
)

OTHER_ROUTES = N_(
    "Other ways may still help: an expungement under Penal Code 1203.4 or 1203.4a, or, for some "
    "old possession and transport records, records destruction under HS 11361.5. A legal aid "
    "office can tell you which fits."
)
PRESUMED = N_(
    "Some facts are unknown. The law presumes you qualify unless the prosecutor proves "
    "otherwise with clear and convincing evidence (HS 11361.8(b) and (f)), so we took the "
    "answer most favorable to you."
)


@dataclass(frozen=True, slots=True)
class Presumption:
    """A fact taken on the presumption, and the value taken (a representative of its band)."""

    fact: str
    value: object


@dataclass(frozen=True, slots=True)
class Result:
    outcome: Outcome
    certainty: Certainty
    track: Track
    automatic: Automatic
    citations: tuple[str, ...]
    reasons: tuple[Reason, ...]
    presumed: tuple[Presumption, ...]
    open_questions: tuple[str, ...]
    old_level: Level | None
    alternative: Outcome | None  # the lesser relief to ask for if a presumption fails
    juvenile: bool
    program: object | None  # the county program behind `da_program`
    # The subdivisions behind `alternative` (e.g. HS 11360(a)(2)), for the papers to cite.
    alternative_citations: tuple[str, ...] = ()
    # law.md E5: for `not_eligible`, the other ways that may still help (OTHER_ROUTES says
    # them in words): PC 1203.4 / 1203.4a and HS 11361.5.
    other_routes: tuple[str, ...] = ()

    @property
    def presumed_facts(self) -> tuple[str, ...]:
        return tuple(presumption.fact for presumption in self.presumed)

    @property
    def relief_box(self) -> str | None:
        """The CR-400 box: 11361.8(b) for a petition, 11361.8(f) for an application."""
        return {Track.PETITION: "HS 11361.8(b)", Track.APPLICATION: "HS 11361.8(f)"}.get(self.track)


@dataclass(frozen=True, slots=True)
class Decision:
    chosen: World
    certainty: Certainty
    presumed: tuple[Presumption, ...]
    open_facts: frozenset[str]
    alternative: Outcome | None
    alternative_citations: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class World:
    """One way the unknown facts could go (a leaf of ``explore``, plus the juvenile-court
    question where it is open), and what it gives: the outcome and the automatic status."""

    assignment: Mapping[str, Any]
    verdict: Verdict
    juvenile: bool
    automatic: Automatic

    @property
    def result(self) -> tuple[Outcome, Automatic]:
        return self.verdict.outcome, self.automatic


# law.md E10: the automatic status a world would get, by (old level, juvenile), for an
# outcome with relief. Worked out by ``evaluate`` from the county and the dates, so that the
# engine's decision depends on legal categories only.
AutomaticTable = tuple[tuple[tuple[Level | None, bool], Automatic], ...]

# law.md E7: between equally favourable worlds, the less surprising reading.
NATURAL = {"school_grounds": False, "concentrated": False, "for_sale": False,
           "offense_date": True,
           # A disqualifier nobody knows of is not read into the record: where every reading
           # gives the same outcome, the reasons never say "you had a super strike".
           "superstrike": False, "pc290": False, "prior_same_section": 0,
           "sold_to_minor": False, "hired_under_21": False, "environmental_violation": False,
           "interstate": False}
# Never promise a review that may not have come (E10): between worlds with the same outcome,
# the one without automatic relief is taken, and what settles it is asked.
CAUTION = {Automatic.NONE: 2, Automatic.STATEWIDE: 1, Automatic.DA_PROGRAM: 0}


def preference(world: World) -> tuple:
    """How the presumption ranks worlds: the most favourable outcome; then the most cautious
    automatic status; then the natural reading (nothing unusual read into the record: not on
    school grounds, not concentrated, no disqualifier); then the fewest facts taken; then the
    higher old level where the old law left it open (E4)."""
    assignment = world.assignment
    surprises = sum(1 for fact, value in assignment.items()
                    if fact in NATURAL and value != NATURAL[fact])
    level = assignment.get("level")
    # Worlds still equal keep the order ``explore`` found them in (max takes the first).
    return (world.verdict.outcome.favour, CAUTION[world.automatic], -surprises,
            -len(assignment), level if level is not None else 0)


def compatible(world: World, fixed: Mapping[str, Any]) -> bool:
    """A world that never read a fact is compatible with every value of it."""
    return all(world.assignment.get(fact, value) == value for fact, value in fixed.items())


def best(worlds: list[World]) -> World | None:
    return max(worlds, key=preference, default=None)


def worlds_of(known: Circumstances, automatic_table: AutomaticTable, juvenile: bool | None
              ) -> tuple[list[World], dict]:
    """Every way the unknown facts could go, including the ones the presumption never takes
    (an age under 18, law.md E7) but that decide what is still worth asking."""
    automatic_of = dict(automatic_table)
    leaves, preferred = explore(judge, known)
    if known.age_at_offense is None:
        # A conviction is presumed an adult's: a juvenile-court case is a world where the
        # person was under 18, never the one presumed.
        leaves += explore(judge, known, {"age_at_offense": AgeBand.UNDER_18})[0]
    juvenile_values = {False: (False,), True: (True,), None: (True, False)}[juvenile]
    if known.age_at_offense is AgeBand.UNDER_18 and juvenile is None:
        preferred["juvenile"] = True  # E7: unknown juvenile with an age under 18 is juvenile
    worlds = []
    for leaf in leaves:
        minor = leaf.assignment.get("age_at_offense", known.age_at_offense) is AgeBand.UNDER_18
        for is_juvenile in (juvenile_values if minor else (False,)):
            assignment = dict(leaf.assignment)
            if juvenile is None:
                assignment["juvenile"] = is_juvenile
            verdict = leaf.verdict
            automatic = (automatic_of[(verdict.old_level, is_juvenile)]
                         if verdict.outcome.gives_relief else Automatic.NONE)
            worlds.append(World(assignment, verdict, is_juvenile, automatic))
    return worlds, preferred


MINOR_VALUES = {("age_at_offense", AgeBand.UNDER_18), ("juvenile", True)}


def presumable(world: World, known: Circumstances, preferred: dict) -> bool:
    """A world the presumption may take: an unknown age is 21 or over (E7)."""
    if known.age_at_offense is None and world.assignment.get("age_at_offense") is AgeBand.UNDER_18:
        return False
    return compatible(world, preferred)


def decide(known: Circumstances, automatic_table: AutomaticTable = (),
           juvenile: bool | None = False) -> Decision:
    """law.md E7. The presumption takes the world most favourable to the person (age aside).
    A fact is open when some value of it, with every other unknown fact again decided in the
    person's favour, gives a different outcome or automatic status; it is presumed when the
    presumption decided the outcome."""
    worlds, preferred = worlds_of(known, automatic_table or default_table(), juvenile)
    candidates = [world for world in worlds if presumable(world, known, preferred)]
    chosen = without_promise_if_maybe_infraction(known, best(candidates), candidates)
    facts = dict.fromkeys(fact for world in worlds for fact in world.assignment)
    presumed, open_facts = [], set()
    for fact in facts:
        values = dict.fromkeys(world.assignment[fact] for world in worlds
                               if fact in world.assignment)
        for value in values:
            others = {key: wanted for key, wanted in preferred.items() if key != fact}
            # Under 18 is never presumed, but it is a world to compare with when the fact
            # itself says so (an age under 18, a juvenile-court case).
            says_minor = (fact, value) in MINOR_VALUES
            if says_minor:
                others.pop("age_at_offense", None)
            pool = [world for world in worlds if compatible(world, {fact: value})
                    and compatible(world, others)
                    and (says_minor or presumable(world, known, others))]
            alternative = without_promise_if_maybe_infraction(known, best(pool), pool)
            if alternative is None or alternative.result == chosen.result:
                continue
            open_facts.add(fact)
            under_18 = fact == "age_at_offense" and value is AgeBand.UNDER_18
            if alternative.verdict.outcome != chosen.verdict.outcome and not under_18 \
                    and fact != "juvenile":
                presumed.append(Presumption(fact, chosen.assignment.get(fact)))
    if level_unsettled(known, worlds, chosen, automatic_table, juvenile):
        open_facts.add("level")
    outcomes = {world.verdict.outcome for world in candidates}
    for fact, outcome_differs in facts_that_matter_together(candidates, chosen, open_facts):
        open_facts.add(fact)
        if outcome_differs and fact not in ("juvenile", "age_at_offense"):
            presumed.append(Presumption(fact, chosen.assignment.get(fact)))
    if len(outcomes) > 1 and not presumed:
        presumed = [Presumption(fact, chosen.assignment[fact]) for fact in open_facts
                    if fact in chosen.assignment and fact not in ("juvenile",)]
    presumed = list(dict.fromkeys(presumed))
    lesser = [world.verdict for world in candidates
              if world.verdict.outcome.gives_relief
              and world.verdict.outcome.favour < chosen.verdict.outcome.favour]
    lesser_relief = max(lesser, key=lambda verdict: verdict.outcome.favour) if lesser else None
    return Decision(
        chosen=chosen,
        certainty=Certainty.PRESUMED if presumed else Certainty.ESTABLISHED,
        presumed=tuple(sorted(presumed, key=lambda p: QUESTION_ORDER.index(p.fact))),
        open_facts=frozenset(open_facts),
        alternative=lesser_relief.outcome if lesser_relief else None,
        alternative_citations=lesser_relief.citations if lesser_relief else (),
    )


def facts_that_matter_together(worlds: list[World], chosen: World, open_facts: set[str]
                               ) -> list[tuple[str, bool]]:
    """Facts that only matter together (the old level with `concentrated` and the amount):
    no single one changes the best world, yet worlds that agree with the chosen one on every
    open fact still end differently. Every fact such a world reads otherwise is open too, so
    that answering the open questions always settles the result (law.md E7). Each comes with
    whether it changes the outcome (not only the automatic status)."""
    found: dict[str, bool] = {}
    while True:
        settled = {fact: chosen.assignment[fact] for fact in open_facts | found.keys()
                   if fact in chosen.assignment}
        unexplained = [world for world in worlds if world.result != chosen.result
                       and compatible(world, settled)]
        before = dict(found)
        for world in unexplained:
            for fact, value in world.assignment.items():
                if chosen.assignment.get(fact, value) != value and fact not in settled:
                    found[fact] = (found.get(fact, False)
                                   or world.verdict.outcome != chosen.verdict.outcome)
        if found.keys() == before.keys():
            return list(found.items())


def without_promise_if_maybe_infraction(known: Circumstances, chosen: World | None,
                                        candidates: list[World]) -> World | None:
    """law.md E10: "Where the old level is not known and could have been an infraction, say
    none": the automatic reviews worked from records that generally do not hold infractions,
    so no review is promised even where the presumption takes a higher level (the facts that
    settle the level are then open questions, as the chosen world's result differs from
    theirs)."""
    maybe_infraction = known.level is None and any(
        world.verdict.old_level is Level.INFRACTION for world in candidates)
    if chosen is not None and maybe_infraction and chosen.automatic is not Automatic.NONE:
        return replace(chosen, automatic=Automatic.NONE)
    return chosen


def level_unsettled(known: Circumstances, worlds: list[World], chosen: World,
                    automatic_table: AutomaticTable, juvenile: bool | None) -> bool:
    """The level is on every court record. Where the law of the time settles it (E4) the
    presumption takes that level, but a record that says otherwise is asked for: a level
    the law of the time did not give can still change the answer."""
    if known.level is not None or known.section in (None, "other"):
        return False
    possible = {world.assignment.get("level", world.verdict.old_level) for world in worlds}
    for level in (Level.INFRACTION, Level.MISDEMEANOR, Level.FELONY):
        if level in possible:
            continue
        given, preferred = worlds_of(known._replace(level=level), automatic_table, juvenile)
        alternative = best([world for world in given if presumable(world, known, preferred)])
        if alternative is not None and alternative.result != chosen.result:
            return True
    return False


def default_table() -> AutomaticTable:
    return tuple(((level, juvenile), Automatic.NONE) for level in (None, *Level)
                 for juvenile in (False, True))


def track_of(outcome: Outcome, sentence_status: str | None) -> Track:
    """law.md E9: still serving, a petition (HS 11361.8(a)-(b)); completed, an application
    (HS 11361.8(e)-(f))."""
    if not outcome.gives_relief:
        return Track.NONE
    return {"serving": Track.PETITION, "completed": Track.APPLICATION}.get(
        sentence_status, Track.UNKNOWN)


RELIEF_CITATIONS = {
    Track.PETITION: ("HS 11361.8(a)", "HS 11361.8(b)"),
    Track.APPLICATION: ("HS 11361.8(e)", "HS 11361.8(f)"),
    Track.UNKNOWN: ("HS 11361.8(a)", "HS 11361.8(e)"),
}


# Facts beyond the conduct whose absence can still be worth a question (see open_questions).
MISSING_FACTS = ("county", "sentence_status", "juvenile", "conviction_date")
# law.md E5: where Prop 64 gives nothing, the other ways to clean a record.
OTHER_ROUTE_CITATIONS = ("PC 1203.4", "PC 1203.4a", "HS 11361.5")


LEVELS_OF_WORLDS = (None, Level.INFRACTION, Level.MISDEMEANOR, Level.FELONY)


class Categories(NamedTuple):
    """Everything a decision depends on, as legal categories only: bands and yes/no facts,
    and the automatic status and county program each old level would get. Never a typed
    value, a date or a name, so a cache keyed on it (screening.BatchEvaluator) holds nothing
    that identifies a person (design.md, privacy)."""

    known: Circumstances
    unsettled: Circumstances | None  # without the subdivision the facts settled, if any
    automatic: AutomaticTable
    programs: tuple  # (old level, county program) for an adult conviction with relief
    juvenile: bool | None
    sentence_status: str | None
    missing: tuple[bool, ...]


def automatic_table(facts: ConvictionFacts, evaluation_date: date
                    ) -> tuple[AutomaticTable, tuple]:
    """law.md E10 for each old level and juvenile status a world may have, and the county
    program behind each `da_program`."""
    table, programs = [], []
    for level in LEVELS_OF_WORLDS:
        for juvenile in (False, True):
            automatic, program = automatic_relief(Outcome.REDUCE_TO_MISDEMEANOR, level,
                                                  juvenile, facts, evaluation_date)
            table.append(((level, juvenile), automatic))
            programs.append(((level, juvenile), program))
    return tuple(table), tuple(programs)


def missing_facts(facts: ConvictionFacts) -> tuple[bool, ...]:
    county = facts.county
    return (county is None, facts.sentence_status is None, facts.juvenile is None,
            facts.conviction_date is None and county is not None and county.programs != ()
            and any(program.covers_convictions_from for program in county.programs))


def categories_of(facts: ConvictionFacts, evaluation_date: date) -> Categories:
    if evaluation_date < PROP_64_EFFECTIVE:
        raise ValueError("Prop 64 relief exists only from 9 November 2016")
    known = circumstances_of(facts)
    unsettled = None
    if known.letter is not None and facts.section.old_letter is None:
        unsettled = circumstances_of(facts, infer_letter=False)
    table, programs = automatic_table(facts, evaluation_date)
    return Categories(known, unsettled, table, programs, facts.juvenile, facts.sentence_status,
                      missing_facts(facts))


def evaluate(facts: ConvictionFacts, evaluation_date: date,
             decide_with: Callable[..., Decision] | None = None) -> Result:
    """The engine's one path: the facts reduced to legal categories, then decided.
    ``decide_with`` may be a cached ``decide`` (keyed on legal categories only); without it
    nothing about this conviction stays in memory."""
    return decided(categories_of(facts, evaluation_date), decide_with or decide)


def decided(categories: Categories, decide_with: Callable[..., Decision] = None) -> Result:
    decide_now = decide_with or decide
    known = categories.known
    decision = decide_now(known, categories.automatic, categories.juvenile)
    if categories.unsettled is not None:
        # The facts settled the old subdivision, and it settles more facts; a record that
        # says otherwise about those (a sale, concentrate) would change the answer, so they
        # are still asked.
        unsettled = decide_now(categories.unsettled, categories.automatic, categories.juvenile)
        decision = replace(decision, open_facts=decision.open_facts | unsettled.open_facts)
    chosen = decision.chosen
    verdict = chosen.verdict
    automatic = chosen.automatic
    program = (dict(categories.programs)[(verdict.old_level, chosen.juvenile)]
               if automatic is Automatic.DA_PROGRAM else None)
    return assemble_result(decision, known, categories.sentence_status, chosen.juvenile,
                           automatic, program, categories.missing)


def assemble_result(decision: Decision, known: Circumstances, sentence_status: str | None,
                    juvenile: bool, automatic: Automatic, program, missing: tuple[bool, ...]
                    ) -> Result:
    unknown = {fact for fact, is_missing in zip(MISSING_FACTS, missing, strict=True)
               if is_missing}
    verdict = decision.chosen.verdict
    outcome = verdict.outcome
    track = track_of(outcome, sentence_status)
    citations = RELIEF_CITATIONS.get(track, ()) + verdict.citations
    if outcome is Outcome.NOT_ELIGIBLE:
        citations = RELIEF_CITATIONS[Track.UNKNOWN] + citations
    if juvenile and outcome.gives_relief:
        citations += (JUVENILE_SUBDIVISION,)
    reasons = verdict.reasons
    if juvenile:
        reasons = tuple(replace(item, template=IN_JUVENILE_WORDS.get(item.template, item.template))
                        for item in reasons)
    if decision.certainty is Certainty.PRESUMED and outcome.gives_relief:
        reasons += (reason(PRESUMED),)
    return Result(
        outcome=outcome,
        certainty=decision.certainty,
        track=track,
        automatic=automatic,
        citations=tuple(dict.fromkeys(citations)),
        reasons=reasons,
        presumed=decision.presumed,
        open_questions=open_questions(known, decision, outcome, automatic, unknown),
        old_level=verdict.old_level,
        alternative=decision.alternative,
        juvenile=juvenile,
        program=program,
        alternative_citations=decision.alternative_citations,
        other_routes=OTHER_ROUTE_CITATIONS if outcome is Outcome.NOT_ELIGIBLE else (),
    )


def open_questions(known: Circumstances, decision: Decision, outcome: Outcome,
                   automatic: Automatic, unknown: set[str]) -> tuple[str, ...]:
    """The unknown facts that could still change the result, in the order to ask them."""
    open_facts = set(decision.open_facts)
    if known.section is None:
        open_facts.add("section")
    covered = known.section not in (None, "other")
    if outcome.gives_relief and known.level is None:
        # Felony or misdemeanor is on every court record, goes on the papers, and settles
        # what the law of the time left open (E4) even where the outcome would not change.
        open_facts.add("level")
    if covered and known.timing in (Timing.UNKNOWN, Timing.CONVICTED_AFTER):
        open_facts.add("offense_date")
    if covered and known.timing == Timing.UNKNOWN:
        open_facts.add("conviction_date")
    if outcome.gives_relief:
        open_facts.update(unknown & {"county", "sentence_status"})
        if automatic is Automatic.STATEWIDE and "conviction_date" in unknown:
            open_facts.add("conviction_date")
    return tuple(fact for fact in QUESTION_ORDER if fact in open_facts)
