"""Which county a California place is in: cities, county seats and court branch names, read
once from data/places.toml. Used to find the county of a court printed on a RAP sheet
(`CASC SANTA ROSA` -> Sonoma) and to help a person find their county from a city.

A name that is not in the data, or that belongs to more than one county, gives no county:
the caller says so and a person checks. Nothing is guessed.
"""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from petition.counties import all_counties, county_key

# Words a court's name adds after the place (`LOS ANGELES METRO`, `SF JUV DELINQUENCY`).
BRANCH_WORDS = frozenset("""
    METRO METROPOLITAN JUV JUVENILE DELINQUENCY DEPENDENCY BRANCH BR MUNI MUNICIPAL JUSTICE
    DIVISION DIV DEPT DEPARTMENT NORTH SOUTH EAST WEST CENTRAL NORTHERN SOUTHERN EASTERN
    WESTERN DISTRICT DIST HALL OF COURTHOUSE COURT CRT CT TRAFFIC CRIMINAL CRIM FAMILY
    SUPERIOR SUPR SUP CO COUNTY CNTY CENTER CTR JUDICIAL JUD AREA REGIONAL
""".split())
CLOSE_ENOUGH = 0.88


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    """`county` is None when the place is unknown or ambiguous; `exact` is False when the
    county came from a close spelling (OCR) and a person should confirm it."""

    county: str | None
    how: str  # "county", "place", "branch", "close_spelling", "ambiguous", "unknown"
    spelling: str | None = None  # for a close spelling: the known name it is close to

    @property
    def exact(self) -> bool:
        return self.how in ("county", "place", "branch")


def place_key(text: str) -> str:
    return county_key(text.replace(".", " ").replace("'", "").replace(",", " "))


@lru_cache(maxsize=1)
def places() -> dict[str, frozenset[str]]:
    """place key -> the counties that use that name (more than one means ambiguous)."""
    text = resources.files("petition").joinpath("data/places.toml").read_text("utf-8")
    found: dict[str, set[str]] = {}
    for entry in tomllib.loads(text)["county"]:
        for name in (entry["seat"], *entry["cities"], *entry["places"]):
            found.setdefault(place_key(name), set()).add(entry["name"])
    for county in all_counties():
        for name in (county.name, *county.aliases):
            # A county's own name means the county, even where a city shares it.
            found[place_key(name)] = {county.name}
    return {key: frozenset(names) for key, names in found.items()}


@lru_cache(maxsize=1)
def squeezed_places() -> dict[str, frozenset[str]]:
    return {key.replace(" ", ""): names for key, names in places().items()}


@lru_cache(maxsize=1)
def spellings() -> dict[str, str]:
    """squeezed key -> the name as written in the data (upper case), for close spellings."""
    text = resources.files("petition").joinpath("data/places.toml").read_text("utf-8")
    names = {}
    for entry in tomllib.loads(text)["county"]:
        for name in (entry["name"], entry["seat"], *entry["cities"], *entry["places"]):
            names[place_key(name).replace(" ", "")] = name.upper()
    return {key: names[key] for key in squeezed_places() if key in names}


def county_of_place(name: str) -> PlaceMatch:
    """The county of a city, county seat or court branch name."""
    key = place_key(name)
    if not key:
        return PlaceMatch(None, "unknown")
    exact = lookup(key)
    if exact is not None:
        return exact
    words = key.split()
    # A place followed only by branch words: `LOS ANGELES METRO`, `SF JUV DELINQUENCY`.
    for end in range(len(words) - 1, 0, -1):
        if all(word.upper() in BRANCH_WORDS for word in words[end:]):
            found = lookup(" ".join(words[:end]))
            if found is not None:
                return found if found.county is None else PlaceMatch(found.county, "branch")
    squeezed = key.replace(" ", "")
    candidates = difflib.get_close_matches(squeezed, spellings().keys(), n=2,
                                           cutoff=CLOSE_ENOUGH)
    if candidates:
        counties = set().union(*(squeezed_places()[c] for c in candidates))
        if len(counties) == 1:
            return PlaceMatch(next(iter(counties)), "close_spelling", spellings()[candidates[0]])
        return PlaceMatch(None, "ambiguous")
    return PlaceMatch(None, "unknown")


def lookup(key: str) -> PlaceMatch | None:
    counties = places().get(key) or squeezed_places().get(key.replace(" ", ""))
    if not counties:
        return None
    if len(counties) > 1:
        return PlaceMatch(None, "ambiguous")
    county = next(iter(counties))
    return PlaceMatch(county, "county" if place_key(county) == key else "place")
