"""Form fields bound to a record path, with a label, a hint and a message line.

The label is written in the top of the field's frame and the hint in its
bottom, as in an outlined text field: a field takes three rows, not five, so a
step's form mostly fits on one screen. A field is one widget, the text input
itself: a label, a hint and a box around them had been three more for every
field, and the first frame's work grows with the number of widgets (the box
alone was 4% of it). The message line under a field is mounted when the field
first has something to say.

User text is never parsed as markup: labels, hints and messages are plain text.
Pasted text loses its control characters before the widget sees it, so an
invisible ESC or NUL is never in a field (the record drops them anyway).
"""

from __future__ import annotations

import re
from typing import cast

from rich.text import Text
from textual import events
from textual.content import Content
from textual.geometry import Size
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Input, Static, TextArea

from wizard.text import clean, one_line
from wizard.ui import texts
from wizard.ui.widgets.frame import QuietVirtualSize, update_static
from wizard.ui.widgets.text_rows import RowCachedTextArea


def field_id(path: str) -> str:
    """A widget id for a record path: ``sections[1].points[0].body`` → ``f-sections-1-points-0-body``."""
    return "f-" + re.sub(r"[^a-z0-9]+", "-", path).strip("-")


def tell_form(widget: Input | TextArea) -> None:
    """Hand an edit to the step screen at once, in the field's own turn.

    The Changed message reaches the screen only after passing up through every
    container, and by then Textual has painted the keystroke on its own: the
    preview and the counter would follow a frame later. An Input's message
    still bubbles up afterwards and finds the record already up to date; a text
    area's stops at the area (its five hops held the keystroke's frame ~0.2 ms).
    """
    edited = getattr(widget.screen, "field_edited", None)
    if edited is not None:
        edited(widget)


def keep_in_view(widget: Input | TextArea) -> None:
    """After an edit, scroll the form so the field being typed in is still on screen.

    An edit can move it: the area grows a line, or text above it (the review
    step's length and problems) grows. Only the focused field asks, once laid out.
    """
    if widget.has_focus:
        widget.call_after_refresh(widget.scroll_visible, animate=False)


class Field:
    """What every field shares, mixed into the input that edits it.

    ``path`` names the record field it edits; ``prompt`` holds its label, hint
    and placeholder. Its message (a wrong date, an empty required field) goes
    on a line of its own under it, mounted the first time there is one: under
    the field itself, or, for a field in a row beside others (the dates), under
    the row, the field's label before the message.
    """

    path: str
    prompt: dict[str, str]
    #: The message and severity on show, so an unchanged one costs no repaint on a keystroke.
    shown: tuple[str, str] = ("", "")
    message_line: Static | None = None

    def show_message(self, message: str, severity: str = "error") -> None:
        """Show (or with an empty string, clear) the message under the field."""
        widget = cast(Widget, self)
        if (message, severity if message else "") == self.shown:
            return
        self.shown = (message, severity if message else "")
        line = self.message_line
        if line is None:  # only ever with a message: an empty one on a new field returned above
            line = self.message_line = Static(classes="field-message", id="m" + field_id(self.path)[1:])
            row = self.row()
            if row is None:
                widget.parent.mount(line, after=widget)  # type: ignore[union-attr]
            else:
                # Under the row, after the lines of the fields left of this one.
                anchor: Widget = row
                for neighbour in row.children:
                    if neighbour is widget:
                        break
                    if isinstance(neighbour, Field) and neighbour.message_line is not None:
                        anchor = neighbour.message_line
                row.parent.mount(line, after=anchor)  # type: ignore[union-attr]
        line.set_class(severity == "warning", "-warning")
        # While the field is typed in, a message that goes leaves its line blank until
        # the field is left: the form does not jump a line (and is not laid out
        # again) each time a warning comes and goes with a full stop.
        if message or not widget.has_focus:
            self._show_line(bool(message))
        text = Text(message)
        if message and self.row() is not None:
            text = Text.assemble((self.prompt["label"], "bold"), " ", text)
        update_static(line, text)

    def row(self) -> Widget | None:
        """The row this field sits in beside other fields, if it does."""
        parent = cast(Widget, self).parent
        return parent if isinstance(parent, Widget) and parent.has_class("field-row") else None

    def _show_line(self, shown: bool) -> None:
        if self.message_line is not None:
            self.message_line.display = shown
            if self.row() is None:  # the line takes over the gap under the field
                cast(Widget, self).set_class(shown, "-with-message")

    def on_blur(self) -> None:
        if not self.shown[0]:
            self._show_line(False)


class FieldInput(Field, Input):
    """A one-line field."""

    def __init__(
        self,
        path: str,
        value: str,
        prompt: dict[str, str],
        suggestions: list[str] | None = None,
    ):
        super().__init__(
            value=value,
            placeholder=prompt.get("placeholder", ""),
            id=field_id(path),
            classes="field-input",
            select_on_focus=False,
            suggester=SuggestFromList(suggestions, case_sensitive=False) if suggestions else None,
            # No validators: validating only set a -valid class, which restyled the field.
            validate_on=(),
        )
        self.path = path
        self.prompt = prompt
        label_frame(self)

    def on_mount(self) -> None:
        self.cursor_blink = getattr(self.app, "cursor_blink", True)

    def _on_paste(self, event: events.Paste) -> None:
        # Runs before Input's own handler, which then inserts the cleaned text.
        # Input would keep only the first of ``splitlines()``: a sentence copied
        # from a document with line breaks in it would lose all but its first
        # line. The lines are joined instead, as the speech joins them.
        event.text = one_line(clean(event.text))

    def on_input_changed(self) -> None:
        tell_form(self)
        keep_in_view(self)


class FieldArea(Field, QuietVirtualSize, RowCachedTextArea):
    """A multi-line field (paragraphs, one-item-a-line lists); pasting several lines works."""

    DEFAULT_CSS = """
    FieldArea { height: auto; min-height: 3; max-height: 12; }
    """

    def __init__(self, path: str, value: str, prompt: dict[str, str]):
        super().__init__(
            value,
            id=field_id(path),
            classes="field-input",
            soft_wrap=True,
            show_line_numbers=False,
            tab_behavior="focus",
            placeholder=Text(prompt.get("placeholder", "")),
        )
        self.path = path
        self.prompt = prompt
        label_frame(self)

    def on_mount(self) -> None:
        self.cursor_blink = getattr(self.app, "cursor_blink", True)

    def _on_paste(self, event: events.Paste) -> None:
        # Runs before TextArea's own handler, which then inserts the cleaned text.
        event.text = clean(event.text)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        tell_form(self)
        keep_in_view(self)
        event.stop()  # the form has it; climbing the containers only kept the frame waiting

    def virtual_size_moves_nothing(self, before: Size, after: Size) -> bool:
        """A long text scrolls inside the area, which stays at its max-height: a line more or less moves nothing."""
        return self._at_max_height(before) and self._at_max_height(after)

    def _at_max_height(self, virtual: Size) -> bool:
        limit = self.styles.max_height
        if limit is None or not limit.is_cells or not self.size or not self.display:
            return False
        return self.outer_size.height == int(limit.value) and virtual.height + self.gutter.height >= limit.value


def label_frame(widget: FieldInput | FieldArea) -> None:
    """The field's label in the top of its frame, its hint in the bottom."""
    widget.border_title = Content(widget.prompt["label"])
    if hint := widget.prompt.get("hint"):
        widget.border_subtitle = Content(hint)


def make_field(
    step: str,
    name: str,
    path: str,
    value: str,
    *,
    multiline: bool = False,
    suggestions: list[str] | None = None,
) -> FieldInput | FieldArea:
    """The field for ``name`` of ``step`` (its wording in the prompts), editing ``path``."""
    prompt = texts.field(step, name)
    if multiline:
        return FieldArea(path, value, prompt)
    return FieldInput(path, value, prompt, suggestions)

