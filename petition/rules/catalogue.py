"""Every rule the engine applies, with its citation and a plain explanation.

The public "How we decide" page and the citation links on the result page are made from
this list, so the explanation cannot drift from the code: a test checks that every
citation the engine can give is explained here.
"""

from __future__ import annotations

from dataclasses import dataclass

from petition.rules.findings import N_


@dataclass(frozen=True, slots=True)
class RuleEntry:
    citation: str
    title: str
    explanation: str
    group: str


RELIEF, POSSESSION, CULTIVATION, FOR_SALE, SALE, AUTOMATIC, OTHER = (
    N_("Who can ask for relief"),
    N_("Possession (HS 11357)"),
    N_("Growing plants (HS 11358)"),
    N_("Possession for sale (HS 11359)"),
    N_("Selling, carrying or giving away (HS 11360)"),
    N_("Relief without filing"),
    N_("Other ways to clean a record"),
)


def rule(citation: str, title: str, explanation: str, group: str) -> RuleEntry:
    return RuleEntry(citation, title, explanation, group)


RULES = (
    rule("HS 11361.8(a)", N_("Petition while still serving"),
         N_("Someone still serving a sentence (jail, prison, probation, parole or supervision) "
            "for cannabis conduct that Prop 64 made legal or less serious can ask the court to "
            "recall the sentence and dismiss or resentence it. Conduct from 9 November 2016 on "
            "is not covered: it was judged under the new law."), RELIEF),
    rule("HS 11361.8(b)", N_("The court presumes you qualify (petition)"),
         N_("The court presumes the person qualifies unless the prosecutor proves otherwise by "
            "clear and convincing evidence. It may refuse only for an unreasonable risk to "
            "public safety, shown by real evidence."), RELIEF),
    rule("HS 11361.8(e)", N_("Application after the sentence is done"),
         N_("Someone who has finished the sentence can apply to have the conviction dismissed "
            "and sealed, or redesignated as a misdemeanor or infraction."), RELIEF),
    rule("HS 11361.8(f)", N_("The court presumes you qualify (application)"),
         N_("The court grants the application unless the prosecutor proves by clear and "
            "convincing evidence that the person does not qualify. There is no public-safety "
            "veto and no hearing unless the person asks for one."), RELIEF),
    rule("HS 11361.8(m)", N_("Juvenile cases"),
         N_("The same relief applies to juvenile court adjudications. Conduct by someone "
            "under 18 is at most an infraction today."), RELIEF),
    rule("HS 11362.1(a)(1)", N_("Adults may have up to 28.5 grams"),
         N_("Adults 21 and over may possess, carry, buy or give away (not sell) up to 28.5 "
            "grams of cannabis to other adults 21 and over."), POSSESSION),
    rule("HS 11362.1(a)(2)", N_("Adults may have up to 8 grams of concentrate"),
         N_("Adults 21 and over may possess, carry, buy or give away (not sell) up to 8 grams "
            "of concentrated cannabis."), POSSESSION),
    rule("HS 11357(a)(1)", N_("Small amount, under 18"),
         N_("For someone under 18, having up to 28.5 grams (8 grams concentrated) is an "
            "infraction."), POSSESSION),
    rule("HS 11357(a)(2)", N_("Small amount, age 18 to 20"),
         N_("For someone 18 to 20, having up to 28.5 grams (8 grams concentrated) is an "
            "infraction."), POSSESSION),
    rule("HS 11357(b)(1)", N_("Larger amount, under 18"),
         N_("For someone under 18, having more than 28.5 grams (more than 8 grams "
            "concentrated) is an infraction."), POSSESSION),
    rule("HS 11357(b)(2)", N_("Larger amount, 18 and over"),
         N_("For someone 18 or over, having more than 28.5 grams (more than 8 grams "
            "concentrated) is a misdemeanor."), POSSESSION),
    rule("HS 11357(c)", N_("On school grounds, 18 and over"),
         N_("For someone 18 or over, having a small amount on the grounds of a K-12 school "
            "while it is open is a misdemeanor."), POSSESSION),
    rule("HS 11357(d)", N_("On school grounds, under 18"),
         N_("For someone under 18, having a small amount on K-12 school grounds while the "
            "school is open is an infraction."), POSSESSION),
    rule("HS 11362.1(a)(3)", N_("Adults may grow six plants"),
         N_("Adults 21 and over may grow up to six living plants and keep what they produce."),
         CULTIVATION),
    rule("HS 11362.2", N_("Rules for growing at home"),
         N_("Home growing of up to six plants must follow local rules, in a locked space out "
            "of public view."), CULTIVATION),
    rule("HS 11358(a)", N_("Growing, under 18"),
         N_("For someone under 18, growing any number of plants is an infraction."), CULTIVATION),
    rule("HS 11358(b)", N_("Six plants or fewer, age 18 to 20"),
         N_("For someone 18 to 20, growing six plants or fewer is an infraction."), CULTIVATION),
    rule("HS 11358(c)", N_("More than six plants"),
         N_("For someone 18 or over, growing more than six plants is a misdemeanor."),
         CULTIVATION),
    rule("HS 11358(d)(1)", N_("More than six plants, with a serious prior"),
         N_("It stays a felony if, before the offense, the person had a conviction for a "
            "very serious crime (a \"super strike\", Penal Code 667(e)(2)(C)(iv)) or one that "
            "requires sex offender registration (Penal Code 290(c))."), CULTIVATION),
    rule("HS 11358(d)(2)", N_("More than six plants, two earlier convictions"),
         N_("It stays a felony if the person had two or more earlier convictions for growing "
            "more than six plants."), CULTIVATION),
    rule("HS 11358(d)(3)", N_("More than six plants, environmental harm"),
         N_("It stays a felony if the growing broke certain water, fish and game, or dumping "
            "laws."), CULTIVATION),
    rule("HS 11359(a)", N_("Possession for sale, under 18"),
         N_("For someone under 18, having cannabis to sell is an infraction."), FOR_SALE),
    rule("HS 11359(b)", N_("Possession for sale, 18 and over"),
         N_("For someone 18 or over, having cannabis to sell is a misdemeanor."), FOR_SALE),
    rule("HS 11359(c)(1)", N_("Possession for sale, with a serious prior"),
         N_("It stays a felony after an earlier super strike conviction or one that requires "
            "sex offender registration."), FOR_SALE),
    rule("HS 11359(c)(2)", N_("Possession for sale, two earlier convictions"),
         N_("It stays a felony after two or more earlier convictions for possession for "
            "sale."), FOR_SALE),
    rule("HS 11359(c)(3)", N_("Selling to someone under 18"),
         N_("It stays a felony if the person knowingly sold, or tried to sell, cannabis to "
            "someone under 18."), FOR_SALE),
    rule("HS 11359(d)", N_("Using young people to sell"),
         N_("It stays a felony if someone 21 or over hired, employed or used a person 20 or "
            "younger."), FOR_SALE),
    rule("HS 11360(a)(1)", N_("Selling or carrying, under 18"),
         N_("For someone under 18, selling, carrying or giving away cannabis is an "
            "infraction."), SALE),
    rule("HS 11360(a)(2)", N_("Selling or carrying, 18 and over"),
         N_("For someone 18 or over, selling or furnishing cannabis, or carrying more than "
            "the personal amount, is a misdemeanor."), SALE),
    rule("HS 11360(a)(3)(A)", N_("Selling, with a serious prior"),
         N_("It stays a felony after an earlier super strike conviction or one that requires "
            "sex offender registration."), SALE),
    rule("HS 11360(a)(3)(B)", N_("Selling, two earlier convictions"),
         N_("It stays a felony after two or more earlier convictions for the same "
            "offense."), SALE),
    rule("HS 11360(a)(3)(C)", N_("Selling or giving to someone under 18"),
         N_("It stays a felony if the person knowingly sold, offered or gave cannabis to "
            "someone under 18."), SALE),
    rule("HS 11360(a)(3)(D)", N_("Bringing cannabis across the state line"),
         N_("It stays a felony if the person brought more than 28.5 grams into California, or "
            "took it out of California to sell."), SALE),
    rule("HS 11360(b)", N_("Giving away or carrying a small amount"),
         N_("Giving away or carrying up to 28.5 grams, not for sale, is at most an "
            "infraction; for adults 21 and over it is legal."), SALE),
    rule("HS 11361.9", N_("The state's review"),
         N_("The California Department of Justice had to find every conviction that may "
            "qualify and tell prosecutors by 1 July 2019; courts had to reduce or dismiss the "
            "ones nobody challenged. Many records were cleared this way, but not all."),
         AUTOMATIC),
    rule("PC 1203.4", N_("Expungement"),
         N_("After probation, a court can dismiss many convictions. This can help when Prop 64 "
            "does not."), OTHER),
    rule("HS 11361.5", N_("Destroying old records"),
         N_("Some old records of cannabis possession or transport can be destroyed after two "
            "years."), OTHER),
)

BY_CITATION = {entry.citation: entry for entry in RULES}
GROUPS = tuple(dict.fromkeys(entry.group for entry in RULES))


def explain(citation: str) -> RuleEntry | None:
    return BY_CITATION.get(citation)
