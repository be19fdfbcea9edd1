"""California's 58 counties, read once from data/counties.toml (data a lawyer can edit)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

from petition.rules.vocabulary import Level


@dataclass(frozen=True, slots=True)
class Program:
    """A prosecutor's early program that cleared convictions without anyone filing."""

    agency: str
    summary: str
    source: str
    years: str = ""
    announced: date | None = None
    covers_convictions_from: date | None = None
    covers_levels: tuple[Level, ...] = ()

    @property
    def scope_known(self) -> bool:
        return self.covers_convictions_from is not None and bool(self.covers_levels)

    def covers(self, level: Level | None, convicted_no_earlier_than: date | None) -> bool:
        if not self.scope_known:
            return True
        return (level in self.covers_levels and convicted_no_earlier_than is not None
                and convicted_no_earlier_than >= self.covers_convictions_from)


@dataclass(frozen=True, slots=True)
class CityAttorney:
    """A city attorney's office that prosecuted some cases in its city instead of the District
    Attorney (design: misdemeanors and infractions only; felonies are always the DA's)."""

    name: str
    cities: tuple[str, ...]
    handles: tuple[Level, ...]  # the levels of case it prosecuted
    source: str
    website: str = ""
    note: str = ""  # where the office's scope is narrower, e.g. "only since 2014"
    checked: date | None = None


@dataclass(frozen=True, slots=True)
class Contacts:
    """Ways to reach the court and the offices a person may need to ask, each from a source
    checked on a date (empty where no source confirmed it: never guessed)."""

    court_website: str = ""
    court_phone: str = ""
    prosecutor_website: str = ""
    public_defender: str = ""
    public_defender_website: str = ""
    source: str = ""
    checked: date | None = None


@dataclass(frozen=True, slots=True)
class County:
    name: str
    court: str
    prosecutor: str
    programs: tuple[Program, ...] = ()
    aliases: tuple[str, ...] = ()  # other names records use, such as "SF"
    contacts: Contacts = Contacts()
    city_attorneys: tuple[CityAttorney, ...] = ()

    def __str__(self) -> str:
        return self.name

    def city_attorneys_for(self, levels: set[Level | None]) -> tuple[CityAttorney, ...]:
        """The city attorney offices that may have prosecuted counts of these old levels (a
        level nobody knows could be any)."""
        levels = {level for level in levels if city_attorney_may_prosecute(level)}
        return tuple(office for office in self.city_attorneys
                     if levels and (None in levels or levels & set(office.handles)))


def city_attorney_may_prosecute(level: Level | None) -> bool:
    """law.md section 5: the prosecuting agency is usually the District Attorney, sometimes a
    city attorney for misdemeanors (and infractions); felonies are always the DA's. A count of
    unknown level may be either."""
    return level is not Level.FELONY


def read_program(entry: dict) -> Program:
    levels = tuple(Level[level.upper()] for level in entry.pop("covers_levels", ()))
    return Program(covers_levels=levels, **entry)


def read_city_attorney(entry: dict) -> CityAttorney:
    levels = tuple(Level[level.upper()] for level in entry.pop("handles", ()))
    return CityAttorney(handles=levels, cities=tuple(entry.pop("cities", ())), **entry)


@lru_cache(maxsize=1)
def all_counties() -> tuple[County, ...]:
    text = resources.files("petition").joinpath("data/counties.toml").read_text("utf-8")
    entries = tomllib.loads(text)["county"]
    return tuple(
        County(
            name=entry["name"],
            court=entry["court"],
            prosecutor=entry["prosecutor"],
            programs=tuple(read_program(dict(program)) for program in entry.get("program", ())),
            aliases=tuple(entry.get("aliases", ())),
            contacts=Contacts(**entry.get("contacts", {})),
            city_attorneys=tuple(read_city_attorney(dict(office))
                                 for office in entry.get("city_attorney", ())),
        )
        for entry in entries
    )


@lru_cache(maxsize=1)
def counties_by_key() -> dict[str, County]:
    return {county_key(name): county for county in all_counties()
            for name in (county.name, *county.aliases)}


def county_key(text: str) -> str:
    key = " ".join(text.lower().replace("-", " ").replace("_", " ").split())
    key = key.removesuffix(" county")
    return key.removeprefix("county of ")


def find_county(text: str) -> County | None:
    """A county by name, in any case, with or without "County"; empty or "unknown" is unknown."""
    if text.strip().lower() in ("", "unknown"):
        return None
    county = counties_by_key().get(county_key(text))
    if county is None:
        shown = text if len(text) <= 40 else text[:40] + "…"
        raise ValueError(f"county {shown!r} is not a California county: use a name like Fresno")
    return county
