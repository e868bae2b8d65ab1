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
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from wizard import docx_layout as layout
from wizard.assemble import blocks, point_text
from wizard.data_files import speech_wording
from wizard.model import Point, Speech
from wizard.numerals import chinese_numeral
from wizard.storage import write_bytes_atomic
from wizard.text_cleaning import clean

#: The font a numbered point's lead is set in, by the point markers: （一） leads are second-level
#: headings (楷体), 一、 leads in a body without section headings are first-level ones (黑体).
_LEAD_FONTS = {"bracketed": layout.SUBHEADING_FONT, "listed": layout.HEADING_FONT}


def _numbered_leads(speech: Speech, key: str) -> tuple[tuple[str, ...], str]:
    """How numbered points laid out as paragraphs begin (marker and lead), and their font.

    GB/T 9704 sets headings of the second level in 楷体_GB2312 and of the first in
    黑体; a （一） or 一、 point's lead is such a heading (alone on its line, or before
    its elaboration), and the elaboration stays 仿宋.
    """
    settings = speech.layout
    font = _LEAD_FONTS.get(settings.numbering)
    if not key.startswith("section:") or settings.points == "joined" or font is None:
        return (), layout.BODY_FONT
    pattern = speech_wording()["numbering"][settings.numbering]
    points = [point for point in speech.sections[int(key.split(":")[1])].points if point_text(point)]
    leads = tuple(
        pattern.format(numeral=chinese_numeral(number)) + point_text(Point(lead=point.lead))
        for number, point in enumerate(points, start=1)
    )
    return leads, font


#: Lines set centred, with their font: the title block.
_CENTRED = {
    "title": (layout.TITLE_FONT, layout.TITLE_SIZE),
    "subtitle": (layout.SUBHEADING_FONT, layout.BODY_SIZE),
    "speaker": (layout.SUBHEADING_FONT, layout.BODY_SIZE),
    "date-line": (layout.SUBHEADING_FONT, layout.BODY_SIZE),
}
#: GB/T 9704 7.3.5.1: the date 右空四字, the name centred over it.
SIGNATURE_DATE_RIGHT = 4


def text_width(text: str) -> float:
    """Width in body characters: a Chinese character or full-width mark is one, ASCII half."""
    return sum(0.5 if ord(char) < 0x2E80 else 1.0 for char in text)


def signature_indents(name: str, date: str) -> tuple[float, float]:
    """Right indents, in characters, of the signature's name and date lines.

    The date stands four characters in from the right; the name is centred
    over it, never past the right margin.
    """
    if not date:
        return float(SIGNATURE_DATE_RIGHT), 0.0
    centred = SIGNATURE_DATE_RIGHT + (text_width(date) - text_width(name)) / 2
    return max(centred, 0.0), float(SIGNATURE_DATE_RIGHT)


def _add_centred(document, role: str, line: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    font, size = _CENTRED[role]
    if role == "title":
        layout.off_grid(paragraph)
    layout.add_run(paragraph, line, font, size)


def _add_signature(document, lines: list[tuple[str, str]]) -> None:
    texts = dict(lines)
    name_indent, date_indent = signature_indents(texts.get("signature", ""), texts.get("signature-date", ""))
    for number, (role, line) in enumerate(lines):
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        layout.right_indent(paragraph, name_indent if role == "signature" else date_indent)
        if number == 0:
            # 正文之下空一行 before the signature, as space rather than an empty paragraph.
            paragraph.paragraph_format.space_before = layout.LINE_PITCH
        layout.add_run(paragraph, line, layout.BODY_FONT)


def _add_line(document, role: str, line: str, leads: tuple[tuple[str, ...], str]) -> None:
    paragraph = document.add_paragraph()
    if role == "salutation":
        layout.add_run(paragraph, line, layout.BODY_FONT)
        return
    layout.first_line_indent(paragraph, 2)
    if role == "heading":
        layout.outline_level(paragraph, 0)
        layout.add_run(paragraph, line, layout.HEADING_FONT)
        return
    starts, font = leads
    for lead in starts:
        if line.startswith(lead):
            layout.add_run(paragraph, lead, font)
            if rest := line[len(lead) :]:
                layout.add_run(paragraph, rest, layout.BODY_FONT)
            return
    layout.add_run(paragraph, line, layout.BODY_FONT)


def build(speech: Speech):
    """The laid-out ``docx.Document``, not yet saved: each line set by its role (``Block.roles``)."""
    document = Document()
    layout.setup_page(document)
    layout.setup_styles(document)
    layout.page_numbers(document)
    layout.register_fonts(document)
    for block in blocks(speech):
        lines = [(role, clean(line)) for role, line in zip(block.roles, block.lines)]
        if block.key == "signature":
            _add_signature(document, lines)
            continue
        leads = _numbered_leads(speech, block.key)
        for role, line in lines:
            if role in _CENTRED:
                _add_centred(document, role, line)
            else:
                _add_line(document, role, line, leads)
        if block.key == "title":
            # A blank line's worth of space under the title block, without an empty paragraph.
            document.paragraphs[-1].paragraph_format.space_after = layout.LINE_PITCH
    return document


def docx_bytes(speech: Speech) -> bytes:
    """The .docx file's bytes."""
    buffer = io.BytesIO()
    build(speech).save(buffer)
    return buffer.getvalue()


def write_docx(speech: Speech, path: str | os.PathLike[str]) -> Path:
    """Write the .docx safely: a failed export leaves any previous file whole."""
    return write_bytes_atomic(path, docx_bytes(speech))
