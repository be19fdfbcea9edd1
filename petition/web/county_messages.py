"""A pybabel extractor for the county data file: the early programs' agency and summary are
shown on result pages, so they need translating like any other text (see babel.cfg)."""

from __future__ import annotations

import tomllib


def extract_programs(fileobj, keywords, comment_tags, options):
    text = fileobj.read().decode("utf-8")
    lines = text.splitlines()
    for entry in tomllib.loads(text).get("county", ()):
        for program in entry.get("program", ()):
            for key in ("agency", "summary"):
                value = program.get(key)
                if value:
                    yield line_of(lines, value), None, value, [f"county program {key}"]


def line_of(lines: list[str], value: str) -> int:
    for number, line in enumerate(lines, 1):
        if value in line.replace('\\"', '"'):
            return number
    return 0
