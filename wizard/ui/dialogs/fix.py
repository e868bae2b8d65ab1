"""Show the mechanical typography fixes before they are applied."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from wizard.typography import Change


def change_text(changes: list[Change]) -> Text:
    """Each change: where, then every changed spot as ``- before`` / ``+ after``."""
    text = Text()
    for change in changes:
        text.append(f"{change.where}\n", style="bold")
        for before, after in change.hunks():
            text.append(f"  - {before}\n", style="red")
            text.append(f"  + {after}\n", style="green")
    return text


class FixDialog(ModalScreen[bool]):
    """Dismisses with True to apply the listed changes."""

    BINDINGS = [Binding("escape", "dismiss(False)", "取消")]

    def __init__(self, changes: list[Change]) -> None:
        super().__init__()
        self.changes = changes

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="fix-dialog"):
            yield Static(
                Text(f"将修正以下 {len(self.changes)} 处标点、引号、连接号和日期写法："), classes="dialog-question"
            )
            with VerticalScroll(id="fix-changes"):
                yield Static(change_text(self.changes))
            with Horizontal(classes="dialog-buttons"):
                yield Button("应用修正", id="yes", variant="primary")
                yield Button("取消", id="no")

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()

    @on(Button.Pressed, "#yes")
    def _apply(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def _cancel(self) -> None:
        self.dismiss(False)
