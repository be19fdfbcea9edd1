"""The words of the instructions page that depend on the result, marked for the ``documents``
catalogue. The engine's reasons are English; these sentences say the same outcome in the
person's language (6th-grade reading level), always with the citation the engine gave.
"""

from __future__ import annotations

from petition.rules.findings import N_
from petition.rules.vocabulary import Automatic, Outcome

OUTCOME_SENTENCES = {
    Outcome.DISMISS_AND_SEAL: N_(
        "The papers ask the court to dismiss this conviction and seal the record, because "
        "what you did is no longer a crime (%(citations)s)."),
    Outcome.REDUCE_TO_INFRACTION: N_(
        "The papers ask the court to lower this conviction to an infraction, the least "
        "serious kind of offense, because today the same conduct is an infraction "
        "(%(citations)s)."),
    Outcome.REDUCE_TO_MISDEMEANOR: N_(
        "The papers ask the court to lower this felony to a misdemeanor, because today the "
        "same conduct is a misdemeanor (%(citations)s)."),
}
ALTERNATIVE_SENTENCES = {
    Outcome.REDUCE_TO_INFRACTION: N_(
        "Some facts are not known. The law presumes they favor you unless the prosecutor "
        "proves otherwise. If the court does not agree, the papers ask it at least to lower "
        "the conviction to an infraction (%(citations)s)."),
    Outcome.REDUCE_TO_MISDEMEANOR: N_(
        "Some facts are not known. The law presumes they favor you unless the prosecutor "
        "proves otherwise. If the court does not agree, the papers ask it at least to lower "
        "the conviction to a misdemeanor (%(citations)s)."),
}
# Juvenile cases speak juvenile: an adjudication, found true, a disposition (HS 11361.8(m)).
JUVENILE_SENTENCES = {
    Outcome.DISMISS_AND_SEAL: N_(
        "The papers ask the juvenile court to dismiss and seal this adjudication, because "
        "what you did is no longer a crime (%(citations)s)."),
    Outcome.REDUCE_TO_INFRACTION: N_(
        "The papers ask the juvenile court to lower this adjudication to an infraction, the "
        "least serious kind of offense, because today the same conduct is an infraction "
        "(%(citations)s)."),
    Outcome.REDUCE_TO_MISDEMEANOR: N_(
        "The papers ask the juvenile court to lower this adjudication to a misdemeanor, "
        "because today the same conduct is a misdemeanor (%(citations)s)."),
}
JUVENILE_ALTERNATIVE_SENTENCES = {
    Outcome.REDUCE_TO_INFRACTION: N_(
        "Some facts are not known. The law presumes they favor you unless the prosecutor "
        "proves otherwise. If the court does not agree, the papers ask it at least to lower "
        "the adjudication to an infraction."),
    Outcome.REDUCE_TO_MISDEMEANOR: N_(
        "Some facts are not known. The law presumes they favor you unless the prosecutor "
        "proves otherwise. If the court does not agree, the papers ask it at least to lower "
        "the adjudication to a misdemeanor."),
}
JUVENILE_AUTOMATIC_SENTENCE = N_(
    "No source shows that juvenile cases like yours were cleared without a filing. Check "
    "anyway before you file.")
PRESUMED_SENTENCE = N_(
    "Some facts are not known. The law presumes they favor you unless the prosecutor proves "
    "otherwise, so the papers ask for the most the law allows.")
LEVEL_WORDS = {
    "felony": N_("felony"),
    "misdemeanor": N_("misdemeanor"),
    "infraction": N_("infraction"),
    "unknown": N_("level unknown"),
}
AUTOMATIC_SENTENCES = {
    Automatic.DA_PROGRAM: N_(
        "The %(agency)s had a program that cleared convictions like yours without anyone "
        "having to file. Your record may already be cleared."),
    Automatic.STATEWIDE: N_(
        "A state law (HS 11361.9) made courts clear many convictions like yours without "
        "anyone having to file. Your record may already be cleared."),
    Automatic.NONE: N_(
        "Convictions like yours were often not cleared without a filing. Check anyway "
        "before you file."),
}
