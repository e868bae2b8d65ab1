"""GB/T 9704 page, fonts and page numbers for the Word export (python-docx helpers).

Imported only by ``wizard.docx_export``. python-docx has no API for East Asian
fonts, and without ``w:eastAsia`` Word shows Chinese in a fallback (often
Japanese) face, so the document defaults, the Normal style and every run get
``w:rFonts/@w:eastAsia`` and ``w:hint="eastAsia"``.

Why 28 characters a line come from condensed spacing and not from a character
grid: Word's own 公文 template uses a ``linesAndChars`` grid whose cells
(15.79 pt) are narrower than the 16 pt glyphs; Word squeezes each glyph into
its cell, but LibreOffice gives every glyph two cells, halving the line. A
``lines`` grid plus -0.25 pt character spacing lays out 28 characters of
15.75 pt (441 pt <= 442.2 pt) the same way in Word, WPS and LibreOffice.
"""

from __future__ import annotations

import math

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.oxml import serialize_part_xml
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Emu, Length, Mm, Pt

BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
SUBHEADING_FONT = "楷体_GB2312"
TITLE_FONT = "方正小标宋简体"
PAGE_NUMBER_FONT = "宋体"
LATIN_FONT = "Times New Roman"

BODY_SIZE = Pt(16)  # 三号
TITLE_SIZE = Pt(22)  # 二号
PAGE_NUMBER_SIZE = Pt(14)  # 四号
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
TEXT_WIDTH = Mm(210 - 28 - 26)
TEXT_HEIGHT = Mm(297 - 37 - 35)
#: 28.95 pt: 22 lines take 636.9 pt, just inside the 225 mm (637.8 pt) text block.
LINE_PITCH = Pt(28.95)
#: Character pitch that fits 28 characters in the 156 mm line.
CHAR_PITCH_PT = TEXT_WIDTH.pt / CHARS_PER_LINE
#: Spacing added to every character, in twentieths of a point, rounded down so 28 fit.
CONDENSE_TWIPS = math.floor((CHAR_PITCH_PT - BODY_SIZE.pt) * 20)


def set_fonts(r_pr, east_asia: str, size: Length) -> None:
    """Fonts and size on run (or style) properties, East Asian face included."""
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for attribute in list(fonts.attrib):
        if attribute.endswith("Theme"):
            del fonts.attrib[attribute]
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:hint"), "eastAsia")
    for tag in ("w:sz", "w:szCs"):
        element = r_pr.find(qn(tag))
        if element is None:
            element = OxmlElement(tag)
            r_pr.append(element)
        element.set(qn("w:val"), str(round(size.pt * 2)))


def add_run(paragraph, text: str, font: str, size: Length = BODY_SIZE):
    """A run in ``font`` (East Asian face) at ``size``, never bold (GB/T 9704 has no bold)."""
    run = paragraph.add_run(text)
    run.font.size = size
    run.font.bold = False
    set_fonts(run._element.get_or_add_rPr(), font, size)
    return run


def setup_page(document) -> None:
    """A4, margins 37/35/28/26 mm, a 22-line grid, page numbers 7 mm under the text."""
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    # The page number's dash sits 7 mm below the text block (GB/T 9704 7.5).
    section.footer_distance = Emu(Mm(35 - 7) - PAGE_NUMBER_SIZE)
    grid = section._sectPr.find(qn("w:docGrid"))
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(round(LINE_PITCH.pt * 20)))
    # Kept for anyone who switches Word's grid to "lines and characters": 28 a line.
    grid.set(qn("w:charSpace"), str(round((CHAR_PITCH_PT - BODY_SIZE.pt) * 4096)))


def _ppr_flag(p_pr, tag: str, value: str = "0") -> None:
    """Put an on/off flag before ``w:spacing``/``w:ind``/``w:jc``, where the schema wants it."""
    element = OxmlElement(tag)
    element.set(qn("w:val"), value)
    for later in ("w:spacing", "w:ind", "w:jc", "w:outlineLvl"):
        if (anchor := p_pr.find(qn(later))) is not None:
            anchor.addprevious(element)
            return
    p_pr.append(element)


def setup_styles(document) -> None:
    """Body defaults: 仿宋 三号, condensed to 28 a line, exact 28.95 pt lines, justified."""
    for r_pr in document.styles.element.iter(qn("w:rPr")):
        if r_pr.getparent().tag == qn("w:rPrDefault"):
            set_fonts(r_pr, BODY_FONT, BODY_SIZE)
    normal = document.styles["Normal"]
    normal.font.size = BODY_SIZE
    r_pr = normal.element.get_or_add_rPr()
    set_fonts(r_pr, BODY_FONT, BODY_SIZE)
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:val"), str(CONDENSE_TWIPS))
    r_pr.find(qn("w:sz")).addprevious(spacing)
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "en-US")
    language.set(qn("w:eastAsia"), "zh-CN")
    r_pr.append(language)
    paragraph = normal.paragraph_format
    paragraph.space_before = paragraph.space_after = Pt(0)
    paragraph.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    paragraph.line_spacing = LINE_PITCH
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    # Lines must fill the page: keeping widows together would leave pages short.
    paragraph.widow_control = False
    p_pr = normal.element.get_or_add_pPr()
    # No extra quarter-em between Han and Latin or digits: it would break the 28-a-line count.
    _ppr_flag(p_pr, "w:autoSpaceDE")
    _ppr_flag(p_pr, "w:autoSpaceDN")
    # Word otherwise picks Japanese faces for theme fonts.
    language = document.settings.element.find(qn("w:themeFontLang"))
    if language is not None:
        language.set(qn("w:eastAsia"), "zh-CN")
    document.settings.odd_and_even_pages_header_footer = True


def first_line_indent(paragraph, chars: int) -> None:
    """First-line indent in characters (``w:firstLineChars``), with a twip fallback."""
    ind = paragraph._p.get_or_add_pPr().get_or_add_ind()
    ind.set(qn("w:firstLineChars"), str(chars * 100))
    ind.set(qn("w:firstLine"), str(round(BODY_SIZE.pt * 20 * chars)))


def right_indent(paragraph, chars: float) -> None:
    """Right indent in characters (``w:rightChars``), with a twip fallback."""
    ind = paragraph._p.get_or_add_pPr().get_or_add_ind()
    ind.set(qn("w:rightChars"), str(round(chars * 100)))
    ind.set(qn("w:right"), str(round(BODY_SIZE.pt * 20 * chars)))


def outline_level(paragraph, level: int) -> None:
    """Make a heading show in Word's navigation pane without a Heading style's looks."""
    element = OxmlElement("w:outlineLvl")
    element.set(qn("w:val"), str(level))
    paragraph._p.get_or_add_pPr().append(element)


def off_grid(paragraph) -> None:
    """Let a 22 pt title line keep its exact spacing instead of taking two grid lines."""
    _ppr_flag(paragraph._p.get_or_add_pPr(), "w:snapToGrid")


def _page_number(footer, align: WD_ALIGN_PARAGRAPH) -> None:
    """``— N —`` with a PAGE field, one character in from the outer edge."""
    paragraph = footer.paragraphs[0]
    paragraph.alignment = align
    if align == WD_ALIGN_PARAGRAPH.RIGHT:
        paragraph.paragraph_format.right_indent = PAGE_NUMBER_SIZE
    else:
        paragraph.paragraph_format.left_indent = PAGE_NUMBER_SIZE
    add_run(paragraph, "— ", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)
    for kind, text in (("begin", ""), ("", " PAGE "), ("separate", ""), ("", "1"), ("end", "")):
        run = add_run(paragraph, "", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._element.append(char)
        elif text == " PAGE ":
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = text
            run._element.append(instruction)
        else:
            run.text = text  # the cached result, shown until the field updates
    add_run(paragraph, " —", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)


#: Fonts the file names, and what Word should take where one is missing (Windows ships
#: 仿宋 and 楷体 but not the _GB2312 faces). Charset 86 (GB2312) keeps the fallback Chinese.
FONT_FALLBACKS = {
    BODY_FONT: "仿宋",
    SUBHEADING_FONT: "楷体",
    TITLE_FONT: "宋体",
    HEADING_FONT: "SimHei",
    PAGE_NUMBER_FONT: "SimSun",
}


def register_fonts(document) -> None:
    """List the Chinese fonts in the font table with a GB2312 charset and an alternative name."""
    part = next(rel.target_part for rel in document.part.rels.values() if rel.reltype.endswith("/fontTable"))
    table = parse_xml(part.blob)
    for name, alternative in FONT_FALLBACKS.items():
        font = OxmlElement("w:font")
        font.set(qn("w:name"), name)
        properties = (("w:altName", alternative), ("w:charset", "86"), ("w:family", "auto"), ("w:pitch", "variable"))
        for tag, value in properties:
            child = OxmlElement(tag)
            child.set(qn("w:val"), value)
            font.append(child)
        table.append(font)
    part._blob = serialize_part_xml(table)


def page_numbers(document) -> None:
    """Odd pages numbered on the right, even pages on the left (the outer side)."""
    section = document.sections[0]
    _page_number(section.footer, WD_ALIGN_PARAGRAPH.RIGHT)
    _page_number(section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)
