"""The step indicator: where you are, how many steps, which steps have problems, how long.

On the right, the step's position and the speech's length in characters
(``第 3/5 步 · 2,345 字``), brought up to date with every keystroke.
When the names do not fit (a 60-column terminal), steps other than the current
one show only their number and problem count; the name is in the tooltip.

The bar is one widget drawing one line (Textual's line API), so a tab that
gains or loses a problem count changes no widget's size: nothing is laid out
again, and only the cells that changed are repainted.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.content import Content
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from wizard.ui.wording import STEPS, Wording

_NUMBERS = "①②③④⑤⑥⑦⑧⑨"


_BOLD = Style(bold=True)


def tab_label(title: str, number: int, problems: int, short: bool = False) -> list[tuple[str, bool]]:
    """`` ① 培训概况 !2 ``, or with ``short`` just `` ① !2 ``: its pieces, each with whether it is bold."""
    name = f" {_NUMBERS[number]}" if short else f" {_NUMBERS[number]} {title}"
    return [(name, False), (f" !{problems}", True), (" ", False)] if problems else [(name + " ", False)]


def _cells(pieces: list[tuple[str, bool]]) -> int:
    return sum(cell_len(text) for text, _bold in pieces)


def _cells_of(line: Strip) -> list[tuple[str, Style | None]]:
    """Each cell of a drawn line, its character and style, to compare two drawings of the bar.

    A double-width character fills two cells: the second is an empty string.
    """
    cells: list[tuple[str, Style | None]] = []
    for segment in line:
        for char in segment.text:
            cells.append((char, segment.style))
            cells.extend([("", segment.style)] * (cell_len(char) - 1))
    return cells


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

    def __init__(self, current: str, wording: Wording) -> None:
        super().__init__(id="step-bar")
        self.current = current
        self.titles = {step: wording.title(step) for step in STEPS}
        self.problems: dict[str, int] | None = None
        self.characters: int | None = None
        #: The counter's text as drawn, and where each tab is: (first cell, past its last, step).
        self.count_shown = ""
        self.spans: list[tuple[int, int, str]] = []
        self.short = False
        self._line: Strip | None = None
        self._shown_key: tuple | None = None
        self._bar_style_cache: dict[str, Style] | None = None
        #: The line as last drawn, cell by cell, to repaint only what changes.
        self._drawn: list[tuple[str, Style | None]] = []

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
        if not self.size or not self._drawn:
            self.refresh()
            return
        before = self._drawn
        self.render_line(0)
        cells = self._drawn
        changed = [x for x, (old, new) in enumerate(zip(before, cells)) if old != new]
        if len(cells) != len(before):
            self.refresh()
        elif changed:
            self.refresh(Region(changed[0], 0, changed[-1] - changed[0] + 1, 1))

    def _layout_line(self) -> Strip:
        """The tabs, then the counter right-aligned in what they leave."""
        problems, characters = self.problems or {}, self.characters
        width = self.size.width
        position = f"第 {STEPS.index(self.current) + 1}/{len(STEPS)} 步"
        length = f"{characters:,} 字" if characters is not None else ""
        # What fits, best first: every step's name, then the position and the length;
        # short of room, only the current step's name; then the length alone; then no count.
        counts = [f"{position} · {length}", length] if length else [position]
        numbered = list(enumerate(STEPS))
        titles = self.titles

        def tabs(short: bool) -> int:
            return sum(
                _cells(tab_label(titles[step], number, problems.get(step, 0), short and step != self.current))
                for number, step in numbered
            )

        short, count = True, ""
        for short_names in (False, True):
            fitting = [text for text in counts if tabs(short_names) + cell_len(text + " ") <= width]
            if fitting:
                short, count = short_names, fitting[0] + " "
                break
        self.short = short
        styles = self._bar_styles()
        segments: list[Segment] = []
        self.spans = []
        x = 0
        for number, step in numbered:
            current = step == self.current
            count_of_step = problems.get(step, 0)
            if current:
                name = "step-bar--current"
            else:
                name = "step-bar--problems" if count_of_step else "step-bar--tab"
            start = x
            for text, bold in tab_label(titles[step], number, count_of_step, short=short and not current):
                segments.append(Segment(text, styles[name] + _BOLD if bold else styles[name]))
                x += cell_len(text)
            self.spans.append((start, x, step))
        gap = max(0, width - x - cell_len(count))
        segments.append(Segment(" " * gap + count, styles["step-bar--count"]))
        self.count_shown = count
        return Strip(segments).adjust_cell_length(width, styles[""]).simplify()

    def _bar_styles(self) -> dict[str, Style]:
        """The bar's style (``""``) and each part's on it, worked out again only when the styles change."""
        if self._bar_style_cache is None:
            base = self.rich_style
            self._bar_style_cache = {"": base} | {
                name: base + self.get_component_rich_style(name) for name in self.COMPONENT_CLASSES
            }
        return self._bar_style_cache

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._bar_style_cache = None
        self._line = None

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y:
            return Strip.blank(width, self._bar_styles()[""])
        if self._line is None or self._line.cell_length != width:
            self._line = self._layout_line()
            self._drawn = _cells_of(self._line)
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
        tooltip = Content(self.titles[step]) if step is not None and step != self.current else None
        if tooltip != self.tooltip:
            self.tooltip = tooltip
