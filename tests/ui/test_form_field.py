"""A paragraph field keeps the rows it drew: the same cells TextArea draws, fewer times."""

from __future__ import annotations

import pytest
from textual.widgets import TextArea

from tests.ui.conftest import demo_app, widget_for
from wizard.ui.widgets.form_field import FieldArea

BODY = "sections[0].points[0].body"


def drawn_by_textarea(area: FieldArea) -> list[list]:
    """Every visible row as TextArea itself draws it."""
    return [list(TextArea.render_line(area, y)) for y in range(area.content_size.height)]


def drawn(area: FieldArea) -> list[list]:
    return [list(area.render_line(y)) for y in range(area.content_size.height)]


async def test_kept_rows_are_the_rows_textarea_draws(private_home):
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.go_to("reflections")
        await pilot.pause()
        area = widget_for(pilot, BODY)
        area.focus()
        await pilot.pause()
        drawn(area)  # keep every row once
        for location in [(0, 0), (0, 40), area.document.end]:
            area.move_cursor(location)
            await pilot.pause()
            assert drawn(area) == drawn_by_textarea(area), location
        # A selection, the cursor's row and a focus change are drawn as TextArea draws them.
        area.select_all()
        await pilot.pause()
        assert drawn(area) == drawn_by_textarea(area)
        area.move_cursor(area.document.end)
        await pilot.press("x")
        await pilot.pause()
        assert drawn(area) == drawn_by_textarea(area)
        app.screen.set_focus(None)
        await pilot.pause()
        assert drawn(area) == drawn_by_textarea(area)


@pytest.mark.perf
async def test_a_key_near_the_end_draws_only_the_rows_that_changed(private_home, monkeypatch):
    app = demo_app()
    # Tall enough that the field stays in view (scrolling would move, and redraw, every row).
    async with app.run_test(size=(120, 60)) as pilot:
        app.go_to("reflections")
        await pilot.pause()
        area = widget_for(pilot, BODY)
        area.focus()
        # Before the closing full stop: no warning comes (a message line would restyle the field).
        row, column = area.document.end
        area.move_cursor((row, column - 1))
        await pilot.pause()
        assert area.content_size.height >= 6, "a paragraph of several rows"
        drawn(area)
        calls: list[int] = []
        own = TextArea.render_line
        monkeypatch.setattr(TextArea, "render_line", lambda self, y: calls.append(y) or own(self, y))
        await pilot.press("x")
        await pilot.pause()
        drawn(area)
        # The cursor's row, and the row the key changed (the same one, or the one before it).
        assert 1 <= len(set(calls)) <= 2, calls
