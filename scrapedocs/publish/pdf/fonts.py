"""The CJK face of the PDF, subset and converted so that the PDF embeds it by name.

The text is set in Noto Sans CJK SC (Debian's fonts-noto-cjk), named in the CSS: left
to fontconfig, `lang="zh"` text may get the Japanese face. Chromium embeds that CFF
font as nameless Type 3 glyphs, so the build subsets it to the characters used and
converts the outlines to TrueType (fontTools): the PDF then embeds
`NotoSansCJKsc-Regular` and `-Bold`.
"""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

from ..errors import OutputError

#: The CJK face the PDF is set in. Named explicitly: left to fontconfig, `lang="zh"` text
#: may come out in the Japanese face of the same collection.
CJK_FONT = "Noto Sans CJK SC"


def cjk_font_files() -> dict[str, tuple[str, int]]:
    """Font file and index in it of the regular and bold Simplified Chinese faces (fontconfig)."""
    found = {}
    for weight, style in (("400", "Regular"), ("700", "Bold")):
        try:
            out = subprocess.run(
                ["fc-match", "-f", "%{family}\t%{file}\t%{index}", f"{CJK_FONT}:style={style}"],
                capture_output=True, text=True, timeout=60).stdout
        except (OSError, subprocess.SubprocessError):
            out = ""
        family, _, rest = out.partition("\t")
        file, _, index = rest.partition("\t")
        if CJK_FONT not in family.split(",") or not os.path.isfile(file):
            raise OutputError(
                f"the PDF needs the font {CJK_FONT!r}, which fontconfig does not find: "
                "install it (Debian: `sudo apt-get install fonts-noto-cjk`)"
            )
        found[weight] = (file, int(index or 0))
    return found


def embeddable_font(source: tuple[str, int], text: str, out: Path) -> Path:
    """The face subset to the characters of `text`, its CFF outlines turned into TrueType ones.

    Chromium (Skia) embeds CFF-flavoured OpenType fonts, such as the Noto CJK collection,
    as nameless Type 3 fonts; it embeds TrueType outlines as a real (CID TrueType) font
    that PDF readers and `pdffonts` name. Subsetting first keeps this to a second or two.
    """
    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    font = TTFont(source[0], fontNumber=source[1])
    options = subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.desubroutinize = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    if "CFF " in font:
        order = font.getGlyphOrder()
        glyph_set = font.getGlyphSet()
        glyphs = {}
        for name in order:
            pen = TTGlyphPen(glyph_set)
            glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
            glyphs[name] = pen.glyph()
        font["loca"] = newTable("loca")
        glyf = font["glyf"] = newTable("glyf")
        glyf.glyphOrder, glyf.glyphs = order, glyphs
        del font["CFF "]
        if "VORG" in font:
            del font["VORG"]
        glyf.compile(font)
        hmtx = font["hmtx"]
        for name, glyph in glyf.glyphs.items():
            if hasattr(glyph, "xMin"):
                hmtx[name] = (hmtx[name][0], glyph.xMin)
        maxp = font["maxp"] = newTable("maxp")
        maxp.tableVersion = 0x00010000
        maxp.maxZones = 1
        for key in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                    "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
            setattr(maxp, key, 0)
        maxp.compile(font)
        post = font["post"]
        post.formatType, post.extraNames, post.mapping, post.glyphOrder = 2.0, [], {}, order
        font.sfntVersion = "\x00\x01\x00\x00"
    out.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(out))
    return out
