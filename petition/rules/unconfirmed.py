"""Every point law.md marks UNCONFIRMED, in one place, so a lawyer can change it here.

Each constant names what it decides and where the doubt comes from.
"""

from datetime import date

# law.md E10: the statewide review (HS 11361.9) worked from DOJ's criminal history records,
# which generally do not hold infractions, so an infraction conviction is not presumed to be
# cleared automatically.
INFRACTIONS_CLEARED_AUTOMATICALLY = False

# law.md E10: juvenile adjudications have not been shown to be covered by the review.
JUVENILE_CLEARED_AUTOMATICALLY = False

# law.md E10: a county program counts as `da_program` only when its data file records which
# convictions it covered (today only San Francisco's). Other early programs are shown to
# people as helpful context but not relied on.
ONLY_PROGRAMS_WITH_KNOWN_SCOPE = True

# law.md section 1: HS 11361.8(m) applies the section to juvenile adjudications (letter
# unconfirmed).
JUVENILE_SUBDIVISION = "HS 11361.8(m)"

# AB 1793 (HS 11361.9) took effect on 1 January 2019; before then no statewide review.
STATEWIDE_REVIEW_STARTS = date(2019, 1, 1)

# law.md section 3, HS 11360(a)(3)(D): importing or exporting for sale "more than 28.5 g" of
# cannabis; for concentrated cannabis the limit of 4 g is unconfirmed.
INTERSTATE_CONCENTRATED_GRAMS = 4.0

# law.md section 3: old HS 11360(b) (giving away or transporting 28.5 g or less) was "a
# misdemeanor punishable by a $100 fine"; its class is unconfirmed.
OLD_11360B_IS_A_MISDEMEANOR = True

# law.md section 3: old HS 11357(e) (a minor on school grounds) was a misdemeanor
# (unconfirmed).
OLD_11357E_IS_A_MISDEMEANOR = True

# law.md section 3: the lettering of HS 11358(d)(3) (environmental violations).
ENVIRONMENTAL_TRIGGER = "HS 11358(d)(3)"

# law.md E6: the statute names the new subdivisions; whether earlier convictions under the
# same section from any era count toward "two or more" is unconfirmed. We count them.
PRIORS_OF_ANY_ERA_COUNT = True

# law.md section 3, People v. Zamora (Prop 47): a prior juvenile adjudication is not a
# "prior conviction". Unconfirmed for Prop 64; the questions ask about convictions only.
JUVENILE_ADJUDICATIONS_ARE_NOT_PRIORS = True

# law.md section 1: HS 11361.8(g), no hearing on an application unless the applicant asks
# (the letter is unconfirmed).
NO_HEARING_SUBDIVISION = "HS 11361.8(g)"

# law.md section 5: a January 2024 revision of CR-400 adds the court's county (unconfirmed).
CR400_HAS_COUNTY = True
