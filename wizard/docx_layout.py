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

from wizard.house_style import HouseStyle

PAGE_NUMBER_FONT = "宋体"
LATIN_FONT = "Times New Roman"
PAGE_NUMBER_SIZE = Pt(14)  # 四号


def char_pitch(style: HouseStyle) -> float:
    """Points from one body character to the next: the line's width shared by its characters."""
    return Mm(style.text_width_mm).pt / style.chars_per_line


def condense_twips(style: HouseStyle) -> int:
    """Spacing added to every character, in twentieths of a point, rounded down so a line's worth fit."""
    return math.floor((char_pitch(style) - style.body_size) * 20)


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


def add_run(paragraph, text: str, font: str, size: Length):
    """A run in ``font`` (East Asian face) at ``size``, never bold (GB/T 9704 has no bold)."""
    run = paragraph.add_run(text)
    run.font.size = size
    run.font.bold = False
    set_fonts(run._element.get_or_add_rPr(), font, size)
    return run


def setup_page(document, style: HouseStyle) -> None:
    """A4, the style's margins (GB/T 9704: 37/35/28/26 mm), a line grid, page numbers 7 mm under the text."""
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(style.margin_top), Mm(style.margin_bottom)
    section.left_margin, section.right_margin = Mm(style.margin_left), Mm(style.margin_right)
    # The page number's dash sits 7 mm below the text block (GB/T 9704 7.5).
    section.footer_distance = Emu(max(Mm(style.margin_bottom - 7) - PAGE_NUMBER_SIZE, 0))
    grid = section._sectPr.find(qn("w:docGrid"))
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(round(style.line_pitch * 20)))
    # Kept for anyone who switches Word's grid to "lines and characters": a line's worth each line.
    grid.set(qn("w:charSpace"), str(round((char_pitch(style) - style.body_size) * 4096)))


def _ppr_flag(p_pr, tag: str, value: str = "0") -> None:
    """Put an on/off flag before ``w:spacing``/``w:ind``/``w:jc``, where the schema wants it."""
    element = OxmlElement(tag)
    element.set(qn("w:val"), value)
    for later in ("w:spacing", "w:ind", "w:jc", "w:outlineLvl"):
        if (anchor := p_pr.find(qn(later))) is not None:
            anchor.addprevious(element)
            return
    p_pr.append(element)


def setup_styles(document, style: HouseStyle) -> None:
    """Body defaults: 仿宋 三号, condensed to 28 a line, exact 28.95 pt lines, justified (or the house style's)."""
    size = Pt(style.body_size)
    for r_pr in document.styles.element.iter(qn("w:rPr")):
        if r_pr.getparent().tag == qn("w:rPrDefault"):
            set_fonts(r_pr, style.body_font, size)
    normal = document.styles["Normal"]
    normal.font.size = size
    r_pr = normal.element.get_or_add_rPr()
    set_fonts(r_pr, style.body_font, size)
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:val"), str(condense_twips(style)))
    r_pr.find(qn("w:sz")).addprevious(spacing)
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "en-US")
    language.set(qn("w:eastAsia"), "zh-CN")
    r_pr.append(language)
    paragraph = normal.paragraph_format
    paragraph.space_before = paragraph.space_after = Pt(0)
    paragraph.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    paragraph.line_spacing = Pt(style.line_pitch)
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


def first_line_indent(paragraph, chars: int, style: HouseStyle) -> None:
    """First-line indent in characters (``w:firstLineChars``), with a twip fallback."""
    ind = paragraph._p.get_or_add_pPr().get_or_add_ind()
    ind.set(qn("w:firstLineChars"), str(chars * 100))
    ind.set(qn("w:firstLine"), str(round(style.body_size * 20 * chars)))


def right_indent(paragraph, chars: float, style: HouseStyle) -> None:
    """Right indent in characters (``w:rightChars``), with a twip fallback."""
    ind = paragraph._p.get_or_add_pPr().get_or_add_ind()
    ind.set(qn("w:rightChars"), str(round(chars * 100)))
    ind.set(qn("w:right"), str(round(style.body_size * 20 * chars)))


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


#: What Word should take for a font the machine lacks, by the font's part (Windows ships
#: 仿宋 and 楷体 but not the _GB2312 faces). Charset 86 (GB2312) keeps the fallback Chinese.
FONT_FALLBACKS = {
    "body_font": "仿宋",
    "subheading_font": "楷体",
    "title_font": "宋体",
    "heading_font": "SimHei",
}


def register_fonts(document, style: HouseStyle) -> None:
    """List the Chinese fonts in the font table with a GB2312 charset and an alternative name."""
    part = next(rel.target_part for rel in document.part.rels.values() if rel.reltype.endswith("/fontTable"))
    table = parse_xml(part.blob)
    fonts = {getattr(style, part_name): alternative for part_name, alternative in FONT_FALLBACKS.items()}
    fonts.setdefault(PAGE_NUMBER_FONT, "SimSun")
    for name, alternative in fonts.items():
        font = OxmlElement("w:font")
        font.set(qn("w:name"), name)
        properties = (("w:altName", alternative), ("w:charset", "86"), ("w:family", "auto"), ("w:pitch", "variable"))
        for tag, value in properties:
            child = OxmlElement(tag)
            child.set(qn("w:val"), value)
            font.append(child)
        table.append(font)
    part._blob = serialize_part_xml(table)


def page_numbers(section) -> None:
    """Odd pages of ``section`` numbered on the right, even pages on the left (the outer side)."""
    _page_number(section.footer, WD_ALIGN_PARAGRAPH.RIGHT)
    _page_number(section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)


def restart_page_numbers(section, start: int) -> None:
    """Number ``section``'s pages from ``start`` (a booklet's contents: its cover has no number)."""
    sect_pr = section._sectPr
    numbering = sect_pr.find(qn("w:pgNumType"))
    if numbering is None:
        numbering = OxmlElement("w:pgNumType")
        # Schema order: pgNumType comes after the page margins, before the columns and the grid.
        later = (
            found
            for tag in ("w:cols", "w:formProt", "w:vAlign", "w:docGrid")
            if (found := sect_pr.find(qn(tag))) is not None
        )
        anchor = next(later, None)
        if anchor is not None:
            anchor.addprevious(numbering)
        else:
            sect_pr.append(numbering)
    numbering.set(qn("w:start"), str(start))


def continue_page_numbers(section) -> None:
    """``section`` numbers its pages on from the previous one (a new section copies the last one's restart)."""
    numbering = section._sectPr.find(qn("w:pgNumType"))
    if numbering is not None:
        numbering.getparent().remove(numbering)


def _field_char(paragraph, kind: str) -> None:
    run = paragraph.add_run()
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run._element.append(char)


def contents_field(document, entries: list[tuple[str, int]], style: HouseStyle) -> None:
    """A table of contents: Word's TOC field of the titles (outline level 1), whose shown result
    lists ``entries`` (title, page) already, each title and its page joined by a dotted leader."""
    from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER

    size = Pt(style.body_size)
    width = Mm(style.text_width_mm)
    paragraphs = []
    for title, page in entries or [("", 0)]:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        paragraphs.append((paragraph, title, page))
    first, last = paragraphs[0][0], paragraphs[-1][0]
    _field_char(first, "begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = ' TOC \\o "1-1" \\h \\z \\u '
    first.add_run()._element.append(instruction)
    _field_char(first, "separate")
    for paragraph, title, page in paragraphs:
        if title:
            add_run(paragraph, f"{title}\t{page}", style.body_font, size)
    _field_char(last, "end")


def update_fields_on_open(document) -> None:
    """Ask Word to update the fields (the contents' page numbers) when the file is opened."""
    settings = document.settings.element
    element = settings.find(qn("w:updateFields"))
    if element is None:
        element = OxmlElement("w:updateFields")
        # Word wants the settings in the schema's order: updateFields before these.
        later = ("w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "w:rsids")
        anchor = next((found for tag in later if (found := settings.find(qn(tag))) is not None), None)
        if anchor is not None:
            anchor.addprevious(element)
        else:
            settings.append(element)
    element.set(qn("w:val"), "true")
