"""Form fields bound to a record path, with a label, a hint and a message line.

User text is never parsed as markup: labels and messages are plain ``Text``.
Pasted text loses its control characters before the widget sees it, so an
invisible ESC or NUL is never in a field (the record drops them anyway).
"""

from __future__ import annotations

import re

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static, TextArea

from wizard.text import clean
from wizard.ui import texts


def field_id(path: str) -> str:
    """A widget id for a record path: ``sections[1].points[0].body`` → ``f-sections-1-points-0-body``."""
    return "f-" + re.sub(r"[^a-z0-9]+", "-", path).strip("-")


def keep_in_view(widget: Input | TextArea) -> None:
    """After an edit, scroll the form so the field being typed in is still on screen.

    An edit can move it: the area grows a line, or text above it (the review
    step's length and problems) grows. Only the focused field asks, once laid out.
    """
    if widget.has_focus:
        widget.call_after_refresh(widget.scroll_visible, animate=False)


class FieldInput(Input):
    """A one-line field; ``path`` names the record field it edits."""

    def __init__(self, path: str, value: str, placeholder: str = "", suggestions: list[str] | None = None):
        super().__init__(
            value=value,
            placeholder=placeholder,
            id=field_id(path),
            select_on_focus=False,
            suggester=SuggestFromList(suggestions, case_sensitive=False) if suggestions else None,
        )
        self.path = path

    def on_mount(self) -> None:
        self.cursor_blink = getattr(self.app, "cursor_blink", True)

    def _on_paste(self, event: events.Paste) -> None:
        # Runs before Input's own handler, which then inserts the cleaned text. Cleaning
        # first also matters there: Input keeps the first of ``splitlines()``, which
        # would cut a paste at a C1 "next line" (U+0085) the record drops anyway.
        event.text = clean(event.text)

    def on_input_changed(self) -> None:
        keep_in_view(self)


class FieldArea(TextArea):
    """A multi-line field (paragraphs, one-item-a-line lists); pasting several lines works."""

    DEFAULT_CSS = """
    FieldArea { height: auto; min-height: 3; max-height: 12; }
    """

    def __init__(self, path: str, value: str, placeholder: str = ""):
        super().__init__(
            value,
            id=field_id(path),
            soft_wrap=True,
            show_line_numbers=False,
            tab_behavior="focus",
            placeholder=Text(placeholder),
        )
        self.path = path

    def on_mount(self) -> None:
        self.cursor_blink = getattr(self.app, "cursor_blink", True)

    def _on_paste(self, event: events.Paste) -> None:
        # Runs before TextArea's own handler, which then inserts the cleaned text.
        event.text = clean(event.text)

    def on_text_area_changed(self) -> None:
        keep_in_view(self)


class Field(Vertical):
    """Label, the field itself, a hint, and a line for the field's message."""

    DEFAULT_CSS = """
    Field { height: auto; margin-bottom: 1; }
    Field > .field-label { color: $text; text-style: bold; }
    Field > .field-hint { color: $text-muted; }
    Field > .field-message { color: $error; height: auto; max-height: 4; overflow: hidden; }
    Field > .field-message.-warning { color: $warning; }
    """

    def __init__(
        self,
        step: str,
        name: str,
        path: str,
        value: str,
        *,
        multiline: bool = False,
        suggestions: list[str] | None = None,
    ) -> None:
        super().__init__(classes="field")
        self.prompt = texts.field(step, name)
        self.path = path
        self.value = value
        self.multiline = multiline
        self.suggestions = suggestions

    def compose(self) -> ComposeResult:
        yield Label(Text(self.prompt["label"]), classes="field-label")
        placeholder = self.prompt.get("placeholder", "")
        if self.multiline:
            yield FieldArea(self.path, self.value, placeholder)
        else:
            yield FieldInput(self.path, self.value, placeholder, self.suggestions)
        if hint := self.prompt.get("hint"):
            yield Static(Text(hint), classes="field-hint")
        message = Static("", classes="field-message", id="m" + field_id(self.path)[1:])
        message.display = False
        yield message

    def show_message(self, message: str, severity: str = "error") -> None:
        """Show (or with an empty string, clear) the message under the field."""
        line = self.query_one(".field-message", Static)
        line.update(Text(message))
        line.set_class(severity == "warning", "-warning")
        line.display = bool(message)
