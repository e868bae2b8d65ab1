"""Bring a speech one already has into the wizard: a file (.txt, .md, .docx) or pasted text.

The text is read and recognised first; what was found is shown, and only
"用它替换当前发言" replaces the speech being written.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static, TextArea

from wizard import importer
from wizard.importer import Imported
from wizard.storage import RecordError


class ImportTextDialog(ModalScreen[Imported | None]):
    """A path or pasted text in; the recognised record out, once the user has seen the report."""

    BINDINGS = [Binding("escape", "dismiss(None)", "取消")]

    def __init__(self, today: dt.date) -> None:
        super().__init__()
        self.today = today
        self.imported: Imported | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="import-text-dialog"):
            yield Static(
                Text("从已有文稿导入：填文件路径（.txt、.md、.docx），或把全文粘贴到下面的框里。"),
                classes="dialog-question",
            )
            with Horizontal(id="import-file-row"):
                yield Input(placeholder="如：~/文档/去年的发言.docx", id="import-path", select_on_focus=False)
                yield Button("读取文件", id="import-read")
            yield TextArea(id="import-text", soft_wrap=True, show_line_numbers=False)
            yield Button("识别粘贴的文字", id="import-recognise")
            yield Static(id="import-report")
            with Horizontal(classes="dialog-buttons"):
                yield Button("用它替换当前发言", id="yes", variant="primary", disabled=True)
                yield Button("取消", id="no")

    def on_mount(self) -> None:
        self.query_one("#import-path", Input).focus()

    @on(Input.Submitted, "#import-path")
    @on(Button.Pressed, "#import-read")
    async def read_file(self) -> None:
        path = self.query_one("#import-path", Input).value.strip()
        if not path:
            self.show_failure("请先填文件路径。")
            return
        try:
            imported = await asyncio.to_thread(importer.import_file, Path(path).expanduser(), self.today)
        except RecordError as error:
            self.show_failure(str(error))
            return
        self.show(imported)

    @on(Button.Pressed, "#import-recognise")
    def recognise_pasted(self) -> None:
        text = self.query_one("#import-text", TextArea).text
        if not text.strip():
            self.show_failure("粘贴框里还没有文字。")
            return
        self.show(importer.import_text(text, self.today))

    def show(self, imported: Imported) -> None:
        """The report of what was found; the speech can now be replaced by it."""
        self.imported = imported
        report = Text("识别结果：\n" + "\n".join(imported.report))
        self.query_one("#import-report", Static).update(report)
        self.query_one("#import-report").remove_class("-failed")
        yes = self.query_one("#yes", Button)
        yes.disabled = False
        yes.focus()

    def show_failure(self, message: str) -> None:
        self.imported = None
        self.query_one("#import-report", Static).update(Text(message))
        self.query_one("#import-report").add_class("-failed")
        self.query_one("#yes", Button).disabled = True

    @on(Button.Pressed, "#yes")
    def _replace(self) -> None:
        self.dismiss(self.imported)

    @on(Button.Pressed, "#no")
    def _cancel(self) -> None:
        self.dismiss(None)
