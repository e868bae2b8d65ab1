"""Form fields bound to a record path, labelled on their frame, with a message line under them.

The label is written in the top of the field's frame and the hint in its
bottom, as in an outlined text field: a field takes three rows, so a step's
form mostly fits on one screen. The message line under a field (a wrong date,
an empty required field) is mounted when the field first has something to say.

User text is never parsed as markup: labels, hints and messages are plain text.
Pasted text loses its control characters before the widget sees it, so an
invisible ESC or NUL is never in a field (the record drops them anyway).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Hashable

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Offset
from textual.signal import Signal
from textual.strip import Strip
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Input, Static, TextArea

from wizard.text_cleaning import clean, one_line


def field_id(path: str) -> str:
    """A widget id for a record path: ``sections[1].points[0].body`` → ``f-sections-1-points-0-body``."""
    return "f-" + re.sub(r"[^a-z0-9]+", "-", path).strip("-")


def message_id(path: str) -> str:
    """The id of the message line under the field for ``path``: ``m-…``."""
    return "m" + field_id(path)[1:]


class MessageLine(Static):
    """What is wrong with a field, under it (or under its row, led by its label)."""

    def show(self, text: Text) -> None:
        """Show ``text``; lay the form out again only if that changes the line's height.

        A warning comes and goes with a full stop as the user types: most of
        the time the line stays one row, and only it needs repainting.
        """
        size = self.content_size
        if not size or not self.display:
            self.update(text)
            return
        self.update(text, layout=False)
        if self.get_content_height(size, size, size.width) != size.height:
            self.refresh(layout=True)


class FormField:
    """What every field shares, mixed into the input that edits it.

    ``path`` names the record field it edits; ``prompt`` holds its label, hint
    and placeholder. Its message goes on a line of its own under it, mounted
    the first time there is one: under the field itself, or, for a field in a
    row beside others (the dates), under the row, after its left neighbours'.

    ``edited`` is published, with the field, whenever its text changes. The
    form subscribes to it (``immediate``): the record, the preview and the
    count change in the field's own turn, so the frame that shows the key
    shows them too, where the ``Changed`` message would reach the form only
    after climbing through every container, a frame later.
    """

    path: str
    prompt: dict[str, str]
    edited: Signal[FormField]
    #: The message and severity on show.
    shown: tuple[str, str] = ("", "")
    message_line: MessageLine | None = None
    #: Holds a suggestion the wizard put there (a common verb, the kind's closing), not typed
    #: by the user: the first time the field is entered it is selected, so typing replaces it.
    suggested: bool = False

    def current_text(self) -> str:
        """What the field holds now."""
        raise NotImplementedError

    def _widget(self) -> Widget:
        assert isinstance(self, Widget)
        return self

    def show_message(self, message: str, severity: str = "error") -> None:
        """Show (or with an empty string, clear) the message under the field."""
        widget = self._widget()
        shown = (message, severity if message else "")
        if shown == self.shown:
            return
        self.shown = shown
        line = self.message_line
        if line is None:
            line = self.message_line = MessageLine(classes="field-message", id=message_id(self.path))
            self._mount_line(line)
        line.set_class(severity == "warning", "-warning")
        # While the field is typed in, a message that goes leaves its line blank until
        # the field is left: the form does not jump a line each time a warning comes
        # and goes with a full stop.
        if message or not widget.has_focus:
            self._show_line(bool(message))
        text = Text(message)
        if message and self.row() is not None:
            text = Text.assemble((self.prompt["label"], "bold"), " ", text)
        line.show(text)

    def _mount_line(self, line: MessageLine) -> None:
        widget = self._widget()
        row = self.row()
        if row is None:
            widget.parent.mount(line, after=widget)  # type: ignore[union-attr]
            return
        # Under the row, after the lines of the fields left of this one.
        anchor: Widget = row
        for neighbour in row.children:
            if neighbour is widget:
                break
            if isinstance(neighbour, FormField) and neighbour.message_line is not None:
                anchor = neighbour.message_line
        row.parent.mount(line, after=anchor)  # type: ignore[union-attr]

    def row(self) -> Widget | None:
        """The row this field sits in beside other fields, if it does."""
        parent = self._widget().parent
        return parent if isinstance(parent, Widget) and parent.has_class("field-row") else None

    def _show_line(self, shown: bool) -> None:
        if self.message_line is not None:
            self.message_line.display = shown
            if self.row() is None:  # the line takes over the gap under the field
                self._widget().set_class(shown, "-with-message")

    def on_mount(self) -> None:
        # Off in tests and screenshots (the app says so), so pictures of the screen are stable.
        widget = self._widget()
        widget.cursor_blink = getattr(widget.app, "cursor_blink", True)  # type: ignore[attr-defined]

    def on_focus(self) -> None:
        if self.suggested:
            self.suggested = False
            self.select_all()  # type: ignore[attr-defined]

    def on_blur(self) -> None:
        if not self.shown[0]:
            self._show_line(False)

    def keep_in_view(self) -> None:
        """After an edit, scroll the form so the field being typed in is still on screen.

        An edit can move it: the area grows a line, or text above it grows.
        """
        widget = self._widget()
        if widget.has_focus:
            widget.call_after_refresh(widget.scroll_visible, animate=False)


def _label_frame(widget: FieldInput | FieldArea) -> None:
    """The field's label in the top of its frame, its hint in the bottom."""
    widget.border_title = Content(widget.prompt["label"])
    if hint := widget.prompt.get("hint"):
        widget.border_subtitle = Content(hint)


class FieldInput(FormField, Input):
    """A one-line field."""

    def __init__(self, path: str, value: str, prompt: dict[str, str], suggestions: list[str] | None = None):
        super().__init__(
            value=value,
            placeholder=prompt.get("placeholder", ""),
            id=field_id(path),
            classes="field-input",
            # Typing after coming Back must add to the text, not wipe it.
            select_on_focus=False,
            suggester=SuggestFromList(suggestions, case_sensitive=False) if suggestions else None,
        )
        self.path = path
        self.prompt = prompt
        self.edited = Signal(self, "edited")
        _label_frame(self)

    def current_text(self) -> str:
        return self.value

    def on_paste(self, event: events.Paste) -> None:
        # Runs before Input's own handler, which then inserts the cleaned text.
        # Input would keep only the first of ``splitlines()``: a sentence copied
        # from a document with line breaks in it would lose all but its first
        # line. The lines are joined instead, as the speech joins them.
        event.text = one_line(clean(event.text))

    def on_input_changed(self) -> None:
        self.edited.publish(self)
        self.keep_in_view()


class FieldArea(FormField, TextArea):
    """A multi-line field (paragraphs, one-item-a-line lists); pasting several lines works.

    Rows are kept once drawn. TextArea draws every row again whenever the
    cursor moves (with soft wrapping its own cache is keyed by the cursor),
    and each row by styling its whole paragraph: typing into a long
    elaboration redrew a dozen rows of a thousand-character line per key.
    A row other than the cursor's, outside any selection, shows nothing but
    its text, so it is kept by its text (``row_key``) and drawn once.
    """

    #: Rows kept before the cache starts again.
    ROWS_KEPT = 1024
    #: F6 is the wizard's phrase bank here as in every field (TextArea would select the line).
    BINDINGS = [Binding("f6", "app.pick_phrase", "常用语")]

    def __init__(self, path: str, value: str, prompt: dict[str, str]):
        super().__init__(
            value,
            id=field_id(path),
            classes="field-input",
            soft_wrap=True,
            show_line_numbers=False,
            tab_behavior="focus",
            placeholder=Content(prompt.get("placeholder", "")),
        )
        # Matching brackets would style a row the cursor is not on.
        self.match_cursor_bracket = False
        self.path = path
        self.prompt = prompt
        self.edited = Signal(self, "edited")
        self._rows: dict[Hashable, Strip] = {}
        _label_frame(self)

    def row_key(self, y: int) -> Hashable | None:
        """What row ``y`` shows, when that is only its text; None for a row TextArea must draw."""
        start, end = self.selection
        if start != end or not self.text:  # a selection, or the placeholder
            return None
        wrapped = self.wrapped_document
        offset = y + self.scroll_offset.y
        if offset >= wrapped.height:
            return ("blank", self.size, self.theme)
        line_index, column = wrapped.offset_to_location(Offset(0, offset))
        line = self.document.get_line(line_index)
        offsets = wrapped.get_offsets(line_index)
        section = bisect_right(offsets, column)
        first = offsets[section - 1] if section else 0
        last = offsets[section] if section < len(offsets) else len(line) + 1
        cursor_line, cursor_column = self.cursor_location
        if line_index == cursor_line and first <= cursor_column < last:
            return None  # the cursor's row: it blinks
        return (
            line[first:last],
            first,
            line_index == cursor_line,  # the cursor's line may be highlighted
            self.size,
            self.scroll_offset.x,
            self.theme,
            self.has_focus,
        )

    def render_line(self, y: int) -> Strip:
        key = self.row_key(y)
        if key is None:
            return super().render_line(y)
        strip = self._rows.get(key)
        if strip is None:
            if len(self._rows) >= self.ROWS_KEPT:
                self._rows.clear()
            strip = self._rows[key] = super().render_line(y)
        return strip

    def notify_style_update(self) -> None:
        self._rows.clear()
        super().notify_style_update()

    def current_text(self) -> str:
        return self.text

    def on_paste(self, event: events.Paste) -> None:
        # Runs before TextArea's own handler, which then inserts the cleaned text.
        event.text = clean(event.text)

    def on_text_area_changed(self) -> None:
        self.edited.publish(self)
        self.keep_in_view()


def make_field(
    prompt: dict[str, str],
    path: str,
    value: str,
    *,
    multiline: bool = False,
    suggestions: list[str] | None = None,
) -> FieldInput | FieldArea:
    """The field worded by ``prompt`` editing the record's ``path``."""
    if multiline:
        return FieldArea(path, value, prompt)
    return FieldInput(path, value, prompt, suggestions)
