"""The decision for one conviction: outcome, certainty, track, automatic relief, and why.

``evaluate`` is the engine's one entry point. It is pure: the same facts and evaluation
date always give the same result, and nothing is read or written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from petition.facts import PROP_64_EFFECTIVE, ConvictionFacts
from petition.rules.automatic import automatic_relief
from petition.rules.circumstances import Circumstances, Timing, circumstances_of
from petition.rules.findings import N_, Reason, reason
from petition.rules.inquiry import Leaf, explore
from petition.rules.judgement import judge
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

    @property
    def presumed_facts(self) -> tuple[str, ...]:
        return tuple(presumption.fact for presumption in self.presumed)

    @property
    def relief_box(self) -> str | None:
        """The CR-400 box: 11361.8(b) for a petition, 11361.8(f) for an application."""
        return {Track.PETITION: "HS 11361.8(b)", Track.APPLICATION: "HS 11361.8(f)"}.get(self.track)


@dataclass(frozen=True, slots=True)
class Decision:
    chosen: Leaf
    certainty: Certainty
    presumed: tuple[Presumption, ...]
    open_facts: frozenset[str]
    alternative: Outcome | None


def preferred_leaves(leaves: list[Leaf], preferred: dict) -> list[Leaf]:
    return [leaf for leaf in leaves
            if all(leaf.assignment.get(fact, value) == value for fact, value in preferred.items())]


def best_leaf(leaves: list[Leaf], preferred: dict) -> Leaf:
    return max(preferred_leaves(leaves, preferred), key=lambda leaf: leaf.verdict.outcome.favour)


def what_matters(leaf: Leaf) -> tuple:
    # The level matters beyond the outcome: infractions are not cleared automatically (E10).
    return leaf.verdict.outcome, leaf.verdict.old_level is Level.INFRACTION


def best_given(known: Circumstances, assignment: dict) -> Leaf:
    """The presumption's answer once some unknown facts are fixed."""
    leaves, preferred = explore(judge, known, assignment)
    return best_leaf(leaves, preferred)


def minor_would_differ(known: Circumstances, chosen: Leaf) -> bool:
    """An unknown age is never presumed under 18 (law.md E7), but someone who was 17 when
    convicted in adult court should be asked: under 18, the conduct is an infraction today."""
    minor = best_given(known, {**chosen.assignment, "age_at_offense": AgeBand.UNDER_18})
    return what_matters(minor) != what_matters(chosen)


@lru_cache(maxsize=8192)
def decide(known: Circumstances) -> Decision:
    """law.md E7: where unknown facts decide the outcome, take the answer most favourable to
    the person (age aside), and say which facts were presumed."""
    leaves, preferred = explore(judge, known)
    chosen = best_leaf(leaves, preferred)
    outcomes = {leaf.verdict.outcome for leaf in leaves}
    presumed, open_facts = [], set()
    for fact, value in chosen.assignment.items():
        alternatives = {leaf.assignment[fact] for leaf in leaves
                        if fact in leaf.assignment} - {value}
        for other in alternatives:
            best = best_given(known, {**chosen.assignment, fact: other})
            if best.verdict.outcome != chosen.verdict.outcome:
                presumed.append(Presumption(fact, value))
            if what_matters(best) != what_matters(chosen):
                open_facts.add(fact)
    if known.age_at_offense is None and minor_would_differ(known, chosen):
        open_facts.add("age_at_offense")
    if len(outcomes) > 1 and not presumed:
        presumed = [Presumption(fact, value) for fact, value in chosen.assignment.items()]
    presumed = list(dict.fromkeys(presumed))
    open_facts.update(p.fact for p in presumed)
    lesser = [leaf.verdict.outcome for leaf in preferred_leaves(leaves, preferred)
              if leaf.verdict.outcome.gives_relief
              and leaf.verdict.outcome.favour < chosen.verdict.outcome.favour]
    return Decision(
        chosen=chosen,
        certainty=Certainty.PRESUMED if len(outcomes) > 1 else Certainty.ESTABLISHED,
        presumed=tuple(sorted(presumed, key=lambda p: QUESTION_ORDER.index(p.fact))),
        open_facts=frozenset(open_facts),
        alternative=max(lesser, key=lambda outcome: outcome.favour) if lesser else None,
    )


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


def is_juvenile(facts: ConvictionFacts) -> bool:
    """law.md E8: a juvenile court adjudication, or, when nobody says, conduct before 18."""
    if facts.juvenile is not None:
        return facts.juvenile
    return facts.age_at_offense is not None and facts.age_at_offense < 18


# Facts beyond the conduct whose absence can still be worth a question (see open_questions).
MISSING_FACTS = ("county", "sentence_status", "juvenile", "conviction_date")


def evaluate(facts: ConvictionFacts, evaluation_date: date, remember: bool = False) -> Result:
    """``remember`` reuses decisions already made for the same circumstances (legal categories
    only: bands and yes/no, never a typed value). Batches turn it on for speed; the site
    leaves it off, so nothing about one person's case stays in memory after their request."""
    if evaluation_date < PROP_64_EFFECTIVE:
        raise ValueError("Prop 64 relief exists only from 9 November 2016")
    known = circumstances_of(facts)
    decision = decide(known) if remember else decide.__wrapped__(known)
    verdict = decision.chosen.verdict
    juvenile = is_juvenile(facts)
    automatic, program = automatic_relief(verdict.outcome, verdict.old_level, juvenile, facts,
                                          evaluation_date)
    county = facts.county
    missing = (county is None, facts.sentence_status is None, facts.juvenile is None,
               facts.conviction_date is None and county is not None and county.programs != ()
               and any(program.covers_convictions_from for program in county.programs))
    if remember:
        return assemble(known, facts.sentence_status, juvenile, automatic, program, missing)
    return assemble_result(decision, known, facts.sentence_status, juvenile, automatic, program,
                           missing)


@lru_cache(maxsize=8192)
def assemble(known: Circumstances, sentence_status: str | None, juvenile: bool,
             automatic: Automatic, program, missing: tuple[bool, ...]) -> Result:
    """The result from the decision and the few facts beyond the conduct (cached: many
    convictions share all of these). ``missing`` says which of MISSING_FACTS are unknown."""
    return assemble_result(decide(known), known, sentence_status, juvenile, automatic, program,
                           missing)


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
    if decision.certainty is Certainty.PRESUMED and outcome.gives_relief:
        reasons += (reason(PRESUMED),)
    if outcome is Outcome.NOT_ELIGIBLE:
        reasons += (reason(OTHER_ROUTES),)
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
        if "juvenile" in unknown and known.age_at_offense is AgeBand.UNDER_18:
            open_facts.add("juvenile")
    return tuple(fact for fact in QUESTION_ORDER if fact in open_facts)
