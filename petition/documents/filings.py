"""One filing per court case (law.md section 1: "One filing per case number").

The web's papers page, the command line's ``--pdf-dir`` and a clinic upload all group
convictions with ``filings``: convictions of one person that share a county and a case
number are one packet; a conviction without a case number is a packet of its own (nobody
can tell which case it belongs to).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from petition.counties import County
from petition.facts import ConvictionFacts

Item = TypeVar("Item")
# "H-55555-2", "client_7.3": a clinic's id for one count of a person's record; the part
# before the last separator and number names the person.
COUNT_SUFFIX = re.compile(r"^(.+?)[-_./#]\d+$")


@dataclass(frozen=True)
class Filing(Generic[Item]):
    number: int  # 1, 2, ... in the order the first conviction of each case came
    county: County | None
    case_number: str
    items: tuple[Item, ...]


def person_key(first_name: str, last_name: str, date_of_birth: str, case_id: str) -> tuple:
    """Who a row is about: the name and date of birth where a name is given, else the
    ``case_id`` without its count suffix ("H-55555-2" -> "H-55555")."""
    name = " ".join(f"{first_name} {last_name}".casefold().split())
    if name:
        return ("name", name, date_of_birth.strip())
    return ("case_id", without_count(case_id))


def without_count(case_id: str) -> str:
    """ "H-55555-2" -> "H-55555"; an id without a count suffix stays as it is."""
    case_id = case_id.strip()
    prefix = COUNT_SUFFIX.match(case_id)
    return prefix[1] if prefix else case_id


def filing_key(person: object, facts: ConvictionFacts, position: object) -> tuple:
    """Which filing a conviction belongs to: its person, county and case number; without a
    case number, a filing of its own (``position`` tells such convictions apart)."""
    case_number = " ".join(facts.case_number.split()).upper()
    if not case_number:
        return ("alone", position)
    return (person, facts.county.name if facts.county else "", case_number)


def filings(items: Iterable[Item], facts_of: Callable[[Item], ConvictionFacts],
            person_of: Callable[[Item], object] = lambda item: None) -> list[Filing[Item]]:
    """``items`` grouped into filings, each keeping its items' order."""
    groups: dict[tuple, list[Item]] = {}
    for index, item in enumerate(items):
        groups.setdefault(filing_key(person_of(item), facts_of(item), index), []).append(item)
    return [Filing(number, facts_of(group[0]).county, facts_of(group[0]).case_number,
                   tuple(group))
            for number, group in enumerate(groups.values(), start=1)]
