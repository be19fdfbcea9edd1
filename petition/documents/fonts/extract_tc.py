"""How NotoSansCJKtc-Regular.otf was made (run once by hand; CI never runs it).

Debian ships Noto Sans CJK as a collection of ten faces sharing one file; WeasyPrint needs
a single face, and Traditional Chinese is the face our planned zh-hant users read. The
face is saved unchanged (all glyphs kept): names can hold rare characters, and the PDF
embeds only the glyphs used, so the 16 MB stays in the repository, not in the papers.

    .venv/bin/python petition/documents/fonts/extract_tc.py
"""

from pathlib import Path

from fontTools.ttLib import TTCollection

SOURCE = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
TRADITIONAL_CHINESE = 3  # NotoSansCJKtc-Regular in Debian's fonts-noto-cjk 2.004

if __name__ == "__main__":
    face = TTCollection(SOURCE).fonts[TRADITIONAL_CHINESE]
    assert face["name"].getDebugName(6) == "NotoSansCJKtc-Regular"
    face.save(Path(__file__).with_name("NotoSansCJKtc-Regular.otf"))
