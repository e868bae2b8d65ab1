"""Ask for a file to write to (the record, or an export), proposing a name."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from wizard.text_cleaning import clean


class PathInput(Input):
    """The file name: a paste loses its control characters, as in the form's fields."""

    def on_paste(self, event: events.Paste) -> None:
        event.text = clean(event.text)  # before Input's own handler inserts it


class SaveAsDialog(ModalScreen[Path | None]):
    """Dismisses with the chosen path, or None when cancelled."""

    BINDINGS = [Binding("escape", "dismiss(None)", "取消")]

    def __init__(
        self, proposed: str, message: str = "", *, question: str = "保存发言记录到文件：", suffix: str = ".toml"
    ) -> None:
        super().__init__()
        self.proposed = proposed
        self.message = message
        self.question = question
        self.suffix = suffix

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.question), classes="dialog-question")
            yield PathInput(self.proposed, id="save-path", select_on_focus=False)
            yield Static(Text(self.message), id="save-message", classes="dialog-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button("保存", id="yes", variant="primary")
                yield Button("取消", id="no")

    def on_mount(self) -> None:
        field = self.query_one("#save-path", Input)
        field.cursor_blink = getattr(self.app, "cursor_blink", True)
        field.focus()

    @on(Input.Submitted, "#save-path")
    @on(Button.Pressed, "#yes")
    def _save(self) -> None:
        text = self.query_one("#save-path", Input).value.strip()
        if not text:
            self.query_one("#save-message", Static).update(Text("请输入文件名"))
            return
        path = Path(text).expanduser().absolute()
        if path.suffix.lower() != self.suffix:
            path = path.with_name(path.name + self.suffix)
        self.dismiss(path)

    @on(Button.Pressed, "#no")
    def _cancel(self) -> None:
        self.dismiss(None)
