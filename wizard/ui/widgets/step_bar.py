"""The step indicator: where you are, how many steps, which steps have problems.

When the names do not fit (a 60-column terminal), steps other than the current
one show only their number and problem count; the name is in the tooltip.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
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

    def label(self, problems: int, short: bool = False) -> Text:
        """`` ① 培训概况 !2 ``, or with ``short`` just `` ① !2 ``."""
        label = Text(f" {_NUMBERS[self.number]}")
        if not short:
            label.append(f" {texts.step(self.step)['title']}")
        if problems:
            label.append(f" !{problems}", style="bold")
        label.append(" ")
        return label

    def show(self, current: bool, problems: int, short: bool = False) -> None:
        self.update(self.label(problems, short))
        self.tooltip = Content(texts.step(self.step)["title"]) if short else None
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
        self.problems: dict[str, int] | None = None

    def compose(self) -> ComposeResult:
        for number, step in enumerate(texts.STEPS):
            yield StepTab(step, number)
        yield Static(id="step-count")

    def show(self, problems: dict[str, int]) -> None:
        """Refresh the tabs with the number of open problems per step."""
        self.problems = problems
        position = texts.STEPS.index(self.current) + 1
        count = Text(f"第 {position}/{len(texts.STEPS)} 步 ")
        tabs = list(self.query(StepTab))
        needed = count.cell_len + sum(tab.label(problems.get(tab.step, 0)).cell_len for tab in tabs)
        short = needed > self.size.width
        for tab in tabs:
            is_current = tab.step == self.current
            tab.show(is_current, problems.get(tab.step, 0), short=short and not is_current)
        self.query_one("#step-count", Static).update(count)

    def on_resize(self) -> None:
        if self.problems is not None:
            self.show(self.problems)
