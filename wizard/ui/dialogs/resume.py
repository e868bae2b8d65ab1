"""Offer to resume an unfinished draft: Enter resumes, a second button discards."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from wizard.drafts import Draft


class ResumeDialog(ModalScreen[bool]):
    """Dismisses with True to resume the draft, False to discard it."""

    def __init__(self, draft: Draft) -> None:
        super().__init__()
        self.draft = draft

    def compose(self) -> ComposeResult:
        draft = self.draft
        course = draft.speech.training.name.strip() or "（未填写培训班名称）"
        when = draft.changed_at.strftime("%Y年%m月%d日 %H:%M")
        lines = [
            "恢复上次未完成的草稿？",
            "",
            f"培训：{course}",
            f"最后修改：{when}",
        ]
        if draft.source:
            lines.append(f"文件：{draft.source}")
        with Vertical(classes="dialog", id="resume-dialog"):
            yield Static(Text("\n".join(lines)), classes="dialog-question")
            with Horizontal(classes="dialog-buttons"):
                yield Button("恢复草稿", id="yes", variant="primary")
                yield Button("丢弃草稿", id="no", variant="error")

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()

    @on(Button.Pressed, "#yes")
    def _resume(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def _discard(self) -> None:
        self.dismiss(False)
