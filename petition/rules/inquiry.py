"""Asking the facts a rule needs, and branching over the ones nobody knows.

A rule reads facts through an ``Inquiry``. When it reads a fact that is unknown, the
inquiry stops the rule (``Branch``) and ``explore`` runs it again once for each value the
fact could take. Only facts a rule actually reads are ever branched on, so the list of
facts that could change an answer falls out of the rules themselves (the docassemble way).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from typing import Any


class Branch(Exception):
    def __init__(self, fact: str, values: tuple, preferred: Hashable | None = None):
        self.fact, self.values, self.preferred = fact, values, preferred


@dataclass(frozen=True, slots=True)
class Leaf:
    assignment: Mapping[str, Any]
    verdict: Any


class Inquiry:
    __slots__ = ("known", "assignment")

    def __init__(self, known: Any, assignment: Mapping[str, Any]):
        self.known, self.assignment = known, assignment

    def fact(self, name: str, values: tuple = (False, True), preferred=None):
        """The fact's value; when unknown, each of ``values`` in turn (``preferred`` marks the
        one law.md E7 takes instead of the most favourable)."""
        value = getattr(self.known, name)
        if value is not None:
            return value
        return self.choose(name, values, preferred)

    def choose(self, name: str, values: tuple, preferred=None):
        if name in self.assignment:
            return self.assignment[name]
        if len(values) == 1:
            return values[0]
        raise Branch(name, values, preferred)


def explore(rule: Callable[[Inquiry], Any], known: Any, fixed: Mapping[str, Any] | None = None
            ) -> tuple[list[Leaf], dict[str, Hashable]]:
    """Every way the unknown facts could go, as leaves, and the preferred value of facts
    that have one."""
    leaves: list[Leaf] = []
    preferred: dict[str, Hashable] = {}
    pending = [dict(fixed or {})]
    while pending:
        assignment = pending.pop()
        try:
            verdict = rule(Inquiry(known, assignment))
        except Branch as branch:
            if branch.preferred is not None:
                preferred[branch.fact] = branch.preferred
            pending.extend({**assignment, branch.fact: value} for value in reversed(branch.values))
            continue
        leaves.append(Leaf(assignment, verdict))
    return leaves, preferred
