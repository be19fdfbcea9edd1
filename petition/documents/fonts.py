"""The papers' fonts: Debian's Noto (`fonts-noto-core`, `fonts-noto-cjk`, installed by
`make install` and the Dockerfile), found by family name through fontconfig. No font file
is in the repository, and WeasyPrint fetches none: Pango reads them from the system, and the
PDF embeds only the glyphs a packet uses.

One family per script the site speaks or a name may be written in.
"""

from __future__ import annotations

import subprocess
from functools import cache
from pathlib import Path

# CSS font-family names, in fallback order (packet.css lists the same).
FAMILIES = (
    "Noto Sans",           # Latin (English, Spanish, Tagalog, Vietnamese), Cyrillic, Greek
    "Noto Sans Arabic",    # Arabic and Persian names in the court papers
    "Noto Naskh Arabic",   # Arabic and Persian instructions (a book hand for running text)
    "Noto Sans Armenian",
    "Noto Sans CJK TC",    # Traditional Chinese; its face also holds Hangul and kana
    "Noto Sans CJK KR",
)


class MissingFont(RuntimeError):
    """A family is not installed: run `make install` (fonts-noto-core, fonts-noto-cjk)."""


@cache
def font_file(family: str) -> tuple[Path, int]:
    """The installed file (and face index within a collection) of ``family``."""
    found = subprocess.run(["fc-match", "--format=%{family}\t%{file}\t%{index}", family],
                           capture_output=True, text=True, check=True).stdout
    families, file, index = found.split("\t")
    if family not in families.split(","):
        raise MissingFont(f"font family {family!r} is not installed (fc-match gave "
                          f"{families!r}); run `make install`")
    return Path(file), int(index or 0)


def font_files() -> list[tuple[Path, int]]:
    return [font_file(family) for family in FAMILIES]
