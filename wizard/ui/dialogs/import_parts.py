"""Bring sections or chosen points from a past record into this one.

First a list of saved records (the data folder and the current folder), then
the parts of the chosen one, each a checkbox: a whole section, or single points.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, OptionList, SelectionList, Static
from textual.widgets.option_list import Option

from wizard import library
from wizard.assemble import heading_line
from wizard.library import Entry


@dataclass
class ImportChoice:
    """What to bring in: whole sections, and points as (section index, point index)."""

    entry: Entry
    sections: list[int] = field(default_factory=list)
    points: list[tuple[int, int]] = field(default_factory=list)


def record_folders() -> list[Path]:
    """Where past records are looked for: the data folder's records and drafts, and here."""
    return [*library.default_folders(), Path.cwd()]


class ImportDialog(ModalScreen[ImportChoice | None]):
    BINDINGS = [Binding("escape", "dismiss(None)", "取消")]

    def __init__(self, *exclude: Path | None) -> None:
        """``exclude``: the record being edited and this wizard's own draft, not offered as past records."""
        super().__init__()
        self.exclude = {path.resolve() for path in exclude if path is not None}
        self.entries: list[Entry] = []
        self.entry: Entry | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="import-dialog"):
            yield Static(Text("从以往的发言记录导入：选择一份记录"), id="import-question", classes="dialog-question")
            yield OptionList(id="import-records")
            yield SelectionList[str](id="import-parts")
            with Horizontal(classes="dialog-buttons"):
                yield Button("导入所选", id="yes", variant="primary", disabled=True)
                yield Button("取消", id="no")

    def on_mount(self) -> None:
        scan = library.scan(record_folders(), missing_ok=True)
        self.entries = [entry for entry in scan.entries if entry.path.resolve() not in self.exclude]
        records = self.query_one("#import-records", OptionList)
        if not self.entries:
            records.add_option(Option(Text("没有找到保存过的发言记录。"), disabled=True))
        for entry in self.entries:
            records.add_option(Option(Text(f"{entry.dates()}  {entry.course()}  {entry.characters:,}字  {entry.path}")))
        self.query_one("#import-parts").display = False
        records.focus()

    @on(OptionList.OptionSelected, "#import-records")
    def _record_chosen(self, event: OptionList.OptionSelected) -> None:
        self.entry = self.entries[event.option_index]
        parts = self.query_one("#import-parts", SelectionList)
        parts.clear_options()
        for number, section in enumerate(self.entry.speech.sections):
            parts.add_option((Text(heading_line(number + 1, section.heading)), f"s{number}"))
            for point_number, point in enumerate(section.points):
                label = (point.lead or point.body).strip()[:40]
                parts.add_option((Text(f"　　第{point_number + 1}点：{label}"), f"p{number}-{point_number}"))
        self.query_one("#import-records").display = False
        parts.display = True
        parts.focus()
        self.query_one("#import-question", Static).update(
            Text(f"选择要导入的部分或要点（空格勾选）：{self.entry.course()}")
        )
        self.query_one("#yes", Button).disabled = False

    @on(Button.Pressed, "#yes")
    def _import(self) -> None:
        if self.entry is None:
            return
        chosen = self.query_one("#import-parts", SelectionList).selected
        choice = ImportChoice(self.entry)
        for value in chosen:
            if value.startswith("s"):
                choice.sections.append(int(value[1:]))
        for value in chosen:
            if value.startswith("p"):
                section, point = (int(number) for number in value[1:].split("-"))
                if section not in choice.sections:
                    choice.points.append((section, point))
        self.dismiss(choice if choice.sections or choice.points else None)

    @on(Button.Pressed, "#no")
    def _cancel(self) -> None:
        self.dismiss(None)
