"""Assemble the speech text from a record: a pure function, no I/O beyond the wording.

The text is plain, one paragraph a line, as the reference sample is laid out.
It is built in blocks (salutation, opening, each section, closing) keyed by
the part of the record they come from, so a preview can show and refresh the
block being edited without assembling the rest.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, NamedTuple

from wizard.data_files import speech_wording
from wizard.dates import format_range
from wizard.model import CourseGroup, Point, Section, Speech, Training
from wizard.numerals import chinese_numeral
from wizard.text_cleaning import clean, one_line

#: Punctuation that may close a lead sentence; without one, 。 is added.
_SENTENCE_END = "。！？；：，、…”’）》"
#: Punctuation that never ends a heading line (GENRE: no end punctuation).
_HEADING_STRIP = "。，；：、,.;: "
#: Separators the assembler puts around a phrase (name, organiser, item, tail):
#: typed again at either end of the phrase they would double (``，，``, ``、、``).
_PHRASE_STRIP = "，、；。,;. "
#: A paragraph that would end on one of these ends on 。 instead.
_SOFT_END = "，、；：,;:"


class Block(NamedTuple):
    """A run of speech lines that comes from one part of the record.

    ``key`` is ``title``, ``salutation``, ``opening``, ``section:<index>``
    (index into ``Speech.sections``) or ``closing``.
    """

    key: str
    lines: tuple[str, ...]


def join_items(items: list[str]) -> str:
    """Join parallel items with 、, except between two quoted items (GB/T 15834)."""
    joined = ""
    for item in items:
        if joined and not (joined.endswith(("”", "’", "》")) and item.startswith(("“", "‘", "《"))):
            joined += "、"
        joined += item
    return joined


@lru_cache(maxsize=4096)
def _field(value: str) -> str:
    """A field as one line of speech. Kept: the wizard assembles the whole speech on
    every keystroke, and all but the field being typed in are as they were."""
    return one_line(value)


def _phrase(value: str) -> str:
    """A field the fixed wording puts separators around, without separators of its own."""
    return one_line(value).strip(_PHRASE_STRIP)


def _fields(values: list[str]) -> list[str]:
    return [text for text in (_phrase(value) for value in values) if text]


def _paragraph(text: str) -> str:
    """A paragraph ends a sentence: a trailing comma (a lead with no body) becomes 。."""
    stripped = text.rstrip(_SOFT_END)
    return stripped + "。" if stripped != text and stripped else text


def _first_sentence(training: Training, wording: dict[str, Any], date_style: str) -> str:
    name = _phrase(training.name) or wording["unnamed_course"]
    note = _phrase(training.note)
    note = wording["note"].format(note=note) if note else ""
    start, end = training.start, training.end
    if start is None and end is not None:
        start, end = end, None
    if start is None:
        return wording["attended_undated"].format(name=name, note=note)
    days = training.days if start == training.start else 1
    if days is None or days <= 1:
        # A single day, or an end before the start (the check reports that):
        # no duration that would be wrong.
        when = format_range(start, end, date_style)
        return wording["attended_one_day"].format(date=when, name=name, note=note)
    when = format_range(start, end, date_style)
    return wording["attended"].format(dates=when, days=days, name=name, note=note)


def _course_clause(group: CourseGroup) -> str:
    items = _fields(group.items)
    if not items:
        return ""
    return _phrase(group.verb) + join_items(items) + _phrase(group.tail)


def _second_sentence(speech: Speech, wording: dict[str, Any]) -> str:
    organisers = _fields(speech.training.organisers)
    if not organisers:
        subject = wording["led_by_none"]
    elif len(organisers) == 1:
        subject = wording["led_by_one"].format(organisers=organisers[0])
    else:
        subject = wording["led_by_many"].format(organisers=join_items(organisers))
    clauses = [clause for clause in map(_course_clause, speech.courses) if clause]
    activities = _fields(speech.training.activities)
    if activities:
        pattern = wording["activities_after_courses" if clauses else "activities_alone"]
        clauses.append(pattern.format(activities=join_items(activities)))
    if not clauses and not organisers:
        return ""
    return wording["lead_in"] + subject + "，".join(clauses) + "，" + wording["gain"]


def opening(speech: Speech) -> str:
    """The opening paragraph: dates, duration, course, organisers, topics, gain."""
    wording = speech_wording()["opening"]
    return _first_sentence(speech.training, wording, speech.layout.date_style) + _second_sentence(speech, wording)


def _lead(text: str) -> str:
    lead = _field(text)
    if lead and lead[-1] not in _SENTENCE_END:
        lead += "。"
    return lead


def point_text(point: Point) -> str:
    """A point as spoken: the lead sentence, then its elaboration."""
    return _lead(point.lead) + _field(point.body)


def heading_line(number: int, heading: str) -> str:
    """``一、heading`` with any trailing sentence punctuation removed."""
    return f"{chinese_numeral(number)}、{_field(heading).rstrip(_HEADING_STRIP)}"


def is_blank(section: Section) -> bool:
    """A section with nothing typed in it: left out of the speech and of the numbering."""
    return not (
        _field(section.heading)
        or _field(section.intro)
        or any(_field(point.lead) or _field(point.body) for point in section.points)
    )


def section_number(speech: Speech, index: int) -> int:
    """The number section ``index`` is read out with: blank sections before it do not count.

    Looks at every section before ``index``: for one section (a preview of the
    block being edited). To number them all, ``section_numbers`` goes once through.
    """
    return 1 + sum(1 for section in speech.sections[:index] if not is_blank(section))


def section_numbers(speech: Speech) -> list[int | None]:
    """The number each section is read out with, None for a blank one: one pass over the record."""
    numbers: list[int | None] = []
    count = 0
    for section in speech.sections:
        if is_blank(section):
            numbers.append(None)
        else:
            count += 1
            numbers.append(count)
    return numbers


def section_lines(speech: Speech, index: int) -> tuple[str, ...]:
    """The heading line and body paragraph(s) of section ``index`` (0-based); none when blank."""
    section: Section = speech.sections[index]
    if is_blank(section):
        return ()
    return _numbered_section_lines(speech, section, section_number(speech, index))


def _numbered_section_lines(speech: Speech, section: Section, number: int) -> tuple[str, ...]:
    """The lines of a section that is not blank, read out as section ``number``."""
    layout = speech.layout
    numbering = speech_wording()["numbering"]
    points = [text for text in map(point_text, section.points) if text]
    if layout.numbering != "none":
        pattern = numbering[layout.numbering]
        points = [
            pattern.format(numeral=chinese_numeral(ordinal)) + text for ordinal, text in enumerate(points, start=1)
        ]
    intro = _lead(section.intro)
    lines = [heading_line(number, section.heading)]
    if layout.points == "joined":
        body = intro + "".join(points)
        if body:
            lines.append(_paragraph(body))
    else:
        lines.extend(_paragraph(text) for text in (intro, *points) if text)
    return tuple(lines)


def blocks(speech: Speech) -> list[Block]:
    """The speech as blocks, in reading order. Empty optional parts give no block.

    Every section gives a block (a blank one with no lines), so that a block's
    key stays the same while the user types into an empty section.
    """
    result: list[Block] = []
    title, speaker = _field(speech.title), _field(speech.speaker)
    if title or speaker:
        result.append(Block("title", tuple(line for line in (title, speaker) if line)))
    if salutation := _field(speech.salutation):
        result.append(Block("salutation", (salutation,)))
    result.append(Block("opening", (opening(speech),)))
    # Numbered in one pass (section_number would look back over every earlier section).
    for index, (section, number) in enumerate(zip(speech.sections, section_numbers(speech))):
        lines = () if number is None else _numbered_section_lines(speech, section, number)
        result.append(Block(f"section:{index}", lines))
    if closing := _field(speech.closing):
        result.append(Block("closing", (closing,)))
    return result


def render_text(speech: Speech) -> str:
    """The whole speech as plain text: one paragraph a line, ending in a newline."""
    lines = [line for block in blocks(speech) for line in block.lines]
    return clean("\n".join(lines)) + "\n"
