"""Small and changing terminals: every step usable at 60×20, resizing never loses typing.

The form scrolls; the step bar, the footer and the field being typed in stay
on screen. Narrow terminals show the preview only on F4 (and on the review step).
"""

from __future__ import annotations

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Collapsible, Input, TextArea

from tests.ui.conftest import click, demo_app, new_app, screen_text, widget_for
from wizard.ui.wording import STEPS

SMALL = (60, 20)


def cursor_on_screen(widget: Input | TextArea) -> bool:
    """Whether the place being typed at is drawn (not scrolled away, not under the footer)."""
    return widget.screen.find_widget(widget).clip.contains_point(widget.cursor_screen_offset)


def text_of(widget) -> str:
    return widget.value if isinstance(widget, Input) else widget.text


def test_first_step_of_the_example_at_60x20(snap_compare):
    assert snap_compare(demo_app(), terminal_size=SMALL)


def rows(pilot: Pilot) -> list[str]:
    return screen_text(pilot).splitlines()


def some_fields(pilot: Pilot) -> list[Widget]:
    """The step's first and last field: the form has to scroll to reach the last."""
    found = [
        widget
        for widget in pilot.app.screen.query("FieldInput, FieldArea")
        if not any(isinstance(folded, Collapsible) and folded.collapsed for folded in widget.ancestors)
    ]
    return [found[0], found[-1]]


async def type_into(pilot: Pilot, widget: Widget, keys: str) -> None:
    """Focus ``widget`` as a click or Tab would (it scrolls into view), then type ``keys``."""
    if pilot.app.focused is not widget:
        widget.focus()
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()
    await pilot.press(*keys)
    await pilot.pause()
    await pilot.pause()  # a message line under the field follows the frame of the keystroke


async def test_every_step_is_usable_at_60x20(private_home):
    app = demo_app()
    async with app.run_test(size=SMALL) as pilot:
        for number, step in enumerate(STEPS, start=1):
            await pilot.pause()
            screen_rows = rows(pilot)
            assert app.state.step == step
            assert f"第 {number}/5 步" in screen_rows[0], "the step bar fits"
            footer = screen_rows[-1]
            assert "上一步" in footer and "下一步" in footer and "f4" in footer, "the footer shows the keys"
            # Fields can be reached (the form scrolls to them) and typed into.
            for widget in some_fields(pilot):
                before = text_of(widget)
                await type_into(pilot, widget, "x")
                assert text_of(widget) != before and "x" in text_of(widget), widget.path
                assert cursor_on_screen(widget), f"{widget.path}: typing off screen"
                if widget.path not in ("training.start", "training.end"):
                    assert app.state.session.text_of(widget.path) == text_of(widget)
            if step != STEPS[-1]:
                await click(pilot, "#next")
                assert app.state.step == STEPS[number]
        # And back again, by button and by key.
        await click(pilot, "#back")
        assert app.state.step == STEPS[-2]
        await pilot.press("f2")
        assert app.state.step == STEPS[-3]
        await pilot.press("f3")
        assert app.state.step == STEPS[-2]


async def test_a_growing_paragraph_keeps_the_typing_on_screen_at_60x20(private_home):
    app = new_app()
    async with app.run_test(size=SMALL) as pilot:
        app.go_to("reflections")
        await pilot.pause()
        body = widget_for(pilot, "sections[0].points[0].body")
        await type_into(pilot, body, "x")
        # Scrolled (as with the wheel) so that the paragraph is the last thing on screen.
        form = app.screen.query_one("#form")
        form.scroll_relative(y=body.region.bottom - form.content_region.bottom, animate=False)
        await pilot.pause()
        assert body.region.bottom == form.content_region.bottom and cursor_on_screen(body)
        # The area grows a line at a time as the paragraph wraps, up to its tallest.
        for _ in range(12):
            pilot.app.post_message(events.Paste("学而不思则罔，思而不学则殆。" * 2))
            await pilot.pause()
            assert cursor_on_screen(body), "the line being typed went under the footer"
        await pilot.press("enter", "y")
        await pilot.pause()
        assert cursor_on_screen(body)
        assert app.state.session.text_of(body.path).endswith("\ny")


SIZES = [(60, 20), (200, 50), (40, 10), (120, 40)]
#: Tiny and huge, one after another: the sequence that crashed an earlier compositor
#: patch ('NoneType' object has no attribute 'render').
RESIZES = [(40, 12), (150, 50), (20, 5), (200, 60), (10, 3), (80, 24), (1, 1), (60, 20)]


#: The step of cards within cards (courses and actions are laid out as it is); the plain fields of
#: the other steps are resized while typed in by the pty test and under toasts (tests/compat).
@pytest.mark.parametrize("step", ["reflections"])
async def test_resizing_while_typing_keeps_every_keystroke(private_home, step):
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.go_to(step)
        await pilot.pause()
        widget = list(app.screen.query("FieldInput, FieldArea"))[-1]
        await type_into(pilot, widget, "a")
        typed = "a"
        for (width, height), key in zip(RESIZES, "bcdefghi"):
            await pilot.resize_terminal(width, height)
            await pilot.press(key)  # at once, while the layout is still changing
            app.post_message(events.Paste("乙"))  # a Chinese character, as a terminal hands it over
            await pilot.pause()
            typed += key + "乙"
            assert app.is_running, f"ended at {width}×{height}"
            # Every frame of every size is drawn, to the last row.
            assert len(screen_text(pilot).splitlines()) == height
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert typed in text_of(widget), widget.path
        assert app.focused is widget and typed in app.state.session.text_of(widget.path)
        assert app.is_running and app.state.step == step


async def test_resizing_under_the_save_dialog(private_home):
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        path = app.screen.query_one("#save-path", Input)
        for (width, height), key in zip(SIZES, "bcde"):
            await pilot.resize_terminal(width, height)
            await pilot.press(key)
            await pilot.pause()
        assert path.value.endswith("bcde")
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and app.state.step == "training"


def preview_shown(pilot: Pilot) -> bool:
    """The preview is on screen, showing the speech (the part being edited, or its start)."""
    preview = pilot.app.screen.query_one("#preview")
    text = screen_text(pilot)
    return preview.display and preview.region.height > 2 and ("参加了为期5天" in text or "各位领导、同志们" in text)


async def test_a_narrow_terminal_shows_the_preview_only_on_f4(private_home):
    app = demo_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert not preview_shown(pilot)
        await pilot.press("f4")
        await pilot.pause()
        assert preview_shown(pilot)
        assert cursor_on_screen(app.focused), "the form keeps room for the field being typed in"
        await pilot.press("f4")
        await pilot.pause()
        assert not preview_shown(pilot)
        # Wide: beside the form, until F4 hides it; narrowing the terminal hides it too.
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert preview_shown(pilot)
        await pilot.resize_terminal(*SMALL)
        await pilot.pause()
        assert not preview_shown(pilot)
        # The review step is where the speech is read: shown there even when narrow.
        app.go_to("review")
        await pilot.pause()
        assert preview_shown(pilot)


@pytest.mark.parametrize("step", ["training", "review"])
async def test_at_40x12_the_count_is_whole_and_the_footer_keys_do_not_run_together(private_home, step):
    app = demo_app()
    async with app.run_test(size=(40, 12)) as pilot:
        app.go_to(step)
        await pilot.pause()
        screen_rows = rows(pilot)
        assert screen_rows[0].rstrip().endswith("2,238 字"), screen_rows[0]
        assert "palette" not in screen_rows[-1], "the palette's key is left out, not drawn over the others"
        assert screen_rows[-1].startswith("^q退出 ^s保存并完成 f2上一步"), screen_rows[-1]
