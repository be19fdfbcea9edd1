"""What a rule finds: the class the conduct has today, the citations, and reasons in plain words.

Reason texts are English templates marked with ``N_`` so that pybabel extracts them; the
pages translate them, the command line prints them as they are. The engine stays free of
Flask and of any translation machinery.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from petition.rules.vocabulary import Level


def N_(text: str) -> str:
    """Marks a string for translation without translating it here."""
    return text


@dataclass(frozen=True, slots=True)
class Reason:
    template: str
    params: tuple[tuple[str, str], ...] = ()

    def english(self) -> str:
        return self.template % dict(self.params) if self.params else self.template


def reason(template: str, **params: object) -> Reason:
    return Reason(template, tuple((key, str(value)) for key, value in params.items()))


@dataclass(frozen=True, slots=True)
class Finding:
    """What the conduct would be today (law.md section 3), and why."""

    today: Level
    citations: tuple[str, ...]
    reasons: tuple[Reason, ...] = field(default=())


def finding(today: Level, citation: str | tuple[str, ...], *reasons: Reason) -> Finding:
    citations = (citation,) if isinstance(citation, str) else citation
    return Finding(today, citations, reasons)
