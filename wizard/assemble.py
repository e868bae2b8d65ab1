"""Assemble the speech text from a record: a pure function, no I/O beyond the wording.

The text is plain, one paragraph a line, as the reference sample is laid out.
It is built in blocks (salutation, opening, each section, closing) keyed by
the part of the record they come from, so a preview can show and refresh the
block being edited without assembling the rest.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple

from wizard.data_files import speech_wording
from wizard.dates import format_date, format_range
from wizard.model import CourseGroup, Layout, Point, Section, Speech, Training
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

    ``key`` is ``title``, ``salutation``, ``greeting``, ``opening``, ``transition``,
    ``section:<index>`` (index into ``Speech.sections``), ``closing`` or ``signature``.
    ``roles`` says what each line is, for layouts that set them apart (Word, Markdown):
    ``title``, ``subtitle``, ``speaker``, ``date-line``, ``salutation``, ``greeting``,
    ``opening``, ``transition``, ``heading`` (一、), ``lead`` (a point's lead on a line
    of its own), ``paragraph``, ``closing``, ``signature``, ``signature-date``.
    """

    key: str
    lines: tuple[str, ...]
    roles: tuple[str, ...] = ()


def _block(key: str, lines: list[tuple[str, str]]) -> Block:
    """A block from (role, line) pairs."""
    return Block(key, tuple(line for _role, line in lines), tuple(role for role, _line in lines))


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


def _dates_and_days(training: Training, layout: Layout) -> tuple[str, int | None]:
    """The dates as the speech writes them ("" without any) and the calendar span in days.

    Only an end date reads as a one-day course on that date. An end before the start
    (the check reports it) gives no span, so no duration that would be wrong.
    """
    start, end = training.start, training.end
    if start is None and end is not None:
        start, end = end, None
    if start is None:
        return "", None
    days = training.days if start == training.start else 1
    return format_range(start, end, layout.date_style, layout.date_separator), days


def _duration(training: Training, days: int | None, wording: dict[str, Any]) -> str:
    """As written after 为期: the typed duration, else the span of more than one day."""
    if typed := _phrase(training.duration):
        return typed
    return wording["days"].format(days=days) if days is not None and days > 1 else ""


def _first_sentence(training: Training, wording: dict[str, Any], layout: Layout) -> str:
    name = _phrase(training.name) or wording["unnamed_course"]
    note = _phrase(training.note)
    note = wording["note"].format(note=note) if note else ""
    dates, days = _dates_and_days(training, layout)
    duration = _duration(training, days, wording)
    if not dates:
        key = "attended_undated_for" if duration else "attended_undated"
        return wording[key].format(name=name, note=note, duration=duration)
    if not duration:
        return wording["attended_one_day"].format(date=dates, name=name, note=note)
    return wording["attended"].format(dates=dates, duration=duration, name=name, note=note)


def _course_clause(group: CourseGroup) -> str:
    items = _fields(group.items)
    if not items:
        return ""
    return _phrase(group.verb) + join_items(items) + _phrase(group.tail)


def _studied(speech: Speech, wording: dict[str, Any]) -> str:
    """What was studied and done: the course groups' clauses, then the activities, joined with ，."""
    clauses = [clause for clause in map(_course_clause, speech.courses) if clause]
    activities = _fields(speech.training.activities)
    if activities:
        pattern = wording["activities_after_courses" if clauses else "activities_alone"]
        clauses.append(pattern.format(activities=join_items(activities)))
    return "，".join(clauses)


def _second_sentence(speech: Speech, wording: dict[str, Any]) -> str:
    organisers = _fields(speech.training.organisers)
    if not organisers:
        subject = wording["led_by_none"]
    elif len(organisers) == 1:
        subject = wording["led_by_one"].format(organisers=organisers[0])
    else:
        subject = wording["led_by_many"].format(organisers=join_items(organisers))
    studied = _studied(speech, wording)
    if not studied and not organisers:
        return ""
    return wording["lead_in"] + subject + studied + "，" + wording["gain"]


def join_with_and(items: list[str], conjunction: str) -> str:
    """``甲和乙``, ``甲、乙和丙``: the last two items joined with ``conjunction``."""
    if len(items) < 2:
        return "".join(items)
    return join_items(items[:-1]) + conjunction + items[-1]


#: An optional part of a frame, ``[…]``: kept only when every fact it names is known.
_OPTIONAL = re.compile(r"\[([^\[\]]*)\]")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def fill_frame(frame: str, facts: dict[str, str]) -> str:
    """``frame`` with its ``{fact}`` placeholders filled, and each ``[…]`` part left out
    when a fact it names is empty. Facts are put in after the parts are chosen, so a
    bracket or brace in what the user typed is printed as typed."""

    def part(match: re.Match[str]) -> str:
        names = _PLACEHOLDER.findall(match.group(1))
        return match.group(1) if all(facts.get(name) for name in names) else ""

    chosen = _OPTIONAL.sub(part, frame)
    return _PLACEHOLDER.sub(lambda match: facts.get(match.group(1), ""), chosen)


def _framed(speech: Speech, wording: dict[str, Any]) -> str:
    """The opening in one of the frames of ``prompts/speech.toml`` ``[opening.frames]``."""
    training = speech.training
    dates, days = _dates_and_days(training, speech.layout)
    organisers = _fields(training.organisers)
    note = _phrase(training.note)
    facts = {
        "dates": dates,
        "duration": _duration(training, days, wording),
        "name": _phrase(training.name) or wording["unnamed_course"],
        "note": wording["note"].format(note=note) if note else "",
        "organisers": join_items(organisers),
        "organisers_and": join_with_and(organisers, wording["and"]),
        "studied": _studied(speech, wording),
    }
    return fill_frame(wording["frames"][speech.opening.frame], facts)


def opening(speech: Speech) -> str:
    """The assembled opening paragraph: dates, duration, course, organisers, topics, gain.

    ``sample`` is the reference speech's two sentences; the other frames are data.
    """
    wording = speech_wording()["opening"]
    if speech.opening.frame == "sample":
        return _first_sentence(speech.training, wording, speech.layout) + _second_sentence(speech, wording)
    return _framed(speech, wording)


def paragraphs(text: str) -> list[str]:
    """Text typed as paragraphs, one a line: each line trimmed, empty lines left out."""
    return [line for line in (one_line(part) for part in clean(text).split("\n")) if line]


def opening_lines(speech: Speech) -> tuple[str, ...]:
    """The opening as printed: the writer's own paragraphs, or the assembled one."""
    if speech.opening.own:
        return tuple(paragraphs(speech.opening.text))
    return (opening(speech),)


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


def is_headed(section: Section) -> bool:
    """A section with a heading line: it takes a number (一、二、…)."""
    return bool(_field(section.heading))


def section_number(speech: Speech, index: int) -> int:
    """The number section ``index`` is read out with: sections before it that print no
    heading (blank ones, headless ones) do not count.

    Looks at every section before ``index``: for one section (a preview of the
    block being edited). To number them all, ``section_numbers`` goes once through.
    """
    return 1 + sum(1 for section in speech.sections[:index] if is_headed(section))


def section_numbers(speech: Speech) -> list[int | None]:
    """The number each section's heading is read out with: None for a blank section
    (left out), 0 for a headless one (no heading line, no number). One pass over the record."""
    numbers: list[int | None] = []
    count = 0
    for section in speech.sections:
        if is_blank(section):
            numbers.append(None)
        elif not is_headed(section):
            numbers.append(0)
        else:
            count += 1
            numbers.append(count)
    return numbers


def section_lines(speech: Speech, index: int) -> tuple[str, ...]:
    """The heading line and body paragraph(s) of section ``index`` (0-based); none when blank."""
    section: Section = speech.sections[index]
    if is_blank(section):
        return ()
    number = section_number(speech, index) if is_headed(section) else 0
    return tuple(line for _role, line in _section_lines(speech, section, number))


def point_markers(numbering: str, count: int) -> list[str]:
    """What each of ``count`` points begins with: 一是, （一）, 第一，, 首先，…最后，, or nothing."""
    if numbering == "none":
        return [""] * count
    patterns = speech_wording()["numbering"]
    if numbering == "first-then-last":
        # 首先，其次，再次，最后: a single point is not a sequence; past four, 再次 repeats
        # (``check`` asks for four at most).
        words = patterns["sequence"]
        if count < 2:
            return [""] * count
        middle = [words[min(number, len(words) - 2)] for number in range(1, count - 1)]
        return [words[0], *middle, words[-1]]
    pattern = patterns[numbering]
    return [pattern.format(numeral=chinese_numeral(number)) for number in range(1, count + 1)]


def _section_lines(speech: Speech, section: Section, number: int) -> list[tuple[str, str]]:
    """(role, line) pairs of a section that is not blank; ``number`` 0: no heading line."""
    layout = speech.layout
    points = [point for point in section.points if point_text(point)]
    markers = point_markers(layout.numbering, len(points))
    intro = _lead(section.intro)
    lines: list[tuple[str, str]] = [("heading", heading_line(number, section.heading))] if number else []
    if layout.points == "joined":
        body = intro + "".join(marker + point_text(point) for marker, point in zip(markers, points))
        if body:
            lines.append(("paragraph", _paragraph(body)))
    elif layout.points == "separate":
        texts = [marker + point_text(point) for marker, point in zip(markers, points)]
        lines.extend(("paragraph", _paragraph(text)) for text in (intro, *texts) if text)
    else:  # lead-alone: the lead on a line of its own, its elaboration below
        if intro:
            lines.append(("paragraph", _paragraph(intro)))
        for marker, point in zip(markers, points):
            lead, body = _lead(point.lead), _field(point.body)
            if lead:
                lines.append(("lead", marker + lead))
                if body:
                    lines.append(("paragraph", _paragraph(body)))
            else:
                lines.append(("paragraph", _paragraph(marker + body)))
    return lines


def _title_block(speech: Speech) -> list[tuple[str, str]]:
    lines = [(role, _field(getattr(speech, role))) for role in ("title", "subtitle", "speaker")]
    if speech.date_line is not None:
        date = format_date(speech.date_line, with_year=True)
        lines.append(("date-line", speech_wording()["dates"]["date_line"].format(date=date)))
    return [(role, line) for role, line in lines if line]


def _signature(speech: Speech) -> list[tuple[str, str]]:
    lines = []
    if name := _field(speech.signature.name):
        lines.append(("signature", name))
    if speech.signature.date is not None:
        lines.append(("signature-date", format_date(speech.signature.date, with_year=True)))
    return lines


def blocks(speech: Speech) -> list[Block]:
    """The speech as blocks, in reading order. Empty optional parts give no block.

    Every section gives a block (a blank one with no lines), so that a block's
    key stays the same while the user types into an empty section. So does the
    opening, even when the writer's own opening is still empty.
    """
    result: list[Block] = []
    if title := _title_block(speech):
        result.append(_block("title", title))
    if salutation := _field(speech.salutation):
        result.append(_block("salutation", [("salutation", salutation)]))
    if greeting := _field(speech.greeting):
        result.append(_block("greeting", [("greeting", greeting)]))
    result.append(_block("opening", [("opening", line) for line in opening_lines(speech)]))
    if transition := paragraphs(speech.transition):
        result.append(_block("transition", [("transition", line) for line in transition]))
    # Numbered in one pass (section_number would look back over every earlier section).
    for index, (section, number) in enumerate(zip(speech.sections, section_numbers(speech))):
        lines = [] if number is None else _section_lines(speech, section, number)
        result.append(_block(f"section:{index}", lines))
    if closing := paragraphs(speech.closing):
        result.append(_block("closing", [("closing", line) for line in closing]))
    if signature := _signature(speech):
        result.append(_block("signature", signature))
    return result


def render_text(speech: Speech) -> str:
    """The whole speech as plain text: one paragraph a line, ending in a newline."""
    lines = [line for block in blocks(speech) for line in block.lines]
    return clean("\n".join(lines)) + "\n"
