"""A yes/no question in a small dialog."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmDialog(ModalScreen[bool]):
    """Ask ``question``; dismiss with True for ``yes``, False for ``no`` or Escape."""

    BINDINGS = [Binding("escape", "dismiss(False)", "取消")]

    def __init__(self, question: str, yes: str = "确定", no: str = "取消", *, yes_first: bool = True) -> None:
        super().__init__()
        self.question = question
        self.yes = yes
        self.no = no
        self.yes_first = yes_first

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.question), classes="dialog-question")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.yes, id="yes", variant="primary" if self.yes_first else "error")
                yield Button(self.no, id="no", variant="default")

    def on_mount(self) -> None:
        self.query_one("#yes" if self.yes_first else "#no", Button).focus()

    @on(Button.Pressed, "#yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def _no(self) -> None:
        self.dismiss(False)
