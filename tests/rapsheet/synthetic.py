"""Invented records for size and robustness checks: a long RAP sheet built from the format's
elements with a known number of cannabis convictions, and random text."""

from __future__ import annotations

import random
import string

HEADER = """RE: QHY.CA0000000.99990000.RR            DATE:20240311 TIME:10:42:07
CII/A99990000
DOB/19800101 SEX/M RAC/WHITE
NAM/01 EXAMPLE,SYNTHETIC PERSON
    02 EXAMPLE,SYN
"""
CYCLE = """* * * *
ARR/DET/CITE:         NAM:01  DOB:19800101
{arrest}  CAPD OAKLAND
TOC:F
CNT:01     #{n}-A
  {section} HS-POSSESS MARIJUANA FOR SALE
- - - -
COURT:                NAM:01
{court}  CASC ALAMEDA

CNT:01     #H{n}
  {section} HS-POSSESS MARIJUANA FOR SALE
*DISPO:CONVICTED
   CONV STATUS:FELONY
   SEN: 036 MONTHS PROBATION, 120 DAYS JAIL, FINE,
        IMP SEN SS

 20130108
  DISPO:CONV SET ASIDE & DISM PER 1203.4 PC

CNT:02
  459 PC-BURGLARY
 DISPO:DISMISSED
Page 2 of 9
"""
SECTIONS = ("11357", "11358", "11359", "11360(A)", "11357(C)")


def big_record(target_bytes: int) -> tuple[str, int]:
    """A record of about `target_bytes`, and how many cannabis convictions it holds."""
    parts = [HEADER]
    size = len(HEADER)
    n = 0
    while size < target_bytes:
        n += 1
        cycle = CYCLE.format(arrest=f"2010{n % 12 + 1:02d}01", court=f"2011{n % 12 + 1:02d}15",
                             n=n, section=SECTIONS[n % len(SECTIONS)])
        parts.append(cycle)
        size += len(cycle)
    parts.append("* * * END OF MESSAGE * * *\n")
    return "".join(parts), n


def random_text(lines: int, seed: int = 13) -> str:
    """Lines of random printable characters and fragments of the format's vocabulary."""
    chance = random.Random(seed)
    words = ["CNT:", "DISPO:", "* * * *", "- - - -", "COURT:", "ARR/DET/CITE:", "20110101",
             "11357 HS-", "SEN:", "CONV STATUS:", "#", "(A)", "CASC", "O", "l"]
    alphabet = string.ascii_letters + string.digits + string.punctuation + " \t\f" + "ÉÇÓ–\u00a0"
    out = []
    for _ in range(lines):
        pieces = [chance.choice(words) if chance.random() < 0.4 else
                  "".join(chance.choice(alphabet) for _ in range(chance.randint(0, 30)))
                  for _ in range(chance.randint(0, 6))]
        out.append(" ".join(pieces))
    return "\n".join(out)
