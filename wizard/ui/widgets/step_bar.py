"""The step indicator: where you are, how many steps, which steps have problems."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Static

from wizard.ui import texts

_NUMBERS = "①②③④⑤⑥⑦⑧⑨"


class StepTab(Static):
    """One step's name; clicking it jumps there."""

    class Chosen(Message):
        def __init__(self, step: str) -> None:
            super().__init__()
            self.step = step

    def __init__(self, step: str, number: int) -> None:
        super().__init__(id=f"tab-{step}", classes="step-tab")
        self.step = step
        self.number = number

    def show(self, current: bool, problems: int) -> None:
        label = Text(f" {_NUMBERS[self.number]} {texts.step(self.step)['title']}")
        if problems:
            label.append(f" !{problems}", style="bold")
        label.append(" ")
        self.update(label)
        self.set_class(current, "-current")
        self.set_class(bool(problems), "-problems")

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Chosen(self.step))


class StepBar(Horizontal):
    """All steps in a row, the current one highlighted, a count of open problems on each."""

    DEFAULT_CSS = """
    StepBar { height: 1; background: $panel; }
    StepBar > .step-tab { width: auto; color: $text-muted; }
    StepBar > .step-tab.-problems { color: $warning; }
    StepBar > .step-tab.-current { background: $primary; color: $text; text-style: bold; }
    StepBar > #step-count { width: 1fr; content-align: right middle; color: $text-muted; }
    """

    def __init__(self, current: str) -> None:
        super().__init__(id="step-bar")
        self.current = current

    def compose(self) -> ComposeResult:
        for number, step in enumerate(texts.STEPS):
            yield StepTab(step, number)
        yield Static(id="step-count")

    def show(self, problems: dict[str, int]) -> None:
        """Refresh the tabs with the number of open problems per step."""
        for tab in self.query(StepTab):
            tab.show(tab.step == self.current, problems.get(tab.step, 0))
        position = texts.STEPS.index(self.current) + 1
        self.query_one("#step-count", Static).update(Text(f"第 {position}/{len(texts.STEPS)} 步 "))
