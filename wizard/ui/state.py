"""The one state of a wizard run: the session, the wording, where the user is, what is open.

The app owns a ``WizardState``; each step screen is handed it and uses it
through ``RecordView``, the few things a form needs: read and edit fields,
assemble the speech, say what is wrong. Nothing here knows of Textual: a
change is announced to whoever subscribed (the app's autosaver), and the
screens refresh themselves from the state when told to.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from wizard.assemble import Block, blocks, is_blank, render_text
from wizard.checks import Problem, check
from wizard.model import CourseGroup, Point, Speech
from wizard.ui.wording import STEPS, Wording, choices

_VERB = re.compile(r"courses\[(\d+)\]\.verb")
#: Parts a kind of speech fills in with its usual wording.
_SUGGESTED_PARTS = ("salutation", "closing", "greeting", "transition", "subtitle")
#: The step a date field is on, where it is not step 1.
DATE_STEPS = {"signature.date": "review"}

if TYPE_CHECKING:
    from wizard.session import Session
    from wizard.templates import Template


@dataclass
class Removal:
    """An item just removed from a list of the record, kept so that Ctrl+Z can put it back."""

    #: The list it was in, and where.
    items: list[Any]
    index: int
    item: Any
    #: The step it was removed on, what it is called there (第 2 点), the field to go to once back.
    step: str
    name: str
    focus: str


class RecordView(Protocol):
    """What a step screen may ask of the wizard's state."""

    @property
    def session(self) -> Session: ...

    @property
    def speech(self) -> Speech: ...

    @property
    def wording(self) -> Wording: ...

    def edit(self, path: str, text: str) -> bool: ...

    def changed(self) -> None: ...

    def blocks(self) -> list[Block]: ...

    def problems(self) -> list[Problem]: ...

    def problem_counts(self) -> dict[str, int]: ...

    def problem_for(self, path: str) -> Problem | None: ...

    def is_suggestion(self, path: str, value: str) -> bool: ...

    def shape(self) -> tuple[object, ...]: ...

    @property
    def added_groups(self) -> list[CourseGroup]: ...

    @property
    def removal(self) -> Removal | None: ...

    def remove(self, items: list[Any], index: int, name: str, focus: str) -> Removal: ...

    def undo_removal(self) -> Removal | None: ...


class WizardState:
    """A record being written in the wizard, and what the wizard knows about the writing of it."""

    def __init__(self, session: Session, wording: Wording | None = None) -> None:
        self.session = session
        self.wording = wording or Wording()
        self.step = STEPS[0]
        #: Fields edited in this run; their problems show beside them at once.
        self.touched: set[str] = set()
        #: Every field's problem shows once the review step has been seen (or for a saved record).
        self.show_all_problems = session.path is not None
        self._problems: list[Problem] | None = None
        self._listeners: list[Callable[[], None]] = []
        #: The item removed last, until the record changes otherwise or the step is left.
        self.removal: Removal | None = None
        #: Course groups added in this run: their verb is the wizard's suggestion until typed in.
        self.added_groups: list[CourseGroup] = []

    @property
    def speech(self) -> Speech:
        return self.session.speech

    def subscribe(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` after every change of the record."""
        self._listeners.append(listener)

    def changed(self) -> None:
        """The record changed (a field, or its structure): forget what was worked out, tell listeners."""
        self.session.changed()
        self._problems = None
        self.removal = None
        for listener in self._listeners:
            listener()

    def edit(self, path: str, text: str) -> bool:
        """Put what was typed into the field at ``path``; False when it was there already."""
        if text == self.session.text_of(path):
            return False
        self.session.set_text(path, text)
        self.touched.add(path)
        self.changed()
        return True

    def go_to(self, step: str) -> None:
        self.step = step
        self.removal = None
        if step == STEPS[-1]:
            self.show_all_problems = True

    def remove(self, items: list[Any], index: int, name: str, focus: str) -> Removal:
        """Remove ``items[index]`` (a course group, section or point), keeping it for ``undo_removal``.

        Only the last removal can be undone, and only until anything else changes
        the record: putting it back where it was is then certain to be right.
        """
        removal = Removal(items, index, items.pop(index), self.step, name, focus)
        self.changed()
        self.removal = removal
        return removal

    def undo_removal(self) -> Removal | None:
        """Put back the item removed last; None when there is none to put back."""
        removal = self.removal
        if removal is None:
            return None
        removal.items.insert(removal.index, removal.item)
        self.changed()
        return removal

    def shape(self) -> tuple[object, ...]:
        """The record's lists, as far as they decide the paths of fields: course groups, sections, points.

        A step whose fields were made for another shape has fields whose paths
        now name other items, or none: it must be composed again.
        """
        speech = self.speech
        return (len(speech.courses), tuple((section.kind, len(section.points)) for section in speech.sections))

    # -- the speech and what is wrong with it --------------------------------------------------

    def blocks(self) -> list[Block]:
        return blocks(self.speech)

    def speech_text(self) -> str:
        return render_text(self.speech)

    def problems(self) -> list[Problem]:
        """Unreadable dates first (saving waits for them), then the checks, then typography.

        Worked out once per change of the record, however many widgets ask.
        """
        if self._problems is None:
            from wizard import typography

            dates = self.session.date_errors
            typed = [
                Problem("error", DATE_STEPS.get(path, "training"), path, message) for path, message in dates.items()
            ]
            found = [problem for problem in check(self.speech) if problem.field not in dates]
            style = [
                Problem("warning", finding.step, finding.field, f"{finding.message}：{finding.marked_context()}")
                for finding in typography.find(self.speech)
            ]
            self._problems = typed + found + style
        return self._problems

    def problem_counts(self) -> dict[str, int]:
        """Open problems by step, for the step bar: as ``problem_for``, only those on show.

        A brand-new speech has every required field empty; counting them would
        greet the user with !2 !3 !1 before a key is typed.
        """
        counts: dict[str, int] = {}
        for problem in self.problems():
            if self.shows(problem.field):
                counts[problem.step] = counts.get(problem.step, 0) + 1
        return counts

    def shows(self, path: str) -> bool:
        """Whether the problems of the field at ``path`` are on show yet."""
        return self.show_all_problems or path in self.touched

    def problem_for(self, path: str) -> Problem | None:
        """The problem to show beside the field at ``path``.

        A field the user has not touched yet stays quiet until the review step
        has been seen, so a new speech does not open covered in red.
        """
        if not self.shows(path):
            return None
        return next((problem for problem in self.problems() if problem.field == path), None)

    # -- changes made from outside a form -------------------------------------------------------

    def use_template(self, template: Template) -> None:
        """Switch a new speech to ``template``, keeping everything typed about the course.

        The template's structure (salutation, closing, layout, its empty
        sections) is taken only where the speech has nothing of its own yet, so
        no typed section is ever replaced.
        """
        previous = self.wording.template.new_speech() if self.wording.template is not None else Speech()
        self.wording = Wording(template)
        self.session.template = template.name
        fresh = template.new_speech()
        speech = self.speech
        # The kind decides the speech's shape; the dates stay written as the user chose.
        fresh.layout.date_style, fresh.layout.date_separator = speech.layout.date_style, speech.layout.date_separator
        speech.salutation, speech.closing, speech.layout = fresh.salutation, fresh.closing, fresh.layout
        speech.greeting, speech.transition = fresh.greeting, fresh.transition
        if not speech.opening.own:
            speech.opening = fresh.opening
        for name in ("title", "subtitle"):
            # Empty, or as the previous kind filled it in: the user has not made it theirs.
            if getattr(speech, name).strip() in ("", getattr(previous, name).strip()):
                setattr(speech, name, getattr(fresh, name))
        if all(is_blank(section) for section in speech.sections):
            speech.sections = fresh.sections
            for section in speech.sections:
                if not section.points:
                    section.points.append(Point())
        self.changed()

    def is_suggestion(self, path: str, value: str) -> bool:
        """Whether ``value`` at ``path`` is what the wizard put there for a new speech, untouched:
        the first verb of a course group, or the kind's salutation, closing, greeting, transition."""
        if not value or path in self.touched:
            return False
        if match := _VERB.fullmatch(path):  # in a new speech, or a group added to any speech
            group = self.speech.courses[int(match.group(1))]
            new = self.session.template is not None or any(group is added for added in self.added_groups)
            return new and value == choices("course_verbs")[0]
        if self.session.template is None or path not in _SUGGESTED_PARTS:
            return False
        from wizard import templates

        try:
            fresh = templates.get(self.session.template).new_speech()
        except LookupError:
            return False
        return value == getattr(fresh, path)

    def replace_speech(self, speech: Speech) -> None:
        """The whole record changed at once (typography fixed, a draft resumed)."""
        self.session.speech = speech
        self.changed()
