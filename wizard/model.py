"""The speech record: everything a training-reflection speech is made of.

Plain dataclasses, no I/O and no terminal. ``wizard.storage`` turns a record
into TOML and back; ``wizard.assemble`` turns it into the speech text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

SectionKind = Literal["reflection", "action"]
#: A section's points: in one paragraph; a paragraph each; the lead on a line of its own above its elaboration.
PointLayout = Literal["joined", "separate", "lead-alone"]
#: What a point begins with: nothing; 一是; （一）; 第一，; 首先，其次，再次，最后，.
PointNumbering = Literal["none", "ordinal", "bracketed", "first-second", "first-then-last", "listed"]
DateStyle = Literal["month-day", "compact", "with-year"]
#: Between the dates of a range: the one-character dash, or 至.
DateSeparator = Literal["—", "至"]
#: How an assembled opening is framed (the wording is in prompts/speech.toml).
OpeningFrame = Literal["sample", "honoured", "attended", "recently", "representative"]

#: Version 2 added the title block's subtitle and date line, the greeting, the opening,
#: the transition, the typed duration, the date separator, more point markers and layouts,
#: closings of several paragraphs and the signature. Version 1 records load unchanged.
SCHEMA_VERSION = 2

SECTION_KINDS: tuple[str, ...] = ("reflection", "action")
POINT_LAYOUTS: tuple[str, ...] = ("joined", "separate", "lead-alone")
POINT_NUMBERINGS: tuple[str, ...] = ("none", "ordinal", "bracketed", "first-second", "first-then-last", "listed")
DATE_STYLES: tuple[str, ...] = ("month-day", "compact", "with-year")
DATE_SEPARATORS: tuple[str, ...] = ("—", "至")
OPENING_FRAMES: tuple[str, ...] = ("sample", "honoured", "attended", "recently", "representative")
DEFAULT_RATE = 180


@dataclass(slots=True)
class Point:
    """One point of a section: a lead sentence and its elaboration."""

    lead: str = ""
    body: str = ""


@dataclass(slots=True)
class Section:
    """A part of the body: heading (一、二、…; none when empty), optional intro, points."""

    heading: str = ""
    intro: str = ""
    points: list[Point] = field(default_factory=list)
    kind: SectionKind = "reflection"


@dataclass(slots=True)
class CourseGroup:
    """Course topics studied the same way: 深入学习了 A、B 等重点内容."""

    verb: str = ""
    items: list[str] = field(default_factory=list)
    tail: str = ""


@dataclass(slots=True)
class Training:
    """The course attended."""

    name: str = ""
    note: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    organisers: list[str] = field(default_factory=list)
    activities: list[str] = field(default_factory=list)
    #: As written after 为期 (五天, 一周, 两个月, 4天); empty: the calendar span of the dates.
    duration: str = ""

    @property
    def days(self) -> int | None:
        """Length of the course in days, counted inclusively; None without dates."""
        if self.start is None:
            return None
        end = self.end or self.start
        return (end - self.start).days + 1


@dataclass(slots=True)
class Layout:
    """How the speech is laid out and read."""

    points: PointLayout = "joined"
    numbering: PointNumbering = "none"
    date_style: DateStyle = "month-day"
    date_separator: DateSeparator = "—"
    speaking_rate: int = DEFAULT_RATE
    target_minutes: int = 0


@dataclass(slots=True)
class Opening:
    """The opening: assembled from the course facts in a frame, or the writer's own paragraphs."""

    frame: OpeningFrame = "sample"
    #: True: ``text`` is the opening, printed as typed (one paragraph a line).
    own: bool = False
    text: str = ""


@dataclass(slots=True)
class Signature:
    """The 落款 of a written piece: a name (or unit), then the date."""

    name: str = ""
    date: dt.date | None = None


@dataclass(slots=True)
class Speech:
    """A whole speech record (schema_version 2)."""

    title: str = ""
    #: The title block's second line, as written: ——在…结业式上的发言.
    subtitle: str = ""
    speaker: str = ""
    #: The title block's last line, printed （2026年6月12日）.
    date_line: dt.date | None = None
    salutation: str = "各位领导、同志们："
    #: A line after the salutation: 大家好！
    greeting: str = ""
    opening: Opening = field(default_factory=Opening)
    #: Paragraphs between the opening and the body (下面，我结合工作实际，谈三点体会：), one a line.
    transition: str = ""
    #: The closing paragraphs, one a line.
    closing: str = "发言完毕，谢谢。"
    signature: Signature = field(default_factory=Signature)
    training: Training = field(default_factory=Training)
    courses: list[CourseGroup] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    layout: Layout = field(default_factory=Layout)
    schema_version: int = SCHEMA_VERSION

    def sections_of(self, kind: SectionKind) -> list[Section]:
        """The sections of one kind, in speech order."""
        return [section for section in self.sections if section.kind == kind]
