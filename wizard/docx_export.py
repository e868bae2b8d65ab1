"""The speech as a Word file laid out to GB/T 9704 (党政机关公文格式).

Imported only when a .docx is written, so python-docx never slows ``render``
or the wizard. One paragraph per line of ``render_text``, in the same order
and with the same text; only fonts and layout are added (see
``wizard.docx_layout`` for the page):

- body 仿宋_GB2312 三号, every paragraph indented two characters;
- ``一、`` headings 黑体, ``（一）`` point leads 楷体_GB2312;
- the title 方正小标宋简体 二号 centred, the speaker line 楷体_GB2312 centred,
  a line's space under them;
- the salutation flush left, as it is spoken.
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


def _second_level_leads(speech: Speech, key: str) -> tuple[str, ...]:
    """How ``（一）`` points laid out as paragraphs begin: number and lead, set in 楷体.

    GB/T 9704 sets second-level headings in 楷体_GB2312; here the lead sentence
    is that heading and the elaboration after it stays 仿宋.
    """
    settings = speech.layout
    if not key.startswith("section:") or settings.points != "separate" or settings.numbering != "bracketed":
        return ()
    pattern = speech_wording()["numbering"]["bracketed"]
    points = [point for point in speech.sections[int(key.split(":")[1])].points if point_text(point)]
    return tuple(
        pattern.format(numeral=chinese_numeral(number)) + point_text(Point(lead=point.lead))
        for number, point in enumerate(points, start=1)
    )


def _add_title_line(document, line: str, is_title: bool) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    layout.off_grid(paragraph)
    if is_title:
        layout.add_run(paragraph, line, layout.TITLE_FONT, layout.TITLE_SIZE)
    else:
        layout.add_run(paragraph, line, layout.SUBHEADING_FONT)


def _add_line(document, key: str, number: int, line: str, speech: Speech) -> None:
    paragraph = document.add_paragraph()
    if key == "salutation":
        layout.add_run(paragraph, line, layout.BODY_FONT)
        return
    layout.first_line_indent(paragraph, 2)
    if key.startswith("section:") and number == 0:
        layout.outline_level(paragraph, 0)
        layout.add_run(paragraph, line, layout.HEADING_FONT)
        return
    for lead in _second_level_leads(speech, key):
        if line.startswith(lead):
            layout.add_run(paragraph, lead, layout.SUBHEADING_FONT)
            if rest := line[len(lead) :]:
                layout.add_run(paragraph, rest, layout.BODY_FONT)
            return
    layout.add_run(paragraph, line, layout.BODY_FONT)


def build(speech: Speech):
    """The laid-out ``docx.Document``, not yet saved."""
    document = Document()
    layout.setup_page(document)
    layout.setup_styles(document)
    layout.page_numbers(document)
    layout.register_fonts(document)
    has_title = bool(clean(speech.title).strip())
    for block in blocks(speech):
        for number, line in enumerate(block.lines):
            if block.key == "title":
                _add_title_line(document, clean(line), is_title=has_title and number == 0)
            else:
                _add_line(document, block.key, number, clean(line), speech)
        if block.key == "title":
            # A blank line's worth of space under the title, without an empty paragraph.
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
