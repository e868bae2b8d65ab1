"""Bring a speech someone already has (plain text, Markdown, Word) into a record.

Reading is in three stages:

1. ``read_source``: the file's text (UTF-8 with or without a byte order mark,
   else GB18030; a .docx's body paragraphs; Markdown without its marks).
2. ``tidy``: paragraphs, one a line: indentation dropped, hard-wrapped lines
   joined, blank lines left out. The words are left alone.
3. ``recognise``: the parts of the speech (title block, salutation, greeting,
   opening, transition, sections and points, closing, signature) by the
   shapes the assembler writes them in.

Nothing is lost: the record is rendered again and compared with the
paragraphs read. Where a part does not come back exactly as it was, the part
falls back to a plainer form that does (an opening assembled from the course
facts becomes the writer's own; a body whose markers do not fit becomes plain
paragraphs; at worst the text between salutation and closing is kept as the
opening), and the report says so.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import itertools
import os
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from wizard.assemble import opening, render_text
from wizard.data_files import load as load_prompts
from wizard.data_files import speech_wording
from wizard.dates import format_date
from wizard.model import CourseGroup, Opening, Point, Section, Speech, Training
from wizard.storage import RecordError, read_bytes, read_limited
from wizard.text_cleaning import clean, is_wide

_FORMATS = (".txt", ".md", ".markdown", ".docx", ".text", "")


class ImportFailure(RecordError):
    """A file that cannot be imported; ``str()`` is one line naming the file."""


@dataclass
class Imported:
    """The record read from a text, and what was recognised in it, a line per part."""

    speech: Speech
    report: list[str] = field(default_factory=list)
    #: True when the whole text could only be kept as the opening (nothing recognised).
    unstructured: bool = False


# -- 1. reading the source ---------------------------------------------------------------------


def read_source(path: str | os.PathLike[str], stdin: io.BufferedReader | None = None) -> tuple[str, list[str]]:
    """The text of ``path`` (``-``: standard input, as plain text), and notes for the report."""
    name = str(path)
    if name == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        return decode_text(read_limited(stream, "标准输入", "文稿"), "标准输入")
    suffix = Path(name).suffix.lower()
    if suffix not in _FORMATS:
        raise ImportFailure(name, "只能导入 .txt、.md 或 .docx 文件")
    raw = read_bytes(name, "文稿")
    if not raw.strip():
        raise ImportFailure(name, "文件是空的")
    if suffix == ".docx":
        return docx_text(raw, name), []
    text, notes = decode_text(raw, name)
    if suffix in (".md", ".markdown"):
        text = markdown_text(text)
    return text, notes


def decode_text(raw: bytes, name: str) -> tuple[str, list[str]]:
    """UTF-8 (a byte order mark dropped), else GB18030, which many Chinese Windows tools still write."""
    if raw.startswith(b"PK\x03\x04") or raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFailure(name, "这是 Word 等二进制文件，不是文本；Word 文件请用 .docx 扩展名")
    if b"\x00" in raw:
        raise ImportFailure(name, "这是二进制文件，不是文本")
    try:
        return raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030"), ["文字编码：不是 UTF-8，已按 GB18030（GBK）读入"]
    except UnicodeDecodeError:
        raise ImportFailure(name, "既不是 UTF-8 也不是 GB18030 编码的文本，请另存为 UTF-8 后再导入") from None


def docx_text(raw: bytes, name: str) -> str:
    """The body paragraphs of a Word file (headers, footers and page numbers are not in the body)."""
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFailure(name, "这是加密的 Word 文件或旧的 .doc 格式，请在 Word 中去掉密码并另存为 .docx")
    if not raw.startswith(b"PK"):
        raise ImportFailure(name, "不是 Word（.docx）文件")
    import zipfile

    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(io.BytesIO(raw))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise ImportFailure(name, "不是能读的 Word（.docx）文件，可能已损坏") from None
    except Exception as error:  # lxml and zip errors of a damaged file: one line, never a traceback
        raise ImportFailure(name, f"Word 文件读不出来（{type(error).__name__}）") from None
    # Word marks where a paragraph ends: a blank line keeps that, and a soft line break
    # (Shift+Enter) inside a paragraph is joined, as a wrapped line would be.
    paragraphs = []
    for paragraph in document.paragraphs:
        pieces = [piece.strip(_INDENT) for piece in paragraph.text.split("\n")]
        text = ""
        for piece in pieces:
            text = _join(text, piece) if text and piece else text + piece
        paragraphs.append(text)
    return "\n\n".join(paragraphs)


_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_ESCAPE = re.compile(r"\\([\\`*_\[\]<>|~#\-+=.)!{}()])")


def markdown_text(text: str) -> str:
    """Markdown as plain text: heading marks and backslash escapes removed, the words kept."""
    lines = [_MD_ESCAPE.sub(r"\1", _MD_HEADING.sub("", line)) for line in text.splitlines()]
    return "\n".join(lines)


# -- 2. tidying the layout ---------------------------------------------------------------------

#: What ends a paragraph: a wrapped line is not joined after these.
_PARAGRAPH_END = "。！？：；…!?:;"
#: How a title or subtitle line ends when it is whole (one that fills the wrap may still be whole).
_COMPLETE_TITLE = re.compile(r"(?:发言|讲话|致辞|体会|心得|收获|汇报|报告|感悟)$")
#: A line that starts a paragraph of its own after one that ended at the wrap: a transition, a closing.
_FRESH = re.compile(r"^(?:下面|以下|接下来|结合)|[：:]$|发言完毕|汇报完毕|谢谢|以上是|批评指正")
#: No paragraph ends on these: a line that does was broken off in the middle of one.
_BROKEN_OFF = "，、“《（‘"
#: Closing marks end a paragraph only after one of the above (。” ends, “风向标” does not).
_CLOSING_MARKS = "”’」』）)"
_INDENT = " \t\u3000\u00a0"


def _width(text: str) -> int:
    return sum(2 if is_wide(char) else 1 for char in text)


def tidy(text: str) -> list[str]:
    """The text's paragraphs, one a string: indentation dropped, wrapped lines joined, blanks dropped.

    A paragraph of a speech ends a sentence (。！？：；…). Below the title block,
    a line that does not, and is not a heading or a signature, was broken off
    by wrapping and is joined to the next. A heading, or a line that happens
    to end a sentence, is joined only in text hard-wrapped at a fixed width
    (as pasted from a PDF), seen as many lines of one length that break off
    mid-sentence. A blank line always ends a paragraph.
    """
    text = clean(text).removeprefix("\ufeff")
    raw = [line.strip(_INDENT) for line in text.split("\n")]
    full = _wrap_width([line for line in raw if line])
    result: list[str] = []
    joining = ending_at_edge = False
    for line in raw:
        if not line:
            joining = ending_at_edge = False
            continue
        # The first lines may be the title block: a short line there stands alone, wrapped or not.
        # The title block ends at the salutation or at the first sentence.
        title_zone = len(result) < 4 and not any(_is_salutation(done) or _ends_paragraph(done) for done in result)
        # A title-block line stands alone, unless it filled the wrap and what follows is the rest of it.
        wrapped_above = bool(result) and full is not None and full(result[-1]) and not _ends_paragraph(result[-1])
        rest_of_it = (
            wrapped_above
            and not _COMPLETE_TITLE.search(result[-1])
            and not _is_salutation(line)
            and not _DATE_LINE.match(line)
        )
        alone = title_zone and not rest_of_it and (_title_line(line) or (bool(result) and _title_line(result[-1])))
        own_line = _starts_part(line, title_zone) or _DATE_ALONE.match(line) or _is_salutation(line)
        # A line that stops at a comma or an opening mark was broken off whatever follows.
        broken_off = bool(result) and result[-1][-1] in _BROKEN_OFF and joining
        # A full line that ends a sentence may end its paragraph or just a sentence in it: in a
        # paragraph of some length the second is likelier, unless the next line starts afresh.
        sentence_at_edge = ending_at_edge and not _FRESH.search(line) and not _is_name(line)
        # A heading as wide as the wrap goes on only into the short rest of itself, not into the body.
        if result and joining and _HEADING.match(result[-1]) and (_ends_paragraph(line) or (full and full(line))):
            joining = False
        if result and (broken_off or ((joining or sentence_at_edge) and not alone and not own_line)):
            result[-1] = _join(result[-1], line)
        else:
            result.append(line)
        # Whether the paragraph goes on: the whole of it so far, as joined.
        current = result[-1]
        wrapped = full is not None and full(line) and not _ends_paragraph(line)
        ending_at_edge = (
            full is not None and full(line) and _ends_paragraph(line) and not (title_zone and _title_line(line))
        )
        heading_like = _HEADING.match(current) or (title_zone and (len(result) == 1 or _title_line(current)))
        unfinished = not _ends_paragraph(current) and not heading_like
        joining = current[-1] in _BROKEN_OFF or wrapped or (unfinished and not _is_name(current))
    return result


def _title_line(line: str) -> bool:
    """A line that may stand alone in a title block: a subtitle, a name, a date line, a salutation."""
    return line.startswith("——") or _is_name(line) or bool(_DATE_LINE.match(line)) or _is_salutation(line)


def _ends_paragraph(line: str) -> bool:
    text = line.rstrip(_CLOSING_MARKS)
    return bool(text) and text[-1] in _PARAGRAPH_END


def _join(first: str, second: str) -> str:
    """A wrapped line joined to the next: a space only between two Latin words (a number stays whole)."""
    if first[-1].isascii() and first[-1].isalpha() and second[0].isascii() and second[0].isalpha():
        return first + " " + second
    return first + second


def _wrap_width(lines: list[str]) -> Callable[[str], bool] | None:
    """Whether the text was hard-wrapped, as a test of a line being full (wrapped), or None.

    Wrapping is at a fixed width in the terminal's or page's cells (a PDF, a
    chat) or at a fixed count of characters (some editors): either shows as
    many lines of one length with none much longer.
    """
    tests = []
    # A wrap narrower than this is not a page's or a window's: short lines are just short.
    # Headings and title lines never end a sentence: they are no evidence of wrapping.
    body = [line for line in lines[1:] if not _HEADING.match(line) and not _title_line(line)]
    for measure, slack, least in ((_width, 4, 32), (len, 2, 16)):
        lengths = Counter(measure(line) for line in body if measure(line) >= least)
        if not lengths:
            continue
        common = lengths.most_common(1)[0][0]
        near = [line for line in body if abs(measure(line) - common) <= slack // 2]
        # Wrapped lines break off mid-sentence; lines that merely happen to be as long end theirs.
        broken = sum(1 for line in near if not _ends_paragraph(line))
        if (
            broken >= 2
            and broken * 2 >= len(near)
            and len(near) * 4 >= sum(lengths.values())
            and max(lengths) <= common + slack
        ):
            tests.append(_full_at(measure, common - slack))
    if not tests:
        return None
    return lambda line: any(test(line) for test in tests)


def _full_at(measure: Callable[[str], int], least: int) -> Callable[[str], bool]:
    def full(line: str) -> bool:
        return measure(line) >= least

    return full


# -- 3. recognising the parts ------------------------------------------------------------------

_NUMERAL = "一二三四五六七八九十百零"
#: A section heading: 一、 and a line with no sentence in it (一、要把准方向。… is a numbered point).
_HEADING = re.compile(rf"^([{_NUMERAL}]+)、([^。！？!?]*)$")
_MARKERS = {
    "bracketed": re.compile(rf"^（[{_NUMERAL}]+）"),
    "ordinal": re.compile(rf"^[{_NUMERAL}]+是"),
    "first-second": re.compile(rf"^第[{_NUMERAL}]+，"),
    "first-then-last": re.compile(r"^(?:首先|其次|再次|最后)，"),
    "listed": re.compile(rf"^[{_NUMERAL}]+、(?=.*[。！？!?])"),
}
_DATE = r"(\d{4})年(\d{1,2})月(\d{1,2})日"
_DATE_LINE = re.compile(rf"^（{_DATE}）$")
_DATE_ALONE = re.compile(rf"^{_DATE}$")
_SALUTATION_WORDS = re.compile(r"领导|同志|同事|老师|同学|各位|朋友|代表|学员|来宾|嘉宾|首长|委员")
_GREETING = re.compile(r"^(?:大家|各位|同志们|老师们|同学们)\S{0,4}好[！!。]$")
_CLOSING = re.compile(
    r"发言完毕|汇报完毕|谢谢|以上是|批评指正|不妥之处|^最后，.{0,6}感谢|^我们?将.*(?:实际行动|答卷|新的起点)"
)
_SENTENCE = re.compile(r"^(.*?[。！？!?]+[”’」』]*)(.*)$", re.S)
_NAME_PUNCTUATION = re.compile(r"[。，！？：；、“”《》（）,.!?:;]")
#: Words that mark a section as what the writer will do (下一步打算) rather than what they learnt.
_ACTION = re.compile(r"^(?:要|将)|推动|着力|落实|践行|做好|打算|下一步|今后|努力|聚焦|付诸行动")


def _marker_kind(paragraph: str) -> str | None:
    for kind, pattern in _MARKERS.items():
        if pattern.match(paragraph):
            return kind
    return None


def _starts_part(line: str, title_zone: bool = True) -> bool:
    """A line that begins a part of its own: a heading, a numbered point, or (at the top) a subtitle."""
    return bool(_HEADING.match(line) or _marker_kind(line) or (title_zone and line.startswith("——")))


def _is_salutation(line: str) -> bool:
    return (
        line.endswith(("：", ":"))
        and len(line) <= 40
        and "。" not in line
        and not _starts_part(line)
        and (bool(_SALUTATION_WORDS.search(line)) or len(line) <= 12)
    )


def _is_name(line: str) -> bool:
    """A short line of a name or unit and name: no sentence punctuation, not a date."""
    return 0 < len(line) <= 24 and not _NAME_PUNCTUATION.search(line) and not _DATE_ALONE.match(line)


def _is_title(line: str) -> bool:
    return 0 < len(line) <= 50 and not _ends_paragraph(line) and line[-1] not in "，、" and not _starts_part(line)


def _date(match: re.Match[str]) -> dt.date | None:
    try:
        return dt.date(*(int(group) for group in match.groups()))
    except ValueError:
        return None


def _written_date(pattern: re.Pattern[str], line: str, form: str) -> dt.date | None:
    """The date of a date line, when the record prints it back as written (2026年6月5日, not 06月05日)."""
    match = pattern.match(line)
    day = _date(match) if match else None
    return day if day is not None and form.format(format_date(day, with_year=True)) == line else None


def _split_lead(paragraph: str) -> Point:
    """A point: its first sentence is the lead, the rest its elaboration."""
    if match := _SENTENCE.match(paragraph):
        return Point(lead=match.group(1), body=match.group(2))
    return Point(lead="", body=paragraph)


def _lines(speech: Speech) -> list[str]:
    return render_text(speech).splitlines()


def recognise(paragraphs: list[str], today: dt.date) -> Imported:
    """The record the paragraphs are the speech of, and what was recognised."""
    speech = Speech(salutation="", closing="")
    report: list[str] = []
    first, last = 0, len(paragraphs)

    # The signature: a date alone at the end, a short name line above it. A date the record
    # would print otherwise (2026年06月10日) is kept as written, after the closing.
    unsigned: list[str] = []
    if last > first and _DATE_ALONE.match(paragraphs[last - 1]):
        day = _written_date(_DATE_ALONE, paragraphs[last - 1], "{}")
        has_name = last > first + 1 and _is_name(paragraphs[last - 2])
        if day is not None:
            speech.signature.date = day
            if has_name:
                speech.signature.name = paragraphs[last - 2]
        else:
            unsigned = paragraphs[last - 1 - has_name : last]
        last -= 1 + has_name
    # The closing: the thanks and 发言完毕 lines at the end.
    closing: list[str] = []
    while last > first + 1 and len(closing) < 3 and len(paragraphs[last - 1]) <= 120:
        if not _CLOSING.search(paragraphs[last - 1]):
            break
        closing.insert(0, paragraphs[last - 1])
        last -= 1
    closing += unsigned
    speech.closing = "\n".join(closing)

    # The salutation, and the title block above it (or, without one, at the top).
    where = next((n for n in range(first, min(first + 5, last)) if _is_salutation(paragraphs[n])), None)
    if where is not None:
        title_lines = paragraphs[first:where]
        speech.salutation = paragraphs[where]
        first = where + 1
    else:
        title_lines = []
        if last - first > 1 and _is_title(paragraphs[first]):
            end = first + 1
            while end < min(first + 4, last - 1) and (
                paragraphs[end].startswith("——") or _DATE_LINE.match(paragraphs[end]) or _is_name(paragraphs[end])
            ):
                end += 1
            title_lines, first = paragraphs[first:end], end
    unplaced = _title_block(speech, title_lines)
    if first < last and _GREETING.match(paragraphs[first]):
        speech.greeting = paragraphs[first]
        first += 1
    if unplaced:
        # A title-block line with no place of its own (a date written 2026年06月05日) keeps its
        # place only if everything down to the opening is kept as written, as the opening.
        unplaced = paragraphs[:first]
        speech.title = speech.subtitle = speech.speaker = speech.salutation = speech.greeting = ""
        speech.date_line = None

    # Where the body begins is tried in turn: after a line ending in ： that leads into a numbered
    # part, at the first numbered part, or (with no markers) after the first paragraph. The first
    # reading that prints the text back exactly is kept.
    starts = _body_starts(paragraphs, first, last)
    imported = Imported(speech, report)
    for number, body_at in enumerate(starts):
        candidate = copy.deepcopy(speech)
        opening_end = body_at
        if opening_end > first and paragraphs[opening_end - 1].endswith(("：", ":")):
            opening_end -= 1
            candidate.transition = paragraphs[opening_end]
        opening_paragraphs = unplaced + paragraphs[first:opening_end]
        body = paragraphs[body_at:last]
        _read_body(candidate, body)
        _read_opening(candidate, opening_paragraphs, today)
        if not candidate.training.name:
            # The course's name, for the file name and ``list``, may be in the title block (——在××班结业式上的发言).
            _safe_facts(candidate, "".join(title_lines), today, with_dates=False)
        imported.speech = candidate
        if _lines(candidate) == paragraphs or number == len(starts) - 1:
            _make_exact(imported, paragraphs, opening_paragraphs, body)
            break
    _describe(imported, len(unplaced))
    return imported


def _body_starts(paragraphs: list[str], first: int, last: int) -> list[int]:
    """Where the body may begin, the likeliest first."""
    starts = [
        n + 1 for n in range(first, last - 1) if paragraphs[n].endswith(("：", ":")) and _starts_part(paragraphs[n + 1])
    ]
    if (marked := next((n for n in range(first, last) if _starts_part(paragraphs[n])), None)) is not None:
        starts.append(marked)
    if not starts:
        # No markers: the first paragraph opens, a ：line after it leads in, the rest are points.
        plain = min(first + 1, last)
        starts.append(plain + 1 if plain < last and paragraphs[plain].endswith("：") else plain)
    return list(dict.fromkeys(starts))


def _title_block(speech: Speech, lines: list[str]) -> list[str]:
    """Put the title block's lines in their places; the lines that fit no place are returned."""
    rest: list[str] = []
    for number, line in enumerate(lines):
        if line.startswith("——") and not speech.subtitle:
            speech.subtitle = line
        elif speech.date_line is None and (day := _written_date(_DATE_LINE, line, "（{}）")):
            speech.date_line = day
        elif number == 0 and not line.startswith("——"):
            speech.title = line
        elif _is_name(line) and not speech.speaker:
            speech.speaker = line
        else:
            rest.append(line)
    return rest


def _read_body(speech: Speech, body: list[str], numbering: str | None = None) -> None:
    """Sections and points from the body's paragraphs, and the layout they are written in.

    ``numbering`` None: the point markers are those the first marked paragraph uses.
    """
    if numbering is None:
        marked = [kind for paragraph in body if not _HEADING.match(paragraph) and (kind := _marker_kind(paragraph))]
        numbering = marked[0] if marked else "none"
    sections: list[tuple[str, list[str]]] = []
    for paragraph in body:
        if match := _HEADING.match(paragraph):
            sections.append((match.group(2), []))
            continue
        restart = numbering != "none" and _marker_kind(paragraph) == numbering and _is_first_marker(paragraph)
        if not sections or (restart and not sections[-1][0] and sections[-1][1] and _has_marker(sections[-1][1])):
            sections.append(("", []))
        sections[-1][1].append(paragraph)
    lead_alone = numbering != "none" and any(
        _marker_kind(first) and _single_sentence(first) and not _starts_part(second)
        for _heading, paragraphs in sections
        for first, second in itertools.pairwise(paragraphs)
    )
    layout = speech.layout
    layout.numbering = numbering  # type: ignore[assignment]
    if lead_alone:
        layout.points = "lead-alone"
    elif numbering == "none" and all(len(paragraphs) == 1 for _heading, paragraphs in sections):
        layout.points = "joined"
    else:
        layout.points = "separate"
    kind = "reflection"
    for number, (heading, paragraphs) in enumerate(sections):
        section = Section(kind="reflection", heading=heading)
        _read_points(section, paragraphs, numbering, lead_alone)
        first_lead = section.points[0].lead if section.points else ""
        if number and heading and (_ACTION.search(heading) or _ACTION.search(first_lead)):
            kind = "action"
        section.kind = kind  # type: ignore[assignment]
        speech.sections.append(section)


def _is_first_marker(paragraph: str) -> bool:
    return paragraph.startswith(("（一）", "一是", "第一，", "首先，", "一、"))


def _has_marker(paragraphs: list[str]) -> bool:
    return any(_marker_kind(paragraph) for paragraph in paragraphs)


def _single_sentence(paragraph: str) -> bool:
    match = _SENTENCE.match(paragraph)
    return bool(match) and not match.group(2)  # type: ignore[union-attr]


def _strip_marker(paragraph: str, numbering: str) -> str:
    if numbering == "none":
        return paragraph
    return _MARKERS[numbering].sub("", paragraph, count=1)


def _read_points(section: Section, paragraphs: list[str], numbering: str, lead_alone: bool) -> None:
    """Intro and points of one section (its heading already read)."""
    index = 0
    if numbering != "none" and paragraphs and not _marker_kind(paragraphs[0]):
        section.intro = paragraphs[0]
        index = 1
    while index < len(paragraphs):
        paragraph = _strip_marker(paragraphs[index], numbering)
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        if lead_alone and following is not None and _single_sentence(paragraph) and not _starts_part(following):
            section.points.append(Point(lead=paragraph, body=following))
            index += 2
            continue
        section.points.append(_split_lead(paragraph))
        index += 1


# -- the opening -------------------------------------------------------------------------------

_DATE_RANGE = re.compile(r"^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:([—至])(?:(?:(\d{4})年)?(\d{1,2})月)?(\d{1,2})日)?$")
_DATE_RANGE_IN_TEXT = re.compile(r"(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:[—至](?:(?:\d{4}年)?\d{1,2}月)?\d{1,2}日)?")
#: A course's name: after 的, 了, 参加 or 在 (turned into 的 first), up to 班 or 讲座.
_COURSE_NAME = re.compile(r"(?<=的)[^，。、；：！？“”《》（）\s的了]{2,40}?(?:班|讲座)")


def _read_dates(text: str, today: dt.date) -> tuple[dt.date, dt.date | None, str, str] | None:
    """(start, end, date_style, separator) of dates as the speech writes them, or None."""
    match = _DATE_RANGE.match(text)
    if not match:
        return None
    year1, month1, day1, separator, year2, month2, day2 = match.groups()
    try:
        start = dt.date(int(year1 or today.year), int(month1), int(day1))
        end = None
        if day2:
            end = dt.date(int(year2 or start.year), int(month2 or start.month), int(day2))
    except ValueError:
        return None
    style = (
        "with-year" if year1 and not (year2 and year2 != year1) else "compact" if day2 and not month2 else "month-day"
    )
    return start, end, style, separator or "—"


def _items(text: str) -> list[str]:
    """Course items as join_items wrote them: 、 between, nothing between quoted or titled ones."""
    parts = re.split(r"、|(?<=[”’》])(?=[“‘《])", text)
    return [part for part in parts if part]


def _studied(text: str) -> tuple[list[CourseGroup], list[str]]:
    """Course groups and activities from what the opening says was studied and done."""
    wording = speech_wording()["opening"]
    prompts = speech_wording()["choices"]
    verbs = sorted(prompts["course_verbs"], key=len, reverse=True)
    tails = sorted(prompts["course_tails"], key=len, reverse=True)
    activity_leads = [wording[key].split("{activities}")[0] for key in ("activities_after_courses", "activities_alone")]
    groups: list[CourseGroup] = []
    activities: list[str] = []
    for clause in text.split("，") if text else []:
        lead = next((lead for lead in activity_leads if clause.startswith(lead)), None)
        if lead is not None:
            activities = _items(clause[len(lead) :])
            continue
        verb = next((verb for verb in verbs if clause.startswith(verb)), None)
        if verb is None and (match := re.match(r"^(.{1,6}?了)", clause)):
            verb = match.group(1)
        verb = verb or ""
        rest = clause[len(verb) :]
        tail = next((tail for tail in tails if rest.endswith(tail) and rest != tail), "")
        groups.append(CourseGroup(verb=verb, items=_items(rest[: len(rest) - len(tail)]), tail=tail))
    return groups, activities


_PATTERNS = {
    "dates": r"(?P<dates>[^，。]+?)",
    "date": r"(?P<dates>[^，。]+?)",
    "duration": r"(?P<duration>[^，。的]+?)",
    "name": r"(?P<name>[^，。]+?)",
    "note": r"(?P<note>(?:（[^（）]+）)?)",
    "organisers": r"(?P<organisers>[^，。]+?)",
    "organisers_and": r"(?P<organisers>[^，。]+?)",
    "studied": r"(?P<studied>[^。]*?)",
    "days": r"(?P<duration>\d+)",
}


def _frame_pattern(frame: str) -> str:
    """A frame of prompts/speech.toml as a regular expression: ``[…]`` optional, ``{fact}`` a group."""
    out = []
    for token in re.split(r"(\[|\]|\{\w+\})", frame):
        if token == "[":
            out.append("(?:")
        elif token == "]":
            out.append(")?")
        elif token.startswith("{") and token.endswith("}"):
            out.append(_PATTERNS[token[1:-1]])
        else:
            out.append(re.escape(token))
    return "".join(out)


def _opening_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """(frame, pattern) for every frame the assembler writes, the sample's in all its forms."""
    wording = speech_wording()["opening"]
    patterns = []
    firsts = [wording[key] for key in ("attended", "attended_one_day", "attended_undated", "attended_undated_for")]
    seconds = [
        "",
        *(
            re.escape(wording["lead_in"])
            + _frame_pattern(wording[key])
            + _PATTERNS["studied"]
            + re.escape("，" + wording["gain"])
            for key in ("led_by_many", "led_by_one", "led_by_none")
        ),
    ]
    for first in firsts:
        for second in seconds:
            patterns.append(("sample", re.compile("^" + _frame_pattern(first) + "(?:" + second + ")$")))
    for frame, text in wording["frames"].items():
        patterns.append((frame, re.compile("^" + _frame_pattern(text) + "$")))
    return patterns


def _facts(speech: Speech, match: re.Match[str], today: dt.date) -> bool:
    """Put the facts a matched frame names into ``speech``; False when a fact cannot be read."""
    groups = {key: value for key, value in match.groupdict().items() if value is not None}
    training = speech.training
    wording = speech_wording()["opening"]
    if "dates" in groups:
        dates = _read_dates(groups["dates"], today)
        if dates is None:
            return False
        training.start, training.end, speech.layout.date_style, speech.layout.date_separator = dates  # type: ignore[assignment]
    name = groups.get("name", "")
    training.name = "" if name == wording["unnamed_course"] else name
    training.note = groups.get("note", "")[1:-1]
    if organisers := groups.get("organisers", ""):
        *most, final = organisers.split(wording["and"]) if wording["and"] in organisers else [organisers]
        training.organisers = [item for part in (*most, final) for item in _items(part)]
    if "studied" in groups:
        speech.courses, training.activities = _studied(groups["studied"])
    duration = groups.get("duration", "")
    days = training.days
    training.duration = "" if days is not None and duration == wording["days"].format(days=days) else duration
    return True


def _read_opening(speech: Speech, paragraphs: list[str], today: dt.date) -> None:
    """An opening the assembler could have written becomes facts and a frame; any other, the writer's own."""
    speech.opening = Opening(own=True, text="\n".join(paragraphs))
    if len(paragraphs) == 1:
        for frame, pattern in _opening_patterns():
            if not (match := pattern.match(paragraphs[0])):
                continue
            candidate = copy.deepcopy(speech)
            candidate.training, candidate.courses = Training(), []
            candidate.opening = Opening(frame=frame)  # type: ignore[arg-type]
            if _facts(candidate, match, today) and opening(candidate) == paragraphs[0]:
                speech.training, speech.courses = candidate.training, candidate.courses
                speech.layout, speech.opening = candidate.layout, candidate.opening
                return
    _safe_facts(speech, "".join(paragraphs), today)


def _safe_facts(speech: Speech, text: str, today: dt.date, with_dates: bool = True) -> None:
    """From an opening kept as written: the dates and a course name, for the file name and ``list``."""
    training = speech.training
    # A date in brackets is the day of the speech (the title block's date line), not of the course.
    text = re.sub(rf"（{_DATE}）", "", text)
    found = _DATE_RANGE_IN_TEXT.search(text) if with_dates else None
    if found and (dates := _read_dates(found.group(0), today)):
        training.start, training.end, speech.layout.date_style, speech.layout.date_separator = dates  # type: ignore[assignment]
    if match := _COURSE_NAME.search("的" + re.sub("参加了?|作为|在|了", "的", text)):
        training.name = match.group(0)


# -- nothing lost ------------------------------------------------------------------------------


def _make_exact(imported: Imported, target: list[str], opening_paragraphs: list[str], body: list[str]) -> None:
    """Fall back, part by part, until the record prints exactly the paragraphs read.

    The body first: its sections and headings kept with the markers left in the
    points' text, then the body as plain paragraphs; each with the opening as
    recognised, then the opening as written. At worst the whole text is the opening.
    """
    speech = imported.speech
    if _lines(speech) == target:
        return
    assembled = speech.opening
    own = Opening(own=True, text="\n".join(opening_paragraphs))
    plain = [Section(points=[Point(body=paragraph) for paragraph in body])] if body else []
    bodies = [
        (speech.sections, speech.layout.points, speech.layout.numbering, ""),
        (*_unnumbered_body(body), "正文：各点的序号与能生成的不一致，序号已作为原文保留在各点里"),
        (plain, "separate", "none", "正文：层次与能生成的格式不一致，已按原文逐段保留（不分部分）"),
    ]
    for sections, points, numbering, note in bodies:
        for start in (assembled, own) if not assembled.own else (own,):
            speech.sections = copy.deepcopy(sections)
            speech.layout.points, speech.layout.numbering = points, numbering  # type: ignore[assignment]
            speech.opening = start
            if _lines(speech) == target:
                if speech.opening is own and not assembled.own:
                    imported.report.append("开头：按句式生成的文字与原文不完全一致，已按原文保留为自己写的开头")
                if note:
                    imported.report.append(note)
                return
    # At worst: everything between the salutation and the closing is the opening, as written.
    speech.sections = []
    speech.transition = ""
    speech.opening = Opening(own=True, text="\n".join([*opening_paragraphs, *body]))
    if _lines(speech) != target:
        imported.speech = Speech(salutation="", closing="", opening=Opening(own=True, text="\n".join(target)))
    imported.unstructured = True
    imported.report.append("未能归类：正文的格式没有认出来，已把全文按原样放进“开头”，请在向导里整理")


def _unnumbered_body(body: list[str]) -> tuple[list[Section], str, str]:
    """The body read again with no point markers: sections by their headings, markers kept as text."""
    reading = Speech()
    _read_body(reading, body, numbering="none")
    return reading.sections, reading.layout.points, reading.layout.numbering


def _describe(imported: Imported, unplaced: int) -> None:
    """The report: what was recognised, a line per part (fallbacks were added as they happened)."""
    speech = imported.speech
    lines: list[str] = []
    block = [
        name
        for name, value in (("标题", speech.title), ("副标题", speech.subtitle), ("发言人", speech.speaker))
        if value
    ]
    if speech.date_line:
        block.append("标题下的日期")
    if block:
        lines.append("标题块：" + "、".join(block) + (f"（“{speech.title}”）" if speech.title else ""))
    if speech.salutation:
        lines.append(f"称呼：{speech.salutation}")
    if speech.greeting:
        lines.append(f"问候语：{speech.greeting}")
    if speech.opening.own:
        count = len([line for line in speech.opening.text.split("\n") if line])
        known = [fact for fact in (speech.training.name, _dates_line(speech)) if fact]
        facts = f"；读出了{'、'.join(known)}，用于文件名和列表" if known and not imported.unstructured else ""
        if not imported.unstructured:
            lines.append(f"开头：按原文保留（{count} 段）{facts}")
    else:
        label = load_prompts("steps")["courses"]["opening"][f"frame_{speech.opening.frame}"]
        lines.append(f"开头：由培训信息生成（句式“{label}”；培训班：{speech.training.name or '未写'}）")
    if unplaced:
        lines.append(
            f"标题块中有放不进标题、副标题、发言人或日期的行，标题块和称呼（共 {unplaced} 行）已按原文放进开头"
        )
    if speech.transition:
        lines.append(f"过渡段：{speech.transition}")
    if speech.sections:
        headed = [section.heading for section in speech.sections if section.heading]
        points = sum(len(section.points) for section in speech.sections)
        shape = f"{len(speech.sections)} 个部分"
        if headed:
            shape += "，标题：" + "；".join(headed)
        layout_text = load_prompts("steps")["layout"]
        numbering = layout_text[f"numbering_{speech.layout.numbering.replace('-', '_')}"]
        lines.append(f"正文：{shape}；共 {points} 点，序号：{numbering}")
    if speech.closing:
        lines.append(f"结束语：{len(speech.closing.splitlines())} 段")
    if speech.signature.name or speech.signature.date:
        date = speech.signature.date.isoformat() if speech.signature.date else ""
        lines.append(f"落款：{' '.join(part for part in (speech.signature.name, date) if part)}")
    imported.report[:0] = lines


def _dates_line(speech: Speech) -> str:
    training = speech.training
    if training.start is None:
        return ""
    return training.start.isoformat() + (f" 至 {training.end.isoformat()}" if training.end else "")


# -- the whole way ------------------------------------------------------------------------------


def import_text(text: str, today: dt.date) -> Imported:
    """A speech's text (already decoded) as a record and its report."""
    paragraphs = tidy(unicodedata.normalize("NFC", text))
    if not paragraphs:
        raise ImportFailure("文稿", "没有文字")
    return recognise(paragraphs, today)


def import_file(path: str | os.PathLike[str], today: dt.date, stdin=None) -> Imported:
    """``path`` (.txt, .md, .docx, or ``-``) as a record; ImportFailure in one line when it cannot be read."""
    text, notes = read_source(path, stdin)
    try:
        imported = import_text(text, today)
    except ImportFailure as error:
        raise ImportFailure(path, error.message) from None
    imported.report.extend(notes)
    return imported
