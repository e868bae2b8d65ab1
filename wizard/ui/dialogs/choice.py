"""A question with a few answers, each a button; Escape answers None."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ChoiceDialog(ModalScreen[str | None]):
    """Ask ``question``; dismiss with the id of the answer chosen (``default`` has the focus)."""

    BINDINGS = [Binding("escape", "dismiss(None)", "取消")]

    def __init__(self, question: str, answers: list[tuple[str, str]], default: str) -> None:
        super().__init__()
        self.question = question
        self.answers = answers
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.question), classes="dialog-question")
            with Horizontal(classes="dialog-buttons"):
                for answer, label in self.answers:
                    if answer == self.default:
                        yield Button(label, id=f"answer-{answer}", variant="primary")
                    else:
                        yield Button(label, id=f"answer-{answer}")

    def on_mount(self) -> None:
        self.query_one(f"#answer-{self.default}", Button).focus()

    @on(Button.Pressed)
    def _answer(self, event: Button.Pressed) -> None:
        self.dismiss((event.button.id or "").removeprefix("answer-"))
