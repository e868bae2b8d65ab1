"""The speech record: everything a training-reflection speech is made of.

Plain classes, no I/O and no terminal. ``wizard.storage`` turns a record
into TOML and back; ``wizard.assemble`` turns it into the speech text.

They are written out rather than made with ``dataclasses``: that module imports
``inspect`` (ast, dis, tokenize), which with building the classes cost ~9 ms at
every start of ``speech-wizard render`` - several times what the rendering takes.
``_Record`` gives them what the dataclasses gave: compare and print by field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # names for annotations only: building them cost every start 0.1 ms
    import datetime as dt
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


class _Record:
    """A mutable record whose fields are its ``__slots__``: equal when every field is."""

    __slots__ = ()
    __hash__ = None  # mutable, so unhashable (as a dataclass with eq)

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"


class Point(_Record):
    """One point of a section: a lead sentence and its elaboration."""

    __slots__ = ("lead", "body")

    def __init__(self, lead: str = "", body: str = "") -> None:
        self.lead = lead
        self.body = body


class Section(_Record):
    """A numbered section (一、二、…): heading, optional intro, points."""

    __slots__ = ("heading", "intro", "points", "kind")

    def __init__(
        self,
        heading: str = "",
        intro: str = "",
        points: list[Point] | None = None,
        kind: SectionKind = "reflection",
    ) -> None:
        self.heading = heading
        self.intro = intro
        self.points: list[Point] = [] if points is None else points
        self.kind: SectionKind = kind


class CourseGroup(_Record):
    """Course topics studied the same way: 深入学习了 A、B 等重点内容."""

    __slots__ = ("verb", "items", "tail")

    def __init__(self, verb: str = "", items: list[str] | None = None, tail: str = "") -> None:
        self.verb = verb
        self.items: list[str] = [] if items is None else items
        self.tail = tail


class Training(_Record):
    """The course attended."""

    __slots__ = ("name", "note", "start", "end", "organisers", "activities")

    def __init__(
        self,
        name: str = "",
        note: str = "",
        start: dt.date | None = None,
        end: dt.date | None = None,
        organisers: list[str] | None = None,
        activities: list[str] | None = None,
    ) -> None:
        self.name = name
        self.note = note
        self.start = start
        self.end = end
        self.organisers: list[str] = [] if organisers is None else organisers
        self.activities: list[str] = [] if activities is None else activities

    @property
    def days(self) -> int | None:
        """Length of the course in days, counted inclusively; None without dates."""
        if self.start is None:
            return None
        end = self.end or self.start
        return (end - self.start).days + 1


class Layout(_Record):
    """How the speech is laid out and read."""

    __slots__ = ("points", "numbering", "date_style", "speaking_rate", "target_minutes")

    def __init__(
        self,
        points: PointLayout = "joined",
        numbering: PointNumbering = "none",
        date_style: DateStyle = "month-day",
        speaking_rate: int = DEFAULT_RATE,
        target_minutes: int = 0,
    ) -> None:
        self.points: PointLayout = points
        self.numbering: PointNumbering = numbering
        self.date_style: DateStyle = date_style
        self.speaking_rate = speaking_rate
        self.target_minutes = target_minutes


class Speech(_Record):
    """A whole speech record (schema_version 1)."""

    __slots__ = (
        "title",
        "speaker",
        "salutation",
        "closing",
        "training",
        "courses",
        "sections",
        "layout",
        "schema_version",
    )

    def __init__(
        self,
        title: str = "",
        speaker: str = "",
        salutation: str = "各位领导、同志们：",
        closing: str = "发言完毕，谢谢。",
        training: Training | None = None,
        courses: list[CourseGroup] | None = None,
        sections: list[Section] | None = None,
        layout: Layout | None = None,
        schema_version: int = SCHEMA_VERSION,
    ) -> None:
        self.title = title
        self.speaker = speaker
        self.salutation = salutation
        self.closing = closing
        self.training = Training() if training is None else training
        self.courses: list[CourseGroup] = [] if courses is None else courses
        self.sections: list[Section] = [] if sections is None else sections
        self.layout = Layout() if layout is None else layout
        self.schema_version = schema_version

    def sections_of(self, kind: SectionKind) -> list[Section]:
        """The sections of one kind, in speech order."""
        return [section for section in self.sections if section.kind == kind]
