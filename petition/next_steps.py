"""What a person does next, as numbered steps: one source for the result page, the papers
page and the packet's instructions, so the three never disagree (issue 10).

The steps are chosen from what the engine decided (``Result``) and the county's data; they
decide nothing about the law. Every sentence is an English template marked with ``N_``:
the site translates it with its ``messages`` catalogue, the packet with ``documents``.
Parameters are either a ``Name`` (a court, a District Attorney: as the court writes them),
another ``Text`` to translate, or a plain value such as a phone number.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup, escape

from petition.counties import County, city_attorney_may_prosecute
from petition.resources import resource
from petition.rules.engine import Result
from petition.rules.findings import N_
from petition.rules.vocabulary import Automatic, Outcome


@dataclass(frozen=True, slots=True)
class Text:
    template: str
    params: tuple[tuple[str, object], ...] = ()


@dataclass(frozen=True, slots=True)
class Name:
    """A name as the court writes it (English). ``kind`` says what it names, so a page in
    another language can say it its own way: "court", "prosecutor", "agency", "place" (a
    county's name), or "" (keep it in English)."""

    english: str
    kind: str = ""
    county: County | None = None


def text(template: str, **params: object) -> Text:
    return Text(template, tuple(params.items()))


@dataclass(frozen=True, slots=True)
class Link:
    """A place to go: ``label`` is translated, ``url`` is data (a web address or tel:)."""

    label: Text
    url: str

    @property
    def written_out(self) -> str:
        """The address as a person types it (print view, packet)."""
        return self.url.removeprefix("tel:")


@dataclass(frozen=True, slots=True)
class Way:
    """One way to do a step (a bullet), with the links that do it."""

    text: Text
    links: tuple[Link, ...] = ()


@dataclass(frozen=True, slots=True)
class Step:
    key: str
    heading: Text
    lead: tuple[Text, ...] = ()
    ways: tuple[Way, ...] = ()
    after: tuple[Text, ...] = ()


# Link texts for the statewide resources (their titles in data are English only).
RESOURCE_LABELS = {
    "find_court": N_("Find your court (California Courts)"),
    "self_help_prop64": N_("Prop 64 help from the California Courts"),
    "doj_record_review": N_("Get your record: DOJ Record Review"),
    "doj_ab1793": N_("DOJ page on cannabis records (AB 1793)"),
    "fee_waiver": N_("Ask for a fee waiver (form FW-001)"),
    "lawhelpca": N_("Find free legal help (LawHelpCA)"),
}


def statewide(key: str) -> Link:
    return Link(text(RESOURCE_LABELS[key]), resource(key).url)


def court_links(county: County | None) -> tuple[Link, ...]:
    """The court's own website and phone where confirmed; otherwise the statewide finder."""
    contacts = county.contacts if county else None
    links = []
    if contacts and contacts.court_website:
        links.append(Link(text(N_("Court website")), contacts.court_website))
    if contacts and contacts.court_phone:
        digits = "".join(ch for ch in contacts.court_phone if ch.isdigit() or ch == "+")
        links.append(Link(text(N_("Call the court: %(phone)s"), phone=contacts.court_phone),
                          f"tel:{digits}"))
    if not any(link.url.startswith("http") for link in links):
        links.append(statewide("find_court"))
    return tuple(links)


def prosecutor_links(county: County | None) -> tuple[Link, ...]:
    contacts = county.contacts if county else None
    links = []
    if contacts and contacts.prosecutor_website:
        links.append(Link(text(N_("District Attorney's website")), contacts.prosecutor_website))
    for office in county.city_attorneys if county else ():
        if office.website:
            links.append(Link(text(N_("%(office)s website"), office=Name(office.name)),
                              office.website))
    return tuple(links)


def defender_links(county: County | None) -> tuple[Link, ...]:
    contacts = county.contacts if county else None
    if contacts and contacts.public_defender_website:
        return (Link(text(N_("Public defender's website")), contacts.public_defender_website),)
    return ()


def court(county: County | None) -> object:
    return Name(county.court, "court", county) if county else text(
        N_("superior court of the county where you were convicted"))


def prosecutor(county: County | None) -> object:
    return Name(county.prosecutor, "prosecutor", county) if county else text(
        N_("District Attorney of the county where you were convicted"))


def public_defender(county: County | None) -> object:
    if county and county.contacts.public_defender:
        return Name(county.contacts.public_defender)
    if county:
        return text(N_("public defender of %(county)s County"), county=Name(county.name, "place"))
    return text(N_("public defender of the county where you were convicted"))


def ask_the_court(county: County | None) -> Way:
    if county is None:
        return Way(text(N_("Ask the clerk of the superior court in the county where you were "
                           "convicted. If you do not know the county, use Find your court: "
                           "you can search by city or by courthouse.")), court_links(None))
    return Way(text(N_("Ask the clerk of the %(court)s. Give your name, date of birth and "
                       "case number if you have it."), court=court(county)),
               court_links(county))


def ask_the_offices(county: County | None) -> Way:
    if county is None:
        return Way(text(N_("Ask the District Attorney or the public defender of the county where "
                           "you were convicted.")))
    return Way(text(N_("Ask the %(prosecutor)s or the %(defender)s."),
                    prosecutor=prosecutor(county), defender=public_defender(county)),
               prosecutor_links(county) + defender_links(county))


def get_your_record() -> Way:
    return Way(text(N_("Get your own record from the California Department of Justice (DOJ): "
                       "fill out form BCIA 8016RR (Record Review) and take it to a Live Scan "
                       "site for fingerprints. DOJ charges $25, plus the Live Scan site's fee. "
                       "If you cannot pay, ask about a fee waiver.")),
               (statewide("doj_record_review"),))


def fix_the_record() -> Way:
    return Way(text(N_("If the court already acted but your DOJ record was not updated, send "
                       "DOJ form BCIA 8706 with a copy of the court's order.")),
               (statewide("doj_ab1793"),))


def legal_help(county: County | None) -> Way:
    return Way(text(N_("For free help, contact a legal aid office or the %(defender)s."),
                    defender=public_defender(county)),
               (statewide("lawhelpca"),) + defender_links(county))


CHECK_LEAD = {
    Automatic.STATEWIDE: N_(
        "A state law (HS 11361.9) told the courts to do this for convictions like yours "
        "without anyone filing. The courts were due to finish in 2023, but some convictions "
        "were missed."),
    Automatic.NONE: N_(
        "Convictions like this one were usually not handled without a filing, but check "
        "anyway before you file."),
}
JUVENILE_CHECK_LEAD = N_(
    "No source shows that juvenile cases like yours were handled without a filing, but check "
    "anyway before you file.")


def check_step(county: County | None, results: Iterable[Result]) -> Step:
    results = tuple(results)
    kinds = sorted({result.automatic for result in results}, key=lambda kind: kind.value)
    running = list(dict.fromkeys(result.program for result in results
                                 if result.automatic is Automatic.DA_PROGRAM and result.program))
    lead = [text(N_("The %(agency)s ran a program that may already have done this for you, "
                    "without anyone filing."), agency=Name(program.agency, "agency"))
            for program in running]
    only_juvenile = all(result.juvenile for result in results)
    lead += [text(JUVENILE_CHECK_LEAD if only_juvenile and kind is Automatic.NONE
                  else CHECK_LEAD[kind]) for kind in kinds if kind is not Automatic.DA_PROGRAM]
    # The county programs reviewed adult convictions; nothing shows they reached juvenile
    # adjudications (law.md E10, UNCONFIRMED), so a juvenile case is not pointed at them.
    for program in county.programs if county and not only_juvenile else ():
        if program.years and program not in running:
            lead.append(text(N_("The %(agency)s also ran its own review of past cannabis "
                                "convictions (%(years)s)."),
                             agency=Name(program.agency, "agency"), years=program.years))
    lead.append(text(N_("To find out if it was done:")))
    return Step(
        "check", text(N_("Check if it was already done")), tuple(lead),
        (ask_the_court(county), ask_the_offices(county), get_your_record(), fix_the_record()),
        (text(N_("If it was done, you do not need to file anything. If it was not, go on to "
                 "the next step.")),))


def serve_step(county: County | None, results: tuple[Result, ...]) -> Step:
    """Who is served: the District Attorney; for a misdemeanor or infraction, perhaps a city
    attorney instead (counties.city_attorney_may_prosecute), so the person is told how to
    find out and which offices there are."""
    levels = {result.old_level for result in results if not result.juvenile}
    offices = county.city_attorneys_for(levels) if county else ()
    links = prosecutor_links(county)
    ways = [Way(text(N_("The clerk can tell you the prosecutor's address.")), links)] \
        if links else []
    if any(city_attorney_may_prosecute(level) for level in levels):
        lead = (text(N_("Someone who is 18 or older, and is not you, gives or mails a copy of "
                        "the papers to the District Attorney or City Attorney that prosecuted "
                        "your case. That person fills out and signs the proof of service.")),
                text(N_("To find out which office prosecuted your case, look at your court "
                        "papers, or ask the court clerk.")))
        if offices:
            ways.insert(0, Way(text(
                N_("In %(county)s County, these city attorneys prosecuted some misdemeanors: "
                   "%(offices)s. Otherwise it was the %(prosecutor)s."),
                county=Name(county.name, "place"),
                offices=Name(", ".join(office.name for office in offices)),
                prosecutor=prosecutor(county)), ()))
    else:
        lead = (text(N_("Someone who is 18 or older, and is not you, gives or mails a copy of "
                        "the papers to the %(prosecutor)s. That person fills out and signs the "
                        "proof of service."), prosecutor=prosecutor(county)),)
    return Step("serve", text(N_("Have someone give a copy to the prosecutor")), lead,
                tuple(ways))


def relief_steps(county: County | None, results: Iterable[Result]) -> tuple[Step, ...]:
    """The steps for convictions that give relief and are filed in one county's court."""
    results = tuple(results)
    juvenile = any(result.juvenile for result in results)
    adult = not all(result.juvenile for result in results)
    signing = []
    if adult:
        signing.append(text(N_("Sign and date the petition or application (form CR-400) on "
                               "the signature line.")))
    if juvenile:
        signing.append(text(N_("Sign and date the juvenile court request (form JV-744) on the "
                               "signature line.")))
    filing = text(N_("Take or mail the signed original papers, the signed proof of service "
                     "and the proposed order to the clerk of the %(court)s. Ask the clerk to "
                     "stamp your copy and give it back."), court=court(county))
    if juvenile:
        filing = text(N_("Take or mail the signed original papers, the signed proof of service "
                         "and the proposed order to the juvenile court clerk of the %(court)s. "
                         "Ask the clerk to stamp your copy and give it back."),
                      court=court(county))
    return (
        check_step(county, results),
        Step("sign", text(N_("Print, fill in and sign your papers")), (
            text(N_("We fill in the court papers for you. Print every page on letter-size "
                    "paper, on one side only. Fill in anything left blank, in ink.")),
            *signing,
            text(N_("Do not sign the proof of service or the order.")))),
        Step("copies", text(N_("Make copies")), (
            text(N_("Make at least 2 copies of the signed papers: one for the prosecutor and "
                    "one for you. The court keeps the original.")),)),
        serve_step(county, results),
        Step("file", text(N_("File your papers with the court")), (filing,),
             (Way(text(N_("Ask the clerk if there is a fee. If you cannot pay it, ask for a "
                          "fee waiver (form FW-001).")),
                  court_links(county) + (statewide("fee_waiver"),)),)),
    )


def review_steps(county: County | None) -> tuple[Step, ...]:
    """"We cannot tell yet" is not a dead end: how to find what is missing (issue 10, item 6)."""
    steps = [Step("record", text(N_("Get your record")), (
        text(N_("Your court papers or your criminal record (rap sheet) have the facts we "
                "need.")),), (get_your_record(), ask_the_court(county)))]
    if county is None:
        steps.append(Step("county", text(N_("Find the county")), (
            text(N_("The case is in the superior court of the county where you were "
                    "convicted. If you know the city or the courthouse, Find your court "
                    "tells you the county.")),), (Way(text(N_("Search by city or courthouse.")),
                                                      (statewide("find_court"),)),)))
    steps.append(Step("help", text(N_("Get free legal help")), (), (legal_help(county),)))
    steps.append(Step("answers", text(N_("Change your answers")), (
        text(N_("When you know more, change your answers on this site to see your "
                "result.")),)))
    return tuple(steps)


def other_route_steps(county: County | None) -> tuple[Step, ...]:
    """Prop 64 does not help: other ways to clean a record, and who can say which fits."""
    return (
        Step("other_routes", text(N_("Ask about other ways to clean your record")), (), (
            Way(text(N_("Expungement (Penal Code 1203.4 or 1203.4a): the court can dismiss "
                        "many convictions after probation or the sentence is done."))),
            Way(text(N_("Records destruction (HS 11361.5): some old records of possession or "
                        "transport can be destroyed."))),
        )),
        Step("help", text(N_("Get free legal help")), (), (legal_help(county),)),
    )


def steps_for(county: County | None, results: Iterable[Result]) -> tuple[Step, ...]:
    """The steps for one county's convictions: relief first; otherwise what to find out, or
    the other routes."""
    return steps_for_outcomes(county, tuple(results))


@lru_cache(maxsize=1024)
def steps_for_outcomes(county: County | None, results: tuple[Result, ...]
                       ) -> tuple[Step, ...]:
    # Kept in memory: a county and the engine's results are legal categories only (no date,
    # name or typed value: design.md, privacy), and every page showing steps asks again.
    relief = [result for result in results if result.outcome.gives_relief]
    if relief:
        return relief_steps(county, relief)
    if any(result.outcome is Outcome.NEEDS_REVIEW for result in results):
        return review_steps(county)
    return other_route_steps(county)


def words(item: Text, translate: Callable[[str], str], name: Callable[[Name], Markup]
          ) -> Markup:
    """A step's sentence in a language: ``translate`` looks up a template in a catalogue
    (the site's or the papers'), ``name`` says a ``Name`` in that language."""
    params = {key: words(value, translate, name) if isinstance(value, Text)
              else name(value) if isinstance(value, Name) else escape(str(value))
              for key, value in item.params}
    template = Markup(escape(translate(item.template)))
    return template % params if params else template
