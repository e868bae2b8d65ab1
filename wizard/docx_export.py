"""The speech as a Word file laid out to GB/T 9704 (党政机关公文格式).

Imported only when a .docx is written, so python-docx never slows ``render``
or the wizard. One paragraph per line of ``render_text``, in the same order
and with the same text; only fonts and layout are added (see
``wizard.docx_layout`` for the page):

- body 仿宋_GB2312 三号, every paragraph indented two characters;
- ``一、`` headings 黑体, ``（一）`` point leads 楷体_GB2312, ``一、`` point leads (no
  section headings) 黑体;
- the title 方正小标宋简体 二号 centred; the subtitle, the speaker and the
  date line 楷体_GB2312 三号 centred; a line's space under them;
- the salutation flush left, as it is spoken;
- the signature on the right, a line's space above it: the date 右空四字 and
  the name centred over it (GB/T 9704 7.3.5.1).

The fonts, sizes, line pitch and margins are GB/T 9704's unless a house style
(``wizard.house_style``) says otherwise.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from wizard import docx_layout as layout
from wizard.assemble import blocks, point_text
from wizard.data_files import speech_wording
from wizard.house_style import HouseStyle
from wizard.length import text_width
from wizard.model import Point, Speech
from wizard.numerals import chinese_numeral
from wizard.storage import write_bytes_atomic
from wizard.text_cleaning import clean

#: The part of the house style a numbered point's lead is set in, by the point markers: （一）
#: leads are second-level headings (楷体), 一、 leads in a body without section headings first-level ones (黑体).
_LEAD_FONTS = {"bracketed": "subheading_font", "listed": "heading_font"}


def _numbered_leads(speech: Speech, key: str, style: HouseStyle) -> tuple[tuple[str, ...], str]:
    """How numbered points laid out as paragraphs begin (marker and lead), and their font.

    GB/T 9704 sets headings of the second level in 楷体_GB2312 and of the first in
    黑体; a （一） or 一、 point's lead is such a heading (alone on its line, or before
    its elaboration), and the elaboration stays 仿宋.
    """
    settings = speech.layout
    part = _LEAD_FONTS.get(settings.numbering)
    if not key.startswith("section:") or settings.points == "joined" or part is None:
        return (), style.body_font
    pattern = speech_wording()["numbering"][settings.numbering]
    points = [point for point in speech.sections[int(key.split(":")[1])].points if point_text(point)]
    leads = tuple(
        pattern.format(numeral=chinese_numeral(number)) + point_text(Point(lead=point.lead))
        for number, point in enumerate(points, start=1)
    )
    return leads, getattr(style, part)


#: Lines set centred: the title block, each in its part of the house style (font, size).
_CENTRED = {
    "title": ("title_font", "title_size"),
    "subtitle": ("subheading_font", "body_size"),
    "speaker": ("subheading_font", "body_size"),
    "date-line": ("subheading_font", "body_size"),
}
#: GB/T 9704 7.3.5.1: the date 右空四字, the name centred over it.
SIGNATURE_DATE_RIGHT = 4


def signature_indents(name: str, date: str) -> tuple[float, float]:
    """Right indents, in characters, of the signature's name and date lines.

    The date stands four characters in from the right; the name is centred
    over it, never past the right margin.
    """
    if not date:
        return float(SIGNATURE_DATE_RIGHT), 0.0
    centred = SIGNATURE_DATE_RIGHT + (text_width(date) - text_width(name)) / 2
    return max(centred, 0.0), float(SIGNATURE_DATE_RIGHT)


class Writer:
    """Adds speeches to a ``docx.Document`` in a house style, a paragraph per line of the text."""

    def __init__(self, document, style: HouseStyle) -> None:
        self.document = document
        self.style = style
        self.body = Pt(style.body_size)

    def paragraph(self, text: str, font: str | None = None, size: float | None = None):
        """A paragraph of one run (``font`` and ``size`` default to the body's)."""
        paragraph = self.document.add_paragraph()
        layout.add_run(paragraph, text, font or self.style.body_font, Pt(size) if size else self.body)
        return paragraph

    def centred(self, role: str, line: str):
        font, size = (getattr(self.style, name) for name in _CENTRED[role])
        paragraph = self.paragraph(line, font, size)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if role == "title":
            layout.off_grid(paragraph)
        return paragraph

    def signature(self, lines: list[tuple[str, str]]) -> None:
        texts = dict(lines)
        name_indent, date_indent = signature_indents(texts.get("signature", ""), texts.get("signature-date", ""))
        for number, (role, line) in enumerate(lines):
            paragraph = self.paragraph(line)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            layout.right_indent(paragraph, name_indent if role == "signature" else date_indent, self.style)
            if number == 0:
                # 正文之下空一行 before the signature, as space rather than an empty paragraph.
                paragraph.paragraph_format.space_before = Pt(self.style.line_pitch)

    def line(self, role: str, line: str, leads: tuple[tuple[str, ...], str], heading_level: int) -> None:
        if role == "salutation":
            self.paragraph(line)
            return
        paragraph = self.document.add_paragraph()
        layout.first_line_indent(paragraph, 2, self.style)
        if role == "heading":
            layout.outline_level(paragraph, heading_level)
            layout.add_run(paragraph, line, self.style.heading_font, self.body)
            return
        starts, font = leads
        for lead in starts:
            if line.startswith(lead):
                layout.add_run(paragraph, lead, font, self.body)
                if rest := line[len(lead) :]:
                    layout.add_run(paragraph, rest, self.style.body_font, self.body)
                return
        layout.add_run(paragraph, line, self.style.body_font, self.body)

    def speech(self, speech: Speech, *, title_level: int | None = None, heading_level: int = 0) -> None:
        """Add ``speech``, each line set by its role (``Block.roles``).

        ``title_level``: the outline level of its title (a booklet's table of contents
        lists the pieces' titles); ``heading_level`` that of its 一、 headings.
        """
        for block in blocks(speech):
            lines = [(role, clean(line)) for role, line in zip(block.roles, block.lines)]
            if block.key == "signature":
                self.signature(lines)
                continue
            leads = _numbered_leads(speech, block.key, self.style)
            for role, line in lines:
                if role in _CENTRED:
                    paragraph = self.centred(role, line)
                    if role == "title" and title_level is not None:
                        layout.outline_level(paragraph, title_level)
                else:
                    self.line(role, line, leads, heading_level)
            if block.key == "title":
                # A blank line's worth of space under the title block, without an empty paragraph.
                self.document.paragraphs[-1].paragraph_format.space_after = Pt(self.style.line_pitch)


def new_document(style: HouseStyle):
    """An empty ``docx.Document`` with the house style's page, fonts and line grid."""
    document = Document()
    layout.setup_page(document, style)
    layout.setup_styles(document, style)
    layout.register_fonts(document, style)
    return document


def build(speech: Speech, style: HouseStyle | None = None):
    """The laid-out ``docx.Document``, not yet saved."""
    style = style or HouseStyle()
    document = new_document(style)
    layout.page_numbers(document.sections[0])
    Writer(document, style).speech(speech)
    return document


def docx_bytes(speech: Speech, style: HouseStyle | None = None) -> bytes:
    """The .docx file's bytes."""
    buffer = io.BytesIO()
    build(speech, style).save(buffer)
    return buffer.getvalue()


def write_docx(speech: Speech, path: str | os.PathLike[str], style: HouseStyle | None = None) -> Path:
    """Write the .docx safely: a failed export leaves any previous file whole."""
    return write_bytes_atomic(path, docx_bytes(speech, style))
