"""``build_packet``: one court case in, one Letter-size PDF out, made in memory.

The packet (design.md; law.md section 5): instructions in the person's language and then in
English, the CR-400 equivalent with its attachment, a CR-401 proof of service for the
server, and a CR-403 proposed order; juvenile adjudications get the JV-744 / JV-744A
request, a proof of service and a JV-746 proposed order instead.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

from markupsafe import Markup, escape
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from petition.documents import instructions as wording
from petition.documents.fetcher import ASSETS, PackagedAssetFetcher
from petition.documents.model import PacketCase
from petition.documents.papers import SECTION_BOXES, Papers, papers_for
from petition.documents.templating import TEMPLATES, catalogue, environment_for
from petition.english_terms import english_span, mark_english
from petition.languages import DEFAULT, language_for
from petition.next_steps import relief_steps, words

BASE_URL = ASSETS.as_uri() + "/"
FETCHER = PackagedAssetFetcher()
# WeasyPrint's font configuration is shared so that @font-face files are read and
# registered once per process, not once per packet; Pango's font map is not safe to use
# from two threads at once, so renders take turns.
RENDER_LOCK = threading.Lock()
# Whitespace beside a block-level tag never shows (CSS collapses it), but WeasyPrint still
# builds a box for each run of it: dropping it makes layout about a tenth faster.
BLOCK_TAG_SPACE = re.compile(
    r"\s*(</?(?:html|head|body|meta|title|section|div|p|h1|h2|ul|ol|li|table|thead|tbody|tr|td"
    r"|th)\b[^>]*>)\s*")


@lru_cache(maxsize=1)
def stylesheet() -> tuple[CSS, FontConfiguration]:
    font_config = FontConfiguration()
    css = CSS(string=(TEMPLATES / "packet.css").read_text("utf-8"), base_url=BASE_URL,
              url_fetcher=FETCHER, font_config=font_config)
    return css, font_config


def instructions_page(papers: Papers, locale: str, lang: str) -> Markup:
    template = environment_for(locale).get_template("instructions.html")
    translate = catalogue(locale).ugettext
    # Names stay as the court writes them (English), marked as such in another language.
    english = (lambda name: escape(name.english)) if lang == DEFAULT.code else (
        lambda name: escape(name.english) if name.kind == "place"
        else english_span(name.english))
    page = template.render(
        papers=papers, lang=lang, direction=language_for(lang).direction,
        # The numbered steps: the same source as the site's result and papers pages.
        steps=relief_steps(papers.case.county, [
            conviction.result for conviction in papers.case.convictions
            if conviction.result.outcome.gives_relief]),
        step_words=lambda item: words(item, translate, english),
        outcome_sentences=wording.OUTCOME_SENTENCES,
        alternative_sentences=wording.ALTERNATIVE_SENTENCES,
        juvenile_sentences=wording.JUVENILE_SENTENCES,
        juvenile_alternative_sentences=wording.JUVENILE_ALTERNATIVE_SENTENCES,
        juvenile_automatic_sentence=wording.JUVENILE_AUTOMATIC_SENTENCE,
        presumed_sentence=wording.PRESUMED_SENTENCE,
        level_words=wording.LEVEL_WORDS,
        automatic_sentences=wording.AUTOMATIC_SENTENCES,
    )
    return Markup(page if lang == DEFAULT.code else mark_english(page))


def packet_html(case: PacketCase) -> str:
    """The whole packet as HTML: the person's language first, then English once."""
    papers = papers_for(case)
    language = language_for(case.language)
    pages = [instructions_page(papers, language.locale, language.code)]
    if language.code != DEFAULT.code:
        pages.append(instructions_page(papers, DEFAULT.locale, DEFAULT.code))
    html = environment_for(DEFAULT.locale).get_template("packet.html").render(
        papers=papers, instructions=pages, section_boxes=SECTION_BOXES)
    return BLOCK_TAG_SPACE.sub(r"\1", html)


def documents_of(html: str) -> list[str]:
    """The packet split into its papers (instructions in each language, CR-400 with its
    attachment, CR-401, CR-403, ...), each a whole HTML document, in order. Typed text is
    escaped, so every "<section" here is one of ours."""
    head, _, rest = html.partition("<body>")
    body = rest.rpartition("</body>")[0]
    groups: dict[str, list[str]] = {}
    for section in re.split(r"(?=<section )", body):
        name = re.match(r'<section [^>]*data-document="([^"]+)"', section)
        if name:
            groups.setdefault(name[1], []).append(section)
    if not groups:
        return [html]
    return [f"{head}<body>{''.join(sections)}</body></html>" for sections in groups.values()]


def render_pdf(html: str) -> bytes:
    """Each paper is laid out as its own document, so "Page 1 of 2" counts that paper's pages
    (the clerk never sees "Page 3 of 6" on a petition whose pages 1-2 were instructions),
    then the pages are joined into one PDF. Smaller documents also lay out a little faster."""
    css, font_config = stylesheet()
    with RENDER_LOCK:
        rendered = [HTML(string=document, base_url=BASE_URL, url_fetcher=FETCHER).render(
                        stylesheets=[css], font_config=font_config)
                    for document in documents_of(html)]
        packet = rendered[0].copy([page for document in rendered for page in document.pages])
        # Tagged PDF: a screen reader can read the papers in order (it costs no time).
        return packet.write_pdf(pdf_tags=True)


def build_packet(case: PacketCase) -> bytes:
    """The petition packet for one case, as PDF bytes. Raises ValueError when no conviction
    in the case has relief (the engine decides that; the packet only renders it)."""
    return render_pdf(packet_html(case))


def warm_up() -> None:
    """Render a one-line document in every font, so a worker pays WeasyPrint's library
    look-ups (gcc and ldconfig, run by ctypes) and the font loading when it starts, not
    during somebody's first download. gunicorn.conf.py calls it in each worker."""
    render_pdf('<html><body><p>Warm <b>up</b> <span lang="zh-Hant">準備</span></p>'
               "</body></html>")
