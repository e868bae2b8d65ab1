"""A booklet (汇编) of many trainees' pieces: a cover, a table of contents, each piece on its own pages.

After a course someone compiles every trainee's 心得体会 into one Word file.
The pieces come as records, Word files, text and Markdown, in folders; each is
read the way ``import`` reads it. ``gather`` reads them (leaving out, with a
warning, what cannot be read and what was given twice); ``write`` lays them out
in the house style:

- a cover without a page number: title, subtitle, the course's dates taken
  from the pieces, the compiling unit;
- a table of contents as a Word TOC field whose shown result (before Word
  updates it) already lists each title with the page it starts on, counted
  from the lines each piece takes on the 28 × 22 grid;
- each piece in a Word section of its own, starting on a new page: its title
  block (title, author line), its text, its signature; page numbers run on
  through the book from the contents page.

python-docx is imported only when a booklet is written.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import io
import math
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from wizard import importer, storage
from wizard.assemble import blocks, render_text
from wizard.data_files import speech_wording
from wizard.dates import format_range
from wizard.house_style import HouseStyle
from wizard.length import text_width
from wizard.model import Speech
from wizard.storage import RecordError
from wizard.text_cleaning import clean

#: What a folder is searched for (recursively).
SUFFIXES = (".toml", ".docx", ".txt", ".md", ".markdown")
ORDERS = ("given", "name", "date")

#: Told how far the work is: (pieces done, pieces in all).
Progress = Callable[[int, int], None]


@dataclass
class Piece:
    """One trainee's speech in the booklet, as it will be printed."""

    source: Path
    speech: Speech
    author: str


@dataclass
class Gathered:
    """The pieces read, and what the user should be told: files left out, duplicates, titles made up."""

    pieces: list[Piece] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: Files that could not be read (the booklet is made without them; the command exits 1).
    left_out: int = 0


def files_in(paths: Iterable[str | os.PathLike[str]], gathered: Gathered) -> list[Path]:
    """The files named, and those under the folders named (sorted), in the order given."""
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found.extend(
                sorted(
                    child
                    for child in path.rglob("*")
                    if child.is_file()
                    and child.suffix.lower() in SUFFIXES
                    and not any(part.startswith((".", "~$")) for part in child.relative_to(path).parts)
                )
            )
        elif path.exists():
            found.append(path)
        else:
            gathered.warnings.append(f"已跳过：{path}：文件不存在")
            gathered.left_out += 1
    return found


def read_piece(path: Path, today: dt.date) -> Speech:
    """A file as a speech record: a record as saved, any other document as ``import`` reads it."""
    if path.suffix.lower() == ".toml":
        return storage.load(path)
    return importer.import_file(path, today).speech


def author_of(speech: Speech, path: Path) -> str:
    """Who wrote it: the speaker line, else the signature, else the file's name less a leading
    number (``03-王芳.docx``: 王芳), as files handed in are often numbered."""
    named = speech.speaker.strip() or speech.signature.name.strip()
    return named or re.sub(r"^[\d\s._、，,-]+", "", path.stem).strip() or path.stem


def content_key(speech: Speech) -> str:
    """The same piece given twice (as a record and as its Word file, say) has the same key."""
    text = "".join(render_text(speech).split())
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def titled(speech: Speech, author: str) -> tuple[Speech, str | None]:
    """The piece as printed: a title made from its course and author when it has none (and the title
    made, for the report), the author's line under the title when it has no speaker line."""
    speech = copy.deepcopy(speech)
    made = None
    if not speech.title.strip():
        wording = speech_wording()["booklet"]
        course = speech.training.name.strip()
        pattern = wording["untitled" if course else "untitled_no_course"]
        speech.title = made = pattern.format(course=course, author=author)
    if not speech.speaker.strip() and author:
        speech.speaker = author
    return speech, made


def sort_key(order: str) -> Callable[[Piece], tuple]:
    if order == "name":
        from pypinyin import lazy_pinyin

        return lambda piece: (" ".join(lazy_pinyin(piece.author)), piece.author)
    if order == "date":
        return lambda piece: (piece.speech.training.start or dt.date.max, piece.speech.signature.date or dt.date.max)
    return lambda piece: ()


def gather(
    paths: Iterable[str | os.PathLike[str]],
    today: dt.date,
    order: str = "given",
    progress: Progress | None = None,
    skip: str | os.PathLike[str] | None = None,
) -> Gathered:
    """Read every piece under ``paths``; what cannot be read or was given twice is left out, with a warning.

    ``skip`` is the booklet being written: made again into the folder of the pieces, the
    last one would otherwise become a piece of the next.
    """
    gathered = Gathered()
    files = files_in(paths, gathered)
    if skip is not None:
        target = Path(skip).resolve()
        files = [path for path in files if path.resolve() != target]
    seen: dict[str, Path] = {}
    for number, path in enumerate(files, start=1):
        try:
            speech = read_piece(path, today)
        except RecordError as error:
            gathered.warnings.append(f"已跳过：{error}")
            gathered.left_out += 1
            continue
        finally:
            if progress is not None:
                progress(number, len(files))
        key = content_key(speech)
        if key in seen:
            gathered.warnings.append(f"{path}：与 {seen[key]} 内容相同，只收录一次")
            continue
        seen[key] = path
        author = author_of(speech, path)
        speech, made = titled(speech, author)
        if made:
            gathered.notes.append(f"{path}：没有标题，用“{made}”")
        gathered.pieces.append(Piece(path, speech, author))
    gathered.pieces.sort(key=sort_key(order))  # stable: "given" keeps the order read
    return gathered


def date_range(pieces: list[Piece]) -> str:
    """The course's dates as the pieces give them (the earliest start to the latest end), or ''."""
    starts = [piece.speech.training.start for piece in pieces if piece.speech.training.start]
    ends = [piece.speech.training.end or piece.speech.training.start for piece in pieces]
    if not starts:
        return ""
    end = max(day for day in ends if day)
    return format_range(min(starts), end, "with-year")


# -- counting pages, for the contents shown before Word updates its field ----------------------


def lines_taken(speech: Speech, style: HouseStyle) -> float:
    """Lines of the body grid the speech takes: each paragraph wraps at the line's characters."""
    per_line = style.chars_per_line
    title_scale = style.title_size / style.body_size
    lines = 0.0
    for block in blocks(speech):
        for role, line in zip(block.roles, block.lines):
            if role == "title":
                rows = math.ceil(text_width(line) * title_scale / per_line) or 1
                lines += rows * max(title_scale, 1.0)
            else:
                indent = 0 if role in ("salutation", "subtitle", "speaker", "date-line") else 2
                lines += math.ceil((text_width(line) + indent) / per_line) or 1
        if block.key in ("title", "signature"):
            lines += 1  # the line's space under the title block, over the signature
    return lines


def pages_taken(speech: Speech, style: HouseStyle) -> int:
    return max(1, math.ceil(lines_taken(speech, style) / style.lines_per_page))


def contents_pages(count: int, style: HouseStyle) -> int:
    """Pages the table of contents takes: its heading, a blank line, a line per piece."""
    return max(1, math.ceil((count + 2) / style.lines_per_page))


def first_pages(pieces: list[Piece], style: HouseStyle) -> list[int]:
    """The page each piece starts on, counting the contents' first page as 1 (the cover has none)."""
    page = contents_pages(len(pieces), style) + 1
    starts = []
    for piece in pieces:
        starts.append(page)
        page += pages_taken(piece.speech, style)
    return starts


# -- the Word file ------------------------------------------------------------------------------


@dataclass
class Cover:
    title: str
    subtitle: str = ""
    unit: str = ""


def build(pieces: list[Piece], cover: Cover, style: HouseStyle, progress: Progress | None = None):
    """The booklet as a ``docx.Document``."""
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    from wizard import docx_layout as layout
    from wizard.docx_export import Writer, new_document

    document = new_document(style)
    writer = Writer(document, style)
    # The cover: no page number (its section has no footer).
    heading = writer.paragraph(clean(cover.title), style.title_font, style.title_size + 4)
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading.paragraph_format.space_before = Pt(style.line_pitch * 5)
    layout.off_grid(heading)
    lines = [clean(cover.subtitle), date_range(pieces), clean(cover.unit)]
    for number, line in enumerate(line for line in lines if line):
        paragraph = writer.paragraph(line, style.subheading_font)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if number == 0:
            paragraph.paragraph_format.space_before = Pt(style.line_pitch * 2)
    # The contents: page 1 of the book.
    section = document.add_section(WD_SECTION.NEW_PAGE)
    for footer in (section.footer, section.even_page_footer):
        footer.is_linked_to_previous = False
    layout.page_numbers(section)
    layout.restart_page_numbers(section, 1)
    title = writer.paragraph(speech_wording()["booklet"]["contents"], style.title_font, style.title_size)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(style.line_pitch)
    layout.off_grid(title)
    entries = [(clean(piece.speech.title).strip(), page) for piece, page in zip(pieces, first_pages(pieces, style))]
    layout.contents_field(document, entries, style)
    # Each piece in a section of its own, on a new page; the page numbers run on.
    for number, piece in enumerate(pieces, start=1):
        layout.continue_page_numbers(document.add_section(WD_SECTION.NEW_PAGE))
        writer.speech(piece.speech, title_level=0, heading_level=1)
        if progress is not None:
            progress(number, len(pieces))
    layout.update_fields_on_open(document)
    return document


def write(
    path: str | os.PathLike[str], pieces: list[Piece], cover: Cover, style: HouseStyle, progress: Progress | None = None
) -> Path:
    """Write the booklet safely: a failed write leaves any previous file whole."""
    buffer = io.BytesIO()
    build(pieces, cover, style, progress).save(buffer)
    return storage.write_bytes_atomic(path, buffer.getvalue())
