"""Court names, form numbers and code sections stay in English in every language.

Translators keep them as the court writes them ("HS 11357(b)", "CR-400", "Superior Court of
California, County of Fresno"); this marks each one `lang="en"` (so a screen reader reads it in
English) and `dir="ltr"`, which also isolates it: in Arabic or Persian, "HS 11357(b)" keeps its
order and its closing parenthesis instead of being mirrored into the right-to-left sentence.

It works on finished HTML, page or packet, touching only text between tags: never attributes,
elements whose content is plain text to the browser (title, textarea, option, script, style),
or elements already marked English (a name put in with ``english_span``).
"""

from __future__ import annotations

import re

from markupsafe import Markup

ENGLISH_TERM = re.compile(
    r"(?=[A-Z\d])"  # every term starts so: a fast refusal of every other position
    r"(?:(?:\b(?:HS|H&amp;S|PC|Penal Code|Health and Safety Code)\s?(?:§\s?)?)?"
    r"\b\d{3,5}(?:\.\d{1,2})?(?:\([a-zA-Z0-9]{1,4}\))+"  # a section with its subdivisions
    r"(?:,\s?(?:\([a-zA-Z0-9]{1,4}\))+)*"  # and more of them: "11361.8(b), (f)"
    r"|\b(?:HS|H&amp;S|PC)\s?(?:§\s?)?\d{3,5}(?:\.\d{1,2})?\b"  # a section without them
    r"|\b(?:Health and Safety Code|Penal Code)\b"  # a code named without a section
    r"|\b(?:CR|JV|BCIA|FW|MC|SC)-?\s?\d{2,4}[A-Z]?\b"  # Judicial Council and DOJ form numbers
    r"|\bSuperior Court of California(?:, County of [A-Z][a-z]+(?: [A-Z][a-z]+)*)?"
    r"|\b(?:[A-Z][a-z]+ )+(?:County )?(?:District|City) Attorney(?:'s Office)?)"  # an office
)
# Every term above has two digits, "Code", "Superior" or "Attorney" in it: text without them
# (most of a page) is not searched at all. Searching it all made a translated page 3x slower.
MAY_HOLD_A_TERM = re.compile(r"\d\d|Code|Superior|Attorney")
TAG = re.compile(r"(<[^>]*>)")
TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
ALREADY_ENGLISH = re.compile(r"""\slang=["']?en["'\s/>]""")
PLAIN_TEXT_ELEMENTS = frozenset({"title", "textarea", "option", "script", "style"})
VOID_ELEMENTS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                           "meta", "source", "track", "wbr"})
MARK = r'<span lang="en" dir="ltr">\g<0></span>'


def english_span(text: str) -> Markup:
    """``text`` (escaped) marked as English and isolated, as ``mark_english`` marks a term."""
    return Markup('<span lang="en" dir="ltr">%s</span>') % text


def mark_english(html: str) -> str:
    """`html` with every court name, form number and code section in its text marked."""
    if not MAY_HOLD_A_TERM.search(html):
        return html
    pieces = TAG.split(html)  # text, tag, text, tag, ..., text
    left_alone: str | None = None  # the element whose text is left as it is
    depth = 0  # how many of that element are open (a span inside a span)
    for index in range(0, len(pieces), 2):
        if left_alone is None and MAY_HOLD_A_TERM.search(pieces[index]):
            pieces[index] = ENGLISH_TERM.sub(MARK, pieces[index])
        tag = TAG_NAME.match(pieces[index + 1]) if index + 1 < len(pieces) else None
        if not tag or tag[2].lower() in VOID_ELEMENTS:
            continue
        closing, name = tag[1], tag[2].lower()
        if left_alone is None:
            if not closing and (name in PLAIN_TEXT_ELEMENTS
                                or ALREADY_ENGLISH.search(pieces[index + 1])):
                left_alone, depth = name, 1
        elif name == left_alone:
            depth += -1 if closing else 1
            if depth == 0:
                left_alone = None
    return "".join(pieces)
