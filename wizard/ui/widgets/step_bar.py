"""The step indicator: where you are, how many steps, which steps have problems, how long.

On the right, the step's position and the speech's length in characters
(``第 3/5 步 · 2,345 字``), brought up to date with every keystroke.
When the names do not fit (a 60-column terminal), steps other than the current
one show only their number and problem count; the name is in the tooltip.

The bar is one widget drawing one line. With a widget per step, a tab that
gained or lost a problem count (as a sentence is finished and its warning goes)
changed width, and that laid out the whole screen: a tenth of all keystrokes
took a full layout. Here any change is a repaint of this one line.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import events
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from wizard.ui import texts
from wizard.ui.widgets.frame import paint_now

_NUMBERS = "①②③④⑤⑥⑦⑧⑨"


def tab_label(step: str, number: int, problems: int, short: bool = False) -> Text:
    """`` ① 培训概况 !2 ``, or with ``short`` just `` ① !2 ``."""
    label = Text(f" {_NUMBERS[number]}")
    if not short:
        label.append(f" {texts.step(step)['title']}")
    if problems:
        label.append(f" !{problems}", style="bold")
    label.append(" ")
    return label


class StepBar(Widget):
    """All steps in a row, the current one highlighted, a count of open problems on each."""

    class Chosen(Message):
        """A step's tab was clicked."""

        def __init__(self, step: str) -> None:
            super().__init__()
            self.step = step

    COMPONENT_CLASSES = {"step-bar--tab", "step-bar--problems", "step-bar--current", "step-bar--count"}
    DEFAULT_CSS = """
    StepBar { height: 1; background: $panel; }
    StepBar > .step-bar--tab { color: $text-muted; }
    StepBar > .step-bar--problems { color: $warning; }
    StepBar > .step-bar--current { background: $primary; color: $text; text-style: bold; }
    StepBar > .step-bar--count { color: $text-muted; }
    """

    def __init__(self, current: str) -> None:
        super().__init__(id="step-bar")
        self.current = current
        self.problems: dict[str, int] | None = None
        self.characters: int | None = None
        #: The counter's text as drawn, and where each tab is: (first cell, past its last, step).
        self.count_shown = ""
        self.spans: list[tuple[int, int, str]] = []
        self.short = False
        self._line: Text | None = None
        self._shown_key: tuple | None = None
        self._bar_style_cache: dict[str, Style] | None = None

    def show(self, problems: dict[str, int] | None = None, characters: int | None = None) -> None:
        """Refresh the tabs with the open problems per step, and the count with the length.

        Either can be left out (None): it stays as last shown. The line is
        repainted only when what it shows changed.
        """
        if problems is not None:
            self.problems = problems
        if characters is not None:
            self.characters = characters
        key = (tuple(sorted((self.problems or {}).items())), self.characters, self.size.width)
        if key == self._shown_key:
            return
        self._shown_key = key
        self._line = None
        self.refresh()
        paint_now(self)

    def _layout_line(self) -> Text:
        """The tabs, then the counter right-aligned in what they leave."""
        problems, characters = self.problems or {}, self.characters
        width = self.size.width
        position = f"第 {texts.STEPS.index(self.current) + 1}/{len(texts.STEPS)} 步"
        length = f"{characters:,} 字" if characters is not None else ""
        # What fits, best first: the step's names before its position, the length always.
        counts = [f"{position} · {length}", length] if length else [position]
        numbered = list(enumerate(texts.STEPS))
        names = sum(tab_label(step, number, problems.get(step, 0)).cell_len for number, step in numbered)
        fitting = [text for text in counts if names + Text(text + " ").cell_len <= width]
        self.short = short = not fitting
        count = Text((fitting or counts)[0] + " ")
        styles = self._bar_styles()
        line = Text()
        self.spans = []
        for number, step in numbered:
            current = step == self.current
            count_of_step = problems.get(step, 0)
            label = tab_label(step, number, count_of_step, short=short and not current)
            if current:
                name = "step-bar--current"
            else:
                name = "step-bar--problems" if count_of_step else "step-bar--tab"
            label.stylize_before(styles[name])
            self.spans.append((line.cell_len, line.cell_len + label.cell_len, step))
            line.append_text(label)
        gap = max(0, width - line.cell_len - count.cell_len)
        line.append(" " * gap + count.plain, styles["step-bar--count"])
        line.truncate(width)
        self.count_shown = count.plain
        return line

    def _bar_styles(self) -> dict[str, Style]:
        """The tab and counter styles, worked out again only when the styles change (~1.5 ms a key)."""
        if self._bar_style_cache is None:
            self._bar_style_cache = {name: self.get_component_rich_style(name) for name in self.COMPONENT_CLASSES}
        return self._bar_style_cache

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._bar_style_cache = None
        self._line = None

    def render(self) -> Text:
        if self._line is None or self._line.cell_len != self.size.width:
            self._line = self._layout_line()
        return self._line

    def on_resize(self) -> None:
        self._line = None
        self._shown_key = None
        self.refresh()

    def step_at(self, x: int) -> str | None:
        """The step whose tab is at column ``x``, if any."""
        return next((step for start, end, step in self.spans if start <= x < end), None)

    def tab_offset(self, step: str) -> int:
        """The first column of ``step``'s tab (where a click chooses it)."""
        return next(start for start, _end, name in self.spans if name == step)

    def on_click(self, event: events.Click) -> None:
        step = self.step_at(event.x)
        if step is not None:
            event.stop()
            self.post_message(self.Chosen(step))

    def on_mouse_move(self, event: events.MouseMove) -> None:
        step = self.step_at(event.x) if self.short else None
        tooltip = Content(texts.step(step)["title"]) if step is not None and step != self.current else None
        if tooltip != self.tooltip:
            self.tooltip = tooltip
