"""The compositor changes: Chinese text whole in overlays, and partial repaints that add up to the screen."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from rich.segment import ControlType
from textual.strip import Strip

from tests.ui.conftest import demo_app, paste_into, screen_text
from wizard.ui.widgets.fields import field_id

Cell = tuple[str, object]


class Terminal:
    """The cells a terminal would show after being sent each update the app displays."""

    def __init__(self, width: int, height: int) -> None:
        self.rows: list[list[Cell]] = [[(" ", None)] * width for _ in range(height)]
        self.updates = 0

    def write(self, segments) -> None:
        x = y = 0
        for segment in segments:
            if segment.control:
                for control in segment.control:
                    if control[0] == ControlType.CURSOR_MOVE_TO:
                        x, y = control[1], control[2]
                continue
            if segment.text == "\n":
                x, y = 0, y + 1
                continue
            for character in segment.text:
                width = cell_len(character)
                row = self.rows[y]
                if x < len(row):
                    row[x] = (character, segment.style)
                if width == 2 and x + 1 < len(row):
                    row[x + 1] = ("", segment.style)
                x += width

    @staticmethod
    def of_strips(strips) -> list[list[Cell]]:
        screen = Terminal(max((strip.cell_length for strip in strips), default=0), len(strips))
        for y, strip in enumerate(strips):
            screen.write([segment for segment in strip] and [_move_to(0, y), *strip])
        return screen.rows


def _move_to(x: int, y: int):
    from rich.control import Control

    return Control.move_to(x, y).segment


def watch(app, terminal: Terminal) -> None:
    """Send every update the app displays to ``terminal``."""
    display = app._display

    def recording(screen, renderable) -> None:
        if renderable is not None:
            terminal.write(renderable.__rich_console__(app.console, app.console.options))
            terminal.updates += 1
        display(screen, renderable)

    app._display = recording


def assert_shows_the_screen(pilot, terminal: Terminal) -> None:
    """What the updates built up on the terminal is what a full repaint would draw now."""
    full = Terminal.of_strips(pilot.app.screen._compositor.render_strips())
    for y, (shown, expected) in enumerate(zip(terminal.rows, full)):
        assert shown == expected, (
            f"row {y} differs:\n shown: {''.join(c for c, _ in shown)!r}\n"
            f"  full: {''.join(c for c, _ in expected)!r}"
        )


@pytest.mark.parametrize("message", ["已通过终端复制全文", "x已通过终端复制全文", "  已导出：发言稿"])
async def test_a_notification_over_the_preview_keeps_its_first_character(private_home, message):
    app = demo_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        app.notify(message, markup=False)
        await pilot.pause(0.3)
        assert message.strip() in screen_text(pilot)


async def test_an_open_dropdown_shows_its_chinese_options_whole(private_home):
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.goto("review")
        await pilot.pause()
        select = app.screen.query_one("#layout-date_style")
        select.scroll_visible(animate=False, immediate=True)
        await pilot.pause()
        select.expanded = True
        await pilot.pause(0.3)
        text = screen_text(pilot)
        for option in ("11月3日—11月5日", "11月3日—5日", "2026年11月3日—11月5日"):
            assert option in text


EDITED = "sections[0].points[0].body"


@pytest.mark.parametrize("size", [(160, 48), (80, 24)])
async def test_partial_repaints_add_up_to_what_a_full_repaint_draws(private_home, size):
    app = demo_app()
    terminal = Terminal(*size)
    watch(app, terminal)
    async with app.run_test(size=size, notifications=True) as pilot:
        app.goto("reflections")
        await pilot.pause()
        if size[0] < 120:
            await pilot.press("f4")  # the preview below the form
            await pilot.pause()
        area = app.screen.query_one(f"#{field_id(EDITED)}")
        area.focus()
        area.move_cursor(area.document.end)
        await pilot.pause()
        start = terminal.updates
        for key in "ab cd" * 6:
            await pilot.press(key)
        await pilot.pause()
        assert terminal.updates > start + 5, "typing was shown by partial updates"
        assert_shows_the_screen(pilot, terminal)
        # A long paste: the preview block grows by rows, the form may scroll.
        await paste_into(pilot, EDITED, "通过这次培训，我深刻认识到年轻干部要在实践中经受锻炼、增长才干。" * 8, replace=False)
        await pilot.pause()
        assert_shows_the_screen(pilot, terminal)
        for _ in range(30):
            await pilot.press("backspace")
        await pilot.pause()
        assert_shows_the_screen(pilot, terminal)
        # A toast over the preview's edge, then scrolling under it.
        app.notify("已通过终端复制全文", markup=False)
        await pilot.pause(0.3)
        await pilot.press("pageup", "up", "up")
        await pilot.pause()
        assert_shows_the_screen(pilot, terminal)
        # A dialog over the step, typed into and closed.
        await pilot.press("f6")
        await pilot.pause(0.3)
        await pilot.press("x", "y", "backspace")
        await pilot.pause()
        assert_shows_the_screen(pilot, terminal)
        await pilot.press("escape")
        await pilot.pause(0.3)
        assert_shows_the_screen(pilot, terminal)


def full_frames(compositor) -> tuple[Terminal, Terminal, list[object]]:
    """A full frame drawn by the replacement and by Textual's own method, and the Verticals the former drew."""
    from textual.containers import Vertical

    from wizard.ui.compositor import STOCK

    region = compositor.size.region
    stock = STOCK["_render_chops"](compositor, region, lambda y: True)
    asked: list[object] = []
    render_lines = Vertical.render_lines

    def spy(widget, crop):
        asked.append(widget)
        return render_lines(widget, crop)

    Vertical.render_lines = spy
    try:
        ours = compositor._render_chops(region, lambda y: True)
    finally:
        del Vertical.render_lines
    frames = [Terminal.of_strips([Strip.join(chop.values()) for chop in chops]) for chops in (ours, stock)]
    return frames[0], frames[1], asked


@pytest.mark.parametrize(("size", "step"), [((160, 48), "training"), ((80, 24), "training"), ((160, 48), "review")])
async def test_a_full_frame_is_textuals_own(private_home, size, step):
    app = demo_app()
    async with app.run_test(size=size) as pilot:
        app.goto(step)
        await pilot.pause()
        ours, stock, _asked = full_frames(app.screen._compositor)
        assert ours == stock
        assert app.screen.fields(), "the step shows fields"


async def test_a_container_its_children_cover_draws_nothing():
    from textual.app import App, ComposeResult
    from textual.containers import Vertical
    from textual.widgets import Static

    from wizard.ui import compositor

    compositor.apply()

    class Covered(App[None]):
        CSS = "#box, #open { height: auto; } #box > Static { width: 1fr; } #open { padding-left: 2; }"

        def compose(self) -> ComposeResult:
            with Vertical(id="box"):
                yield Static("第一行：培训概况")
                yield Static("第二行")
            with Vertical(id="open"):
                yield Static("左边留出两格")

    app = Covered()
    async with app.run_test(size=(40, 8)) as pilot:
        await pilot.pause()
        ours, stock, asked = full_frames(app.screen._compositor)
        assert ours == stock
        drawn = {getattr(widget, "id", None) for widget in asked}
        assert "box" not in drawn, "a container its children cover was drawn"
        assert "open" in drawn, "a container with its own cells (padding) must still draw them"
