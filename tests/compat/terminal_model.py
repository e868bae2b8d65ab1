"""What a terminal shows of a Textual app: a demo app full of Chinese text, a spy on the
compositor's updates, and a small terminal that applies them as a real one does
(absolute cursor moves, double-width cells, writing over half a wide character
blanks the other half)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from rich.cells import get_character_cell_size
from rich.segment import Segment
from textual._compositor import Compositor
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.geometry import Region
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static, TextArea
from textual.widgets._toast import Toast

MESSAGE = "培训班学习心得：今天我们学习了如何写演讲稿，收获很大，感谢老师的耐心指导。"
CJK_TEXT = "\n".join(f"{i:02d}{'中文段落测试，用于填满屏幕。' * 4}" for i in range(60))
#: A wide character's right half: an empty cell, so a line's text has each character once.
CONT = ""


class Demo(App[None]):
    """A TextArea (left) and a bordered Static (right), both full of Chinese text; a
    hidden one-cell-wide Static between them makes more cuts when shown."""

    CSS = """
    Horizontal { height: 1fr; }
    #left { width: 40; height: 1fr; }
    #mid { width: 1; height: 1fr; display: none; background: red; }
    #right { width: 1fr; height: 1fr; border: round grey; }
    """

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield TextArea(CJK_TEXT, id="left")
            yield Static("|" * 500, id="mid")
            yield Static(CJK_TEXT, id="right")


class Board(Widget):
    """An overlay at x=31 over the edge (x=40) of the Static below: the cut there falls
    9 cells into its text, in the middle of 习."""

    DEFAULT_CSS = "Board { overlay: screen; position: absolute; offset: 31 5; width: 30; height: 3; }"
    text = "培训班学习心得今天我们学习了如"

    def render_line(self, y: int) -> Strip:
        return Strip([Segment(self.text)]).crop_extend(0, self.size.width, None)


class BoardApp(App[None]):
    CSS = "Horizontal { height: 1fr; } #left { width: 40; } #right { width: 1fr; }"

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Static(CJK_TEXT, id="left")
            yield Static(CJK_TEXT, id="right")
        yield Board()


_TOKEN = re.compile(
    r"\x1b\[(\d+);(\d+)H"  # cursor move (1-based)
    r"|\x1b\[[0-9;:?<>]*[A-Za-z]"  # any other CSI (SGR ...)
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC (links)
    r"|[\r\n]"
    r"|[^\x1b\r\n]+"
)


class Terminal:
    """A grid of cells; '?' is a cell never painted."""

    def __init__(self, width: int, height: int) -> None:
        self.size = (width, height)
        self.cells = [["?"] * width for _ in range(height)]
        self.x = self.y = 0

    def _blank(self, row: list[str], x: int) -> None:
        """Make cell x writable: a wide character half over it is erased, as terminals do."""
        if row[x] == CONT and x > 0:
            row[x - 1] = " "
        elif x + 1 < len(row) and row[x + 1] == CONT:
            row[x + 1] = " "

    def feed(self, data: str) -> None:
        width, height = self.size
        for match in _TOKEN.finditer(data):
            token = match.group(0)
            if match.group(1):
                self.y, self.x = int(match.group(1)) - 1, int(match.group(2)) - 1
            elif token[0] == "\x1b" or token in "\r\n":
                continue
            else:
                for char in token:
                    cells = get_character_cell_size(char)
                    if cells == 0 or not 0 <= self.y < height or self.x + cells > width:
                        self.x += cells
                        continue
                    row = self.cells[self.y]
                    self._blank(row, self.x)
                    if cells == 2:
                        self._blank(row, self.x + 1)
                        row[self.x + 1] = CONT
                    row[self.x] = char
                    self.x += cells

    def text(self, region: Region | None = None) -> list[str]:
        """The lines of ``region`` (all of the screen by default)."""
        region = region or Region(0, 0, *self.size)
        return ["".join(self.cells[y][region.x : region.right]) for y in region.line_range]


class Spy:
    """Feeds every update the app's current screen renders, as the bytes App._display
    writes, to a Terminal of the screen's size (a new one when the size changes)."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.terminal = Terminal(0, 0)
        self.kinds: list[str] = []

    def seen(self, compositor: Compositor, update: Any) -> None:
        if update is None or compositor is not self.app.screen._compositor:
            return
        size = (compositor.size.width, compositor.size.height)
        if self.terminal.size != size:
            self.terminal = Terminal(*size)
        self.kinds.append(type(update).__name__)
        self.terminal.feed(update.render_segments(self.app.console))


@contextmanager
def spying(app: App[Any]) -> Iterator[Spy]:
    spy = Spy(app)
    stock = Compositor.render_update

    def render_update(compositor: Compositor, *args: Any, **kwargs: Any) -> Any:
        update = stock(compositor, *args, **kwargs)
        spy.seen(compositor, update)
        return update

    Compositor.render_update = render_update  # type: ignore[method-assign, assignment]
    try:
        yield spy
    finally:
        Compositor.render_update = stock  # type: ignore[method-assign]


def compositor(app: App[Any]) -> Compositor:
    return app.screen._compositor


def full_frame(app: App[Any]) -> None:
    """Render a full frame (a LayoutUpdate, which a Spy sees)."""
    compositor(app).render_update(full=True)


def composed(app: App[Any]) -> list[str]:
    """Every line of a full frame as the compositor composes it (render_strips)."""
    return [strip.text for strip in compositor(app).render_strips()]


def composed_text(app: App[Any], region: Region) -> list[str]:
    strips = compositor(app).render_strips()
    return [strips[y].crop(region.x, region.right).text for y in region.line_range]


def toast_truth(toast: Toast) -> list[str]:
    """The toast rendered on its own: what must show on screen."""
    width, height = toast.region.size
    return [strip.text for strip in toast.render_lines(Region(0, 0, width, height))]


def squash(lines: list[str]) -> str:
    """The text without spaces and the toast's edge, to compare content whatever the padding."""
    return "".join(c for line in lines for c in line if not c.isspace() and c not in "▌▎▊")


async def wait_toast(app: App[Any], pilot: Pilot[Any]) -> Toast:
    """The first toast, once laid out (counted pauses, no clock)."""
    for _ in range(100):
        await pilot.pause()
        toasts = app.screen.query(Toast)
        if toasts and toasts.first().region:
            return toasts.first()
    raise AssertionError("no toast shown")
