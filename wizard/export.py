"""The speech in the formats ``render`` writes: plain text, Markdown, Word (.docx)."""

from __future__ import annotations

import os
import re

from wizard.assemble import blocks, render_text
from wizard.house_style import HouseStyle
from wizard.model import Speech
from wizard.text_cleaning import clean

FORMATS = ("text", "markdown", "docx")

#: Patterns compiled (and cached by ``re``) at the first Markdown line, not at
#: import: plain-text ``render`` does not use them.
_MD_SPECIAL = r"([\\`*_\[\]<>|~#])"
#: A line that would start a list or a setext underline: escape the punctuation
#: (a backslash before a digit is not an escape in CommonMark, it would show).
_MD_LINE_START = r"^(\s*\d*)([-+=.)])"
_MD_LIST_START = r"^\s*(?:[-+=]|\d+[.)])"


def _md_escape(line: str) -> str:
    line = re.sub(_MD_SPECIAL, r"\\\1", line)
    if re.match(_MD_LIST_START, line):
        line = re.sub(_MD_LINE_START, lambda match: match.group(1) + "\\" + match.group(2), line, count=1)
    return line


def render_markdown(speech: Speech) -> str:
    """Markdown: the title as ``#``, section headings as ``##``, a blank line between paragraphs.

    User text is escaped so that ``**`` blanks or ``[x]`` stay literal.
    """
    marks = {"title": "# ", "heading": "## "}
    out: list[str] = []
    for block in blocks(speech):
        for role, line in zip(block.roles, block.lines):
            out.append(marks.get(role, "") + _md_escape(clean(line)))
    return "\n\n".join(out) + "\n"


def render(speech: Speech, fmt: str) -> str:
    """The speech as text in ``fmt`` (``text`` or ``markdown``)."""
    if fmt == "markdown":
        return render_markdown(speech)
    if fmt == "text":
        return render_text(speech)
    raise ValueError(f"not a text format: {fmt}")


def write_docx(speech: Speech, path: str | os.PathLike[str], style: HouseStyle | None = None) -> None:
    """Write a Word file laid out to GB/T 9704 (or ``style``). python-docx is imported only here."""
    from wizard.docx_export import write_docx as _write

    _write(speech, path, style)


def docx_bytes(speech: Speech, style: HouseStyle | None = None) -> bytes:
    """A Word file laid out to GB/T 9704 (or ``style``), as bytes (for standard output)."""
    from wizard.docx_export import docx_bytes as _bytes

    return _bytes(speech, style)
