"""Offer to resume unfinished drafts, newest first: Enter resumes, another button discards one.

One draft is described in full. Several (two wizards were killed, say) are
listed, newest first; the highlighted one is the one resumed or discarded.
Escape leaves them all where they are, for next time.
"""

from __future__ import annotations

from typing import Literal

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from wizard.drafts import Draft

Choice = tuple[Literal["resume", "discard"], Draft] | None


def describe(draft: Draft) -> str:
    """The draft in one line: its course, when it was last changed, its file if any."""
    course = draft.speech.training.name.strip() or "（未填写培训班名称）"
    when = draft.changed_at.strftime("%Y年%m月%d日 %H:%M")
    where = f"  文件：{draft.source}" if draft.source else ""
    return f"{course}  最后修改：{when}{where}"


class ResumeDialog(ModalScreen[Choice]):
    """Dismisses with ("resume" | "discard", the draft), or None to leave the drafts for later."""

    BINDINGS = [Binding("escape", "dismiss(None)", "以后再说")]

    def __init__(self, drafts: list[Draft]) -> None:
        super().__init__()
        self.drafts = drafts

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="resume-dialog"):
            if len(self.drafts) == 1:
                draft = self.drafts[0]
                course = draft.speech.training.name.strip() or "（未填写培训班名称）"
                lines = ["恢复上次未完成的草稿？", "", f"培训：{course}"]
                lines.append(f"最后修改：{draft.changed_at.strftime('%Y年%m月%d日 %H:%M')}")
                if draft.source:
                    lines.append(f"文件：{draft.source}")
                yield Static(Text("\n".join(lines)), classes="dialog-question")
            else:
                question = f"有 {len(self.drafts)} 份未完成的草稿（最新的在前）。恢复哪一份？"
                yield Static(Text(question), classes="dialog-question")
                yield OptionList(*(Option(Text(describe(draft))) for draft in self.drafts), id="resume-drafts")
            with Horizontal(classes="dialog-buttons"):
                yield Button("恢复草稿", id="yes", variant="primary")
                yield Button("丢弃草稿", id="no", variant="error")

    def on_mount(self) -> None:
        if len(self.drafts) > 1:
            options = self.query_one(OptionList)
            options.highlighted = 0
            options.focus()  # ↑↓ choose, Enter resumes
        else:
            self.query_one("#yes", Button).focus()

    def chosen(self) -> Draft:
        if len(self.drafts) == 1:
            return self.drafts[0]
        return self.drafts[self.query_one(OptionList).highlighted or 0]

    @on(OptionList.OptionSelected)
    @on(Button.Pressed, "#yes")
    def _resume(self) -> None:
        self.dismiss(("resume", self.chosen()))

    @on(Button.Pressed, "#no")
    def _discard(self) -> None:
        self.dismiss(("discard", self.chosen()))
