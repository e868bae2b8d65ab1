"""汇编…: compile the class's pieces into one Word booklet from inside the wizard.

Files or folders in (one a line), the pieces found listed in their order (which
can be changed), the cover's wording, where to write: then the booklet is
written, with a progress bar while there are more than a few pieces. Reading
and writing run in a thread: the wizard stays responsive. Nothing the user typed
in the speech is touched.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, ProgressBar, Select, Static, TextArea

from wizard import booklet, house_style
from wizard.data_files import speech_wording
from wizard.storage import RecordError

#: More pieces than this and the reading and writing show a progress bar.
A_FEW = 5
ORDER_NAMES = {"given": "按给出的顺序", "name": "按作者姓名拼音", "date": "按培训日期"}


def entry(piece: booklet.Piece) -> str:
    """A piece in the list: its title, and its author unless the title names them already."""
    title = piece.speech.title
    return title if f"（{piece.author}）" in title else f"{title}（{piece.author}）"


class BookletDialog(ModalScreen[Path | None]):
    """Gather pieces, show them, write the booklet; dismissed with its path (None: closed without one)."""

    BINDINGS = [Binding("escape", "dismiss(None)", "关闭")]

    def __init__(self, today: dt.date, folder: Path) -> None:
        super().__init__()
        self.today = today
        self.folder = folder
        self.gathered: booklet.Gathered | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="booklet-dialog"):
            yield Static(
                Text("汇编：把学员交来的心得（记录 .toml、Word .docx、文本 .txt、.md）编成一个 Word 文件。"),
                classes="dialog-question",
            )
            yield Label("文件或文件夹（每行一个；文件夹包括其中的子文件夹）")
            yield TextArea(id="booklet-sources", soft_wrap=True, show_line_numbers=False)
            with Horizontal(classes="booklet-row"):
                yield Select(
                    [(label, order) for order, label in ORDER_NAMES.items()],
                    value="given",
                    allow_blank=False,
                    id="booklet-order",
                )
                yield Button("列出文稿", id="booklet-list")
            yield ProgressBar(id="booklet-progress", show_eta=False)
            yield Static(id="booklet-pieces")
            yield Label("封面标题")
            yield Input(speech_wording()["booklet"]["title"], id="booklet-title", select_on_focus=False)
            yield Label("副标题（可不填，如培训班名称）")
            yield Input(id="booklet-subtitle", select_on_focus=False)
            yield Label("编印单位（可不填）")
            yield Input(id="booklet-unit", select_on_focus=False)
            yield Label("保存为")
            yield Input(str(self.folder / "学员学习心得体会汇编.docx"), id="booklet-output", select_on_focus=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("生成汇编", id="yes", variant="primary", disabled=True)
                yield Button("关闭", id="no")

    def on_mount(self) -> None:
        self.query_one("#booklet-progress").display = False
        self.query_one("#booklet-sources").focus()

    def sources(self) -> list[Path]:
        text = self.query_one("#booklet-sources", TextArea).text
        return [Path(line.strip()).expanduser() for line in text.splitlines() if line.strip()]

    def progress(self, done: int, total: int) -> None:
        """Called from the worker thread: the bar follows, once there are more than a few pieces."""
        if total > A_FEW:
            self.app.call_from_thread(self._show_progress, done, total)

    def _show_progress(self, done: int, total: int) -> None:
        bar = self.query_one("#booklet-progress", ProgressBar)
        bar.display = True
        bar.update(total=total, progress=done)

    @on(Button.Pressed, "#booklet-list")
    @work(exclusive=True, group="booklet")
    async def list_pieces(self) -> None:
        sources = self.sources()
        if not sources:
            self.show_lines(["请先填文件或文件夹。"], failed=True)
            return
        order = str(self.query_one("#booklet-order", Select).value)
        output = self.output()
        self.gathered = await asyncio.to_thread(booklet.gather, sources, self.today, order, self.progress, output)
        self.query_one("#booklet-progress").display = False
        self.show_gathered()

    @on(Select.Changed, "#booklet-order")
    def reorder(self, event: Select.Changed) -> None:
        if self.gathered is not None:
            self.gathered.pieces.sort(key=booklet.sort_key(str(event.value)))
            self.show_gathered()

    def show_gathered(self) -> None:
        gathered = self.gathered
        assert gathered is not None
        pieces = gathered.pieces
        lines = [f"共 {len(pieces)} 篇：" if pieces else "没有可以编入的文稿。"]
        lines += [f"{number}. {entry(piece)}" for number, piece in enumerate(pieces, start=1)]
        lines += gathered.warnings + gathered.notes
        self.show_lines(lines, failed=not pieces)
        self.query_one("#yes", Button).disabled = not pieces

    def show_lines(self, lines: list[str], *, failed: bool = False) -> None:
        shown = self.query_one("#booklet-pieces", Static)
        shown.update(Text("\n".join(lines)))
        shown.set_class(failed, "-failed")

    def output(self) -> Path:
        """Where the booklet goes: the path given, as a .docx."""
        output = Path(self.query_one("#booklet-output", Input).value.strip() or "汇编.docx").expanduser()
        return output if output.suffix.lower() == ".docx" else output.with_name(output.name + ".docx")

    @on(Button.Pressed, "#yes")
    @work(exclusive=True, group="booklet")
    async def write(self) -> None:
        from wizard.ui.dialogs.confirm import ConfirmDialog

        gathered = self.gathered
        if gathered is None or not gathered.pieces:
            return
        output = self.output()
        if output.exists():
            question = f"{output} 已经存在。\n要覆盖吗？"
            if not await self.app.push_screen_wait(ConfirmDialog(question, "覆盖", "取消", yes_first=False)):
                return
        cover = booklet.Cover(
            self.query_one("#booklet-title", Input).value.strip() or speech_wording()["booklet"]["title"],
            self.query_one("#booklet-subtitle", Input).value.strip(),
            self.query_one("#booklet-unit", Input).value.strip(),
        )
        try:
            style = house_style.load()
            await asyncio.to_thread(booklet.write, output, gathered.pieces, cover, style, self.progress)
        except RecordError as error:
            self.show_lines([f"生成失败：{error}"], failed=True)
            return
        finally:
            self.query_one("#booklet-progress").display = False
        self.dismiss(output)

    @on(Button.Pressed, "#no")
    def _close(self) -> None:
        self.dismiss(None)
