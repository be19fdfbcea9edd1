"""The languages the site speaks, as data: adding one is a row here plus its catalogue."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Language:
    code: str  # in the URL prefix and the CSV `language` column: /en/, /es/, /zh-hant/
    locale: str  # the Babel locale of translations/<locale>/ (Babel reads "tl" as "fil")
    name: str  # the language's own name, as shown in the language menu
    script: str = "Latn"  # ISO 15924: which letters its pages are written in
    direction: str = "ltr"


LANGUAGES = (
    Language("en", "en", "English"),
    Language("es", "es", "Español"),
    Language("zh-hant", "zh_Hant", "繁體中文", "Hant"),
    Language("vi", "vi", "Tiếng Việt"),
    Language("ko", "ko", "한국어", "Kore"),
    Language("tl", "fil", "Tagalog"),
    Language("ru", "ru", "Русский", "Cyrl"),
    Language("hy", "hy", "Հայերեն", "Armn"),
    Language("ar", "ar", "العربية", "Arab", "rtl"),
    Language("fa", "fa", "فارسی", "Arab", "rtl"),
)
DEFAULT = LANGUAGES[0]
BY_CODE = {language.code: language for language in LANGUAGES}


def language_for(code: str | None) -> Language:
    """The language for a URL prefix or CSV value; English when unknown."""
    return BY_CODE.get((code or "").strip().lower(), DEFAULT)
