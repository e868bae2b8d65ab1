"""The speech record: everything a training-reflection speech is made of.

Plain dataclasses, no I/O and no terminal. ``wizard.storage`` turns a record
into TOML and back; ``wizard.assemble`` turns it into the speech text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

SectionKind = Literal["reflection", "action"]
PointLayout = Literal["joined", "separate"]
PointNumbering = Literal["none", "ordinal", "bracketed"]
DateStyle = Literal["month-day", "compact", "with-year"]

SCHEMA_VERSION = 1

SECTION_KINDS: tuple[str, ...] = ("reflection", "action")
POINT_LAYOUTS: tuple[str, ...] = ("joined", "separate")
POINT_NUMBERINGS: tuple[str, ...] = ("none", "ordinal", "bracketed")
DATE_STYLES: tuple[str, ...] = ("month-day", "compact", "with-year")
DEFAULT_RATE = 180


@dataclass(slots=True)
class Point:
    """One point of a section: a lead sentence and its elaboration."""

    lead: str = ""
    body: str = ""


@dataclass(slots=True)
class Section:
    """A numbered section (一、二、…): heading, optional intro, points."""

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
    speaking_rate: int = DEFAULT_RATE
    target_minutes: int = 0


@dataclass(slots=True)
class Speech:
    """A whole speech record (schema_version 1)."""

    title: str = ""
    speaker: str = ""
    salutation: str = "各位领导、同志们："
    closing: str = "发言完毕，谢谢。"
    training: Training = field(default_factory=Training)
    courses: list[CourseGroup] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    layout: Layout = field(default_factory=Layout)
    schema_version: int = SCHEMA_VERSION

    def sections_of(self, kind: SectionKind) -> list[Section]:
        """The sections of one kind, in speech order."""
        return [section for section in self.sections if section.kind == kind]
