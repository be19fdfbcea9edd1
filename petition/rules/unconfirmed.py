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
