"""Statewide places to check a record, get help or find a court, read once from
data/resources.toml (data a person can edit, each with its source and the date checked)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources as package_files


@dataclass(frozen=True, slots=True)
class Resource:
    key: str
    title: str
    url: str
    source: str
    checked: date | None = None


@lru_cache(maxsize=1)
def all_resources() -> dict[str, Resource]:
    text = package_files.files("petition").joinpath("data/resources.toml").read_text("utf-8")
    return {key: Resource(key=key, **entry) for key, entry in tomllib.loads(text).items()}


def resource(key: str) -> Resource:
    return all_resources()[key]
