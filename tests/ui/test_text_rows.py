"""Rows of a text field drawn from the row cache are what TextArea itself draws, and reach the screen."""

from __future__ import annotations

import dataclasses

from textual._text_area_theme import TextAreaTheme
from textual.widgets import TextArea

from tests.ui.conftest import demo_app, paste_into
from tests.ui.test_compositor import Terminal, assert_shows_the_screen, watch
from wizard.ui.widgets.fields import field_id

EDITED = "sections[0].points[0].body"


def assert_rows_as_textarea_draws_them(area) -> None:
    for y in range(area.scrollable_content_region.height):
        cached = area.render_line(y)
        assert cached == TextArea.render_line(area, y), f"row {y}: {cached.text!r}"


async def test_cached_rows_follow_edits_cursor_selection_and_focus(private_home):
    app = demo_app()
    size = (120, 40)
    terminal = Terminal(*size)
    watch(app, terminal)
    async with app.run_test(size=size) as pilot:
        app.goto("reflections")
        await pilot.pause()
        area = app.screen.query_one(f"#{field_id(EDITED)}")
        area.focus()
        await pilot.pause()

        async def check(*keys: str) -> None:
            if keys:
                await pilot.press(*keys)
            await pilot.pause()
            assert_rows_as_textarea_draws_them(area)
            assert_shows_the_screen(pilot, terminal)

        await check()
        await check("end", "x", "y", "z")  # typing at the end of the paragraph
        await check("home", "right", "right", "q")  # in the middle: the rest of the paragraph moves
        await check("up", "down", "down")  # the cursor between rows of one paragraph
        await check("shift+right", "shift+right", "shift+down")  # a selection over rows
        await check("left")
        await check("(", "a", ")", "left", "left", "left")  # the cursor on a bracket: matched
        await check("enter", "n", "e", "w")  # a second line
        await check("shift+up", "shift+home")  # a selection over two lines
        await check("backspace")
        # Long enough to scroll inside the area; then scrolled back.
        await paste_into(pilot, EDITED, "通过这次培训，我深刻认识到年轻干部要在实践中经受锻炼。" * 30, replace=False)
        await check()
        await check("ctrl+home")
        await check("pagedown")
        # Another field takes the focus, then this one again.
        area.screen.focus_next()
        await check()
        area.focus()
        await check()
        # Emptied: the placeholder.
        area.clear()
        await check()
        await check("a")


def assert_theme_styles_are_fresh(area) -> None:
    """The styles the area draws with are those TextArea would work out from CSS now."""
    fresh = dataclasses.replace(TextAreaTheme.get_builtin_theme(area._theme.name))
    fresh.apply_css(area)
    for name in ("base_style", "gutter_style", "cursor_style", "cursor_line_style", "selection_style"):
        assert getattr(area._theme, name) == getattr(fresh, name), name


async def test_theme_styles_are_worked_out_once_and_again_when_the_styles_change(private_home, monkeypatch):
    applied = []
    apply_css = TextAreaTheme.apply_css
    monkeypatch.setattr(TextAreaTheme, "apply_css", lambda theme, area: applied.append(area) or apply_css(theme, area))
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.goto("reflections")
        await pilot.pause()
        area = app.screen.query_one(f"#{field_id(EDITED)}")
        area.focus()
        await pilot.pause()
        assert_theme_styles_are_fresh(area)
        before = applied.count(area)
        await pilot.press("end", *"通过这次培训")
        await pilot.pause()
        assert applied.count(area) == before  # typing repaints without working them out again
        assert_theme_styles_are_fresh(area)

        app.theme = "textual-light"
        await pilot.pause()
        assert applied.count(area) > before
        assert_theme_styles_are_fresh(area)
        area.screen.focus_next()  # the focus leaves: the cursor's styles change
        await pilot.pause()
        assert_theme_styles_are_fresh(area)
