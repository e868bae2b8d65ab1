"""The step indicator: where you are, how many steps, which steps have problems, how long.

On the right, the step's position and the speech's length in characters
(``第 3/5 步 · 2,345 字``), brought up to date with every keystroke.
When the names do not fit (a 60-column terminal), steps other than the current
one show only their number and problem count; the name is in the tooltip.
Only what changed is repainted: typing usually changes just the count.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.widgets import Static

from wizard.ui import texts
from wizard.ui.widgets.frame import QuietVirtualSize, paint_now, update_static

_NUMBERS = "①②③④⑤⑥⑦⑧⑨"


class StepTab(QuietVirtualSize, Static):
    """One step's name; clicking it jumps there."""

    class Chosen(Message):
        def __init__(self, step: str) -> None:
            super().__init__()
            self.step = step

    def __init__(self, step: str, number: int) -> None:
        super().__init__(id=f"tab-{step}", classes="step-tab")
        self.step = step
        self.number = number
        self.state: tuple[bool, int, bool] | None = None

    def virtual_size_moves_nothing(self, before: Size, after: Size) -> bool:
        return bool(self.size)

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
        if self.state == (current, problems, short):
            return
        self.state = (current, problems, short)
        label = self.label(problems, short)
        # The tab is as wide as its label: lay out again only when that width changes.
        self.update(label, layout=label.cell_len != self.size.width)
        paint_now(self)
        self.tooltip = Content(texts.step(self.step)["title"]) if short else None
        self.set_class(current, "-current")
        self.set_class(bool(problems), "-problems")

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Chosen(self.step))


class StepCount(QuietVirtualSize, Static):
    """The step's position and the speech's length, right-aligned in what the tabs leave."""

    def virtual_size_moves_nothing(self, before: Size, after: Size) -> bool:
        return bool(self.size)


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
        self.characters: int | None = None
        self.count_shown = ""
        self._names: tuple[int, ...] | None = None
        self._names_cells = 0

    def compose(self) -> ComposeResult:
        for number, step in enumerate(texts.STEPS):
            yield StepTab(step, number)
        yield StepCount(id="step-count")

    def show(self, problems: dict[str, int] | None = None, characters: int | None = None) -> None:
        """Refresh the tabs with the open problems per step, and the count with the length.

        Either can be left out (None): it stays as last shown.
        """
        if problems is not None:
            self.problems = problems
        if characters is not None:
            self.characters = characters
        problems, characters = self.problems or {}, self.characters
        position = f"第 {texts.STEPS.index(self.current) + 1}/{len(texts.STEPS)} 步"
        length = f"{characters:,} 字" if characters is not None else ""
        # What fits, best first: the step's names before its position, the length always.
        counts = [f"{position} · {length}", length] if length else [position]
        tabs = list(self.query(StepTab))
        names = self._names_width(tabs, problems)
        fitting = [text for text in counts if names + Text(text + " ").cell_len <= self.size.width]
        short = not fitting
        count = Text((fitting or counts)[0] + " ")
        for tab in tabs:
            is_current = tab.step == self.current
            tab.show(is_current, problems.get(tab.step, 0), short=short and not is_current)
        if count.plain != self.count_shown:
            self.count_shown = count.plain
            update_static(self.query_one("#step-count", Static), count)

    def _names_width(self, tabs: list[StepTab], problems: dict[str, int]) -> int:
        """Cells the tabs take with their names: worked out again only when the problems change."""
        key = tuple(problems.get(tab.step, 0) for tab in tabs)
        if self._names != key:
            self._names = key
            self._names_cells = sum(tab.label(count).cell_len for tab, count in zip(tabs, key))
        return self._names_cells

    def on_resize(self) -> None:
        if self.problems is not None or self.characters is not None:
            self.show()
