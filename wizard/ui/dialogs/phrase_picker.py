"""Pick a phrase from the bank: search by Chinese text or pinyin initials (sxxw → 深学细悟)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from wizard import phrases
from wizard.phrases import Phrase

LIMIT = 60


class PhrasePicker(ModalScreen[Phrase | None]):
    """The bank entries ``step`` offers (of ``kinds`` when given); dismisses with the chosen one."""

    BINDINGS = [Binding("escape", "dismiss(None)", "取消"), Binding("down", "to_list", show=False)]

    def __init__(self, step: str, kinds: tuple[str, ...] | None = None) -> None:
        super().__init__()
        self.step = step
        self.kinds = kinds
        self.found: list[Phrase] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="phrase-picker"):
            yield Static(Text("常用语（输入文字或拼音首字母搜索，回车插入）："), classes="dialog-question")
            yield Input(placeholder="如：深学细悟 或 sxxw", id="phrase-query", select_on_focus=False)
            yield OptionList(id="phrase-list")

    def on_mount(self) -> None:
        query = self.query_one("#phrase-query", Input)
        query.cursor_blink = getattr(self.app, "cursor_blink", True)
        query.focus()
        self.show("")

    def show(self, query: str) -> None:
        bank = phrases.bank()
        self.found = bank.search(query, self.kinds, self.step, limit=LIMIT)
        options = self.query_one("#phrase-list", OptionList)
        options.clear_options()
        for number, phrase in enumerate(self.found):
            label = Text(f"［{bank.kinds.get(phrase.kind, phrase.kind)}］", style="dim")
            label.append(" / ".join(phrase.leads) if phrase.is_set else phrase.text)
            options.add_option(Option(label, id=f"phrase-{number}"))
        if self.found:
            options.highlighted = 0

    @on(Input.Changed, "#phrase-query")
    def _search(self, event: Input.Changed) -> None:
        self.show(event.value)

    @on(Input.Submitted, "#phrase-query")
    def _take_first(self) -> None:
        options = self.query_one("#phrase-list", OptionList)
        if options.highlighted is not None and self.found:
            self.dismiss(self.found[options.highlighted])

    def action_to_list(self) -> None:
        self.query_one("#phrase-list", OptionList).focus()

    @on(OptionList.OptionSelected, "#phrase-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.found[event.option_index])
