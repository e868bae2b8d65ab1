"""Double-width characters under an overlay (Textualize/textual#6357, wizard/ui/compat/overlay_cells.py).

A toast is laid over the right edge of a TextArea, so that the edge cuts the toast's
text, and what the terminal shows is compared with the toast rendered on its own:
after a full frame and after partial frames (typing into the TextArea under it).
"""

from __future__ import annotations

import random
from typing import Any

import pytest
from textual.app import App
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets import TextArea
from textual.widgets._toast import Toast

from wizard.ui.compat import overlay_cells

from .terminal_model import (
    MESSAGE,
    Board,
    BoardApp,
    Demo,
    composed,
    composed_text,
    compositor,
    full_frame,
    spying,
    squash,
    toast_truth,
    wait_toast,
)

pytestmark = pytest.mark.perf

SIZES = [(40, 12), (150, 50), (20, 5), (200, 60), (10, 3), (80, 24), (1, 1), (60, 20)]


async def show_toast(app: Demo, pilot: Pilot[Any], message: str, offset: int, mid: int) -> Toast:
    """A toast with the TextArea's right edge ``offset`` cells into its text (odd: in the
    middle of a Chinese character), and a ``mid``-wide widget after that edge (more cuts)."""
    app.notify(message, timeout=600)
    toast = await wait_toast(app, pilot)
    app.query_one("#left").styles.width = toast.content_region.x + offset
    if mid:
        app.query_one("#mid").styles.width = mid
        app.query_one("#mid").display = True
    await pilot.pause()
    return toast


async def type_under(app: Demo, pilot: Pilot[Any], toast: Toast) -> None:
    """Type into the TextArea on the row of the toast's text: partial frames under the toast."""
    text_area = app.query_one("#left", TextArea)
    row = toast.content_region.y - text_area.content_region.y + text_area.scroll_offset.y
    text_area.cursor_location = (row, 0)
    await pilot.pause()
    await pilot.press("x")
    await pilot.pause()


def shows_toast(lines: list[str], toast: Toast) -> bool:
    return squash(lines) == squash(toast_truth(toast))


def assert_full_width(app: App[Any]) -> None:
    width = compositor(app).size.width
    assert [strip.cell_length for strip in compositor(app).render_strips()] == [width] * compositor(app).size.height


async def what_shows(*, fixed: bool, message: str = MESSAGE, offset: int = 1, mid: int = 0) -> dict[str, bool]:
    """Whether the toast's text shows whole: composed, on the terminal after a full
    frame, and after partial frames that follow a correct full frame."""
    mode = overlay_cells.install if fixed else overlay_cells.uninstall
    app = Demo()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        with spying(app) as spy:
            mode()
            toast = await show_toast(app, pilot, message, offset, mid)
            region = toast.region
            result = {"composed": shows_toast(composed_text(app, region), toast)}
            full_frame(app)
            assert spy.kinds[-1] == "LayoutUpdate"
            result["full frame"] = shows_toast(spy.terminal.text(region), toast)
            overlay_cells.install()
            full_frame(app)
            assert shows_toast(spy.terminal.text(region), toast)
            mode()
            seen = len(spy.kinds)
            await type_under(app, pilot, toast)
            assert "ChopsUpdate" in spy.kinds[seen:], spy.kinds[seen:]
            result["partial frames"] = shows_toast(spy.terminal.text(region), toast)
            if fixed:
                assert_full_width(app)
                assert spy.terminal.text() == composed(app), "the terminal differs from a full frame"
    return result


async def test_without_the_fix_the_characters_vanish(overlay: None) -> None:
    """Stock Textual still loses them. If this fails, #6357 is fixed upstream: drop overlay_cells."""
    assert await what_shows(fixed=False) == {"composed": False, "full frame": False, "partial frames": False}


@pytest.mark.parametrize(("offset", "mid"), [(1, 0), (3, 0), (5, 0), (2, 0), (1, 1), (1, 2), (3, 3)])
async def test_with_the_fix_they_show_in_full_and_partial_frames(overlay: None, offset: int, mid: int) -> None:
    assert all((await what_shows(fixed=True, offset=offset, mid=mid)).values())


def _random_cases(count: int) -> list[Any]:
    """Messages of Chinese, ASCII and emoji; the edge anywhere in the first 12 cells."""
    rng = random.Random(6357)
    alphabet = "培训班学习心得中文abc d,，。🙂"
    cases = []
    for number in range(count):
        message = "".join(rng.choice(alphabet) for _ in range(rng.randint(5, 70)))
        cases.append(pytest.param(message, rng.randint(0, 12), rng.choice([0, 0, 1, 2, 3]), id=f"random{number}"))
    return cases


@pytest.mark.parametrize(("message", "offset", "mid"), _random_cases(6))
async def test_with_the_fix_random_messages_show(overlay: None, message: str, offset: int, mid: int) -> None:
    assert all((await what_shows(fixed=True, message=message, offset=offset, mid=mid)).values())


@pytest.mark.parametrize("start", [9, 10, 14, 5, 8])
async def test_an_overlay_repainting_part_of_itself_shows_the_new_text(fixed: None, start: int) -> None:
    """The cut at x=40 is 9 cells into the board, mid-character; the board repaints from ``start``."""
    app = BoardApp()
    async with app.run_test(size=(80, 24)) as pilot:
        with spying(app) as spy:
            await pilot.pause()
            board = app.query_one(Board)
            assert board.region == Region(31, 5, 30, 3)
            full_frame(app)
            board.text = "培训班学习心得明天他们复习了吗"  # changed right of the cut only
            board.refresh(Region(start, 0, 30 - start, 3))
            await pilot.pause()
            assert "明天他们复习了吗" in composed(app)[5]
            assert spy.terminal.text() == composed(app)


async def frames_at_each_size() -> list[list[str]]:
    app = Demo()
    async with app.run_test(size=(80, 24)) as pilot:
        frames = []
        for size in SIZES:
            await pilot.resize_terminal(*size)
            frames.append(composed(app))
        return frames


async def test_without_an_overlay_the_frames_are_stock(overlay: None) -> None:
    overlay_cells.uninstall()
    stock = await frames_at_each_size()
    overlay_cells.install()
    assert await frames_at_each_size() == stock


async def test_resizing_while_typing_under_toasts(fixed: None) -> None:
    """No exception, no missing piece, and the terminal shows what a full frame would."""
    app = Demo()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        with spying(app) as spy:
            await show_toast(app, pilot, MESSAGE, offset=1, mid=0)
            text_area = app.query_one("#left", TextArea)
            text_area.focus()
            for width, height in SIZES:
                await pilot.resize_terminal(width, height)
                for key in ("a", "space", "b", "enter"):
                    await pilot.press(key)
                text_area.insert("中文")
                app.notify(MESSAGE, timeout=600)
                await pilot.pause()
                screen = compositor(app).size
                assert (screen.width, screen.height) == (width, height)
                for line in compositor(app)._render_chops(screen.region, lambda y: True):
                    assert None not in line.values()
                assert_full_width(app)
                assert spy.terminal.text() == composed(app), (width, height)
            assert set(spy.kinds) == {"LayoutUpdate", "ChopsUpdate"}


def test_install_is_idempotent_and_uninstall_restores_textuals_method(overlay: None) -> None:
    from textual._compositor import Compositor

    overlay_cells.uninstall()
    own = Compositor.__dict__["_render_chops"]
    assert overlay_cells.install() and overlay_cells.install()
    assert Compositor.__dict__["_render_chops"] is overlay_cells._render_chops
    overlay_cells.uninstall()
    overlay_cells.uninstall()
    assert Compositor.__dict__["_render_chops"] is own
    assert not overlay_cells.installed()
