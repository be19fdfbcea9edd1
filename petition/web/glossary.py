"""Legal words, explained in plain words (the Glossary page)."""

from petition.web.translation import lazy_gettext as _l

GLOSSARY = (
    (_l("Conviction"), _l("When a court decides you are guilty, or you plead guilty or no "
                          "contest.")),
    (_l("Felony"), _l("The most serious kind of crime. It can mean prison.")),
    (_l("Misdemeanor"), _l("A less serious crime. It can mean county jail, probation or a "
                           "fine.")),
    (_l("Infraction"), _l("The least serious kind of offense, like a ticket. Only a fine.")),
    (_l("Dismissed and sealed"), _l("The court cancels the conviction and hides the record. "
                                    "It is as if it did not happen.")),
    (_l("Reduced"), _l("The court changes the conviction to a less serious kind, for example "
                       "from a felony to a misdemeanor. It stays on your record.")),
    (_l("Petition"), _l("What you file if you are still serving your sentence.")),
    (_l("Application"), _l("What you file if you have finished your sentence.")),
    (_l("Sentence"), _l("The punishment the court gave: jail, prison, probation, parole, "
                        "supervision or a fine.")),
    (_l("Probation"), _l("Time you spend under court rules instead of, or after, jail.")),
    (_l("Parole"), _l("Time under supervision after prison.")),
    (_l("District Attorney (DA)"), _l("The lawyer for the state who brought the case against "
                                      "you. Also called the prosecutor.")),
    (_l("Public defender"), _l("A free lawyer for people who cannot pay for one.")),
    (_l("Court clerk"), _l("The court worker who keeps the case files. They can tell you your "
                           "case number and what happened in your case.")),
    (_l("Case number"), _l("The number the court gave your case. It is on your court "
                           "papers.")),
    (_l("Code section"), _l("The number of the law you were convicted under, like Health and "
                            "Safety Code 11357.")),
    (_l("Presumed"), _l("Taken as true unless someone proves otherwise. The law presumes you "
                        "qualify unless the prosecutor proves you do not.")),
    (_l("Expungement"), _l("A different way to clean a record (Penal Code 1203.4). The court "
                           "dismisses the conviction after you finish probation.")),
    (_l("Live Scan"), _l("A fingerprint service. You use it to ask the state for a copy of "
                         "your criminal record.")),
    (_l("Rap sheet"), _l("Your criminal record as kept by the state.")),
)
